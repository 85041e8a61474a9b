"""``roster diff``: every changed shift between two rosters, with the § 10-3 notice flag."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from scheduler import i18n
from scheduler.cli.common import EXIT_OK, input_errors_exit_2

HELP = """Compare two rosters (or timesheets) and list every changed shift, each with the
§ 10-3 notice flag (AML-10-3-plan: a work plan is made known at least 14 days before it starts).

\b
OLD and NEW are roster workbooks or timesheets, read as "roster check" reads them (the Shifts
sheet from the workbook itself or from --problem). Both must cover the same employees and the
same period; if not, the command says which (exit 2).

\b
A change is "within notice" when it takes effect less than 14 days after --as-of, the moment
it is made known (default: today; a date alone means the end of that day). A change takes
effect at the earlier of the old and the new shift's start, and at the start of the day when
a day off is changed. Such a change needs the employee's agreement or a reason the law
accepts. The 14 days are confirmed only through Spekter's summary of the law; the reading is
protective (see docs/candidates.md).

\b
Output: a table (default), --json (stable keys), or -o DIFF.xlsx (a Changes sheet).

\b
Examples:
  roster diff published.xlsx revised.xlsx --as-of 2026-03-01
  roster diff mars.xlsx mars-ny.xlsx --problem avdeling.xlsx --lang nb -o endringer.xlsx
  roster diff old.csv new.csv --as-of 2026-03-01T14:30 --json
"""


def parse_as_of(value: str | None) -> datetime:
    """--as-of: a date (the end of that day), a date and time (Oslo wall clock, or with an
    offset), or none (the end of today)."""
    from scheduler.errors import InputError, Issue
    from scheduler.replan.notice import made_known_at

    if value is None:
        return made_known_at(date.today())
    text = value.strip()
    try:
        if len(text) == 10:
            return made_known_at(date.fromisoformat(text))
        return made_known_at(datetime.fromisoformat(text))
    except ValueError:
        raise InputError([Issue(i18n.msg("diff.bad_as_of", value=value))]) from None


def _load(path: Path, problem: Path | None) -> tuple[Any, list[Any], str]:
    """The roster as ``roster check`` reads it, or its problems (with their language)."""
    from scheduler.errors import InputError
    from scheduler.io.roster.load import load_check_input

    try:
        return load_check_input(path, problem=problem), [], "en"
    except InputError as exc:
        return None, list(exc.issues), exc.lang


def _employees(data: Any) -> dict[str, str]:
    """Employee id -> where it is in the input (grid: its first cell, e.g. ``C5``; timesheet:
    its first line or row)."""
    src = data.source
    out: dict[str, str] = {}
    if src.kind == "grid":
        first: dict[str, str] = {}
        for (emp, _day), cell in sorted(src.cells.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            first.setdefault(emp, cell)
        return {emp: first.get(emp, "") for emp in src.employee_order}
    for i, p in enumerate(src.roster.periods):
        out.setdefault(p.employee, src.place(i))
    return out


def load_pair(old: Path, new: Path, problem: Path | None) -> tuple[Any, Any]:
    """Both rosters; every input problem of both at once, then whether they cover the same
    employees and the same period (exit 2 naming the difference). Two timesheets are compared
    over both their spans (a timesheet lists work, not employees), unless a Settings sheet
    gives the period."""
    from scheduler.errors import InputError, Issue

    a, issues_a, lang_a = _load(old, problem)
    b, issues_b, lang_b = _load(new, problem)
    if issues_a or issues_b:
        raise InputError(issues_a + issues_b, lang_a if lang_a != "en" else lang_b)
    issues: list[Issue] = []
    ea: dict[str, str] = {}
    eb: dict[str, str] = {}
    if a.source.kind == "timesheet" and b.source.kind == "timesheet":
        # A timesheet lists work, not employees: a person or a day with no work left is a
        # change. Its period is its own span unless Settings (or --problem) give one.
        if "settings" not in (a.coverage.period_from, b.coverage.period_from):
            return a, b
    else:
        ea, eb = _employees(a), _employees(b)
    for path, mine, other_path, other in ((old, ea, new, eb), (new, eb, old, ea)):
        for emp in mine:
            if emp not in other:
                issues.append(Issue(i18n.msg("diff.employee_missing", employee=emp,
                                             other=other_path.name),
                                    str(path), a.source.sheet if path == old else b.source.sheet,
                                    mine[emp]))
    pa, pb = (a.settings.start, a.settings.end), (b.settings.start, b.settings.end)
    if pa != pb:
        issues.append(Issue(i18n.msg("diff.period_differs", old=old.name, new=new.name,
                                     old_start=str(pa[0]), old_end=str(pa[1]),
                                     new_start=str(pb[0]), new_end=str(pb[1]))))
    if issues:
        raise InputError(issues, a.settings.language)
    return a, b


def change_json(c: Any, names: dict[str, str]) -> dict[str, Any]:
    def iso(t: datetime | None) -> str | None:
        return None if t is None else t.isoformat()

    return {
        "employee": c.employee, "name": names.get(c.employee, ""), "date": c.day.isoformat(),
        "old": c.old, "new": c.new, "change": c.kind.value,
        "old_start": iso(c.old_start), "old_end": iso(c.old_end),
        "new_start": iso(c.new_start), "new_end": iso(c.new_end),
        "effective": iso(c.effective), "within_notice": c.within_notice, "started": c.started,
    }


def diff_json(changes: list[Any], *, old: Path, new: Path, as_of: datetime, period: tuple[date, date],
              names: dict[str, str], notice_days: int) -> dict[str, Any]:
    from scheduler.replan.notice import RULE_ID

    return {
        "old": old.name, "new": new.name, "rule": RULE_ID, "notice_days": notice_days,
        "as_of": as_of.isoformat(),
        "period": {"start": period[0].isoformat(), "end": period[1].isoformat()},
        "summary": {"changes": len(changes),
                    "within_notice": sum(c.within_notice for c in changes),
                    "employees": len({c.employee for c in changes})},
        "changes": [change_json(c, names) for c in changes],
    }


def _cell(value: str | None, lang: str) -> str:
    return value if value is not None else i18n.text("diff.off", lang)


def _flag(c: Any, lang: str) -> str:
    if c.started:
        return i18n.text("diff.flag_started", lang)
    return i18n.text("diff.flag_within" if c.within_notice else "diff.flag_in_time", lang)


def headline(changes: list[Any], as_of: datetime, notice_days: int, lang: str) -> str:
    return i18n.text("diff.headline", lang, n=len(changes),
                     within=sum(c.within_notice for c in changes), days=notice_days,
                     as_of=f"{as_of:%Y-%m-%d %H:%M}")


def columns(lang: str) -> list[str]:
    return [i18n.text(f"diff.col.{k}", lang)
            for k in ("date", "employee", "name", "old", "new", "effective", "notice")]


def rows(changes: list[Any], names: dict[str, str], lang: str) -> list[list[str]]:
    return [[c.day.isoformat(), c.employee, names.get(c.employee, ""), _cell(c.old, lang),
             _cell(c.new, lang), f"{c.effective:%Y-%m-%d %H:%M}", _flag(c, lang)]
            for c in changes]


def print_table(changes: list[Any], names: dict[str, str], lang: str, head: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(Text(head, style="bold"))
    if not changes:
        return
    table = Table(show_lines=False)
    for name in columns(lang):
        table.add_column(name)
    for c, row in zip(changes, rows(changes, names, lang), strict=True):
        style = "red" if c.within_notice else ""
        table.add_row(*(Text(v, style=style if i == 6 else "") for i, v in enumerate(row)))
    console.print(table)


def write_xlsx(path: Path, changes: list[Any], names: dict[str, str], lang: str,
               head: str) -> None:
    """A Changes sheet: the headline, then one row per change (user text formula-safe),
    saved atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from scheduler.io.excel import safe_save, set_text
    from scheduler.io.write import printing

    wb = Workbook()
    ws = wb.active
    ws.title = i18n.text("diff.sheet", lang)
    set_text(ws.cell(row=1, column=1), head)
    ws.cell(row=1, column=1).font = Font(bold=True)
    for col, name in enumerate(columns(lang), start=1):
        ws.cell(row=3, column=col, value=name).font = Font(bold=True)
    flag_fill = PatternFill("solid", start_color="FFF4CCCC", end_color="FFF4CCCC")
    for r, (c, row) in enumerate(zip(changes, rows(changes, names, lang), strict=True), start=4):
        for col, value in enumerate(row, start=1):
            set_text(ws.cell(row=r, column=col), value)
        if c.within_notice:
            ws.cell(row=r, column=7).fill = flag_fill
    widths = (12, 12, 24, 12, 12, 18, 26)
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + col)].width = w
    ws.freeze_panes = "A4"
    days = [c.day for c in changes] or [date.today()]
    printing.setup_page(ws, printing.Page(title_rows=3), unit="", start=min(days),
                        end=max(days), lang=lang)
    safe_save(wb, path)


