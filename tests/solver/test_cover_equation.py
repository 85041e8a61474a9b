"""A cover line that prices both its own shortfall and its own over-staffing (the Curtois & Qu
format) is posted as one equation, cover + short + below - over == target
(scheduler/solver/objective_demand.py), not as two inequalities: CP-SAT's cuts on the equation
prove a bound near the optimum where the inequalities proved little (issue #19,
docs/benchmarks.md)."""

from __future__ import annotations

from pathlib import Path

from ortools.sat.python import cp_model

from benchmarks.curtois.reader import read_instance
from scheduler.solution import SolveOptions
from scheduler.solver.build import build
from scheduler.solver.objective import SCALE

INSTANCE9 = Path(__file__).resolve().parents[2] / "benchmarks" / "curtois" / "instances" / \
    "Instance9.txt"
OPTIMUM9 = 439  # proven in the literature (benchmarks/curtois/instances/README.md)


def test_the_plain_formulation_of_instance9_proves_a_bound_near_the_optimum() -> None:
    problem = read_instance(INSTANCE9)
    built = build(problem, SolveOptions(time_limit=600, workers=1), naive=True)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # one worker and a work limit: the same on any machine
    solver.parameters.max_deterministic_time = 0.5
    solver.parameters.max_time_in_seconds = 900.0  # a safety net only
    solver.solve(built.ctx.model)
    bound = solver.best_objective_bound / SCALE
    # the two inequalities per line proved 42 with this budget, the equation 195
    assert 150 <= bound <= OPTIMUM9


def test_every_priced_line_of_instance9_is_one_equation() -> None:
    problem = read_instance(INSTANCE9)
    built = build(problem, SolveOptions(time_limit=600, workers=1), naive=True)
    names = {i: v.name for i, v in enumerate(built.ctx.model.proto.variables)}
    equations = 0
    for ct in built.ctx.model.proto.constraints:
        if not ct.has_linear():
            continue
        lin = ct.linear
        vars_named = {names[v].split("[")[0] for v in lin.vars}
        if {"below", "over"} <= vars_named:
            assert list(lin.domain) == [lin.domain[0], lin.domain[0]]  # an equation
            equations += 1
    lines = sum(1 for item in problem.demand if item.target and item.over_weight)
    assert equations == lines > 0
