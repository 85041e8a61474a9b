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
as the baseline, and no more. One scenario is one task:
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
DEFAULT_RETRIES = 2
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


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def workers_per_scenario(jobs: int, n_cores: int | None = None) -> int:
    return max(1, (n_cores or cores()) // max(1, jobs))


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


# --------------------------------------------------------------------------------------------
# The sweep

OnResult = Callable[[ScenarioResult], None]


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
    if jobs <= 1:
        return run_serial(problem, scenarios, options, sweep.keep_solutions, on_result, start)
    return run_pool(problem, scenarios, options, jobs, sweep.keep_solutions, on_result,
                    start=start)


def run_serial(problem: Problem, scenarios: Sequence[Scenario], options: SolveOptions,
               keep_solutions: bool = False,
               on_result: OnResult | None = None,
               start: Sequence[Assignment] | None = None) -> list[ScenarioResult]:
    out = []
    for sc in scenarios:
        result = run_one(problem, sc, options, keep_solution=keep_solutions, start=start)
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
             start: Sequence[Assignment] | None = None) -> list[ScenarioResult]:
    """A local process pool of ``jobs`` processes; one task per scenario.

    ``task`` is :func:`run_one_json` (another importable function with its signature may stand
    in, e.g. in tests that make a worker process die).
    """
    pj, oj = problem.model_dump_json(), options.model_dump_json()
    tasks = [(pj, sc.model_dump_json(), oj, keep_solutions, *_task_args(start))
             for sc in scenarios]
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
    results: dict[int, ScenarioResult] = {}
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
        oj = options.model_dump_json()
        # scattered to every worker just before the tasks that use it (Dask's memory manager
        # may drop replicas that no task waits for, and a lost worker would take the last one)
        problem_ref = client.scatter(problem_json, broadcast=True, hash=False)
        futures = {}
        for i, sc in enumerate(scenarios):
            fut = client.submit(task, problem_ref, sc.model_dump_json(), oj,
                                sweep.keep_solutions, *_task_args(start),
                                key=f"whatif-{run}-{i}", pure=False, retries=sweep.retries)
            futures[fut] = i
        for fut in distributed.as_completed(list(futures)):
            i = futures[fut]
            try:
                result = ScenarioResult.model_validate_json(fut.result())
            except Exception as exc:  # KilledWorker after the retries, cancelled, …
                result = error_result(scenarios[i], f"{type(exc).__name__}: {exc}",
                                      options=options)
            results[i] = result
            if on_result:
                on_result(result)
    finally:
        client.close()
    return [results[i] for i in range(len(scenarios))]


__all__ = [
    "DEFAULT_TARGET_GAP", "ERROR", "RunnerError", "ScenarioResult", "Start", "SweepOptions", "cores", "no_roster_reason",
    "run_dask", "run_one",
    "run_one_json", "run_pool", "run_serial", "run_sweep", "solve_within", "target_gap",
    "workers_per_scenario",
]
