"""§ 10-4 (3) in the solver: an employee's own share of on-call time from home.

The geometry counts every on-call cell from home with the strictest share any agreement states
(``Geometry.standby_share``), so whatever sums the geometry's minutes directly never counts less
than the checker. :func:`scales` gives, per employee whose share (``10-4`` ``standby_share`` in
force on the shift's day) is lower, the factor ``own / geometry`` of each such cell;
``PostContext.minutes`` applies it to a window's minutes, rounded up. The checker measures
``overlap × own work / elapsed``, and the geometry's minutes are at least
``overlap × geometry work / elapsed``, so the scaled minutes are never below the checker's (and
equal to them for a whole shift).
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from constraints import limits as lim
from constraints.kernel.geometry import Cell, Geometry
from constraints.limits.normal_hours import NormalHoursLimits
from constraints.spans import counted_work, standby_fraction
from scheduler.model import OnCall

Scale = dict[Cell, tuple[int, int]]


class PostContext(Protocol):
    """What this module reads of ``constraints.kernel.posting.PostContext`` (which calls it)."""

    geo: Geometry

    def limits(self, family: str, e: int, on: date | None = None) -> lim.Effective: ...


def scales(ctx: PostContext, e: int) -> Scale:
    """``{cell: (own minutes, geometry minutes)}`` of ``e``'s on-call cells from home whose
    share differs from the geometry's (empty for almost everyone; cached per employee)."""
    geo = ctx.geo
    key = ("standby-scale", e)
    got = geo.cache.get(key)
    if got is not None:
        return got
    got = {}
    home = [s for s, st in enumerate(geo.shifts) if st.on_call == OnCall.home]
    if home and any(a.family == NormalHoursLimits.KEY and "standby_share" in a.params
                    for a in geo.problem.agreements):
        for d, day in enumerate(geo.days):
            share = standby_fraction(ctx.limits(NormalHoursLimits.KEY, e, day).p.standby_share)
            if share == geo.standby_share:
                continue
            for s in home:
                st = geo.shifts[s]
                if geo.work[d][s] == 0:
                    continue
                unpaid = 0 if st.break_counts_as_work else st.break_minutes
                own = counted_work(geo.end[d][s] - geo.start[d][s], unpaid, OnCall.home, share)
                got[(d, s)] = (own, geo.work[d][s])
    geo.cache[key] = got
    return got


def scaled(scale: Scale, terms):  # noqa: ANN001, ANN201
    """``terms`` (``(cell, minutes)``) with the cells of ``scale`` scaled, rounded up."""
    out = []
    for c, m in terms:
        f = scale.get(c)
        out.append((c, -(-m * f[0] // f[1]) if f is not None else m))
    return out


def own_work(ctx: PostContext, e: int, d: int, s: int) -> int:
    """Worked minutes of cell ``(d, s)`` for ``e`` (on call from home at ``e``'s own share), for
    the rules that judge a single shift in the DOMAIN phase."""
    got = scales(ctx, e).get((d, s))
    return ctx.geo.work[d][s] if got is None else got[0]
