"""Colours, fonts and number formats of the roster workbook (one place, so sheets agree)."""

from __future__ import annotations

import colorsys
from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

# Pastel fills that stay readable with black text, one per shift type in the order of the
# Shifts sheet; more shift types than this get evenly spread hues.
SHIFT_PALETTE: tuple[str, ...] = (
    "FFF2CC",  # light yellow
    "DDEBF7",  # light blue
    "E2EFDA",  # light green
    "FCE4D6",  # light orange
    "E4DFEC",  # light purple
    "D9E1F2",  # steel blue
    "FFE699",  # sand
    "C6E0B4",  # sage
    "F8CBAD",  # salmon
    "BDD7EE",  # sky
    "D0CECE",  # stone
    "FFD966",  # gold
)

WEEKEND = "EDEDED"  # Saturday/Sunday shading
HOLIDAY = "F4CCCC"  # public holiday shading
HEADER = "1F4E78"  # header background (white bold text)
SHORTFALL = "FFC7CE"  # light red fill for a shortfall
SHORTFALL_TEXT = "9C0006"  # dark red text
VIOLATION = "FFC7CE"
WARNING = "FFEB9C"

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor=HEADER)
BOLD = Font(bold=True)
RED_TEXT = Font(color=SHORTFALL_TEXT, bold=True)
DAY_OFF_FONT = Font(color="375623", bold=True)  # F1-F5 / FE day-off codes in the Roster grid
EXTRA_TIME_FONT = Font(color="C00000", bold=True, italic=True)  # a shift with overtime/extra
CENTER = Alignment(horizontal="center", vertical="center")
# The Roster's date and margin heads stand upright (read bottom to top), so a day column is only
# as wide as a shift code and the month fits one landscape page.
UPRIGHT = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
UPRIGHT_HEADER_POINTS = 66.0  # row height that shows "Deviation" / "Avvik" / "fre 01.01" upright
DAY_WIDTH = 6.0  # a day column of the Roster grid (characters)
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin", color="BFBFBF")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

DATE_FMT = "yyyy-mm-dd"
DATETIME_FMT = "yyyy-mm-dd hh:mm"
HOURS_FMT = "0.00"
OBJECTIVE_FMT = "#,##0.00"  # objective values: a cost in weighted units, two decimals


def fill(rgb: str) -> PatternFill:
    return PatternFill("solid", fgColor=rgb)


def shift_colours(codes: Sequence[str]) -> dict[str, str]:
    """A distinct fill colour (RGB hex) per shift code, stable in the order given."""
    out: dict[str, str] = {}
    for i, code in enumerate(codes):
        if i < len(SHIFT_PALETTE):
            out[code] = SHIFT_PALETTE[i]
        else:
            hue = (i * 0.618033988749895) % 1.0
            r, g, b = colorsys.hls_to_rgb(hue, 0.85, 0.6)
            out[code] = f"{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"
    return out
