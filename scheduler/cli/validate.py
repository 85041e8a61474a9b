"""``roster validate``: read a planning workbook, list every problem or summarise it.

Before the summary it warns about what no roster for the horizon can change: breaches History
alone causes (the checker run on an empty roster, :attr:`CheckReport.history_violations`), demand
no one may legally work and skills whose minimum demand exceeds the hours available
(:mod:`scheduler.feasibility`).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from scheduler import i18n
from scheduler.calendar import public_holidays
from scheduler.cli.common import EXIT_OK, input_errors_exit_2
from scheduler.model import Problem, Roster
from scheduler.workbook.reader import read_problem

HELP = """Read a planning workbook and summarise it, or list every problem in it.

On bad input every problem is listed with its sheet and cell, and the exit code is 2.
Otherwise warnings first (breaches History alone causes, which no roster for the horizon
can change; demand no one may legally work, with the paragraph and the reason; skills whose
minimum demand exceeds the contracted hours net of vacation), then a short summary: site and horizon, employees by skill and position %, shift
types with hours, demanded person-shifts and hours against contracted capacity, public
holidays in the horizon and the agreements in force.

\b
Example:
  roster validate instances/ward.xlsx
  roster validate ward.xlsx --json > summary.json
"""


def _hours(minutes: float) -> float:
    return round(minutes / 60, 2)


def _position_order(item: tuple[str, int]) -> tuple[int, float]:
    """Percentages first, largest first; then weekly hours, largest first."""
    number = float(item[0].split()[0])
    return (0 if item[0].endswith("%") else 1, -number)


def summarise(problem: Problem) -> dict[str, Any]:
    """The figures ``roster validate`` shows (also its ``--json`` output)."""
    st = problem.settings
    days = problem.days()
    n_days = len(days)
    by_skill: Counter[str] = Counter()
    by_position: Counter[str] = Counter()
    capacity = 0.0
    for e in problem.employees:
        for s in e.skills or ("(none)",):
            by_skill[s] += 1
        if e.weekly_hours is not None:
            by_position[f"{e.weekly_hours:g} h/week"] += 1
        else:
            pct = 100.0 if e.position_pct is None else e.position_pct
            by_position[f"{pct:g} %"] += 1
        capacity += e.contracted_weekly_hours(st.full_time_hours) * n_days / 7
    paid = {s.code: s.paid_minutes() for s in problem.shifts}
    per_shift: Counter[str] = Counter()
    min_shifts = target_shifts = 0
    min_minutes = target_minutes = 0.0
    for d in problem.demand:
        tgt = d.target if d.target is not None else d.minimum
        min_shifts += d.minimum
        target_shifts += tgt
        min_minutes += d.minimum * paid[d.shift]
        target_minutes += tgt * paid[d.shift]
        per_shift[d.shift] += d.minimum
    holidays = public_holidays(st.start, st.end)
    by_skill_need: dict[str, float] = {}
    for d in problem.demand:
        by_skill_need[d.skill] = by_skill_need.get(d.skill, 0.0) + d.minimum * paid[d.shift]
    skill_rows = {}
    for skill, minutes in sorted(by_skill_need.items()):
        cap = sum(e.contracted_weekly_hours(st.full_time_hours) * n_days / 7
                  for e in problem.employees if not skill or skill in e.skills)
        skill_rows[skill or "(any)"] = {
            "hours_min": _hours(minutes),
            "capacity_hours": round(cap, 1),
            "share_pct": round(100 * _hours(minutes) / cap, 1) if cap else None,
        }
    return {
        "site": st.site_name,
        "start": st.start.isoformat(),
        "end": st.end.isoformat(),
        "days": n_days,
        "employees": {
            "count": len(problem.employees),
            "by_skill": dict(sorted(by_skill.items())),
            "by_position": dict(sorted(by_position.items(), key=_position_order)),
        },
        "shifts": [
            {"code": s.code, "name": s.name, "start": s.start.strftime("%H:%M"),
             "end": s.end.strftime("%H:%M"), "break_minutes": s.break_minutes,
             "break_counts_as_work": s.break_counts_as_work,
             "hours": _hours(s.paid_minutes())}
            for s in problem.shifts
        ],
        "demand": {
            "person_shifts_min": min_shifts,
            "person_shifts_target": target_shifts,
            "hours_min": _hours(min_minutes),
            "hours_target": _hours(target_minutes),
            "person_shifts_min_by_shift": dict(per_shift),
            "by_skill": skill_rows,
        },
        "capacity_hours": round(capacity, 1),
        "demand_share_of_capacity_pct": (
            round(100 * _hours(min_minutes) / capacity, 1) if capacity else None
        ),
        "holidays": [{"date": d.isoformat(), "name": n} for d, n in holidays.items()],
        "agreements": [
            {"scope": a.employee or "site", "family": a.family, "tier": a.tier.value,
             "params": dict(a.params),
             "valid_from": a.valid_from.isoformat() if a.valid_from else None,
             "valid_to": a.valid_to.isoformat() if a.valid_to else None}
            for a in problem.agreements
            if (a.valid_from is None or a.valid_from <= st.end)
            and (a.valid_to is None or a.valid_to >= st.start)
        ],
        "requests": len(problem.requests),
        "fixed": len(problem.fixed),
        "history_periods": len(problem.history),
        "history_breaches": history_breaches(problem),
        **_feasibility_json(problem),
    }


def _feasibility_json(problem: Problem) -> dict[str, Any]:
    a = feasibility_analysis(problem)
    return {
        "why_uncovered": a.lines(i18n.language(problem.settings.language)),
        "unstaffable": [
            {"shift": u.shift, "skill": u.skill, "person_shifts": u.person_shifts,
             "days": [d.isoformat() for d in u.days],
             "reasons": [{"rule": r.rule, "paragraph": r.paragraph, "employees": r.employees,
                          "why": r.why,
                          "allowed_by": None if r.remedy is None else r.remedy.value}
                         for r in u.reasons]}
            for u in a.unstaffable],
        "capacity": {c.skill or "(any)": {
            "demanded_hours": round(c.demanded_hours, 1),
            "available_hours": round(c.available_hours, 1),
            "pct": None if c.pct is None else round(c.pct, 1)} for c in a.capacity},
    }


def history_breaches(problem: Problem) -> list[dict[str, Any]]:
    """The breaches History alone causes (no roster for the horizon can change them)."""
    if not problem.history and not problem.employee_history:
        return []
    from constraints.checker import check_problem

    report = check_problem(problem, Roster(periods=()))
    return [{"rule": f.rule, "paragraph": f.paragraph, "employee": f.employee,
             "message": f.message} for f in report.history_violations]


def warnings(problem: Problem, summary: dict[str, Any]) -> list[str]:
    """The warnings ``validate`` shows before the summary, as sentences."""
    lang = i18n.language(problem.settings.language)
    out = [i18n.text("history.line", lang, rule=h["rule"], paragraph=h["paragraph"],
                     emp=h["employee"] or "-").strip(" -")
           for h in summary["history_breaches"]]
    return out + summary["why_uncovered"]


def feasibility_analysis(problem: Problem) -> Any:
    from scheduler.feasibility import analyse

    return analyse(problem, problem.settings.allow_overtime)


Section = tuple[str, list[str], list[list[str]]]


def _sections(s: dict[str, Any]) -> list[Section]:
    emp = s["employees"]
    dem = s["demand"]
    share = s["demand_share_of_capacity_pct"]
    overview = [
        ["site", s["site"] or "-"],
        ["horizon", f"{s['start']} to {s['end']} ({s['days']} days)"],
        ["employees", str(emp["count"])],
        ["demanded person-shifts (min / target)",
         f"{dem['person_shifts_min']} / {dem['person_shifts_target']}"],
        ["demanded hours (min / target)", f"{dem['hours_min']:g} / {dem['hours_target']:g}"],
        ["contracted capacity (hours)", f"{s['capacity_hours']:g}"],
        ["minimum demand / capacity", "-" if share is None else f"{share:g} %"],
        ["requests / fixed / history periods",
         f"{s['requests']} / {s['fixed']} / {s['history_periods']}"],
    ]
    skills = [[k, str(v)] for k, v in emp["by_skill"].items()]
    positions = [[k, str(v)] for k, v in emp["by_position"].items()]
    shifts = [[x["code"], x["name"], f"{x['start']}-{x['end']}", f"{x['hours']:g}",
               str(dem["person_shifts_min_by_shift"].get(x["code"], 0))] for x in s["shifts"]]
    by_skill = [[k, f"{v['hours_min']:g}", f"{v['capacity_hours']:g}",
                 "-" if v["share_pct"] is None else f"{v['share_pct']:g} %"]
                for k, v in dem["by_skill"].items()]
    hols = [[h["date"], h["name"]] for h in s["holidays"]]
    agreements = [[a["scope"], a["family"], a["tier"],
                   ", ".join(f"{k}={v}" for k, v in a["params"].items()) or "-",
                   f"{a['valid_from'] or '…'} to {a['valid_to'] or '…'}"]
                  for a in s["agreements"]]
    return [
        ("Overview", ["", ""], overview),
        ("Employees by skill", ["skill", "employees"], skills),
        ("Employees by position", ["position", "employees"], positions),
        ("Shift types", ["code", "name", "time", "hours", "min person-shifts"], shifts),
        ("Minimum demand against the contracted hours of staff with the skill",
         ["skill", "hours", "capacity", "share"], by_skill),
        ("Public holidays in the horizon", ["date", "holiday"], hols),
        ("Agreements in force", ["scope", "§", "tier", "parameters", "valid"], agreements),
    ]


def _plain(sections: list[Section]) -> str:
    out: list[str] = []
    for title, head, rows in sections:
        out.append(title)
        if not rows:
            out.append("  (none)")
            out.append("")
            continue
        table = [head, *rows] if any(head) else rows
        widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
        for r in table:
            out.append("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
                       .rstrip())
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _rich(sections: list[Section]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    for title, head, rows in sections:
        table = Table(title=Text(title), title_justify="left", show_header=any(head))
        for h in head:  # names from the workbook are Text, never markup; long ones fold
            table.add_column(Text(h), overflow="fold")
        for r in rows or [["(none)", *[""] * (len(head) - 1)]]:
            table.add_row(*(Text(str(x)) for x in r))
        console.print(table)


@click.command("validate", help=HELP)
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@input_errors_exit_2
def validate(workbook: Path, as_json: bool) -> None:
    problem = read_problem(workbook)
    summary = summarise(problem)
    summary["warnings"] = warnings(problem, summary)
    if as_json:
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        sys.exit(EXIT_OK)
    if summary["warnings"]:
        click.echo(f"{workbook}: no input errors; {len(summary['warnings'])} warning(s):")
        click.echo("".join(f"  ! {w}\n" for w in summary["warnings"]))
    else:
        click.echo(f"{workbook}: no problems found.\n")
    if sys.stdout.isatty():
        _rich(_sections(summary))
    else:
        click.echo(_plain(_sections(summary)), nl=False)
    sys.exit(EXIT_OK)
