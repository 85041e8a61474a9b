"""One employee's sorted timeline, answering window questions by bisection (kernel).

A :class:`Timeline` holds one employee's spans (sorted by start, as ``CheckContext`` gives them)
and their continuous work blocks, with the index arrays needed to answer "what is worked / off
inside ``[a, b)``" by bisection in ``O(log n + k)``. The rule checks walk the calendar windows of
the ``CheckContext`` and ask the timeline, so a check costs ``O((windows + spans) log spans)`` per
employee instead of ``O(windows × spans)``. The questions every window of a year asks (is the
rest long enough, is a red day free) are answered for all windows at once with numpy, giving
exactly the numbers the one-window methods give; the one-window methods then word the findings.

Off-duty stretches (:class:`Gap`) are the gaps between continuous blocks. The gap before the first
known span and after the last one is unbounded (``None``): time the input does not cover is not
judged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

import numpy as np

from constraints.spans import Block, Span
from scheduler.model import PeriodKind

T = TypeVar("T")
_START, _END, _WORK = attrgetter("start"), attrgetter("end"), attrgetter("work")

HOUR = 60
DAY = 24 * HOUR
WEEK = 7 * DAY
_INF = float("inf")


@dataclass(frozen=True, slots=True)
class Gap:
    """An off-duty stretch clipped to a window, and the whole gap it belongs to.

    ``gap_start``/``gap_end`` are ``None`` where the gap runs past the known data.
    """

    start: int
    end: int
    gap_start: int | None
    gap_end: int | None

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def full_length(self) -> float:
        if self.gap_start is None or self.gap_end is None:
            return float("inf")
        return float(self.gap_end - self.gap_start)


class Timeline:
    """One employee's spans and continuous blocks, indexed for window queries.

    Block ``k`` runs ``[b_starts[k], b_ends[k])`` and joins the spans
    ``spans[b_first[k]:b_first[k + 1]]``; the :class:`Block` objects are built on first use.
    Gap ``i`` (``0..len(blocks)``) is the off-duty stretch before block ``i``; the first and the
    last run past the data. Methods taking arrays answer one question for many windows at once.
    """

    __slots__ = ("spans", "starts", "max_end", "b_starts", "b_ends", "b_first", "_blocks",
                 "_start", "_end", "_block_of", "_b_start", "_b_end", "_gap_start", "_gap_end")

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans  # sorted by (start, end)
        n = len(spans)
        start = np.fromiter(map(_START, spans), dtype=np.int64, count=n)
        end = np.fromiter(map(_END, spans), dtype=np.int64, count=n)
        max_end = np.maximum.accumulate(end) if n else end
        new = np.ones(n, dtype=bool)  # a gap before the span: a new block (touching ones join)
        new[1:] = start[1:] > max_end[:-1]
        first = np.flatnonzero(new)
        self._start, self._end, self._block_of = start, end, np.cumsum(new) - 1
        self._b_start = start[first]
        self._b_end = np.maximum.reduceat(end, first) if n else end
        self.starts: list[int] = start.tolist()
        self.max_end: list[int] = max_end.tolist()
        self.b_first: list[int] = first.tolist()
        self.b_starts: list[int] = self._b_start.tolist()
        self.b_ends: list[int] = self._b_end.tolist()
        # Gap bounds as floats (exact for epoch minutes), -inf/inf past the data.
        self._gap_start = np.concatenate(([-np.inf], self._b_end))
        self._gap_end = np.concatenate((self._b_start, [np.inf]))
        self._blocks: list[Block] | None = None

    @property
    def blocks(self) -> list[Block]:
        if self._blocks is None:
            cuts = [*self.b_first, len(self.spans)]
            self._blocks = [
                Block(a, b, tuple(self.spans[cuts[k]:cuts[k + 1]]))
                for k, (a, b) in enumerate(zip(self.b_starts, self.b_ends, strict=True))
            ]
        return self._blocks

    # -- work ------------------------------------------------------------------------------

    def spans_in(self, a: int, b: int) -> Iterator[Span]:
        """Spans that overlap ``[a, b)``."""
        lo = bisect_right(self.max_end, a)
        hi = bisect_left(self.starts, b)
        for i in range(lo, hi):
            s = self.spans[i]
            if s.end > a:
                yield s

    def worked(self, a: int, b: int, kinds: frozenset[PeriodKind] | None = None) -> float:
        """Worked minutes (unpaid breaks spread pro rata) inside ``[a, b)``."""
        return sum(
            s.worked_in(a, b) for s in self.spans_in(a, b) if kinds is None or s.kind in kinds
        )

    def busy(self, a: int, b: int) -> int:
        """Clock minutes of ``[a, b)`` inside work blocks (at the employer's disposal)."""
        lo = bisect_right(self.b_ends, a)
        hi = bisect_left(self.b_starts, b)
        return sum(
            min(self.b_ends[i], b) - max(self.b_starts[i], a) for i in range(lo, hi)
        )

    def blocks_in(self, a: int, b: int) -> list[Block]:
        """Continuous blocks overlapping ``[a, b)``."""
        lo = bisect_right(self.b_ends, a)
        hi = bisect_left(self.b_starts, b)
        return self.blocks[lo:hi]

    # -- rest ------------------------------------------------------------------------------

    def gaps_in(self, a: int, b: int) -> list[Gap]:
        """Off-duty stretches inside ``[a, b)``, each with its whole (unclipped) gap."""
        n = len(self.b_starts)
        lo = bisect_right(self.b_ends, a)
        hi = bisect_left(self.b_starts, b)
        out: list[Gap] = []
        for i in range(lo, hi + 1):
            g_start = self.b_ends[i - 1] if i > 0 else None
            g_end = self.b_starts[i] if i < n else None
            cs = a if g_start is None else max(g_start, a)
            ce = b if g_end is None else min(g_end, b)
            if ce > cs:
                out.append(Gap(cs, ce, g_start, g_end))
        return out

    def longest_gap(self, a: int, b: int, whole: bool = False) -> Gap | None:
        """The longest of :meth:`gaps_in` ``(a, b)`` (by its clipped length, or by its whole
        length when ``whole``); the first of equals; ``None`` when work fills the window."""
        b_starts, b_ends = self.b_starts, self.b_ends
        n = len(b_starts)
        best: float = -1.0
        found: tuple[int, int, int | None, int | None] | None = None
        for i in range(bisect_right(b_ends, a), bisect_left(b_starts, b) + 1):
            g_start = b_ends[i - 1] if i > 0 else None
            g_end = b_starts[i] if i < n else None
            cs = a if g_start is None or g_start < a else g_start
            ce = b if g_end is None or g_end > b else g_end
            if ce <= cs:
                continue
            if not whole:
                v: float = ce - cs
            elif g_start is None or g_end is None:
                v = _INF
            else:
                v = g_end - g_start
            if v > best:
                best, found = v, (cs, ce, g_start, g_end)
        return None if found is None else Gap(*found)

    def gap_containing(self, a: int, b: int) -> Gap | None:
        """The whole gap that contains ``[a, b)`` entirely, or ``None`` if work touches it."""
        if b <= a:
            return None
        i = bisect_right(self.b_ends, a)  # the first block ending after a
        n = len(self.b_starts)
        if i < n and self.b_starts[i] < b:
            return None
        return Gap(a, b, self.b_ends[i - 1] if i > 0 else None, self.b_starts[i] if i < n else None)

    # -- many windows at once ----------------------------------------------------------------

    def short_rest_after(self, rest: int, within: int) -> list[int]:
        """Blocks ``k`` after which less than ``rest`` minutes are off before the next block or
        ``within`` minutes after the block's start, whichever comes first."""
        bs, be = self._b_start, self._b_end
        reach = bs + within
        nxt = np.minimum(np.concatenate((bs[1:], reach[-1:])), reach)
        return np.flatnonzero(nxt - be < rest).tolist()

    def overlaps_work(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Per window ``[a, b)``: does a work block overlap it (``busy(a, b) > 0``)?"""
        lo = np.searchsorted(self._b_end, a, side="right")
        hi = np.searchsorted(self._b_start, b, side="left")
        return (a < b) & (lo < hi)

    def containing_gap_lengths(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Per window: the whole length of :meth:`gap_containing` (``inf`` past the data), or
        ``-1`` where work touches the window."""
        i = np.searchsorted(self._b_end, a, side="right")  # the first block ending after a
        gs, ge = self._gap_start[i], self._gap_end[i]
        return np.where((ge >= b) & (b > a), ge - gs, -1.0)

    def longest_gap_lengths(self, a: np.ndarray, b: np.ndarray, whole: bool = False) -> np.ndarray:
        """Per window: the length of :meth:`longest_gap` (clipped, or whole when ``whole``),
        ``0`` when work fills the window."""
        gs, ge = self._gap_start, self._gap_end
        lo = np.searchsorted(self._b_end, a, side="right")
        hi = np.searchsorted(self._b_start, b, side="left")

        def edge(i: np.ndarray) -> np.ndarray:  # gaps lo and hi, clipped to the window
            clipped = np.minimum(ge[i], b) - np.maximum(gs[i], a)
            return np.where(clipped > 0, (ge[i] - gs[i]) if whole else clipped, -1.0)

        # Gaps strictly between lo and hi lie wholly inside the window (finite, clipped = whole).
        inner_from, inner_to = lo + 1, hi
        lengths = np.concatenate((ge - gs, [-1.0]))
        bounds = np.empty(2 * len(lo), dtype=np.intp)
        bounds[0::2], bounds[1::2] = inner_from, inner_to
        inner = np.maximum.reduceat(lengths, bounds)[0::2] if len(lo) else lengths[:0]
        inner = np.where(inner_from < inner_to, inner, -1.0)
        best = np.maximum(np.maximum(edge(lo), edge(hi)), inner)
        return np.where(best > 0, best, 0.0)

    def worked_in_windows(self, windows: WindowIndex) -> tuple[dict[int, float], list[float]]:
        """Worked minutes in each of the (sorted, disjoint) windows where there is work, by
        window index; and per block, its worked minutes inside any of the windows. Sums run in
        span order, as :meth:`Span.worked_in` window by window would add them."""
        start, end = self._start, self._end
        lo = np.searchsorted(windows.end_array, start, side="right")
        count = np.searchsorted(windows.start_array, end, side="left") - lo
        count = np.maximum(count, 0)
        # One part per (span, window it overlaps), in span order, then window order.
        span = np.repeat(np.arange(len(start)), count)
        window = lo[span] + np.arange(len(span)) - np.repeat(np.cumsum(count) - count, count)
        s, e = start[span], end[span]
        overlap = (np.minimum(e, windows.end_array[window])
                   - np.maximum(s, windows.start_array[window]))
        work = np.fromiter(map(_WORK, self.spans), dtype=np.float64, count=len(self.spans))
        minutes = overlap * work[span] / (e - s)  # exact: Span.worked_in's ov * work / elapsed
        keep = minutes > 0
        window, minutes, block = window[keep], minutes[keep], self._block_of[span][keep]
        per_block = np.bincount(block, weights=minutes, minlength=len(self._b_start))
        hit = np.unique(window)
        sums = np.bincount(window, weights=minutes)[hit] if len(hit) else minutes[:0]
        return dict(zip(hit.tolist(), sums.tolist(), strict=True)), per_block.tolist()

    def block_index_at(self, start: int) -> int:
        """Index of the block starting exactly at ``start`` (it must exist)."""
        return bisect_left(self.b_starts, start)


class WindowIndex:
    """Sorted, disjoint calendar windows (night, day, ...) indexed for overlap queries."""

    __slots__ = ("windows", "starts", "ends", "start_array", "end_array")

    def __init__(self, windows: list) -> None:
        self.windows = windows
        self.starts = [w.start for w in windows]
        self.ends = [w.end for w in windows]
        self.start_array = np.array(self.starts, dtype=np.int64)
        self.end_array = np.array(self.ends, dtype=np.int64)

    def overlapping(self, a: int, b: int) -> range:
        """Indices of the windows that overlap ``[a, b)``."""
        return range(bisect_right(self.ends, a), bisect_left(self.starts, b))
