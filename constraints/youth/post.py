"""CP-SAT posts for chapter 11 (under-18s), on the readings of ``constraints.youth``.

Who: employees who are minors on the horizon's first day (as the check selects them); the
group (teen / child) is taken per day with ``constraints.youth.check.group_on``.

* ``AML-11-3-youth-night`` (DOMAIN): no cell reaching into 23:00–06:00 (teen) or 20:00–06:00
  (child); for teens also none in 21:00–23:00 where the site says night work is not required.
  The 8 h off around the teen night follows from the 12 h daily rest below.
* ``AML-11-5-1-youth-break`` (DOMAIN): a shift of more than 4.5 h needs a 30-minute break.
* ``AML-11-2-youth-hours``: no shift longer than the day limit (8 h teen, 2 h child, DOMAIN);
  each fixed 24 h window and fixed week within 8 h / 40 h (child 2 h / 12 h), history included.
* ``AML-11-5-youth-daily-rest``: no two shifts closer than 12 h (14 h child), as the adult rule
  (the strictest group over the horizon is used for the whole horizon).
* ``AML-11-5-youth-weekly-rest``: each fixed week holds 48 h off (clip reading).
"""

from __future__ import annotations

from datetime import date, timedelta

from constraints.kernel import standby
from constraints.kernel.posting import PostContext
from constraints.kernel.rest import forbid_rest_cells, post_rest_pairs, post_weekly_rest
from constraints.kernel.window_caps import post_window_caps
from constraints.youth.check import (
    BREAK_ABOVE_MINUTES,
    BREAK_MINUTES,
    CHILD_NIGHT,
    DAILY_REST_HOURS,
    NO_OVERTIME_FOR_MINORS,
    TEEN_DAY_HOURS,
    TEEN_LATE_EVENING,
    TEEN_NIGHT,
    TEEN_WEEK_HOURS,
    WEEKLY_REST_HOURS,
    Group,
    child_day_hours,
    child_week_hours,
    group_on,
)
from scheduler import calendar as cal
from scheduler import i18n
from scheduler.clock import from_minutes

HOURS = "AML-11-2-youth-hours"
NIGHT = "AML-11-3-youth-night"
DAILY_REST = "AML-11-5-youth-daily-rest"
WEEKLY_REST = "AML-11-5-youth-weekly-rest"
BREAK = "AML-11-5-1-youth-break"
OVERTIME = "AML-11-youth-overtime"


def _minors(ctx: PostContext, rule: str) -> list[int]:
    start = ctx.settings.start
    return [e for e in ctx.employees(rule) if ctx.geo.emps[e].is_minor_on(start)]


def _group(ctx: PostContext, e: int, day: date) -> Group | None:
    return group_on(ctx.geo.emps[e], day)


def _domain_night(ctx: PostContext) -> None:
    geo = ctx.geo
    late_banned = ctx.settings.night_work_permitted_by_nature is False
    for e in _minors(ctx, NIGHT):
        for d, s in list(ctx.candidate_cells(e)):
            ranges = []
            # The night that a shift reaches into may have begun the evening before (the checker
            # judges a night by the day it starts): an early shift on an 18th birthday is still
            # a minor's night.
            first = geo.days[d] - timedelta(days=1)
            for day in (first, geo.days[d], from_minutes(geo.end[d][s] - 1).date()):
                g = _group(ctx, e, day)
                if g == Group.child:
                    ranges.append(CHILD_NIGHT)
                elif g == Group.teen:
                    ranges.append(TEEN_NIGHT)
                    if late_banned:
                        ranges.append(TEEN_LATE_EVENING)
            a0, b0 = geo.start[d][s], geo.end[d][s]
            # The checker's youth night windows: the same object, computed once.
            if any(cal.overlap_minutes(geo.windows.nights(a, b), a0, b0) > 0 for a, b in ranges):
                ctx.forbid(e, d, s, NIGHT, i18n.msg("domain.youth_night", employee=geo.emps[e].id,
                                                    shift=geo.shifts[s].code))


