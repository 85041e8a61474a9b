"""Phase one of a solve: the top tiers alone, for a proven bound and a strong start.

On a large month CP-SAT's LP cannot carry the full objective (tens of thousands of small
request, fairness and pattern terms): its bound stays where presolve left it, near zero. The top
tiers alone (uncovered demand, overtime, soft legal rules, below target, contracted hours) are
a small objective whose LP bound is strong. Every lower tier is >= 0 on every feasible roster (see
:mod:`scheduler.solver.objective`), so the best bound of the top tiers over the *same* constraints
is a proven lower bound of the full objective. The best roster of phase one becomes the complete
hint of phase two, which optimises the full objective with the work (or time) left.

Phase one's LP holds every clause up to :data:`FULL_LP_VARIABLES` variables (CP-SAT's default
LP leaves out the clauses presolve makes of one-person cover rows, and with them most of the
contract and Sunday-in-rest bound). Phase one gets the share given in :data:`STEPS` of the work
budget left (without one: of the time left), and stops early once its own gap is below
:data:`GAP`; phase two gets the rest. It is skipped on pure contract-rule problems (their
objective has one tier) and when the model is small (one phase proves those on its own).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from scheduler.solver import objective
from scheduler.solver.cpsat import full_linear_relaxation

# The top tiers, and the contracted hours: without them phase one's roster ignores everyone's
# hours, and phase two spends its time repairing them. ``change`` is the re-plan's distance from
# the published roster (:mod:`scheduler.replan.model`; empty in a plain solve).
TOP_TIERS = ("uncovered", "overtime", "soft_legal", "below_target", "change", "contract")
STEPS = ((TOP_TIERS, 0.6),)  # (tiers, share of the work or time left) per step
GAP = 0.005
MIN_VARIABLES = 5_000
# Phase one's LP holds every clause (:func:`scheduler.solver.cpsat.full_linear_relaxation`) up
# to this size. On the generated month the bound at 60 s then rises from 0.59 M to 0.65 M (50
# staff) and from 1.828 M to 1.845 M (150 staff), the ward's at 30 s from 0.12 M to 0.18 M; on
# 300 staff (97 k variables) that LP does not settle within a minute on 2 cores (bound 2.9 M
# against 3.6 M with the default LP).
FULL_LP_VARIABLES = 60_000


def tune(params, num_vars: int, workers: int) -> None:  # noqa: ANN001 - SatParameters
    """Phase one's solver: the bound is what it is for, so its LP holds every clause when the
    model is small enough for that LP to settle (:data:`FULL_LP_VARIABLES`)."""
    if num_vars <= FULL_LP_VARIABLES:
        full_linear_relaxation(params, workers)


@dataclass
class TopTiers:
    status: int  # CP-SAT's status of phase one's search
    bound: float | None  # proven lower bound of the full objective (objective units)
    solver: cp_model.CpSolver | None  # holds the best roster of phase one, if any
    objective: float | None  # the full objective of that roster


def wanted(obj: objective.Objective, num_vars: int) -> bool:
    """Two phases pay off when the model is large and the lower tiers are not empty."""
    lower = [t for t in obj.terms if t not in TOP_TIERS and obj.terms[t]]
    top = [t for t in TOP_TIERS if obj.terms.get(t)]
    return num_vars >= MIN_VARIABLES and bool(lower) and bool(top)


def run(model: cp_model.CpModel, obj: objective.Objective, solver: cp_model.CpSolver,
        on_solution: Callable[[float, float], None] | None = None,
        tiers: tuple[str, ...] = TOP_TIERS) -> TopTiers:
    """Minimise the top tiers on ``model`` with ``solver`` (limits already set), then put
    the full objective back and hint phase one's best roster. ``on_solution(full objective,
    bound)`` is called for every roster phase one finds (improving on the top tiers, not always
    on the full objective)."""
    model.minimize(obj.expression(tiers))
    solver.parameters.relative_gap_limit = GAP
    progress = _Progress(obj, on_solution)
    status = solver.solve(model, progress)
    model.minimize(obj.total())
    bound = solver.best_objective_bound / objective.SCALE
    if status == cp_model.INFEASIBLE or abs(bound) >= 1e30:
        return TopTiers(status, None, None, None)
    bound = max(0.0, bound)  # every tier is >= 0, so 0 is a bound too
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return TopTiers(status, bound, None, None)
    model.clear_hints()
    for i in range(len(model.proto.variables)):
        v = model.get_int_var_from_proto_index(i)
        model.add_hint(v, solver.value(v))
    full = sum(obj.by_tier(solver.value).values())
    return TopTiers(status, bound, solver, full)


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, obj: objective.Objective,
                 on_solution: Callable[[float, float], None] | None) -> None:
        super().__init__()
        self.obj, self.on_solution = obj, on_solution

    def on_solution_callback(self) -> None:
        if self.on_solution is not None:
            full = sum(self.obj.by_tier(self.value).values())
            self.on_solution(full, max(0.0, self.best_objective_bound / objective.SCALE))
