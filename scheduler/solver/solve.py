"""Build the CP-SAT model, solve it, and turn the answer into a ``Solution``.

``solve(problem, options)`` is the public entry point. Stopping early: pass a
``threading.Event`` as ``stop`` (set it from a SIGINT handler, see :func:`stop_on_sigint`); the
search stops and the best roster found so far is returned.

Limits (:class:`scheduler.solver.cpsat.Budget`): with ``options.work_limit`` every search of the
solve stops on its share of that work budget (CP-SAT deterministic time), so with one worker and
a seed the roster is the same on any machine and under any load; the wall-clock time limit is a
safety net, and when it ends a search the solution says so (``stopped_by == "wall_clock"``,
``reproducible`` False). Without a work budget the wall clock is the limit.

The objective reported is computed from the roster returned (:func:`_evaluate`): every variable
that makes the roster is fixed and the rest minimised, so the same roster always reports the
same objective, whichever search found it.

``options.target_gap_pct``: the last search stops once its roster is proven within that relative
gap of the best (CP-SAT's ``relative_gap_limit``). CP-SAT then says OPTIMAL; the solution says
FEASIBLE, ``stopped_by == "gap_limit"``, with the true gap to the proven bound (so nothing
downstream takes it for proven optimal).

Large models are solved in two phases (:mod:`scheduler.solver.top_tiers`): the top tiers of the
objective first, for a proven bound and a strong start, then the full objective.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from ortools.sat.python import cp_model

from scheduler.model import Problem
from scheduler.solution import (
    GAP_LIMIT,
    INFEASIBLE,
    INTERRUPTED,
    OPTIMAL,
    WALL_CLOCK,
    Assignment,
    Conflict,
    Shortfall,
    Solution,
    SolveOptions,
)
from scheduler.solver import (
    aml_start,
    contract_search,
    cover_short,
    explain,
    objective,
    top_tiers,
)
from scheduler.solver.build import Extend, OutOfTime, build
from scheduler.solver.cpsat import Budget, full_linear_relaxation, new_solver
from scheduler.solver.decode import roster_of_assignments, run_facts
from scheduler.solver.progress import Trace, _best, _gap, _Progress
from scheduler.solver.start import _evaluate, _Fallback, _greedy_start
from scheduler.solver.stopping import _stopped, _watch


def solve(problem: Problem, options: SolveOptions | None = None, *,
          stop: threading.Event | None = None,
          on_solution: Callable[..., None] | None = None,
          tariff_profile: bool = False,
          start: Sequence[Assignment] | None = None,
          extend: Extend | None = None) -> Solution:
    """Solve the planning problem; every returned roster passes the checker.

    ``stop``: set it (e.g. from a SIGINT handler, :func:`stop_on_sigint`) to end the search and
    get the best roster so far. ``on_solution(seconds, objective[, bound])`` is called for every
    improving roster (the greedy start has no bound yet), from the solver's thread.
    ``start``: a roster to start from instead of the greedy one (e.g. another problem's roster,
    for what-if): every assignment still possible in this problem is hinted; when those cells
    make a legal roster it is the first roster, and the answer is never worse than it.
    ``extend(ctx, objective)``: constraints and objective terms of the caller's own, added to
    the model once it is built (:func:`scheduler.solver.build.build`); the employee-by-employee
    contract search, which builds no such model, is then not used.
    """
    return solve_traced(problem, options, stop=stop, on_solution=on_solution,
                        tariff_profile=tariff_profile, start=start, extend=extend)[0]


def solve_traced(problem: Problem, options: SolveOptions | None = None, *,
                 stop: threading.Event | None = None,
                 on_solution: Callable[..., None] | None = None,
                 naive: bool = False, tariff_profile: bool = False,
                 symmetry: bool = False,
                 start: Sequence[Assignment] | None = None,
                 extend: Extend | None = None) -> tuple[Solution, Trace]:
    """:func:`solve`, and the trace of its progress. ``options.time_limit`` covers model
    building, the search and decoding the roster (see :func:`build` and ``Budget.reserve``)."""
    solution, trace = _solve_traced(problem, options, stop=stop, on_solution=on_solution,
                                    naive=naive, tariff_profile=tariff_profile,
                                    symmetry=symmetry, start=start, extend=extend)
    return solution.model_copy(update={"build_seconds": trace.build_seconds,
                                       "model_built": trace.built}), trace


def _solve_traced(problem: Problem, options: SolveOptions | None, *,
                  stop: threading.Event | None, on_solution: Callable[..., None] | None,
                  naive: bool, tariff_profile: bool, symmetry: bool,
                  start: Sequence[Assignment] | None,
                  extend: Extend | None = None) -> tuple[Solution, Trace]:
    options = options or SolveOptions()
    budget = Budget(options.time_limit, options.work_limit)
    t0 = budget.t0
    trace = Trace()
    early = None
    if contract_search.applies(problem) and options.use_hints and not naive and extend is None:
        # the employee-by-employee roster comes before the whole model (which it may skip)
        early = contract_search.first(problem, options, budget, trace.points,
                                      on_solution=on_solution, stop=stop)
        if early.solution is not None:
            return early.solution, trace
        if early.conflicts:  # some employee's rules alone admit no row (proven): infeasible
            return _infeasible(early.conflicts, budget, options), trace
    # the whole-law greedy roster, once the variables exist (before the rules are posted)
    starter = aml_start.Starter(budget) if aml_start.applies(
        problem, options, naive=naive, symmetry=symmetry, start=start, extend=extend) else None
    try:
        built = build(problem, options, naive=naive, tariff_profile=tariff_profile,
                      symmetry=symmetry, budget=budget, extend=extend, ready=starter)
    except OutOfTime:
        trace.build_seconds, trace.built = time.perf_counter() - t0, False
        budget.wall_clock = True
        kept = contract_search.fallback(problem, options, budget, early, trace.points) \
            or aml_start.fallback(problem, options, budget, starter.early if starter else None)
        if kept is not None:  # the employee-by-employee roster found before the build
            return kept, trace
        return Solution(status="UNKNOWN", wall_seconds=trace.build_seconds,
                        **run_facts(options, budget, WALL_CLOCK)), trace
    ctx = built.ctx
    trace.build_seconds = time.perf_counter() - t0
    if built.conflicts:
        return _infeasible(built.conflicts, budget, options), trace
    proto = ctx.model.proto
    # the end of the time limit is kept for turning the answer into a roster (_evaluate)
    budget.reserve = min(FINISH_SHARE * options.time_limit,
                         FINISH_SECONDS + FINISH_PER_VARIABLE * len(proto.variables))
    start_point: _Fallback | None = None
    if options.use_hints and not naive:
        reported = len(trace.points)
        start_point = _greedy_start(ctx, built, options, budget, trace, start,
                                    early.swept if early is not None else None, on_solution,
                                    starter.early if starter else None)
        if start_point is not None and on_solution is not None and len(trace.points) > reported \
                and (start is not None or not contract_search.applies(problem)):
            # (the contract search reports its own rosters)
            on_solution(trace.points[-1][0], trace.points[-1][1])
    trace.num_vars, trace.num_constraints = len(proto.variables), len(proto.constraints)

    assert built.obj is not None
    # a proven lower bound from before the final search: the contract search's lean model,
    # then phase one's (top tiers alone)
    floor = trace.floor
    # the naive baseline (benchmarks) is one plain solve
    if not naive and not contract_search.applies(problem) \
            and top_tiers.wanted(built.obj, trace.num_vars) and not _stopped(stop):

        def phase_one(full: float, bound: float) -> None:
            # phase one improves the top tiers; report only what improves the whole objective
            if trace.points and full >= trace.points[-1][1]:
                return
            t = time.perf_counter() - t0
            trace.points.append((t, full, _best(bound, floor)))
            if on_solution is not None:
                on_solution(t, full, _best(bound, floor))

        def cover(seed: int) -> None:
            # cover what a scarce skill leaves short (cover_short): the first roster, and
            # phase one's, which can still leave a cell short
            nonlocal start_point
            if start_point is None or _stopped(stop):
                return
            covered = cover_short.cover(ctx, built.obj, start_point, options.workers, seed,
                                        budget, stop)
            if covered is None:
                return
            start_point = covered
            t = time.perf_counter() - t0
            if trace.points and covered.objective >= trace.points[-1][1]:
                return  # (only improving rosters are reported)
            trace.points.append((t, covered.objective, floor if floor is not None else 0.0))
            if on_solution is not None:
                on_solution(t, covered.objective, *(() if floor is None else (floor,)))

        cover(options.seed)
        for tiers, share, bound_step, beside in top_tiers.steps(trace.num_vars,
                                                                 budget.deterministic):
            if _stopped(stop):
                break
            solver = _configured(problem, options, trace.num_vars)
            budget.limit(solver, share)
            # neighbourhoods only need a roster to start from: without one, the usual portfolio
            top_tiers.tune(solver.parameters, trace.num_vars, options.workers, bound_step,
                           beside and start_point is not None)
            with _watch(stop, solver):
                top = top_tiers.run(ctx.model, built.obj, solver, phase_one, tiers,
                                    start_point.objective if start_point else None,
                                    beside=beside,
                                    evaluate=lambda value: _evaluate(ctx, value, budget),
                                    bound_step=bound_step)
            budget.charge(solver, top.status, stop)
            floor = _best(top.bound, floor)
            if top.value is not None and top.objective is not None and (
                    start_point is None or top.objective <= start_point.objective):
                start_point = _Fallback(top.value, top.objective, top.exact)
        cover(options.seed + cover_short.ROUNDS)  # new seeds
    solver = _configured(problem, options, trace.num_vars)
    budget.limit(solver)
    if options.target_gap_pct is not None:  # stop once proven within the target gap
        solver.parameters.relative_gap_limit = options.target_gap_pct / 100.0
    target = options.target_gap_pct
    progress = _Progress(trace, t0, on_solution, floor, target)
    status, solved = cp_model.UNKNOWN, False
    if target is not None and start_point is not None and floor is not None \
            and _gap(start_point.objective, floor) <= target:
        stopped_by = GAP_LIMIT  # phase one's roster is already within the target gap
    elif not _stopped(stop):
        with _watch(stop, solver):
            status = solver.solve(ctx.model, progress)
        solved = True
        stopped_by = budget.charge(solver, status, stop, at_gap=progress.reached)
    else:
        budget.interrupted = True
        stopped_by = INTERRUPTED
    name = solver.status_name(status) if solved else "UNKNOWN"
    if stopped_by == GAP_LIMIT:
        name = "FEASIBLE"  # a roster within the target gap, not proven best
    first = trace.points[0][0] if trace.points else None

    if status == cp_model.INFEASIBLE:
        conflicts = explain.explain(problem, built, options, budget)
        return _infeasible(conflicts, budget, options, first), trace
    value: Callable
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        value = solver.value
        obj_value = solver.objective_value / objective.SCALE
        bound = _best(solver.best_objective_bound / objective.SCALE, floor)
        if name != "OPTIMAL" and start_point is not None \
                and start_point.objective < obj_value - 1e-6:
            # phase two did not reach phase one's roster (its hint was not taken): keep that one
            name, value = "FEASIBLE", start_point.value
    elif start_point is not None:  # stopped or timed out before the search found anything
        name = "FEASIBLE"
        value = start_point.value
        bound = solver.best_objective_bound / objective.SCALE if solved else None
        bound = _best(bound if bound is not None and abs(bound) < 1e30 else None, floor)
    else:
        kept = contract_search.fallback(problem, options, budget, early, trace.points) \
            or aml_start.fallback(problem, options, budget, starter.early if starter else None)
        if kept is not None:  # the search found nothing, the start before it did
            return kept, trace
        return Solution(status=name, wall_seconds=time.perf_counter() - t0,
                        **run_facts(options, budget, stopped_by)), trace

    # the reported figures come from the roster alone, not from the search that found it
    if start_point is None or value is not start_point.value or not start_point.exact:
        value = _evaluate(ctx, value, budget)  # (phase one's roster is evaluated already)
    obj_by_tier = built.obj.by_tier(value)
    obj_value = sum(obj_by_tier.values())
    if name == "FEASIBLE" and stopped_by == GAP_LIMIT and bound is not None \
            and bound >= obj_value - 1e-9:  # phase one's bound proves the roster best after all
        name, stopped_by = "OPTIMAL", OPTIMAL
    if name == "OPTIMAL":
        gap: float | None = 0.0
    else:
        gap = _gap(obj_value, bound) if bound is not None else None
    geo = ctx.geo
    cells = [(e, d, s) for (e, d, s), v in sorted(ctx.x.items()) if value(v)]
    assignments = sorted(
        (Assignment(employee=geo.emps[e].id, day=geo.days[d], shift=geo.shifts[s].code)
         for e, d, s in cells),
        key=lambda a: (a.employee, a.day, geo.start[geo.day_index[a.day]][geo.shift_index[a.shift]]),
    )
    roster = roster_of_assignments(problem, assignments)
    extra: dict = {}
    if ctx.overtime is not None:  # split shifts into planned / extra / overtime periods
        done = ctx.overtime.finish(value, cells)
        roster = done.roster
        extra = dict(extra_time=done.items, overtime_cost=done.costs.overtime_cost,
                     overtime_premium_cost=done.costs.overtime_premium_cost,
                     extra_cost=done.costs.extra_cost)
    shortfall = []
    for d, s, skill, required, short in built.obj.shortfall:
        missing = value(short) if not isinstance(short, int) else short
        if missing > 0:
            shortfall.append(Shortfall(day=geo.days[d], shift=geo.shifts[s].code, skill=skill,
                                       required=required, planned=required - missing))
    return Solution(
        status=name,
        assignments=assignments,
        roster=roster,
        objective=obj_value,
        best_bound=bound,
        gap_pct=gap,
        wall_seconds=time.perf_counter() - t0,
        first_solution_seconds=first,
        objective_by_tier=obj_by_tier,
        shortfall=shortfall,
        **run_facts(options, budget, stopped_by),
        **extra,
    ), trace


LARGE_MODEL = 20_000  # variables
# The seconds kept at the end of the time limit for evaluating and decoding the roster:
# FINISH_SECONDS + FINISH_PER_VARIABLE a model variable, at most FINISH_SHARE of the limit
# (measured: evaluating 274 k variables, 800 staff x 31 days, took about 1.5 s; docs/benchmarks.md).
FINISH_SECONDS = 0.2
FINISH_PER_VARIABLE = 1e-5
FINISH_SHARE = 0.2


def _configured(problem: Problem, options: SolveOptions, num_vars: int) -> cp_model.CpSolver:
    """A solver for this problem's search (its limits are set by ``Budget.limit``)."""
    solver = new_solver()
    p = solver.parameters
    p.num_workers = options.workers
    p.random_seed = options.seed
    p.log_search_progress = options.log_progress
    if contract_search.applies(problem):  # pure contract-rule problems (benchmarks)
        full_linear_relaxation(p, options.workers)
    if num_vars > LARGE_MODEL:
        p.max_presolve_iterations = 1  # presolve rounds cost seconds on a month of 150 staff
    return solver


def _infeasible(conflicts: list[Conflict], budget: Budget, options: SolveOptions,
                first: float | None = None) -> Solution:
    return Solution(status="INFEASIBLE", conflicts=conflicts,
                    wall_seconds=time.perf_counter() - budget.t0, first_solution_seconds=first,
                    **run_facts(options, budget, INFEASIBLE))


