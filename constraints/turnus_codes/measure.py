"""What the F-code checks and the F-code writer (:mod:`scheduler.turnus_marks`) both measure.

One implementation, so a roster that ``roster solve`` marks is read back by ``roster check``
exactly as it was marked. Windows come from the :class:`~constraints.base.CheckContext`
(``scheduler.calendar``); rest from the timelines of :mod:`constraints.kernel.sweep`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from constraints.base import CheckContext
from constraints.kernel.sweep import cached, limits_for
from constraints.kernel.timeline import HOUR, Timeline
from constraints.limits.rest import RestLimits
from scheduler import calendar as cal

FAMILY = RestLimits.KEY


@dataclass(frozen=True, slots=True)
class Rest:
    """The off-duty gap around a day: whole length (``inf`` when it runs past the data)."""

    length: float
    start: int | None  # end of the last work before it (None = not known)
    end: int | None  # start of the next work (None = not known)


def day_window(ctx: CheckContext, day: date) -> cal.Window | None:
    """The fixed 24 h window of ``day`` (from the day boundary), from ``ctx.windows.day``."""
    by_label: dict[str, cal.Window] = cached(
        ctx, "turnus_day_windows", lambda: {w.label: w for w in ctx.windows.day}
    )
    return by_label.get(day.isoformat())


def week_of(ctx: CheckContext, minute: int) -> cal.Window | None:
    """The fixed week window (``ctx.windows.week``) that contains ``minute``."""
    weeks = ctx.windows.week
    starts: list[int] = cached(ctx, "turnus_week_starts", lambda: [w.start for w in weeks])
    i = bisect_right(starts, minute) - 1
    return weeks[i] if i >= 0 and minute < weeks[i].end else None


def full_weeks(ctx: CheckContext) -> list[cal.Window]:
    """Week windows wholly inside the horizon."""
    return [w for w in ctx.windows.week
            if w.start >= ctx.horizon_start and w.end <= ctx.horizon_end]


def works_in(ctx: CheckContext, emp: str, week: cal.Window) -> bool:
    """Does ``emp`` start a work period of the roster (not history) inside ``week``?"""
    by_emp: dict[str, list[int]] = cached(ctx, "turnus_roster_starts", dict)
    starts = by_emp.get(emp)
    if starts is None:
        starts = by_emp[emp] = [s.start for s in ctx.timelines.get(emp, ()) if not s.history]
    return bisect_left(starts, week.start) < bisect_left(starts, week.end)


def rest_around(tl: Timeline | None, day: cal.Window) -> Rest:
    """The longest whole off-duty gap that overlaps the day (0 when work fills the day)."""
    if tl is None:
        return Rest(float("inf"), None, None)
    g = tl.longest_gap(day.start, day.end, whole=True)
    if g is None:
        return Rest(0.0, None, None)
    return Rest(g.full_length, g.gap_start, g.gap_end)


def required_rest(ctx: CheckContext, emp: str, minute: int) -> int:
    """The weekly rest in force (minutes) for ``emp`` at ``minute`` (35 h, or the agreed 28 h)."""
    return round(limits_for(ctx, FAMILY, emp).on(minute).p.weekly_rest_hours * HOUR)
