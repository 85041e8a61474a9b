"""The first roster of a solve and the evaluation of any roster: the greedy (or given, or
swept, or early) roster checked against the full model with every shift fixed, its values
hinted (:func:`_greedy_start`), and a roster's objective recomputed from the roster alone
(:func:`_evaluate`), so the same roster always reports the same objective."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from constraints.kernel.posting import PostContext
from scheduler.solution import Assignment, SolveOptions
from scheduler.solver import aml_start, contract_search, hints, objective
from scheduler.solver.build import Built
from scheduler.solver.cpsat import Budget, new_solver
from scheduler.solver.progress import Trace

EVALUATE_WORK = 60.0  # deterministic time for evaluating a roster (presolve fixes nearly all)
EVALUATE_SECONDS = 1.0  # ... and the least wall clock it gets (a safety net: the time left)
GREEDY_SHARE = 0.5  # most of the time left that the greedy start may take (no work budget)
PROBE_SHARE = 0.25  # most of the work (or time) left that checking the greedy roster may take


@dataclass
class _Fallback:
    value: Callable  # every model variable's value in the roster
    objective: float  # its full objective
    exact: bool = False  # ``value`` is already the roster's evaluation (:func:`_evaluate`)


def _fixed(ctx: PostContext, values: dict[int, int]) -> cp_model.CpModel:
    """A copy of the model, without hints, with the variables of ``values`` (proto index ->
    value) fixed."""
    probe = ctx.model.clone()
    probe.clear_hints()
    proto_vars = probe.proto.variables
    for i, val in values.items():
        dom = proto_vars[i].domain  # the variables fixed here have a domain of one interval
        dom[0] = val
        dom[1] = val
    return probe


def _evaluate(ctx: PostContext, value: Callable, budget: Budget) -> Callable:
    """The values of the roster ``value`` describes, its objective recomputed from it alone.

    The variables that make the roster (the shifts, and the overtime tails) are fixed and every
    other variable minimised, so identical rosters get identical values whichever search found
    them (and with whatever slack in a term the search left). Falls back to ``value`` if the
    evaluation does not finish (it takes a presolve on any roster we produce)."""
    made = list(ctx.x.values())
    if ctx.overtime is not None:
        made += list(ctx.overtime.k.values())
    probe = _fixed(ctx, {v.index: int(value(v)) for v in made})
    solver = new_solver()
    p = solver.parameters
    p.num_workers = 1
    p.random_seed = 0
    p.max_deterministic_time = EVALUATE_WORK
    p.max_time_in_seconds = max(EVALUATE_SECONDS, budget.seconds_to_end())
    status = solver.solve(probe)
    if status != cp_model.OPTIMAL:
        budget.wall_clock = True  # only the wall clock can end it early
        return value
    return solver.value


def _greedy_start(ctx: PostContext, built: Built, options: SolveOptions, budget: Budget,
                  trace: Trace, start: Sequence[Assignment] | None = None,
                  swept: dict | None = None,
                  on_solution: Callable[..., None] | None = None,
                  early: aml_start.Early | None = None) -> _Fallback | None:
    """Hint the greedy roster (or the cells of ``start`` this model still has). Check it against
    the full model with every shift fixed (cheap: presolve fixes everything); if it is legal it
    is the first roster (returned if the search is stopped before finding one) and its completed
    values hint every variable. ``early``: the greedy roster found before the rules were
    posted (:mod:`scheduler.solver.aml_start`), used as it is, its time kept."""
    chosen = None
    if early is not None:
        chosen, trace.greedy_cut = early.cells, early.cut
    elif start is not None:
        chosen = _start_cells(ctx, start)
    elif contract_search.applies(ctx.problem):  # the AML greedy knows nothing of contracts
        chosen = contract_search.start(ctx, options, budget, trace.points, swept, on_solution,
                                       on_bound=trace.prove)
    if chosen is None:
        # a wall-clock deadline: with a work budget only the time limit's own end (a safety net
        # that makes the run not reproducible when it cuts the greedy); without, a share
        left = budget.seconds_left()
        deadline = time.perf_counter() + (left if budget.deterministic else GREEDY_SHARE * left)
        chosen, trace.greedy_cut = hints.greedy_until(ctx, deadline)
        if trace.greedy_cut and budget.deterministic:
            budget.wall_clock = True
    trace.hinted_ones = len(chosen)
    model = ctx.model
    probe = _fixed(ctx, {v.index: chosen.get(k, 0) for k, v in ctx.x.items()})
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = options.seed
    budget.limit(solver, PROBE_SHARE, seconds=min(10.0, options.time_limit / 4))
    status = solver.solve(probe)
    budget.charge(solver, status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for k, v in ctx.x.items():
            model.add_hint(v, chosen.get(k, 0))
        return None
    for i in range(len(model.proto.variables)):
        model.add_hint(model.get_int_var_from_proto_index(i), solver.value(
            probe.get_int_var_from_proto_index(i)))
    obj = solver.objective_value / objective.SCALE
    t = early.seconds if early is not None else time.perf_counter() - budget.t0
    if not trace.points or obj < trace.points[-1][1]:
        trace.points.append((t, obj, 0.0))  # no bound is known yet
    return _Fallback(solver.value, obj)


def _start_cells(ctx: PostContext, start: Sequence[Assignment]) -> dict:
    """The decision variables (keys of ``ctx.x``) of ``start``'s assignments that this model
    still has: a cell whose employee, day or shift is gone, or that the domain rules forbid
    (sick leave, a permission lost), is left out."""
    geo = ctx.geo
    chosen = {}
    for a in start:
        e, d, s = geo.emp_index.get(a.employee), geo.day_index.get(a.day), geo.shift_index.get(a.shift)
        if e is not None and d is not None and s is not None and (e, d, s) in ctx.x:
            chosen[(e, d, s)] = 1
    return chosen
