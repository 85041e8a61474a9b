"""A roster as each employee's timeline of spans, in epoch minutes (the checker's measure).

* :class:`Span` — one work period, ``[start, end)``, with its worked minutes (elapsed less an
  unpaid break; from home on call, the § 10-4 (3) standby share of that: :func:`counted_work`,
  which the solver's geometry uses too); :class:`Block` — a continuous stretch of work;
* :func:`blocks`, :func:`off_stretches`, :func:`longest_off`, :func:`worked_in`,
  :func:`max_rolling` — the timeline primitives;
* :func:`employee_spans` — each employee's spans (roster, then history carry-in), sorted, with the
  standby share in force per employee and day (:func:`standby_shares`; the solver counts the
  strictest share, :func:`strictest_standby_share`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from operator import attrgetter
from typing import Any

from constraints import limits
from constraints.limits.normal_hours import NormalHoursLimits
from scheduler.clock import to_minutes
from scheduler.model import (
    Agreement,
    HistoryPeriod,
    OnCall,
    PeriodKind,
    WorkPeriod,
)


@dataclass(frozen=True, slots=True)
class Span:
    """One work period in integer minutes since the epoch, ``[start, end)``."""

    start: int
    end: int
    work: int  # worked minutes: elapsed less an unpaid break
    kind: PeriodKind = PeriodKind.planned
    shift: str | None = None
    break_minutes: int | None = 0  # None = not recorded
    history: bool = False  # lies before the horizon (carry-in)
    passive: int = 0  # § 10-4 (2) passive minutes in the span

    @property
    def elapsed(self) -> int:
        return self.end - self.start

    def worked_in(self, w_start: int, w_end: int) -> float:
        """Worked minutes inside ``[w_start, w_end)``; an unpaid break is spread pro rata."""
        ov = max(0, min(self.end, w_end) - max(self.start, w_start))
        if ov == 0 or self.elapsed == 0:
            return 0.0
        if ov == self.elapsed:
            return float(self.work)
        return ov * self.work / self.elapsed


@dataclass(frozen=True, slots=True)
class Block:
    """A continuous stretch of work: touching or overlapping spans joined (planned + overtime)."""

    start: int
    end: int
    spans: tuple[Span, ...]

    @property
    def work(self) -> int:
        return sum(s.work for s in self.spans)


def blocks(spans: Iterable[Span], join_gap: int = 0) -> list[Block]:
    """Join spans whose gap is at most ``join_gap`` minutes into blocks.

    ``join_gap=0`` gives continuous work periods; a larger gap (e.g. the daily rest minus one
    minute) gives *main work periods*, so a split duty stays one period.
    """
    out: list[Block] = []
    cur: list[Span] = []
    cur_start = cur_end = 0
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if cur and s.start - cur_end <= join_gap:
            cur.append(s)
            cur_end = max(cur_end, s.end)
        else:
            if cur:
                out.append(Block(cur_start, cur_end, tuple(cur)))
            cur, cur_start, cur_end = [s], s.start, s.end
    if cur:
        out.append(Block(cur_start, cur_end, tuple(cur)))
    return out


def off_stretches(spans: Iterable[Span], w_start: int, w_end: int) -> list[tuple[int, int]]:
    """Off-duty stretches inside ``[w_start, w_end)``, clipped to the window."""
    out = []
    t = w_start
    for b in blocks(spans):
        if b.end <= w_start:
            continue
        if b.start >= w_end:
            break
        if b.start > t:
            out.append((t, b.start))
        t = max(t, b.end)
    if t < w_end:
        out.append((t, w_end))
    return out


def longest_off(spans: Iterable[Span], w_start: int, w_end: int) -> int:
    return max((e - s for s, e in off_stretches(spans, w_start, w_end)), default=0)


def worked_in(spans: Iterable[Span], w_start: int, w_end: int, kinds: set[PeriodKind] | None = None) -> float:
    """Worked minutes of the given kinds (all when ``None``) inside ``[w_start, w_end)``."""
    return sum(
        s.worked_in(w_start, w_end) for s in spans if kinds is None or s.kind in kinds
    )


def max_rolling(spans: list[Span], length: int, kinds: set[PeriodKind] | None = None) -> tuple[float, int]:
    """Largest worked minutes in any window of ``length`` minutes; returns (minutes, window start).

    The maximum of a piecewise-linear sum is reached where a window edge meets a span edge, so
    windows starting at each span start and ending at each span end are enough.
    """
    sel = [s for s in spans if kinds is None or s.kind in kinds]
    best, best_start = 0.0, sel[0].start if sel else 0
    candidates = {s.start for s in sel} | {s.end - length for s in sel}
    for w0 in candidates:
        v = worked_in(sel, w0, w0 + length)
        if v > best:
            best, best_start = v, w0
    return best, best_start



# § 10-4 (3): the share of an on-call period spent at home that counts as working time (at least
# 1/7 by statute; UNCONFIRMED whether statutory or practice). Rounded up to whole minutes. An
# agreement may set another share (the ``10-4`` parameter ``standby_share``, see
# :func:`standby_fraction`).
STANDBY_SHARE = (1, 7)
ShareFn = Callable[[str, date], tuple[int, int]]


def standby_fraction(share: float) -> tuple[int, int]:
    """The share as an exact fraction: 1/7 for the statute's default, else the decimal as
    written (``0.25`` is 1/4), so the checker and the solver count the same minutes."""
    if abs(share - STANDBY_SHARE[0] / STANDBY_SHARE[1]) < 1e-12:
        return STANDBY_SHARE
    f = Fraction(repr(float(share)))
    return f.numerator, f.denominator


def standby_shares(agreements: Iterable[Agreement]) -> ShareFn:
    """``share_of(employee, day)``: the § 10-4 (3) share in force for an on-call period from
    home that starts on ``day`` (the ``10-4`` ``standby_share`` of the agreements, else 1/7);
    one definition for the checker and the hours the roster workbook shows."""
    agreements = tuple(agreements)
    memo: dict[tuple[str, date], tuple[int, int]] = {}

    def share_of(emp_id: str, on: date) -> tuple[int, int]:
        got = memo.get((emp_id, on))
        if got is None:
            share = limits.effective(NormalHoursLimits.KEY, agreements, emp_id, on).p.standby_share
            got = memo[(emp_id, on)] = standby_fraction(share)
        return got

    return share_of


def strictest_standby_share(agreements: Iterable[Agreement]) -> tuple[int, int]:
    """The largest share any ``10-4`` agreement states, or 1/7: the solver's geometry counts
    every on-call period from home with it, so it never counts less than the checker; the
    posts scale an employee's own (lower) share back in (``PostContext.minutes``)."""
    best = STANDBY_SHARE
    for a in agreements:
        v = a.params.get("standby_share") if a.family == NormalHoursLimits.KEY else None
        if isinstance(v, int | float) and not isinstance(v, bool):
            f = standby_fraction(float(v))
            if f[0] * best[1] > best[0] * f[1]:
                best = f
    return best


