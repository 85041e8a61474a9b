"""Rendering a check report: a readable table or JSON (``roster check``; the Excel workbook is
:mod:`scheduler.io.report.xlsx`).

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
  :class:`scheduler.io.roster.source.Coverage`). Keys of ``summary`` are sorted and the text
  is indented the same way every time, so the same input gives byte-identical output.
* **Coverage** — every format says what was read: the table and text end with a Coverage
  section, the xlsx Check sheet lists it. A check that left anything out never says "no
  findings" (:func:`headline`): it says "NOT A FULL CHECK".
* **xlsx** — written by :mod:`scheduler.io.report.xlsx`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from constraints.base import Finding, Severity
from scheduler import i18n
from scheduler.clock import TZ
from scheduler.io.roster.source import Coverage

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


def counts(findings: Sequence[Finding]) -> tuple[int, int]:
    v = sum(1 for f in findings if f.severity == Severity.violation)
    return v, len(findings) - v


def mode_words(report: Any, lang: str) -> str:
    """The check's mode as people read it (``fixed`` / ``fast``; the JSON keeps ``fixed``)."""
    return i18n.text(f"report.mode_{report.mode}", lang)


def headline(report: Any, source: str = "", lang: str = "en",
             coverage: Coverage | None = None) -> str:
    """One line: the counts, or "no findings" - only when the check was complete; a check that
    left work unread or unchecked says so and never says "no findings"."""
    v, w = counts(report.findings)
    emps = len({f.employee for f in report.findings if f.employee is not None})
    where = f"{source}: " if source else ""
    gaps = len(coverage.gaps()) if coverage is not None else 0
    if not report.findings:
        if gaps:
            return i18n.text("report.not_full", lang, where=where, n=gaps,
                             mode=mode_words(report, lang))
        return i18n.text("report.no_findings", lang, where=where, mode=mode_words(report, lang))

    def count(key: str, n: int) -> str:
        return i18n.text(f"report.{key}_{'one' if n == 1 else 'many'}", lang, n=n)

    line = i18n.text(
        "report.headline", lang, where=where, violations=count("violations", v),
        warnings=count("warnings", w), who=count("who", emps) if emps else "",
        mode=mode_words(report, lang), version=report.ruleset_version,
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
    v, w = counts(fs)
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
