"""Hypothesis strategies that damage valid inputs the way planners and other systems do.

Workbooks: a list of :data:`WbOp` edits applied to a valid seed workbook (``roster template``
output, ``instances/*.xlsx``, a small planning workbook, a solved roster grid, an xlsx timesheet):
missing and extra sheets and columns, merged cells, wrong types, text in number cells, dates as
text in several formats, empty rows inside tables, duplicated rows (duplicate ids), huge numbers,
negative durations, unicode names, formulas, colours, renamed headers and sheets.

Timesheets (CSV): a list of :data:`CsvOp` edits on the rows of a valid timesheet, written with a
chosen delimiter and encoding (UTF-8 with and without BOM, Latin-1, stray NUL bytes).

Shared by the fast sample in ``tests/reliability/test_reliability_fuzz.py`` (``make test``) and the dedicated
run in ``tests/fuzz/`` (``make fuzz``).
"""

from __future__ import annotations

import csv
import functools
import io
import tempfile
from collections.abc import Sequence
from copy import copy
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import strategies as st
from openpyxl.styles import PatternFill
from openpyxl.utils.exceptions import IllegalCharacterError

# --------------------------------------------------------------------------------------------
# Cell values

DATE_TEXTS = (
    "2026-04-07", "07.04.2026", "7.4.2026", "7/4/2026", "04/07/2026", "2026/04/07",
    "7 April 2026", "7. april 2026", "20260407", "2026-04-07T07:30:00", "2026-04-07 07:30",
    "07.04.2026 07:30", "2026-04-07T07:30+02:00", "2026-04-07T07:30Z", "2026-13-45",
    "31.02.2026", "0000-00-00", "9999-12-31", "1900-01-00", "45383", "45383.3125", "i morgen",
)
TIME_TEXTS = ("7:30", "07.30", "0730", "24:00", "25:00", "-01:00", "7:30 PM", "07:30:59", "kl 7")
NUMBER_TEXTS = ("80 %", "80,5", "1e3", "1 000", "NaN", "inf", "-5", "0x10", "½", "٣", "100%")
HOSTILE_TEXTS = (
    "=SUM(A1:A3)", "=1/0", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "#N/A", "#REF!",
    "=HYPERLINK(\"http://x\",\"y\")", "OFF", "off", "F1", "Ferie", "-", "ja", "nei", "yes",
    "planned", "overtime", "T3_TARIFF_REPS", "10-5", "RN", "D", "N", "E", "W01", "E1",
    "Åse Ødegård", "李小龙", "مرحبا", "Zoë\u0301", "👩‍⚕️", "\u200b", "   ", "x" * 300,
)
DURATIONS = (timedelta(hours=-3), timedelta(minutes=-1), timedelta(0), timedelta(days=400),
             timedelta(hours=8, minutes=30))

_text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)

cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from([10**15, -(10**15), 2**53 + 1, 10**20, -1, 0, 1e308, -1e-300, 0.5, 99.999]),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    _text,
    st.sampled_from(DATE_TEXTS + TIME_TEXTS + NUMBER_TEXTS + HOSTILE_TEXTS),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.times(),
    st.sampled_from(DURATIONS),
)

SHEET_NAMES = (
    "Settings", "Innstillinger", "Shifts", "Vakter", "Employees", "Ansatte", "Demand",
    "Bemanning", "Requests", "Ønsker", "Fixed", "Faste", "History", "Historikk", "Agreements",
    "Avtaler", "Weights", "Vekter", "Roster", "Turnus", "Timesheet", "Timeliste", "SETTINGS",
    " shifts ", "Ark1", "Sheet1", "Notater 📝", "Коментарі", "Scenarios",
)
HEADER_NAMES = (
    "id", "ID", "name", "Navn", "code", "Kode", "start", "Fra", "end", "til", "date", "Dato",
    "shift", "skill", "min", "target", "employee", "Ansatt", "break_minutes", "Pause", "kind",
    "key", "value", "position_pct", "Stilling %", "weekly_hours", "", "Notes", "id", "Ukjent",
)

# --------------------------------------------------------------------------------------------
# Workbook edits: (kind, *args); sheet/row/column arguments are taken modulo what exists.

WbOp = tuple[Any, ...]

_idx = st.integers(0, 40)
_small = st.integers(0, 12)

