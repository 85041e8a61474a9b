"""The AML month benchmark: ``--seed`` draws the month, ``--solver-seed`` only the solver's seed
(issue #19: runs of one month with several solver seeds, as docs/benchmarks.md reports them)."""

from __future__ import annotations

import pytest

import scheduler.solver
from benchmarks import aml_month
from scheduler.solution import SolveOptions


def _seeds_solved(monkeypatch: pytest.MonkeyPatch, **kw: int) -> list[tuple[int, int]]:
    """(the month's first employee's position, the solver's seed) of each solve ``run_one``
    starts; the solve itself is stopped at once."""
    seen: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def solve_traced(problem, options: SolveOptions, **_):  # noqa: ANN001, ANN003, ANN202
        seen.append((problem.employees[0].position_pct, options.seed))
        raise Stop

    monkeypatch.setattr(scheduler.solver, "solve_traced", solve_traced)
    with pytest.raises(Stop):
        aml_month.run_one(staff=30, days=7, time_limit=1, workers=1, naive=False, **kw)
    return seen


def test_the_solver_seed_changes_the_solver_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    (month_a, solver_a), = _seeds_solved(monkeypatch, seed=2026)
    (month_b, solver_b), = _seeds_solved(monkeypatch, seed=2026, solver_seed=7)
    assert (solver_a, solver_b) == (2026, 7)
    assert month_a == month_b
    assert aml_month.generate(30, 7, 2026) == aml_month.generate(30, 7, 2026)
    assert aml_month.generate(30, 7, 2026) != aml_month.generate(30, 7, 1)  # another month


def test_the_report_names_the_solver_seed_in_its_command() -> None:
    row = {"naive": False, "status": "FEASIBLE", "build_seconds": 1.0, "num_vars": 10,
           "num_constraints": 5, "first_solution_seconds": 0.5, "marks": {}, "objective": 3.0,
           "gap_pct": 1.0, "shortfall": 0, "violations": 0, "peak_mib": 100.0,
           "by_tier": {"contract": 3.0}}
    with_seed = aml_month.markdown([row], 300, 31, 2026, 60, 2, solver_seed=4)
    assert "--seed 2026 --solver-seed 4`" in with_seed
    assert "--solver-seed" not in aml_month.markdown([row], 300, 31, 2026, 60, 2)
