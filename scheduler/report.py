"""Rendering a check report: a readable table, JSON, or an Excel workbook (``roster check``).

* **Table** — findings grouped by employee, worst first (most violations, then most warnings,
  then employee id; findings about no one in particular come last). Each line shows the rule id,
  paragraph, time window (Europe/Oslo wall clock), measured against limit, the tier that would
  allow it and the message. :func:`render_text` gives plain text (for pipes and files);
  :func:`print_table` draws the same with ``rich`` on a terminal.
* **JSON** — exactly the agreed schema (``CheckReport.to_json_dict``): ``ruleset_version``,
  ``input_sha256``, ``mode``, ``findings`` (rule, paragraph, severity, employee, window_start,
  window_end, measured, limit, unit, allowed_by, message, source — ``roster``, or ``history``
  when History alone causes it; times ISO 8601 with offset) and ``summary`` (rule id → count),
  then ``coverage`` (what was read and checked, what not, with its cells:
  :class:`scheduler.roster_source.Coverage`). Keys of ``summary`` are sorted and the text
  is indented the same way every time, so the same input gives byte-identical output.
* **Coverage** — every format says what was read: the table and text end with a Coverage
  section, the xlsx Check sheet lists it. A check that left anything out never says "no
  findings" (:func:`headline`): it says "NOT A FULL CHECK".
* **xlsx** — a ``Findings`` sheet and a ``Roster`` grid (the input grid, or one built from the
  timesheet: one cell per employee and day with the times worked) whose offending cells are
  filled (red for a violation, yellow for a warning) and carry a comment naming the rule(s).
  Written atomically with :func:`scheduler.workbook.excel.safe_save`; user text goes through
  :func:`scheduler.workbook.excel.cell_text`.

A finding marks the grid cells of its employee whose work period overlaps the finding's window;
when no work period does (a rest window, say), the cells of the days the window touches. A
finding over more than a week (4/8/52-week sums, the horizon) or with no window marks the
employee's id cell instead, so a long window does not colour a whole row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter

from constraints.base import Finding, Severity
from scheduler import i18n
from scheduler.clock import TZ
from scheduler.i18n import formats
from scheduler.model import PeriodKind, WorkPeriod
from scheduler.roster_input import CheckInput
from scheduler.roster_source import Coverage
from scheduler.workbook import printing
from scheduler.workbook import styles as st
from scheduler.workbook.excel import cell_text, safe_save, visible_controls

FINDING_KEYS = tuple(f"findings.{k}" for k in (
    "severity", "rule", "paragraph", "employee", "window_start", "window_end", "measured",
    "limit", "unit", "allowed_by", "message"))
FINDING_HEADERS = tuple(i18n.text(k) for k in FINDING_KEYS)
NO_EMPLOYEE = i18n.text("report.all_employees")
# Every text people read comes from the catalogue of the language asked for (``lang``, ``en``
# by default: scheduler.i18n); rule ids, paragraphs and the JSON stay as they are.


# --------------------------------------------------------------------------------------------
# Formatting helpers


def local(dt: datetime | None) -> datetime | None:
    return None if dt is None else dt.astimezone(TZ)


def format_window(f: Finding) -> str:
    s, e = local(f.window_start), local(f.window_end)
    if s is None and e is None:
        return ""
    if s is None or e is None:
        one = s or e
        assert one is not None
        return one.strftime("%Y-%m-%d %H:%M")
    if e.date() == s.date():
        return f"{s:%Y-%m-%d %H:%M}–{e:%H:%M}"
    return f"{s:%Y-%m-%d %H:%M} → {e:%Y-%m-%d %H:%M}"


def _num(x: float, lang: str = "en") -> str:
    return i18n.number(x, "g" if abs(x - round(x, 2)) < 1e-9 else ".2f", lang)


def format_measure(f: Finding, lang: str = "en") -> str:
    """``"12.5 vs limit 9 hours"``; empty when the finding measures nothing."""
    unit = f" {i18n.unit(f.unit, lang)}" if f.unit else ""
    if f.measured is None and f.limit is None:
        return ""
    if f.limit is None:
        return f"{_num(f.measured or 0, lang)}{unit}"
    if f.measured is None:
        return i18n.text("report.measure_limit", lang, limit=_num(f.limit, lang), unit=unit)
    return i18n.text("report.measure", lang, measured=_num(f.measured, lang),
                     limit=_num(f.limit, lang), unit=unit)


def group_by_employee(findings: Iterable[Finding]) -> list[tuple[str | None, list[Finding]]]:
    """Findings per employee, worst first (violations, then warnings, then id; no-one last)."""
    groups: dict[str | None, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.employee, []).append(f)

    def worst(item: tuple[str | None, list[Finding]]) -> tuple[int, int, int, str]:
        emp, fs = item
        v = sum(1 for f in fs if f.severity == Severity.violation)
        return (emp is None, -v, -(len(fs) - v), emp or "")

    out = sorted(groups.items(), key=worst)
    return [(emp, sorted(fs, key=_finding_order)) for emp, fs in out]


def _finding_order(f: Finding) -> tuple[Any, ...]:
    sev = 0 if f.severity == Severity.violation else 1
    start = f.window_start.timestamp() if f.window_start is not None else float("-inf")
    return (sev, start, f.rule, f.message)


def _counts(findings: Sequence[Finding]) -> tuple[int, int]:
    v = sum(1 for f in findings if f.severity == Severity.violation)
    return v, len(findings) - v


def _mode(report: Any, lang: str) -> str:
    """The check's mode as people read it (``fixed`` / ``fast``; the JSON keeps ``fixed``)."""
    return i18n.text(f"report.mode_{report.mode}", lang)


