"""The § 10-4 (1) normal-hours limits in force, shared by the hour families (kernel).

The statutory 9 h per 24 h and 40 h per 7 days (:data:`constraints.limits.STATUTORY_DAY_HOURS`,
``STATUTORY_WEEK_HOURS``), a site's stricter ``10-4`` value, the § 10-4 (4)-(6) reduced week
(:mod:`constraints.kernel.reduced_week`) and a § 10-5 averaging agreement's limits give the limit
that judges a day or a week: the normal-hours family checks and posts it, § 10-5 averaging
averages it, § 10-6 posts its totals over it (and leaves out a total cap it implies).
"""

from __future__ import annotations

from datetime import date

from constraints import limits
from constraints.kernel.measure import LimitLookup
from constraints.kernel.posting import PostContext
from constraints.kernel.reduced_week import reduced_week
from constraints.limits.averaging import AveragingLimits
from constraints.limits.normal_hours import NormalHoursLimits
from scheduler.model import Tier

DAILY_NORMAL = "AML-10-4-1-daily-normal"
WEEKLY_NORMAL = "AML-10-4-1-weekly-normal"

STATUTORY_DAY = limits.STATUTORY_DAY_HOURS
STATUTORY_WEEK = limits.STATUTORY_WEEK_HOURS


# -- the check side (hours, looked up per employee and minute) -------------------------------


def daily_limit(lk: LimitLookup, emp: str, minute: int) -> float:
    """Planned hours allowed per 24 h / work period for ``emp`` at ``minute``."""
    avg = lk.at(AveragingLimits.KEY, emp, minute)
    if avg.tier == Tier.T0_DEFAULT:
        site = lk.at(NormalHoursLimits.KEY, emp, minute).p.daily_normal_hours
        return min(STATUTORY_DAY, site, avg.p.daily_limit_hours)
    return avg.p.daily_limit_hours


def base_weekly_limit(lk: LimitLookup, emp: str, minute: int) -> float:
    """The § 10-4 weekly limit: 40, the site's stricter value, or the § 10-4 (4)/(5)/(6) limit
    that applies to the employee (``reduced_week.reduced_week``), whichever is lowest."""
    site = min(STATUTORY_WEEK, lk.at(NormalHoursLimits.KEY, emp, minute).p.weekly_normal_hours)
    red = reduced_week(lk.ctx, emp)
    return site if red.limit is None else min(site, red.limit)


def single_week_limit(lk: LimitLookup, emp: str, minute: int) -> float:
    avg = lk.at(AveragingLimits.KEY, emp, minute)
    if avg.tier == Tier.T0_DEFAULT:
        return base_weekly_limit(lk, emp, minute)
    return avg.p.weekly_max_hours


# -- the post side (whole minutes, per employee index and day) -------------------------------


def daily_limit_minutes(ctx: PostContext, e: int, on: date) -> int:
    avg = ctx.limits(AveragingLimits.KEY, e, on)
    if avg.tier == Tier.T0_DEFAULT:
        site = ctx.limits(NormalHoursLimits.KEY, e, on).p.daily_normal_hours
        hours = min(STATUTORY_DAY, site, avg.p.daily_limit_hours)
    else:
        hours = avg.p.daily_limit_hours
    return int(round(hours * 60))


def weekly_limit_minutes(ctx: PostContext, e: int, on: date) -> int:
    avg = ctx.limits(AveragingLimits.KEY, e, on)
    base = min(STATUTORY_WEEK, ctx.limits(NormalHoursLimits.KEY, e, on).p.weekly_normal_hours)
    hours = base if avg.tier == Tier.T0_DEFAULT else avg.p.weekly_max_hours
    return int(round(hours * 60))

