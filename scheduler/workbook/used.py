"""The used cells of a workbook: memory follows the data, never the sheet's dimension.

A normal openpyxl load builds a cell object for every cell a reader walks over, so a 10 KB file
with one value at ``XFD1048576`` makes ``iter_rows`` build the whole rectangle (1.3 GB). This
module opens the workbook in openpyxl's read-only mode and keeps only the cells that hold a
value, row by row, together with the sheet's merged ranges (read-only worksheets do not expose
them, so each sheet's XML is parsed once with openpyxl's own streaming sheet parser, which
yields the rows and collects the ``<mergeCells>`` on the way).

Merged ranges: Excel stores a merged range's value in its top-left cell only; the other cells
are blank. :func:`load_used` copies the top-left value (and number format) into every covered
cell that lies in a row and a column that hold data, so ``"no"`` merged over three nurses reads
as ``"no"`` for each of them. Whether a sheet accepts that fill or refuses the range is the
reader's choice (:mod:`scheduler.workbook.reader`); each :class:`UsedSheet` lists its ranges.
"""

from __future__ import annotations

import io
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import openpyxl
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from scheduler.errors import InputError, Issue
from scheduler.workbook.excel import read_input_bytes


@dataclass(frozen=True, slots=True)
class UsedCell:
    """One cell that holds a value (what the readers use of an openpyxl cell)."""

    row: int
    column: int
    value: Any
    number_format: str = "General"
    merged_from: str | None = None  # the merged range whose top-left value this cell repeats

    @property
    def coordinate(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass(frozen=True, slots=True)
class MergedRange:
    ref: str  # as Excel writes it, e.g. "E5:E7"
    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @classmethod
    def parse(cls, ref: str) -> MergedRange:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        return cls(ref, min_row, min_col, max_row, max_col)


@dataclass
class UsedSheet:
    title: str
    rows: dict[int, dict[int, UsedCell]] = field(default_factory=dict)  # row -> column -> cell
    merged: tuple[MergedRange, ...] = ()
    defined_names: frozenset[str] = frozenset()  # sheet-scoped names (our output marker)

    def iter_rows(self, min_col: int | None = None, max_col: int | None = None
                  ) -> Iterator[list[UsedCell]]:
        """The rows that hold data (in order), each as its used cells in column order; rows
        without a cell between ``min_col`` and ``max_col`` are left out."""
        lo, hi = min_col or 1, max_col or 1 << 30
        for r in sorted(self.rows):
            cells = [c for col, c in sorted(self.rows[r].items()) if lo <= col <= hi]
            if cells:
                yield cells

    @property
    def cell_count(self) -> int:
        return sum(len(r) for r in self.rows.values())


@dataclass
class UsedBook:
    sheets: dict[str, UsedSheet]
    epoch: Any = None

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    @property
    def worksheets(self) -> list[UsedSheet]:
        return list(self.sheets.values())

    def __getitem__(self, title: str) -> UsedSheet:
        return self.sheets[title]


def load_used(path: str | os.PathLike[str], data: bytes | None = None) -> UsedBook:
    """Read every sheet's used cells and merged ranges.

    ``data``: the file's bytes when the caller has read them already (``roster solve`` reads
    its input once); otherwise they are read, size- and zip-checked, by
    :func:`excel.read_input_bytes`. Raises :class:`InputError`, never a traceback."""
    name = str(path)
    if data is None:
        data = read_input_bytes(path)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged packages
        raise InputError([Issue(f"{os.path.basename(name)} could not be read as an Excel "
                                f"workbook ({type(exc).__name__}: {exc})", file=name)]) from None
    try:
        sheets = {}
        for title in wb.sheetnames:
            try:
                sheets[title] = _read_sheet(wb[title], title)
            except Exception as exc:  # a damaged sheet part
                raise InputError([Issue(f"the sheet could not be read ({type(exc).__name__}: "
                                        f"{exc})", file=name, sheet=title)]) from None
        _refuse_huge_merges(sheets, name)
        return UsedBook(sheets, getattr(wb, "epoch", None))
    finally:
        wb.close()


# ``roster solve`` and ``whatif -o`` copy the planner's workbook with a normal openpyxl load,
# which builds one object per merged cell: a merge over a whole column (1,048,576 cells) took
# 80 s and 425 MB there. Merges beyond these sizes are refused before anything is solved.
MAX_MERGED_RANGE_CELLS = 10_000
MAX_MERGED_CELLS = 100_000


def _refuse_huge_merges(sheets: dict[str, UsedSheet], name: str) -> None:
    issues = []
    total = 0
    for title, sheet in sheets.items():
        for m in sheet.merged:
            n = (m.max_row - m.min_row + 1) * (m.max_col - m.min_col + 1)
            total += n
            if n > MAX_MERGED_RANGE_CELLS:
                issues.append(Issue(
                    f"the cells {m.ref} are merged into one over {n:,} cells; at most "
                    f"{MAX_MERGED_RANGE_CELLS:,} cells may be merged together (unmerge them, or "
                    "merge only the cells in use)", name, title, m.ref))
    if not issues and total > MAX_MERGED_CELLS:
        issues.append(Issue(f"merged ranges cover {total:,} cells in all; at most "
                            f"{MAX_MERGED_CELLS:,} are accepted (unmerge the large ones)", name))
    if issues:
        raise InputError(issues)


def _read_sheet(ws: Any, title: str) -> UsedSheet:
    sheet = UsedSheet(title, defined_names=frozenset(getattr(ws, "defined_names", None) or ()))
    if not isinstance(ws, ReadOnlyWorksheet):  # a chart sheet: no cells
        return sheet
    wb = ws.parent
    with ws._get_source() as src:  # the one parse of this sheet's XML
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
        for r, raw in parser.parse():
            row = {}
            for c in raw:
                if c["value"] is None:
                    continue
                fmt = ReadOnlyCell(ws, **c).number_format
                row[c["column"]] = UsedCell(r, c["column"], c["value"], str(fmt))
            if row:
                sheet.rows.setdefault(r, {}).update(row)
        merges = parser.merged_cells
    if merges is not None:
        sheet.merged = tuple(MergedRange.parse(m.ref) for m in merges.mergeCell if m.ref)
        _fill_merged(sheet)
    return sheet


def _fill_merged(sheet: UsedSheet) -> None:
    """Make each range's top-left value the value of its covered cells that lie in a used row
    and a used column (so a range over a whole column costs no more than the data beside it).
    A value hidden under a merge (Excel blanks them; other tools may not) is what Excel does
    not show, so it is not read."""
    used_cols = sorted({col for row in sheet.rows.values() for col in row})
    used_rows = sorted(sheet.rows)
    for m in sheet.merged:
        top = sheet.rows.get(m.min_row, {}).get(m.min_col)
        if top is None:
            sheet.rows.get(m.min_row, {}).pop(m.min_col, None)
        cols = used_cols[bisect_left(used_cols, m.min_col):bisect_right(used_cols, m.max_col)]
        for r in used_rows[bisect_left(used_rows, m.min_row):bisect_right(used_rows, m.max_row)]:
            row = sheet.rows[r]
            for col in cols:
                if (r, col) == (m.min_row, m.min_col):
                    continue
                if top is None:
                    row.pop(col, None)
                else:
                    row[col] = UsedCell(r, col, top.value, top.number_format, m.ref)
    for r in [r for r, row in sheet.rows.items() if not row]:
        del sheet.rows[r]
