"""A proof that some minimum demand stays uncovered whatever the roster: the uncovered tier alone.

The staffing search (:mod:`scheduler.whatif.staffing_search`) calls an answer proven minimal
when each of its neighbours (one hire dropped, or one position lowered) is proven to leave
demand short. The whole objective's solve proves that only when it ends OPTIMAL, which a
month's model seldom does within its limit. The shortfall alone is a smaller question: minimise
the uncovered tier over the same model (the same hard rules; the soft ones stay soft, as in
the solve it proves for). Every term of that tier is a price of at least zero times a
person-shift below a minimum (:mod:`scheduler.solver.objective_demand`), so CP-SAT's proven
lower bound of it above zero means that no roster of the model covers every minimum. A
minimum priced at zero (a zero weight) adds nothing to the bound: it can only leave a shortfall
unproven, never prove one that is not there.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from scheduler.model import Problem
from scheduler.solution import SolveOptions
from scheduler.solver.build import OutOfTime, build
from scheduler.solver.cpsat import Budget, full_linear_relaxation, new_solver


def uncovered_bound(problem: Problem, options: SolveOptions) -> float | None:
    """CP-SAT's proven lower bound of the uncovered tier (objective units, integers in the
    model) within the limits of ``options`` (its work budget when it has one, else its time
    limit); None when the hard rules contradict each other, the model could not be built in
    time, or the search ended without a bound."""
    budget = Budget(options.time_limit, options.work_limit)
    try:
        built = build(problem, options, budget=budget)
    except OutOfTime:
        return None
    if built.conflicts or built.obj is None:
        return None
    constant = built.obj.constant.get("uncovered", 0)  # only a row model has constants
    if not built.obj.terms.get("uncovered"):
        return float(constant)
    model = built.ctx.model
    model.minimize(built.obj.expression(("uncovered",)) + constant)
    solver = new_solver()
    params = solver.parameters
    params.num_workers = options.workers
    params.random_seed = options.seed
    full_linear_relaxation(params, options.workers)
    budget.limit(solver)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return max(0.0, solver.best_objective_bound)


def proven_short(problem: Problem, options: SolveOptions) -> bool:
    """Is it proven that no legal roster of ``problem`` covers every minimum?"""
    bound = uncovered_bound(problem, options)
    return bound is not None and bound > 0.5
