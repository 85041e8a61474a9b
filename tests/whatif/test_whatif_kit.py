"""Tiny planning workbooks for the what-if and staffing tests (no tests in this module).

One week (Monday 1 June 2026 – Sunday 7 June, no public holiday), day and evening shifts of
8 paid hours, four RNs and two HCAs; the demand is one RN on D and on E and one HCA on D every
day, which the staff covers. Solves take well under a second.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from scheduler.io.excel import cell_text

MONDAY = date(2026, 6, 1)

Rows = list[list[Any]]


def planning_sheets(*, night: bool = False) -> dict[str, Rows]:
    sheets: dict[str, Rows] = {
        "Settings": [["key", "value"], ["site_name", "Tiny ward"], ["start", "2026-06-01"],
                     ["end", "2026-06-07"], ["full_time_hours", 37.5],
                     ["sunday_work_permitted_by_nature", "yes"],
                     ["night_work_permitted_by_nature", "yes"]],
        "Shifts": [["code", "name", "start", "end", "break_minutes", "break_counts_as_work"],
                   ["D", "Day", "07:00", "15:00", 30, "yes"],
                   ["E", "Evening", "15:00", "23:00", 30, "yes"]],
        "Employees": [["id", "name", "position_pct", "skills", "hourly_cost"],
                      ["R1", "Rita", 100, "RN", 400],
                      ["R2", "Rolf", 100, "RN", 400],
                      ["R3", "Randi", 80, "RN", 380],
                      ["R4", "Rune", 50, "RN", 350],
                      ["H1", "Hege", 100, "HCA", 300],
                      ["H2", "Hans", 75, "HCA", 300]],
        "Demand": [["date", "shift", "skill", "min"]]
        + [[d, "D", "RN", 1] for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]
        + [[d, "E", "RN", 1] for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")]
        + [[d, "D", "HCA", 1] for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")],
        "Requests": [["employee", "date", "kind"], ["R2", "2026-06-03", "day_off"]],
        "Agreements": [["scope", "family", "tier", "parameter", "value"],
                       ["R1", "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 10]],
    }
    if night:
        sheets["Shifts"].append(["N", "Night", "22:00", "08:00", 30, "yes"])
    return sheets


SCENARIO_HEADER = ["scenario", "change", "target", "value", "position %", "scope", "from", "to"]


def write_xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=cell_text(value))  # "=…" stays text
    for ws in wb.worksheets:  # keep "10-5" text (Excel would make it a date)
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:3] == "10-":
                    cell.number_format = "@"
    wb.save(path)
    return path


def workbook(path: Path, scenarios: Rows | None = None, *, sheet: str = "Scenarios",
             night: bool = False, **extra: Rows) -> Path:
    sheets = planning_sheets(night=night)
    if scenarios is not None:
        sheets[sheet] = [SCENARIO_HEADER, *scenarios]
    sheets.update(extra)
    return write_xlsx(path, sheets)
