"""Checks for the opt-in hospital tariff profile (TAR-*); see the package docstring."""

from __future__ import annotations

from datetime import time

from constraints.base import CheckContext, Finding, Severity
from constraints.kernel.sweep import RedStatus, cached, hours, red_day_statuses, timelines
from constraints.kernel.timeline import HOUR, WEEK, Timeline, WindowIndex
from constraints.limits.averaging import AveragingLimits
from constraints.tariff import DAILY_125, PROFILE, WEEK_336, WEEK_355, WEEKEND_FREQ
from scheduler import calendar as cal
from scheduler.clock import from_minutes
from scheduler.i18n import at, msg
from scheduler.model import PeriodKind, Tier

NORMAL_KINDS = frozenset({PeriodKind.planned, PeriodKind.extra})
_EPS = 1e-6
TARIFF_NIGHT = (time(20, 0), time(6, 0))  # NSF FAQ night for the 35.5 h week


def shift_kind(start_minute: int) -> str:
    """day / evening / night by the local start time of a work period."""
    h = from_minutes(start_minute).hour
    if 5 <= h < 11:
        return "day"
    if 11 <= h < 19:
        return "evening"
    return "night"


def weighted_hours(
    tl: Timeline, a: int, b: int, sundays: WindowIndex, nights: WindowIndex
) -> tuple[float, float, float]:
    """(normal, Sunday-only, night) worked minutes inside ``[a, b)``."""
    normal = sunday = night = both = 0.0
    for s in tl.spans_in(a, b):
        if s.kind not in NORMAL_KINDS:
            continue
        s0, s1 = max(s.start, a), min(s.end, b)
        normal += s.worked_in(s0, s1)
        for i in nights.overlapping(s0, s1):
            w = nights.windows[i]
            night += s.worked_in(max(w.start, s0), min(w.end, s1))
        for j in sundays.overlapping(s0, s1):
            sw = sundays.windows[j]
            x0, x1 = max(sw.start, s0), min(sw.end, s1)
            sunday += s.worked_in(x0, x1)
            for i in nights.overlapping(x0, x1):
                w = nights.windows[i]
                both += s.worked_in(max(w.start, x0), min(w.end, x1))
    return normal, sunday - both, night


def check_weeks(ctx: CheckContext) -> list[Finding]:
    """TAR-week-336 and TAR-week-355 (one pass; an employee falls under at most one)."""
    if not ctx.tariff_profile:
        return []
    s = ctx.settings
    a, b = ctx.horizon_start, ctx.horizon_end
    weeks = (b - a) / WEEK
    sundays = WindowIndex(ctx.windows.sunday)
    nights = WindowIndex(ctx.windows.night)
    tariff_nights = WindowIndex(ctx.windows.nights(*TARIFF_NIGHT))
    sunday_idx = [
        i for i, r in enumerate(ctx.windows.red)
        if cal.is_sunday(r.day) and s.start <= r.day <= s.end
    ]
    out: list[Finding] = []
    for emp, tl in timelines(ctx):
        normal, sunday_only, night = weighted_hours(tl, a, b, sundays, nights)
        if normal <= 0:
            continue
        status = red_day_statuses(ctx, emp, tl)
        worked_sundays = sum(1 for i in sunday_idx if status[i] is not RedStatus.off)
        every_third = bool(sunday_idx) and (
            worked_sundays * PROFILE["sunday_every"] >= len(sunday_idx)
        )
        kinds: dict[str, float] = {"day": 0.0, "evening": 0.0, "night": 0.0}
        for blk in tl.blocks_in(a, b):
            kinds[shift_kind(blk.start)] += sum(
                sp.worked_in(a, b) for sp in blk.spans if sp.kind in NORMAL_KINDS
            )
        three_shift = (
            all(v > 0 for v in kinds.values())
            and every_third
            and kinds["day"] + kinds["evening"] >= PROFILE["day_evening_share"] * normal - _EPS
        )
        avg = hours(normal) / weeks
        if three_shift:
            weighted = (
                normal + sunday_only * PROFILE["sunday_uplift"] + night * PROFILE["night_uplift"]
            )
            raw = PROFILE["day_week_hours"] * normal / weighted
            limit = min(PROFILE["rota_week_hours"], max(PROFILE["three_shift_floor_hours"], raw))
            if avg > limit + _EPS:
                out.append(
                    ctx.finding(
                        WEEK_336,
                        emp,
                        a,
                        b,
                        msg("tar.week_336", avg=avg, sunday=hours(sunday_only),
                            night=hours(night), limit=limit, normal=hours(normal),
                            weighted=hours(weighted)),
                        measured=avg,
                        limit=limit,
                    )
                )
            continue
        rota = every_third or _works_tariff_night(tl, a, b, tariff_nights)
        if rota and avg > PROFILE["rota_week_hours"] + _EPS:
            out.append(
                ctx.finding(
                    WEEK_355,
                    emp,
                    a,
                    b,
                    msg("tar.week_355", avg=avg, limit=PROFILE["rota_week_hours"]),
                    measured=avg,
                    limit=PROFILE["rota_week_hours"],
                )
            )
    return out


