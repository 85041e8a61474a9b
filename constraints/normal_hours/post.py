"""CP-SAT posts for § 10-4 (1) normal hours (limits as in ``constraints.normal_hours.check``).

A plan never contains overtime, so the planned minutes stay within the normal-hours limit in
force:

* ``AML-10-4-1-daily-normal``: a shift (one continuous work period; consecutive shifts never
  touch because of the daily rest) longer than the daily limit is never given (DOMAIN); the
  minutes in each fixed 24 h window (history carry-in included) stay within the limit in force at
  the window start.
* ``AML-10-4-4-weekly-38``, ``AML-10-4-5-weekly-36``, ``AML-10-4-6-three-shift``: see
  :mod:`constraints.normal_hours.post_reduced`.
* ``AML-10-4-2-passive``: on the default tier a shift may be longer than the daily limit by half
  its passive minutes (at most 2 h, and at most up to ``passive_day_hours``), and each day / week
  cap is raised by half the passive minutes in it (rounded down; at most 2 h / 10 h, the week
  never above 48 h). Under a T5 consent the day cap is raised to the consent's
  ``passive_day_hours`` as soon as a shift with passive time in the window is given.
* ``AML-10-4-3-standby``: a shift on call from home counts its standby share in every window
  sum (``Geometry.work`` at the strictest share stated, scaled to the employee's own share by
  ``PostContext.minutes``: ``constraints.kernel.standby``).
* ``AML-10-4-1-weekly-normal``: the minutes in each fixed week stay within the single-week limit
  in force at the week start; while a § 10-5 agreement is in force, each fixed 8-week block
  (tiled from ``TimeWindows.averaging_anchor``) stays within ``weekly_limit_hours`` × 8.

Minutes per window are the checker's pro-rata measure rounded up (see
``constraints.kernel.geometry``), so a solver sum within the limit is within it for the checker.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from constraints.kernel import standby
from constraints.kernel.normal_limits import (
    DAILY_NORMAL,
    WEEKLY_NORMAL,
    daily_limit_minutes,
    weekly_limit_minutes,
)
from constraints.kernel.posting import PostContext
from constraints.kernel.window_caps import cells_in_blocks, post_window_caps
from constraints.limits.averaging import AveragingLimits
from constraints.limits.normal_hours import NormalHoursLimits
from constraints.normal_hours.passive import (
    DAY_EXTRA_MINUTES,
    WEEK_CEILING_HOURS,
    WEEK_EXTRA_MINUTES,
    day_extension_minutes,
)
from constraints.normal_hours.post_reduced import POSTS as REDUCED_POSTS
from scheduler import i18n
from scheduler.clock import from_minutes
from scheduler.model import Tier

DAILY = DAILY_NORMAL
WEEKLY = WEEKLY_NORMAL


def _day_of(minute: int) -> date:
    return from_minutes(minute).date()


def _default_tier(ctx: PostContext, e: int, w) -> bool:  # noqa: ANN001
    """Is the window judged on the default § 10-5 tier (where § 10-4 (2) extends the limit)?"""
    return ctx.limits(AveragingLimits.KEY, e, _day_of(w.start)).tier == Tier.T0_DEFAULT


def _domain_daily(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(DAILY):
        for d, s in list(ctx.candidate_cells(e)):
            on = _day_of(geo.start[d][s])
            work = standby.own_work(ctx, e, d, s)  # on call from home at e's own share
            lim = daily_limit_minutes(ctx, e, on)
            passive = geo.shifts[s].passive_minutes
            if passive and ctx.limits(AveragingLimits.KEY, e, on).tier == Tier.T0_DEFAULT:  # § 10-4 (2)
                lim += int(day_extension_minutes(ctx.limits(NormalHoursLimits.KEY, e, on), lim / 60, passive))
            if work > lim and not (  # with overtime on, the excess may be overtime
                    ctx.overtime is not None and ctx.overtime.can_stretch(e, d, s, lim)):
                ctx.forbid(e, d, s, DAILY, i18n.msg(
                    "domain.daily_limit", shift=geo.shifts[s].code, day=geo.days[d].isoformat(),
                    hours=work / 60, limit=lim / 60))



def _day_passive(ctx: PostContext, e: int, w) -> tuple[int, bool]:  # noqa: ANN001
    """(extra cap in minutes, T5 consent) of a day window (``passive.day_extension_minutes``)."""
    on = _day_of(w.start)
    eff = ctx.limits(NormalHoursLimits.KEY, e, on)
    ceiling = int(math.floor(eff.p.passive_day_hours * 60)) - daily_limit_minutes(ctx, e, on)
    if eff.tiers.get("passive_day_hours") == Tier.T5_ARBEIDSTILSYNET:
        return max(0, ceiling), True
    return max(0, min(DAY_EXTRA_MINUTES, ceiling)), False


def _post_daily(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(DAILY):
        post_window_caps(
            ctx, DAILY, e, geo.windows.day, geo.in_day,
            lambda w, e=e: daily_limit_minutes(ctx, e, _day_of(w.start)),
            passive=(lambda w, e=e: _day_passive(ctx, e, w), None,
                     lambda w, e=e: _default_tier(ctx, e, w)),
        )


def _post_weekly(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(WEEKLY):
        post_window_caps(
            ctx, WEEKLY, e, geo.windows.week, geo.in_week,
            lambda w, e=e: weekly_limit_minutes(ctx, e, _day_of(w.start)),
            passive=(lambda w: (WEEK_EXTRA_MINUTES, False), int(WEEK_CEILING_HOURS * 60),
                     lambda w, e=e: _default_tier(ctx, e, w)),
        )
        _post_eight_week(ctx, e)



def _post_eight_week(ctx: PostContext, e: int) -> None:
    geo = ctx.geo
    s = ctx.settings
    tiers = {ctx.limits(AveragingLimits.KEY, e, d).tier for d in (s.start, s.end)}
    for tier in sorted(t for t in tiers if t != Tier.T0_DEFAULT):
        eff = ctx.limits(AveragingLimits.KEY, e)
        weeks = int(eff.p.average_weeks) or 8
        first = min([s.start - timedelta(days=7)] + [
            from_minutes(h.start).date() for h in geo.history[e]
        ])
        blocks = geo.windows.averaging_blocks(geo.emps[e].id, tier, first, weeks)
        per_cell = cells_in_blocks(ctx, blocks)
        cap = int(eff.p.weekly_limit_hours * weeks * 60)
        post_window_caps(ctx, WEEKLY, e, blocks, per_cell, lambda w, cap=cap: cap)


DOMAIN = {DAILY: _domain_daily}
# AML-10-4-2-passive is posted with the daily and weekly caps (their ``passive`` extension) and
# the daily DOMAIN; AML-10-4-3-standby is in the geometry (``constraints.spans.counted_work``).
POSTS = {DAILY: _post_daily, WEEKLY: _post_weekly, **REDUCED_POSTS}
