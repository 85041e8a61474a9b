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

The pieces: :mod:`~scheduler.whatif.scenario_result` (a scenario's result),
:mod:`~scheduler.whatif.sweep_budget` (target gaps and spare time),
:mod:`~scheduler.whatif.scenario_task` (one scenario as one task),
:mod:`~scheduler.whatif.sweep_rounds` (the two rounds), :mod:`~scheduler.whatif.sweep_pool`
and :mod:`~scheduler.whatif.sweep_dask`; this module chooses the mode and runs the sweep.
"""

from __future__ import annotations

from collections.abc import Sequence

from scheduler.model import Problem
from scheduler.solution import Assignment, SolveOptions
from scheduler.whatif.changes import Scenario
from scheduler.whatif.scenario_result import (
    ERROR,
    WALL_CLOCK,
    OnResult,
    RunnerError,
    ScenarioResult,
    error_result,
    no_roster_reason,
)
from scheduler.whatif.scenario_task import (
    Start,
    Starts,
    _starts,
    run_one,
    run_one_json,
    solve_within,
)
from scheduler.whatif.sweep_budget import (
    DEFAULT_RETRIES,
    DEFAULT_TARGET_GAP,
    MIN_EXTRA_SECONDS,
    MIN_EXTRA_SHARE,
    TARGET_SLACK,
    SweepOptions,
    budget_note,
    merge_rounds,
    overall_limit,
    short_of_target,
    spare_seconds,
    target_gap,
)
from scheduler.whatif.sweep_dask import dask_workers_per_scenario, run_dask
from scheduler.whatif.sweep_pool import cores, run_pool, workers_per_scenario
from scheduler.whatif.sweep_rounds import RunRound, _start_of, _two_rounds, second_round


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


__all__ = [
    "DEFAULT_RETRIES", "DEFAULT_TARGET_GAP", "ERROR", "MIN_EXTRA_SECONDS", "MIN_EXTRA_SHARE",
    "TARGET_SLACK", "WALL_CLOCK", "OnResult", "RunRound", "RunnerError", "ScenarioResult",
    "Start", "Starts", "SweepOptions", "_start_of", "_two_rounds", "budget_note", "cores",
    "dask_workers_per_scenario", "error_result", "merge_rounds", "no_roster_reason",
    "overall_limit", "run_dask", "run_one", "run_one_json", "run_pool", "run_serial", "run_sweep",
    "second_round", "short_of_target", "solve_within", "spare_seconds", "target_gap",
    "workers_per_scenario",
]
