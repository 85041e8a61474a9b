"""Rows of a worksheet as stored: only the cells that hold a value, streamed.

``roster check`` reads its roster grid and timesheet through :func:`used_rows`. A read-only
worksheet (openpyxl ``read_only=True``) is parsed with openpyxl's own sheet parser, row by row,
without trusting the sheet's stated dimension: a row is as wide as its last cell, missing rows
cost nothing, so one stray cell at XFD1048576 costs one row, not a 1 M x 16 k rectangle. The
parser also yields the sheet's merged ranges (they follow the rows in the file). An ordinary
worksheet is walked through the cells it holds.

With ``dates_only_as_date`` a date cell whose number format shows no time of day (``yyyy-mm-dd``)
comes back as a :class:`datetime.date`, not as midnight, so a timesheet can refuse it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

Row = tuple[int, tuple[Any, ...]]


def used_rows(ws: Any, merged: list[str] | None = None, *,
              dates_only_as_date: bool = False) -> Iterator[Row]:
    """(Excel row number, values) of each row that holds a value, top to bottom; the merged
    ranges (``"B2:D2"``) are appended to ``merged`` once the rows are read."""
    if hasattr(ws, "reset_dimensions"):  # openpyxl read-only worksheet
        yield from _stream(ws, merged, dates_only_as_date)
        return
    by_row: dict[int, dict[int, Any]] = {}
    for (r, c), cell in getattr(ws, "_cells", {}).items():
        v = cell.value
        if v is None or v == "":
            continue
        if dates_only_as_date and _date_only(v, str(cell.number_format)):
            v = v.date()
        by_row.setdefault(r, {})[c] = v
    for r in sorted(by_row):
        yield r, _row(by_row[r])
    if merged is not None:
        merged.extend(str(m) for m in ws.merged_cells.ranges)


def _row(cols: dict[int, Any]) -> tuple[Any, ...]:
    values: list[Any] = [None] * max(cols)
    for c, v in cols.items():
        values[c - 1] = v
    return tuple(values)


def _date_only(value: Any, fmt: str) -> bool:
    return (isinstance(value, datetime) and value.time() == datetime.min.time()
            and "h" not in fmt.lower())


def _date_only_styles(wb: Any) -> frozenset[int]:
    """Style ids of date formats that show no time of day."""
    out: set[int] = set()
    for i, style in enumerate(getattr(wb, "_cell_styles", [])):
        if i not in wb._date_formats:
            continue
        idx = style.numFmtId
        fmt = (BUILTIN_FORMATS.get(idx, "General") if idx < BUILTIN_FORMATS_MAX_SIZE
               else wb._number_formats[idx - BUILTIN_FORMATS_MAX_SIZE])
        if "h" not in str(fmt).lower():
            out.add(i)
    return frozenset(out)


def _stream(ws: Any, merged: list[str] | None, dates_only_as_date: bool) -> Iterator[Row]:
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    date_only = _date_only_styles(wb) if dates_only_as_date else frozenset()
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=wb.data_only,
                                 epoch=wb.epoch, date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
        for r, cells in parser.parse():
            cols: dict[int, Any] = {}
            for c in cells:
                v = c["value"]
                if v is None or v == "":
                    continue
                if (date_only and c["style_id"] in date_only and isinstance(v, datetime)
                        and v.time() == datetime.min.time()):
                    v = v.date()
                cols[c["column"]] = v
            if cols:
                yield r, _row(cols)
        if merged is not None and parser.merged_cells is not None:
            merged.extend(str(m.ref) for m in parser.merged_cells.mergeCell)
