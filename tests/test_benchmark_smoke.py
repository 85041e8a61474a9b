"""CI smoke versions of the two benchmarks: Instance1 to its optimum, a small AML month legal."""

from __future__ import annotations

from pathlib import Path

from benchmarks import aml_month
from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.reader import read_instance
from scheduler.solution import SolveOptions
from scheduler.solver import solve

INSTANCE1 = (Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "curtois"
             / "instances" / "Instance1.txt")


def test_curtois_instance1_reaches_its_optimum() -> None:
    problem = read_instance(INSTANCE1)
    # the limit is a safety net: the search proves the optimum and stops long before it
    sol = solve(problem, SolveOptions(time_limit=60, workers=2))
    assert sol.status == "OPTIMAL"
    ev = evaluate(problem, {(a.employee, a.day): a.shift for a in sol.assignments})
    assert ev.feasible, ev.breaches
    assert ev.objective == 607 == sol.objective


def test_small_aml_month_is_legal() -> None:
    row = aml_month.run_one(staff=10, days=14, seed=2026, time_limit=8, workers=2, naive=False)
    assert row["status"] in ("OPTIMAL", "FEASIBLE")
    assert row["violations"] == 0
