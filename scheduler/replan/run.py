"""``roster replan`` without files: re-plan a published roster after changes, changing as
little as the changes require (:func:`replan`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from scheduler.model import Problem, Roster
from scheduler.replan import immediate
from scheduler.replan import problem as rp
from scheduler.replan.changes import Changes
from scheduler.replan.immediate import lost_cells
from scheduler.replan.model import ChangeWeights, extender
from scheduler.solution import INTERRUPTED, Assignment, Solution, SolveOptions
from scheduler.solver import solve
from scheduler.solver.decode import roster_of_assignments

__all__ = ["REACH_DAYS", "Replan", "lost_cells", "neighbourhood", "replan"]


@dataclass
class Replan:
    problem: Problem  # the planning problem with the changes applied
    published: list[Assignment]  # the published roster's cells (every one hinted)
    clashes: list[rp.Clash]  # changes that contradict the frozen past: nothing was solved
    solution: Solution | None = None
    # the immediate roster (scheduler.replan.immediate) when it passed the checker, and the
    # seconds from the call until it did; None: it broke a rule
    immediate: list[Assignment] | None = None
    immediate_seconds: float | None = None


REACH_DAYS = 3  # days either side of a changed day that the re-plan may change


def neighbourhood(problem: Problem, changes: Changes, reach: int = REACH_DAYS) -> set[date]:
    """The days a re-plan may change: each day an absence, a demand change or a pin touches,
    and ``reach`` days either side (within the horizon). No changes: no day."""
    touched: set[date] = set()
    for ab in changes.absences:
        touched.update(ab.start + timedelta(days=i) for i in range((ab.end - ab.start).days + 1))
    touched.update(ch.day for ch in changes.demand)
    touched.update(p.day for p in changes.pins)
    days = set(problem.days())
    return {d + timedelta(days=k) for d in touched for k in range(-reach, reach + 1)} & days


def replan(problem: Problem, published: Roster, changes: Changes, now: datetime,
           options: SolveOptions | None = None, *, weights: ChangeWeights | None = None,
           reach: int | None = REACH_DAYS, stop: threading.Event | None = None,
           on_solution: Callable[..., None] | None = None) -> Replan:
    """The new roster: the published one (``published``, of ``problem``) after ``changes`` at
    ``now``, with the past frozen and every rule kept (:mod:`scheduler.replan.model`). When a
    change contradicts the frozen past, nothing is solved and ``clashes`` says which.
    ``reach``: only the days within ``reach`` days of a change may change
    (:func:`neighbourhood`); ``None``: every day after now.

    Before the model is built, the immediate roster (the published cells without the absences'
    lost cells, with the pins: :mod:`scheduler.replan.immediate`) is checked; when the checker
    finds no violation it is the first roster, reported through ``on_solution(seconds, None)``
    (seconds from this call; no objective: evaluating it needs the model), and it is the answer
    (FEASIBLE, the solver's ``stopped_by``, its demand left uncovered in ``shortfall``) when the
    solver returns no roster."""
    t0 = time.perf_counter()
    cells = rp.published_cells(problem, published)
    new, clashes = rp.apply(problem, cells, changes, now)
    out = Replan(new, cells, clashes)
    if clashes:
        return out
    kept = immediate.candidate(problem, cells, changes, now)
    if immediate.checked(new, kept):
        out.immediate, out.immediate_seconds = kept, time.perf_counter() - t0
        if on_solution is not None:
            on_solution(out.immediate_seconds, None)
    if out.immediate is not None and stop is not None and stop.is_set():
        # stopped during the check: no model is built, the checked roster is the answer
        opts = options or SolveOptions()
        out.solution = _kept(new, kept, out.immediate_seconds, Solution(
            status="UNKNOWN", seed=opts.seed, workers=opts.workers, work_limit=opts.work_limit,
            stopped_by=INTERRUPTED, target_gap_pct=opts.target_gap_pct, model_built=False))
        return out
    free = None if reach is None else neighbourhood(problem, changes, reach)
    sol = solve(new, options, stop=stop, on_solution=on_solution, start=cells,
                extend=extender(cells, now, weights, free))
    if out.immediate is not None:
        if sol.has_roster:
            sol = sol.model_copy(update={"first_solution_seconds": out.immediate_seconds})
        else:  # the solver found nothing (out of time): the checked roster
            sol = _kept(new, kept, out.immediate_seconds, sol)
    out.solution = sol
    return out


def _kept(new: Problem, kept: list[Assignment], seconds: float | None,
          base: Solution) -> Solution:
    """``base`` (an answer without a roster: how the solve ran, why it stopped) with the
    checked immediate roster ``kept`` as its roster (no objective: it was not evaluated)."""
    return base.model_copy(update={
        "status": "FEASIBLE", "assignments": kept, "roster": roster_of_assignments(new, kept),
        "objective": None, "first_solution_seconds": seconds,
        "shortfall": immediate.shortfall(new, kept)})
