"""CP-SAT posts for § 10-5: the long-run average over the averaging period.

While a § 10-5 agreement of a tier is in force, the planned minutes in each fixed block of the
agreement's ``period_weeks`` (tiled from ``TimeWindows.averaging_anchor``, as the check does),
history included, stay within the § 10-4 weekly limit × the block's weeks (the lowest § 10-4 (4)-(6)
limit the plan could make apply, since that depends on the plan itself). Over a one-month
horizon this rarely binds; it is posted so that a long horizon or heavy history cannot slip
through. Each tier reports under its own rule id (``check.RULE_FOR_TIER``).
"""

from __future__ import annotations

from datetime import timedelta

from constraints.averaging.check import RULE_FOR_TIER
from constraints.kernel.posting import PostContext
from constraints.kernel.reduced_week import lowest_possible_week
from constraints.kernel.window_caps import cells_in_blocks, post_window_caps
from constraints.limits import STATUTORY_WEEK_HOURS as STATUTORY_WEEK
from constraints.limits.averaging import AveragingLimits
from constraints.limits.normal_hours import NormalHoursLimits
from scheduler.clock import from_minutes


def _post(rule_id: str):  # noqa: ANN202
    tiers = {t for t, r in RULE_FOR_TIER.items() if r == rule_id}

    def run(ctx: PostContext) -> None:
        geo, st = ctx.geo, ctx.settings
        for e in ctx.employees(rule_id):
            for tier in sorted({ctx.limits(AveragingLimits.KEY, e, d).tier for d in (st.start, st.end)} & tiers):
                eff = ctx.limits(AveragingLimits.KEY, e)
                weeks = int(eff.p.period_weeks)
                if weeks <= 0:
                    continue
                first = min([st.start - timedelta(days=7)] + [
                    from_minutes(h.start).date() for h in geo.history[e]
                ])
                blocks = geo.windows.averaging_blocks(geo.emps[e].id, tier, first, weeks)
                per_cell = cells_in_blocks(ctx, blocks)
                base = min(STATUTORY_WEEK, ctx.limits(NormalHoursLimits.KEY, e).p.weekly_normal_hours,
                           lowest_possible_week(ctx, e))  # § 10-4 (4)-(6), conservatively
                cap = int(base * 60 * weeks)
                post_window_caps(ctx, rule_id, e, blocks, per_cell, lambda w, cap=cap: cap)

    return run


POSTS = {rule: _post(rule) for rule in sorted(set(RULE_FOR_TIER.values()))}