wb_ops: st.SearchStrategy[WbOp] = st.one_of(
    st.tuples(st.just("set"), _idx, _small, st.integers(0, 8), cell_values),
    st.tuples(st.just("set"), _idx, _small, st.integers(0, 8), cell_values),
    st.tuples(st.just("set_header"), _idx, st.integers(0, 8), st.sampled_from(HEADER_NAMES)),
    st.tuples(st.just("formula"), _idx, _small, st.integers(0, 8),
              st.sampled_from(["=1+1", "=A1", "=NOW()", "=SUM(B:B)", "=#REF!", "=1/0"])),
    st.tuples(st.just("insert_rows"), _idx, st.integers(1, 12), st.integers(1, 3)),
    st.tuples(st.just("delete_rows"), _idx, st.integers(0, 12), st.integers(1, 3)),
    st.tuples(st.just("dup_row"), _idx, st.integers(1, 12)),
    st.tuples(st.just("insert_col"), _idx, st.integers(1, 8), st.sampled_from(HEADER_NAMES)),
    st.tuples(st.just("delete_col"), _idx, st.integers(1, 8)),
    st.tuples(st.just("merge"), _idx, _small, st.integers(0, 8), st.integers(1, 3),
              st.integers(1, 3)),
    st.tuples(st.just("fill"), _idx, _small, st.integers(0, 8)),
    st.tuples(st.just("delete_sheet"), _idx),
    st.tuples(st.just("add_sheet"), st.sampled_from(SHEET_NAMES),
              st.lists(st.lists(cell_values, max_size=4), max_size=4)),
    st.tuples(st.just("rename_sheet"), _idx, st.sampled_from(SHEET_NAMES)),
    st.tuples(st.just("copy_sheet"), _idx),
    st.tuples(st.just("clear_sheet"), _idx),
    st.tuples(st.just("far_cell"), _idx, st.integers(1, 5000), st.integers(1, 300), cell_values),
)


def _sheet(wb: openpyxl.Workbook, i: int) -> Any | None:
    return wb.worksheets[i % len(wb.worksheets)] if wb.worksheets else None


def _put(ws: Any, row: int, col: int, value: Any) -> None:
    cell = ws.cell(row=row, column=col)
    if type(cell).__name__ == "MergedCell":
        return  # openpyxl cannot write into the hidden part of a merged range
    try:
        cell.value = value
    except (IllegalCharacterError, ValueError, TypeError):
        cell.value = repr(value)


def apply_wb_ops(wb: openpyxl.Workbook, ops: Sequence[WbOp]) -> None:
    """Apply ``ops`` to ``wb`` in place (indices wrap around; impossible edits are skipped)."""
    for op in ops:
        kind = op[0]
        if kind == "add_sheet":
            title = op[1] if op[1].strip() and op[1] not in wb.sheetnames else None
            ws = wb.create_sheet(title)
            for r, row in enumerate(op[2], start=1):
                for c, v in enumerate(row, start=1):
                    _put(ws, r, c, v)
            continue
        ws = _sheet(wb, op[1])
        if ws is None:
            continue
        rows = max(1, ws.max_row)
        if kind == "set":
            _put(ws, 1 + op[2] % (rows + 1), 1 + op[3], op[4])
        elif kind == "set_header":
            _put(ws, 1, 1 + op[2], op[3])
        elif kind == "formula":
            _put(ws, 1 + op[2] % (rows + 1), 1 + op[3], op[4])
        elif kind == "insert_rows":
            ws.insert_rows(1 + op[2] % (rows + 1), op[3])
        elif kind == "delete_rows":
            ws.delete_rows(1 + op[2] % rows, op[3])
        elif kind == "dup_row":
            src = 1 + op[2] % rows
            ws.insert_rows(src + 1)
            for c in range(1, ws.max_column + 1):
                v = ws.cell(row=src, column=c).value
                if v is not None:
                    _put(ws, src + 1, c, copy(v))
        elif kind == "insert_col":
            ws.insert_cols(op[2])
            _put(ws, 1, op[2], op[3])
        elif kind == "delete_col":
            ws.delete_cols(op[2])
        elif kind == "merge":
            r, c = 1 + op[2] % (rows + 1), 1 + op[3]
            ws.merge_cells(start_row=r, start_column=c, end_row=r + op[4] - 1,
                           end_column=c + op[5] - 1 + (op[4] == 1 and op[5] == 1))
        elif kind == "fill":
            ws.cell(row=1 + op[2] % (rows + 1), column=1 + op[3]).fill = PatternFill(
                "solid", fgColor="FFFF00")
        elif kind == "delete_sheet":
            wb.remove(ws)
        elif kind == "rename_sheet":
            if op[2] not in wb.sheetnames:
                ws.title = op[2]
        elif kind == "copy_sheet":
            wb.copy_worksheet(ws)
        elif kind == "clear_sheet":
            for row in ws.iter_rows():
                for cell in row:
                    if type(cell).__name__ != "MergedCell":
                        cell.value = None
        elif kind == "far_cell":
            _put(ws, op[2], op[3], op[4])
        else:  # pragma: no cover - a typo in the strategy
            raise AssertionError(kind)


