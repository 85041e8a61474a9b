"""Page setup of the roster workbook's sheets: how each prints, and widths/heights that show text.

Neither Excel nor LibreOffice sizes rows or columns when a workbook is opened, so the writer
decides them here:

* :func:`fit_widths` widens a column until the longest text or number in it shows whole; a cell
  with an empty right neighbour may spill over and does not count (so the Roster legend below
  the grid does not widen the grid; a centred header always counts). Wrapped columns keep the
  width they were given.
* :func:`wrap_heights` gives every row with wrapped text the height its longest wrapped cell
  needs: the text is wrapped at the column's width (in characters, one less for the cell's
  padding) with :mod:`textwrap`, and each line takes :data:`LINE_POINTS`.
* :func:`setup_page` sets orientation, fit to pages, the rows and columns repeated on every
  page, grid lines, and a header/footer with the unit, the period and the print date (Excel's
  ``&D`` field, filled in when the sheet is printed).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler import i18n
from scheduler.i18n import formats

LINE_POINTS = 15.0  # one line of 11 pt Calibri (Excel's default row height)
DEFAULT_WIDTH = 8.43  # Excel's default column width in characters
MAX_WIDTH = 60.0  # a column never grows past this from its content (longer text wraps or spills)
PADDING = 3.0  # characters added to the longest content (cell margins, bold headers)


@dataclass(frozen=True)
class Page:
    """How one sheet prints."""

    landscape: bool = True
    pages_wide: int = 1
    pages_tall: int = 0  # 0: as many as needed
    title_rows: int = 1  # the first n rows repeat on every page
    title_cols: int = 0  # the first n columns repeat on every page


def shown_length(value: object, number_format: str = "General") -> int:
    """About how many characters a cell shows for ``value`` (the longest line of text)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        if number_format.startswith("0.00"):
            return len(f"{value:.2f}")
        return len(f"{value:.6g}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def width_of(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return dim.width if dim is not None and dim.width else DEFAULT_WIDTH


def fit_widths(ws: Worksheet, columns: Iterable[int] | None = None) -> None:
    """Widen each column (never narrow it) so its content shows whole, up to :data:`MAX_WIDTH`."""
    need: dict[int, float] = {}
    wanted = None if columns is None else set(columns)
    for row in ws.iter_rows():
        for cell in row:
            col = cell.column
            if cell.value is None or (wanted is not None and col not in wanted):
                continue
            if cell.alignment is not None and cell.alignment.wrap_text:
                continue
            if (isinstance(cell.value, str) and _spills(cell)
                    and ws.cell(row=cell.row, column=col + 1).value is None):
                continue  # left-aligned text spills into the empty cell on its right
            n = shown_length(cell.value, cell.number_format) + PADDING
            need[col] = max(need.get(col, 0.0), min(n, MAX_WIDTH))
    for col, n in need.items():
        if n > width_of(ws, col):
            ws.column_dimensions[get_column_letter(col)].width = n


def _spills(cell: object) -> bool:
    """Does the cell's text run on into an empty right neighbour (left-aligned text does; a
    centred header is cut at its own borders once its left neighbour has text)?"""
    align = getattr(cell, "alignment", None)
    return align is None or align.horizontal in (None, "general", "left")


def lines_needed(text: str, width: float) -> int:
    """The lines ``text`` takes when wrapped in a column ``width`` characters wide."""
    chars = max(1, math.floor(width) - 1)
    return sum(max(1, len(textwrap.wrap(par, chars, break_long_words=True)))
               for par in (text.splitlines() or [""]))


def wrap_heights(ws: Worksheet, first_row: int = 2) -> None:
    """Set the height of every row from ``first_row`` on that holds wrapped text, so the whole
    text shows (rows without wrapped text keep the default height)."""
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if (isinstance(cell.value, str) and cell.alignment is not None
                    and cell.alignment.wrap_text):
                lines = max(lines, lines_needed(cell.value, width_of(ws, cell.column)))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = lines * LINE_POINTS


def _escape(text: str) -> str:
    """Header/footer text: ``&`` starts a field code, so a literal one is doubled."""
    return text.replace("&", "&&")


def setup_page(ws: Worksheet, page: Page, *, unit: str, start: date, end: date,
               lang: str = "en") -> None:
    """Orientation, fit to pages, repeated titles, grid lines, header and footer."""
    ws.page_setup.orientation = "landscape" if page.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = page.pages_wide
    ws.page_setup.fitToHeight = page.pages_tall
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if page.title_rows:
        ws.print_title_rows = f"1:{page.title_rows}"
    if page.title_cols:
        ws.print_title_cols = f"A:{get_column_letter(page.title_cols)}"
    ws.print_options.gridLines = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.25
    period = i18n.text("print.period", lang, start=formats.day(start, lang),
                       end=formats.day(end, lang))
    for hf in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        hf.left.text = _escape(unit) if unit else None
        hf.center.text = "&A"  # the sheet's name
        hf.right.text = _escape(period)
    for hf in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        hf.left.text = _escape(i18n.text("print.printed", lang)) + " &D &T"
        hf.right.text = _escape(i18n.text("print.page", lang)) + " &P / &N"
