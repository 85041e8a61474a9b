"""Checks for § 10-6 (8): total working time per 24 h, per 7 days on the 8-week average, and the
single-week maximum."""

from __future__ import annotations

from constraints import limits
from constraints.base import CheckContext, Finding, RuleSpec
from constraints.kernel.measure import LimitLookup, blocks_cached
from constraints.kernel.rate import ALL_KINDS, WEEK, rate_of
from constraints.kernel.scans import over_daily, over_windows, span_text
from constraints.limits.averaging import AveragingLimits
from constraints.limits.overtime import OvertimeLimits
from constraints.overtime import RULES
from constraints.overtime.counted import window_word
from scheduler.i18n import msg, term, what_term
from scheduler.model import Tier

SPEC: dict[str, RuleSpec] = {r.id: r for r in RULES}
# Protective reading: the 69 h single-week total applies to everyone (see the docstring).
TOTAL_MAX_WEEK_FOR_EVERYONE = True


def check_total_24h(ctx: CheckContext) -> list[Finding]:
    spec = SPEC["AML-10-6-8-total-24h"]
    lk = LimitLookup(ctx)
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        floor = min(e.p.total_24h_hours for e in lk.all(OvertimeLimits.KEY, emp))

        def limit_at(m: int, emp: str = emp) -> float:
            return lk.at(OvertimeLimits.KEY, emp, m).p.total_24h_hours

        for hit, lim, _rolling, what in over_daily(ctx, emp, ALL_KINDS, floor, limit_at):
            h = hit.minutes / 60
            out.append(
                ctx.finding(
                    spec, emp, hit.start, hit.end,
                    msg("ot.total_24h", emp=emp, hours=h, what=what_term(what),
                        span=span_text(hit.start, hit.end), limit=lim),
                    measured=h, limit=lim,
                    allowed_by=limits.allowed_by(OvertimeLimits.KEY, "total_24h_hours", h),
                )
            )
    return out


TOTAL_AVERAGE_WEEKS = 8


def check_total_7d(ctx: CheckContext) -> list[Finding]:
    spec = SPEC["AML-10-6-8-total-7d"]
    lk = LimitLookup(ctx)
    weeks = TOTAL_AVERAGE_WEEKS
    windows = blocks_cached(ctx, weeks)
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        rate = rate_of(ctx, emp, ALL_KINDS)
        floor = min(e.p.total_7d_hours for e in lk.all(OvertimeLimits.KEY, emp)) * weeks

        def limit_at(m: int, emp: str = emp) -> float:
            return lk.at(OvertimeLimits.KEY, emp, m).p.total_7d_hours * weeks

        for hit, total, rolling in over_windows(ctx, rate, windows, weeks * WEEK, floor, limit_at):
            avg, lim = hit.minutes / 60 / weeks, total / weeks
            partial = hit.end > ctx.horizon_end
            tail = (
                term("ot.total_7d_tail", known=hit.minutes / 60, total=total) if partial else ""
            )
            out.append(
                ctx.finding(
                    spec, emp, hit.start, hit.end,
                    msg("ot.total_7d", emp=emp, avg=avg, what=window_word(weeks, rolling),
                        span=span_text(hit.start, hit.end), limit=lim, tail=tail),
                    measured=avg, limit=lim, unit=f"hours per week ({weeks}-week average)",
                )
            )
    return out


def check_total_max_week(ctx: CheckContext) -> list[Finding]:
    spec = SPEC["AML-10-6-8-total-max-week"]
    lk = LimitLookup(ctx)
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        if not TOTAL_MAX_WEEK_FOR_EVERYONE:
            combined = any(
                e.tier != Tier.T0_DEFAULT and e.tier != Tier.T2_INDIVIDUAL
                for e in lk.all(AveragingLimits.KEY, emp)
            )
            if not combined:
                continue
        rate = rate_of(ctx, emp, ALL_KINDS)
        floor = min(e.p.total_max_week_hours for e in lk.all(OvertimeLimits.KEY, emp))

        def limit_at(m: int, emp: str = emp) -> float:
            return lk.at(OvertimeLimits.KEY, emp, m).p.total_max_week_hours

        for hit, lim, rolling in over_windows(ctx, rate, ctx.windows.week, WEEK, floor, limit_at):
            h = hit.minutes / 60
            out.append(
                ctx.finding(
                    spec, emp, hit.start, hit.end,
                    msg("ot.total_max_week", emp=emp, hours=h, what=window_word(1, rolling),
                        span=span_text(hit.start, hit.end), limit=lim),
                    measured=h, limit=lim,
                )
            )
    return out

