"""What ``roster solve`` says when it is done: the console summary, the JSON summary, the words
for a run without a roster, History's own breaches and the hint to give the search more time."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from constraints.base import RULESET_VERSION, Finding, Severity
from constraints.finding import Source
from scheduler import i18n
from scheduler import summary as sm
from scheduler.cli.common import (
    EXIT_INFEASIBLE,
    EXIT_VIOLATIONS,
)
from scheduler.cli.solve_thread import SolveControl
from scheduler.solution import WALL_CLOCK, Solution, SolveOptions


def fmt_days(days: list[Any]) -> str:
    return ", ".join(d.isoformat() for d in days)


def conflict_lines(solution: Solution, lang: str = "en") -> list[str]:
    out = []
    for c in solution.conflicts:
        who = i18n.text("solve.conflict_employee", lang, employee=c.employee) if c.employee \
            else i18n.text("solve.conflict_everyone", lang)
        when = i18n.text("solve.conflict_days", lang, days=fmt_days(c.days)) if c.days else ""
        out.append(f"  - {c.rule} ({who}{when}): {c.text(lang)}")
    return out


def hours_spread(totals: list[sm.EmployeeTotals], lang: str = "en") -> str:
    if not totals:
        return i18n.text("solve.no_employees", lang)
    lo = min(totals, key=lambda t: t.deviation)
    hi = max(totals, key=lambda t: t.deviation)
    mean_abs = sum(abs(t.deviation) for t in totals) / len(totals)
    return i18n.text("solve.hours_spread", lang, lo=lo.deviation, lo_emp=lo.employee,
                     hi=hi.deviation, hi_emp=hi.employee, mean=mean_abs)


def shortfall_text(rows: list[sm.CoverageRow], limit: int = 5, lang: str = "en") -> str:
    short = [r for r in rows if r.shortfall]
    if not short:
        return i18n.text("solve.none", lang)
    missing = sum(r.shortfall for r in short)
    shown = "; ".join(
        i18n.text("solve.slot", lang, day=r.day.isoformat(),
                  shift=f"{r.shift}{' ' + r.skill if r.skill else ''}", planned=r.planned,
                  required=r.required)
        for r in short[:limit]
    )
    more = (i18n.text("solve.more", lang, n=len(short) - limit, sheet=i18n.text(
        "sheet.name.Coverage", lang)) if len(short) > limit else "")
    return i18n.text("solve.shortfalls", lang, missing=missing, slots=len(short), shown=shown,
                     more=more)


# --------------------------------------------------------------------------------------------
# The command


def time_line(phases: dict[str, float], limit: float, lang: str = "en") -> str:
    """The console line with each phase's time and the total against the time limit."""
    return i18n.text("solve.line_time", lang, limit=limit, **phases)


def no_roster(solution: Solution, options: SolveOptions, *, as_json: bool, quiet: bool,
               phases: dict[str, float] | None = None, lang: str = "en",
               solver_limit: float | None = None, reserve: float = 0.0) -> None:
    infeasible = solution.status == "INFEASIBLE"
    phases = phases or {}
    if as_json:
        click.echo(json.dumps({
            "status": solution.status,
            "wall_seconds": round(solution.wall_seconds, 3),
            **search_json(solution),
            "model_built": solution.model_built,
            "time_limit": options.time_limit,
            "solver_time_limit": None if solver_limit is None else round(solver_limit, 3),
            "phases": phases,
            "conflicts": [
                {"rule": c.rule, "employee": c.employee,
                 "days": [d.isoformat() for d in c.days], "message": c.message}
                for c in solution.conflicts
            ],
            "output": None,
        }, indent=2))
    if infeasible:
        if not as_json or not quiet:
            lines = [i18n.text("solve.infeasible_head", lang)]
            lines += conflict_lines(solution, lang) or [
                "  - " + i18n.text("solve.infeasible_unnamed", lang)]
            lines.append(i18n.text("solve.infeasible_tail", lang))
            click.echo("\n".join(lines), err=as_json)
        sys.exit(EXIT_INFEASIBLE)
    if not solution.model_built:
        read, built = phases.get("read", 0.0), solution.build_seconds
        click.echo(i18n.text("solve.not_built" if built else "solve.no_time", lang,
                             limit=options.time_limit, read=read, build=built,
                             reserve=reserve, need=read + built + reserve), err=True)
    elif solution.status == "UNKNOWN":
        what = (i18n.text("solve.within_work", lang, limit=options.work_limit)
                if solution.stopped_by == "work_limit"
                else i18n.text("solve.within_time", lang, limit=options.time_limit))
        more = "--work-limit" if solution.stopped_by == "work_limit" else "--time-limit"
        click.echo(i18n.text("solve.not_found_within", lang, what=what, more=more), err=True)
    else:
        click.echo(i18n.text("solve.stopped_status", lang, status=solution.status), err=True)
    sys.exit(EXIT_VIOLATIONS)


def history_note(findings: list[Finding], lang: str = "en", limit: int = 20) -> str:
    """The breaches History alone causes, as a note (no roster for the horizon can undo them)."""
    lines = [i18n.text("history.head", lang, n=len(findings))]
    for f in findings[:limit]:
        lines.append(i18n.text("history.line", lang, rule=f.rule,
                               paragraph=i18n.paragraph(f.rule, f.paragraph, lang),
                               emp=f.employee or "-"))
    if len(findings) > limit:
        lines.append(i18n.text("history.more", lang, n=len(findings) - limit))
    return "\n".join(lines)


