"""CI smoke versions of the two benchmarks: Instance1 to its optimum, a small AML month legal."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import aml_month
from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.reader import read_instance
from scheduler.solver import solve
from tests import budgets

# the copy inside the repository (benchmarks/curtois/instances/README.md)
INSTANCE1 = Path(__file__).resolve().parents[2] / "benchmarks" / "curtois" / "instances" / \
    "Instance1.txt"


@pytest.mark.slow  # a Dask cluster or a benchmark run: `make test-slow`
def test_curtois_instance1_reaches_its_optimum() -> None:
    problem = read_instance(INSTANCE1)
    # the search proves the optimum and stops long before the work budget ends it
    sol = solve(problem, budgets.options(30.0))
    assert sol.status == "OPTIMAL"
    ev = evaluate(problem, {(a.employee, a.day): a.shift for a in sol.assignments})
    assert ev.feasible, ev.breaches
    assert ev.objective == 607 == sol.objective


@pytest.mark.slow  # a Dask cluster or a benchmark run: `make test-slow`
def test_small_aml_month_is_legal() -> None:
    row = aml_month.run_one(staff=10, days=14, seed=2026, time_limit=budgets.SAFETY_SECONDS,
                            workers=1, naive=False, work_limit=1.0)
    assert row["status"] in ("OPTIMAL", "FEASIBLE")
    assert row["violations"] == 0
