"""Cell helpers of the output sheets: user text never a formula, our values, headers,
column widths, Oslo wall-clock times and rounded hours."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler import i18n
from scheduler.clock import TZ
from scheduler.io.excel import cell_text, set_text
from scheduler.io.write import styles as st


def labels(keys: Sequence[str], lang: str = "en") -> tuple[str, ...]:
    return tuple(i18n.text(k, lang) for k in keys)


def put_text(ws: Worksheet, row: int, col: int, value: object) -> Cell:
    """Write user-supplied text so that it is never taken as a formula."""
    cell = set_text(ws.cell(row=row, column=col), value)
    if cell.data_type == "f":  # belt and braces: never a formula from user text
        cell.data_type = "s"
    return cell


def put(ws: Worksheet, row: int, col: int, value: object, fmt: str | None = None) -> Cell:
    """Write a value of ours (numbers, dates, fixed labels; text that may carry a file name goes
    through :func:`cell_text` too)."""
    cell = ws.cell(row=row, column=col, value=cell_text(value) if isinstance(value, str) else value)
    if fmt:
        cell.number_format = fmt
    return cell


def header(ws: Worksheet, row: int, labels: Sequence[str], start_col: int = 1) -> None:
    for i, label in enumerate(labels):
        c = put(ws, row, start_col + i, label)
        c.font = st.HEADER_FONT
        c.fill = st.HEADER_FILL
        c.alignment = st.CENTER


def widths(ws: Worksheet, widths: dict[int, float]) -> None:
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = w


def local_naive(dt: datetime | None) -> datetime | None:
    """Excel stores no time zone: write Europe/Oslo wall-clock time."""
    return None if dt is None else dt.astimezone(TZ).replace(tzinfo=None)


def round_hours(x: float) -> float:
    return round(x, 2)
