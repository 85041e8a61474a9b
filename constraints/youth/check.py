"""Checks for chapter 11 (under-18s): hours, night work, daily and weekly rest, breaks."""

from __future__ import annotations

from datetime import date, time, timedelta
from enum import StrEnum

import numpy as np

from constraints.base import CheckContext, Finding, RuleSpec
from constraints.kernel.rate import ALL_KINDS, EPS, WEEK, local_day, rate_of, window_arrays
from constraints.kernel.scans import over_daily, over_windows, period_table, span_text
from constraints.youth import RULES
from scheduler import calendar as cal
from scheduler.i18n import msg, term, what_term
from scheduler.model import Employee, PeriodKind, Settings

SPEC: dict[str, RuleSpec] = {r.id: r for r in RULES}
HOURS = SPEC["AML-11-2-youth-hours"]
NIGHT = SPEC["AML-11-3-youth-night"]
DAILY_REST = SPEC["AML-11-5-youth-daily-rest"]
WEEKLY_REST = SPEC["AML-11-5-youth-weekly-rest"]
BREAK = SPEC["AML-11-5-1-youth-break"]
OVERTIME = SPEC["AML-11-youth-overtime"]


class Group(StrEnum):
    child = "child"  # under 15, or in compulsory school
    teen = "teen"  # 15-18, not in school


# § 11-2: hours. Children: the school limits on days and in weeks with teaching, the school-free
# limits on Saturdays, Sundays, public holidays and ``Settings.school_holidays`` (see docstring).
TEEN_DAY_HOURS, TEEN_WEEK_HOURS = 8.0, 40.0
CHILD_DAY_HOURS, CHILD_WEEK_HOURS = 2.0, 12.0
CHILD_FREE_DAY_HOURS, CHILD_FREE_WEEK_HOURS = 7.0, 35.0
# UNCONFIRMED (spec § 4, open question 12): no overtime for under-18s (protective reading).
NO_OVERTIME_FOR_MINORS = True
# § 11-3: night windows and the off stretch around the teen night.
TEEN_NIGHT = (time(23, 0), time(6, 0))
CHILD_NIGHT = (time(20, 0), time(6, 0))
TEEN_LATE_EVENING = (time(21, 0), time(23, 0))
TEEN_NIGHT_OFF_MINUTES = 8 * 60
# § 11-5: rest and breaks.
DAILY_REST_HOURS = {Group.teen: 12.0, Group.child: 14.0}
WEEKLY_REST_HOURS = 48.0
BREAK_ABOVE_MINUTES = 270  # 4.5 h, strictly more
BREAK_MINUTES = 30


def _plus_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def group_on(e: Employee, day: date) -> Group | None:
    """The chapter 11 group of ``e`` on ``day``, or ``None`` for an adult."""
    if not e.is_minor_on(day):
        return None
    if e.in_school:
        return Group.child
    if e.birth_date is not None and day < _plus_years(e.birth_date, 15):
        return Group.child
    return Group.teen


def minors(ctx: CheckContext) -> list[tuple[str, Employee]]:
    """Employees who are under 18 on some day of the horizon (18th birthdays only go one way)."""
    out = []
    for emp in sorted(ctx.timelines):
        e = ctx.employee(emp)
        if e.is_minor_on(ctx.settings.start):
            out.append((emp, e))
    return out


def _limit(e: Employee, minute: int, teen: float, child: float) -> float:
    g = group_on(e, local_day(minute))
    if g is None:
        return float("inf")
    return teen if g == Group.teen else child


def school_day(settings: Settings, day: date) -> bool:
    """A day with teaching: Monday to Friday, no public holiday, outside the school holidays
    (weekdays not listed as school-free are assumed to be school days: protective)."""
    if cal.is_weekend(day) or cal.is_red_day(day):
        return False
    return not any(a <= day <= b for a, b in settings.school_holidays)


def child_day_hours(settings: Settings, day: date) -> float:
    return CHILD_DAY_HOURS if school_day(settings, day) else CHILD_FREE_DAY_HOURS


def child_week_hours(settings: Settings, start: int, length: int = WEEK) -> float:
    """The week limit of the 7 days ``[start, start + length)``: 12 h when any day it touches
    has teaching, else 35 h."""
    first, last = local_day(start), local_day(start + length - 1)
    n = (last - first).days
    if any(school_day(settings, first + timedelta(days=i)) for i in range(n + 1)):
        return CHILD_WEEK_HOURS
    return CHILD_FREE_WEEK_HOURS


# --------------------------------------------------------------------------------------------
# § 11-2 hours


