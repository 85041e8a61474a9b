"""Build the CP-SAT model, solve it, and turn the answer into a ``Solution``.

``solve(problem, options)`` is the public entry point. Stopping early: pass a
``threading.Event`` as ``stop`` (set it from a SIGINT handler, see :func:`stop_on_sigint`); the
search stops and the best roster found so far is returned. With ``workers=1`` the search is
deterministic for a given seed: it stops on CP-SAT's deterministic time budget
(``DETERMINISTIC_SHARE`` of the time limit, split between the phases), which does not depend on
the machine's load or on how long the build took; the wall-clock time limit holds in every case.

Large models are solved in two phases (:mod:`scheduler.solver.top_tiers`): the top tiers of the
objective first, for a proven bound and a strong start, then the full objective.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.model import Problem, Roster, roster_from_assignments
from scheduler.solution import Assignment, Conflict, Shortfall, Solution, SolveOptions
from scheduler.solver import (
    contract_search,
    explain,
    hints,
    objective,
    overtime,
    top_tiers,
    variables,
)
from scheduler.solver.context import PostContext
from scheduler.solver.cpsat import DETERMINISTIC_SHARE, full_linear_relaxation, new_solver
from scheduler.solver.geometry import Geometry
from scheduler.solver.specs import Posted, posted_rules
from scheduler.solver.symmetry import break_symmetry


@dataclass
class Trace:
    """Progress of one solve: (seconds, objective, best bound) per improving solution."""

    build_seconds: float = 0.0
    points: list[tuple[float, float, float]] = field(default_factory=list)
    num_vars: int = 0
    num_constraints: int = 0
    hinted_ones: int = 0

    def objective_at(self, seconds: float) -> float | None:
        best = None
        for t, obj, _ in self.points:
            if t <= seconds:
                best = obj
        return best


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, trace: Trace, t0: float, on_solution: Callable[..., None] | None,
                 floor: float | None = None):
        super().__init__()
        self.trace, self.t0, self.on_solution, self.floor = trace, t0, on_solution, floor

    def on_solution_callback(self) -> None:
        t = time.perf_counter() - self.t0
        obj = self.objective_value / objective.SCALE
        if self.trace.points and obj >= self.trace.points[-1][1]:
            return  # not better than a roster found before this search (the start, phase one)
        bound = _best(self.best_objective_bound / objective.SCALE, self.floor)
        self.trace.points.append((t, obj, bound))
        if self.on_solution is not None:
            self.on_solution(t, obj, bound)


@dataclass
class Built:
    ctx: PostContext
    obj: objective.Objective | None
    rules: list[Posted]
    conflicts: list[Conflict]


def build(problem: Problem, options: SolveOptions, *, naive: bool = False,
          tariff_profile: bool = False, symmetry: bool = False) -> Built:
    geo = Geometry(problem)
    rules = posted_rules(tariff_profile)
    if not problem.settings.apply_aml:  # pure contract-rule problems (benchmarks)
        rules = [r for r in rules if not r.spec.id.startswith(("AML-", "TAR-"))]
    ctx = PostContext(geo, {r.spec.id: r.spec for r in rules}, naive=naive,
                      active=list(range(geo.E)))
    if overtime.allowed(problem.settings, options):
        overtime.enable(ctx)
    conflicts = variables.read_pins(ctx)
    conflicts += variables.run_domain(ctx, rules)
    if conflicts:
        return Built(ctx, None, rules, conflicts)
    variables.create(ctx)
    variables.pin(ctx)
    if ctx.overtime is not None:
        ctx.overtime.create()
    for r in rules:
        if r.post is not None and ctx.employees(r.spec.id):
            r.post(ctx)
    obj = objective.build(ctx)
    if symmetry and not naive:
        break_symmetry(ctx)
    return Built(ctx, obj, rules, [])


def solve(problem: Problem, options: SolveOptions | None = None, *,
          stop: threading.Event | None = None,
          on_solution: Callable[..., None] | None = None,
          tariff_profile: bool = False) -> Solution:
    """Solve the planning problem; every returned roster passes the checker.

    ``stop``: set it (e.g. from a SIGINT handler, :func:`stop_on_sigint`) to end the search and
    get the best roster so far. ``on_solution(seconds, objective[, bound])`` is called for every
    improving roster (the greedy start has no bound yet), from the solver's thread.
    """
    return solve_traced(problem, options, stop=stop, on_solution=on_solution,
                        tariff_profile=tariff_profile)[0]


def solve_traced(problem: Problem, options: SolveOptions | None = None, *,
                 stop: threading.Event | None = None,
                 on_solution: Callable[..., None] | None = None,
                 naive: bool = False, tariff_profile: bool = False,
                 symmetry: bool = False) -> tuple[Solution, Trace]:
    options = options or SolveOptions()
    t0 = time.perf_counter()
    trace = Trace()
    built = build(problem, options, naive=naive, tariff_profile=tariff_profile,
                  symmetry=symmetry)
    ctx = built.ctx
    if built.conflicts:
        trace.build_seconds = time.perf_counter() - t0
        return _infeasible(built.conflicts, t0, options), trace
    trace.build_seconds = time.perf_counter() - t0
    start_point: _Fallback | None = None
    if options.use_hints and not naive:
        start_point = _greedy_start(ctx, built, options, t0, trace)
        if start_point is not None and on_solution is not None:
            on_solution(trace.points[0][0], trace.points[0][1])
    proto = ctx.model.proto
    trace.num_vars, trace.num_constraints = len(proto.variables), len(proto.constraints)

    assert built.obj is not None
    floor = None  # a proven lower bound from phase one (top tiers alone)
    rest = 1.0  # the share of the time limit phase two gets
    # the naive baseline (benchmarks) is one plain solve
    if not naive and not contract_search.applies(problem) \
            and top_tiers.wanted(built.obj, trace.num_vars) and not (stop is not None and stop.is_set()):
        remaining = options.time_limit - (time.perf_counter() - t0)

        def phase_one(full: float, bound: float) -> None:
            # phase one improves the top tiers; report only what improves the whole objective
            if trace.points and full >= trace.points[-1][1]:
                return
            t = time.perf_counter() - t0
            trace.points.append((t, full, _best(bound, floor)))
            if on_solution is not None:
                on_solution(t, full, _best(bound, floor))

        for tiers, share in top_tiers.STEPS:
            if stop is not None and stop.is_set():
                break
            solver = _configured(problem, options, trace.num_vars, remaining * share, share)
            top_tiers.tune(solver.parameters, trace.num_vars, options.workers)
            rest *= 1 - share
            with _watch(stop, solver):
                top = top_tiers.run(ctx.model, built.obj, solver, phase_one, tiers)
            floor = _best(top.bound, floor)
            if top.solver is not None and top.objective is not None and (
                    start_point is None or top.objective <= start_point.objective):
                start_point = _Fallback(top.solver, top.objective)
    solver = _configured(problem, options, trace.num_vars,
                         options.time_limit - (time.perf_counter() - t0), rest)
    progress = _Progress(trace, t0, on_solution, floor)
    status, solved = cp_model.UNKNOWN, False
    if not (stop is not None and stop.is_set()):
        with _watch(stop, solver):
            status = solver.solve(ctx.model, progress)
        solved = True
    name = solver.status_name(status) if solved else "UNKNOWN"
    wall = time.perf_counter() - t0
    first = trace.points[0][0] if trace.points else None

    if status == cp_model.INFEASIBLE:
        conflicts = explain.explain(problem, built, options)
        return _infeasible(conflicts, t0, options, first), trace
    value: Callable
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        value = solver.value
        obj_value = solver.objective_value / objective.SCALE
        bound = _best(solver.best_objective_bound / objective.SCALE, floor)
        gap = 0.0 if status == cp_model.OPTIMAL else _gap(obj_value, bound)
        if status != cp_model.OPTIMAL and start_point is not None \
                and start_point.objective < obj_value - 1e-6:
            # phase two did not reach phase one's roster (its hint was not taken): keep that one
            name, value, obj_value = "FEASIBLE", start_point.solver.value, start_point.objective
            gap = _gap(obj_value, bound) if bound is not None else None
    elif start_point is not None:  # stopped or timed out before the search found anything
        name = "FEASIBLE"
        value = start_point.solver.value
        obj_value = start_point.objective
        bound = solver.best_objective_bound / objective.SCALE if solved else None
        bound = _best(bound if bound is not None and abs(bound) < 1e30 else None, floor)
        gap = _gap(obj_value, bound) if bound is not None else None
    else:
        return Solution(status=name, wall_seconds=wall, seed=options.seed,
                        workers=options.workers), trace

    geo = ctx.geo
    cells = [(e, d, s) for (e, d, s), v in sorted(ctx.x.items()) if value(v)]
    assignments = sorted(
        (Assignment(employee=geo.emps[e].id, day=geo.days[d], shift=geo.shifts[s].code)
         for e, d, s in cells),
        key=lambda a: (a.employee, a.day, geo.start[geo.day_index[a.day]][geo.shift_index[a.shift]]),
    )
    roster = _roster(problem, assignments)
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
        wall_seconds=wall,
        first_solution_seconds=first,
        objective_by_tier=built.obj.by_tier(value),
        shortfall=shortfall,
        seed=options.seed,
        workers=options.workers,
        **extra,
    ), trace


LARGE_MODEL = 20_000  # variables


def _configured(problem: Problem, options: SolveOptions, num_vars: int,
                seconds: float, share: float = 1.0) -> cp_model.CpSolver:
    """A solver for at most ``seconds`` (wall clock) of this problem's search, which is
    ``share`` of the time limit."""
    solver = new_solver()
    p = solver.parameters
    seconds = max(0.05, seconds)
    p.max_time_in_seconds = seconds
    p.num_workers = options.workers
    p.random_seed = options.seed
    p.log_search_progress = options.log_progress
    if contract_search.applies(problem):  # pure contract-rule problems (benchmarks)
        full_linear_relaxation(p, options.workers)
    if num_vars > LARGE_MODEL:
        p.max_presolve_iterations = 1  # presolve rounds cost seconds on a month of 150 staff
    if options.workers == 1:
        # Reproducible: the search stops on a deterministic budget that depends on the time
        # limit alone (not on how long the build took under this machine's load), sized to end
        # well inside the wall-clock limit, which still holds.
        p.max_deterministic_time = max(0.01, options.time_limit * share * DETERMINISTIC_SHARE)
    return solver


def _best(bound: float | None, floor: float | None) -> float | None:
    """The better of two proven lower bounds (either may be unknown)."""
    known = [b for b in (bound, floor) if b is not None]
    return max(known) if known else None


@dataclass
class _Fallback:
    solver: cp_model.CpSolver
    objective: float


def _greedy_start(ctx: PostContext, built: Built, options: SolveOptions, t0: float,
                  trace: Trace) -> _Fallback | None:
    """Hint the greedy roster. Check it against the full model with every shift fixed (cheap:
    presolve fixes everything); if it is legal it is the first roster (returned if the search is
    stopped before finding one) and its completed values hint every variable."""
    chosen = None
    if contract_search.applies(ctx.problem):  # the AML greedy knows nothing of contracts
        chosen = contract_search.start(ctx, options, t0, trace.points)
    if chosen is None:
        chosen = hints.greedy(ctx)
    trace.hinted_ones = len(chosen)
    model = ctx.model
    probe = model.clone()
    variables_proto = probe.proto.variables
    for k, v in ctx.x.items():
        val = chosen.get(k, 0)
        dom = variables_proto[v.index].domain  # a Boolean's domain is [0, 1]
        dom[0] = val
        dom[1] = val
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = options.seed
    budget = max(0.05, min(10.0, options.time_limit / 4))
    solver.parameters.max_time_in_seconds = budget
    solver.parameters.max_deterministic_time = budget * DETERMINISTIC_SHARE
    status = solver.solve(probe)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for k, v in ctx.x.items():
            model.add_hint(v, chosen.get(k, 0))
        return None
    for i in range(len(model.proto.variables)):
        model.add_hint(model.get_int_var_from_proto_index(i), solver.value(
            probe.get_int_var_from_proto_index(i)))
    obj = solver.objective_value / objective.SCALE
    t = time.perf_counter() - t0
    trace.points.append((t, obj, 0.0))  # no bound is known yet
    return _Fallback(solver, obj)


def _roster(problem: Problem, assignments: list[Assignment]) -> Roster:
    """The roster of the assignments (``roster_from_assignments`` when one shift a day; split
    duties can give two shifts on a day)."""
    keyed = {(a.employee, a.day): a.shift for a in assignments}
    if len(keyed) == len(assignments):
        return roster_from_assignments(problem, keyed)
    parts = [roster_from_assignments(problem, {(a.employee, a.day): a.shift}).periods[0]
             for a in assignments]
    return Roster(periods=tuple(parts))


def _gap(obj: float, bound: float) -> float:
    return round(100.0 * abs(obj - bound) / max(1.0, abs(obj)), 4)


def _infeasible(conflicts: list[Conflict], t0: float, options: SolveOptions,
                first: float | None = None) -> Solution:
    return Solution(status="INFEASIBLE", conflicts=conflicts,
                    wall_seconds=time.perf_counter() - t0, first_solution_seconds=first,
                    seed=options.seed, workers=options.workers)


@contextlib.contextmanager
def _watch(stop: threading.Event | None, solver: cp_model.CpSolver) -> Iterator[None]:
    """Stop the search from another thread as soon as ``stop`` is set."""
    if stop is None:
        yield
        return
    done = threading.Event()

    def run() -> None:
        while not done.is_set():
            if stop.wait(0.05):
                solver.stop_search()
                return

    th = threading.Thread(target=run, name="cp-sat-stop", daemon=True)
    th.start()
    try:
        yield
    finally:
        done.set()
        th.join(timeout=1.0)


@contextlib.contextmanager
def stop_on_sigint() -> Iterator[threading.Event]:
    """``with stop_on_sigint() as stop: solve(problem, options, stop=stop)`` — Ctrl-C stops the
    search and the best roster so far is returned (a second Ctrl-C interrupts as usual)."""
    event = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield event
        return
    previous = signal.getsignal(signal.SIGINT)

    def handler(signum, frame):  # noqa: ANN001, ANN202
        if event.is_set():
            signal.signal(signal.SIGINT, previous)
            raise KeyboardInterrupt
        event.set()

    signal.signal(signal.SIGINT, handler)
    try:
        yield event
    finally:
        signal.signal(signal.SIGINT, previous)
