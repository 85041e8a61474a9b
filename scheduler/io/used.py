"""The used cells of a workbook's sheets, streamed: memory follows the data, never the sheet's
dimension.

Every reader of user workbooks goes through this module: the planning workbook
(:mod:`scheduler.io.read.workbook`), the what-if scenarios (:mod:`scheduler.io.read.scenarios`),
the roster grid (:mod:`scheduler.io.roster.grid`) and the timesheet (:mod:`scheduler.io.roster.timesheet`).

A normal openpyxl load builds a cell object for every cell a reader walks over, so a 10 KB file
with one value at ``XFD1048576`` makes ``iter_rows`` build the whole rectangle (1.3 GB). Here the
workbook is opened in openpyxl's read-only mode (:func:`excel.load_workbook_safely`) and each
sheet's XML is parsed once, row by row, keeping only the cells that hold a value, with their
number formats and the sheet's merged ranges (which follow the rows in the file).

* :class:`UsedRows` — one pass over a sheet's used rows, nothing kept (a 250,000-row timesheet is
  streamed); its merged ranges are known once the rows are read.
* :class:`UsedSheet` — a sheet's title and defined names at once; its used cells
  (:attr:`UsedSheet.rows`) are read when first asked for, with merged ranges filled in: Excel
  stores a merged range's value in its top-left cell only, the others are blank, and the top-left
  value (and number format) is copied into every covered cell that lies in a row and a column that
  hold data, so ``"no"`` merged over three nurses reads as ``"no"`` for each of them. Whether a
  sheet accepts that fill or refuses the range is the reader's choice; each sheet lists its ranges.
* :func:`open_used` opens a workbook (sheets read on demand); :func:`load_used` also reads every
  sheet and refuses merges too large to copy (``roster solve`` and ``whatif -o`` copy the workbook
  with a normal openpyxl load).

openpyxl's read-only worksheets expose neither merged ranges nor number formats, so this module
uses a few of openpyxl's private names. They are all in :func:`_parse` and :func:`_cells_of`
(checked once by :func:`_check_openpyxl`, which names what is missing if an openpyxl release
changes them); ``pyproject.toml`` pins openpyxl to the 3.1 series these were written against.
"""

from __future__ import annotations

import inspect
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import openpyxl
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from scheduler import i18n
from scheduler.errors import InputError, Issue
from scheduler.io.excel import load_workbook_safely


class UsedCell(NamedTuple):
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


class UsedRows:
    """One pass over the rows of a sheet that hold a value, top to bottom: ``(row number, its
    used cells as stored)``. Nothing is kept. :attr:`merged` is known once the rows are
    read (Excel writes the merged ranges after them)."""

    def __init__(self, ws: Any, file: str = "") -> None:
        self._ws, self._file = ws, file
        self._merged: tuple[MergedRange, ...] | None = None

    @property
    def merged(self) -> tuple[MergedRange, ...]:
        if self._merged is None:
            raise RuntimeError("the merged ranges are known once the rows are read")
        return self._merged

    def __iter__(self) -> Iterator[tuple[int, list[UsedCell]]]:
        try:
            refs: list[str] = []
            for r, cells in _cells_of(self._ws, refs):
                if cells:
                    yield r, cells
            self._merged = tuple(MergedRange.parse(ref) for ref in refs if ref)
        except (InputError, OpenpyxlChanged):
            raise
        except Exception as exc:  # a damaged sheet part
            raise InputError([Issue(i18n.msg("input.used.unreadable",
                                             why=f"{type(exc).__name__}: {exc}"),
                                    file=self._file, sheet=self._ws.title)]) from None


