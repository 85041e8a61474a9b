"""A tiny workbook with a cell at XFD1048576 (issue #22, item 4): memory follows the data.

A normal openpyxl read walks the whole used rectangle, 17 billion cells for one stray value in
the last cell of a sheet (1.3 GB and a MemoryError in the report). The readers keep only the
used cells, so the peak stays at a few MB. Measured with tracemalloc (allocations, not time).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from scheduler.errors import InputError
from scheduler.io.read.workbook import read_parts, read_problem
from scheduler.io.used import load_used
from tests.conftest import base_sheets, merge_in_xml, write_xlsx

PEAK_LIMIT = 40 * 1024 * 1024  # measured about 9 MB; the full rectangle would be > 1 GB


def far_workbook(path: Path, *, merge: str | None = None) -> Path:
    sheets = base_sheets()
    sheets["Scenarios"] = [["scenario", "change", "target", "value"],
                           ["Busy", "demand", None, 1.25]]
    write_xlsx(path, sheets)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        ws["XFD1048576"] = "stray"
    wb.save(path)
    if merge:
        merge_in_xml(path, "Employees", merge)
    assert path.stat().st_size < 15_000
    return path


def peak_of(fn: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_far_cell_is_read_in_a_few_megabytes(tmp_path):
    path = far_workbook(tmp_path / "far.xlsx")
    problem, peak = peak_of(lambda: read_problem(path))
    assert [e.id for e in problem.employees] == ["A", "B", "C"]
    assert len(problem.demand) == 2
    assert peak < PEAK_LIMIT, f"{peak / 1e6:.1f} MB"
    _, peak = peak_of(lambda: read_parts(path))
    assert peak < PEAK_LIMIT, f"{peak / 1e6:.1f} MB"


def test_only_used_cells_are_kept(tmp_path):
    book = load_used(far_workbook(tmp_path / "far.xlsx"))
    employees = book["Employees"]
    assert employees.cell_count == 4 * 4 + 1  # header + three rows of four, and the stray
    assert [row[0].coordinate for row in employees.iter_rows()][-1] == "XFD1048576"


def test_a_merge_over_the_rest_of_the_sheet_is_refused_in_a_few_megabytes(tmp_path):
    path = far_workbook(tmp_path / "far.xlsx", merge="D3:XFD1048576")
    with pytest.raises(InputError) as err:
        _, peak = peak_of(lambda: load_used(path))
    assert [(i.sheet, i.cell) for i in err.value.issues] == [("Employees", "D3:XFD1048576")]
    _, peak = peak_of(lambda: _refused(path))
    assert peak < PEAK_LIMIT, f"{peak / 1e6:.1f} MB"


def _refused(path: Path) -> bool:
    try:
        load_used(path)
    except InputError:
        return True
    return False


def test_scenarios_beside_a_far_cell_are_read_in_a_few_megabytes(tmp_path):
    from scheduler.io.read.scenarios import read_scenarios

    path = far_workbook(tmp_path / "far.xlsx")
    problem = read_problem(path)
    scenarios, peak = peak_of(lambda: read_scenarios(path, problem))
    assert [s.name for s in scenarios] == ["Busy"]
    assert peak < PEAK_LIMIT, f"{peak / 1e6:.1f} MB"
