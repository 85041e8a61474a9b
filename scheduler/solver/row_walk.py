"""One employee's row walked over the days in plain Python (:func:`walk`), and an independent
count of the contract rules a row breaks (:func:`violations`). The rules are read by
:mod:`scheduler.solver.greedy_rows`, which also explains what the walk keeps and how."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

Row = dict[int, int]  # day index -> shift index
PACES = (0.5, 0.75, 0.25, 1.0, 0.0)  # where in [minimum, maximum] minutes the walk aims, in turn


@dataclass
class RowRules:
    """One employee's hard rules, as the walk and :func:`violations` read them."""

    open: list[list[int]]  # day -> shift indices the employee may work
    minutes: list[int]  # shift -> paid minutes
    cap: dict[int, int]  # shift -> most shifts of that type
    min_total: int | None
    max_total: int | None
    max_consec: int | None
    min_consec: int
    min_off: int
    max_weekends: int | None
    weekend: list[int]  # day -> weekend number (-1: not a weekend day)
    forbidden: set[tuple[int, int]]  # (shift, next day's shift) never both


def walk(rr: RowRules, gain: list[list[int]], pace: float) -> Row:
    """One forward walk over the days (see the module docstring), then :func:`_lengthen` when
    the minutes fell short of the minimum. A block that cannot go on as long as it must is
    taken back (its days become days off), so the walk always ends; :func:`violations` judges
    the result."""
    n = len(rr.open)
    lo = rr.min_total or 0
    if rr.max_total is None:
        top = max(lo, sum(max((rr.minutes[s] for s in o), default=0) for o in rr.open) // 2)
    else:
        top = rr.max_total
    aim = lo + pace * (top - lo)
    longest = max(rr.minutes) if rr.minutes else 0
    st = _State(rr)
    run = 0  # length of the current block of worked days (0: off)
    off = rr.min_off  # length of the current run of days off (the horizon start counts as off)
    prev: int | None = None
    for d in range(n):
        behind = aim * (d + 1) / n - st.minutes
        opts = st.choices(d, prev if run else None)
        if d + 1 < n and run + 1 < rr.min_consec:  # tomorrow must be worked too: keep it open
            opts = [s for s in opts if any((s, t) not in rr.forbidden for t in rr.open[d + 1])]
        best = max(opts, key=lambda s: (gain[d][s], -s)) if opts else None
        if run:
            if run < rr.min_consec and best is None:  # stuck: take the block back
                for dd in range(d - run, d):
                    st.drop(dd)
                run, off, prev = 0, _days_off_before(st.row, d) + 1, None
                continue
            may = rr.max_consec is None or run < rr.max_consec
            go = run < rr.min_consec or (may and best is not None and (
                behind > 0 or gain[d][best] > 0 and behind > -longest))
        else:
            go = off >= rr.min_off and best is not None and st.can_start(d) \
                and (behind > 0 or gain[d][best] > 0 and behind > -longest / 2)
        if go:
            assert best is not None
            st.put(d, best)
            run, off, prev = run + 1, 0, best
        else:
            run, off, prev = 0, off + 1, None
    if st.minutes < lo:
        _lengthen(rr, st, lo)
    return st.row


def _days_off_before(row: Row, d: int) -> int:
    k = 0
    while d - 1 - k >= 0 and (d - 1 - k) not in row:
        k += 1
    return k if d - 1 - k >= 0 else 10**6  # reaching the horizon start: as if rested


class _State:
    """The walk's row and what it has used so far."""

    def __init__(self, rr: RowRules) -> None:
        self.rr = rr
        self.row: Row = {}
        self.used: dict[int, int] = defaultdict(int)
        self.weekends: dict[int, int] = defaultdict(int)  # weekend -> days worked in it
        self.minutes = 0

    def put(self, d: int, s: int) -> None:
        self.row[d] = s
        self.used[s] += 1
        self.minutes += self.rr.minutes[s]
        if self.rr.weekend[d] >= 0:
            self.weekends[self.rr.weekend[d]] += 1

    def drop(self, d: int) -> None:
        s = self.row.pop(d)
        self.used[s] -= 1
        self.minutes -= self.rr.minutes[s]
        wk = self.rr.weekend[d]
        if wk >= 0:
            self.weekends[wk] -= 1
            if not self.weekends[wk]:
                del self.weekends[wk]

    def weekend_ok(self, d: int) -> bool:
        wk, most = self.rr.weekend[d], self.rr.max_weekends
        return wk < 0 or wk in self.weekends or most is None or len(self.weekends) < most

    def fits(self, d: int, s: int, before: int | None, after: int | None, extra: int = 0) -> bool:
        """Can ``s`` be worked on ``d`` between ``before`` and ``after`` (the neighbours' shifts)
        with ``extra`` minutes more already planned?"""
        rr = self.rr
        return s in rr.open[d] and (s not in rr.cap or self.used[s] < rr.cap[s]) \
            and (before is None or (before, s) not in rr.forbidden) \
            and (after is None or (s, after) not in rr.forbidden) \
            and (rr.max_total is None or self.minutes + extra + rr.minutes[s] <= rr.max_total)

    def choices(self, d: int, before: int | None) -> list[int]:
        if not self.weekend_ok(d):
            return []
        return [s for s in self.rr.open[d] if self.fits(d, s, before, None)]

    def can_start(self, d: int) -> bool:
        """The block's shortest legal length can be worked from ``d``: tried with the shortest
        shift that fits each day."""
        rr = self.rr
        k = min(rr.min_consec, len(rr.open) - d)
        planned: list[tuple[int, int]] = []
        prev, extra, ok = None, 0, True
        for dd in range(d, d + k):
            if not self.weekend_ok(dd):
                ok = False
                break
            opts = [s for s in rr.open[dd] if self.fits(dd, s, prev, None, extra)]
            if not opts:
                ok = False
                break
            prev = min(opts, key=lambda s: rr.minutes[s])
            self.put(dd, prev)  # held while looking ahead (caps and weekends count it)
            planned.append((dd, prev))
        for dd, _ in planned:
            self.drop(dd)
        return ok


def _lengthen(rr: RowRules, st: _State, lo: int) -> None:
    """Raise the minutes towards ``lo``: first a longer shift on a worked day, then one more
    day at the end of a block (where the days off after it stay long enough)."""
    row = st.row
    for d in sorted(row, key=lambda d: rr.minutes[row[d]]):
        if st.minutes >= lo:
            return
        s = row[d]
        st.drop(d)
        longer = [t for t in rr.open[d] if rr.minutes[t] > rr.minutes[s]
                  and st.fits(d, t, row.get(d - 1), row.get(d + 1))]
        st.put(d, max(longer, key=lambda t: rr.minutes[t]) if longer else s)
    n = len(rr.open)
    for d in range(n):
        if st.minutes >= lo:
            return
        if d in row or d - 1 not in row or not st.weekend_ok(d):
            continue
        block = 0
        while d - 1 - block >= 0 and d - 1 - block in row:
            block += 1
        if rr.max_consec is not None and block + 1 > rr.max_consec:
            continue
        gap = 0
        while d + 1 + gap < n and d + 1 + gap not in row:
            gap += 1
        if d + 1 + gap < n and gap < rr.min_off:  # the days off after it would be too few
            continue
        opts = [t for t in rr.open[d] if st.fits(d, t, row[d - 1], row.get(d + 1))]
        if opts:
            st.put(d, max(opts, key=lambda t: rr.minutes[t]))


def violations(rr: RowRules, row: Row) -> list[str]:
    """The rules ``row`` breaks (empty: legal), counted afresh from the row."""
    out = []
    n = len(rr.open)
    for d, s in row.items():
        if s not in rr.open[d]:
            out.append(f"cell {d},{s} not open")
    counts: dict[int, int] = defaultdict(int)
    for s in row.values():
        counts[s] += 1
    out += [f"{s}: {k} > {rr.cap[s]}" for s, k in counts.items() if s in rr.cap and k > rr.cap[s]]
    total = sum(rr.minutes[s] for s in row.values())
    if rr.max_total is not None and total > rr.max_total:
        out.append(f"minutes {total} > {rr.max_total}")
    if rr.min_total is not None and total < rr.min_total:
        out.append(f"minutes {total} < {rr.min_total}")
    worked = [d in row for d in range(n)]
    d = 0
    while d < n:
        e = d
        while e + 1 < n and worked[e + 1] == worked[d]:
            e += 1
        length, inside = e - d + 1, d > 0 and e < n - 1
        if worked[d] and rr.max_consec is not None and length > rr.max_consec:
            out.append(f"block {d}-{e} too long")
        if inside and length < (rr.min_consec if worked[d] else rr.min_off):
            out.append(f"{'block' if worked[d] else 'days off'} {d}-{e} too short")
        d = e + 1
    weekends = {rr.weekend[d] for d in row if rr.weekend[d] >= 0}
    if rr.max_weekends is not None and len(weekends) > rr.max_weekends:
        out.append(f"weekends {len(weekends)} > {rr.max_weekends}")
    out += [f"succession {d}" for d, s in row.items()
            if d + 1 in row and (s, row[d + 1]) in rr.forbidden]
    return out