class UsedSheet:
    """A sheet of a workbook opened by :func:`open_used`; its cells are read when first used."""

    def __init__(self, ws: Any, file: str = "") -> None:
        self._ws, self._file = ws, file
        self.title: str = ws.title
        self.defined_names = frozenset(getattr(ws, "defined_names", None) or ())  # our marker
        self._rows: dict[int, dict[int, UsedCell]] | None = None
        self._merged: tuple[MergedRange, ...] | None = None

    def stream(self) -> UsedRows:
        """The used rows as stored (merged ranges not filled in), read once, nothing kept."""
        return UsedRows(self._ws, self._file)

    @property
    def rows(self) -> dict[int, dict[int, UsedCell]]:
        """Row -> column -> cell of every used cell, merged ranges filled in."""
        if self._rows is None:
            stream = self.stream()
            rows: dict[int, dict[int, UsedCell]] = {}
            for r, cells in stream:
                rows.setdefault(r, {}).update((c.column, c) for c in cells)
            self._merged = stream.merged
            _fill_merged(rows, self._merged)
            self._rows = rows
        return self._rows

    @property
    def merged(self) -> tuple[MergedRange, ...]:
        """The merged ranges (a sheet not read yet is streamed for them, its cells not kept)."""
        if self._merged is None:
            stream = self.stream()
            for _ in stream:
                pass
            self._merged = stream.merged
        return self._merged

    def iter_rows(self, min_col: int | None = None, max_col: int | None = None
                  ) -> Iterator[list[UsedCell]]:
        """The rows that hold data (in order), each as its used cells in column order; rows
        without a cell between ``min_col`` and ``max_col`` are left out."""
        lo, hi = min_col or 1, max_col or 1 << 30
        rows = self.rows
        for r in sorted(rows):
            cells = [c for col, c in sorted(rows[r].items()) if lo <= col <= hi]
            if cells:
                yield cells

    @property
    def cell_count(self) -> int:
        return sum(len(r) for r in self.rows.values())


class UsedBook:
    """A workbook opened read-only: its sheets (:class:`UsedSheet`), in workbook order."""

    def __init__(self, wb: Any, file: str) -> None:
        self._wb, self.file = wb, file
        self.epoch = getattr(wb, "epoch", None)
        self.sheets = {title: UsedSheet(wb[title], file) for title in wb.sheetnames}

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    @property
    def worksheets(self) -> list[UsedSheet]:
        return list(self.sheets.values())

    def __getitem__(self, title: str) -> UsedSheet:
        return self.sheets[title]

    def close(self) -> None:
        self._wb.close()


def used_rows(ws: Any) -> UsedRows:
    """The used rows of a :class:`UsedSheet` or of an openpyxl worksheet (read-only or not)."""
    return ws.stream() if isinstance(ws, UsedSheet) else UsedRows(ws)


def row_values(cells: list[UsedCell]) -> tuple[Any, ...]:
    """A row's values by position (column A at index 0, ``None`` between); blank text counts as
    empty, and a row of nothing else is ``()``."""
    cols = {c.column: c.value for c in cells if c.value != ""}
    if not cols:
        return ()
    values: list[Any] = [None] * max(cols)
    for col, v in cols.items():
        values[col - 1] = v
    return tuple(values)


def open_used(path: str | os.PathLike[str], data: bytes | None = None) -> UsedBook:
    """Open a user's workbook (size, zip and zip-bomb checks of
    :func:`excel.load_workbook_safely`); each sheet is read when first used. ``data``: the
    file's bytes when the caller has read them already. Raises :class:`InputError`."""
    return UsedBook(load_workbook_safely(path, read_only=True, data=data), str(path))


def load_used(path: str | os.PathLike[str], data: bytes | None = None) -> UsedBook:
    """:func:`open_used`, with every sheet read and merges too large to copy refused."""
    book = open_used(path, data)
    try:
        for sheet in book.worksheets:
            sheet.rows  # noqa: B018 - reads the sheet
        refuse_huge_merges(book)
    finally:
        book.close()  # every sheet is read: the package is no longer needed
    return book


# ``roster solve`` and ``whatif -o`` copy the planner's workbook with a normal openpyxl load,
# which builds one object per merged cell: a merge over a whole column (1,048,576 cells) took
# 80 s and 425 MB there. Merges beyond these sizes are refused before anything is solved.
MAX_MERGED_RANGE_CELLS = 10_000
MAX_MERGED_CELLS = 100_000


def refuse_huge_merges(book: UsedBook) -> None:
    """Refuse merges too large for a normal openpyxl load, in any sheet of ``book``."""
    issues = []
    total = 0
    name = book.file
    for sheet in book.worksheets:
        for m in sheet.merged:
            n = (m.max_row - m.min_row + 1) * (m.max_col - m.min_col + 1)
            total += n
            if n > MAX_MERGED_RANGE_CELLS:
                issues.append(Issue(
                    i18n.msg("input.used.merged_range", ref=m.ref, n=f"{n:,}",
                             max=f"{MAX_MERGED_RANGE_CELLS:,}"), name, sheet.title, m.ref))
    if not issues and total > MAX_MERGED_CELLS:
        issues.append(Issue(i18n.msg("input.used.merged_total", n=f"{total:,}",
                                     max=f"{MAX_MERGED_CELLS:,}"), name))
    if issues:
        raise InputError(issues)


