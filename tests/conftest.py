"""Shared test fixtures: build small workbooks on disk from plain Python rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

Sheets = dict[str, list[list[Any]]]


def write_xlsx(path: Path, sheets: Sheets) -> Path:
    """Write ``{sheet title: rows}`` (first row = header) to ``path``; ``None`` = empty cell."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def base_sheets() -> Sheets:
    """A small valid planning workbook (April 2026, three shifts, three employees)."""
    return {
        "Settings": [["key", "value"], ["site_name", "Test ward"], ["month", "2026-04"]],
        "Shifts": [
            ["code", "name", "start", "end", "break_minutes", "break_counts_as_work"],
            ["D", "Day", "07:30", "15:30", 30, "yes"],
            ["E", "Evening", "15:00", "22:30", 30, "yes"],
            ["N", "Night", "22:00", "08:00", 30, "yes"],
        ],
        "Employees": [
            ["id", "name", "position_pct", "skills"],
            ["A", "Anne", 100, "RN"],
            ["B", "Bjørn", 80, "RN, HCA"],
            ["C", "Cecilie", 50, "HCA"],
        ],
        "Demand": [
            ["date", "shift", "skill", "min", "target"],
            ["2026-04-01", "D", "RN", 1, 2],
            ["2026-04-01", "E", "", 1, None],
        ],
    }


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``make_xlsx(sheets, name="w.xlsx")`` writes a workbook into the test's tmp folder."""

    def make(sheets: Sheets, name: str = "w.xlsx") -> Path:
        return write_xlsx(tmp_path / name, sheets)

    return make


def merge_in_xml(path: Path, title: str, ref: str) -> Path:
    """Merge ``ref`` in sheet ``title`` by writing ``<mergeCells>`` into the saved package (an
    openpyxl merge would build a cell object for each covered cell, too many for a whole
    sheet). The covered cells keep whatever they hold; Excel keeps them blank."""
    import re
    import zipfile

    wb = openpyxl.load_workbook(path, read_only=True)
    part = f"xl/worksheets/sheet{wb.sheetnames.index(title) + 1}.xml"
    wb.close()
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    xml = parts[part].decode()
    if "<mergeCells" in xml:
        xml = re.sub(r"(<mergeCells[^>]*>)", rf'\1<mergeCell ref="{ref}"/>', xml)
    else:
        xml = xml.replace("</sheetData>",
                          f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/>'
                          "</mergeCells>", 1)
    parts[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def planner_book(tmp_path: Path) -> Path:
    """A planner's workbook (Settings with a formula, a Notes sheet) to write a roster into."""
    from tests.io.writer_kit import planner_workbook

    return planner_workbook(tmp_path / "ward.xlsx")


@pytest.fixture
def clean_roster(tmp_path: Path) -> Path:
    """A roster grid (one week) the checker finds nothing wrong in."""
    from tests.cli.check_kit import clean_roster_file

    return clean_roster_file(tmp_path / "clean.xlsx")


@pytest.fixture
def bad_roster(tmp_path: Path) -> Path:
    """A roster grid (one week) with a quick return and a 14 h day."""
    from tests.cli.check_kit import bad_roster_file

    return bad_roster_file(tmp_path / "bad.xlsx")