def headline(report: Any, source: str = "", lang: str = "en",
             coverage: Coverage | None = None) -> str:
    """One line: the counts, or "no findings" - only when the check was complete; a check that
    left work unread or unchecked says so and never says "no findings"."""
    v, w = _counts(report.findings)
    emps = len({f.employee for f in report.findings if f.employee is not None})
    where = f"{source}: " if source else ""
    gaps = len(coverage.gaps()) if coverage is not None else 0
    if not report.findings:
        if gaps:
            return i18n.text("report.not_full", lang, where=where, n=gaps,
                             mode=_mode(report, lang))
        return i18n.text("report.no_findings", lang, where=where, mode=_mode(report, lang))

    def count(key: str, n: int) -> str:
        return i18n.text(f"report.{key}_{'one' if n == 1 else 'many'}", lang, n=n)

    line = i18n.text(
        "report.headline", lang, where=where, violations=count("violations", v),
        warnings=count("warnings", w), who=count("who", emps) if emps else "",
        mode=_mode(report, lang), version=report.ruleset_version,
    )
    if gaps:
        line += i18n.text("report.not_full_suffix", lang, n=gaps)
    return line


def coverage_lines(coverage: Coverage | None, lang: str = "en") -> list[str]:
    """The coverage as text lines: what was read and checked, what not (with cells)."""
    if coverage is None:
        return []
    lines = [i18n.text("report.coverage_title", lang), f"  {coverage.summary(lang)}"]
    gaps = coverage.gaps()
    if gaps:
        lines.append(f"  {i18n.text('report.coverage_gaps', lang)}")
        lines.extend(f"    - {p.text(lang)}" for p in gaps)
    else:
        lines.append(f"  {i18n.text('report.coverage_complete', lang)}")
    if coverage.ignored:
        lines.append(f"  {i18n.text('report.coverage_ignored', lang)}")
        lines.extend(f"    - {p.text(lang)}" for p in coverage.ignored)
    return lines


def _group_title(emp: str | None, fs: Sequence[Finding], lang: str) -> str:
    v, w = _counts(fs)
    who = emp or i18n.text("report.all_employees", lang)
    return i18n.text("report.group", lang, emp=who, v=v, w=w)


# --------------------------------------------------------------------------------------------
# Table


def render_text(report: Any, source: str = "", lang: str = "en",
                coverage: Coverage | None = None) -> str:
    """The findings as plain text, grouped by employee, worst first, then the coverage."""
    lines = [headline(report, source, lang, coverage)]
    for emp, fs in group_by_employee(report.findings):
        lines.append("")
        lines.append(_group_title(emp, fs, lang))
        for f in fs:
            parts = [
                f"  [{i18n.severity(f.severity.value, lang)}] {f.rule} "
                f"({i18n.paragraph(f.rule, f.paragraph, lang)})",
                format_window(f),
                format_measure(f, lang),
                i18n.text("report.allowed_by", lang, tier=f.allowed_by.value)
                if f.allowed_by else "",
            ]
            lines.append("  ".join(p for p in parts if p))
            lines.append(f"      {f.message}")
    if report.summary:
        lines.append("")
        lines.append(i18n.text("report.summary", lang))
        for rule in sorted(report.summary):
            lines.append(f"  {rule} ({i18n.rule_title(rule, lang)}): {report.summary[rule]}")
    if coverage is not None:
        lines.append("")
        lines.extend(coverage_lines(coverage, lang))
    return "\n".join(lines) + "\n"


