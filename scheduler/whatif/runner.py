"""Run a sweep of scenarios: serially, in a local process pool, or on a Dask cluster.

Every scenario is solved with the same time limit and seed, and from the same start: the
baseline is solved once first (its *first solve*, from the solver's own greedy start), and then
every scenario, the Baseline row included, is solved from that roster, repaired to the
scenario: every assignment still possible in the scenario is hinted, and when those make a
legal roster the scenario's answer is never worse than it (``scheduler.solver.solve``'s
``start``). So a scenario is never worse than the baseline merely because its search started
elsewhere, and a scenario identical to the baseline is the same solve as the Baseline row (with
one worker and a work budget: the same roster and figures).

Budgets: each scenario's search stops once its roster is proven within a *target gap*
(``SolveOptions.target_gap_pct``), within the time limit (and work limit) it has anyway:
``SweepOptions.target_gap_pct`` when given (the first solve stops at it too), otherwise the gap
the first solve reached, or :data:`DEFAULT_TARGET_GAP` when that solve was proven optimal
(:func:`target_gap`); 0 turns it off. So a scenario gets the time it needs to be as well proven
as the baseline, and no more. The time the scenarios that reached the target left unused goes to
those the clock stopped above it (:func:`spare_seconds`): the sweep has an overall limit, by
default what it takes when every scenario runs to ``time_limit``, and a second round continues
each scenario still above the target from its own roster with an equal share of what is left,
when that share is at least ``time_limit`` (:data:`MIN_EXTRA_SHARE`; :func:`merge_rounds` keeps the better roster and the better of the two proven bounds, so the
gap stays the scenario's real proven gap). A scenario still above its target says so
(:func:`short_of_target`, :func:`budget_note`). One scenario is one task:
:func:`run_one_json` takes the problem, the scenario and the solve options as pydantic JSON and
returns a :class:`ScenarioResult` as JSON, so a task can run in another process or on another
machine; whatever goes wrong inside it (a change that cannot be applied, a solver error) becomes
a result with status ``ERROR`` and the message, never an exception that stops the sweep.

* ``jobs == 1`` — in this process, one scenario after the other, CP-SAT on every core;
* ``jobs > 1`` — a local process pool (``forkserver`` processes with the solver preloaded); each
  scenario gets ``max(1, cores // jobs)`` CP-SAT workers so the machine is not oversubscribed.
  When a worker process dies, the scenarios it took down are run again one by one, each in a
  fresh process, and only the one that dies again is reported as ``ERROR``;
* ``cluster="tcp://host:8786"`` — tasks are submitted to an existing Dask distributed scheduler
  (``dask.distributed.Client``; an optional extra: ``pip install aml-roster[dask]``). The
  problem is scattered once; each task is submitted with ``retries`` so a lost worker's task is
  run again; a task that still fails is reported in its row. CP-SAT workers per scenario:
  ``max(1, cores of the worker's host // Dask worker threads on that host)``.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from scheduler.model import Problem, Roster
from scheduler.solution import Assignment, Conflict, Solution, SolveOptions, roster_of
from scheduler.whatif.changes import Scenario
from scheduler.whatif.metrics import Figures

ERROR = "ERROR"
WALL_CLOCK = "wall_clock"  # scheduler.solution.WALL_CLOCK: the clock ended the search
DEFAULT_RETRIES = 2
# A second round restarts the search from the scenario's roster and proves its bound again from
# nothing, so one shorter than the first cannot be expected to prove more: it is not started
# below this share of time_limit (measured on the ward: 4.5 s second rounds after 30 s moved no
# gap, docs/benchmarks.md "What-if budgets")
MIN_EXTRA_SHARE = 1.0
MIN_EXTRA_SECONDS = 1.0
# percentage points a gap may exceed its target and still count as reached: half the 0.1 the
# table shows (a scenario at 35.32 % against a target of 35.32 % is as well proven)
TARGET_SLACK = 0.05
DEFAULT_TARGET_GAP = 2.0  # % — the scenarios' target when the first solve is proven optimal


class RunnerError(Exception):
    """The sweep could not start (Dask missing, scheduler unreachable)."""


class ScenarioResult(BaseModel):
    """What one scenario gave; travels back from a worker as JSON."""

    model_config = ConfigDict(frozen=True)

    name: str
    status: str  # OPTIMAL | FEASIBLE | INFEASIBLE | UNKNOWN | MODEL_INVALID | ERROR
    changes: str = ""
    error: str | None = None
    objective: float | None = None
    best_bound: float | None = None
    gap_pct: float | None = None
    solve_seconds: float | None = None
    wall_seconds: float = 0.0
    seed: int = 0
    workers: int = 1
    stopped_by: str | None = None  # Solution.stopped_by
    target_gap_pct: float | None = None  # the gap its search was to stop at (None: none)
    reproducible: bool = False
    allow_overtime: bool = False
    figures: Figures | None = None
    conflicts: list[str] = Field(default_factory=list)
    conflict_items: list[Conflict] = Field(default_factory=list)  # to word them in a language
    weights_changed: bool = False  # its objective is weighted otherwise than the baseline's
    from_baseline: bool = False  # started from the baseline's first roster (module docstring)
    rounds: int = 1  # 2: continued with time others left unused (module docstring)
    time_given: float | None = None  # seconds its search(es) had in all (time_limit + extra)
    reason: str | None = None  # why there is no roster (status UNKNOWN / INFEASIBLE / …)
    solution: Solution | None = None  # assignments only (no roster periods), when asked for

    @property
    def ok(self) -> bool:
        return self.status in ("OPTIMAL", "FEASIBLE")


@dataclass(frozen=True)
class SweepOptions:
    time_limit: float = 30.0
    work_limit: float | None = None  # per scenario (SolveOptions.work_limit)
    seed: int = 0
    jobs: int = 0  # 0 = number of cores
    cluster: str | None = None
    retries: int = DEFAULT_RETRIES
    keep_solutions: bool = False
    from_baseline: bool = True  # solve the baseline first and start every scenario from it
    # % at which each scenario's search stops (module docstring): None = the first solve's
    # gap (DEFAULT_TARGET_GAP when it is proven optimal); 0 = no target, the limits alone
    target_gap_pct: float | None = None
    # wall seconds for the scenarios (after the first solve), within which the time left
    # unused goes to scenarios above their target: None = ceil(scenarios / slots) x time_limit,
    # what the sweep takes when every scenario runs to its limit; 0 = no second round
    overall_limit: float | None = None


def target_gap(sweep: SweepOptions, first: ScenarioResult | None) -> float | None:
    """The target gap (%) of every scenario: the one asked for (0: none), else the gap the
    first solve reached (:data:`DEFAULT_TARGET_GAP` when it is proven optimal; none when it
    found no roster or no bound)."""
    if sweep.target_gap_pct is not None:
        return sweep.target_gap_pct or None
    if first is None or not first.ok:
        return None
    if first.status == "OPTIMAL" or first.gap_pct == 0:
        return DEFAULT_TARGET_GAP
    return first.gap_pct


def short_of_target(r: ScenarioResult) -> bool:
    """A roster whose search the clock ended above its target gap (more time might help)."""
    return (r.ok and r.status != "OPTIMAL" and r.target_gap_pct is not None
            and r.gap_pct is not None and r.gap_pct > r.target_gap_pct + TARGET_SLACK
            and r.stopped_by == WALL_CLOCK)


def budget_note(r: ScenarioResult, lang: str = "en") -> str | None:
    """Why a scenario with a roster is less well proven than the target (None when it is not):
    its gap, the target and the seconds it had, and what to give."""
    from scheduler import i18n

    if not short_of_target(r):
        return None
    assert r.gap_pct is not None and r.target_gap_pct is not None
    return i18n.text("whatif.budget.short", lang, gap=float(r.gap_pct),
                     target=float(r.target_gap_pct),
                     seconds=float(r.time_given or r.solve_seconds or 0))


def overall_limit(sweep: SweepOptions, n: int, slots: int) -> float:
    """The scenarios' wall seconds in all (:attr:`SweepOptions.overall_limit`)."""
    if sweep.overall_limit is not None:
        return sweep.overall_limit
    return -(-max(1, n) // max(1, slots)) * sweep.time_limit


def spare_seconds(limit: float, used: float, waiting: int, slots: int,
                  time_limit: float) -> float:
    """Each waiting scenario's extra seconds: what is left of ``limit`` after ``used``, shared
    over the waves of ``waiting`` scenarios on ``slots``; 0 when that is too short to help
    (under :data:`MIN_EXTRA_SHARE` of ``time_limit`` and :data:`MIN_EXTRA_SECONDS`)."""
    if waiting <= 0 or limit <= used:
        return 0.0
    extra = (limit - used) / -(-waiting // max(1, slots))
    return extra if extra >= max(MIN_EXTRA_SECONDS, MIN_EXTRA_SHARE * time_limit) else 0.0


def merge_rounds(first: ScenarioResult, again: ScenarioResult) -> ScenarioResult:
    """One scenario's two rounds as one result: the better roster (the first on a tie), the
    better of the two proven bounds (both bound the same scenario), the gap between them, and
    the time of both."""
    seconds = {"solve_seconds": round((first.solve_seconds or 0) + (again.solve_seconds or 0), 3),
               "wall_seconds": round(first.wall_seconds + again.wall_seconds, 3),
               "time_given": round((first.time_given or 0) + (again.time_given or 0), 3),
               "rounds": first.rounds + 1}
    if not again.ok or again.objective is None or first.objective is None:
        return first.model_copy(update=seconds)
    best = again if again.status == "OPTIMAL" or again.objective < first.objective - 1e-6 \
        else first
    assert best.objective is not None
    bounds = [b for b in (first.best_bound, again.best_bound) if b is not None]
    bound = max(bounds) if bounds else None
    optimal = again.status == "OPTIMAL" and best is again
    gap = 0.0 if optimal else None if bound is None else \
        round(100.0 * abs(best.objective - bound) / max(1.0, abs(best.objective)), 4)
    return best.model_copy(update={
        **seconds, "best_bound": bound, "gap_pct": gap,
        "status": "OPTIMAL" if optimal else "FEASIBLE",
        "stopped_by": again.stopped_by, "reproducible": False,
        "from_baseline": first.from_baseline, "target_gap_pct": first.target_gap_pct})


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def workers_per_scenario(jobs: int, n_cores: int | None = None) -> int:
    return max(1, (n_cores or cores()) // max(1, jobs))


OnResult = Callable[[ScenarioResult], None]

# --------------------------------------------------------------------------------------------
# One scenario


def solve_within(problem: Problem, options: SolveOptions,
                 start: Sequence[Assignment] | None = None) -> Solution:
    """Solve with ``options.time_limit`` as a *wall-clock* limit.

    The solver honours the time limit itself (a safety net when ``options.work_limit`` is given,
    see :mod:`scheduler.solver.cpsat`); a timer also sets the solver's public ``stop`` event just
    after it, so every scenario gets the same wall time. With one worker and a work budget
    reached first, the scenario's run is reproducible for a seed.
    """
    import threading

    from scheduler.solver import solve

    stop = threading.Event()
    timer = threading.Timer(options.time_limit + 0.1, stop.set)
    timer.daemon = True
    timer.start()
    try:
        if start is None:
            return solve(problem, options, stop=stop)
        return solve(problem, options, stop=stop, start=start)
    finally:
        timer.cancel()


def error_result(scenario: Scenario, message: str, seconds: float = 0.0,
                 options: SolveOptions | None = None) -> ScenarioResult:
    return ScenarioResult(name=scenario.name, status=ERROR, changes=scenario.describe(),
                          error=message, wall_seconds=round(seconds, 3),
                          seed=options.seed if options else 0,
                          workers=options.workers if options else 1,
                          allow_overtime=scenario.allow_overtime)


def no_roster_reason(status: str, stopped_by: str | None = None,
                     conflicts: Sequence[str] = (), lang: str = "en") -> str | None:
    """Why a solve that ended with ``status`` has no roster, in plain words (None when it has
    one): the limit that ended the search before a first roster, or the conflict named."""
    from scheduler import i18n

    if status in ("OPTIMAL", "FEASIBLE", ERROR):
        return None
    if status == "INFEASIBLE":
        named = "; ".join(c.rstrip(". ") for c in conflicts[:3])
        more = f" (+{len(conflicts) - 3})" if len(conflicts) > 3 else ""
        return i18n.text("whatif.no_roster.infeasible", lang,
                         conflicts=f": {named}{more}" if named else "")
    if status == "UNKNOWN":
        which = stopped_by if stopped_by in ("work_limit", "wall_clock", "interrupted") \
            else "other"
        return i18n.text("whatif.no_roster.limit", lang,
                         limit=i18n.text(f"whatif.limit.{which}", lang))
    return i18n.text("whatif.no_roster.status", lang, status=status)


def run_one(problem: Problem, scenario: Scenario, options: SolveOptions, *,
            keep_solution: bool = False,
            start: Sequence[Assignment] | None = None) -> ScenarioResult:
    """Apply, solve, check and measure one scenario; every failure becomes an ``ERROR`` row.

    ``start``: the baseline's first roster, to start the scenario's search from (module
    docstring)."""
    t0 = time.perf_counter()
    try:
        from constraints.checker import check_problem
        from scheduler.whatif.apply import apply_scenario
        from scheduler.whatif.metrics import figures

        changed = apply_scenario(problem, scenario)
        opts = options.model_copy(update={"allow_overtime": scenario.allow_overtime})
        solution = solve_within(changed, opts, start)
        figs = None
        if solution.has_roster:
            roster = roster_of(changed, solution)
            report = check_problem(changed, roster)
            figs = figures(changed, solution, roster, violations=len(report.roster_violations),
                           allow_overtime=opts.allow_overtime)
        kept = None
        if keep_solution:
            kept = solution.model_copy(update={"roster": Roster(periods=())})
        return ScenarioResult(
            name=scenario.name,
            status=solution.status,
            changes=scenario.describe(),
            objective=solution.objective,
            best_bound=solution.best_bound,
            gap_pct=solution.gap_pct,
            solve_seconds=round(solution.wall_seconds, 3),
            wall_seconds=round(time.perf_counter() - t0, 3),
            seed=opts.seed,
            workers=opts.workers,
            stopped_by=solution.stopped_by,
            target_gap_pct=opts.target_gap_pct,
            time_given=opts.time_limit,
            reproducible=solution.reproducible,
            allow_overtime=opts.allow_overtime,
            figures=figs,
            conflicts=[c.message for c in solution.conflicts],
            conflict_items=list(solution.conflicts),
            weights_changed=any(c.kind == "weight" for c in scenario.changes),
            from_baseline=start is not None,
            reason=no_roster_reason(solution.status, solution.stopped_by,
                                    [c.message for c in solution.conflicts]),
            solution=kept,
        )
    except Exception as exc:  # reported in the scenario's row, never stops the sweep
        message = f"{type(exc).__name__}: {exc}"
        last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
        if last:
            message += f" (at {os.path.basename(last[0].filename)}:{last[0].lineno})"
        return error_result(scenario, message, time.perf_counter() - t0, options)


class Start(BaseModel):
    """The roster every scenario starts from, as it travels to a worker."""

    assignments: list[Assignment]


def run_one_json(problem_json: str, scenario_json: str, options_json: str,
                 keep_solution: bool = False, start_json: str | None = None) -> str:
    """The task a pool process or Dask worker runs: JSON in, :class:`ScenarioResult` JSON out."""
    scenario = Scenario.model_validate_json(scenario_json)
    try:
        problem = Problem.model_validate_json(problem_json)
        options = SolveOptions.model_validate_json(options_json)
        start = None if start_json is None else Start.model_validate_json(start_json).assignments
    except Exception as exc:
        return error_result(scenario, f"could not read the task: {exc}").model_dump_json()
    return run_one(problem, scenario, options, keep_solution=keep_solution,
                   start=start).model_dump_json()


def _start_of(first: ScenarioResult) -> list[Assignment] | None:
    """The baseline's first roster (None when its first solve found none)."""
    if first.solution is None or not first.solution.has_roster:
        return None
    return list(first.solution.assignments)


def _task_args(start: Sequence[Assignment] | None) -> tuple[str, ...]:
    """The extra task argument that carries ``start`` (none without one)."""
    return () if start is None else (Start(assignments=list(start)).model_dump_json(),)


Starts = Sequence[Sequence[Assignment] | None]  # one start per scenario


def _starts(scenarios: Sequence[Scenario], start: Sequence[Assignment] | None,
            starts: Starts | None) -> list[Sequence[Assignment] | None]:
    return list(starts) if starts is not None else [start] * len(scenarios)


RunRound = Callable[[Sequence[Scenario], SolveOptions, Starts, OnResult | None],
                    list[ScenarioResult]]


def second_round(scenarios: Sequence[Scenario], results: list[ScenarioResult],
                 options: SolveOptions, extra: float,
                 run_round: RunRound) -> list[ScenarioResult]:
    """Continue every scenario :func:`short_of_target` from its own roster for ``extra``
    seconds (``run_round`` runs them as the first round ran), merged (:func:`merge_rounds`)."""
    waiting = [i for i, r in enumerate(results) if short_of_target(r)]
    if extra <= 0 or not waiting:
        return results
    starts = [_start_of(results[i]) for i in waiting]
    again = run_round([scenarios[i] for i in waiting],
                      options.model_copy(update={"time_limit": extra}), starts, None)
    out = list(results)
    for i, r in zip(waiting, again, strict=True):
        out[i] = merge_rounds(results[i], r)
    return out


# --------------------------------------------------------------------------------------------
# The sweep



def run_sweep(problem: Problem, scenarios: Sequence[Scenario], sweep: SweepOptions,
              on_result: OnResult | None = None) -> list[ScenarioResult]:
    """Every scenario's result, in the order given (see the module docstring for the modes)."""
    if sweep.cluster:
        return run_dask(problem, scenarios, sweep, on_result)
    jobs = min(sweep.jobs or cores(), max(1, len(scenarios)))
    options = SolveOptions(time_limit=sweep.time_limit, work_limit=sweep.work_limit,
                           seed=sweep.seed, workers=min(64, workers_per_scenario(jobs)),
                           target_gap_pct=sweep.target_gap_pct or None)
    start, first = None, None
    if sweep.from_baseline:  # the first solve, with the limits every scenario gets
        first = run_one(problem, Scenario(name="Baseline"), options, keep_solution=True)
        start = _start_of(first)
    options = options.model_copy(update={"target_gap_pct": target_gap(sweep, first)})
    keep = sweep.keep_solutions or options.target_gap_pct is not None  # a second round's start

    def run_round(scs: Sequence[Scenario], opts: SolveOptions, starts: Starts,
                  report: OnResult | None) -> list[ScenarioResult]:
        if jobs <= 1:
            return run_serial(problem, scs, opts, keep, report, starts=starts)
        return run_pool(problem, scs, opts, jobs, keep, report, starts=starts)

    return _two_rounds(scenarios, sweep, options, jobs, run_round, start, on_result)


def _two_rounds(scenarios: Sequence[Scenario], sweep: SweepOptions, options: SolveOptions,
                slots: int, run_round: RunRound, start: Sequence[Assignment] | None,
                on_result: OnResult | None,
                clock: Callable[[], float] = time.perf_counter) -> list[ScenarioResult]:
    """The first round (every scenario from ``start``), then the second with what the first
    left of the overall limit (module docstring); solutions kept only when asked for."""
    t0 = clock()
    waiting = 0

    def report(r: ScenarioResult) -> None:
        nonlocal waiting
        waiting += short_of_target(r)
        if on_result and not short_of_target(r):
            on_result(r)  # a scenario going on to the second round is reported after it

    results = run_round(scenarios, options, [start] * len(scenarios), report)
    extra = spare_seconds(overall_limit(sweep, len(scenarios), slots),
                          clock() - t0, waiting, slots, sweep.time_limit)
    results = second_round(scenarios, results, options, extra, run_round)
    if on_result:
        for r in results:
            if short_of_target(r) or r.rounds > 1:
                on_result(r)
    if not sweep.keep_solutions:
        results = [r.model_copy(update={"solution": None}) for r in results]
    return results


def run_serial(problem: Problem, scenarios: Sequence[Scenario], options: SolveOptions,
               keep_solutions: bool = False,
               on_result: OnResult | None = None,
               start: Sequence[Assignment] | None = None,
               starts: Starts | None = None) -> list[ScenarioResult]:
    """One after the other; ``starts``: one start per scenario (else ``start`` for all)."""
    out = []
    for sc, st in zip(scenarios, _starts(scenarios, start, starts), strict=True):
        result = run_one(problem, sc, options, keep_solution=keep_solutions, start=st)
        if on_result:
            on_result(result)
        out.append(result)
    return out


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["scheduler.whatif.runner", "scheduler.solver"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - not Linux


def run_pool(problem: Problem, scenarios: Sequence[Scenario], options: SolveOptions, jobs: int,
             keep_solutions: bool = False, on_result: OnResult | None = None,
             task: Callable[..., str] = run_one_json,
             start: Sequence[Assignment] | None = None,
             starts: Starts | None = None) -> list[ScenarioResult]:
    """A local process pool of ``jobs`` processes; one task per scenario.

    ``task`` is :func:`run_one_json` (another importable function with its signature may stand
    in, e.g. in tests that make a worker process die); ``starts`` as in :func:`run_serial`.
    """
    pj, oj = problem.model_dump_json(), options.model_dump_json()
    tasks = [(pj, sc.model_dump_json(), oj, keep_solutions, *_task_args(st))
             for sc, st in zip(scenarios, _starts(scenarios, start, starts), strict=True)]
    results: dict[int, ScenarioResult] = {}
    lost: list[int] = []
    ctx = _context()

    def done(i: int, result: ScenarioResult) -> None:
        results[i] = result
        if on_result:
            on_result(result)

    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        futures = {pool.submit(task, *args): i for i, args in enumerate(tasks)}
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                done(i, ScenarioResult.model_validate_json(fut.result()))
            except BrokenProcessPool:
                lost.append(i)
            except Exception as exc:
                done(i, error_result(scenarios[i], f"{type(exc).__name__}: {exc}",
                                     options=options))
    for i in sorted(lost):  # each again, alone, in a fresh process
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
                done(i, ScenarioResult.model_validate_json(
                    pool.submit(task, *tasks[i]).result()))
        except BrokenProcessPool as exc:
            done(i, error_result(scenarios[i], f"the worker process died twice ({exc})",
                                 options=options))
    return [results[i] for i in range(len(scenarios))]


# --------------------------------------------------------------------------------------------
# Dask


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise RunnerError(
            "--cluster needs Dask distributed, which is not installed: "
            "pip install 'aml-roster[dask]'") from None
    return distributed


def dask_workers_per_scenario(client: Any) -> int:
    """Cores of each worker host // Dask worker threads on that host (the smallest, ≥ 1)."""
    try:
        info = client.scheduler_info()["workers"]
        host_cores = client.run(cores)
        threads: dict[str, int] = {}
        host_of: dict[str, str] = {}
        for addr, w in info.items():
            host = w.get("host", addr)
            threads[host] = threads.get(host, 0) + int(w.get("nthreads", 1))
            host_of[addr] = host
        per = [max(1, int(host_cores[a]) // max(1, threads[host_of[a]]))
               for a in host_cores if a in host_of]
        return max(1, min(per)) if per else 1
    except Exception:
        return 1


def run_dask(problem: Problem, scenarios: Sequence[Scenario], sweep: SweepOptions,
             on_result: OnResult | None = None,
             task: Callable[..., str] = run_one_json) -> list[ScenarioResult]:
    """Submit every scenario to the Dask scheduler at ``sweep.cluster`` (``task`` as in
    :func:`run_pool`)."""
    distributed = _import_distributed()
    try:
        client = distributed.Client(sweep.cluster, timeout="20s")
    except Exception as exc:
        raise RunnerError(f"could not connect to the Dask scheduler at {sweep.cluster}: "
                          f"{type(exc).__name__}: {exc}") from None
    try:
        options = SolveOptions(time_limit=sweep.time_limit, work_limit=sweep.work_limit,
                               seed=sweep.seed, workers=dask_workers_per_scenario(client),
                               target_gap_pct=sweep.target_gap_pct or None)
        problem_json = problem.model_dump_json()
        run = uuid.uuid4().hex[:8]
        start, first = None, None
        if sweep.from_baseline:  # the first solve, on a worker like every scenario
            future = client.submit(task, problem_json,
                                   Scenario(name="Baseline").model_dump_json(),
                                   options.model_dump_json(), True, key=f"whatif-{run}-first",
                                   pure=False, retries=sweep.retries)
            try:
                first = ScenarioResult.model_validate_json(future.result())
                start = _start_of(first)
            except Exception:  # the scenarios then start from the greedy roster, as before
                start, first = None, None
        options = options.model_copy(update={"target_gap_pct": target_gap(sweep, first)})
        keep = sweep.keep_solutions or options.target_gap_pct is not None
        # scattered to every worker just before the tasks that use it (Dask's memory manager
        # may drop replicas that no task waits for, and a lost worker would take the last one)
        problem_ref = client.scatter(problem_json, broadcast=True, hash=False)
        rounds = iter(range(1, 1_000))

        def run_round(scs: Sequence[Scenario], opts: SolveOptions, starts: Starts,
                      report: OnResult | None) -> list[ScenarioResult]:
            oj, k = opts.model_dump_json(), next(rounds)
            futures = {}
            for i, (sc, st) in enumerate(zip(scs, starts, strict=True)):
                fut = client.submit(task, problem_ref, sc.model_dump_json(), oj, keep,
                                    *_task_args(st), key=f"whatif-{run}-{k}-{i}", pure=False,
                                    retries=sweep.retries)
                futures[fut] = i
            results: dict[int, ScenarioResult] = {}
            for fut in distributed.as_completed(list(futures)):
                i = futures[fut]
                try:
                    result = ScenarioResult.model_validate_json(fut.result())
                except Exception as exc:  # KilledWorker after the retries, cancelled, …
                    result = error_result(scs[i], f"{type(exc).__name__}: {exc}",
                                          options=opts)
                results[i] = result
                if report:
                    report(result)
            return [results[i] for i in range(len(scs))]

        slots = max(1, sum(int(w.get("nthreads", 1))
                           for w in client.scheduler_info()["workers"].values()))
        return _two_rounds(scenarios, sweep, options, slots, run_round, start, on_result)
    finally:
        client.close()


__all__ = [
    "DEFAULT_TARGET_GAP", "ERROR", "RunnerError", "ScenarioResult", "Start", "SweepOptions",
    "budget_note", "cores", "merge_rounds", "no_roster_reason", "overall_limit", "run_dask",
    "run_one", "run_one_json", "run_pool", "run_serial", "run_sweep", "second_round",
    "short_of_target", "solve_within", "spare_seconds", "target_gap", "workers_per_scenario",
]
