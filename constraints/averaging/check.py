"""Checks for § 10-5: the average of planned hours over the averaging period."""

from __future__ import annotations

from collections.abc import Callable

from constraints.averaging import RULES
from constraints.base import CheckContext, Finding, RuleSpec
from constraints.kernel.measure import LimitLookup, blocks_cached
from constraints.kernel.normal_limits import base_weekly_limit
from constraints.kernel.rate import PLANNED, WEEK, rate_of
from constraints.kernel.scans import over_windows, span_text
from constraints.limits.averaging import AveragingLimits
from scheduler.i18n import msg, term
from scheduler.model import Tier

SPEC: dict[str, RuleSpec] = {r.id: r for r in RULES}

# Which rule id reports the average for each tier in force.
RULE_FOR_TIER: dict[Tier, str] = {
    Tier.T2_INDIVIDUAL: "AML-10-5-1-avg-individual",
    Tier.T3_TARIFF_REPS: "AML-10-5-2-avg-tariff",
    Tier.T4_UNION_INNSTILLINGSRETT: "AML-10-5-2-avg-tariff",
    Tier.T5_ARBEIDSTILSYNET: "AML-10-5-3-avg-labour-inspection",
}


def _check(rule_id: str) -> Callable[[CheckContext], list[Finding]]:
    spec = SPEC[rule_id]
    tiers = {t for t, r in RULE_FOR_TIER.items() if r == rule_id}

    def check(ctx: CheckContext) -> list[Finding]:
        lk = LimitLookup(ctx)
        out: list[Finding] = []
        for emp in sorted(ctx.timelines):
            segs = [e for e in lk.all(AveragingLimits.KEY, emp) if e.tier in tiers]
            if not segs:
                continue
            rate = rate_of(ctx, emp, PLANNED)
            if rate.empty:
                continue
            seen: set[tuple[int, int]] = set()
            for eff in segs:
                weeks = int(eff.p.period_weeks)
                if weeks <= 0:
                    continue
                windows = blocks_cached(ctx, weeks, ctx.windows.averaging_anchor(emp, eff.tier))

                def limit_at(
                    m: int, weeks: int = weeks, tier: Tier = eff.tier, emp: str = emp
                ) -> float:
                    if lk.at(AveragingLimits.KEY, emp, m).tier != tier:
                        return float("inf")
                    return base_weekly_limit(lk, emp, m) * weeks

                floor = 36.0 * weeks  # the lowest § 10-4 week; exact limit checked per block
                for hit, total, rolling in over_windows(
                    ctx, rate, windows, weeks * WEEK, floor, limit_at
                ):
                    if (hit.start, hit.end) in seen:
                        continue
                    seen.add((hit.start, hit.end))
                    avg = hit.minutes / 60 / weeks
                    lim = total / weeks
                    what = term("term.rolling_n_week_window" if rolling
                                else "term.n_week_averaging_block", weeks=weeks)
                    partial = hit.end > ctx.horizon_end or hit.start < ctx.horizon_start
                    tail = (
                        term("avg.over_tail", known=hit.minutes / 60, total=total)
                        if partial else ""
                    )
                    out.append(
                        ctx.finding(
                            spec, emp, hit.start, hit.end,
                            msg("avg.over", emp=emp, avg=avg, what=what,
                                span=span_text(hit.start, hit.end), tier=eff.tier.value,
                                limit=lim, tail=tail),
                            measured=avg, limit=lim, unit=f"hours per week ({weeks}-week average)",
                        )
                    )
        return out

    return check


CHECKS = {rule_id: _check(rule_id) for rule_id in SPEC}
