"""The cells of a roster grid: employee rows read into work periods, day marks and cell
references (:class:`RowReader`); shift codes (``D``, ``D+N``) resolved against the Shifts sheet;
a shift code that is also a day-off code, and overlapping shifts (:func:`overlapping`), are
input errors."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from openpyxl.utils import get_column_letter

from scheduler import dayoff, i18n
from scheduler.errors import Collector
from scheduler.io.roster.grid.header import Grid
from scheduler.io.roster.values import as_text
from scheduler.model import ShiftType, WorkPeriod, shift_period


def _shift_lookup(shifts: Sequence[ShiftType]) -> tuple[dict[str, ShiftType], dict[str, list[ShiftType]]]:
    exact = {s.code: s for s in shifts}
    folded: dict[str, list[ShiftType]] = {}
    for s in shifts:
        folded.setdefault(s.code.lower(), []).append(s)
    return exact, folded


def _resolve_codes(
    text: str, exact: dict[str, ShiftType], folded: dict[str, list[ShiftType]]
) -> list[ShiftType] | None:
    """The shift(s) a cell names: one code, or several joined by ``+`` (as ``roster solve``
    writes two shifts on one day). Exact match first, then case-insensitive when unambiguous."""

    def one(code: str) -> ShiftType | None:
        st = exact.get(code)
        if st is None:
            matches = folded.get(code.lower(), [])
            st = matches[0] if len(matches) == 1 else None
        return st

    st = one(text)
    if st is not None:
        return [st]
    if "+" in text:
        parts = [one(c.strip()) for c in text.split("+")]
        if all(p is not None for p in parts):
            return [p for p in parts if p is not None]
    return None


def overlapping(
    periods: Sequence[WorkPeriod], starts: Sequence[float] | None = None,
    ends: Sequence[float] | None = None,
) -> list[tuple[int, int]]:
    """(earlier, later) index pairs of one employee's periods that overlap, compared as instants
    (``starts``/``ends``: the periods' epoch seconds, when already known)."""
    if starts is None or ends is None:
        starts = [p.start.timestamp() for p in periods]
        ends = [p.end.timestamp() for p in periods]
    by_emp: dict[str, list[int]] = {}
    for i, p in enumerate(periods):
        by_emp.setdefault(p.employee, []).append(i)
    out: list[tuple[int, int]] = []
    for idx in by_emp.values():
        idx.sort(key=lambda i: (starts[i], ends[i]))
        latest = idx[0]
        for b in idx[1:]:
            if starts[b] < ends[latest]:
                out.append((latest, b))
            if ends[b] > ends[latest]:
                latest = b
    return out


class RowReader:
    """Reads employee rows into work periods, day marks and cell references."""

    def __init__(self, g: Grid, shifts: Sequence[ShiftType], sheet: str, col: Collector,
                 report_missing_shifts: bool) -> None:
        self.g, self.shifts, self.sheet, self.col = g, shifts, sheet, col
        self.report_missing_shifts = report_missing_shifts
        self.exact, self.folded = _shift_lookup(shifts)
        self.resolved: dict[str, list[ShiftType] | None] = {}
        self.intervals: dict[tuple[str, date], tuple[datetime, datetime, float, float]] = {}
        self.letters = {j: get_column_letter(j + 1) for j, _ in g.date_cols}
        self.periods: list[WorkPeriod] = []
        self.refs: list[str] = []
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.marks: list[tuple[str, date, str]] = []
        self.order: list[str] = []
        self.names: dict[str, str] = {}
        self.cells: dict[tuple[str, date], str] = {}
        self.codes: dict[tuple[str, date], str] = {}
        self.seen: dict[str, int] = {}
        self.other_cells: dict[int, list[int]] = {}  # column -> rows of unread cells
        self.missing_reported = False

    def lookup(self, text: str) -> list[ShiftType] | None:
        if text not in self.resolved:
            self.resolved[text] = _resolve_codes(text, self.exact, self.folded)
        return self.resolved[text]

    def is_code(self, value: Any) -> bool:
        """A shift code (or ``+`` of codes) of the Shifts sheet, or a day-off code other than
        blank: what only a roster grid holds."""
        text = as_text(value)
        if not text:
            return False
        return bool(dayoff.mark_of(text)) or text == "-" or self.lookup(text) is not None

    def read(self, r: int, row: Sequence[Any], emp: str, others: list[tuple[int, Any]]) -> None:
        g, sheet, col = self.g, self.sheet, self.col
        if emp in self.seen:
            col.add(i18n.msg("input.grid.two_rows", employee=repr(emp), row=self.seen[emp]),
                    sheet,
                    f"{get_column_letter(g.id_col + 1)}{r}")
            return
        self.seen[emp] = r
        self.order.append(emp)
        if g.name_col is not None and g.name_col < len(row):
            self.names[emp] = as_text(row[g.name_col])
        for j, value in others:
            if self.is_code(value):
                header = as_text(g.header[j]) if j < len(g.header) else ""
                col.add(
                    i18n.msg("input.grid.no_date_says" if header else "input.grid.no_date_empty",
                             code=repr(as_text(value)), cell=f"{get_column_letter(j + 1)}{g.row}",
                             header=repr(header)),
                    sheet,
                    f"{get_column_letter(j + 1)}{r}",
                )
            else:
                self.other_cells.setdefault(j, []).append(r)
        for j, d in g.date_cols:
            ref = f"{self.letters[j]}{r}"
            self.cells[(emp, d)] = ref
            text = as_text(row[j]) if j < len(row) else ""
            self.codes[(emp, d)] = text
            mark = dayoff.mark_of(text)
            if mark is not None:
                if mark:
                    self.marks.append((emp, d, mark))
                continue
            found = self.lookup(text)
            if found is None:
                self._unknown(text, emp, d, ref)
                continue
            for st in found:
                self._add(st, emp, d, ref)

    def _unknown(self, text: str, emp: str, d: date, ref: str) -> None:
        if not self.shifts:
            if self.report_missing_shifts and not self.missing_reported:
                self.col.add(
                    i18n.msg("input.grid.no_shifts", code=repr(text)),
                    self.sheet,
                    ref,
                )
                self.missing_reported = True
            return
        known = ", ".join(sorted(self.exact)) or i18n.term("input.none")
        self.col.add(
            i18n.msg("input.grid.unknown_code", code=repr(text), employee=repr(emp),
                     day=d.isoformat(), known=known),
            self.sheet,
            ref,
        )

    def _add(self, st: ShiftType, emp: str, d: date, ref: str) -> None:
        key = (st.code, d)
        if key not in self.intervals:
            a, b = st.interval_on(d)
            self.intervals[key] = (a, b, a.timestamp(), b.timestamp())
        start, end, t0, t1 = self.intervals[key]
        if t1 <= t0:  # e.g. a shift inside the DST gap
            self.col.add(
                i18n.msg("input.grid.no_duration", code=repr(st.code), day=d.isoformat()),
                self.sheet,
                ref,
            )
            return
        # Built from a validated ShiftType, aware and end > start (checked above), so the
        # WorkPeriod invariants hold; skipping re-validation keeps big grids fast.
        self.periods.append(shift_period(emp, st, start, end, trusted=True))
        self.refs.append(ref)
        self.starts.append(t0)
        self.ends.append(t1)


def report_reserved_codes(
    codes: Sequence[str], body: Sequence[tuple[int, tuple[Any, ...]]], g: Grid, sheet: str,
    col: Collector,
) -> None:
    """A shift code that is also a day-off code (F1..F5, FE, Ferie, OFF, -) is an input error:
    the grid cell would be ambiguous. Named at the first grid cell holding it (else the sheet)."""
    date_cols = [j for j, _ in g.date_cols]
    for code in codes:
        where = ""
        for r, row in body:
            hit = next((j for j in date_cols if j < len(row)
                        and as_text(row[j]).lower() == code.strip().lower()), None)
            if hit is not None:
                where = f"{get_column_letter(hit + 1)}{r}"
                break
        col.add(
            i18n.msg("input.grid.reserved", code=repr(code), mark=repr(dayoff.mark_of(code) or code)),
            sheet,
            where,
        )
