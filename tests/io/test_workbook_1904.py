"""Workbooks saved with the 1904 date system (Excel for Mac, ``Workbook.epoch``).

Excel numbers days from 1900 (serial 46113 is 2026-04-01) or, in such a workbook, from 1904
(the same day is 44651). Real date cells are converted by openpyxl; a date typed as a plain
number is the reader's to convert, in the workbook's own system: the planning workbook, the roster
grid and the timesheet all read it through the one cell parser (``scheduler.io.cells``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, to_excel

from scheduler.io.read.workbook import read_problem
from scheduler.io.roster.load import load_check_input
from scheduler.model import RequestKind
from tests.conftest import base_sheets

APRIL_1 = datetime(2026, 4, 1)


def serial(dt: datetime, epoch: datetime) -> float:
    return float(to_excel(dt, epoch))


def save(path: Path, sheets: dict[str, list[list[object]]], epoch: datetime) -> Path:
    wb = openpyxl.Workbook()
    wb.epoch = epoch
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    assert openpyxl.load_workbook(path).epoch == epoch  # saved with that date system
    return path


def test_the_two_date_systems_number_the_same_day_differently() -> None:
    assert serial(APRIL_1, CALENDAR_WINDOWS_1900) == 46113
    assert serial(APRIL_1, CALENDAR_MAC_1904) == 44651  # read as 1900: 2022-03-31


def planning(epoch: datetime) -> dict[str, list[list[object]]]:
    """The base workbook with its dates as serial numbers of ``epoch`` (and one real date)."""
    sheets = base_sheets()
    sheets["Settings"] = [
        ["key", "value"], ["site_name", "Test ward"],
        ["start", serial(APRIL_1, epoch)], ["end", datetime(2026, 4, 30)],
    ]
    sheets["Demand"] = [
        ["date", "shift", "skill", "min", "target"],
        [serial(APRIL_1, epoch), "D", "RN", 1, 2],
        [datetime(2026, 4, 2), "E", "", 1, None],
    ]
    sheets["Requests"] = [
        ["employee", "date", "kind"],
        ["A", serial(datetime(2026, 4, 10), epoch), "day_off"],
    ]
    sheets["History"] = [
        ["employee", "start", "end"],
        ["A", serial(datetime(2026, 3, 31, 7, 30), epoch), serial(datetime(2026, 3, 31, 15, 30),
                                                                   epoch)],
    ]
    return sheets


def test_planning_workbook_serial_dates_follow_the_1904_date_system(tmp_path: Path) -> None:
    mac = read_problem(save(tmp_path / "mac.xlsx", planning(CALENDAR_MAC_1904),
                            CALENDAR_MAC_1904))
    assert (mac.settings.start, mac.settings.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert [(d.day, d.shift) for d in mac.demand] == [(date(2026, 4, 1), "D"),
                                                      (date(2026, 4, 2), "E")]
    assert [(r.employee, r.start, r.kind) for r in mac.requests] == [
        ("A", date(2026, 4, 10), RequestKind.day_off)]
    (h,) = mac.history
    assert (h.start.replace(tzinfo=None), h.end.replace(tzinfo=None)) == (
        datetime(2026, 3, 31, 7, 30), datetime(2026, 3, 31, 15, 30))
    # The same workbook in the 1900 system, with its own serial numbers, is the same problem.
    windows = read_problem(save(tmp_path / "win.xlsx", planning(CALENDAR_WINDOWS_1900),
                                CALENDAR_WINDOWS_1900))
    assert windows == mac


def grid(epoch: datetime) -> dict[str, list[list[object]]]:
    return {
        "Roster": [
            ["Ansatt", serial(APRIL_1, epoch), serial(datetime(2026, 4, 2), epoch),
             datetime(2026, 4, 3)],
            ["E1", "D", None, "D"],
        ],
        "Shifts": [["code", "start", "end"], ["D", "07:00", "15:00"]],
    }


def test_roster_grid_header_serials_follow_the_1904_date_system(tmp_path: Path) -> None:
    data = load_check_input(save(tmp_path / "mac.xlsx", grid(CALENDAR_MAC_1904),
                                 CALENDAR_MAC_1904))
    assert data.source.days == [date(2026, 4, 1), date(2026, 4, 2), date(2026, 4, 3)]
    assert [p.start.replace(tzinfo=None) for p in data.roster.periods] == [
        datetime(2026, 4, 1, 7), datetime(2026, 4, 3, 7)]
    assert data.source.cells[("E1", date(2026, 4, 1))] == "B2"
    windows = load_check_input(save(tmp_path / "win.xlsx", grid(CALENDAR_WINDOWS_1900),
                                    CALENDAR_WINDOWS_1900))
    assert windows.roster == data.roster


def test_timesheet_serial_times_follow_the_1904_date_system(tmp_path: Path) -> None:
    start, end = datetime(2026, 4, 1, 7, 30), datetime(2026, 4, 1, 15, 30)
    path = save(tmp_path / "mac.xlsx", {"Timesheet": [
        ["employee", "start", "end"],
        ["E1", serial(start, CALENDAR_MAC_1904), serial(end, CALENDAR_MAC_1904)],
    ]}, CALENDAR_MAC_1904)
    (p,) = load_check_input(path).roster.periods
    assert (p.start.replace(tzinfo=None), p.end.replace(tzinfo=None)) == (start, end)
