"""The two rounds of a sweep: every scenario from the baseline's roster, then a second round.

The second round continues each scenario still above its target gap from its own roster with
what the first left of the overall limit (:mod:`scheduler.whatif.runner`'s docstring); how a
round runs (serially, in a pool, on Dask) is passed in as ``run_round``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from scheduler.solution import Assignment, SolveOptions
from scheduler.whatif.changes import Scenario
from scheduler.whatif.scenario_result import OnResult, ScenarioResult
from scheduler.whatif.scenario_task import Starts
from scheduler.whatif.sweep_budget import (
    SweepOptions,
    merge_rounds,
    overall_limit,
    short_of_target,
    spare_seconds,
)


def _start_of(first: ScenarioResult) -> list[Assignment] | None:
    """The baseline's first roster (None when its first solve found none)."""
    if first.solution is None or not first.solution.has_roster:
        return None
    return list(first.solution.assignments)


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
