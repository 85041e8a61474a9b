"""Per-problem precompute for the CP-SAT model, in plain ints (computed once per solve).

Every (day, shift) cell gets its real interval in epoch minutes (``ShiftType.interval_on`` +
``scheduler.clock.to_minutes``, so DST nights have their real length), its worked minutes, and
the minutes it puts into each fixed day window, fixed week window, night window and § 10-10
red-day segment. Windows come from ``self.windows`` only: the problem's
:class:`constraints.windows.TimeWindows`, built by the checker's builder over the same extent.

Minutes inside a window use the checker's measure (:meth:`constraints.spans.Span.worked_in`: an
unpaid break is spread pro rata) rounded **up** to whole minutes, so a sum the solver keeps
within a limit is never above it for the checker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from constraints.spans import counted_work, strictest_standby_share
from constraints.windows import TimeWindows, time_windows
from scheduler import calendar as cal
from scheduler.clock import to_minutes
from scheduler.model import Employee, PeriodKind, Problem, RequestKind, ShiftType

Cell = tuple[int, int]  # (day index, shift index)


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def worked_in(start: int, end: int, work: int, w_start: int, w_end: int) -> int:
    """Worked minutes of ``[start, end)`` inside ``[w_start, w_end)``, rounded up."""
    ov = max(0, min(end, w_end) - max(start, w_start))
    if ov == 0:
        return 0
    elapsed = end - start
    if ov == elapsed:
        return work
    return ceil_div(ov * work, elapsed)


@dataclass(frozen=True, slots=True)
class HistSpan:
    start: int
    end: int
    work: int
    kind: PeriodKind


@dataclass
class Geometry:
    problem: Problem
    days: list[date] = field(init=False)
    shifts: list[ShiftType] = field(init=False)
    emps: list[Employee] = field(init=False)
    emp_index: dict[str, int] = field(init=False)
    shift_index: dict[str, int] = field(init=False)
    day_index: dict[date, int] = field(init=False)
    start: list[list[int]] = field(init=False)  # [d][s] epoch minutes
    end: list[list[int]] = field(init=False)
    work: list[list[int]] = field(init=False)  # worked minutes (unpaid break deducted)
    standby_share: tuple[int, int] = field(init=False)  # § 10-4 (3), the strictest stated
    horizon_start: int = field(init=False)
    horizon_end: int = field(init=False)
    windows: TimeWindows = field(init=False)  # the problem's windows (constraints.windows)
    history: list[list[HistSpan]] = field(init=False)  # per employee index
    cache: dict = field(init=False, default_factory=dict)  # memo for rule posts

    def __post_init__(self) -> None:
        p = self.problem
        s = p.settings
        self.days = s.days()
        self.shifts = list(p.shifts)
        self.emps = list(p.employees)
        self.emp_index = {e.id: i for i, e in enumerate(self.emps)}
        self.shift_index = {st.code: i for i, st in enumerate(self.shifts)}
        self.day_index = {d: i for i, d in enumerate(self.days)}
        self.start, self.end, self.work = [], [], []
        self.standby_share = strictest_standby_share(p.agreements)
        for day in self.days:
            srow, erow, wrow = [], [], []
            for st in self.shifts:
                a, b = st.interval_on(day)
                m0, m1 = to_minutes(a), to_minutes(b)
                unpaid = 0 if st.break_counts_as_work else st.break_minutes
                srow.append(m0)
                erow.append(m1)
                wrow.append(counted_work(m1 - m0, unpaid, st.on_call,  # § 10-4 (3) from home
                                         self.standby_share))
            self.start.append(srow)
            self.end.append(erow)
            self.work.append(wrow)
        # The checker's windows, by the same builder over the same extent (the § 10-8 (4) run of
        # red days worked reaches back to the last Sunday worked).
        self.windows = time_windows(
            s,
            (h.start.date() for h in p.history),
            (h.last_sunday_worked for h in p.employee_history if h.last_sunday_worked),
            p.agreements,
        )
        self.horizon_start = self.windows.horizon_start
        self.horizon_end = self.windows.horizon_end
        self.history = [[] for _ in self.emps]
        for h in p.history:
            i = self.emp_index.get(h.employee)
            if i is None:
                continue
            a, b = to_minutes(h.start), to_minutes(h.end)
            self.history[i].append(HistSpan(a, b, b - a, h.kind))
        for spans in self.history:
            spans.sort(key=lambda x: (x.start, x.end))

    # -- sizes ------------------------------------------------------------------------------

    @property
    def D(self) -> int:  # noqa: N802
        return len(self.days)

    @property
    def S(self) -> int:  # noqa: N802
        return len(self.shifts)

    @property
    def E(self) -> int:  # noqa: N802
        return len(self.emps)

    def cells(self) -> Iterable[Cell]:
        for d in range(self.D):
            for s in range(self.S):
                yield d, s

    def cell_interval(self, c: Cell) -> tuple[int, int]:
        return self.start[c[0]][c[1]], self.end[c[0]][c[1]]

    # -- minutes inside windows ------------------------------------------------------------

    def in_windows(self, windows: list[cal.Window]) -> dict[Cell, list[tuple[int, int]]]:
        """For each cell: (window index, worked minutes inside, rounded up) where > 0."""
        out: dict[Cell, list[tuple[int, int]]] = {}
        starts = [w.start for w in windows]
        import bisect

        for d, s in self.cells():
            a, b, w = self.start[d][s], self.end[d][s], self.work[d][s]
            i = max(0, bisect.bisect_right(starts, a) - 1)
            row = []
            while i < len(windows) and windows[i].start < b:
                m = worked_in(a, b, w, windows[i].start, windows[i].end)
                if m > 0:
                    row.append((i, m))
                i += 1
            out[(d, s)] = row
        return out

    @cached_property
    def in_day(self) -> dict[Cell, list[tuple[int, int]]]:
        return self.in_windows(self.windows.day)

    @cached_property
    def in_week(self) -> dict[Cell, list[tuple[int, int]]]:
        return self.in_windows(self.windows.week)

    def history_in(self, e: int, w_start: int, w_end: int,
                   kinds: set[PeriodKind] | None = None) -> int:
        """History minutes of employee ``e`` inside a window (rounded up)."""
        return sum(
            worked_in(h.start, h.end, h.work, w_start, w_end)
            for h in self.history[e]
            if kinds is None or h.kind in kinds
        )

    @cached_property
    def night_minutes(self) -> list[list[int]]:
        """Elapsed minutes of each cell inside the § 10-11 night windows."""
        out = []
        for d in range(self.D):
            row = []
            for s in range(self.S):
                a, b = self.start[d][s], self.end[d][s]
                row.append(cal.overlap_minutes(self.windows.night, a, b))
            out.append(row)
        return out

    @cached_property
    def red_touch(self) -> dict[Cell, list[int]]:
        """Indices into ``self.windows.red`` of the red-day segments each cell overlaps."""
        out: dict[Cell, list[int]] = {}
        for d, s in self.cells():
            a, b = self.start[d][s], self.end[d][s]
            out[(d, s)] = [i for i, r in enumerate(self.windows.red) if r.segment.overlap(a, b) > 0]
        return out

    def red_touched_by_history(self, e: int, firm: bool = False) -> set[int]:
        """Indices into ``self.windows.red`` whose segment history periods of ``e`` touch; with
        ``firm`` only those touched in the firm part (``RedDay.firm_start``): history work only
        in a holiday's eve part leaves planned work on that holiday a firm § 10-8 (4) day."""
        return {
            i
            for i, r in enumerate(self.windows.red)
            for h in self.history[e]
            if min(h.end, r.segment.end) > max(h.start, r.firm_start if firm else r.segment.start)
        }

    # -- rest ------------------------------------------------------------------------------

    def rest_conflicts(self, rest: int, split_duties: bool = False) -> list[tuple[Cell, Cell]]:
        """Ordered cell pairs (earlier start first, different days unless split duties) whose
        gap is shorter than ``rest`` minutes, or that overlap."""
        out = []
        for d in range(self.D):
            for d2 in range(d, min(self.D, d + 3)):
                for s in range(self.S):
                    a, b = self.start[d][s], self.end[d][s]
                    for s2 in range(self.S):
                        if d2 == d and s2 <= s:
                            continue
                        a2, b2 = self.start[d2][s2], self.end[d2][s2]
                        first, second = ((a, b), (a2, b2)) if (a, b) <= (a2, b2) else ((a2, b2), (a, b))
                        gap = second[0] - first[1]
                        if gap >= rest:
                            continue
                        if d2 == d:
                            if not split_duties:
                                continue  # one shift a day: handled by the day constraint
                            # Same-day split duty: one main work period unless the parts touch
                            # or overlap (they would merge into one continuous period, whose
                            # breaks and length the shift types do not vouch for) or it is too
                            # long to leave the daily rest in its 24 h.
                            span = max(b, b2) - min(a, a2)
                            if gap > 0 and span <= 24 * 60 - rest:
                                continue
                        c1, c2 = ((d, s), (d2, s2)) if (a, b) <= (a2, b2) else ((d2, s2), (d, s))
                        out.append((c1, c2))
        return out

    def history_blocks(self, e: int, rest: int) -> list[Cell]:
        """Cells that overlap a history period of ``e`` or start less than ``rest`` after it."""
        out = []
        for h in self.history[e]:
            for d, s in self.cells():
                a, b = self.start[d][s], self.end[d][s]
                if a < h.end + rest and b > h.start - rest:
                    out.append((d, s))
        return out

    def weekly_rest_candidates(self, week: cal.Window, rest: int) -> list[tuple[int, frozenset[Cell]]]:
        """Candidate off stretches ``[c, c + rest)`` inside a fixed week window.

        Candidate starts are the window start and every possible shift end (and history end)
        inside it; a candidate is met iff none of its overlapping cells is worked. The longest
        off stretch in the window is at least ``rest`` iff some candidate is met (clip reading:
        the stretch must lie inside the window).
        """
        starts = {week.start}
        for d, s in self.cells():
            e = self.end[d][s]
            if week.start < e < week.end:
                starts.add(e)
        for spans in self.history:
            for h in spans:
                if week.start < h.end < week.end:
                    starts.add(h.end)
        out = []
        for c in sorted(starts):
            if c + rest > week.end:
                continue
            cells = frozenset(
                (d, s)
                for d, s in self.cells()
                if self.start[d][s] < c + rest and self.end[d][s] > c
            )
            out.append((c, cells))
        return out

    def history_overlaps(self, e: int, a: int, b: int) -> bool:
        return any(h.start < b and h.end > a for h in self.history[e])

    # -- requests --------------------------------------------------------------------------

    def unavailable(self) -> dict[int, set[int]]:
        out: dict[int, set[int]] = {}
        for r in self.problem.requests:
            if r.kind != RequestKind.unavailable:
                continue
            e = self.emp_index.get(r.employee)
            if e is None:
                continue
            for day in r.days():
                d = self.day_index.get(day)
                if d is not None:
                    out.setdefault(e, set()).add(d)
        return out
