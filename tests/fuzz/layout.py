"""Grid-layout mutations for ``roster check``: the check never gives a clean bill for work it did
not read (issue #22).

The seed is a roster grid in which *every* employee has a breach (a night shift followed by a
day shift 30 minutes later: AML-10-8-1-daily-rest). The mutations change the layout, never the
codes a planner wrote: blank rows between employees, title rows above the header, a note in a
date-header cell, a note column between the dates, text rows and far cells (up to
XFD1048576), and merged ranges (which do lose values, as they do in Excel).

The contract (:func:`layout_case`), on top of the usual one (no traceback, input unchanged, a
clean input error names file and place):

* the run ends with exit 2 (an input error naming the place) or exit 1 with the daily-rest breach
  of every employee: exit 0 - "no findings" - would mean some work was not read;
* every text cell the mutations added outside the grid is listed in the report's coverage, as
  not read (then the report is not complete and never says "no findings") or as ignored (title
  rows above the header, columns before the dates).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import strategies as st
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string, range_boundaries

from tests.fuzz.cases import _contract, describe, invoke, sha256

RULE = "AML-10-8-1-daily-rest"
EMPLOYEES = ("A", "B", "C", "D")
DAYS = [date(2026, 4, 6) + timedelta(days=i) for i in range(6)]
SHIFTS = [["code", "name", "start", "end", "break_minutes"],
          ["D", "Day", time(7, 30), time(15, 30), 30],
          ["N", "Night", time(22, 0), time(7, 0), 0]]
FAR_REFS = ("XFD1048576", "XFD2", "AA1", "Z40", "A500", "K3")
NOTES = ("see note", "Merk: bytte", "uke 15", "?", "+1 vakt")

LayoutOp = tuple[Any, ...]

layout_ops: st.SearchStrategy[LayoutOp] = st.one_of(
    st.tuples(st.just("blank_rows"), st.integers(0, len(EMPLOYEES) - 1), st.integers(1, 3)),
    st.tuples(st.just("title_rows"), st.integers(1, 3)),
    st.tuples(st.just("header_note"), st.integers(0, len(DAYS) - 1), st.sampled_from(NOTES)),
    st.tuples(st.just("note_column"), st.integers(0, len(DAYS)), st.sampled_from(NOTES)),
    st.tuples(st.just("text_row"), st.sampled_from(["Sum", "", "Legend", "Merk"]),
              st.sampled_from([1, "note", None])),
    st.tuples(st.just("far_cell"), st.sampled_from(FAR_REFS),
              st.sampled_from(["x", "note", 7, "N", "D", "F1"])),
    st.tuples(st.just("merge"), st.integers(0, len(EMPLOYEES)), st.integers(0, len(DAYS) - 2)),
)


def seed_matrix() -> list[list[Any]]:
    """Header + one row per employee: employee i works N on day i and D on day i + 1."""
    rows: list[list[Any]] = [["id", "name", *DAYS]]
    for i, emp in enumerate(EMPLOYEES):
        cells: list[Any] = [None] * len(DAYS)
        cells[i], cells[i + 1] = "N", "D"
        rows.append([emp, emp.lower(), *cells])
    return rows


def build(ops: Sequence[LayoutOp], path: Path) -> tuple[Path, list[tuple[int, int]], list[str]]:
    """Write the mutated grid; returns the path, the (row, column) of each text cell added
    outside the grid (1-based), and the merged ranges."""
    rows = seed_matrix()
    header_at = 0
    extra: list[tuple[int, int]] = []  # (matrix row, matrix col) of added text cells
    far: dict[str, Any] = {}
    merges: list[tuple[int, int]] = []
    for op in ops:
        kind = op[0]
        if kind == "blank_rows":
            at = header_at + 1 + min(op[1], len(rows) - header_at - 1) + 1
            rows[at:at] = [[] for _ in range(op[2])]
            extra = [(r + op[2] if r >= at else r, c) for r, c in extra]
        elif kind == "title_rows":
            rows[0:0] = [[f"Turnus {k}"] for k in range(op[1])]
            header_at += op[1]
            extra = [(r + op[1], c) for r, c in extra]
        elif kind == "header_note":
            j = 2 + op[1]
            if isinstance(rows[header_at][j], date):
                rows[header_at][j] = op[2]
                extra.append((header_at, j))
        elif kind == "note_column":
            j = 2 + op[1]
            for r in range(header_at, len(rows)):
                if len(rows[r]) >= j:
                    rows[r].insert(j, op[2] if r == header_at else None)
            extra = [(r, c + 1 if c >= j else c) for r, c in extra]
            extra.append((header_at, j))
        elif kind == "text_row":
            rows.append([])
            rows.append([op[1], None, *([op[2]] * 3)])
            if op[2] is not None and isinstance(op[2], int):
                extra.append((len(rows) - 1, 2))
        elif kind == "far_cell":
            far[op[1]] = op[2]
        elif kind == "merge":
            merges.append((op[1], op[2]))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roster"
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(row=r, column=c, value=v).number_format = (
                    "yyyy-mm-dd" if isinstance(v, date) else "General")
    for ref, value in far.items():
        ws[ref] = value
    merged: list[str] = []
    for emp_row, day in merges:
        r = header_at + 1 + emp_row  # the header row, or a row below it
        a = f"{get_column_letter(3 + day)}{r}:{get_column_letter(4 + day)}{r}"
        try:
            ws.merge_cells(a)
            merged.append(a)
        except ValueError:
            pass
    sh = wb.create_sheet("Shifts")
    for row in SHIFTS:
        sh.append(row)
    wb.save(path)
    added = [(r + 1, c + 1) for r, c in extra if isinstance(rows[r][c], str | int)]
    for ref, value in far.items():
        letters, row = coordinate_from_string(ref)
        if not (isinstance(value, str) and value in ("N", "D", "F1")):
            added.append((row, column_index_from_string(letters)))
    return path, added, merged


def _listed(cell: tuple[int, int], parts: Sequence[dict[str, str]]) -> bool:
    r, c = cell
    for p in parts:
        for ref in p["cells"].split(", "):
            try:
                c0, r0, c1, r1 = range_boundaries(ref)
            except ValueError:
                continue
            if (r0 is not None and c0 is not None and r0 <= r <= (r1 or r0)
                    and c0 <= c <= (c1 or c0)):
                return True
    return False


def layout_case(folder: Path, ops: Sequence[LayoutOp], fmt: str = "json") -> None:
    path, added, merged = build(ops, folder / "grid.xlsx")
    digest = sha256(path)
    result = invoke(["check", path, "--format", fmt])
    _contract(result, [path], [digest], {1, 2}, folder)  # never 0: every employee has a breach
    if result.exit_code == 2:
        return
    assert not merged, describe(result)  # a merged range inside the grid must be refused
    assert "no findings" not in result.stdout, describe(result)
    if fmt != "json":
        return
    report = json.loads(result.stdout)
    breached = {f["employee"] for f in report["findings"] if f["rule"] == RULE}
    assert breached == set(EMPLOYEES), (breached, describe(result))
    cov = report["coverage"]
    for cell in added:
        assert _listed(cell, cov["not_read"] + cov["ignored"]), (cell, cov, ops)
    if any(_listed(cell, cov["not_read"]) for cell in added):
        assert cov["complete"] is False, (cov, ops)