def _domain_break(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in _minors(ctx, BREAK):
        for d, s in list(ctx.candidate_cells(e)):
            if _group(ctx, e, geo.days[d]) is None:
                continue
            if standby.own_work(ctx, e, d, s) > BREAK_ABOVE_MINUTES and geo.shifts[s].break_minutes < BREAK_MINUTES:
                ctx.forbid(e, d, s, BREAK, i18n.msg("domain.youth_break", employee=geo.emps[e].id,
                                                    shift=geo.shifts[s].code))


def _day_cap(ctx: PostContext, e: int, day: date) -> int | None:
    g = _group(ctx, e, day)
    if g is None:
        return None
    return round((child_day_hours(ctx.settings, day) if g == Group.child else TEEN_DAY_HOURS) * 60)


def _week_cap(ctx: PostContext, e: int, start: int) -> int | None:
    g = _group(ctx, e, from_minutes(start).date())
    if g is None:
        return None
    hours = child_week_hours(ctx.settings, start) if g == Group.child else TEEN_WEEK_HOURS
    return round(hours * 60)


def _domain_hours(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in _minors(ctx, HOURS):
        for d, s in list(ctx.candidate_cells(e)):
            cap = _day_cap(ctx, e, geo.days[d])
            if cap is not None and standby.own_work(ctx, e, d, s) > cap:
                ctx.forbid(e, d, s, HOURS, i18n.msg("domain.youth_hours", employee=geo.emps[e].id,
                                                    shift=geo.shifts[s].code, hours=cap / 60))


def _post_hours(ctx: PostContext) -> None:
    geo = ctx.geo
    big = 1 << 30

    def day_of(w) -> date:  # noqa: ANN001
        return from_minutes(w.start).date()

    for e in _minors(ctx, HOURS):
        post_window_caps(ctx, HOURS, e, geo.windows.day, geo.in_day,
                         lambda w, e=e: _day_cap(ctx, e, day_of(w)) or big)
        post_window_caps(ctx, HOURS, e, geo.windows.week, geo.in_week,
                         lambda w, e=e: _week_cap(ctx, e, w.start) or big)


def _rest_minutes(ctx: PostContext, e: int) -> int:
    groups = {_group(ctx, e, d) for d in ctx.geo.days} - {None}
    hours = max((DAILY_REST_HOURS[g] for g in groups), default=DAILY_REST_HOURS[Group.teen])
    return round(hours * 60)


def _domain_daily_rest(ctx: PostContext) -> None:
    for e in _minors(ctx, DAILY_REST):
        forbid_rest_cells(ctx, DAILY_REST, e, _rest_minutes(ctx, e))


def _post_daily_rest(ctx: PostContext) -> None:
    for e in _minors(ctx, DAILY_REST):
        post_rest_pairs(ctx, DAILY_REST, e, _rest_minutes(ctx, e))


def _post_weekly_rest(ctx: PostContext) -> None:
    for e in _minors(ctx, WEEKLY_REST):
        post_weekly_rest(ctx, WEEKLY_REST, e, round(WEEKLY_REST_HOURS * 60))


def _post_overtime(ctx: PostContext) -> None:
    """No overtime tail for an under-18 (``scheduler.solver.overtime`` gives them none; this
    makes the rule's own guarantee explicit)."""
    if ctx.overtime is None or not NO_OVERTIME_FOR_MINORS:
        return
    for e in _minors(ctx, OVERTIME):
        for d, s in ctx.cells(e):
            got = ctx.overtime.ot(e, d, s)
            if got is not None:
                ctx.add(ctx.model.add(got[1] == 0), OVERTIME, e)


DOMAIN = {
    NIGHT: _domain_night,
    BREAK: _domain_break,
    HOURS: _domain_hours,
    DAILY_REST: _domain_daily_rest,
}
POSTS = {
    OVERTIME: _post_overtime,
    HOURS: _post_hours,
    DAILY_REST: _post_daily_rest,
    WEEKLY_REST: _post_weekly_rest,
}
