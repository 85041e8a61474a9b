"""Worked minutes on an employee timeline as arrays, fast enough for a year of 1,000 employees.

* :class:`Rate` — cumulative worked minutes of a set of spans as a piecewise-linear function of
  time (an unpaid break is spread pro rata over its span, as :meth:`Span.worked_in` does). Built
  once per employee and kind set with numpy; the sum over any window is two binary searches, so
  all fixed windows of a year cost O((windows + spans) log spans), never windows × spans.
* :func:`columns` / :func:`rate_of` — one employee's spans as arrays and their rate, memoised on
  the check context (:func:`memo`); :func:`window_arrays` — a window list as arrays.

The hour measures (:mod:`constraints.kernel.measure`) and the over-the-limit scans
(:mod:`constraints.kernel.scans`) are built on these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

import numpy as np

from constraints.base import CheckContext
from constraints.spans import Span
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
KINDS = tuple(PeriodKind)
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}


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
        if len(kinds) == len(KINDS):
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

