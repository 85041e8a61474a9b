"""The check report workbook (``roster check --format xlsx``).

A ``Findings`` sheet and a ``Roster`` grid (the input grid, or one built from the timesheet:
one cell per employee and day with the times worked) whose offending cells are filled (red for
a violation, yellow for a warning) and carry a comment naming the rule(s). Written atomically
with :func:`scheduler.io.excel.safe_save`; user text goes through
:func:`scheduler.io.excel.cell_text`. The words (headers, the headline, finding order)
are the report's (:mod:`scheduler.io.report.text`).

A finding marks the grid cells of its employee whose work period overlaps the finding's window;
when no work period does (a rest window, say), the cells of the days the window touches. A
finding over more than a week (4/8/52-week sums, the horizon) or with no window marks the
employee's id cell instead, so a long window does not colour a whole row.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from scheduler.io.excel import cell_text, safe_save, visible_controls
from scheduler.io.report.text import FINDING_KEYS, counts, group_by_employee, headline, mode_words
from scheduler.io.roster.load import CheckInput
from scheduler.io.write import printing
from scheduler.io.write import styles as st
from scheduler.model import PeriodKind, WorkPeriod


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
        (t("mode"), mode_words(report, lang)),
        (t("horizon_start"), check.settings.start),
        (t("horizon_end"), check.settings.end),
        (t("violations"), counts(report.findings)[0]),
        (t("warnings"), counts(report.findings)[1]),
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


# How the report's sheets print (as the roster workbook's, scheduler.io.write.printing): the
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
