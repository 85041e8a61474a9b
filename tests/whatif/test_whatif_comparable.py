"""Comparable scenarios (issue #17): every scenario starts from the baseline's first roster,
repaired to the scenario, with the same seed; a scenario identical to the baseline reproduces
the Baseline row exactly; a scenario without a roster says why."""

from __future__ import annotations

import pytest

from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solver import solve
from scheduler.whatif import runner as rn
from scheduler.whatif.changes import RemoveEmployees, ScaleDemand, Scenario, with_baseline
from tests import budgets
from tests.whatif.test_whatif_kit import workbook

WORK = budgets.options(0.6, seed=5)


@pytest.fixture(scope="module")
def problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    return read_problem(workbook(tmp_path_factory.mktemp("c") / "w.xlsx"))


def first_roster(problem: Problem) -> list:
    first = rn.run_one(problem, Scenario(name="Baseline"), WORK, keep_solution=True)
    assert first.ok and first.solution is not None
    return list(first.solution.assignments)


def test_a_scenario_identical_to_the_baseline_reproduces_its_figures_exactly(
        problem: Problem) -> None:
    start = first_roster(problem)
    scenarios = with_baseline([Scenario(name="Same again"),
                               Scenario(name="Demand x1", changes=(ScaleDemand(factor=1),))])
    base, same, unit = rn.run_serial(problem, scenarios, WORK, keep_solutions=True, start=start)
    assert base.ok and base.from_baseline and base.reproducible
    for r in (same, unit):
        assert r.figures == base.figures and r.objective == base.objective
        assert r.gap_pct == base.gap_pct and r.best_bound == base.best_bound
        assert r.solution is not None and base.solution is not None
        assert r.solution.assignments == base.solution.assignments


def test_the_start_roster_is_the_first_roster_and_never_beaten_by_a_worse_one(
        problem: Problem) -> None:
    """With the baseline's roster as start, a tiny work budget still returns a roster at
    least as good as the start (the start is legal in the unchanged problem)."""
    start = first_roster(problem)
    from_start = solve(problem, budgets.options(0.01, seed=5), start=start)
    full = rn.run_one(problem, Scenario(name="Baseline"), WORK, keep_solution=True)
    assert from_start.has_roster and full.objective is not None
    assert from_start.objective is not None and from_start.objective <= full.objective + 1e-6


def test_cells_of_removed_staff_are_left_out_of_the_start(problem: Problem) -> None:
    start = first_roster(problem)
    assert any(a.employee == "R4" for a in start)
    result = rn.run_one(problem, Scenario(name="Without R4",
                                          changes=(RemoveEmployees(employees=("R4",)),)),
                        WORK, keep_solution=True, start=start)
    assert result.ok and result.figures is not None and result.figures.violations == 0
    assert result.solution is not None
    assert all(a.employee != "R4" for a in result.solution.assignments)


def test_run_sweep_starts_every_scenario_from_the_baseline(problem: Problem) -> None:
    sweep = rn.SweepOptions(time_limit=budgets.SAFETY_SECONDS, work_limit=0.6, seed=5, jobs=1)
    results = rn.run_sweep(problem, with_baseline([Scenario(name="Same")]), sweep)
    assert [r.from_baseline for r in results] == [True, True]
    off = rn.run_sweep(problem, with_baseline([]),
                       rn.SweepOptions(time_limit=budgets.SAFETY_SECONDS, work_limit=0.6,
                                       seed=5, jobs=1, from_baseline=False))
    assert [r.from_baseline for r in off] == [False]


def test_no_roster_reasons_name_the_cause() -> None:
    late = rn.no_roster_reason("UNKNOWN", "work_limit")
    assert late is not None and "before a first roster" in late and "work limit" in late
    assert "tidsgrensen" in (rn.no_roster_reason("UNKNOWN", "wall_clock", lang="nb") or "")
    reason = rn.no_roster_reason("INFEASIBLE", "infeasible", ["R1 cannot work both D and N"])
    assert reason is not None and reason.startswith("infeasible")
    assert "R1 cannot work both D and N" in reason
    assert rn.no_roster_reason("FEASIBLE") is None and rn.no_roster_reason(rn.ERROR) is None


def test_a_scenario_out_of_work_before_a_first_roster_says_so(problem: Problem) -> None:
    """No greedy start and next to no work: the solver stops before any roster."""
    from scheduler.whatif.changes import ScaleDemand

    tiny = budgets.options(1e-6, seed=5, use_hints=False)
    r = rn.run_one(problem, Scenario(name="Double", changes=(ScaleDemand(factor=2),)), tiny)
    assert r.status == "UNKNOWN" and r.figures is None
    assert r.reason is not None and "before a first roster" in r.reason


def test_the_pool_gets_the_start_and_gives_the_serial_answers(problem: Problem) -> None:
    """The start travels to pool processes as JSON; one worker and a work budget give the same
    figures in a process pool as in this process."""
    start = first_roster(problem)
    scenarios = with_baseline([Scenario(name="Without R4",
                                        changes=(RemoveEmployees(employees=("R4",)),))])
    serial = rn.run_serial(problem, scenarios, WORK, start=start)
    pooled = rn.run_pool(problem, scenarios, WORK, jobs=2, start=start)
    assert [r.from_baseline for r in pooled] == [True, True]
    assert [(r.figures, r.objective) for r in pooled] == [(r.figures, r.objective)
                                                          for r in serial]
