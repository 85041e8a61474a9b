"""Where the blocks of a § 10-5 averaging arrangement start.

An averaging agreement's blocks (its averaging period, and the 8-week blocks of the 48 h average)
tile from the week start on or before the agreement's ``valid_from``. An agreement without a start
date uses the overtime year (:func:`constraints.kernel.measure.year_anchor`). In the kernel because
the § 10-4 weekly limit and the § 10-5 averaging rules both tile from it.
"""

from __future__ import annotations

from datetime import date

from constraints.base import CheckContext
from constraints.kernel.measure import year_anchor
from scheduler.model import Agreement, Tier


def agreement_for(ctx: CheckContext, emp: str, tier: Tier) -> Agreement | None:
    """The § 10-5 agreement of ``tier`` that applies to ``emp`` within the horizon: an individual
    one before a site-wide one, then the one that started last."""
    s, e = ctx.settings.start, ctx.settings.end
    best: Agreement | None = None
    for a in ctx.agreements:
        if a.family != "10-5" or a.tier != tier:
            continue
        if a.employee is not None and a.employee != emp:
            continue
        if (a.valid_from is not None and a.valid_from > e) or (a.valid_to is not None and a.valid_to < s):
            continue
        key = (a.employee is not None, a.valid_from or date.min)
        if best is None or key > (best.employee is not None, best.valid_from or date.min):
            best = a
    return best


def averaging_anchor(ctx: CheckContext, emp: str, tier: Tier) -> date:
    a = agreement_for(ctx, emp, tier)
    if a is not None and a.valid_from is not None:
        return a.valid_from
    return year_anchor(ctx.settings)
