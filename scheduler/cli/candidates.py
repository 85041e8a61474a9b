"""``roster candidates``: who may legally take an open shift in the published roster."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from scheduler import i18n
from scheduler.cli.common import EXIT_OK, input_errors_exit_2

HELP = """List the employees who may legally take one open shift in the published roster,
cheapest first, each with what taking it would cause.

\b
PLANNING is the ward's planning workbook (Settings, Shifts, Employees, Agreements, History,
Requests); --published is the roster in force (a roster grid as "roster check" reads it).
With --employee, that employee is out: their shift on --date is taken out first. Without it,
the shift is an open one.

\b
Each employee is tried with the shift added, and the checker (the same as "roster check")
judges the result against the roster without it: only those with no new or worse violation
are listed. Ranked by overtime hours, hours above the contract, wishes, hours against the
contract and night and Sunday hours so far. Everyone else is listed with the reason.

\b
Examples:
  roster candidates ward.xlsx --published ward.roster.xlsx --employee W23 --date 2026-04-03 --shift D
  roster candidates ward.xlsx --published ward.roster.xlsx --date 2026-04-05 --shift N --lang nb
  roster candidates ward.xlsx --published ward.roster.xlsx --date 2026-04-05 --shift N --json
"""


def _issue(key: str, path: Path, sheet: str = "", cell: str = "", **args: Any) -> Any:
    from scheduler.errors import Issue

    return Issue(i18n.msg(key, **args), str(path), sheet, cell)


def load(planning: Path, published: Path, employee: str | None, day: date,
         shift: str) -> tuple[Any, Any]:
    """The problem and the published roster as checked; every problem with the options at
    once (exit 2)."""
    from scheduler.errors import InputError
    from scheduler.io.read.workbook import read_problem
    from scheduler.io.roster.load import load_check_input

    problem = read_problem(planning)
    data = load_check_input(published, problem=planning)
    issues = []
    codes = [s.code for s in problem.shifts]
    if shift not in codes:
        issues.append(_issue("cand.unknown_shift", planning, "Shifts", shift=shift,
                             known=", ".join(codes)))
    if employee is not None and employee not in {e.id for e in problem.employees}:
        issues.append(_issue("cand.unknown_employee", planning, "Employees", employee=employee))
    s = problem.settings
    if not s.start <= day <= s.end:
        issues.append(_issue("cand.day_outside", planning, day=str(day), start=str(s.start),
                             end=str(s.end)))
    if issues:
        raise InputError(issues, s.language)
    return problem, data


def report_json(rep: Any, planning: Path, published: Path) -> dict[str, Any]:
    def candidate(c: Any) -> dict[str, Any]:
        doc = c.model_dump(mode="json", exclude={"effects"})
        doc["effects"] = [{"key": e.key, "text": e.text("en")} for e in c.effects]
        return doc

    return {
        "planning": planning.name, "published": published.name,
        "date": rep.day.isoformat(), "shift": rep.shift,
        "start": rep.start.isoformat(), "end": rep.end.isoformat(),
        "absent": rep.absent, "skills": rep.skills,
        "candidates": [candidate(c) for c in rep.candidates],
        "rejected": [{"employee": r.employee, "name": r.name, "reason": r.reason,
                      "rules": r.rules, "text": r.text("en")} for r in rep.rejected],
        "checks": rep.checks,
    }


def headline(rep: Any, total: int, lang: str) -> str:
    absent = (i18n.text("cand.headline_absent", lang, employee=rep.absent)
              if rep.absent else "")
    return i18n.text("cand.headline", lang, shift=rep.shift, day=rep.day.isoformat(),
                     start=f"{rep.start:%H:%M}", end=f"{rep.end:%H:%M}", absent=absent,
                     n=len(rep.candidates), total=total)


def _cost(value: float | None, lang: str) -> str:
    return "" if value is None else i18n.number(value, ",.2f", lang)


def lines(rep: Any, total: int, lang: str) -> tuple[str, list[str], list[list[str]],
                                                    list[str], list[list[str]]]:
    """The headline, the candidates' columns and rows, the rejected's columns and rows."""
    head = headline(rep, total, lang)
    cols = [i18n.text(f"cand.col.{k}", lang)
            for k in ("rank", "employee", "name", "taken_as", "cost", "effects")]
    rows = [[str(c.rank), c.employee, c.name, i18n.text(f"cand.taken.{c.taken_as}", lang),
             _cost(c.cost, lang), "; ".join(e.text(lang) for e in c.effects)]
            for c in rep.candidates]
    rcols = [i18n.text(f"cand.col.{k}", lang) for k in ("employee", "name", "reason")]
    rrows = [[r.employee, r.name, r.text(lang)] for r in rep.rejected]
    return head, cols, rows, rcols, rrows


def print_rich(rep: Any, total: int, lang: str, console: Any = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    head, cols, rows, rcols, rrows = lines(rep, total, lang)
    console = console or Console()
    console.print(Text(head, style="bold"))
    if rep.skills:
        console.print(Text(i18n.text("cand.skills", lang, skills=", ".join(rep.skills))))
    if not rows:
        console.print(Text(i18n.text("cand.none", lang), style="red"))
    else:
        costs = any(c.cost is not None for c in rep.candidates)
        keep = [i for i in range(len(cols)) if costs or i != 4]  # no cost column without costs
        table = Table(show_lines=True)
        for i in keep:
            table.add_column(cols[i], overflow="fold", ratio=3 if i == 5 else None)
        for c, r in zip(rep.candidates, rows, strict=True):
            r = [*r[:5], "\n".join(e.text(lang) for e in c.effects)]  # one effect a line
            table.add_row(*(Text(r[i]) for i in keep))  # names are text, never markup
        console.print(table)
    if rrows:
        table = Table(title=i18n.text("cand.rejected_title", lang), title_justify="left")
        for c in rcols:
            table.add_column(c, overflow="fold")
        for r in rrows:
            table.add_row(*(Text(v) for v in r))
        console.print(table)


def print_plain(rep: Any, total: int, lang: str) -> None:
    head, _, rows, _, rrows = lines(rep, total, lang)
    click.echo(head)
    if rep.skills:
        click.echo(i18n.text("cand.skills", lang, skills=", ".join(rep.skills)))
    if not rows:
        click.echo(i18n.text("cand.none", lang))
    for r in rows:
        click.echo("  ".join(v for v in (f"{r[0]:>3}", r[1], r[2], f"[{r[3]}]", r[4], r[5])
                             if v))
    if rrows:
        click.echo(i18n.text("cand.rejected_title", lang) + ":")
        for r in rrows:
            click.echo(f"  {r[0]}  {r[1]}  {r[2]}")


@click.command("candidates", help=HELP)
@click.argument("planning", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The published roster workbook (the roster in force).")
@click.option("--employee", default=None, help="The employee who is out (leave out for an open "
                                               "shift).")
@click.option("--date", "day", required=True, type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The day of the shift (YYYY-MM-DD).")
@click.option("--shift", required=True, help="The shift code.")
@click.option("--skill", "skills", multiple=True,
              help="A skill the taker must have (repeatable); the demand's skills that the "
                   "shift now lacks are always needed.")
@click.option("--tariff-profile", is_flag=True, help="Also apply the hospital tariff rules "
                                                     "(TAR-*).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable keys) instead of a "
                                                      "table.")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None,
              help="Language: en or nb [default: the Settings sheet's, else en]. JSON keys "
                   "stay the same.")
@input_errors_exit_2
def candidates(planning: Path, published: Path, employee: str | None, day: datetime,
               shift: str, skills: tuple[str, ...], tariff_profile: bool, as_json: bool,
               lang: str | None) -> None:
    from scheduler.errors import InputError
    from scheduler.replan.candidates import NotRostered, find_candidates

    problem, data = load(planning, published, employee, day.date(), shift)
    lang = i18n.language(lang or problem.settings.language)
    try:
        rep = find_candidates(problem, data.roster, day=day.date(), shift=shift,
                              absent=employee, skills=skills, tariff_profile=tariff_profile)
    except NotRostered as exc:
        src = data.source
        has = exc.has or i18n.term("cand.off")
        raise InputError([_issue("cand.not_rostered", published, src.sheet,
                                 src.cells.get((exc.employee, exc.day), ""),
                                 employee=exc.employee, shift=exc.shift, day=str(exc.day),
                                 has=has)], lang) from None
    total = len(problem.employees)
    if as_json:
        click.echo(json.dumps(report_json(rep, planning, published), ensure_ascii=False,
                              indent=2))
    elif sys.stdout.isatty():
        print_rich(rep, total, lang)
    else:
        print_plain(rep, total, lang)
    sys.exit(EXIT_OK)
