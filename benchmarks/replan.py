"""Re-planning a 150-staff month after one employee's week of absence (issue 20).

``python -m benchmarks.replan --staff 150 --days 31`` generates the seeded ward month of
:mod:`benchmarks.aml_month`, solves it (``--publish-limit`` seconds: the published roster), then
re-plans it at ``now`` (the 9th at noon) after one employee's week of sickness from the next day
(the employee with the most shifts that week): it reports the time to the re-plan's first legal
roster (wall and CPU seconds from the call to the first roster reported, model building
included; files are not read or written here; the first is the immediate roster of
:mod:`scheduler.replan.immediate` when the checker passes it, checked again here), its
objective trace, and at the end the cells changed against the cells the absence took, the
changes within the § 10-3 notice, the demand left uncovered, and the checker's verdict.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime, timedelta
from typing import Any

from scheduler.clock import TZ


def run(staff: int, days: int, seed: int, publish_limit: float, limit: float,
        workers: int, reaches: tuple[int | None, ...] = (3,)) -> list[dict[str, Any]]:
    """Solve the month once, then re-plan it once per reach (side by side, same roster)."""
    from benchmarks.aml_month import generate
    from scheduler.replan.changes import Absence
    from scheduler.solution import SolveOptions
    from scheduler.solver import solve

    problem = generate(staff, days, seed)
    t0 = time.perf_counter()
    published = solve(problem, SolveOptions(time_limit=publish_limit, workers=workers,
                                            seed=seed))
    publish_seconds = time.perf_counter() - t0
    assert published.has_roster, published.status
    start = problem.settings.start
    now = datetime.combine(start + timedelta(days=8), datetime.min.time(), tzinfo=TZ).replace(
        hour=12)
    week = [now.date() + timedelta(days=i) for i in range(1, 8)]
    shifts = {}
    for a in published.assignments:
        if a.day in week:
            shifts[a.employee] = shifts.get(a.employee, 0) + 1
    who = max(sorted(shifts), key=lambda e: shifts[e])
    absence = Absence(employee=who, start=week[0], end=week[-1], kind="sick")
    return [one(problem, published, publish_seconds, absence, now, limit, workers, seed, reach)
            for reach in reaches]


def one(problem: Any, published: Any, publish_seconds: float, absence: Any, now: datetime,
        limit: float, workers: int, seed: int, reach: int | None) -> dict[str, Any]:
    from constraints.checker import check_problem
    from scheduler.replan.changes import Changes
    from scheduler.replan.diff import diff_rosters
    from scheduler.replan.run import lost_cells, replan
    from scheduler.solution import SolveOptions

    points: list[tuple[float, float | None]] = []
    first: list[float] = []  # wall and CPU seconds from the call to the first roster reported

    def on_solution(t: float, obj: float | None, *_: Any) -> None:
        # obj None: the immediate roster (scheduler.replan.immediate), reported once the
        # checker passed it, t from the call; the solver's t are from its own start
        points.append((round(t, 2), None if obj is None else round(obj, 1)))
        if not first:
            first.extend((time.perf_counter() - t0, time.process_time() - c0))

    c0 = time.process_time()
    t0 = time.perf_counter()
    out = replan(problem, published.roster, Changes(absences=(absence,)), now,
                 SolveOptions(time_limit=limit, workers=workers, seed=seed),
                 reach=reach, on_solution=on_solution)
    wall = time.perf_counter() - t0
    sol = out.solution
    assert sol is not None and sol.has_roster, sol
    diff = diff_rosters(published.roster, sol.roster, as_of=now)
    lost = lost_cells(out.published, (absence,), problem, now)
    # the first roster reported must pass the checker: the immediate one is checked again here
    # (outside the timing); without it the first is the solver's (legal by its guarantee)
    from scheduler.solver.decode import roster_of_assignments
    immediate_ok = out.immediate is not None and not check_problem(
        out.problem, roster_of_assignments(out.problem, out.immediate)).violations
    before = sum(s.missing for s in published.shortfall)
    s = problem.settings
    return {
        "staff": len(problem.employees), "days": (s.end - s.start).days + 1, "seed": seed,
        "workers": workers,
        "publish_seconds": round(publish_seconds, 1), "publish_status": published.status,
        "publish_shortfall": before,
        "now": now.isoformat(), "absent": absence.employee,
        "absence": [absence.start.isoformat(), absence.end.isoformat()],
        "reach": reach,
        "first_legal_seconds": first[0] if first else None,
        "first_legal_cpu_seconds": first[1] if first else None,
        "first_is_immediate": immediate_ok,
        "build_seconds": sol.build_seconds,
        "wall_seconds": round(wall, 1), "status": sol.status, "stopped_by": sol.stopped_by,
        "trace": points[:12],
        "absence_cells": len(lost),
        "changed_cells": len(diff),
        "changed_other": len(diff) - len(lost),
        "within_notice": sum(1 for c in diff if c.within_notice),
        "employees_changed": len({c.employee for c in diff}),
        "shortfall": sum(s.missing for s in sol.shortfall),
        "change_tier": sol.objective_by_tier.get("change"),
        "violations": len(check_problem(out.problem, sol.roster).violations),
    }


def markdown(rs: list[dict[str, Any]], argv: list[str]) -> str:
    cmd = "python -m benchmarks.replan " + " ".join(argv)
    head = [f"`{cmd}` ({rs[0]['workers']} workers, seed {rs[0]['seed']}):", ""]
    return "\n".join(head + [line for r in rs for line in _table(r)])


def _table(r: dict[str, Any]) -> list[str]:
    cpu = r["first_legal_cpu_seconds"]
    how = ("the published cells without the absence's, checked" if r["first_is_immediate"]
           else "the solver's")
    return [
        "| measure | value |",
        "|---|---|",
        f"| published roster | {r['publish_status']}, {r['publish_seconds']} s, "
        f"{r['publish_shortfall']} person-shifts uncovered |",
        f"| re-plan at | {r['now']}, {r['absent']} sick {r['absence'][0]}..{r['absence'][1]}, "
        f"reach {r['reach']} days |",
        f"| first legal roster | {r['first_legal_seconds']:.2f} s wall, "
        f"{cpu if cpu is None else round(cpu, 2)} s CPU (model built in "
        f"{r['build_seconds']:.2f} s); {how} |",
        f"| end of the re-plan | {r['wall_seconds']} s, {r['status']}, stopped by "
        f"{r['stopped_by']} |",
        f"| cells the absence took | {r['absence_cells']} |",
        f"| cells changed | {r['changed_cells']} ({r['changed_other']} besides the absence's; "
        f"{r['employees_changed']} employees; {r['within_notice']} within the § 10-3 notice) |",
        f"| uncovered after the re-plan | {r['shortfall']} person-shifts |",
        f"| checker violations | {r['violations']} |",
        f"| trace (s, objective) | {r['trace']} |",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--staff", type=int, default=150)
    ap.add_argument("--days", type=int, default=31)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--publish-limit", type=float, default=60.0)
    ap.add_argument("--time-limit", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--reach", type=int, nargs="+", default=[3],
                    help="days either side of a change that may change (-1: all); several: "
                         "one re-plan each of the same published roster")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    r = run(a.staff, a.days, a.seed, a.publish_limit, a.time_limit, a.workers,
            tuple(None if x < 0 else x for x in a.reach))
    print(json.dumps(r, indent=2) if a.json else markdown(r, argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