def search_json(solution: Solution) -> dict[str, Any]:
    """How the search ended and whether the roster is reproducible (docs/reliability.md)."""
    return {"stopped_by": solution.stopped_by, "reproducible": solution.reproducible,
            "work_limit": solution.work_limit, "work": round(solution.work, 4)}


def status_words(status: str, lang: str) -> str:
    """The solver's status as the Summary sheet words it (``FEASIBLE`` in English)."""
    key = f"sheet.summary.status.{status}"
    return i18n.text(key, lang) if key in i18n.catalogue(lang) else status


def loud_violation_warning(violations: list[Finding], out_path: Path,
                           lang: str = "en") -> None:
    bar = "!" * 78
    lines = [bar, i18n.text("solve.loud.head", lang), ""]
    for f in violations[:20]:
        lines.append(i18n.text("solve.loud.line", lang, rule=f.rule,
                               paragraph=i18n.paragraph(f.rule, f.paragraph, lang),
                               employee=f.employee or "-", message=f.message))
    if len(violations) > 20:
        lines.append(i18n.text("solve.loud.more", lang, n=len(violations) - 20))
    lines += ["", i18n.text("solve.loud.written", lang, path=str(out_path)), bar]
    click.secho("\n".join(lines), err=True, fg="red", bold=True)


def json_summary(
    solution: Solution,
    rows: list[sm.CoverageRow],
    findings: list[Finding],
    out_path: Path,
    digest: str,
    control: SolveControl,
    titles: dict[str, str],
) -> dict[str, Any]:
    n_viol = sum(1 for f in findings if f.severity == Severity.violation)
    n_hist = sum(1 for f in findings
                 if f.severity == Severity.violation and f.source == Source.history)
    return {
        "status": solution.status,
        "interrupted": control.interrupted,
        "objective": solution.objective,
        "objective_by_tier": solution.objective_by_tier,
        "best_bound": solution.best_bound,
        "gap_pct": solution.gap_pct,
        "wall_seconds": round(solution.wall_seconds, 3),
        "coverage_pct": round(sm.coverage_pct(rows), 2),
        "shortfall_count": sum(1 for r in rows if r.shortfall),
        "shortfall_person_shifts": sum(r.shortfall for r in rows),
        "violations": n_viol - n_hist,
        "history_violations": n_hist,
        "warnings": len(findings) - n_viol,
        "output": str(out_path),
        "sheets": titles,
        "seed": solution.seed,
        "workers": solution.workers,
        **search_json(solution),
        "ruleset_version": RULESET_VERSION,
        "input_sha256": digest,
        "overtime_hours": round(solution.overtime_hours, 2),
        "extra_hours": round(solution.extra_hours, 2),
        "overtime_cost": solution.overtime_cost,
        "overtime_premium_cost": solution.overtime_premium_cost,
        "extra_cost": solution.extra_cost,
    }


def human_summary(
    solution: Solution,
    rows: list[sm.CoverageRow],
    totals: list[sm.EmployeeTotals],
    findings: list[Finding],
    out_path: Path,
    control: SolveControl,
    lang: str = "en",
    time_limit: float = 0.0,
) -> None:
    def t(key: str, **args: Any) -> str:
        return i18n.text(f"solve.{key}", lang, **args)

    gap = "" if solution.gap_pct is None else t("gap", gap=solution.gap_pct)
    stopped = t("stopped") if control.interrupted else ""
    n_viol = sum(1 for f in findings if f.severity == Severity.violation)
    n_hist = sum(1 for f in findings
                 if f.severity == Severity.violation and f.source == Source.history)
    reason, repro = sm.search_outcome(solution, time_limit, lang)
    lines = [
        t("line_status", status=status_words(solution.status, lang), stopped=stopped, gap=gap,
          seconds=solution.wall_seconds, seed=solution.seed, workers=solution.workers),
        t("line_search", reason=reason, repro=repro),
        t("line_coverage", pct=sm.coverage_pct(rows)),
        t("line_shortfalls", text=shortfall_text(rows, lang=lang)),
        t("line_hours", text=hours_spread(totals, lang)),
        t("line_checker", v=n_viol - n_hist, w=len(findings) - n_viol)
        + (i18n.text("history.count", lang, n=n_hist) if n_hist else ""),
        *([t("line_overtime", ot=solution.overtime_hours, extra=solution.extra_hours,
             cost="" if solution.overtime_cost is None
             else t("overtime_cost", cost=solution.overtime_cost))]
          if solution.extra_time else []),
        t("line_written", path=str(out_path)),
    ]
    longer = more_time_hint(solution, rows, time_limit)
    if longer is not None:
        lines.append(t("more_time", limit=longer))
    click.echo("\n".join(lines))


HINT_GAP_PCT = 2.0  # a gap at or above this, with the time run out, is worth more time


def more_time_hint(solution: Solution, rows: list[sm.CoverageRow],
                   time_limit: float) -> int | None:
    """A longer ``--time-limit`` to suggest when the answer is likely to improve with more time:
    the search was stopped by the clock (not proven optimal, not a work budget) with a gap of
    ``HINT_GAP_PCT`` or more, or with demand uncovered and the roster not proven best. None
    otherwise. The suggestion is four times the limit, rounded up to whole minutes."""
    if solution.stopped_by != WALL_CLOCK or time_limit <= 0:
        return None
    gap = solution.gap_pct
    short = any(r.shortfall for r in rows)
    if not ((gap is None or gap >= HINT_GAP_PCT) or (short and gap > 0)):
        return None
    return int(-(-4 * time_limit // 60) * 60)
