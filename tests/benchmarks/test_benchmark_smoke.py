"""CI smoke versions of the benchmarks: Instance1 to its optimum, a small AML month legal, the
bound benchmark's bound valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import aml_bound, aml_month
from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.reader import read_instance
from scheduler.solver import solve, top_tiers
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


def test_bound_benchmark_prints_a_valid_bound(capsys: pytest.CaptureFixture[str]) -> None:
    bound = aml_bound.main(["--staff", "10", "--days", "7",
                            "--seconds", str(budgets.SAFETY_SECONDS)])
    out = capsys.readouterr().out
    assert f"bound {bound:,.0f}" in out.splitlines()[-1]
    sol = solve(aml_month.generate(10, 7, 2026), budgets.options(2.0))
    assert sol.objective_by_tier is not None
    cost = sum(sol.objective_by_tier.get(t, 0.0) for t in top_tiers.BESIDE_TIERS)
    assert 0 < bound <= cost + 1e-6  # a lower bound of any roster's cost of those tiers
