"""Sorted-timeline sweeps shared by the rest, Sunday, night and tariff rule families.

A :class:`Timeline` holds one employee's spans (sorted by start, as ``CheckContext`` gives them)
and their continuous work blocks, with the index arrays needed to answer "what is worked / off
inside ``[a, b)``" by bisection in ``O(log n + k)``. The rule checks walk the calendar windows of
the ``CheckContext`` and ask the timeline, so a check costs ``O((windows + spans) log spans)`` per
employee instead of ``O(windows × spans)``.

Off-duty stretches are the gaps between continuous blocks. The gap before the first known span
and after the last one is unbounded (``None``): time the input does not cover is not judged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from constraints import limits
from constraints.base import Block, CheckContext, Finding, RuleSpec, Severity, Span, blocks
from scheduler.calendar import Window
from scheduler.clock import from_minutes
from scheduler.i18n import Msg, msg
from scheduler.model import PeriodKind

T = TypeVar("T")

HOUR = 60
DAY = 24 * HOUR
WEEK = 7 * DAY


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
    """One employee's spans and continuous blocks, indexed for window queries."""

    __slots__ = ("spans", "starts", "max_end", "blocks", "b_starts", "b_ends")

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.starts = [s.start for s in spans]
        running = -(2**62)
        self.max_end: list[int] = []
        for s in spans:
            running = max(running, s.end)
            self.max_end.append(running)
        self.blocks: list[Block] = blocks(spans)
        self.b_starts = [b.start for b in self.blocks]
        self.b_ends = [b.end for b in self.blocks]

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
        n = len(self.blocks)
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

    def gap_containing(self, a: int, b: int) -> Gap | None:
        """The whole gap that contains ``[a, b)`` entirely, or ``None`` if work touches it."""
        gaps = self.gaps_in(a, b)
        if len(gaps) == 1 and gaps[0].start == a and gaps[0].end == b:
            g = gaps[0]
            return Gap(a, b, g.gap_start, g.gap_end)
        return None

    def block_index_at(self, start: int) -> int:
        """Index of the block starting exactly at ``start`` (it must exist)."""
        return bisect_left(self.b_starts, start)


class LimitsFor:
    """``ctx.limits(family, emp, on)`` cached: computed once unless agreements carry dates."""

    def __init__(self, ctx: CheckContext, family: str, emp: str) -> None:
        self._ctx, self._family, self._emp = ctx, family, emp
        relevant = [
            a for a in ctx.agreements if a.family == family and a.employee in (None, emp)
        ]
        self._dated = any(a.valid_from is not None or a.valid_to is not None for a in relevant)
        self._one = None if self._dated else ctx.limits(family, emp, ctx.settings.start)
        self._by_day: dict[date, limits.Effective] = {}

    def on(self, minute: int) -> limits.Effective:
        if self._one is not None:
            return self._one
        d = from_minutes(minute).date()
        eff = self._by_day.get(d)
        if eff is None:
            eff = self._by_day[d] = self._ctx.limits(self._family, self._emp, d)
        return eff


def hours(minutes: float) -> float:
    return minutes / HOUR


def clock(minute: int) -> str:
    """``Sat 04 Apr 15:00`` for messages."""
    return from_minutes(minute).strftime("%a %d %b %Y %H:%M")


def is_exempt(ctx: CheckContext, emp: str) -> bool:
    return ctx.employee(emp).exempt_10_12


def cached(ctx: CheckContext, key: str, build: Callable[[], T]) -> T:
    """A value computed once per check run (stored on the context, which lives for one run)."""
    store: dict[str, Any] = ctx.__dict__.setdefault("_sweep_cache", {})
    if key not in store:
        store[key] = build()
    return store[key]


def timelines(ctx: CheckContext, *, skip_exempt: bool = True) -> Iterator[tuple[str, Timeline]]:
    """Each employee with work (history included), in id order, as a :class:`Timeline`."""
    built: dict[str, Timeline] = cached(ctx, "timelines", dict)
    for emp in sorted(ctx.timelines):
        if skip_exempt and is_exempt(ctx, emp):
            continue
        spans = ctx.timelines[emp]
        if not spans:
            continue
        tl = built.get(emp)
        if tl is None or tl.spans is not spans:
            tl = built[emp] = Timeline(spans)
        yield emp, tl


class WindowIndex:
    """Sorted, disjoint calendar windows (night, day, ...) indexed for overlap queries."""

    __slots__ = ("windows", "starts", "ends")

    def __init__(self, windows: list) -> None:
        self.windows = windows
        self.starts = [w.start for w in windows]
        self.ends = [w.end for w in windows]

    def overlapping(self, a: int, b: int) -> range:
        """Indices of the windows that overlap ``[a, b)``."""
        return range(bisect_right(self.ends, a), bisect_left(self.starts, b))


def permission_findings(
    ctx: CheckContext,
    spec: RuleSpec,
    family: str,
    agreed_param: str,
    nature: bool | None,
    hits: Iterable[tuple[str, Window, float]],
    message: Callable[[Window, float], Msg],
    unknown_key: str,
) -> list[Finding]:
    """§ 10-10 (2) / § 10-11 (2): work in a protected window (``hits``: employee, window, worked
    minutes, windows reaching into the horizon) needs the nature of the work (``nature``) or an
    agreement in force (``agreed_param`` of ``family``). With ``nature`` unknown, one warning
    for the whole check instead of a finding per window."""
    out: list[Finding] = []
    found = 0
    limits_of: dict[str, LimitsFor] = {}
    for emp, w, worked in hits:
        found += 1
        if nature is None:
            continue
        lim = limits_of.setdefault(emp, LimitsFor(ctx, family, emp))
        if bool(lim.on(w.start).values.get(agreed_param, False)):
            continue
        out.append(ctx.finding(
            spec, emp, w.start, w.end, message(w, worked),
            measured=hours(worked), limit=0,
            allowed_by=limits.allowed_by(family, agreed_param, True),
        ))
    if nature is None and found:
        out.append(ctx.finding(spec, None, None, None, msg(unknown_key, count=found),
                               severity=Severity.warning, unit=""))
    return out
