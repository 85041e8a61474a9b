"""The solver stops building at its time limit and the greedy start stops at its deadline.

No test here depends on the machine's speed: a limit that has passed before the first step (a
budget of 0 s, a deadline of 0 on ``time.perf_counter``) or no limit at all."""

from __future__ import annotations

import pytest

from benchmarks.aml_month import generate
from constraints.kernel.posting import PostContext
from scheduler.solution import WALL_CLOCK, SolveOptions
from scheduler.solver import hints
from scheduler.solver.build import OutOfTime, build
from scheduler.solver.cpsat import Budget
from scheduler.solver.solve import solve_traced
from tests import budgets

PROBLEM = generate(staff=8, days=7)


def test_build_stops_when_the_budget_has_no_time_left() -> None:
    with pytest.raises(OutOfTime):
        build(PROBLEM, SolveOptions(), budget=Budget(time_limit=0.0, work_limit=None))


def test_build_without_a_budget_or_with_time_left_builds_the_model() -> None:
    for budget in (None, Budget(time_limit=900.0, work_limit=None)):
        built = build(PROBLEM, SolveOptions(), budget=budget)
        assert built.obj is not None and built.ctx.x


def test_a_solve_whose_limit_ends_during_the_build_says_so() -> None:
    solution, trace = solve_traced(PROBLEM, SolveOptions(time_limit=1e-9, workers=1))
    assert not trace.built and not solution.model_built
    assert solution.status == "UNKNOWN" and not solution.has_roster
    assert solution.stopped_by == WALL_CLOCK and not solution.reproducible
    assert solution.build_seconds == pytest.approx(solution.wall_seconds)


def test_a_built_model_reports_its_build_time_within_the_solve() -> None:
    solution, trace = solve_traced(PROBLEM, budgets.options(0.2))
    assert solution.has_roster and solution.model_built and trace.built
    assert 0 < solution.build_seconds == trace.build_seconds <= solution.wall_seconds
    assert not trace.greedy_cut  # a work budget: the wall clock never cut the greedy


def _ctx() -> PostContext:
    built = build(PROBLEM, SolveOptions())
    return built.ctx


def test_greedy_without_a_deadline_is_the_whole_greedy_roster() -> None:
    ctx = _ctx()
    chosen, cut = hints.greedy_until(ctx, None)
    assert not cut and chosen == hints.greedy(ctx) and chosen


def test_greedy_past_its_deadline_plans_nothing_more_and_says_so() -> None:
    ctx = _ctx()
    chosen, cut = hints.greedy_until(ctx, 0.0)  # perf_counter() is past 0 from the start
    assert cut
    assert chosen == {}  # no pins in this problem: nothing was planned


def test_the_reserve_is_left_out_of_the_searches_time_only() -> None:
    b = Budget(time_limit=100.0, work_limit=None)
    b.reserve = 30.0
    assert b.seconds_to_end() - b.seconds_left() == pytest.approx(30.0)
    assert b.seconds_left() <= 70.0
