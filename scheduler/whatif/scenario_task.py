"""One scenario as one task: apply, solve within the wall-clock limit, check and measure.

:func:`run_one` does it in this process; :func:`run_one_json` is the same with pydantic JSON in
and out, so a pool process or a Dask worker can run it. Whatever goes wrong inside becomes an
``ERROR`` row, never an exception that stops the sweep.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Sequence

from pydantic import BaseModel

from scheduler.model import Problem, Roster
from scheduler.solution import Assignment, Solution, SolveOptions, roster_of
from scheduler.whatif.changes import Scenario
from scheduler.whatif.scenario_result import (
    ScenarioResult,
    error_result,
    no_roster_reason,
)


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


def _task_args(start: Sequence[Assignment] | None) -> tuple[str, ...]:
    """The extra task argument that carries ``start`` (none without one)."""
    return () if start is None else (Start(assignments=list(start)).model_dump_json(),)


Starts = Sequence[Sequence[Assignment] | None]  # one start per scenario


def _starts(scenarios: Sequence[Scenario], start: Sequence[Assignment] | None,
            starts: Starts | None) -> list[Sequence[Assignment] | None]:
    return list(starts) if starts is not None else [start] * len(scenarios)
