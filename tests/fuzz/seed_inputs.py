"""The valid inputs the fuzz mutations start from: seed workbooks and a seed timesheet.

A tiny planning workbook, a roster grid, an xlsx timesheet, the ``roster template`` output in
both languages and ``instances/*.xlsx``, written once per test session (:func:`seeds`); and the
rows of a valid CSV timesheet (:data:`CSV_SEED`). The damage done to them is
:mod:`tests.fuzz.mutate`.
"""

from __future__ import annotations

import functools
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl

CSV_SEED: list[list[str]] = [
    ["employee", "start", "end", "break_minutes", "kind"],
    ["A", "2026-04-06T07:30", "2026-04-06T15:30", "30", "planned"],
    ["A", "2026-04-07T07:30", "2026-04-07T15:30", "30", "planned"],
    ["A", "2026-04-07T15:30", "2026-04-07T18:00", "0", "overtime"],
    ["B", "2026-04-06T22:00", "2026-04-07T08:00", "30", "planned"],
    ["B", "2026-04-08T22:00", "2026-04-09T08:00", "30", "planned"],
    ["Åse Ødegård", "07.04.2026 07:00", "07.04.2026 19:00", "", "extra"],
]


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