def print_table(report: Any, console: Any, source: str = "", lang: str = "en",
                coverage: Coverage | None = None) -> None:
    """The findings as rich tables (one per employee), then the coverage, for a terminal."""
    from rich.table import Table
    from rich.text import Text

    gaps = coverage is not None and not coverage.complete
    console.print(Text(headline(report, source, lang, coverage),
                       style="bold red" if gaps else "bold"))
    window = i18n.text("report.col_window", lang)
    for emp, fs in group_by_employee(report.findings):
        table = Table(
            title=Text(_group_title(emp, fs, lang)),  # a name like "[/b]" is text, not markup
            title_justify="left",
            show_lines=False,
            expand=False,
        )
        for name in (i18n.text("findings.rule", lang), "§", window,
                     i18n.text("findings.measured", lang), i18n.text("findings.allowed_by", lang)):
            table.add_column(name, no_wrap=name != window)
        table.add_column(i18n.text("findings.message", lang), overflow="fold", ratio=1,
                         min_width=30)
        for f in fs:
            style = "red" if f.severity == Severity.violation else "yellow"
            table.add_row(
                Text(f.rule, style=style),
                i18n.paragraph(f.rule, f.paragraph, lang),
                format_window(f),
                format_measure(f, lang),
                f.allowed_by.value if f.allowed_by else "",
                Text(f.message),
            )
        console.print(table)
    if report.summary:
        summary = Table(title=i18n.text("report.summary_title", lang), title_justify="left")
        summary.add_column(i18n.text("findings.rule", lang))
        summary.add_column(i18n.text("report.col_title", lang))
        summary.add_column(i18n.text("report.col_count", lang), justify="right")
        for rule in sorted(report.summary):
            summary.add_row(rule, i18n.rule_title(rule, lang), str(report.summary[rule]))
        console.print(summary)
    for line in coverage_lines(coverage, lang):
        console.print(Text(line))


# --------------------------------------------------------------------------------------------
# JSON


def to_json_text(report: Any, input_sha256: str, coverage: Coverage | None = None) -> str:
    """The report in the agreed JSON schema plus ``coverage`` (what was read and checked),
    deterministic byte for byte."""
    data = report.to_json_dict(input_sha256)
    data["summary"] = {k: data["summary"][k] for k in sorted(data["summary"])}
    if coverage is not None:
        data["coverage"] = coverage.to_json()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# xlsx


def _naive(dt: datetime | None) -> datetime | None:
    """Excel has no time zones: Europe/Oslo wall-clock time."""
    return None if dt is None else dt.astimezone(TZ).replace(tzinfo=None)


def _start_day(p: WorkPeriod) -> date:
    return p.start.astimezone(TZ).date()


def _period_label(p: WorkPeriod) -> str:
    s, e = p.start.astimezone(TZ), p.end.astimezone(TZ)
    text = p.shift or f"{s:%H:%M}–{e:%H:%M}"
    if e.date() != s.date() and not p.shift:
        text += "+1"
    if p.kind == PeriodKind.overtime:
        text += " OT"
    elif p.kind == PeriodKind.extra:
        text += " extra"
    return text


def _header(ws: Any, row: int, labels: Sequence[str], col0: int = 1) -> None:
    for i, label in enumerate(labels):
        c = ws.cell(row=row, column=col0 + i, value=label)
        c.font = st.HEADER_FONT
        c.fill = st.HEADER_FILL
        c.alignment = st.CENTER