def _works_tariff_night(tl: Timeline, a: int, b: int, nights: WindowIndex) -> bool:
    """Any work inside the horizon between 20:00 and 06:00."""
    for blk in tl.blocks_in(a, b):
        b0, b1 = max(blk.start, a), min(blk.end, b)
        for i in nights.overlapping(b0, b1):
            w = nights.windows[i]
            if min(w.end, b1) > max(w.start, b0):
                return True
    return False


def check_week_355(ctx: CheckContext) -> list[Finding]:
    return [f for f in cached(ctx, "tar_weeks", lambda: check_weeks(ctx)) if f.rule == WEEK_355.id]


def check_week_336(ctx: CheckContext) -> list[Finding]:
    return [f for f in cached(ctx, "tar_weeks", lambda: check_weeks(ctx)) if f.rule == WEEK_336.id]


def check_daily_125(ctx: CheckContext) -> list[Finding]:
    if not ctx.tariff_profile:
        return []
    cap = PROFILE["max_shift_hours"] * HOUR
    out: list[Finding] = []
    for emp, tl in timelines(ctx):
        for blk in tl.blocks:
            if blk.work <= cap + _EPS or not ctx.in_horizon(blk.start, blk.end):
                continue
            on = from_minutes(blk.start).date()
            if ctx.limits(AveragingLimits.KEY, emp, on).tier is Tier.T4_UNION_INNSTILLINGSRETT:
                continue
            out.append(
                ctx.finding(
                    DAILY_125,
                    emp,
                    blk.start,
                    blk.end,
                    msg("tar.daily_125", start=at(blk.start), end=at(blk.end),
                        hours=hours(blk.work)),
                    measured=hours(blk.work),
                    limit=PROFILE["max_shift_hours"],
                    allowed_by=Tier.T4_UNION_INNSTILLINGSRETT,
                )
            )
    return out


def weekends(ctx: CheckContext) -> list[tuple[int, int, str]]:
    """(start, end, saturday label) for each Saturday+Sunday pair of fixed day windows."""
    out = []
    dw = ctx.windows.day
    for i in range(len(dw) - 1):
        sat = from_minutes(dw[i].start).date()
        if cal.is_saturday(sat):
            out.append((dw[i].start, dw[i + 1].end, dw[i].label))
    return out


def check_weekend_freq(ctx: CheckContext) -> list[Finding]:
    if not ctx.tariff_profile:
        return []
    every = int(PROFILE["weekend_every"])
    wk = weekends(ctx)
    out: list[Finding] = []
    for emp, tl in timelines(ctx):
        worked = [tl.busy(a, b) > 0 for a, b, _ in wk]
        for k, (a, b, label) in enumerate(wk):
            if not worked[k] or not ctx.in_horizon(a, b):
                continue
            prev = [j for j in range(max(0, k - every + 1), k) if worked[j]]
            if not prev:
                continue
            out.append(
                ctx.finding(
                    WEEKEND_FREQ,
                    emp,
                    a,
                    b,
                    msg("tar.weekend_freq", label=label, prev=wk[prev[-1]][2], every=every),
                    measured=k - prev[-1],
                    limit=every,
                    unit="weekends apart",
                    severity=Severity.warning,
                )
            )
    return out


CHECKS = {
    WEEK_355.id: check_week_355,
    WEEK_336.id: check_week_336,
    DAILY_125.id: check_daily_125,
    WEEKEND_FREQ.id: check_weekend_freq,
}