def _fill_merged(rows: dict[int, dict[int, UsedCell]], merged: tuple[MergedRange, ...]) -> None:
    """Make each range's top-left value the value of its covered cells that lie in a used row
    and a used column (so a range over a whole column costs no more than the data beside it).
    A value hidden under a merge (Excel blanks them; other tools may not) is what Excel does
    not show, so it is not read."""
    used_cols = sorted({col for row in rows.values() for col in row})
    used_rows = sorted(rows)
    for m in merged:
        top = rows.get(m.min_row, {}).get(m.min_col)
        if top is None:
            rows.get(m.min_row, {}).pop(m.min_col, None)
        cols = used_cols[bisect_left(used_cols, m.min_col):bisect_right(used_cols, m.max_col)]
        for r in used_rows[bisect_left(used_rows, m.min_row):bisect_right(used_rows, m.max_row)]:
            row = rows[r]
            for col in cols:
                if (r, col) == (m.min_row, m.min_col):
                    continue
                if top is None:
                    row.pop(col, None)
                else:
                    row[col] = UsedCell(r, col, top.value, top.number_format, m.ref)
    for r in [r for r, row in rows.items() if not row]:
        del rows[r]


# ---------------------------------------------------------------------------------------------
# openpyxl's private names: all of them are used below, nowhere else.


class OpenpyxlChanged(RuntimeError):
    """The installed openpyxl lacks a private name this module relies on."""


@cache
def _check_openpyxl() -> None:
    """Fail with the names that are missing, not somewhere inside a sheet, when an openpyxl
    release changes what :func:`_parse` uses (written against openpyxl 3.1)."""
    missing = [name for name, ok in (
        ("ReadOnlyWorksheet._get_source", hasattr(ReadOnlyWorksheet, "_get_source")),
        ("WorkSheetParser.parse", hasattr(WorkSheetParser, "parse")),
        ("ReadOnlyCell.number_format", hasattr(ReadOnlyCell, "number_format")),
    ) if not ok]
    wanted = {"src", "shared_strings", "data_only", "epoch", "date_formats", "timedelta_formats"}
    missing += [f"WorkSheetParser({p}=...)" for p in sorted(
        wanted - set(inspect.signature(WorkSheetParser).parameters))]
    if missing:
        raise OpenpyxlChanged(
            f"openpyxl {openpyxl.__version__} lacks {', '.join(missing)}, which "
            "scheduler.io.used needs to read sheets; install openpyxl>=3.1,<3.2")


def _cells_of(ws: Any, merged: list[str]) -> Iterator[tuple[int, list[UsedCell]]]:
    """(row, cells that are not None) of any worksheet; its merged ranges go to ``merged``."""
    if isinstance(ws, ReadOnlyWorksheet):
        yield from _parse(ws, merged)
    elif hasattr(ws, "_cells"):  # an ordinary worksheet: walk the cells it holds, not a rectangle
        by_row: dict[int, list[UsedCell]] = {}
        for (r, c), cell in sorted(ws._cells.items()):
            if cell.value is not None:
                by_row.setdefault(r, []).append(
                    UsedCell(r, c, cell.value, str(cell.number_format)))
        yield from sorted(by_row.items())
        merged.extend(str(m) for m in ws.merged_cells.ranges)
    # anything else (a chart sheet) has no cells


def _parse(ws: Any, merged: list[str]) -> Iterator[tuple[int, list[UsedCell]]]:
    """A read-only sheet's XML parsed once with openpyxl's own streaming parser, which yields
    the rows and collects the ``<mergeCells>`` after them."""
    _check_openpyxl()
    wb = ws.parent
    formats: dict[int, str] = {}  # style id -> number format

    def number_format(style_id: int) -> str:
        fmt = formats.get(style_id)
        if fmt is None:
            fmt = formats[style_id] = str(ReadOnlyCell(ws, 1, 1, None, "n", style_id)
                                          .number_format)
        return fmt

    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
        for r, raw in parser.parse():
            yield r, [UsedCell(r, c["column"], c["value"], number_format(c["style_id"]))
                      for c in raw if c["value"] is not None]
        if parser.merged_cells is not None:
            merged.extend(str(m.ref) for m in parser.merged_cells.mergeCell if m.ref)
