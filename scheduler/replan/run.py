"""``roster replan`` without files: re-plan a published roster after changes, changing as
little as the changes require (:func:`replan`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from scheduler.model import Problem, Roster
from scheduler.replan import problem as rp
from scheduler.replan.changes import Absence, Changes
from scheduler.replan.model import ChangeWeights, extender
from scheduler.solution import Assignment, Solution, SolveOptions
from scheduler.solver import solve


@dataclass
class Replan:
    problem: Problem  # the planning problem with the changes applied
    published: list[Assignment]  # the published roster's cells (every one hinted)
    clashes: list[rp.Clash]  # changes that contradict the frozen past: nothing was solved
    solution: Solution | None = None


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
    (:func:`neighbourhood`); ``None``: every day after ``now``."""
    cells = rp.published_cells(problem, published)
    new, clashes = rp.apply(problem, cells, changes, now)
    out = Replan(new, cells, clashes)
    if clashes:
        return out
    free = None if reach is None else neighbourhood(problem, changes, reach)
    out.solution = solve(new, options, stop=stop, on_solution=on_solution, start=cells,
                         extend=extender(cells, now, weights, free))
    return out


def lost_cells(published: list[Assignment], absences: Sequence[Absence], problem: Problem,
               now: datetime) -> list[Assignment]:
    """The published shifts the absences take away: those of an absent employee on a day of
    the absence that have not started by ``now`` (the cells a re-plan must change)."""
    return [a for a in published
            if any(ab.employee == a.employee and ab.start <= a.day <= ab.end for ab in absences)
            and not rp.frozen(problem, a, now)]