def mutate_workbook(seed: Path, ops: Sequence[WbOp], out: Path) -> Path:
    """Load ``seed``, apply ``ops`` and save the result to ``out``."""
    wb = openpyxl.load_workbook(seed)
    apply_wb_ops(wb, ops)
    if not wb.worksheets:
        wb.create_sheet("Ark1")
    wb.active = 0
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = False
    wb.save(out)
    return out


# --------------------------------------------------------------------------------------------
# CSV timesheets

CsvOp = tuple[Any, ...]

csv_values = st.one_of(
    _text,
    st.sampled_from(DATE_TEXTS + TIME_TEXTS + NUMBER_TEXTS + HOSTILE_TEXTS),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["", " ", "\"", "'", ";", ",", "\n", "\r\n", "\x00", "planlagt", "overtid",
                     "merarbeid", "extra", "30", "-30", "99999", "2026-04-07T22:00",
                     "2026-04-08T07:00", "2026-04-07T07:00", "2026-04-06T23:00"]),
)

csv_ops: st.SearchStrategy[CsvOp] = st.one_of(
    st.tuples(st.just("set"), _idx, st.integers(0, 6), csv_values),
    st.tuples(st.just("set"), _idx, st.integers(0, 6), csv_values),
    st.tuples(st.just("header"), st.integers(0, 6), st.sampled_from(HEADER_NAMES)),
    st.tuples(st.just("blank_row"), _idx),
    st.tuples(st.just("dup_row"), _idx),
    st.tuples(st.just("delete_row"), _idx),
    st.tuples(st.just("delete_col"), st.integers(0, 6)),
    st.tuples(st.just("add_col"), st.sampled_from(HEADER_NAMES), csv_values),
    st.tuples(st.just("swap_start_end"), _idx),
    st.tuples(st.just("short_row"), _idx),
)

csv_encodings = st.sampled_from(
    ["utf-8"] * 5 + ["utf-8-sig"] * 2 + ["latin-1", "utf-16", "utf-8-nul"])
csv_delimiters = st.sampled_from([","] * 3 + [";"] * 3 + ["\t", "|"])

CSV_SEED: list[list[str]] = [
    ["employee", "start", "end", "break_minutes", "kind"],
    ["A", "2026-04-06T07:30", "2026-04-06T15:30", "30", "planned"],
    ["A", "2026-04-07T07:30", "2026-04-07T15:30", "30", "planned"],
    ["A", "2026-04-07T15:30", "2026-04-07T18:00", "0", "overtime"],
    ["B", "2026-04-06T22:00", "2026-04-07T08:00", "30", "planned"],
    ["B", "2026-04-08T22:00", "2026-04-09T08:00", "30", "planned"],
    ["Åse Ødegård", "07.04.2026 07:00", "07.04.2026 19:00", "", "extra"],
]


