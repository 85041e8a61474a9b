"""A sweep on a Dask distributed cluster (``--cluster tcp://host:8786``).

The problem is scattered once; each task is submitted with ``retries`` so a lost worker's task
is run again; a task that still fails is reported in its row. An optional extra:
``pip install aml-roster[dask]``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from scheduler.model import Problem
from scheduler.solution import SolveOptions
from scheduler.whatif.changes import Scenario
from scheduler.whatif.scenario_result import OnResult, RunnerError, ScenarioResult, error_result
from scheduler.whatif.scenario_task import Starts, _task_args, run_one_json
from scheduler.whatif.sweep_budget import SweepOptions, target_gap
from scheduler.whatif.sweep_pool import cores
from scheduler.whatif.sweep_rounds import _start_of, _two_rounds


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
