"""The workbook ``roster replan`` writes: the roster workbook of ``roster solve``
(:func:`scheduler.io.write.workbook.build_workbook`) with the changed cells marked and a
Changes sheet (:mod:`scheduler.io.write.changes`), saved atomically."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from constraints.base import Finding
from scheduler.io.excel import safe_save
from scheduler.io.write import printing
from scheduler.io.write.book import free_title, new_sheet
from scheduler.io.write.changes import (
    COLUMNS,
    mark_absences,
    mark_changed_cells,
    write_changes_sheet,
)
from scheduler.io.write.run import RunInfo
from scheduler.io.write.workbook import build_workbook, language_of
from scheduler.model import Problem
from scheduler.replan.changes import Absence
from scheduler.replan.diff import CellChange
from scheduler.solution import Solution

HEADER_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
NOTE_WIDTH = printing.MAX_WIDTH  # the note (absence, § 10-3) wraps in two lines, not twelve

def write_replan_workbook(problem: Problem, solution: Solution, findings: Sequence[Finding],
                          run: RunInfo, changes: Sequence[CellChange], now: datetime,
                          absences: Sequence[Absence], output_path: Path) -> dict[str, str]:
    """The roster workbook (:func:`scheduler.io.write.workbook.build_workbook`) with the
    changed cells marked and a Changes sheet, written atomically to ``output_path``."""
    wb, titles = build_workbook(problem, solution, findings, run)
    lang = language_of(problem)
    mark_absences(wb[titles["Roster"]], problem, absences, lang)
    mark_changed_cells(wb[titles["Roster"]], problem, changes, lang)
    titles["Changes"] = free_title(wb, "Changes", lang)
    ws = new_sheet(wb, titles["Changes"])
    write_changes_sheet(ws, problem, changes, now, absences, lang)
    for cell in ws[2]:  # the headers wrap between words, in columns their longest word fits
        cell.alignment = HEADER_WRAP
    printing.fit_widths(ws, range(2, len(COLUMNS) + 1))  # A holds the title line: sized below
    for cell in ws[2]:
        if isinstance(cell.value, str) and cell.value.split():
            longest = max(len(w) for w in cell.value.split()) + printing.PADDING
            if printing.width_of(ws, cell.column) < longest:
                ws.column_dimensions[get_column_letter(cell.column)].width = longest
    ws.column_dimensions["A"].width = max(
        [12.0, *(len(c.employee) + 2.0 for c in changes)])
    ws.column_dimensions[get_column_letter(len(COLUMNS))].width = NOTE_WIDTH
    printing.wrap_heights(ws, first_row=2)
    s = problem.settings
    printing.setup_page(ws, printing.Page(title_rows=2), unit=s.site_name, start=s.start, end=s.end,
                        lang=lang)
    safe_save(wb, output_path)
    return titles
