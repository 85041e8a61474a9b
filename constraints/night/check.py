"""Checks for § 10-11 night work and the § 10-2 right to be excused from it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Any

from constraints import limits
from constraints.base import CheckContext, Finding, Severity
from constraints.kernel.sweep import cached, hours, limits_for, permission_findings, timelines
from constraints.kernel.timeline import DAY, HOUR, WEEK, Timeline, WindowIndex
from constraints.limits.night import NightLimits
from constraints.night import (
    NIGHT_AVG,
    NIGHT_EXEMPT,
    NIGHT_RISK,
    PERMITTED,
    WEEKLY_REST_OUT_MINUTES,
)
from constraints.windows import is_night_shift
from scheduler.i18n import at, msg, term
from scheduler.model import PeriodKind

NORMAL_KINDS = frozenset({PeriodKind.planned, PeriodKind.extra})
_EPS = 1e-6


def night_profile(tl: Timeline, nights: WindowIndex) -> tuple[dict[int, float], list[float]]:
    """Worked minutes per night window index, and night minutes per continuous block."""
    return tl.worked_in_windows(nights)


def night_index(ctx: CheckContext) -> WindowIndex:
    """``ctx.windows.night`` indexed, once per check run."""
    return cached(ctx, "night_index", lambda: WindowIndex(ctx.windows.night))


# --------------------------------------------------------------------------------------------
# § 10-11 (2) permitted, § 10-2 excused


def check_permitted(ctx: CheckContext) -> list[Finding]:
    nature = ctx.settings.night_work_permitted_by_nature
    if nature is True:
        return []
    nights = night_index(ctx)

    def hits():  # noqa: ANN202
        for emp, tl in timelines(ctx):
            per_window, _ = night_profile(tl, nights)
            for i in sorted(per_window):
                w = nights.windows[i]
                if ctx.in_horizon(w.start, w.end):
                    yield emp, w, per_window[i]

    return permission_findings(
        ctx, PERMITTED, NightLimits.KEY, "night_work_agreed", nature, hits(),
        lambda w, worked: msg("night.not_permitted", hours=hours(worked), start=at(w.start)),
        "night.unknown",
    )


def check_night_exempt(ctx: CheckContext) -> list[Finding]:
    nights = night_index(ctx)
    out: list[Finding] = []
    for emp, tl in timelines(ctx, skip_exempt=False):
        if ctx.employee(emp).night_work_allowed:
            continue
        per_window, _ = night_profile(tl, nights)
        for i in sorted(per_window):
            w = nights.windows[i]
            if not ctx.in_horizon(w.start, w.end):
                continue
            out.append(
                ctx.finding(
                    NIGHT_EXEMPT,
                    emp,
                    w.start,
                    w.end,
                    msg("night.exempt", hours=hours(per_window[i]), start=at(w.start)),
                    measured=hours(per_window[i]),
                    limit=0,
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# § 10-11 (6) average for regular night workers


def check_night_avg(ctx: CheckContext) -> list[Finding]:
    blocks4 = ctx.windows.night_blocks
    nights = night_index(ctx)
    out: list[Finding] = []
    for emp, tl in timelines(ctx):
        lim = limits_for(ctx, NightLimits.KEY, emp)
        _, per_block = night_profile(tl, nights)
        # Normal work of the spans before each span, exact: a bound for tl.worked below.
        before = [0, *accumulate(s.work if s.kind in NORMAL_KINDS else 0 for s in tl.spans)]
        for p in blocks4:
            cs, ce = max(p.start, ctx.horizon_start), min(p.end, ctx.horizon_end)
            if ce <= cs:
                continue
            lo, hi = bisect_left(tl.b_starts, cs), bisect_left(tl.b_starts, ce)
            if hi == lo:
                continue
            n_night = sum(1 for i in range(lo, hi) if is_night_shift(per_block[i]))
            eff = lim.on(cs)
            share = eff.p.night_regular_share
            if n_night == 0 or n_night < share * (hi - lo) - _EPS:
                continue
            length = ce - cs
            periods = (length - length * WEEKLY_REST_OUT_MINUTES / WEEK) / DAY  # 24 h periods
            cap = eff.p.night_avg_hours
            limit_min = cap * HOUR * periods
            reach = before[bisect_left(tl.starts, ce)] - before[bisect_right(tl.max_end, cs)]
            if reach <= limit_min:
                continue  # all the work of the spans that reach into the block is within it
            normal = tl.worked(cs, ce, NORMAL_KINDS)
            if normal <= limit_min + _EPS:
                continue
            full = cs == p.start and ce == p.end
            avg = hours(normal) / periods
            part = "" if full else term("night.avg_partial")
            out.append(
                ctx.finding(
                    NIGHT_AVG,
                    emp,
                    cs,
                    ce,
                    msg("night.avg", n_night=n_night, n_periods=hi - lo, normal=hours(normal),
                        start=at(cs), end=at(ce), avg=avg, cap=cap, limit=hours(limit_min),
                        part=part),
                    measured=hours(normal),
                    limit=hours(limit_min),
                    severity=Severity.violation if full else Severity.warning,
                    allowed_by=limits.allowed_by(NightLimits.KEY, "night_avg_hours", avg),
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# § 10-11 (7) cap for risky or straining night work


def check_night_risk(ctx: CheckContext) -> list[Finding]:
    nights = night_index(ctx)
    days = WindowIndex(ctx.windows.day)
    out: list[Finding] = []
    for emp, tl in timelines(ctx):
        if not ctx.employee(emp).high_risk_night:
            continue
        lim = limits_for(ctx, NightLimits.KEY, emp)
        _, per_block = night_profile(tl, nights)
        seen_days: set[int] = set()
        for i, b in enumerate(tl.blocks):
            if not is_night_shift(per_block[i]) or not ctx.in_horizon(b.start, b.end):
                continue
            cap = lim.on(b.start).p.night_risk_hours
            cap_min = cap * HOUR
            flagged = False
            if b.work > cap_min + _EPS:
                flagged = True
                out.append(_risk(ctx, emp, b.start, b.end, b.work, cap,
                                 term("night.risk_period")))
            for d in days.overlapping(b.start, b.end):
                w = days.windows[d]
                if d in seen_days or not ctx.in_horizon(w.start, w.end):
                    continue
                seen_days.add(d)
                worked = tl.worked(w.start, w.end)
                if worked > cap_min + _EPS:
                    flagged = True
                    out.append(_risk(ctx, emp, w.start, w.end, worked, cap,
                                     term("night.risk_day", label=w.label)))
            if ctx.strict and not flagged:
                best, t_best = _rolling_max(tl, b.start, b.end)
                if best > cap_min + _EPS:
                    out.append(_risk(ctx, emp, t_best, t_best + DAY, best, cap,
                                     term("night.risk_rolling"), Severity.warning))
    return out


def _rolling_max(tl: Timeline, a: int, b: int) -> tuple[float, int]:
    """Most work in a 24 h window overlapping ``[a, b)`` (window edges at span edges)."""
    near = list(tl.spans_in(a - DAY, b + DAY))
    best, t_best = 0.0, a
    for t in {s.start for s in near} | {s.end - DAY for s in near}:
        if t >= b or t + DAY <= a:
            continue
        v = tl.worked(t, t + DAY)
        if v > best:
            best, t_best = v, t
    return best, t_best


def _risk(
    ctx: CheckContext,
    emp: str,
    a: int,
    b: int,
    worked: float,
    cap: float,
    what: dict[str, Any],
    severity: Severity = Severity.violation,
) -> Finding:
    return ctx.finding(
        NIGHT_RISK,
        emp,
        a,
        b,
        msg("night.risk", hours=hours(worked), what=what, start=at(a), end=at(b), cap=cap),
        measured=hours(worked),
        limit=cap,
        severity=severity,
        allowed_by=limits.allowed_by(NightLimits.KEY, "night_risk_hours", hours(worked)),
    )


CHECKS = {
    PERMITTED.id: check_permitted,
    NIGHT_EXEMPT.id: check_night_exempt,
    NIGHT_AVG.id: check_night_avg,
    NIGHT_RISK.id: check_night_risk,
}
