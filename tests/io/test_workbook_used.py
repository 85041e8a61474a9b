"""The one streamed reader of workbook sheets (scheduler/io/used.py).

Every reader (planning workbook, scenarios, roster grid, timesheet) takes its cells from here:
the cells that hold a value with their number formats, and the merged ranges. An ordinary
openpyxl worksheet gives the same cells as the streamed read-only sheet, and a change in
openpyxl's private names is named, not a traceback from inside a sheet.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from scheduler.errors import InputError
from scheduler.io import used
from scheduler.io.excel import load_workbook_safely


def sample(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = "id"
    ws["C1"] = datetime(2026, 3, 2)
    ws["C1"].number_format = "yyyy-mm-dd"
    ws["D1"] = datetime(2026, 3, 2, 7, 30)
    ws["D1"].number_format = "dd.mm.yyyy hh:mm"
    ws["A3"] = 0.5
    ws["A3"].number_format = "0%"
    ws["B5"] = "no"
    ws.merge_cells("B5:B7")
    ws["A7"] = "x"
    wb.save(path)
    return path


def cells(ws: object) -> list[tuple[int, list[tuple[str, object, str]]]]:
    return [(r, sorted((c.coordinate, c.value, c.number_format) for c in row))
            for r, row in used.used_rows(ws)]


def test_a_read_only_sheet_and_an_ordinary_sheet_give_the_same_cells(tmp_path):
    path = sample(tmp_path / "s.xlsx")
    streamed = load_workbook_safely(path, read_only=True)["Data"]
    ordinary = openpyxl.load_workbook(path)["Data"]
    want = [
        (1, [("A1", "id", "General"), ("C1", datetime(2026, 3, 2), "yyyy-mm-dd"),
             ("D1", datetime(2026, 3, 2, 7, 30), "dd.mm.yyyy hh:mm")]),
        (3, [("A3", 0.5, "0%")]),
        (5, [("B5", "no", "General")]),
        (7, [("A7", "x", "General")]),
    ]
    assert cells(streamed) == want
    assert cells(ordinary) == want
    for ws in (streamed, ordinary):
        rows = used.used_rows(ws)
        with pytest.raises(RuntimeError):
            rows.merged  # noqa: B018 - known only once the rows are read
        list(rows)
        assert [m.ref for m in rows.merged] == ["B5:B7"]


def test_a_sheet_read_whole_fills_its_merged_range_in_used_rows_only(tmp_path):
    book = used.load_used(sample(tmp_path / "s.xlsx"))
    sheet = book["Data"]
    assert sorted(sheet.rows) == [1, 3, 5, 7]  # row 6 holds nothing: nothing is made there
    assert sheet.rows[7][2] == used.UsedCell(7, 2, "no", "General", "B5:B7")
    assert sheet.rows[5][2].merged_from is None
    assert used.row_values(list(sheet.rows[7].values())) == ("x", "no")


def test_row_values_are_by_position_and_blank_text_is_empty():
    cell = used.UsedCell
    assert used.row_values([cell(4, 3, "D"), cell(4, 1, "E1"), cell(4, 2, "")]) == ("E1", None, "D")
    assert used.row_values([cell(4, 2, "")]) == ()


def test_an_openpyxl_without_the_private_parser_names_what_is_missing(tmp_path, monkeypatch):
    class Parser:  # openpyxl's parser as a future release might change it
        def __init__(self, src, shared_strings, data_only=False):  # type: ignore[no-untyped-def]
            pass

    path = sample(tmp_path / "s.xlsx")
    monkeypatch.setattr(used, "WorkSheetParser", Parser)
    used._check_openpyxl.cache_clear()
    try:
        with pytest.raises(used.OpenpyxlChanged) as exc:
            used.load_used(path)
    finally:
        used._check_openpyxl.cache_clear()
    message = str(exc.value)
    assert "WorkSheetParser(epoch=...)" in message and "timedelta_formats" in message
    assert "openpyxl>=3.1,<3.2" in message


def test_the_installed_openpyxl_has_what_the_reader_uses():
    used._check_openpyxl.cache_clear()
    used._check_openpyxl()  # raises OpenpyxlChanged otherwise


def test_one_safe_open_refuses_what_is_not_a_workbook_in_both_modes(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("id;name\n")
    for read_only in (False, True):
        with pytest.raises(InputError) as exc:
            load_workbook_safely(bad, read_only=read_only)
        assert "not an Excel .xlsx workbook" in exc.value.issues[0].message
