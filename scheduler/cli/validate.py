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
from datetime import date
from pathlib import Path
from typing import Any

import click

from scheduler import i18n
from scheduler.calendar import public_holidays
from scheduler.cli.common import EXIT_OK, input_errors_exit_2
from scheduler.cli.language import settle
from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem, Roster

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
    lang = i18n.language(problem.settings.language)
    return {
        "why_uncovered": a.lines(lang),
        "unstaffable": [
            {"shift": u.shift, "skill": u.skill, "person_shifts": u.person_shifts,
             "days": [d.isoformat() for d in u.days],
             "reasons": [{"rule": r.rule, "paragraph": r.paragraph, "employees": r.employees,
                          "why": r.why_text(lang),
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
    out = [i18n.text("history.line", lang, rule=h["rule"],
                     paragraph=i18n.paragraph(h["rule"], h["paragraph"], lang),
                     emp=h["employee"] or "-").strip(" -")
           for h in summary["history_breaches"]]
    return out + summary["why_uncovered"]


def feasibility_analysis(problem: Problem) -> Any:
    from scheduler.feasibility import analyse

    return analyse(problem, problem.settings.allow_overtime)


Section = tuple[str, list[str], list[list[str]]]


def _sections(s: dict[str, Any], lang: str = "en") -> list[Section]:
    """The summary tables, worded in ``lang`` (the JSON keeps its English keys and values)."""
    def t(key: str, **args: Any) -> str:
        return i18n.text(f"validate.{key}", lang, **args)

    def num(x: float) -> str:
        return i18n.number(x, "g", lang)

    def word(x: str) -> str:  # the summary's own placeholders
        return {"(none)": t("none"), "(any)": t("any_skill"), "site": t("site_scope")}.get(x, x)

    def position(label: str) -> str:
        value, _, unit = label.partition(" ")
        return f"{i18n.number(float(value), 'g', lang)} " + (t("hours_per_week")
                                                             if unit == "h/week" else unit)

    emp = s["employees"]
    dem = s["demand"]
    share = s["demand_share_of_capacity_pct"]
    overview = [
        [t("site"), s["site"] or "-"],
        [t("horizon"), t("horizon_value", start=s["start"], end=s["end"], days=s["days"])],
        [t("employees"), str(emp["count"])],
        [t("person_shifts"), f"{dem['person_shifts_min']} / {dem['person_shifts_target']}"],
        [t("demand_hours"), f"{num(dem['hours_min'])} / {num(dem['hours_target'])}"],
        [t("capacity"), num(s["capacity_hours"])],
        [t("share"), "-" if share is None else f"{num(share)} %"],
        [t("counts"), f"{s['requests']} / {s['fixed']} / {s['history_periods']}"],
    ]
    skills = [[word(k), str(v)] for k, v in emp["by_skill"].items()]
    positions = [[position(k), str(v)] for k, v in emp["by_position"].items()]
    shifts = [[x["code"], x["name"], f"{x['start']}-{x['end']}", num(x["hours"]),
               str(dem["person_shifts_min_by_shift"].get(x["code"], 0))] for x in s["shifts"]]
    by_skill = [[word(k), num(v["hours_min"]), num(v["capacity_hours"]),
                 "-" if v["share_pct"] is None else f"{num(v['share_pct'])} %"]
                for k, v in dem["by_skill"].items()]
    hols = [[h["date"], h["name"] if lang == "en" else
             i18n.red_day_name(date.fromisoformat(h["date"]), lang)] for h in s["holidays"]]
    agreements = [[word(a["scope"]), a["family"], a["tier"],
                   ", ".join(f"{k}={num(v) if isinstance(v, int | float) and not isinstance(v, bool) else v}"
                             for k, v in a["params"].items()) or "-",
                   t("valid_value", start=a["valid_from"] or "…", end=a["valid_to"] or "…")]
                  for a in s["agreements"]]
    return [
        (t("overview"), ["", ""], overview),
        (t("by_skill"), [t("col_skill"), t("col_employees")], skills),
        (t("by_position"), [t("col_position"), t("col_employees")], positions),
        (t("shift_types"), [t("col_code"), t("col_name"), t("col_time"), t("col_hours"),
                            t("col_min_person_shifts")], shifts),
        (t("skill_capacity"), [t("col_skill"), t("col_hours"), t("col_capacity"),
                               t("col_share")], by_skill),
        (t("holidays"), [t("col_date"), t("col_holiday")], hols),
        (t("agreements"), ["", "§", t("col_tier"), t("col_parameters"), t("col_valid")],
         agreements),
    ]


def _plain(sections: list[Section], lang: str = "en") -> str:
    out: list[str] = []
    for title, head, rows in sections:
        out.append(title)
        if not rows:
            out.append("  " + i18n.text("validate.none", lang))
            out.append("")
            continue
        table = [head, *rows] if any(head) else rows
        widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
        for r in table:
            out.append("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
                       .rstrip())
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _rich(sections: list[Section], lang: str = "en") -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    for title, head, rows in sections:
        table = Table(title=Text(title), title_justify="left", show_header=any(head))
        for h in head:  # names from the workbook are Text, never markup; long ones fold
            table.add_column(Text(h), overflow="fold")
        for r in rows or [[i18n.text("validate.none", lang), *[""] * (len(head) - 1)]]:
            table.add_row(*(Text(str(x)) for x in r))
        console.print(table)


@click.command("validate", help=HELP)
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None,
              help="Language of the summary and warnings: en or nb (norsk bokmål) [default: "
                   "the Settings sheet's language, else en].")
@input_errors_exit_2
def validate(workbook: Path, as_json: bool, lang: str | None) -> None:
    problem = read_problem(workbook)
    if lang is not None:
        problem = problem.model_copy(
            update={"settings": problem.settings.model_copy(update={"language": lang})})
    settle(i18n.language(problem.settings.language))  # for Ctrl-C and internal errors
    summary = summarise(problem)
    summary["warnings"] = warnings(problem, summary)
    if as_json:
        click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        sys.exit(EXIT_OK)
    lang = i18n.language(problem.settings.language)
    if summary["warnings"]:
        click.echo(i18n.text("validate.warnings", lang, path=workbook,
                             n=len(summary["warnings"])))
        click.echo("".join(f"  ! {w}\n" for w in summary["warnings"]))
    else:
        click.echo(i18n.text("validate.clean", lang, path=workbook) + "\n")
    if sys.stdout.isatty():
        _rich(_sections(summary, lang), lang)
    else:
        click.echo(_plain(_sections(summary, lang), lang), nl=False)
    sys.exit(EXIT_OK)
