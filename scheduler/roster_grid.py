"""Reading a roster grid (a sheet ``Roster``/``Turnus``) for ``roster check``.

The layout is described in :mod:`scheduler.roster_input`. How the reader makes sure nothing that
looks like roster data is skipped:

* Only cells that hold a value are visited (a read-only sheet streams its rows; a stray cell at
  XFD1048576 costs one row, not a 1 M x 16 k rectangle).
* Date columns are all header cells that are dates, wherever they are in the header row: a note
  in one header cell does not end the grid.
* Employee rows are every row with an id after the header, also after blank rows. Below the first
  blank row (where tables of totals, notes and the legend ``roster solve`` writes live) a row is
  read as an employee when its date columns hold a shift or day-off code, or text (unknown codes
  are then input errors at their cells); below a legend title only codes count.
* A cell that holds a shift or day-off code but cannot be placed is an input error naming it: no
  employee id in its row, or a header that is not a date above it.
* Every other cell with a value that is not read (notes, totals, far cells) is listed in the
  coverage as not read, with its cells; the legend and totals ``roster solve`` writes into its own
  sheet are listed as ignored.
* Two shifts of one employee that overlap (``D+D`` in one cell, a night running into the next
  morning's shift) are an input error, as overlapping timesheet rows are: the same hours would
  count twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH

from scheduler import dayoff, i18n
from scheduler.errors import Collector
from scheduler.model import Roster, ShiftType, WorkPeriod, shift_period
from scheduler.roster_source import Coverage, RosterInput, cell_range, part, runs
from scheduler.roster_values import GRID_SHEETS, HEADER_SCAN_ROWS, as_text, parse_day
from scheduler.workbook.used import MergedRange, row_values, used_rows

NAME_HEADERS = ("name", "navn", "employee name", "ansattnavn")
LEGEND_TITLES = frozenset(
    i18n.text("sheet.legend.title", lang).strip().lower() for lang in i18n.LANGUAGES
)
SOLVE_MARGIN = frozenset(
    i18n.text(f"sheet.roster.{k}", lang).strip().lower()
    for k in ("shifts", "hours", "contract", "deviation")
    for lang in i18n.LANGUAGES
)


def find_sheet(names: Iterable[str], wanted: Sequence[str]) -> str | None:
    for name in names:
        if name.strip().lower() in wanted:
            return name
    return None


def find_grid_sheet(wb: Any) -> str | None:
    """The roster grid sheet: the one ``roster solve`` wrote (it carries its marker name), else
    a sheet called Roster or Turnus."""
    from scheduler.workbook.roster_writer import is_output_sheet

    for ws in wb.worksheets:
        if is_output_sheet(ws) and ws.title.strip().lower().startswith(GRID_SHEETS):
            return str(ws.title)
    return find_sheet(wb.sheetnames, GRID_SHEETS)


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


class _Grid:
    """The header of a grid sheet: where the ids, names and dates are."""

    def __init__(self, header_row: int, header: Sequence[Any], epoch: datetime) -> None:
        self.row = header_row
        self.header = header
        self.id_col = next((j for j, v in enumerate(header) if as_text(v)), 0)
        first_date = next(j for j, v in enumerate(header)
                          if j > 0 and parse_day(v, epoch) is not None)
        if first_date <= self.id_col:
            self.id_col = 0
        self.date_cols: list[tuple[int, date]] = []
        for j in range(first_date, len(header)):
            d = parse_day(header[j], epoch)
            if d is not None:
                self.date_cols.append((j, d))
        self.name_col: int | None = None
        between = list(range(self.id_col + 1, first_date))
        for j in between:
            if as_text(header[j]).lower() in NAME_HEADERS:
                self.name_col = j
                break
        if self.name_col is None and between:
            self.name_col = between[0]
        self.read_cols = {self.id_col, *(j for j, _ in self.date_cols)}
        if self.name_col is not None:
            self.read_cols.add(self.name_col)


def _find_header(rows: Sequence[tuple[int, tuple[Any, ...]]], epoch: datetime) -> int | None:
    for i, (r, row) in enumerate(rows):
        if r > HEADER_SCAN_ROWS:
            return None
        if any(parse_day(v, epoch) is not None for v in row[1:]):
            return i
    return None


def read_grid(
    ws: Any,
    path: Path,
    shifts: Sequence[ShiftType],
    col: Collector,
    *,
    report_missing_shifts: bool = True,
    epoch: datetime = WINDOWS_EPOCH,
) -> RosterInput:
    """Read a roster grid sheet (openpyxl worksheet) into work periods; issues go to ``col``.
    ``epoch``: the workbook's date system (``Workbook.epoch``), for serial-number dates."""
    from scheduler.workbook.roster_writer import is_output_sheet

    sheet = ws.title
    stream = used_rows(ws)
    rows = [(r, values) for r, cells in stream if (values := row_values(cells))]
    hi = _find_header(rows, epoch)
    if hi is None:
        col.add(i18n.msg("input.grid.no_header"), sheet)
        return RosterInput(path, "grid", Roster(periods=()), sheet)
    ours = is_output_sheet(ws)
    coverage = Coverage("grid", sheet)
    g = _Grid(rows[hi][0], rows[hi][1], epoch)
    _check_header(g, sheet, col)
    _refuse_merged(g, stream.merged, sheet, col)
    if hi:
        width = max(len(row) for _, row in rows[:hi])
        coverage.ignored.append(part(cell_range(0, 1, width - 1, g.row - 1),
                                     "coverage.above_header"))
    first_date = g.date_cols[0][0]
    header_cols = [j for j, v in enumerate(g.header)
                   if j > first_date and j not in g.read_cols and as_text(v)]

    clashing = [st.code for st in shifts if dayoff.reserved(st.code)]
    if clashing:
        _report_reserved_codes(clashing, rows[hi + 1:], g, sheet, col)
        shifts = [st for st in shifts if not dayoff.reserved(st.code)]
    reader = _RowReader(g, shifts, sheet, col, report_missing_shifts)

    in_block, legend, expect = True, False, g.row + 1
    skipped_rows: list[int] = []
    legend_rows: list[int] = []
    for r, row in rows[hi + 1:]:
        if r != expect:
            in_block = False
        expect = r + 1
        emp = as_text(row[g.id_col]) if g.id_col < len(row) else ""
        if not emp:
            in_block = False
        dates = [(j, d, row[j]) for j, d in g.date_cols if j < len(row)]
        others = [(j, row[j]) for j in range(len(row))
                  if j not in g.read_cols and as_text(row[j])]
        if emp.lower() in LEGEND_TITLES and not any(as_text(v) for _, _, v in dates):
            legend, in_block = True, False
        if emp and in_block:  # the block of employee rows under the header
            reader.read(r, row, emp, others)
            continue
        coded = [j for j, _, v in dates if reader.is_code(v)]
        coded_other = [j for j, v in others if reader.is_code(v)]
        texty = any(isinstance(v, str) and v.strip() for _, _, v in dates)
        if emp and (coded or coded_other or (texty and not legend)):
            reader.read(r, row, emp, others)
            continue
        if coded or coded_other:
            refs = ", ".join(f"{get_column_letter(j + 1)}{r}" for j in (coded + coded_other)[:5])
            col.add(
                i18n.msg("input.grid.no_id", row=r, refs=refs,
                         cell=f"{get_column_letter(g.id_col + 1)}{r}"),
                sheet,
                f"{get_column_letter(g.id_col + 1)}{r}",
            )
            continue
        if legend and ours:
            legend_rows.append(r)
            continue
        skipped_rows.append(r)
    for a, b in runs(legend_rows):
        width = max(len(row) for r, row in rows if a <= r <= b)
        coverage.ignored.append(part(cell_range(0, a, width - 1, b), "coverage.solve_legend"))
    for a, b in runs(skipped_rows):
        width = max(len(row) for r, row in rows if a <= r <= b)
        coverage.not_read.append(part(
            cell_range(0, a, width - 1, b), "coverage.rows_no_codes"))
    before = sorted({j for j, v in enumerate(g.header)
                     if j < first_date and j not in g.read_cols and as_text(v)}
                    | {j for j in reader.other_cells if j < first_date})
    last_row = max(r for r, _ in rows)
    if before:
        coverage.ignored.append(part(
            ", ".join(cell_range(j, g.row, j, last_row) for j in before), "coverage.before_dates"))
    unread = {j: rs for j, rs in reader.other_cells.items() if j > first_date}
    for j in header_cols:
        unread.setdefault(j, []).append(g.row)
    solve_cols: list[int] = []
    for j, refs in sorted(unread.items()):
        header = as_text(g.header[j]) if j < len(g.header) else ""
        if ours and header.lower() in SOLVE_MARGIN:
            solve_cols.append(j)
            continue
        for a, b in runs(sorted(refs)):
            coverage.not_read.append(part(cell_range(j, a, j, b), "coverage.column_not_date",
                                          header=header or "-"))
    if solve_cols:
        coverage.ignored.insert(0, part(
            ", ".join(cell_range(j, g.row, j, last_row) for j in solve_cols),
            "coverage.solve_margin"))

    periods = reader.periods
    starts, ends = reader.starts, reader.ends
    for a, b in overlapping(periods, starts, ends):
        pa, pb = periods[a], periods[b]
        col.add(
            i18n.msg("input.grid.overlap", employee=repr(pa.employee),
                     b=f"{pb.shift} {pb.start:%Y-%m-%d %H:%M}–{pb.end:%H:%M}", b_ref=reader.refs[b],
                     a=f"{pa.shift} {pa.start:%Y-%m-%d %H:%M}–{pa.end:%H:%M}", a_ref=reader.refs[a]),
            sheet,
            reader.refs[b],
        )
    order = sorted(range(len(periods)), key=lambda i: (periods[i].employee, starts[i]))
    # Periods built from validated shift types, day marks as read: no re-validation.
    coverage.rows_read = len(reader.order)
    coverage.employees = len(reader.order)
    coverage.periods_read = len(periods)
    return RosterInput(
        path=path,
        kind="grid",
        roster=Roster.model_construct(periods=tuple(periods[i] for i in order),
                                      day_marks=tuple(sorted(reader.marks))),
        sheet=sheet,
        days=[d for _, d in sorted(g.date_cols, key=lambda x: x[1])],
        employee_order=reader.order,
        names=reader.names,
        cells=reader.cells,
        codes=reader.codes,
        starts=[starts[i] for i in order],
        ends=[ends[i] for i in order],
        coverage=coverage,
    )


