"""The price of overtime (tier ``overtime``) and of extra hours (the contract tier).

A mixin of :class:`scheduler.solver.overtime.Overtime`: the fixed charge per employee and week,
the per-minute price with its nudge towards the week's last shifts, and the extra hours'
supplement; the reasoning is in :mod:`scheduler.solver.overtime`'s docstring.
"""

from __future__ import annotations

import bisect

from ortools.sat.python import cp_model

from constraints.kernel.posting import Key, PostContext, tail_minutes
from scheduler.solver.objective import SCALE, Objective, contract_target_minutes
from scheduler.solver.overtime_tail import _starts

FIXED_SOFT_LEGAL = 2  # a shift carrying overtime costs this many soft-legal breaches
LONGEST_TAIL_HOURS = 17  # > the longest shift any tier allows (16 h): keeps cover < uncovered


class Pricing:
    """Overtime's methods that price it (``self`` is an
    :class:`~scheduler.solver.overtime.Overtime`)."""

    ctx: PostContext
    k: dict[Key, cp_model.IntVar]
    has: dict[tuple[int, int], cp_model.IntVar]
    excess: list[tuple[int, cp_model.IntVar]]

    def price(self, obj: Objective) -> None:
        """Overtime in its own tier; extra hours' tariff supplement in the contract tier."""
        ctx = self.ctx
        w, st = ctx.problem.weights, ctx.settings
        fixed = FIXED_SOFT_LEGAL * w.soft_legal
        factor = min(1.0, (1 + st.overtime_premium_pct / 100) / 2)
        per_hour = max(1.0, (w.uncovered - fixed) * factor / LONGEST_TAIL_HOURS)
        geo = ctx.geo
        dearest = max((x.hourly_cost or 0.0 for x in geo.emps), default=0.0)
        starts = _starts(geo, geo.windows.week)
        for (e, d, s), k in sorted(self.k.items()):
            cost = geo.emps[e].hourly_cost
            rel = cost / dearest if cost is not None and dearest > 0 else 1.0
            q = self.tail(e, d, s).unit_work
            # Days from the shift's end to the end of its week: a nudge of one objective unit
            # per minute and day, so overtime goes to the week's last shifts the caps allow.
            week = geo.windows.week[bisect.bisect_right(starts, geo.end[d][s] - 1) - 1]
            nudge = max(0, week.end - geo.end[d][s]) // (24 * 60)
            # SCALE units per minute = the price per hour (SCALE is 60).
            obj.add("overtime", max(1, round(per_hour * rel * SCALE / 60)) * q + nudge * q, k)
        for h in self.has.values():
            obj.add("overtime", fixed * SCALE, h)
        coef = round(w.contract_deviation * st.extra_hours_supplement_pct / 100)
        if coef > 0:
            self._extra_excess(obj, coef)

    def _extra_excess(self, obj: Objective, coef: int) -> None:
        """Extra minutes (worked − overtime − contract over the horizon) at the supplement."""
        ctx, geo, m = self.ctx, self.ctx.geo, self.ctx.model
        for e in ctx.active:
            cells = ctx.cells(e)
            if not self.marks_extra(e) or not cells:
                continue
            target = contract_target_minutes(ctx, e)
            hi = sum(geo.work[d][s] for d, s in cells)
            if hi <= target:
                continue
            ot = [(q, v, 0) for c in cells if (got := self.ot(e, *c)) is not None
                  for q, v in [got]]
            ex = m.new_int_var(0, hi - target, f"extra[{e}]")
            worked = ctx.minutes(e, (((d, s), geo.work[d][s]) for d, s in cells))
            m.add(ex >= worked - tail_minutes(ot) - target)
            obj.add("contract", coef, ex)
            self.excess.append((e, ex))