@click.command("diff", help=HELP)
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--problem", type=click.Path(dir_okay=False, path_type=Path),
              help="Workbook with the Shifts (and Settings) both rosters use, when they do not "
                   "carry them.")
@click.option("--as-of", "as_of", metavar="DATE[THH:MM]",
              help="When the change is made known (default: today; a date alone = the end of "
                   "that day).")
@click.option("--notice-days", type=click.IntRange(0, 365), default=14, show_default=True,
              help="The § 10-3 notice in days (14 in the law as Spekter summarises it).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable keys) instead of a table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the changes to this .xlsx workbook (a Changes sheet).")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None,
              help="Language of headings and messages: en or nb [default: the Settings sheet's, "
                   "else en]. JSON keys stay the same.")
@input_errors_exit_2
def diff(old: Path, new: Path, problem: Path | None, as_of: str | None, notice_days: int,
         as_json: bool, output: Path | None, lang: str | None) -> None:
    from scheduler.cli.paths import guard_outputs
    from scheduler.replan.diff import diff_rosters

    moment = parse_as_of(as_of)
    guard_outputs({"the report": output}, {"OLD": old, "NEW": new, "--problem": problem})
    a, b = load_pair(old, new, problem)
    lang = i18n.language(lang or a.settings.language)
    changes = diff_rosters(a.roster, b.roster, as_of=moment, notice_days=notice_days,
                           day_boundary=a.settings.day_boundary)
    names = {**a.source.names, **b.source.names}
    names.update({e.id: e.name for e in (*a.employees, *b.employees) if e.name})
    head = headline(changes, moment, notice_days, lang)
    if output is not None:
        write_xlsx(output, changes, names, lang, head)
    if as_json:
        doc = diff_json(changes, old=old, new=new, as_of=moment,
                        period=(a.settings.start, a.settings.end), names=names,
                        notice_days=notice_days)
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif sys.stdout.isatty():
        print_table(changes, names, lang, head)
    else:
        click.echo(head)
        for row in rows(changes, names, lang):
            click.echo("  ".join(row))
    if output is not None and not as_json:
        click.echo(i18n.text("report.written", lang, path=output))
    sys.exit(EXIT_OK)
