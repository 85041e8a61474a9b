"""The whole-law greedy roster before the rules are posted (scheduler.solver.aml_start): legal by
the checker, the solve's first roster, and its answer when the build or the search runs out."""

from __future__ import annotations

import importlib

import pytest

from benchmarks.aml_month import generate
from constraints.checker import check_problem
from scheduler.solver import aml_start, objective
from scheduler.solver.build import OutOfTime, build
from scheduler.solver.cpsat import Budget
from scheduler.solver.solve import solve_traced
from tests import budgets

solve_module = importlib.import_module("scheduler.solver.solve")


@pytest.fixture(scope="module")
def problem():
    return generate(staff=16, days=14, seed=5)


def _legal(problem, sol) -> None:
    assert sol.status == "FEASIBLE" and sol.assignments
    assert check_problem(problem, sol.roster).roster_violations == []


def test_the_early_roster_comes_before_any_rule_is_posted_and_is_legal(problem):
    options = budgets.options(1.0)
    budget = Budget(options.time_limit, options.work_limit)
    seen: dict[str, int] = {}
    starter = aml_start.Starter(budget)

    def ready(ctx) -> None:  # noqa: ANN001
        seen["constraints"] = len(ctx.model.proto.constraints)
        starter(ctx)

    built = build(problem, options, budget=budget, ready=ready)
    assert len(built.ctx.model.proto.constraints) > seen["constraints"]  # the rules came after
    early = starter.early
    assert early is not None and not early.cut
    assert len(early.assignments) == sum(early.cells.values()) > 0
    assert check_problem(problem, early.roster).roster_violations == []
    # every cell of it is one the domain left open
    assert all(k in built.ctx.x for k in early.cells)


def test_the_solve_starts_from_the_early_roster(problem):
    sol, trace = solve_traced(problem, budgets.options(1.0))
    _legal(problem, sol)
    # the first roster was found before the model was finished, and the answer is no worse
    assert sol.first_solution_seconds == trace.points[0][0] < trace.build_seconds
    assert sol.objective <= trace.points[0][1]


def test_the_early_roster_is_kept_when_the_model_cannot_be_built(problem, monkeypatch):
    def out_of_time(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise OutOfTime

    monkeypatch.setattr(objective, "build", out_of_time)  # the rules posted, the objective not
    sol, trace = solve_traced(problem, budgets.options(1.0))
    _legal(problem, sol)
    assert not sol.model_built and sol.objective is None
    assert sol.first_solution_seconds is not None and sol.first_solution_seconds <= sol.wall_seconds
    # the shortfall is the demand the roster leaves uncovered
    on = {(a.day, a.shift, a.employee) for a in sol.assignments}
    skills = {e.id: e.skills for e in problem.employees}
    for short in sol.shortfall:
        planned = sum(1 for d, s, e in on if (d, s) == (short.day, short.shift)
                      and (not short.skill or short.skill in skills[e]))
        assert planned == short.planned < short.required


def test_the_early_roster_is_kept_when_the_search_finds_nothing(problem, monkeypatch):
    monkeypatch.setattr(solve_module, "_greedy_start", lambda *a, **k: None)  # no start checked
    sol, _ = solve_traced(problem, budgets.options(0.0001))  # and no work to search
    _legal(problem, sol)
    assert sol.model_built and sol.objective is None


def test_without_the_early_roster_nothing_is_returned(problem, monkeypatch):
    """The test above fails without the fallback: the search alone finds nothing."""
    monkeypatch.setattr(solve_module, "_greedy_start", lambda *a, **k: None)
    monkeypatch.setattr(aml_start, "first", lambda *a, **k: None)
    sol, _ = solve_traced(problem, budgets.options(0.0001))
    assert not sol.has_roster


def test_an_illegal_greedy_roster_is_not_used(problem, monkeypatch):
    """A roster the checker rejects is no early start (the solve then starts as before)."""
    options = budgets.options(1.0)
    budget = Budget(options.time_limit, options.work_limit)
    starter = aml_start.Starter(budget)

    def doubled(ctx, deadline):  # noqa: ANN001, ANN202 - everyone works every shift of day 0
        return {(e, 0, s): 1 for e in range(ctx.geo.E) for s in range(ctx.geo.S)
                if (e, 0, s) in ctx.x}, False

    monkeypatch.setattr(aml_start.hints, "greedy_until", doubled)
    build(problem, options, budget=budget, ready=starter)
    assert starter.early is None