def _refuse_merged(g: _Grid, merged: Sequence[MergedRange], sheet: str, col: Collector) -> None:
    """A merged range in the grid (from the header row down, over the id, name or date
    columns) holds its value in its first cell only: the other days would read as days off and
    the other employees as blank. Refused, with the range named."""
    last = max(j for j, _ in g.date_cols)
    for m in merged:
        ref = m.ref
        if None in (m.max_row, m.max_col, m.min_col, m.min_row):
            continue
        if m.max_row < g.row or m.min_col - 1 > last:
            continue  # a title above the grid, or cells right of the dates
        col.add(
            i18n.msg("input.grid.merged", ref=ref, first=ref.split(":")[0]),
            sheet,
            ref,
        )


def _check_header(g: _Grid, sheet: str, col: Collector) -> None:
    seen: dict[date, int] = {}
    for j, d in g.date_cols:
        if d in seen:
            col.add(
                i18n.msg("input.grid.date_twice", day=d.isoformat(),
                         cell=f"{get_column_letter(seen[d] + 1)}{g.row}"),
                sheet,
                f"{get_column_letter(j + 1)}{g.row}",
            )
        seen.setdefault(d, j)
    for (_, a), (j, b) in zip(g.date_cols, g.date_cols[1:], strict=False):
        if b < a:
            col.add(
                i18n.msg("input.grid.dates_order", b=b.isoformat(), a=a.isoformat()),
                sheet,
                f"{get_column_letter(j + 1)}{g.row}",
            )
            break


class _RowReader:
    """Reads employee rows into work periods, day marks and cell references."""

    def __init__(self, g: _Grid, shifts: Sequence[ShiftType], sheet: str, col: Collector,
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


def _report_reserved_codes(
    codes: Sequence[str], body: Sequence[tuple[int, tuple[Any, ...]]], g: _Grid, sheet: str,
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
