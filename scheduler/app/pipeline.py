"""The one solve-and-check pipeline: read → build → search → check → write, on one deadline.

``--time-limit`` is the time of the whole command. Each phase is timed (:mod:`timing`); the
solver (model building and search, :func:`scheduler.solver.solve`) gets what is left after
reading, less the seconds that checking and writing the roster will need
(:func:`scheduler.app.sizing.finish_reserve`, by problem size); model building stops when that
runs out (the solution then says ``model_built`` False), and when nothing is left after reading
no model is built at all. A problem whose model would be too large
to hold is refused after reading, before anything is built (:func:`sizing.refuse_too_large`).

What each phase does is given as :class:`Steps`, so the command line (and a test, with a fake
clock) runs the same pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from constraints.base import Finding
from scheduler.app import sizing
from scheduler.app.timing import Clock, Deadline
from scheduler.model import Problem
from scheduler.solution import WALL_CLOCK, Solution, SolveOptions

NO_TIME = 1e-9  # the solver's limit (SolveOptions needs one > 0) when none is left for it


@dataclass
class Steps:
    """What the phases do. ``write`` gets the outcome so far (solution checked); its return
    value is kept as ``Outcome.written``."""

    read: Callable[[], Problem]
    solve: Callable[[Problem, SolveOptions], Solution]
    check: Callable[[Problem, Solution], list[Finding]]
    write: Callable[[Outcome], Any]
    file: str = ""  # named in the message when the problem is too large
    # run in the read phase once the problem is known to fit (e.g. the feasibility analysis);
    # its result is kept as ``Outcome.analysis``
    analyse: Callable[[Problem], Any] | None = None


@dataclass
class Outcome:
    deadline: Deadline
    options: SolveOptions  # as the solver got them: its time limit is what was left
    problem: Problem | None = None
    solution: Solution | None = None
    findings: list[Finding] = field(default_factory=list)
    written: Any = None
    analysis: Any = None

    @property
    def phases(self) -> dict[str, float]:
        """Seconds per phase and in total (``timing.PHASES`` order)."""
        return self.deadline.report()


def run(steps: Steps, options: SolveOptions, *, clock: Clock = time.monotonic) -> Outcome:
    """Run the phases on one deadline of ``options.time_limit`` seconds. Nothing is checked or
    written when the solver returns no roster. Input errors (also a problem too large to build)
    propagate as :class:`scheduler.errors.InputError` before anything is solved."""
    deadline = Deadline(options.time_limit, clock)
    out = Outcome(deadline, options)
    with deadline.phase("read"):
        problem = out.problem = steps.read()
        sizing.refuse_too_large(problem, steps.file)
        if steps.analyse is not None:
            out.analysis = steps.analyse(problem)
    seconds = deadline.solver_seconds(sizing.finish_reserve(problem))
    if seconds <= 0:  # no time to build a model and still check and write its roster
        out.options = options.model_copy(update={"time_limit": NO_TIME})
        out.solution = Solution(status="UNKNOWN", stopped_by=WALL_CLOCK, model_built=False,
                                seed=options.seed, workers=options.workers,
                                work_limit=options.work_limit)
        return out
    out.options = options.model_copy(update={"time_limit": seconds})
    t = clock()
    solution = out.solution = steps.solve(problem, out.options)
    solved = clock() - t
    build = min(solved, solution.build_seconds)
    deadline.add("build", build)
    deadline.add("search", solved - build)
    if not solution.has_roster:
        return out
    with deadline.phase("check"):
        out.findings = steps.check(problem, solution)
    with deadline.phase("write"):
        out.written = steps.write(out)
    return out
