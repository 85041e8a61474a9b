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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

import numpy as np

from constraints import limits
from constraints.base import Block, CheckContext, Span, blocks
from scheduler import calendar as cal
from scheduler.clock import from_minutes
from scheduler.model import PeriodKind

EPS = 1e-6  # minutes; hour sums are compared as floats
PLANNED = frozenset({PeriodKind.planned})
OVERTIME = frozenset({PeriodKind.overtime})
ALL_KINDS = frozenset(PeriodKind)
WEEK = 7 * 24 * 60


class Rate:
    """Cumulative worked minutes ``F(t)`` of some spans; ``F(b) - F(a)`` is the work in [a, b)."""

    __slots__ = ("pts", "_pts", "_rate", "_cum", "total")

    def __init__(self, spans: Sequence[Span]) -> None:
        n = len(spans)
        self._build(
            np.fromiter(map(_START, spans), dtype=np.int64, count=n),
            np.fromiter(map(_END, spans), dtype=np.int64, count=n),
            np.fromiter(map(_WORK, spans), dtype=np.float64, count=n),
        )

    @classmethod
    def of_arrays(cls, starts: np.ndarray, ends: np.ndarray, work: np.ndarray) -> Rate:
        """The rate of spans given as arrays (in timeline order)."""
        rate = cls.__new__(cls)
        rate._build(starts, ends, work)
        return rate

    def _build(self, starts: np.ndarray, ends: np.ndarray, work: np.ndarray) -> None:
        keep = ends > starts
        if not keep.all():
            starts, ends, work = starts[keep], ends[keep], work[keep]
        if len(starts) == 0:
            self.pts = np.zeros(0, dtype=np.int64)
            self._pts = np.zeros(1, dtype=np.int64)
            self._rate = np.zeros(1)
            self._cum = np.zeros(1)
            self.total = 0.0
            return
        r = work / (ends - starts)
        pts = np.unique(np.concatenate((starts, ends)))
        delta = np.zeros(len(pts))
        np.add.at(delta, np.searchsorted(pts, starts), r)
        np.add.at(delta, np.searchsorted(pts, ends), -r)
        rate = np.cumsum(delta)[:-1]  # rate on [pts[i], pts[i+1])
        cum = np.concatenate(([0.0], np.cumsum(rate * np.diff(pts))))  # F(pts[i])
        self.pts = pts
        # Padded so that j = searchsorted(pts, t, "right") indexes all three directly:
        # F(t) = _cum[j] + _rate[j] * (t - _pts[j]); j = 0 before the first span (F = 0),
        # j = len(pts) after the last one (F = total, rate 0).
        self._pts = np.concatenate(([0], pts))
        self._rate = np.concatenate(([0.0], rate, [0.0]))
        self._cum = np.concatenate(([0.0], cum))
        self.total = float(cum[-1])

    def at(self, t: np.ndarray) -> np.ndarray:
        """``F(t)`` for an array of minutes."""
        t = np.asarray(t, dtype=np.int64)
        j = np.searchsorted(self.pts, t, side="right")
        return self._cum[j] + self._rate[j] * (t - self._pts[j])

    def sums(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        return self.at(ends) - self.at(starts)

    def between(self, a: int, b: int) -> float:
        return float(self.sums(np.array([a]), np.array([b]))[0])

    @property
    def empty(self) -> bool:
        return self.total <= EPS


# --------------------------------------------------------------------------------------------
# Per-context caches (one CheckContext per check run; the cache lives on it)


def memo(ctx: CheckContext) -> dict:
    """The measuring kernel's memo for one check run (stored on the context, which lives for
    one run): rates, columns, limits and block lists computed once per employee."""
    c = ctx.__dict__.get("_measure_cache")
    if c is None:
        c = {}
        ctx.__dict__["_measure_cache"] = c
    return c


_START, _END, _WORK = attrgetter("start"), attrgetter("end"), attrgetter("work")
_KIND, _BREAK, _HISTORY = attrgetter("kind"), attrgetter("break_minutes"), attrgetter("history")
_KINDS = tuple(PeriodKind)
_KIND_CODE = {k: i for i, k in enumerate(_KINDS)}


@dataclass(frozen=True)
class Columns:
    """One employee's spans (timeline order) as arrays; ``gid`` numbers the continuous work
    periods (spans that touch or overlap share one)."""

    start: np.ndarray
    end: np.ndarray
    work: np.ndarray  # float
    kind: np.ndarray  # index into tuple(PeriodKind)
    breaks: np.ndarray  # recorded break minutes, NaN when not recorded
    history: np.ndarray  # bool
    gid: np.ndarray

    def of(self, kinds: frozenset[PeriodKind]) -> np.ndarray:
        """Mask of the spans of ``kinds``."""
        if len(kinds) == len(_KINDS):
            return np.ones(len(self.start), dtype=bool)
        return np.isin(self.kind, [_KIND_CODE[k] for k in kinds])


def columns(ctx: CheckContext, emp: str) -> Columns:
    key = ("columns", emp)
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        spans = ctx.timelines.get(emp, [])  # sorted by (start, end) in CheckContext
        m = len(spans)
        start = np.fromiter(map(_START, spans), dtype=np.int64, count=m)
        end = np.fromiter(map(_END, spans), dtype=np.int64, count=m)
        new = np.ones(m, dtype=bool)
        if m:
            new[1:] = start[1:] > np.maximum.accumulate(end)[:-1]
        got = c[key] = Columns(
            start=start,
            end=end,
            work=np.fromiter(map(_WORK, spans), dtype=np.float64, count=m),
            kind=np.fromiter(map(_KIND_CODE.__getitem__, map(_KIND, spans)), dtype=np.int8,
                             count=m),
            breaks=np.array(list(map(_BREAK, spans)), dtype=np.float64),
            history=np.fromiter(map(_HISTORY, spans), dtype=bool, count=m),
            gid=np.cumsum(new) - 1,
        )
    return got


def rate_of(ctx: CheckContext, emp: str, kinds: frozenset[PeriodKind] = ALL_KINDS) -> Rate:
    key = ("rate", emp, kinds)
    c = memo(ctx)
    r = c.get(key)
    if r is None:
        cols = columns(ctx, emp)
        sel = cols.of(kinds)
        if kinds != ALL_KINDS and sel.all():  # the same spans: the same rate
            r = rate_of(ctx, emp, ALL_KINDS)
        else:
            r = Rate.of_arrays(cols.start[sel], cols.end[sel], cols.work[sel])
        c[key] = r
    return r


def window_arrays(ctx: CheckContext, windows: list[cal.Window]) -> tuple[np.ndarray, np.ndarray]:
    """Start and end arrays of the windows that reach into the horizon (cached per list)."""
    key = ("windows", id(windows))
    c = memo(ctx)
    got = c.get(key)
    if got is None:
        ws = ctx.windows_in_horizon(windows)
        got = (
            np.fromiter((w.start for w in ws), dtype=np.int64, count=len(ws)),
            np.fromiter((w.end for w in ws), dtype=np.int64, count=len(ws)),
        )
        c[key] = (got[0], got[1], windows)  # keep the list alive so its id stays unique
        return got
    return got[0], got[1]


def local_day(minute: int) -> date:
    return from_minutes(minute).date()


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
        for code, k in enumerate(_KINDS):
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
