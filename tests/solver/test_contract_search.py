"""The contract-rule search's starts (scheduler/solver/contract_search.py): the sweep's roster is
in the progress trace, each start falls back to the other when it finds nothing, and a problem
too large for the whole model gets the sweep's roster to the end of its limit."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.generate import Shape, write
from benchmarks.curtois.reader import read_instance
from scheduler.solver import contract_search, decompose, greedy_rows
from scheduler.solver.cpsat import Budget
from scheduler.solver.objective import SCALE
from scheduler.solver.solve import solve_traced
from tests import budgets

INSTANCES = Path(__file__).resolve().parents[2] / "benchmarks" / "curtois" / "instances"


def _legal_objective(problem, sol) -> int:  # noqa: ANN001
    assert sol.has_roster
    ev = evaluate(problem, {(a.employee, a.day): a.shift for a in sol.assignments})
    assert ev.feasible, ev.breaches[:3]
    return ev.objective


def _roster_of(problem, swept) -> dict:  # noqa: ANN001
    from constraints.kernel.geometry import Geometry

    geo = Geometry(problem)
    return {(geo.emps[e].id, geo.days[d]): geo.shifts[s].code for e, d, s in swept}


def test_the_swept_roster_is_the_first_point_of_the_trace() -> None:
    problem = read_instance(INSTANCES / "Instance2.txt")
    options = budgets.options(1.0)
    points: list[tuple[float, float, float]] = []
    seen: list[tuple[float, float]] = []
    early = contract_search.first(problem, options, Budget(options.time_limit, 1.0), points,
                                  on_solution=lambda t, obj: seen.append((t, obj)))
    assert early.swept is not None and early.solution is None
    ev = evaluate(problem, _roster_of(problem, early.swept))
    assert ev.feasible
    assert points and [p[1] for p in points] == sorted({p[1] for p in points}, reverse=True)
    assert points[-1][1] == ev.objective  # the last point is the roster handed on
    assert seen == [(t, obj) for t, obj, _ in points]
    # and the whole solve's trace starts with it
    sol, trace = solve_traced(problem, options)
    assert trace.points[0][1] == points[0][1]
    assert _legal_objective(problem, sol) == sol.objective <= points[-1][1]


def test_the_sweep_is_taken_when_the_lean_start_finds_nothing(monkeypatch) -> None:
    problem = read_instance(INSTANCES / "Instance3.txt")
    calls: list[bool] = []

    def no_lean(*_args, **_kw):  # noqa: ANN002, ANN003, ANN202
        calls.append(True)
        return None

    monkeypatch.setattr(contract_search, "_lean", no_lean)
    monkeypatch.setattr(contract_search, "LARGE", 0)  # a large model: the hinted lean search
    sol, trace = solve_traced(problem, budgets.options(1.0))
    assert calls  # the lean start was asked and found nothing
    assert _legal_objective(problem, sol) == sol.objective
    assert trace.points and sol.objective <= trace.points[0][1]


def test_the_lean_start_is_taken_when_the_sweep_finds_nothing(monkeypatch) -> None:
    problem = read_instance(INSTANCES / "Instance2.txt")
    monkeypatch.setattr(greedy_rows.Planner, "row", lambda *a, **k: None)  # no walked row, and
    monkeypatch.setattr(decompose, "_solve_row", lambda *a, **k: None)  # no CP-SAT repair
    monkeypatch.setattr(decompose, "_any_row", lambda *a, **k: None)
    options = budgets.options(1.0)
    assert contract_search.first(problem, options, Budget(900.0, 1.0), []).swept is None
    asked: list[bool] = []
    real = contract_search._lean
    monkeypatch.setattr(contract_search, "_lean",
                        lambda *a, **k: asked.append(True) or real(*a, **k))
    sol, _ = solve_traced(problem, options)
    assert asked  # without the sweep's roster the lean start is the first roster
    assert _legal_objective(problem, sol) == sol.objective


def test_a_small_models_neighbourhoods_start_from_the_sweep_without_the_lean_start(
        monkeypatch) -> None:
    problem = read_instance(INSTANCES / "Instance3.txt")
    asked: list[bool] = []
    real = contract_search._lean
    monkeypatch.setattr(contract_search, "_lean",
                        lambda *a, **k: asked.append(True) or real(*a, **k))
    sol, trace = solve_traced(problem, budgets.options(1.0))
    assert not asked
    assert _legal_objective(problem, sol) == sol.objective <= trace.points[0][1]


@pytest.mark.parametrize("seed", [0, 5])
def test_a_problem_too_large_for_the_whole_model_gets_the_sweeps_roster(
        monkeypatch, tmp_path: Path, seed: int) -> None:
    problem = read_instance(write(Shape(8, 28, 3, seed), tmp_path, 1))
    built: list[bool] = []
    monkeypatch.setattr(contract_search, "CELLS_PER_SECOND", 0.001)  # every model "too large"
    solve_module = importlib.import_module("scheduler.solver.solve")
    real_build = solve_module.build
    monkeypatch.setattr(solve_module, "build", lambda *a, **k: built.append(True) or real_build(*a, **k))
    sol, trace = solve_traced(problem, budgets.options(2.0, seed=seed))
    assert not built  # the whole model was never built
    assert _legal_objective(problem, sol) == sol.objective
    assert sol.status == "FEASIBLE" and sol.stopped_by == "work_limit"
    assert sum(sol.objective_by_tier.values()) == sol.objective
    assert trace.points[-1][1] == sol.objective  # time to best: the trace has the final roster
    assert sol.first_solution_seconds == trace.points[0][0]
    covered = {(a.day, a.shift) for a in sol.assignments}
    for short in sol.shortfall:  # every shortfall named is real
        assert short.planned < short.required
        assert short.planned > 0 or (short.day, short.shift) not in covered
    # the same seed and work budget give the same roster (the sweep stops on work, not time)
    again, _ = solve_traced(problem, budgets.options(2.0, seed=seed))
    assert again.assignments == sol.assignments


def test_a_large_models_lean_search_starts_from_the_sweeps_roster(monkeypatch) -> None:
    problem = read_instance(INSTANCES / "Instance3.txt")
    monkeypatch.setattr(contract_search, "LARGE", 0)  # every model "large"
    hints: list[int] = []
    real = contract_search._lean

    def lean(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        hints.append(len(kw.get("hint") or {}))
        return real(*args, **kw)

    monkeypatch.setattr(contract_search, "_lean", lean)
    sol, trace = solve_traced(problem, budgets.options(1.5))
    assert hints and hints[0] > 0  # started from the sweep's roster
    assert _legal_objective(problem, sol) == sol.objective
    assert sol.objective <= trace.points[0][1]


def test_progress_reports_every_better_roster_of_the_neighbourhoods_once() -> None:
    problem = read_instance(INSTANCES / "Instance3.txt")
    seen: list[tuple] = []
    sol, trace = solve_traced(problem, budgets.options(2.0),
                              on_solution=lambda t, obj, *bound: seen.append((t, obj)))
    objectives = [obj for _, obj in seen]
    assert objectives == sorted(set(objectives), reverse=True)  # each better, none twice
    assert objectives == [obj for _, obj, _ in trace.points]  # as the trace has them
    assert len(objectives) >= 2  # the sweep's roster and at least one neighbourhood's
    assert _legal_objective(problem, sol) == sol.objective == objectives[-1]


def test_the_lean_searchs_proven_bound_is_kept_for_the_answer(monkeypatch) -> None:
    problem = read_instance(INSTANCES / "Instance3.txt")  # proven optimum 1001
    monkeypatch.setattr(contract_search, "LARGE", 0)  # the lean search from the sweep's roster
    monkeypatch.setattr(contract_search, "LNS_SHARE", 1.0)  # the final search gets no work left
    proved: list[float] = []
    real = contract_search.Clock.proved

    def spy(self, solver, status) -> None:  # noqa: ANN001
        real(self, solver, status)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):  # a search that found a roster
            proved.append(solver.best_objective_bound / SCALE)

    monkeypatch.setattr(contract_search.Clock, "proved", spy)
    sol, trace = solve_traced(problem, budgets.options(1.5))
    assert proved and trace.floor == max(proved)
    assert 0 < trace.floor <= 1001 <= _legal_objective(problem, sol)  # a true lower bound
    assert sol.best_bound is not None and sol.best_bound >= trace.floor
