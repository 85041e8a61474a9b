"""The re-plan's immediate roster (issue 20): the published cells with the absences' lost cells
taken out and the pins put in, kept only when the real checker finds no violation in it.

It needs no model, so it is the re-plan's first legal roster long before the solver's (whose
model of a 150-staff month takes seconds to build), and the answer when the solver returns
none (:func:`scheduler.replan.run.replan`). It leaves the lost cells' demand uncovered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from constraints.checker import check_problem
from scheduler.model import Problem
from scheduler.replan import problem as rp
from scheduler.replan.changes import Absence, Changes
from scheduler.solution import Assignment, Shortfall
from scheduler.solver.decode import roster_of_assignments


def lost_cells(published: list[Assignment], absences: Sequence[Absence], problem: Problem,
               now: datetime) -> list[Assignment]:
    """The published shifts the absences take away: those of an absent employee on a day of
    the absence that have not started by ``now`` (the cells a re-plan must change)."""
    return [a for a in published
            if any(ab.employee == a.employee and ab.start <= a.day <= ab.end for ab in absences)
            and not rp.frozen(problem, a, now)]


def candidate(problem: Problem, published: list[Assignment], changes: Changes,
              now: datetime) -> list[Assignment]:
    """The published cells (of ``problem``, before the changes) without the absences' lost
    cells, with each pin's cell (``OFF``: none) in place of the published one that day."""
    lost = set(lost_cells(published, changes.absences, problem, now))
    pinned = {(p.employee, p.day) for p in changes.pins}
    cells = [a for a in published if a not in lost and (a.employee, a.day) not in pinned]
    cells += [Assignment(employee=p.employee, day=p.day, shift=p.shift)
              for p in changes.pins if p.shift != "OFF"]
    return sorted(cells, key=lambda a: (a.employee, a.day, a.shift))


def checked(new: Problem, cells: list[Assignment]) -> bool:
    """Does the roster of ``cells`` pass the checker on the changed problem ``new`` with no
    violation?"""
    return not check_problem(new, roster_of_assignments(new, cells)).violations


def shortfall(problem: Problem, cells: list[Assignment]) -> list[Shortfall]:
    """The demand rows whose minimum ``cells`` do not cover (skill empty: anyone counts)."""
    skills = {e.id: set(e.skills) for e in problem.employees}
    working: dict[tuple[date, str], list[str]] = {}
    for a in cells:
        working.setdefault((a.day, a.shift), []).append(a.employee)
    out = []
    for item in problem.demand:
        if item.minimum <= 0:
            continue
        planned = sum(1 for e in working.get((item.day, item.shift), [])
                      if not item.skill or item.skill in skills.get(e, ()))
        if planned < item.minimum:
            out.append(Shortfall(day=item.day, shift=item.shift, skill=item.skill,
                                 required=item.minimum, planned=planned))
    return out
