"""How the ``roster check`` report workbook prints (issue 15): the page setup of the roster
workbook (scheduler.io.write.printing) on each sheet, and wrapped messages whose rows are tall
enough to show the whole text."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from scheduler.io.write import printing
from tests.cli.check_kit import run


def _report(tmp_path: Path, roster: Path, *args: str) -> Path:
    out = tmp_path / "report.xlsx"
    code, _, _ = run(str(roster), "--format", "xlsx", "-o", str(out), *args)
    assert code == 1
    return out


def test_each_report_sheet_has_a_print_setup(tmp_path: Path, bad_roster: Path) -> None:  # noqa: F811
    wb = load_workbook(_report(tmp_path, bad_roster))
    findings, grid, facts = wb["Findings"], wb["Roster"], wb.worksheets[2]
    for ws in (findings, grid):
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.print_options.gridLines is True
        assert ws.oddHeader.center.text == "&A"
        assert "&D" in ws.oddFooter.left.text and "Printed" in ws.oddFooter.left.text
        assert "&P" in ws.oddFooter.right.text
    assert grid.print_title_cols == "$A:$B"  # id and name on every page
    assert findings.print_title_cols is None
    assert facts.page_setup.orientation == "portrait"
    assert (int(facts.page_setup.fitToWidth), int(facts.page_setup.fitToHeight)) == (1, 1)
    assert facts.print_title_rows is None
    assert facts.oddHeader.right.text == "2026-03-02 to 2026-03-08"  # the period checked


def test_wrapped_messages_get_the_rows_they_need(tmp_path: Path, bad_roster: Path) -> None:  # noqa: F811
    ws = load_workbook(_report(tmp_path, bad_roster))["Findings"]
    width = ws.column_dimensions["K"].width
    checked = 0
    for r in range(2, ws.max_row + 1):
        message = ws.cell(row=r, column=11).value
        lines = printing.lines_needed(message, width)
        height = ws.row_dimensions[r].height
        if lines > 1:
            assert height == lines * printing.LINE_POINTS, (r, message)
            checked += 1
        else:
            assert height is None  # the default height shows one line
    assert checked >= 1  # the bad roster's messages do wrap at the message column's width
    # No header is cut: each column is at least as wide as its header.
    for cell in ws[1]:
        letter = cell.column_letter
        assert ws.column_dimensions[letter].width >= len(str(cell.value)), cell.value


def test_norwegian_report_prints_norwegian(tmp_path: Path, bad_roster: Path) -> None:  # noqa: F811
    wb = load_workbook(_report(tmp_path, bad_roster, "--lang", "nb"))
    for ws in wb.worksheets:
        assert ws.oddFooter.left.text.startswith("Skrevet ut"), ws.title
        assert ws.oddHeader.right.text == "02.03.2026 til 08.03.2026", ws.title