def check_hours(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for emp, e in minors(ctx):

        def day_limit(m: int, e: Employee = e) -> float:
            return _limit(e, m, TEEN_DAY_HOURS, child_day_hours(ctx.settings, local_day(m)))

        def week_limit(m: int, e: Employee = e) -> float:
            return _limit(e, m, TEEN_WEEK_HOURS, child_week_hours(ctx.settings, m))

        for hit, lim, _rolling, what in over_daily(ctx, emp, ALL_KINDS, CHILD_DAY_HOURS, day_limit):
            h = hit.minutes / 60
            out.append(
                ctx.finding(
                    HOURS, emp, hit.start, hit.end,
                    msg("youth.day_hours", emp=emp, hours=h, what=what_term(what),
                        span=span_text(hit.start, hit.end), limit=lim),
                    measured=h, limit=lim,
                )
            )
        rate = rate_of(ctx, emp, ALL_KINDS)
        for hit, lim, rolling in over_windows(
            ctx, rate, ctx.windows.week, WEEK, CHILD_WEEK_HOURS, week_limit
        ):
            h = hit.minutes / 60
            what = term("term.rolling_7_day_window" if rolling else "term.7_day_window")
            out.append(
                ctx.finding(
                    HOURS, emp, hit.start, hit.end,
                    msg("youth.week_hours", emp=emp, hours=h, what=what,
                        span=span_text(hit.start, hit.end), limit=lim),
                    measured=h, limit=lim,
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# § 11-3 night work


def _nights(ctx: CheckContext, start: time, end: time) -> list[cal.Window]:
    return ctx.windows.nights(start, end)


def check_night(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    late_evening_banned = ctx.settings.night_work_permitted_by_nature is False
    for emp, e in minors(ctx):
        rate = rate_of(ctx, emp, ALL_KINDS)
        if rate.empty:
            continue
        table = period_table(ctx, emp)
        for grp, (a, b) in ((Group.child, CHILD_NIGHT), (Group.teen, TEEN_NIGHT)):
            ws, we = window_arrays(ctx, _nights(ctx, a, b))
            worked = rate.sums(ws, we)
            for i in range(len(ws)):
                w0, w1 = int(ws[i]), int(we[i])
                if group_on(e, local_day(w0)) != grp:
                    continue
                if worked[i] > EPS:
                    out.append(
                        ctx.finding(
                            NIGHT, emp, w0, w1,
                            msg("youth.night_work", emp=emp, group=term(f"youth.group.{grp.value}"),
                                hours=worked[i] / 60, span=span_text(w0, w1)),
                            measured=worked[i] / 60, limit=0.0,
                        )
                    )
                elif grp == Group.teen:
                    off = _off_around(table.start, table.end, w0, w1)
                    if off < TEEN_NIGHT_OFF_MINUTES:
                        out.append(
                            ctx.finding(
                                NIGHT, emp, w0, w1,
                                msg("youth.night_off", emp=emp, hours=off / 60,
                                    span=span_text(w0, w1)),
                                measured=off / 60, limit=TEEN_NIGHT_OFF_MINUTES / 60,
                            )
                        )
        if late_evening_banned:
            ws, we = window_arrays(ctx, _nights(ctx, *TEEN_LATE_EVENING))
            worked = rate.sums(ws, we)
            for i in np.nonzero(worked > EPS)[0]:
                w0, w1 = int(ws[i]), int(we[i])
                if group_on(e, local_day(w0)) != Group.teen:
                    continue
                out.append(
                    ctx.finding(
                        NIGHT, emp, w0, w1,
                        msg("youth.late_evening", emp=emp, hours=worked[i] / 60,
                            span=span_text(w0, w1)),
                        measured=worked[i] / 60, limit=0.0,
                    )
                )
    return out


def _off_around(starts: np.ndarray, ends: np.ndarray, w0: int, w1: int) -> float:
    """Off-duty minutes from the last work before ``w0`` to the first work after ``w1`` (no work
    inside ``[w0, w1)``)."""
    i = int(np.searchsorted(starts, w0, side="right")) - 1
    j = int(np.searchsorted(starts, w1, side="left"))
    prev_end = int(ends[i]) if i >= 0 else None
    next_start = int(starts[j]) if j < len(starts) else None
    if prev_end is None or next_start is None:
        return float("inf")
    return float(next_start - prev_end)


# --------------------------------------------------------------------------------------------
# § 11-5 rest


def _longest_off(starts: list[int], ends: list[int], w0: int, w1: int, first: int) -> int:
    """Longest off stretch inside ``[w0, w1)``; ``first`` = index of the first period that
    ends after ``w0``. Work periods are disjoint and sorted."""
    longest, t, k = 0, w0, first
    while k < len(starts) and starts[k] < w1:
        if starts[k] > t:
            longest = max(longest, starts[k] - t)
        t = max(t, ends[k])
        k += 1
    if t < w1:
        longest = max(longest, w1 - t)
    return longest


def check_daily_rest(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for emp, e in minors(ctx):
        t = period_table(ctx, emp)
        starts, ends = t.start.tolist(), t.end.tolist()
        for i, s in enumerate(starts):
            w1 = s + 24 * 60
            if not ctx.in_horizon(s, w1):
                continue
            g = group_on(e, local_day(s))
            if g is None:
                continue
            need = DAILY_REST_HOURS[g]
            off = _longest_off(starts, ends, s, w1, i)
            if off < need * 60:
                out.append(
                    ctx.finding(
                        DAILY_REST, emp, s, w1,
                        msg("youth.daily_rest", emp=emp, hours=off / 60, span=span_text(s, w1),
                            need=need),
                        measured=off / 60, limit=need,
                    )
                )
    return out


def check_weekly_rest(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    need = WEEKLY_REST_HOURS * 60
    for emp, e in minors(ctx):
        t = period_table(ctx, emp)
        starts, ends = t.start.tolist(), t.end.tolist()
        if not starts:
            continue
        windows = [(w.start, w.end, False) for w in ctx.windows_in_horizon(ctx.windows.week)]
        if ctx.strict:
            windows += [(s, s + 7 * 24 * 60, True) for s in starts if ctx.in_horizon(s, s + 7 * 24 * 60)]
        for w0, w1, rolling in windows:
            if group_on(e, local_day(w0)) is None:
                continue
            first = int(np.searchsorted(t.end, w0, side="right"))
            off = _longest_off(starts, ends, w0, w1, first)
            if off < need:
                what = term("youth.weekly_rest_rolling" if rolling else "youth.weekly_rest_window")
                out.append(
                    ctx.finding(
                        WEEKLY_REST, emp, w0, w1,
                        msg("youth.weekly_rest", emp=emp, hours=off / 60, what=what,
                            span=span_text(w0, w1), need=WEEKLY_REST_HOURS),
                        measured=off / 60, limit=WEEKLY_REST_HOURS,
                    )
                )
    return out


# --------------------------------------------------------------------------------------------
# § 11-5 (1) breaks


def check_break(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for emp, e in minors(ctx):
        t = period_table(ctx, emp)
        recorded = ~np.isnan(t.breaks)
        work = t.of(ALL_KINDS)
        bad = t.in_horizon & recorded & (work > BREAK_ABOVE_MINUTES + EPS)
        bad &= np.where(recorded, t.breaks, 0.0) < BREAK_MINUTES
        for i in np.nonzero(bad)[0]:
            s, en = int(t.start[i]), int(t.end[i])
            if group_on(e, local_day(s)) is None:
                continue
            out.append(
                ctx.finding(
                    BREAK, emp, s, en,
                    msg("youth.break", emp=emp, hours=work[i] / 60, span=span_text(s, en),
                        brk=int(t.breaks[i]), need=BREAK_MINUTES),
                    measured=float(t.breaks[i]), limit=float(BREAK_MINUTES), unit="minutes",
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# Overtime (spec § 4, UNCONFIRMED)


def check_overtime(ctx: CheckContext) -> list[Finding]:
    """Every overtime period of an employee who is under 18 on its first day."""
    out: list[Finding] = []
    if not NO_OVERTIME_FOR_MINORS:
        return out
    for emp, e in minors(ctx):
        for sp in ctx.timelines.get(emp, []):
            if sp.kind != PeriodKind.overtime or sp.history or sp.work <= 0:
                continue
            if not ctx.in_horizon(sp.start, sp.end) or not e.is_minor_on(local_day(sp.start)):
                continue
            h = sp.work / 60
            out.append(
                ctx.finding(
                    OVERTIME, emp, sp.start, sp.end,
                    msg("youth.overtime", emp=emp, hours=h, span=span_text(sp.start, sp.end)),
                    measured=h, limit=0.0,
                )
            )
    return out


CHECKS = {
    OVERTIME.id: check_overtime,
    HOURS.id: check_hours,
    NIGHT.id: check_night,
    DAILY_REST.id: check_daily_rest,
    WEEKLY_REST.id: check_weekly_rest,
    BREAK.id: check_break,
}
