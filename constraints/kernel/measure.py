"""Measuring worked hours on an employee timeline, fast enough for a year of 1,000 employees.

The hour-limit families (§§ 10-4, 10-5, 10-6, 10-9, ch. 11) share these helpers (the kernel):

* :class:`Rate` — cumulative worked minutes of a set of spans as a piecewise-linear function of
  time (an unpaid break is spread pro rata over its span, as :meth:`Span.worked_in` does). Built
  once per employee and kind set with numpy; the sum over any window is two binary searches, so
  all fixed windows of a year cost O((windows + spans) log spans), never windows × spans.
* :func:`rolling_peaks` — the worst rolling windows of a given length (strict mode). The sum over a
  sliding window is piecewise linear in its start, so its maximum lies where a window edge meets
  a span edge; only those candidate starts are evaluated.
* :class:`LimitLookup` — the limits in force per employee and date, computed once per agreement
  validity segment rather than once per window. A window is judged by the limits in force on its
  first day, or on the horizon's first day for a window that starts before the horizon.
* :func:`blocks_cached` — the fixed multi-week blocks (4, 8, 26, 52 weeks) of the default mode,
  read from ``ctx.windows.blocks`` (:class:`constraints.windows.TimeWindows`). They tile from the
  week start on or before 1 January of the horizon's first year (the "overtime year",
  :func:`constraints.windows.year_anchor`) or from a § 10-5 agreement's start
  (``TimeWindows.averaging_anchor``), backwards far enough to cover the history carry-in. The
  solver reads the same blocks from ``geo.windows``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from constraints import limits
from constraints.base import CheckContext
from constraints.kernel.rate import (
    EPS,
    Rate,
    local_day,
    memo,
)
from constraints.spans import Span, blocks
from scheduler import calendar as cal

# --------------------------------------------------------------------------------------------
# Limits in force, per employee and date


class LimitLookup:
    """``limits.effective`` per (family, employee), evaluated once per validity segment."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self._seg: dict[tuple[str, str | None], tuple[list[date], list[limits.Effective]]] = {}

    def _segments(self, family: str, emp: str | None) -> tuple[list[date], list[limits.Effective]]:
        key = (family, emp)
        got = self._seg.get(key)
        if got is not None:
            return got
        ags = self.ctx.agreements
        rel = [a for a in ags if a.family == family and (a.employee is None or a.employee == emp)]
        points: set[date] = set()
        for a in rel:
            if a.valid_from is not None:
                points.add(a.valid_from)
            if a.valid_to is not None:
                points.add(a.valid_to + timedelta(days=1))
        if not points:
            got = ([], [limits.effective(family, ags, emp, None)])
        else:
            cuts = sorted(points)
            probes = [cuts[0] - timedelta(days=1), *cuts]
            got = (cuts, [limits.effective(family, ags, emp, d) for d in probes])
        self._seg[key] = got
        return got

    def on(self, family: str, emp: str | None, day: date) -> limits.Effective:
        cuts, effs = self._segments(family, emp)
        if not cuts:
            return effs[0]
        return effs[bisect_right(cuts, day)]

    def at(self, family: str, emp: str | None, minute: int) -> limits.Effective:
        """Limits in force at the start of a window. A window that begins before the horizon
        (a multi-week block, a rolling window reaching back) is judged by the agreements in
        force when the horizon starts."""
        cuts, effs = self._segments(family, emp)
        if not cuts:
            return effs[0]
        return effs[bisect_right(cuts, local_day(max(minute, self.ctx.horizon_start)))]

    def all(self, family: str, emp: str | None) -> list[limits.Effective]:
        return self._segments(family, emp)[1]


# --------------------------------------------------------------------------------------------
# Fixed multi-week blocks


def first_day(ctx: CheckContext) -> date:
    """The earliest day the timelines reach (history carry-in), at most 53 weeks back."""
    starts = [sp[0].start for sp in ctx.timelines.values() if sp]
    earliest = min(starts, default=ctx.horizon_start)
    floor = ctx.settings.start - timedelta(weeks=53)
    return max(min(local_day(earliest), ctx.settings.start), floor)


def blocks_cached(ctx: CheckContext, weeks: int, anchor: date | None = None) -> list[cal.Window]:
    key = ("blocks", weeks, anchor)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        got = ctx.windows.blocks(first_day(ctx), weeks, anchor)
        c[key] = got
    return got


# --------------------------------------------------------------------------------------------
# Windows over the limit


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    minutes: float  # measured worked minutes


def fixed_hits(
    rate: Rate, starts: np.ndarray, ends: np.ndarray, floor_minutes: float
) -> list[Hit]:
    """Windows whose worked minutes exceed ``floor_minutes`` (the strictest limit that can apply;
    the caller then compares each hit with the exact limit in force on its date)."""
    if rate.empty or len(starts) == 0:
        return []
    vals = rate.sums(starts, ends)
    idx = np.nonzero(vals > floor_minutes + EPS)[0]
    return [Hit(int(starts[i]), int(ends[i]), float(vals[i])) for i in idx]


def rolling_peaks(
    rate: Rate,
    length: int,
    h_start: int,
    h_end: int,
    over: float,
    exceeds: Callable[[Hit], bool] | None = None,
) -> list[Hit]:
    """The worst rolling windows of ``length`` minutes reaching into ``[h_start, h_end)`` whose
    sum exceeds ``over``; overlapping offenders are merged and their worst window returned.

    ``exceeds(hit) -> bool`` (optional) applies the exact limit in force on the window's date.
    """
    if rate.empty:
        return []
    p = rate.pts
    cand = np.unique(np.concatenate((p, p - length)))
    cand = cand[(cand + length > h_start) & (cand < h_end)]
    if len(cand) == 0:
        return []
    vals = rate.sums(cand, cand + length)
    idx = np.nonzero(vals > over + EPS)[0]
    hits = [Hit(int(cand[i]), int(cand[i]) + length, float(vals[i])) for i in idx]
    if exceeds is not None:
        hits = [h for h in hits if exceeds(h)]
    out: list[Hit] = []
    cluster_end = None
    for h in hits:  # sorted by start
        if out and cluster_end is not None and h.start < cluster_end:
            if h.minutes > out[-1].minutes + EPS:
                out[-1] = h
            cluster_end = h.end
        else:
            out.append(h)
            cluster_end = h.end
    return out


def work_periods(spans: Iterable[Span]) -> list:
    """Continuous work periods (touching spans joined) — planned and overtime together."""
    return blocks(spans, 0)


def hours(minutes: float) -> float:
    return minutes / 60.0