def counted_work(elapsed: int, unpaid: int, on_call: OnCall | None,
                 share: tuple[int, int] = STANDBY_SHARE) -> int:
    """Working minutes of a period: elapsed less an unpaid break; from home on call, the
    standby share of that (rounded up). The solver's geometry uses the same function."""
    work = max(0, elapsed - unpaid)
    if on_call == OnCall.home:
        num, den = share
        return -(-work * num // den)
    return work


def span_from_period(p: WorkPeriod, share: tuple[int, int] = STANDBY_SHARE) -> Span:
    start, end = to_minutes(p.start), to_minutes(p.end)
    unpaid = 0 if (p.break_counts_as_work or not p.break_minutes) else p.break_minutes
    work = counted_work(end - start, unpaid, p.on_call, share)
    return Span(start, end, work, p.kind, p.shift, p.break_minutes, passive=p.passive_minutes)


def span_from_history(h: HistoryPeriod) -> Span:
    start, end = to_minutes(h.start), to_minutes(h.end)
    return Span(start, end, end - start, h.kind, None, h.break_minutes, history=True)


_BY_TIME = attrgetter("start", "end")


def employee_spans(
    periods: Iterable[WorkPeriod], history: Iterable[HistoryPeriod] = (),
    share_of: ShareFn | None = None,
) -> dict[str, list[Span]]:
    """Each employee's spans (roster, then history carry-in), sorted by (start, end).

    Spans are immutable and carry no employee, so periods alike in time, break, kind and shift
    (the same shift on the same day, for many employees) share one :class:`Span`.
    ``share_of(employee, day)`` is the § 10-4 (3) share of an on-call period from home that
    starts on ``day`` (default: 1/7 for everyone).
    """
    out: dict[str, list[Span]] = {}
    shared: dict[tuple[Any, ...], Span] = {}
    for p in periods:
        share = STANDBY_SHARE
        if p.on_call == OnCall.home and share_of is not None:
            share = share_of(p.employee, p.start.date())
        # fold is part of the key: wall times that differ only by fold compare equal.
        key = (p.start, p.start.fold, p.end, p.end.fold, p.break_minutes,
               p.break_counts_as_work, p.kind, p.shift, p.passive_minutes, p.on_call, share)
        span = shared.get(key)
        if span is None:
            span = shared[key] = span_from_period(p, share)
        spans = out.get(p.employee)
        if spans is None:
            out[p.employee] = [span]
        else:
            spans.append(span)
    for h in history:
        out.setdefault(h.employee, []).append(span_from_history(h))
    for spans in out.values():
        spans.sort(key=_BY_TIME)
    return out

