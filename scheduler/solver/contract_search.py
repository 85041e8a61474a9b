"""Search for pure contract-rule problems (``settings.apply_aml`` False with contracts: the
Curtois & Qu benchmark). AML problems never take this path.

``solve`` asks :func:`first` for the employee-by-employee roster before it builds the whole
model, then :func:`start` for the best start instead of the AML greedy (which knows nothing of
contracts), checks it against the full model and hints every variable with it; the rest of the
time goes to CP-SAT on the full model, its full-problem worker LP-driven
(:func:`scheduler.solver.cpsat.full_linear_relaxation`). Measured on Curtois & Qu Instances
1-12 and generated instances up to 150 staff x 364 days x 32 shift types:

0. **Sweep** (:func:`first`, until :data:`SWEEP_SHARE` of the limit, :data:`SWEEP_SHARE_LARGE`
   above :data:`LARGE_CELLS` cells, or until a whole sweep changes no row): every employee's row planned alone against the cover of the others
   (:mod:`scheduler.solver.decompose`). Its first sweep always completes, so there is a legal
   roster whatever the later phases do; every improving roster goes into the progress trace.
   When the whole model would take more than :data:`BUILD_SHARE` of the time limit to build
   (:func:`too_large`), it is never built: the sweeps run to the end of the limit and their
   roster is the answer (no proven bound).
1. **Lean start** (at most :data:`LEAN_SHARE` of the time limit, stopped earlier once it stalls),
   only when the sweep found no roster: the model without the redundant sequence graphs
   (``build(..., naive=True)``, the plain formulation) is small, and CP-SAT's own neighbourhood
   search finds a fair roster in it quickly. (Taken before the neighbourhoods on small models
   too, it cost them a tenth of the limit for a roster worse than the sweep's: Instance7 at a
   work budget of 15, 1498 with it against 1100 without.) For a model of more than
   :data:`LARGE` variables it starts from the sweep's roster
   (every variable hinted) and runs up to :data:`HINTED_SHARE` (stopped after
   :data:`HINTED_STALL` without improvement): measured side by side, CP-SAT's portfolio on the
   plain formulation improves a large roster faster than the neighbourhoods below, and with the
   hint it never starts behind the plain model. If the lean start finds nothing, the sweep's
   roster is used (and the other way round).
2. **Variable neighbourhood search** (:mod:`scheduler.solver.improve`, until :data:`LNS_SHARE`
   of the limit): a week or more of every employee, the whole horizon of a few employees, or a
   block of both, freed in turn; every other cell keeps the incumbent's value and CP-SAT solves
   the rest of the *full* model (with the sequence graphs of ``constraints.contract.sequence``,
   whose LP is much tighter, so such a sub-problem usually solves to optimality within a
   second), each neighbourhood on a fixed amount of CP-SAT's deterministic time. The rest of
   the limit (the last tenth, or more once a neighbourhood has grown to the whole model and
   was not solved: small models) goes to CP-SAT on the full model from the best roster (in
   ``solve``): its LP gives the proven bound. Measured side by side (docs/benchmarks.md, issue #19): the
   full model's own search from the sweep's roster finds far worse rosters than the
   neighbourhoods in the same time (Instance7: 2188 against 1203-1598 at 60 s under load), so
   the neighbourhoods get 90 % of the limit where they had 35 %.

With a work budget (``SolveOptions.work_limit``) the shares above are shares of that budget and
every search stops on CP-SAT's deterministic time (no stall watch), so with one worker the result
is reproducible for a given seed; without one the shares are of the wall-clock time limit.
``solve``'s ``stop`` event is honoured by the sweeps and the final search only (this path serves
benchmarks, not the interactive ``roster solve``, whose workbook problems always apply AML).

Measured with ``python -m benchmarks.curtois`` (60 s, 2 workers): see ``docs/benchmarks.md``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from constraints.kernel.geometry import Geometry
from constraints.kernel.posting import PostContext
from constraints.registry import rules_for
from scheduler.model import Problem
from scheduler.solution import (
    WALL_CLOCK,
    WORK_LIMIT,
    Assignment,
    Conflict,
    Shortfall,
    Solution,
    SolveOptions,
)
from scheduler.solver import decompose, explain, improve
from scheduler.solver.build import build
from scheduler.solver.cpsat import Budget, full_linear_relaxation, new_solver
from scheduler.solver.decode import roster_of_assignments, run_facts
from scheduler.solver.objective import SCALE

log = logging.getLogger(__name__)

# The employee-by-employee sweeps stop improving at this share of the limit (or earlier, once a
# whole sweep changes no row); SWEEP_SHARE_LARGE when the problem has more than LARGE_CELLS
# cells (Instances 8-12: 2 100-10 000; 1-7: at most 1 250, where the whole model's search
# reaches the optimum and needs the time: a 30 % share measured Instance5 at 2067, not 1143)
SWEEP_SHARE = 0.05
SWEEP_SHARE_LARGE = 0.3
LARGE_CELLS = 2_000
HINTED_SHARE = 0.9  # the hinted lean search of a large model runs up to this share of the limit
# (at 0.3, then the neighbourhoods: Instance11 at a work budget of 15 and one worker 4202 where 0.9
# gave 5303, but Instance9 at 60 s and two workers 1341 where the plain model got 898: its LP is
# weak, 39 against the optimum 439, and the neighbourhoods lean on the LP; docs/benchmarks.md)
HINTED_STALL = 0.3  # the hinted lean search of a large model stops after this share unimproved
# The whole model is not built when its build would take more than BUILD_SHARE of the time
# limit at CELLS_PER_SECOND (measured: 308 000 cells of a generated 150 x 364 x 32 instance took
# 57-99 s on the shared 2-core machine, about 3 000-5 000 a second); the sweep then runs to the
# end of the limit less FINISH_MARGIN.
CELLS_PER_SECOND = 3_000
BUILD_SHARE = 0.25
FINISH_MARGIN = 0.03
# ... and a share of the first sweep's wall time (measured on 150 x 364 x 32 under load 12:
# the first sweep 3.8 s, turning its roster into the answer 2.2 s)
FINISH_SHARE = 0.5
LEAN_SHARE = 0.1  # most of the time limit the lean start may take
LEAN_STALL = 0.05  # ... it stops after this share of the time limit without improvement
# The neighbourhoods run until this share of the time limit; the rest is CP-SAT on the full
# model (for the bound: from a roster it rarely improves within a minute, docs/benchmarks.md)
LNS_SHARE = 0.9
LARGE = 15_000  # variables of the full model

Key = tuple[int, int, int]


def applies(problem: Problem) -> bool:
    return not problem.settings.apply_aml and bool(problem.contracts)


@dataclass
class Clock:
    """The solve's :class:`Budget` seen as shares of the whole limit: of the work budget when
    there is one (reproducible), else of the wall-clock time limit."""

    budget: Budget
    # (seconds, objective, bound) per better roster, as in ``solve.Trace.points`` (no bound: 0)
    points: list[tuple[float, float, float]] = field(default_factory=list)
    on_solution: Callable[..., None] | None = None  # called (seconds, objective) per better roster
    on_bound: Callable[[float], None] | None = None  # called with a proven bound (objective units)

    @property
    def deterministic(self) -> bool:
        return self.budget.deterministic

    def left(self, share: float) -> float:
        """Budget left until ``share`` of the limit (deterministic units with a work budget)."""
        b = self.budget
        if b.work_limit is not None:
            return share * b.work_limit - b.spent
        return share * b.time_limit - (time.perf_counter() - b.t0)

    def limit(self, solver: cp_model.CpSolver, amount: float) -> None:
        if self.deterministic:
            self.budget.limit(solver, work=amount)
        else:
            self.budget.limit(solver, seconds=amount)

    def charge(self, solver: cp_model.CpSolver, status: int) -> None:
        self.budget.charge(solver, status)

    def proved(self, solver: cp_model.CpSolver, status: int) -> None:
        """Pass on the bound of a search of the whole problem that found a roster (so its
        model was loaded: a search stopped before reports no bound worth the name)."""
        if self.on_bound is not None and status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            self.on_bound(solver.best_objective_bound / SCALE)

    def improved(self, scaled: float) -> None:
        if not self.points or scaled / SCALE < self.points[-1][1]:
            t = time.perf_counter() - self.budget.t0
            self.points.append((t, scaled / SCALE, 0.0))
            if self.on_solution is not None:
                self.on_solution(t, scaled / SCALE)


@dataclass
class Early:
    """What :func:`first` found before the whole model is built: the sweep's roster (None when
    some row had no legal plan) and, for a problem too large to build the whole model within
    the limit, the finished solution (the sweep went on to the end of the limit)."""

    swept: dict[Key, int] | None
    solution: Solution | None = None
    result: decompose.SweepResult | None = None  # the sweep's rows and objective (``fallback``)
    # why some employee's rules alone admit no row (proven): the problem is infeasible
    conflicts: list[Conflict] = field(default_factory=list)


def fallback(problem: Problem, options: SolveOptions, budget: Budget, early: Early | None,
             points: list[tuple[float, float, float]]) -> Solution | None:
    """The sweep's roster as the answer when the whole model's search ends without a roster
    (its build or its check of the start ran out of time on a busy machine): the best roster
    so far is never lost. None without a swept roster."""
    if early is None or early.result is None:
        return None
    return _solution(problem, Geometry(problem), options, budget, early.result, points)


def first(problem: Problem, options: SolveOptions, budget: Budget,
          points: list[tuple[float, float, float]], *,
          on_solution: Callable[..., None] | None = None,
          stop: threading.Event | None = None) -> Early:
    """The employee-by-employee roster (:mod:`scheduler.solver.decompose`), before the whole
    model is built: its first sweep always completes (in seconds where the whole model takes
    minutes to find a roster), improving sweeps run until :data:`SWEEP_SHARE` of the limit.
    Every complete roster that improves is appended to ``points`` as (seconds, objective, 0)
    and passed to ``on_solution(seconds, objective)``.

    When the whole model would take more than :data:`BUILD_SHARE` of the time limit to build
    (:func:`too_large`), it is not built at all: the sweeps go on to the end of the limit and
    ``Early.solution`` is their roster."""
    geo = Geometry(problem)
    models = decompose.RowModels(geo, rules_for(problem))

    def better(scaled: int, _rows: dict) -> None:
        t = time.perf_counter() - budget.t0
        if points and scaled / SCALE >= points[-1][1]:
            return
        points.append((t, scaled / SCALE, 0.0))
        if on_solution is not None:
            on_solution(t, scaled / SCALE)

    def stopped() -> bool:
        return stop is not None and stop.is_set()

    began = time.perf_counter()
    result = decompose.sweep(geo, models.rules, seed=options.seed, work_budget=0.0,
                             models=models, on_better=better)
    if result is None:  # some row has no legal plan; for ``without_row`` it is proven, and
        # then the problem is infeasible: said at once, where the whole model's search may not
        # prove it within the limit (measured on a generated instance: UNKNOWN after 15 s, where
        # one employee's row was proven infeasible in 0.1 s)
        return Early(None, conflicts=explain.explain_rows(geo, models.rules, models.without_row,
                                                           options, budget))
    budget.spent += result.work
    huge = too_large(models, options.time_limit)
    if not huge:  # the walk's passes only where CP-SAT rows are slow (Instance10 side by side,
        result.planner = None  # one run each: 5639 with them, 5424 without)
    cells = models.cell_count()
    share = 1.0 - FINISH_MARGIN if huge else \
        SWEEP_SHARE_LARGE if cells > LARGE_CELLS else SWEEP_SHARE
    deadline = None if budget.deterministic else budget.t0 + share * budget.time_limit
    if huge and deadline is not None:
        # keep time for turning the roster into the answer (_solution): about FINISH_SHARE of
        # what the first sweep took, so it scales with the size and with the machine's load
        deadline -= FINISH_SHARE * (time.perf_counter() - began)
    work = budget.work_left() * (1.0 if huge else share) if budget.deterministic \
        else float("inf")
    more = decompose.sweep(geo, models.rules, seed=options.seed, work_budget=work,
                           deadline=deadline, models=models, start=result, stopped=stopped,
                           on_better=better)
    assert more is not None  # going on from a roster never loses it
    budget.spent += more.work
    if deadline is not None and time.perf_counter() >= deadline:
        budget.wall_clock = True
    if stopped():
        budget.interrupted = True
    swept = {(e, d, s): 1 for e, row in more.rows.items() for d, s in row.items()}
    if not huge:
        return Early(swept, result=more)
    log.debug("whole model too large (%d cells): the sweep's roster after %d sweeps",
              models.cell_count(), more.sweeps)
    return Early(swept, _solution(problem, geo, options, budget, more, points), more)


def too_large(models: decompose.RowModels, time_limit: float) -> bool:
    """Would the whole model take more than :data:`BUILD_SHARE` of ``time_limit`` to build?
    Estimated from its cells (one variable per employee, day and shift the employee may work,
    counted in the row models) at :data:`CELLS_PER_SECOND`, so the answer depends on the
    input alone (a work-budget solve stays reproducible)."""
    cells = models.cell_count()
    return cells > CELLS_PER_SECOND * BUILD_SHARE * time_limit


def _solution(problem: Problem, geo, options: SolveOptions, budget: Budget,  # noqa: ANN001
              result, points: list[tuple[float, float, float]]) -> Solution:  # noqa: ANN001
    """The sweep's roster as the solve's answer (no whole model: no proven bound)."""

    cells = sorted((e, d, s) for e, row in result.rows.items() for d, s in row.items())
    assignments = sorted(
        (Assignment(employee=geo.emps[e].id, day=geo.days[d], shift=geo.shifts[s].code)
         for e, d, s in cells),
        key=lambda a: (a.employee, a.day))
    cover: dict[tuple[int, int], list[int]] = {}
    for e, d, s in cells:
        cover.setdefault((d, s), []).append(e)
    shortfall = []
    for item in problem.demand:
        d, s = geo.day_index.get(item.day), geo.shift_index.get(item.shift)
        if d is None or s is None or item.minimum <= 0:
            continue
        planned = sum(1 for e in cover.get((d, s), [])
                      if not item.skill or item.skill in geo.emps[e].skills)
        if planned < item.minimum:
            shortfall.append(Shortfall(day=item.day, shift=item.shift, skill=item.skill,
                                       required=item.minimum, planned=planned))
    stopped_by = WORK_LIMIT if budget.deterministic else WALL_CLOCK
    return Solution(
        status="FEASIBLE", assignments=assignments, roster=roster_of_assignments(problem, assignments),
        objective=result.objective / SCALE,
        objective_by_tier={t: v / SCALE for t, v in result.by_tier.items()},
        wall_seconds=time.perf_counter() - budget.t0,
        first_solution_seconds=points[0][0] if points else None, shortfall=shortfall,
        **run_facts(options, budget, stopped_by))


def start(ctx: PostContext, options: SolveOptions, budget: Budget,
          points: list[tuple[float, float, float]] | None = None,
          swept: dict[Key, int] | None = None,
          on_solution: Callable[..., None] | None = None,
          on_bound: Callable[[float], None] | None = None) -> dict[Key, int] | None:
    """The best roster of the phases, as {x key: 1}, from ``swept`` (:func:`first`'s roster)
    and the lean start; None when neither has one. Every better roster is appended to
    ``points`` as (seconds since the start, objective, 0) and passed to
    ``on_solution(seconds, objective)``; the lean search's proven bound (a search of the whole
    problem on the plain formulation) is passed to ``on_bound(bound)``."""
    clock = Clock(budget, points=points if points is not None else [], on_solution=on_solution,
                  on_bound=on_bound)
    chosen = None
    if swept is not None and len(ctx.model.proto.variables) > LARGE:
        # the plain formulation with the sweep's roster as its hint, CP-SAT's own portfolio
        chosen = _lean(ctx.problem, options, clock, hint=swept, share=HINTED_SHARE,
                       stall=HINTED_STALL)
    elif swept is None:  # no sweep's roster: the lean start is the first roster
        chosen = _lean(ctx.problem, options, clock)
    if chosen is None:
        chosen = swept
    if chosen is None:
        return None
    better = _neighbourhoods(ctx, options, clock, chosen)
    if better is None:  # the lean roster could not be completed: keep the sweep's
        better = swept if swept is not None else chosen
    return better


class _Stall(cp_model.CpSolverSolutionCallback):
    """Stops the search once no better roster came for ``patience`` seconds."""

    def __init__(self, patience: float, clock: Clock) -> None:
        super().__init__()
        self.patience, self.clock = patience, clock
        self.last = time.perf_counter()

    def on_solution_callback(self) -> None:
        self.last = time.perf_counter()
        self.clock.improved(self.objective_value)


def _lean(problem: Problem, options: SolveOptions, clock: Clock, hint: dict[Key, int] | None = None,
          share: float = LEAN_SHARE, stall: float = LEAN_STALL) -> dict[Key, int] | None:

    built = build(problem, options, naive=True)
    if built.conflicts:
        return None
    if hint is not None:  # every variable hinted: CP-SAT need not repair a partial hint
        values = _complete(built.ctx, hint, clock)
        if values is not None:
            model = built.ctx.model
            model.clear_hints()
            model.proto.solution_hint.vars.extend(range(len(values[0])))
            model.proto.solution_hint.values.extend(values[0])
            clock.improved(values[1])
    solver = new_solver()
    p = solver.parameters
    p.num_workers = options.workers
    p.random_seed = options.seed
    clock.limit(solver, max(0.05, clock.left(share)))
    full_linear_relaxation(p, options.workers)
    watch = _Stall(max(1.0, stall * options.time_limit), clock)
    status = _solve_stalling(solver, built.ctx.model, watch, clock.deterministic)
    clock.charge(solver, status)
    clock.proved(solver, status)
    log.debug("lean start: %s %s after %.1f s", solver.status_name(status),
              solver.objective_value / SCALE if status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
              else None, time.perf_counter() - clock.budget.t0)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {k: 1 for k, v in built.ctx.x.items() if solver.value(v)}


def _solve_stalling(solver: cp_model.CpSolver, model: cp_model.CpModel, watch: _Stall,
                    deterministic: bool) -> int:
    """Solve; without a work budget stop early once ``watch`` sees no progress."""
    if deterministic:  # a wall-clock stall would make the run irreproducible
        return solver.solve(model, watch)
    import threading

    done = threading.Event()

    def run() -> None:
        while not done.wait(0.1):
            if time.perf_counter() - watch.last > watch.patience:
                solver.stop_search()
                return

    th = threading.Thread(target=run, name="lean-stall", daemon=True)
    th.start()
    try:
        return solver.solve(model, watch)
    finally:
        done.set()
        th.join(timeout=1.0)


def _neighbourhoods(ctx: PostContext, options: SolveOptions, clock: Clock,
                    chosen: dict[Key, int]) -> dict[Key, int] | None:
    """The variable neighbourhood search (:mod:`scheduler.solver.improve`) from ``chosen``
    until :data:`LNS_SHARE` of the limit."""
    values = _complete(ctx, chosen, clock)
    if values is None:
        return None
    share = LNS_SHARE
    b = clock.budget
    if clock.deterministic:
        def left() -> float:
            return b.seconds_left()

        def work_left() -> float:
            return clock.left(share)
    else:
        def left() -> float:
            return min(clock.left(share), b.seconds_left())
        work_left = None  # type: ignore[assignment]
    found = improve.search(ctx, values[0], int(values[1]), seed=options.seed,
                           workers=options.workers, left=left, work_left=work_left,
                           improved=clock.improved, charge=clock.charge)
    log.debug("neighbourhoods: %d steps, best %s", found.steps, found.objective / SCALE)
    cells = {key: v.index for key, v in ctx.x.items()}
    return {key: 1 for key, i in cells.items() if found.values[i]}


def _complete(ctx: PostContext, chosen: dict[Key, int], clock: Clock) -> tuple[list[int], float] | None:
    """Every variable's value for the roster ``chosen`` in the full model, and its objective."""
    probe = ctx.model.clone()
    proto_vars = probe.proto.variables
    for key, v in ctx.x.items():
        val = chosen.get(key, 0)
        dom = proto_vars[v.index].domain
        dom[0] = val
        dom[1] = val
    solver = new_solver()
    solver.parameters.num_workers = 1
    clock.limit(solver, 10.0)
    status = solver.solve(probe)
    clock.charge(solver, status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    n = len(probe.proto.variables)
    return [solver.value(probe.get_int_var_from_proto_index(i)) for i in range(n)], solver.objective_value