def _write_findings(ws: Any, findings: Sequence[Finding], lang: str = "en",
                    nothing: str = "") -> None:
    _header(ws, 1, [i18n.text(k, lang) for k in FINDING_KEYS])
    if not findings:
        ws.cell(row=2, column=1, value=i18n.text("findings.none", lang))
        ws.cell(row=2, column=11, value=cell_text(nothing))
    ordered = [f for _, fs in group_by_employee(findings) for f in fs]
    for i, f in enumerate(ordered):
        r = 2 + i
        values: list[Any] = [
            i18n.severity(f.severity.value, lang),
            f.rule,
            i18n.paragraph(f.rule, f.paragraph, lang),
            cell_text(f.employee or ""),
            _naive(f.window_start),
            _naive(f.window_end),
            f.measured,
            f.limit,
            i18n.unit(f.unit, lang),
            f.allowed_by.value if f.allowed_by else "",
            cell_text(f.message),
        ]
        for j, v in enumerate(values):
            c = ws.cell(row=r, column=1 + j, value=v)
            if j in (4, 5) and v is not None:
                c.number_format = st.DATETIME_FMT
        ws.cell(row=r, column=11).alignment = st.WRAP
        colour = st.VIOLATION if f.severity == Severity.violation else st.WARNING
        ws.cell(row=r, column=1).fill = st.fill(colour)
    if findings:
        ws.auto_filter.ref = f"A1:K{1 + len(findings)}"
    ws.freeze_panes = "A2"
    for col, width in {1: 10, 2: 32, 3: 12, 4: 12, 5: 17, 6: 17, 7: 10, 8: 8, 9: 8, 10: 22, 11: 80}.items():
        ws.column_dimensions[get_column_letter(col)].width = width


# Findings over windows longer than this (4/8/52-week sums, the whole horizon) mark the
# employee's id cell instead of every shift in the window.
MAX_MARK_WINDOW = timedelta(days=7, hours=1)


def offending_cells(
    findings: Sequence[Finding],
    periods_by_emp: dict[str, list[WorkPeriod]],
    days: Sequence[date],
) -> dict[tuple[str, date | None], list[Finding]]:
    """(employee, day) -> findings that mark that grid cell; day ``None`` is the id cell.

    A finding marks the cells of the days on which its employee starts a work period that
    overlaps its window; when none does (a rest window, say), the days the window touches.
    A finding with no window, or a window longer than a week, marks the employee's id cell.
    """
    day_set = set(days)
    marks: dict[tuple[str, date | None], list[Finding]] = {}
    for f in findings:
        if f.employee is None:
            continue
        ws_, we_ = f.window_start, f.window_end
        if ws_ is None or we_ is None or we_ - ws_ > MAX_MARK_WINDOW:
            marks.setdefault((f.employee, None), []).append(f)
            continue
        hit: set[date] = set()
        for p in periods_by_emp.get(f.employee, []):
            if p.start < we_ and p.end > ws_:
                hit.add(_start_day(p))
        if not hit:
            d = ws_.astimezone(TZ).date()
            last = (we_ - timedelta(microseconds=1)).astimezone(TZ).date()
            while d <= last:
                hit.add(d)
                d += timedelta(days=1)
        hit &= day_set
        if not hit:
            marks.setdefault((f.employee, None), []).append(f)
        for d in hit:
            marks.setdefault((f.employee, d), []).append(f)
    return marks


def _write_grid(ws: Any, check: CheckInput, findings: Sequence[Finding], lang: str = "en") -> int:
    """The roster grid with offending cells marked; returns the number of marked cells."""
    src = check.source
    periods_by_emp: dict[str, list[WorkPeriod]] = {}
    for p in check.roster.periods:
        periods_by_emp.setdefault(p.employee, []).append(p)
    if src.kind == "grid" and src.days:
        days = list(src.days)
    else:
        days = check.settings.days()
    employees = list(src.employee_order) or sorted(periods_by_emp)
    for f in findings:
        if f.employee is not None and f.employee not in employees:
            employees.append(f.employee)
    labels: dict[tuple[str, date], list[str]] = {}
    if src.kind == "grid":
        for (emp, d), code in src.codes.items():
            if code:
                labels[(emp, d)] = [code]
    else:
        for p in check.roster.periods:
            labels.setdefault((p.employee, _start_day(p)), []).append(_period_label(p))

    _header(ws, 1, [i18n.text("sheet.roster.employee", lang), i18n.text("sheet.roster.name", lang)])
    for j, d in enumerate(days):
        c = ws.cell(row=1, column=3 + j, value=d)
        c.number_format = formats.day_header_format(d, lang)
        c.font = st.HEADER_FONT
        c.fill = st.HEADER_FILL
        c.alignment = st.CENTER
    col_of = {d: 3 + j for j, d in enumerate(days)}
    marks = offending_cells(findings, periods_by_emp, days)
    for i, emp in enumerate(employees):
        r = 2 + i
        ws.cell(row=r, column=1, value=cell_text(emp)).font = st.BOLD
        ws.cell(row=r, column=2, value=cell_text(src.names.get(emp, "")))
        for d in days:
            c = ws.cell(row=r, column=col_of[d])
            text = "\n".join(labels.get((emp, d), []))
            if text:
                c.value = cell_text(text)
            c.alignment = st.CENTER if src.kind == "grid" else st.WRAP
            c.border = st.GRID
    row_of = {emp: 2 + i for i, emp in enumerate(employees)}
    for (emp, d), fs in marks.items():
        c = ws.cell(row=row_of[emp], column=1 if d is None else col_of[d])
        violation = any(f.severity == Severity.violation for f in fs)
        c.fill = st.fill(st.VIOLATION if violation else st.WARNING)
        rules = sorted({f.rule for f in fs})
        lines = [f"{rule}: {next(f.message for f in fs if f.rule == rule)}" for rule in rules]
        c.comment = Comment(visible_controls("\n".join(lines)[:2000]), "roster check",
                            width=360, height=160)
    ws.freeze_panes = "C2"
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 20
    for j in range(len(days)):
        ws.column_dimensions[get_column_letter(3 + j)].width = 10 if src.kind == "grid" else 13
    return len(marks)


