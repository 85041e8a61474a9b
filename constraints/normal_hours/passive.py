"""§ 10-4 (2): the extension of the normal-hours limits for mainly passive work.

The employer may extend the normal hours by up to half the passive time, at most 2 h per 24 h
and 10 h per 7 days, and never above 48 h normal hours per 7 days. Passive minutes come from the
shift type (``ShiftType.passive_minutes``, carried on each work period); inside a window they
count pro rata to the part of the period in it. The extension applies to the § 10-4 limits (the
default tier); a § 10-5 averaging tier's ceilings are not extended.

The 24 h limit with passive time is the ``10-4`` parameter ``passive_day_hours`` (default 11 h:
9 h + at most 2 h). A stricter row lowers it. A T5 consent (work of a *particularly* passive
character) raises it up to 13 h per 24 h: a window or work period with any passive time is then
allowed the consent's value, without the half-the-passive-time bound (the consent replaces the
extension "beyond this"); the week keeps + 10 h and 48 h.
"""

from __future__ import annotations

import numpy as np

from constraints import limits
from constraints.base import CheckContext
from constraints.kernel.rate import PLANNED, Rate, columns, memo
from scheduler.model import Tier

DAY_EXTRA_MINUTES = 120  # + 2 h per 24 h
WEEK_EXTRA_MINUTES = 600  # + 10 h per 7 days
WEEK_CEILING_HOURS = 48.0  # normal hours never above 48 per 7 days
RULE = "AML-10-4-2-passive"


def passive_rate(ctx: CheckContext, emp: str) -> Rate:
    """Cumulative passive minutes of the employee's planned periods (pro rata), cached."""
    key = ("passive-rate", emp)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        spans = ctx.timelines.get(emp, [])
        cols = columns(ctx, emp)
        passive = np.array([s.passive for s in spans], dtype=np.float64)
        sel = cols.of(PLANNED) & (passive > 0)
        got = c[key] = Rate.of_arrays(cols.start[sel], cols.end[sel], passive[sel])
    return got


def extension_minutes(ctx: CheckContext, emp: str, a: int, b: int, cap: int) -> float:
    """Minutes the limit of the window ``[a, b)`` may be extended: half its passive time, at
    most ``cap``."""
    r = passive_rate(ctx, emp)
    if r.empty:
        return 0.0
    return min(float(cap), r.between(a, b) / 2)


def day_extension_minutes(eff: limits.Effective, base_hours: float, passive: float) -> float:
    """Minutes the daily limit ``base_hours`` of a window / work period with ``passive`` passive
    minutes is extended by, under the ``10-4`` limits ``eff`` in force: half the passive time,
    at most 2 h and at most up to ``passive_day_hours``; under a T5 consent at least up to the
    consent's ``passive_day_hours`` (when there is passive time at all)."""
    if passive <= 0:
        return 0.0
    ceiling = eff.p.passive_day_hours * 60 - base_hours * 60
    statute = max(0.0, min(float(DAY_EXTRA_MINUTES), passive / 2, ceiling))
    if eff.tiers.get("passive_day_hours") == Tier.T5_ARBEIDSTILSYNET:
        return max(statute, ceiling)
    return statute
