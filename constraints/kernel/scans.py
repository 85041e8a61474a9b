"""Generic "over the limit" scans of the hour-limit families (§§ 10-4, 10-5, 10-6, 10-9,
ch. 11): fixed windows and rolling peaks over a limit looked up per window
(:func:`over_windows`), per continuous work period (:func:`over_periods`) and per 24 h or work
period (:func:`over_daily`), on the rates of :mod:`constraints.kernel.rate`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from constraints.base import CheckContext
from constraints.kernel.measure import (
    Hit,
    fixed_hits,
    rolling_peaks,
)
from constraints.kernel.rate import (
    EPS,
    KINDS,
    Rate,
    columns,
    memo,
    rate_of,
    window_arrays,
)
from constraints.spans import Block, Span
from scheduler import calendar as cal
from scheduler.clock import from_minutes
from scheduler.model import PeriodKind

# --------------------------------------------------------------------------------------------
# Generic "over the limit" scans used by the daily and weekly rules


LimitAt = Callable[[int], float]  # minute -> the limit in hours in force at that minute


def over_windows(
    ctx: CheckContext,
    rate: Rate,
    windows: list[cal.Window],
    rolling_length: int,
    floor_hours: float,
    limit_at: LimitAt,
) -> list[tuple[Hit, float, bool]]:
    """Fixed windows (and, in strict mode, rolling windows of ``rolling_length`` minutes) whose
    sum exceeds the limit in force at the window start: ``(hit, limit_hours, rolling)``."""
    out: list[tuple[Hit, float, bool]] = []
    if rate.empty:
        return out
    s, e = window_arrays(ctx, windows)
    for h in fixed_hits(rate, s, e, floor_hours * 60):
        lim = limit_at(h.start)
        if h.minutes > lim * 60 + EPS:
            out.append((h, lim, False))
    if ctx.strict and rolling_length:
        peaks = rolling_peaks(
            rate, rolling_length, ctx.horizon_start, ctx.horizon_end, floor_hours * 60,
            exceeds=lambda h: h.minutes > limit_at(h.start) * 60 + EPS,
        )
        out.extend((h, limit_at(h.start), True) for h in peaks)
    return out


def groups_of(ctx: CheckContext, emp: str) -> tuple[list[Span], list[int]]:
    """The employee's spans (sorted) and, per span, the index of its continuous work period:
    spans that touch or overlap share one (cached)."""
    key = ("groups", emp)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        got = c[key] = (ctx.timelines.get(emp, []), columns(ctx, emp).gid.tolist())
    return got


def periods_of(ctx: CheckContext, emp: str) -> list[Block]:
    """Continuous work periods of one employee (all kinds), cached."""
    key = ("periods", emp)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        spans, gid = groups_of(ctx, emp)
        members: list[list[Span]] = [[] for _ in range(gid[-1] + 1)] if gid else []
        for sp, g in zip(spans, gid, strict=True):
            members[g].append(sp)
        got = [Block(m[0].start, max(x.end for x in m), tuple(m)) for m in members]
        c[key] = got
    return got


@dataclass(frozen=True)
class PeriodTable:
    """The work periods of one employee as arrays: bounds and worked minutes per kind."""

    start: np.ndarray
    end: np.ndarray
    minutes: dict[PeriodKind, np.ndarray]
    in_horizon: np.ndarray  # bool: reaches into the horizon and is not history only
    breaks: np.ndarray  # recorded break minutes; NaN when any of its periods has none recorded

    def of(self, kinds: frozenset[PeriodKind]) -> np.ndarray:
        out = np.zeros(len(self.start))
        for k in kinds:
            out = out + self.minutes[k]
        return out


def period_table(ctx: CheckContext, emp: str) -> PeriodTable:
    key = ("period_table", emp)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        cols = columns(ctx, emp)
        gid, m = cols.gid, len(cols.gid)
        n = int(gid[-1]) + 1 if m else 0
        start = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
        end = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
        np.minimum.at(start, gid, cols.start)
        np.maximum.at(end, gid, cols.end)
        minutes = {}
        for code, k in enumerate(KINDS):
            sel = cols.kind == code
            minutes[k] = np.bincount(gid[sel], weights=cols.work[sel], minlength=n).astype(float)
        breaks = np.bincount(gid, weights=cols.breaks, minlength=n) if m else np.zeros(0)
        live = np.bincount(gid, weights=~cols.history, minlength=n) > 0 if m else np.zeros(0, bool)
        inh = (end > ctx.horizon_start) & (start < ctx.horizon_end) & live
        got = PeriodTable(start, end, minutes, inh, breaks)
        c[key] = got
    return got


def over_periods(
    ctx: CheckContext, emp: str, kinds: frozenset[PeriodKind], floor_hours: float, limit_at: LimitAt
) -> list[tuple[Hit, float, bool]]:
    """Continuous work periods reaching into the horizon whose hours of ``kinds`` exceed the
    limit in force at the period start."""
    t = period_table(ctx, emp)
    m = t.of(kinds)
    out: list[tuple[Hit, float, bool]] = []
    for i in np.nonzero(t.in_horizon & (m > floor_hours * 60 + EPS))[0]:
        lim = limit_at(int(t.start[i]))
        if m[i] > lim * 60 + EPS:
            out.append((Hit(int(t.start[i]), int(t.end[i]), float(m[i])), lim, False))
    return out


def over_daily(
    ctx: CheckContext, emp: str, kinds: frozenset[PeriodKind], floor_hours: float, limit_at: LimitAt
) -> list[tuple[Hit, float, bool, str]]:
    """A daily limit judged per continuous work period and per fixed 24 h window from the day
    boundary (strict: every rolling 24 h). A day window whose hours all come from one work period
    already reported is not reported twice. Returns ``(hit, limit_hours, rolling, what)`` with
    ``what`` = ``"work period"`` / ``"24 h window"``."""
    per = over_periods(ctx, emp, kinds, floor_hours, limit_at)
    out: list[tuple[Hit, float, bool, str]] = [(h, lim, r, "work period") for h, lim, r in per]
    rate = rate_of(ctx, emp, kinds)
    for h, lim, rolling in over_windows(ctx, rate, ctx.windows.day, 24 * 60, floor_hours, limit_at):
        covered = any(
            h.start <= p.start and p.end <= h.end and p.minutes >= h.minutes - EPS for p, _, _ in per
        )
        if not covered:
            out.append((h, lim, rolling, "rolling 24 h window" if rolling else "24 h window"))
    return out


def span_text(start: int, end: int) -> str:
    a, b = from_minutes(start), from_minutes(end)
    return f"{a:%Y-%m-%d %H:%M}–{b:%Y-%m-%d %H:%M}"

