"""The ``Scenarios`` input sheet written into a workbook (the example workbooks, tests)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from openpyxl.styles import Font, PatternFill

from scheduler.io.excel import cell_text
from scheduler.io.read.scenarios import SCENARIOS


def write_scenarios_sheet(wb: Any, rows: list[list[Any]], lang: str = "en") -> Any:
    """Add a ``Scenarios`` (``Scenarier``) input sheet to an openpyxl workbook (for examples).

    ``rows``: scenario, change, target, value, position %, scope, from, to, note (trailing cells
    may be left out). Text is written formula-safe; dates as dates.
    """
    ws = wb.create_sheet(SCENARIOS.label(lang))
    for c, col in enumerate(SCENARIOS.columns, start=1):
        cell = ws.cell(row=1, column=c, value=col.label(lang))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
        ws.column_dimensions[cell.column_letter].width = (
            {1: 30, 2: 18, 3: 24, 9: 50}.get(c, 14))
    for r, values in enumerate(rows, start=2):
        for c, v in enumerate(values, start=1):
            if v is None:
                continue
            if isinstance(v, date) and not isinstance(v, datetime):
                v = datetime(v.year, v.month, v.day)
            cell = ws.cell(row=r, column=c, value=cell_text(v))
            if isinstance(v, datetime):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(v, str) and c == 3:
                cell.number_format = "@"  # keep 10-5 as text
    ws.freeze_panes = "A2"
    return ws
