"""``roster replan`` without files: re-plan a published roster after changes, changing as
little as the changes require (:func:`replan`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

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


def replan(problem: Problem, published: Roster, changes: Changes, now: datetime,
           options: SolveOptions | None = None, *, weights: ChangeWeights | None = None,
           stop: threading.Event | None = None,
           on_solution: Callable[..., None] | None = None) -> Replan:
    """The new roster: the published one (``published``, of ``problem``) after ``changes`` at
    ``now``, with the past frozen and every rule kept (:mod:`scheduler.replan.model`). When a
    change contradicts the frozen past, nothing is solved and ``clashes`` says which."""
    cells = rp.published_cells(problem, published)
    new, clashes = rp.apply(problem, cells, changes, now)
    out = Replan(new, cells, clashes)
    if clashes:
        return out
    out.solution = solve(new, options, stop=stop, on_solution=on_solution, start=cells,
                         extend=extender(cells, now, weights))
    return out


def lost_cells(published: list[Assignment], absences: Sequence[Absence], problem: Problem,
               now: datetime) -> list[Assignment]:
    """The published shifts the absences take away: those of an absent employee on a day of
    the absence that have not started by ``now`` (the cells a re-plan must change)."""
    return [a for a in published
            if any(ab.employee == a.employee and ab.start <= a.day <= ab.end for ab in absences)
            and not rp.frozen(problem, a, now)]