def write_xlsx(report: Any, check: CheckInput, path: Path | str, lang: str = "en") -> Path:
    """A new workbook with ``Findings`` and ``Roster`` sheets, saved atomically to ``path``
    (sheet names and headings in ``lang``)."""

    def t(key: str) -> str:
        return i18n.text(f"report.{key}", lang)

    wb = Workbook()
    ws = wb.active
    ws.title = t("sheet_findings")
    cov = check.coverage
    nothing = (i18n.text("findings.nothing", lang) if cov.complete
               else headline(report, "", lang, cov))
    _write_findings(ws, list(report.findings), lang, nothing)
    _write_grid(wb.create_sheet(t("sheet_roster")), check, list(report.findings), lang)
    info = wb.create_sheet(t("sheet_check"))
    rows: list[tuple[str, Any]] = [
        (t("input_file"), cell_text(check.source.path.name)),
        (t("sha"), check.input_sha256),
        (t("ruleset"), report.ruleset_version),
        (t("mode"), _mode(report, lang)),
        (t("horizon_start"), check.settings.start),
        (t("horizon_end"), check.settings.end),
        (t("violations"), _counts(report.findings)[0]),
        (t("warnings"), _counts(report.findings)[1]),
        (t("coverage_full"), t("coverage_yes") if cov.complete else t("coverage_no")),
        (t("coverage_rows"), cov.rows_read),
        (t("coverage_periods"), cov.periods_checked),
        (t("coverage_from"), i18n.text(f"coverage.from_{cov.period_from or 'roster'}", lang)),
    ]
    for p in cov.gaps():
        rows.append((t("coverage_gaps"), cell_text(p.text(lang))))
    for p in cov.ignored:
        rows.append((t("coverage_ignored"), cell_text(p.text(lang))))
    for i, (label, value) in enumerate(rows):
        info.cell(row=1 + i, column=1, value=label).font = st.BOLD
        c = info.cell(row=1 + i, column=2, value=value)
        if isinstance(value, date):
            c.number_format = st.DATE_FMT
    info.column_dimensions["A"].width = 18
    info.column_dimensions["B"].width = 70
    for r in range(1, len(rows) + 1):
        info.cell(row=r, column=2).alignment = st.WRAP
    _print_setup(wb, check, lang)
    return safe_save(wb, path)


# How the report's sheets print (as the roster workbook's, scheduler.workbook.printing): the
# findings one landscape page wide with their header row on every page; the roster grid one
# page wide with the id/name columns on every page; the check's facts on one portrait page.
PAGES: dict[str, printing.Page] = {
    "sheet_findings": printing.Page(),
    "sheet_roster": printing.Page(title_cols=2),
    "sheet_check": printing.Page(landscape=False, pages_tall=1, title_rows=0),
}


def _print_setup(wb: Workbook, check: CheckInput, lang: str) -> None:
    """Widths from content, heights of wrapped rows (so a long message shows whole, never
    over the next row) and the page setup of each sheet."""
    s = check.settings
    for key, page in PAGES.items():
        ws = wb[i18n.text(f"report.{key}", lang)]
        if key != "sheet_roster":  # the grid sizes its day columns itself
            printing.fit_widths(ws)
        printing.wrap_heights(ws, first_row=1 if page.title_rows == 0 else 2)
        printing.setup_page(ws, page, unit=s.site_name, start=s.start, end=s.end, lang=lang)
