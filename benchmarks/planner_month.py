"""A planner's first month (issue 14) and the example workbooks: coverage, hours against
contract, and what the checker says, one solve each.

    python -m benchmarks.planner_month [--time-limit 30] [--workers 1] [--seed 0]

Workbooks: ``instances.generate.build_planner_month`` without and with the § 10-5 night agreement
(25 staff, January 2027, History with a New Year night), and ``instances/*.xlsx``. Per workbook:
status, coverage of the minimum, person-shifts short and how many of them
:mod:`scheduler.feasibility` explains before solving, the largest and smallest planned hours
against contract (hours), violations the roster causes and those History alone causes. Prints a
markdown table for ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from constraints.checker import check_problem
from instances.generate import build_planner_month
from scheduler import feasibility
from scheduler import summary as sm
from scheduler.io.excel import safe_save
from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solution import SolveOptions, roster_of
from scheduler.solver import solve

HERE = Path(__file__).resolve().parents[1] / "instances"


def run_one(problem: Problem, options: SolveOptions) -> dict[str, Any]:
    analysis = feasibility.analyse(problem)
    sol = solve(problem, options)
    roster = roster_of(problem, sol)
    rows = sm.coverage(problem, roster)
    totals = sm.employee_totals(problem.settings, roster, problem.employees,
                                sm.unavailable_days(problem))
    report = check_problem(problem, roster)
    short = [r for r in rows if r.shortfall]
    return {
        "status": sol.status,
        "coverage_pct": round(sm.coverage_pct(rows), 2),
        "short": sum(r.shortfall for r in short),
        "explained_before": sum(r.shortfall for r in short
                                if analysis.reason_for(r.day, r.shift, r.skill)),
        "max_dev_h": round(max(t.deviation for t in totals), 1),
        "min_dev_h": round(min(t.deviation for t in totals), 1),
        "roster_violations": len(report.roster_violations),
        "history_violations": len(report.history_violations),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--time-limit", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    options = SolveOptions(time_limit=args.time_limit, workers=args.workers, seed=args.seed)
    books: list[tuple[str, Problem]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for agreement in (False, True):
            path = safe_save(build_planner_month(agreement), Path(tmp) / f"jan_{agreement}.xlsx")
            books.append((f"planner month, night agreement {'yes' if agreement else 'no'}",
                          read_problem(path)))
    for name in ("ward", "care_home", "call_centre"):
        books.append((f"{name}.xlsx", read_problem(HERE / f"{name}.xlsx")))
    print(f"--time-limit {args.time_limit:g}, {args.workers} worker(s), seed {args.seed}\n")
    print("| workbook | status | coverage % | short | explained before solving | hours vs "
          "contract (min / max h) | roster violations | History's |")
    print("|---|---|---|---|---|---|---|---|")
    for name, problem in books:
        r = run_one(problem, options)
        print(f"| {name} | {r['status']} | {r['coverage_pct']} | {r['short']} | "
              f"{r['explained_before']} | {r['min_dev_h']} / {r['max_dev_h']} | "
              f"{r['roster_violations']} | {r['history_violations']} |")


if __name__ == "__main__":
    main()
