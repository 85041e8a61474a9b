"""Reading a roster grid (a sheet ``Roster``/``Turnus``) for ``roster check``.

The header (where the ids, names and dates are) is read by :mod:`scheduler.io.roster.grid.header`,
the employee rows' cells by :mod:`scheduler.io.roster.grid.cells`; :func:`read_grid` walks the rows
and says what was read, not read and ignored.

The layout is described in :mod:`scheduler.io.roster.load`. How the reader makes sure nothing that
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
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH

from scheduler import dayoff, i18n
from scheduler.errors import Collector
from scheduler.io.roster.grid.cells import RowReader, overlapping, report_reserved_codes
from scheduler.io.roster.grid.header import Grid, check_header, find_header, refuse_merged
from scheduler.io.roster.source import Coverage, RosterInput, cell_range, part, runs
from scheduler.io.roster.values import GRID_SHEETS, as_text
from scheduler.io.used import row_values, used_rows
from scheduler.model import Roster, ShiftType

__all__ = ["find_grid_sheet", "find_sheet", "overlapping", "read_grid"]

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
    from scheduler.io.write.workbook import is_output_sheet

    for ws in wb.worksheets:
        if is_output_sheet(ws) and ws.title.strip().lower().startswith(GRID_SHEETS):
            return str(ws.title)
    return find_sheet(wb.sheetnames, GRID_SHEETS)


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
    from scheduler.io.write.workbook import is_output_sheet

    sheet = ws.title
    stream = used_rows(ws)
    rows = [(r, values) for r, cells in stream if (values := row_values(cells))]
    hi = find_header(rows, epoch)
    if hi is None:
        col.add(i18n.msg("input.grid.no_header"), sheet)
        return RosterInput(path, "grid", Roster(periods=()), sheet)
    ours = is_output_sheet(ws)
    coverage = Coverage("grid", sheet)
    g = Grid(rows[hi][0], rows[hi][1], epoch)
    check_header(g, sheet, col)
    refuse_merged(g, stream.merged, sheet, col)
    if hi:
        width = max(len(row) for _, row in rows[:hi])
        coverage.ignored.append(part(cell_range(0, 1, width - 1, g.row - 1),
                                     "coverage.above_header"))
    first_date = g.date_cols[0][0]
    header_cols = [j for j, v in enumerate(g.header)
                   if j > first_date and j not in g.read_cols and as_text(v)]

    clashing = [st.code for st in shifts if dayoff.reserved(st.code)]
    if clashing:
        report_reserved_codes(clashing, rows[hi + 1:], g, sheet, col)
        shifts = [st for st in shifts if not dayoff.reserved(st.code)]
    reader = RowReader(g, shifts, sheet, col, report_missing_shifts)

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
