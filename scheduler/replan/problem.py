"""The re-plan's planning problem: the published problem with the changes applied
(:func:`apply`), and the published roster as cells (:func:`published_cells`).

* An absence becomes an ``unavailable`` request (the solver's domain then leaves the employee no
  shift on those days, and the checker's ``REQ-unavailable`` holds it). Its days start at
  ``now``'s day at the earliest, and a day on which the employee's published shift has already
  started keeps that shift: the past is not re-planned (it is frozen by
  :mod:`scheduler.replan.model`).
* A demand change moves the minimum and the target of the (date, shift, skill) row by ``delta``,
  never below zero; a row that does not exist is added when ``delta`` is positive.
* A pin becomes a fixed assignment (replacing the workbook's own Fixed row for that day). A pin
  on a shift that has already started, or on a day whose published shift has, must agree with
  the published roster: anything else is a :class:`Clash`, named by its row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from scheduler.clock import TZ, local
from scheduler.model import (
    DemandItem,
    FixedAssignment,
    Problem,
    Request,
    RequestKind,
    Roster,
    WorkPeriod,
)
from scheduler.replan.changes import Changes
from scheduler.solution import Assignment


@dataclass(frozen=True)
class Clash:
    """A change that contradicts the frozen past: ``ref`` is its row, ``key`` the catalogue
    entry (``replan.clash.*``) and ``args`` its fields."""

    ref: str
    key: str
    args: dict[str, str]


def shift_start(problem: Problem, day: date, code: str) -> datetime:
    st = next(s for s in problem.shifts if s.code == code)
    return local(day, st.start)


def published_cells(problem: Problem, roster: Roster) -> list[Assignment]:
    """The published roster's work periods as (employee, day, shift) cells: the day is the one
    the shift type starts on at the period's start (a night shift belongs to its first day).
    Periods without a shift code of the problem (a timesheet's free times) are left out."""
    starts = {(s.code, s.start) for s in problem.shifts}
    out: set[Assignment] = set()
    for p in roster.periods:
        if not p.shift:
            continue
        at = p.start.astimezone(TZ)
        if (p.shift, at.time().replace(tzinfo=None)) not in starts:
            continue  # an overtime tail or a moved period: the shift's own period says it
        out.add(Assignment(employee=p.employee, day=at.date(), shift=p.shift))
    return sorted(out, key=lambda a: (a.employee, a.day, a.shift))


def unplaced(problem: Problem, roster: Roster) -> list[WorkPeriod]:
    """The published work periods :func:`published_cells` leaves out (no shift code of the
    problem, or not at its shift type's start): the command line says so."""
    starts = {(s.code, s.start) for s in problem.shifts}
    return [p for p in roster.periods
            if not p.shift or (p.shift, p.start.astimezone(TZ).time().replace(tzinfo=None))
            not in starts]


def frozen(problem: Problem, a: Assignment, now: datetime) -> bool:
    """Has the published shift ``a`` started by ``now``?"""
    return shift_start(problem, a.day, a.shift).timestamp() <= now.timestamp()


def apply(problem: Problem, published: Iterable[Assignment], changes: Changes,
          now: datetime) -> tuple[Problem, list[Clash]]:
    """The problem with ``changes`` applied at ``now`` (see the module docstring)."""
    pub = {(a.employee, a.day): a for a in published}
    started = {k for k, a in pub.items() if frozen(problem, a, now)}
    today = now.astimezone(TZ).date()
    requests = list(problem.requests)
    for ab in changes.absences:
        days = [d for d in _days(max(ab.start, today), ab.end)
                if (ab.employee, d) not in started]
        for a, b in _runs(days):
            requests.append(Request(employee=ab.employee, start=a, end=b,
                                    kind=RequestKind.unavailable))
    demand = _demand(problem.demand, changes)
    fixed = {(f.employee, f.day): f for f in problem.fixed}
    clashes: list[Clash] = []
    for pin in changes.pins:
        old = pub.get((pin.employee, pin.day))
        code = pin.shift
        if (pin.employee, pin.day) in started and (old is None or old.shift != code):
            clashes.append(Clash(pin.ref, "replan.clash.started", {
                "employee": pin.employee, "day": pin.day.isoformat(),
                "shift": old.shift if old else "OFF"}))
            continue
        if code != "OFF" and shift_start(problem, pin.day, code).timestamp() <= now.timestamp():
            clashes.append(Clash(pin.ref, "replan.clash.past", {
                "employee": pin.employee, "day": pin.day.isoformat(), "shift": code}))
            continue
        fixed[(pin.employee, pin.day)] = FixedAssignment(employee=pin.employee, day=pin.day,
                                                         shift=code)
    new = problem.model_copy(update={
        "requests": tuple(requests), "demand": tuple(demand),
        "fixed": tuple(sorted(fixed.values(), key=lambda f: (f.employee, f.day))),
    })
    return new, clashes


def _demand(items: Iterable[DemandItem], changes: Changes) -> list[DemandItem]:
    by_key: dict[tuple[date, str, str], DemandItem] = {}
    order: list[tuple[date, str, str]] = []
    for it in items:
        k = (it.day, it.shift, it.skill)
        if k not in by_key:
            order.append(k)
        by_key[k] = it
    delta: dict[tuple[date, str, str], int] = defaultdict(int)
    for ch in changes.demand:
        delta[(ch.day, ch.shift, ch.skill)] += ch.delta
    for k, n in delta.items():
        it = by_key.get(k)
        if it is None:
            if n > 0:
                by_key[k] = DemandItem(day=k[0], shift=k[1], skill=k[2], minimum=n)
                order.append(k)
            continue
        target = None if it.target is None else max(0, it.target + n)
        by_key[k] = it.model_copy(update={"minimum": max(0, it.minimum + n), "target": target})
    return [by_key[k] for k in order]


def _days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


def _runs(days: list[date]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for d in sorted(days):
        if out and d == out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out
