"""A round of scenarios in a local process pool, and how many CP-SAT workers each gets.

``forkserver`` processes with the solver preloaded; when a worker process dies, the scenarios it
took down are run again one by one, each in a fresh process, and only the one that dies again
is reported as ``ERROR``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scheduler.model import Problem
from scheduler.solution import Assignment, SolveOptions
from scheduler.whatif.changes import Scenario
from scheduler.whatif.scenario_result import OnResult, ScenarioResult, error_result
from scheduler.whatif.scenario_task import Starts, _starts, _task_args, run_one_json


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def workers_per_scenario(jobs: int, n_cores: int | None = None) -> int:
    return max(1, (n_cores or cores()) // max(1, jobs))


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
