"""The employee-by-employee roster is the answer when the whole model's search ends without one
(scheduler.solver.contract_search.fallback, used by scheduler.solver.solve)."""

from __future__ import annotations

import importlib

from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.generate import Shape, write
from benchmarks.curtois.reader import read_instance
from constraints.checker import check_problem
from scheduler.solver.build import OutOfTime
from scheduler.solver.solve import solve_traced
from tests import budgets

solve_module = importlib.import_module("scheduler.solver.solve")


def _checked(problem, sol) -> int:
    assert sol.status == "FEASIBLE" and sol.assignments
    assert check_problem(problem, sol.roster).findings == []
    ev = evaluate(problem, {(a.employee, a.day): a.shift for a in sol.assignments})
    assert ev.feasible
    return ev.objective


def test_the_swept_roster_is_kept_when_the_whole_model_cannot_be_built(tmp_path, monkeypatch):
    problem = read_instance(write(Shape(10, 28, 4, 2), tmp_path, 1))

    def out_of_time(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise OutOfTime

    monkeypatch.setattr(solve_module, "build", out_of_time)
    sol, trace = solve_traced(problem, budgets.options(1.0))
    assert _checked(problem, sol) == sol.objective == trace.points[-1][1]


def test_the_swept_roster_is_kept_when_the_search_finds_nothing(tmp_path, monkeypatch):
    problem = read_instance(write(Shape(10, 28, 4, 6), tmp_path, 2))
    monkeypatch.setattr(solve_module, "_greedy_start", lambda *a, **k: None)  # no start checked
    sol, trace = solve_traced(problem, budgets.options(0.0001))  # and no time to search
    assert _checked(problem, sol) == sol.objective
    assert trace.points and sol.objective == trace.points[-1][1]
