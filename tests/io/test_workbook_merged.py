"""Merged cells in the planning workbook (issue #22, item 3).

Excel keeps a merged range's value in its top-left cell only. A range down one column is read as
its value in every covered row (``"no"`` merged over three nurses is ``"no"`` for each); a range
over the header row, or across two or more read columns, is refused with the range named.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from scheduler.errors import InputError
from scheduler.io.read.workbook import read_problem
from scheduler.io.used import load_used
from tests.conftest import Sheets, base_sheets, merge_in_xml, write_xlsx


def merged_xlsx(path: Path, sheets: Sheets, merges: dict[str, list[str]]) -> Path:
    """Write ``sheets`` and merge each named range (the covered cells are left blank first,
    as Excel does)."""
    write_xlsx(path, sheets)
    wb = openpyxl.load_workbook(path)
    for title, refs in merges.items():
        for ref in refs:
            wb[title].merge_cells(ref)
    wb.save(path)
    return path


def issues(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(InputError) as exc:
        read_problem(path)
    return [(i.sheet, i.cell, i.message) for i in exc.value.issues]


def five_nurses() -> Sheets:
    sheets = base_sheets()
    sheets["Employees"] = [
        ["id", "name", "position_pct", "skills", "night_work_allowed", "note"],
        ["A", "Anne", 100, "RN", "no", None],
        ["B", "Bjørn", 100, None, None, None],
        ["C", "Cecilie", 100, None, None, None],
        ["D", "Dag", 100, None, "yes", None],
        ["E", "Eva", 100, "HCA", "yes", None],
    ]
    return sheets


def test_a_value_merged_down_a_column_is_read_in_every_row(tmp_path):
    path = merged_xlsx(tmp_path / "w.xlsx", five_nurses(),
                       {"Employees": ["E2:E4", "D2:D5"]})
    p = read_problem(path)
    night = {e.id: e.night_work_allowed for e in p.employees}
    assert night == {"A": False, "B": False, "C": False, "D": True, "E": True}
    assert {e.id: e.skills for e in p.employees} == {
        "A": ("RN",), "B": ("RN",), "C": ("RN",), "D": ("RN",), "E": ("HCA",)}


def test_without_the_merge_the_blank_cells_take_the_default(tmp_path):
    # the control: the same workbook unmerged reads B and C as allowed (the default)
    p = read_problem(write_xlsx(tmp_path / "w.xlsx", five_nurses()))
    assert [e.night_work_allowed for e in p.employees] == [False, True, True, True, True]


def test_a_merge_into_an_empty_row_makes_no_employee(tmp_path):
    sheets = five_nurses()
    sheets["Employees"].append([None] * 6)  # row 7 stays empty
    path = merged_xlsx(tmp_path / "w.xlsx", sheets, {"Employees": ["E5:E7"]})
    assert [e.id for e in read_problem(path).employees] == ["A", "B", "C", "D", "E"]


def test_a_merge_down_many_empty_rows_fills_only_the_used_rows(tmp_path):
    path = merge_in_xml(write_xlsx(tmp_path / "w.xlsx", five_nurses()), "Employees",
                        "E2:E10001")  # 10,000 cells: the largest merge accepted
    assert [e.night_work_allowed for e in read_problem(path).employees] == [False] * 5
    # 26 cells in the file; the merge adds E3 and E4 only (rows 7-10001 hold nothing)
    assert load_used(path)["Employees"].cell_count == 26 + 2


def test_a_merge_over_a_whole_column_is_refused_with_its_range(tmp_path):
    """Copying such a workbook for the output (openpyxl builds every merged cell) took 80 s
    and 425 MB: it is refused before anything is solved."""
    path = merge_in_xml(write_xlsx(tmp_path / "w.xlsx", five_nurses()), "Employees",
                        "E2:E1048576")
    found = issues(path)
    assert found == [("Employees", "E2:E1048576",
                      "the cells E2:E1048576 are merged into one over 1,048,575 cells; at most "
                      "10,000 cells may be merged together (unmerge them, or merge only the "
                      "cells in use)")]


def test_many_merges_are_refused_beyond_their_total(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", five_nurses())
    for i in range(11):  # 11 ranges of 10,000 cells each, side by side in unread columns
        col = openpyxl.utils.get_column_letter(10 + i)
        merge_in_xml(path, "Employees", f"{col}1:{col}10000")
    found = issues(path)
    assert found == [("", "", "merged ranges cover 110,000 cells in all; at most 100,000 are "
                      "accepted (unmerge the large ones)")]


def test_demand_minimum_merged_down_is_each_days_minimum(tmp_path):
    sheets = base_sheets()
    sheets["Demand"] = [
        ["date", "shift", "skill", "min"],
        ["2026-04-01", "D", "", 2],
        ["2026-04-02", "D", "", None],
        ["2026-04-03", "D", "", None],
    ]
    p = read_problem(merged_xlsx(tmp_path / "w.xlsx", sheets, {"Demand": ["D2:D4"]}))
    assert {(d.day, d.minimum) for d in p.demand} == {
        (date(2026, 4, 1), 2), (date(2026, 4, 2), 2), (date(2026, 4, 3), 2)}


def test_a_weight_merged_down_is_every_weights_value(tmp_path):
    sheets = base_sheets()
    sheets["Weights"] = [["key", "value"], ["fairness", 7], ["pattern", None]]
    p = read_problem(merged_xlsx(tmp_path / "w.xlsx", sheets, {"Weights": ["B2:B3"]}))
    assert (p.weights.fairness, p.weights.pattern) == (7, 7)


def test_a_merged_demand_header_is_refused_with_its_range(tmp_path):
    sheets = base_sheets()
    sheets["Demand"] = [
        ["date", "D", None, "N"],  # D merged over B1:C1, so C1 looks blank
        ["Monday", 2, 1, 1],
        ["Tuesday", 2, 1, 1],
    ]
    found = issues(merged_xlsx(tmp_path / "w.xlsx", sheets, {"Demand": ["B1:C1"]}))
    assert ("Demand", "B1:C1",
            "the cells B1:C1 are merged over the header row; unmerge them so that each column "
            "has its own header") in found


def test_a_merged_employee_header_is_refused(tmp_path):
    sheets = five_nurses()
    sheets["Employees"][0][4] = "night_work_allowed"
    found = issues(merged_xlsx(tmp_path / "w.xlsx", sheets, {"Employees": ["E1:E2"]}))
    assert [c for s, c, _ in found if s == "Employees"] == ["E1:E2"]


def test_a_wide_demand_value_across_shift_columns_is_refused(tmp_path):
    sheets = base_sheets()
    sheets["Demand"] = [["date", "D", "E", "N"], ["Monday", 2, None, 1]]
    found = issues(merged_xlsx(tmp_path / "w.xlsx", sheets, {"Demand": ["B2:C2"]}))
    assert found == [("Demand", "B2:C2", "the cells B2:C2 are merged across 2 columns that are "
                      "read; unmerge them and give each column its own value")]


def test_a_merge_across_two_employee_fields_is_refused(tmp_path):
    found = issues(merged_xlsx(tmp_path / "w.xlsx", five_nurses(), {"Employees": ["D6:E6"]}))
    assert [(s, c) for s, c, _ in found] == [("Employees", "D6:E6")]


def test_a_merge_in_a_column_that_is_not_read_is_ignored(tmp_path):
    sheets = five_nurses()
    sheets["Employees"][0].append("comment")
    sheets["Employees"][1][5] = "long note over two columns"
    p = read_problem(merged_xlsx(tmp_path / "w.xlsx", sheets, {"Employees": ["F2:G3"]}))
    assert len(p.employees) == 5


def test_a_note_merged_across_columns_beside_long_demand_is_ignored(tmp_path):
    sheets = base_sheets()
    sheets["Demand"][0] += ["info", "more"]  # unknown columns: ignored in the long layout
    sheets["Demand"][1] += ["busy day, see the ward plan", None]
    p = read_problem(merged_xlsx(tmp_path / "w.xlsx", sheets, {"Demand": ["F2:G2"]}))
    assert len(p.demand) == 2
