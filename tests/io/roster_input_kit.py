"""Shared helpers of the roster-input tests (tests/io/test_roster_input*.py, test_timesheet_input.py)."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.clock import TZ
from scheduler.errors import InputError

SHIFTS = [
    ("code", "name", "start", "end", "break_minutes"),
    ("D", "Day", time(7, 30), time(15, 30), 30),
    ("E", "Evening", time(15, 0), time(22, 30), 30),
    ("N", "Night", time(22, 0), time(7, 0), 0),
]


def aware(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


def grid_workbook(
    path: Path,
    header: list[object],
    rows: list[list[object]],
    *,
    sheet: str = "Roster",
    shifts: bool = True,
    above: list[list[object]] | None = None,
    extra_sheets: dict[str, list[list[object]]] | None = None,
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r in above or []:
        ws.append(r)
    ws.append(header)
    for r in rows:
        ws.append(r)
    if shifts:
        sh = wb.create_sheet("Shifts")
        for r in SHIFTS:
            sh.append(list(r))
    for name, content in (extra_sheets or {}).items():
        s = wb.create_sheet(name)
        for r in content:
            s.append(r)
    wb.save(path)
    return path


def issues_text(exc: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [str(i) for i in exc.value.issues]


def write_csv(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path
