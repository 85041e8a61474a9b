"""The day-off codes ``roster solve`` writes into the Roster grid (``F1``, ``F2``, ``F3``).

Norwegian planners read a turnus through its day-off codes (see :mod:`scheduler.dayoff`). From a
solved roster this module marks, per employee:

* ``F3`` — a Sunday or public holiday (``ctx.windows.red``) kept off because of § 10-8 (4): the
  red day before it was worked (history and ``last_sunday_worked`` included, eve work counted
  as the rest rules count it) and no work falls in this red day's § 10-10 segment, and no shift
  starts on it. Marked in any week, partial ones included.
* ``F1`` — in every week wholly inside the horizon in which the employee starts a work period:
  the day off whose surrounding rest is the weekly rest. Candidates are the days of the week
  without a shift start whose whole off-duty gap (from the end of the work before to the start
  of the work after, across the week boundary) reaches the weekly rest in force (35 h, or 28 h
  under a § 10-8 (3) agreement) — exactly what :mod:`constraints.turnus_codes` checks, with the
  same code. Among them the one in the longest rest; on a tie a day that is no F3, then a Sunday,
  then the earliest. A week whose rest lies in no whole day off (possible only with unusual
  shift times) gets no F1, and ``roster check`` then says so. Partial first/last weeks get no
  F1: their weekly day off may lie in the neighbouring month's plan.
* ``F2`` — in a week with F1 in which the employee works at most five days: one more day off,
  the day after F1 if it is off and unmarked, else the day before, else the unmarked day off
  nearest to F1 (the earlier on a tie).

Other days off stay blank. Windows come from a :class:`~constraints.base.CheckContext` built on
the problem (``scheduler.calendar`` through the context), rest from :mod:`constraints.rest`.
"""

from __future__ import annotations

from datetime import date, timedelta

from constraints.base import CheckContext
from constraints.kernel.sweep import RedStatus, red_day_statuses, timeline_of
from constraints.turnus_codes.measure import (
    day_window,
    full_weeks,
    required_rest,
    rest_around,
    works_in,
)
from scheduler.clock import TZ
from scheduler.model import Problem, Roster

Marks = dict[tuple[str, date], str]


def context_for(problem: Problem, roster: Roster) -> CheckContext:
    """The check context of ``problem`` (windows, timelines, limits) around ``roster``."""
    return CheckContext(
        settings=problem.settings,
        roster=roster,
        employees={e.id: e for e in problem.employees},
        agreements=tuple(problem.agreements),
        employee_history={h.employee: h for h in problem.employee_history},
        history=tuple(problem.history),
        shifts={s.code: s for s in problem.shifts},
    )


def _shift_days(roster: Roster) -> set[tuple[str, date]]:
    return {(p.employee, p.start.astimezone(TZ).date()) for p in roster.periods}


def turnus_marks(problem: Problem, roster: Roster) -> Marks:
    """(employee, day) -> ``F1``/``F2``/``F3`` for the days off of a solved roster."""
    ctx = context_for(problem, roster)
    busy = _shift_days(roster)
    s = problem.settings
    marks: Marks = {}
    for emp in problem.employees:
        tl = timeline_of(ctx, emp.id)
        f3: set[date] = set()
        if tl is not None:
            status = red_day_statuses(ctx, emp.id, tl)
            for i, r in enumerate(ctx.windows.red):
                if (i > 0 and s.start <= r.day <= s.end and status[i] is RedStatus.off
                        and status[i - 1] is not RedStatus.off and (emp.id, r.day) not in busy):
                    f3.add(r.day)
        for d in f3:
            marks[(emp.id, d)] = "F3"
        for wk in full_weeks(ctx):
            if not works_in(ctx, emp.id, wk):
                continue
            first = date.fromisoformat(wk.label)
            days = [first + timedelta(days=k) for k in range(7)]
            off = [d for d in days if (emp.id, d) not in busy]
            f1 = _pick_f1(ctx, emp.id, off, f3)
            if f1 is None:
                continue
            marks[(emp.id, f1)] = "F1"
            if len(days) - len(off) <= 5:
                f2 = _pick_f2(f1, [d for d in off if (emp.id, d) not in marks])
                if f2 is not None:
                    marks[(emp.id, f2)] = "F2"
    return marks


def _pick_f1(ctx: CheckContext, emp: str, off: list[date], f3: set[date]) -> date | None:
    tl = timeline_of(ctx, emp)
    best: tuple[float, int, int, int] | None = None
    chosen: date | None = None
    for d in off:
        dw = day_window(ctx, d)
        if dw is None:
            continue
        rest = rest_around(tl, dw)
        if rest.length < required_rest(ctx, emp, dw.start):
            continue
        key = (rest.length, d not in f3, ctx.windows.is_sunday(d), -d.toordinal())
        if best is None or key > best:
            best, chosen = key, d
    return chosen


def _pick_f2(f1: date, free: list[date]) -> date | None:
    if not free:
        return None
    after, before = f1 + timedelta(days=1), f1 - timedelta(days=1)
    for d in (after, before):
        if d in free:
            return d
    return min(free, key=lambda d: (abs((d - f1).days), d))
