"""Re-planning a 150-staff month after one employee's week of absence (issue 20).

``python -m benchmarks.replan --staff 150 --days 31`` generates the seeded ward month of
:mod:`benchmarks.aml_month`, solves it (``--publish-limit`` seconds: the published roster), then
re-plans it at ``now`` (the 9th at noon) after one employee's week of sickness from the next day
(the employee with the most shifts that week): it reports the time to the re-plan's first legal
roster (from the call, model building included; files are not read or written here), its
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
        workers: int, reach: int | None = 3) -> dict[str, Any]:
    from benchmarks.aml_month import generate
    from constraints.checker import check_problem
    from scheduler.replan.changes import Absence, Changes
    from scheduler.replan.diff import diff_rosters
    from scheduler.replan.run import lost_cells, replan
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
    points: list[tuple[float, float]] = []

    def on_solution(t: float, obj: float, *_: Any) -> None:
        points.append((round(t, 2), round(obj, 1)))

    t0 = time.perf_counter()
    out = replan(problem, published.roster, Changes(absences=(absence,)), now,
                 SolveOptions(time_limit=limit, workers=workers, seed=seed),
                 reach=reach, on_solution=on_solution)
    wall = time.perf_counter() - t0
    sol = out.solution
    assert sol is not None and sol.has_roster, sol
    diff = diff_rosters(published.roster, sol.roster, as_of=now)
    lost = lost_cells(out.published, (absence,), problem, now)
    return {
        "staff": staff, "days": days, "seed": seed, "workers": workers,
        "publish_seconds": round(publish_seconds, 1), "publish_status": published.status,
        "publish_shortfall": sum(s.missing for s in published.shortfall),
        "now": now.isoformat(), "absent": who, "absence": [week[0].isoformat(),
                                                         week[-1].isoformat()],
        "reach": reach,
        "first_legal_seconds": sol.first_solution_seconds,
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


def markdown(r: dict[str, Any], argv: list[str]) -> str:
    cmd = "python -m benchmarks.replan " + " ".join(argv)
    return "\n".join([
        f"`{cmd}` ({r['workers']} workers, seed {r['seed']}):",
        "",
        "| measure | value |",
        "|---|---|",
        f"| published roster | {r['publish_status']}, {r['publish_seconds']} s, "
        f"{r['publish_shortfall']} person-shifts uncovered |",
        f"| re-plan at | {r['now']}, {r['absent']} sick {r['absence'][0]}..{r['absence'][1]}, "
        f"reach {r['reach']} days |",
        f"| first legal roster | {r['first_legal_seconds']:.2f} s (model built in "
        f"{r['build_seconds']:.2f} s) |",
        f"| end of the re-plan | {r['wall_seconds']} s, {r['status']}, stopped by "
        f"{r['stopped_by']} |",
        f"| cells the absence took | {r['absence_cells']} |",
        f"| cells changed | {r['changed_cells']} ({r['changed_other']} besides the absence's; "
        f"{r['employees_changed']} employees; {r['within_notice']} within the § 10-3 notice) |",
        f"| uncovered after the re-plan | {r['shortfall']} person-shifts |",
        f"| checker violations | {r['violations']} |",
        f"| trace (s, objective) | {r['trace']} |",
    ])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--staff", type=int, default=150)
    ap.add_argument("--days", type=int, default=31)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--publish-limit", type=float, default=60.0)
    ap.add_argument("--time-limit", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--reach", type=int, default=3,
                    help="days either side of a change that may change (-1: all)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    r = run(a.staff, a.days, a.seed, a.publish_limit, a.time_limit, a.workers,
            None if a.reach < 0 else a.reach)
    print(json.dumps(r, indent=2) if a.json else markdown(r, argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