def apply_csv_ops(rows: list[list[str]], ops: Sequence[CsvOp]) -> list[list[str]]:
    rows = [list(r) for r in rows]
    for op in ops:
        kind = op[0]
        n = len(rows)
        if kind == "set" and n:
            row = rows[op[1] % n]
            while len(row) <= op[2]:
                row.append("")
            row[op[2]] = op[3]
        elif kind == "header" and n:
            while len(rows[0]) <= op[1]:
                rows[0].append("")
            rows[0][op[1]] = op[2]
        elif kind == "blank_row":
            rows.insert(op[1] % (n + 1), [])
        elif kind == "dup_row" and n:
            i = op[1] % n
            rows.insert(i + 1, list(rows[i]))
        elif kind == "delete_row" and n:
            del rows[op[1] % n]
        elif kind == "delete_col":
            for row in rows:
                if len(row) > op[1]:
                    del row[op[1]]
        elif kind == "add_col":
            for i, row in enumerate(rows):
                row.append(op[1] if i == 0 else op[2])
        elif kind == "swap_start_end" and n > 1:
            row = rows[1 + op[1] % (n - 1)]
            if len(row) >= 3:
                row[1], row[2] = row[2], row[1]
        elif kind == "short_row" and n:
            row = rows[op[1] % n]
            del row[len(row) // 2:]
    return rows


def write_csv(rows: list[list[str]], out: Path, delimiter: str, encoding: str) -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    text = buf.getvalue()
    if encoding == "utf-8-nul":
        data = text.encode("utf-8").replace(b"\n", b"\x00\n", 1)
    else:
        data = text.encode(encoding, errors="replace")
    out.write_bytes(data)
    return out


# --------------------------------------------------------------------------------------------
# Seed inputs (valid files the mutations start from)


def plan_sheets(days: int = 4) -> dict[str, list[list[Any]]]:
    """A tiny valid planning workbook: two shifts, three employees, ``days`` days of demand."""
    start = date(2026, 4, 6)
    demand: list[list[Any]] = [["date", "shift", "skill", "min", "target"]]
    for i in range(days):
        d = (start + timedelta(days=i)).isoformat()
        demand.append([d, "D", "RN", 1, 1])
        demand.append([d, "N", "", 1, 1])
    return {
        "Settings": [["key", "value"], ["site_name", "Fuzz ward"], ["start", start.isoformat()],
                     ["end", (start + timedelta(days=days - 1)).isoformat()]],
        "Shifts": [["code", "name", "start", "end", "break_minutes", "break_counts_as_work"],
                   ["D", "Day", time(7, 30), time(15, 30), 30, "yes"],
                   ["N", "Night", time(22, 0), time(7, 0), 30, "yes"]],
        "Employees": [["id", "name", "position_pct", "skills", "night_work_allowed"],
                      ["A", "Anne", 100, "RN", "yes"],
                      ["B", "Bjørn", 80, "RN, HCA", "yes"],
                      ["C", "Cecilie", 50, "HCA", "yes"]],
        "Demand": demand,
        "Requests": [["employee", "date", "from", "to", "kind", "shift", "weight"],
                     ["C", start + timedelta(days=1), None, None, "day_off", None, 1]],
        "Fixed": [["employee", "date", "shift"], ["A", start, "D"]],
        "History": [["employee", "start", "end", "kind", "break_minutes", "overtime_ytd_hours",
                     "last_sunday_worked"],
                    ["B", datetime(2026, 4, 4, 22, 0), datetime(2026, 4, 5, 7, 0), "planned", 30,
                     4, date(2026, 3, 29)]],
        "Agreements": [["scope", "family", "tier", "parameter", "value", "valid_from",
                        "valid_to"],
                       ["site", "10-8", "T3_TARIFF_REPS", "daily_rest_hours", 11, None, None]],
    }


def write_sheets(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
    wb.save(path)
    return path


def grid_sheets() -> dict[str, list[list[Any]]]:
    """A roster grid to check (with its Shifts and Employees sheets), two weeks of April 2026."""
    start = date(2026, 4, 6)
    days = [start + timedelta(days=i) for i in range(14)]
    pattern = {"A": "DDDDD--" * 2, "B": "NN--NN-" * 2, "C": "-DD-FD-" * 2}
    grid: list[list[Any]] = [["id", "name", *days, "hours"]]
    for emp, codes in pattern.items():
        cells = [{"F": "F1", "-": None}.get(c, c) for c in codes]
        grid.append([emp, emp.lower(), *cells, 0])
    plan = plan_sheets()
    return {"Roster": grid, "Shifts": plan["Shifts"], "Employees": plan["Employees"],
            "Agreements": plan["Agreements"], "History": plan["History"]}


def timesheet_sheets() -> dict[str, list[list[Any]]]:
    """An xlsx timesheet with real Excel date-times and text date-times mixed."""
    rows: list[list[Any]] = [list(CSV_SEED[0])]
    for r in CSV_SEED[1:]:
        rows.append([r[0], r[1], r[2], int(r[3]) if r[3] else None, r[4]])
    rows[1][1] = datetime(2026, 4, 6, 7, 30)
    rows[1][2] = datetime(2026, 4, 6, 15, 30)
    return {"Timesheet": rows}


INSTANCES = Path(__file__).resolve().parents[2] / "instances"


def seed_workbooks(folder: Path) -> dict[str, Path]:
    """Write every seed workbook into ``folder``; returns {name: path}."""
    from scheduler.io.template import write_template

    folder.mkdir(parents=True, exist_ok=True)
    seeds = {
        "plan": write_sheets(folder / "plan.xlsx", plan_sheets()),
        "grid": write_sheets(folder / "grid.xlsx", grid_sheets()),
        "timesheet": write_sheets(folder / "timesheet.xlsx", timesheet_sheets()),
    }
    for lang in ("en", "nb"):
        path = folder / f"template_{lang}.xlsx"
        write_template(path, language=lang, force=True)
        seeds[f"template_{lang}"] = path
    for inst in sorted(INSTANCES.glob("*.xlsx")):
        seeds[inst.stem] = inst
    return seeds


_HOLDERS: list[tempfile.TemporaryDirectory[str]] = []


@functools.cache
def seeds() -> dict[str, Path]:
    """The seed workbooks, written once per test session into a temporary folder."""
    holder = tempfile.TemporaryDirectory(prefix="aml-fuzz-seeds-")
    _HOLDERS.append(holder)  # removed when the interpreter exits
    return seed_workbooks(Path(holder.name))


PLANNING_SEEDS = ("plan", "template_en", "template_nb", "ward", "care_home", "call_centre")
CHECK_SEEDS = ("grid", "timesheet")
