"""Reading a roster grid to check (scheduler.io.roster.load): the grid, and Settings from --problem or the layout `roster solve` writes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.errors import InputError
from scheduler.io.roster.load import (
    file_sha256,
    load_check_input,
)
from tests.io.roster_input_kit import SHIFTS, aware, grid_workbook, write_csv

# --------------------------------------------------------------------------------------------
# Roster grid


def test_grid_with_real_dates_name_column_and_days_off(tmp_path: Path) -> None:
    days = [datetime(2026, 3, 2) + timedelta(days=i) for i in range(7)]
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Employee", "Name", *days],
        [
            ["E1", "Kari", "D", "e", "-", None, "F1", "f2", "FE"],
            [1002, "Ola", "Ferie", "OFF", "N", "F5", "F3", "F4", "ferie"],
        ],
    )
    data = load_check_input(path)
    src = data.source
    assert src.kind == "grid"
    assert src.employee_order == ["E1", "1002"]
    assert src.names == {"E1": "Kari", "1002": "Ola"}
    got = [(p.employee, p.shift, p.start, p.end) for p in data.roster.periods]
    assert got == [
        ("1002", "N", aware("2026-03-04 22:00"), aware("2026-03-05 07:00")),
        ("E1", "D", aware("2026-03-02 07:30"), aware("2026-03-02 15:30")),
        ("E1", "E", aware("2026-03-03 15:00"), aware("2026-03-03 22:30")),
    ]
    assert data.roster.periods[1].break_minutes == 30
    marks = {(e, d.isoformat(), c) for e, d, c in data.roster.day_marks}
    assert ("E1", "2026-03-06", "F1") in marks and ("1002", "2026-03-02", "Ferie") in marks
    assert len(marks) == 3 + 6  # blank and "-" leave no mark
    # The horizon is the grid's span; the cells are remembered for the report.
    assert (data.settings.start, data.settings.end) == (date(2026, 3, 2), date(2026, 3, 8))
    assert src.cells[("E1", date(2026, 3, 2))] == "C2"
    assert src.cells[("1002", date(2026, 3, 4))] == "E3"


def test_grid_header_as_iso_text_and_serials_with_title_rows_above(tmp_path: Path) -> None:
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Ansatt", "2026-03-02", "2026-03-03", 46085],
        [["E1", "D", "D", "D"]],
        sheet="turnus",
        above=[["Turnus mars 2026"], ["Uke", 10, 10, 10]],
    )
    data = load_check_input(path)
    assert [p.start.date() for p in data.roster.periods] == [
        date(2026, 3, 2),
        date(2026, 3, 3),
        date(2026, 3, 4),
    ]
    assert data.source.cells[("E1", date(2026, 3, 2))] == "B4"


def test_unknown_shift_codes_are_reported_at_their_cells(tmp_path: Path) -> None:
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Employee", "2026-03-02", "2026-03-03", "2026-03-04"],
        [["E1", "D", "X", "D"], ["E2", "D", "D", "Day"]],
    )
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    issues = exc.value.issues
    assert [(i.sheet, i.cell) for i in issues] == [("Roster", "C2"), ("Roster", "D3")]
    assert all(i.file == str(path) for i in issues)
    assert "'X'" in issues[0].message and "E1" in issues[0].message


def test_grid_without_any_shifts_sheet_says_so(tmp_path: Path) -> None:
    path = grid_workbook(
        tmp_path / "r.xlsx", ["Employee", "2026-03-02"], [["E1", "D"]], shifts=False
    )
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    assert "no Shifts sheet" in exc.value.issues[0].message


def test_shifts_from_problem_workbook(tmp_path: Path) -> None:
    roster = grid_workbook(
        tmp_path / "r.xlsx", ["Employee", "2026-03-02"], [["E1", "N"]], shifts=False
    )
    problem = tmp_path / "ward.xlsx"
    wb = Workbook()
    wb.active.title = "Vakter"
    for r in SHIFTS:
        wb.active.append(list(r))
    wb.save(problem)
    data = load_check_input(roster, problem=problem)
    (p,) = data.roster.periods
    assert (p.start, p.end) == (aware("2026-03-02 22:00"), aware("2026-03-03 07:00"))
    assert data.input_sha256 == file_sha256(roster, problem) != file_sha256(roster)


def test_night_shift_crossing_midnight_is_one_period_ending_next_day(tmp_path: Path) -> None:
    path = grid_workbook(
        tmp_path / "r.xlsx", ["Employee", "2026-03-02", "2026-03-03"], [["E1", "N", "N"]]
    )
    periods = load_check_input(path).roster.periods
    assert len(periods) == 2
    assert periods[0].start == aware("2026-03-02 22:00")
    assert periods[0].end == aware("2026-03-03 07:00")
    assert periods[0].elapsed_minutes == 9 * 60


def test_dst_nights_count_real_elapsed_time(tmp_path: Path) -> None:
    # Clocks go back on Sunday 25 October 2026 and forward on Sunday 29 March 2026.
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Employee", "2026-03-28", "2026-10-24"],
        [["E1", "N", "N"]],
    )
    data = load_check_input(path, start=date(2026, 3, 28), end=date(2026, 10, 25))
    spring, autumn = data.roster.periods
    assert spring.elapsed_minutes == 8 * 60
    assert autumn.elapsed_minutes == 10 * 60
    assert autumn.end.utcoffset() == timedelta(hours=1)


def test_solve_layout_margin_columns_and_legend_are_ignored(tmp_path: Path) -> None:
    days = [date(2026, 3, 2), date(2026, 3, 3)]
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Employee", "Name", *days, "Shifts", "Hours", "Contract", "Deviation"],
        [
            ["E1", "Kari", "D", "D+N", 2, 16.0, 15.0, 1.0],
            [],
            ["Legend"],
            ["Shift", "Name", "Start", "End", "Hours"],
            ["D", "Day", "07:30", "15:30", 8],
        ],
    )
    data = load_check_input(path)
    assert data.source.employee_order == ["E1"]
    assert [p.shift for p in data.roster.periods] == ["D", "D", "N"]
    assert data.source.days == days


def test_duplicate_employee_and_dates_are_reported(tmp_path: Path) -> None:
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Employee", "2026-03-02", "2026-03-02"],
        [["E1", "D", None], ["E1", "D", None]],
    )
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    cells = [i.cell for i in exc.value.issues]
    assert cells == ["C1", "A3"]


def test_horizon_from_options_turns_earlier_work_into_history(tmp_path: Path) -> None:
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Employee", "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"],
        [["E1", "N", "D", "D", "D"]],
    )
    # Work outside the period checked is an error unless --exclude-outside asks to list it.
    with pytest.raises(InputError) as exc:
        load_check_input(path, start=date(2026, 3, 2), end=date(2026, 3, 3))
    (issue,) = exc.value.issues
    assert issue.cell == "E2" and "--exclude-outside" in issue.message
    data = load_check_input(path, start=date(2026, 3, 2), end=date(2026, 3, 3),
                            exclude_outside=True)
    assert (data.settings.start, data.settings.end) == (date(2026, 3, 2), date(2026, 3, 3))
    assert [p.cells for p in data.coverage.excluded] == ["E2"]
    assert not data.coverage.complete
    # The night from 1 March reaches into 2 March, so it is in the roster, not history;
    # the day shift on 4 March lies after the horizon and is left out.
    assert [p.start for p in data.roster.periods] == [
        aware("2026-03-01 22:00"),
        aware("2026-03-02 07:30"),
        aware("2026-03-03 07:30"),
    ]
    assert data.history == ()
    data = load_check_input(path, start=date(2026, 3, 3), end=date(2026, 3, 4),
                            exclude_outside=True)
    assert [p.cells for p in data.coverage.excluded] == ["B2"]
    assert [h.start for h in data.history] == [aware("2026-03-01 22:00"), aware("2026-03-02 07:30")]
    assert len(data.roster.periods) == 2


def test_user_input_workbook_is_not_modified(tmp_path: Path) -> None:
    path = grid_workbook(tmp_path / "r.xlsx", ["Employee", "2026-03-02"], [["E1", "D"]])
    before = path.read_bytes()
    load_check_input(path)
    assert path.read_bytes() == before


# --------------------------------------------------------------------------------------------
# Settings, --problem and the layout `roster solve` writes


def planner_workbook(path: Path, *, start: str = "2026-03-02", end: str = "2026-03-08",
                     roster_sheet: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    ws.append(["key", "value"])
    ws.append(["start", start])
    ws.append(["end", end])
    ws.append(["night_start", "22:00"])
    sh = wb.create_sheet("Shifts")
    for r in SHIFTS:
        sh.append(list(r))
    emp = wb.create_sheet("Employees")
    emp.append(["id", "name", "night_work_allowed"])
    emp.append(["E1", "Kari", "no"])
    emp.append(["E2", "Ola", "yes"])
    ag = wb.create_sheet("Agreements")
    ag.append(["scope", "family", "tier", "parameter", "value"])
    ag.append(["E2", "10-5", "T2_INDIVIDUAL", "", ""])
    dem = wb.create_sheet("Demand")
    dem.append(["date", "shift", "min"])
    dem.append(["Mon", "D", 1])
    if roster_sheet:
        mine = wb.create_sheet("Roster")
        mine.append(["the planner's own notes, not a roster grid"])
    wb.save(path)
    return path


def test_settings_employees_and_agreements_come_from_problem(tmp_path: Path) -> None:
    problem = planner_workbook(tmp_path / "ward.xlsx")
    path = write_csv(tmp_path / "t.csv", "employee,start,end\nE1,2026-03-03T07:30,2026-03-03T15:30\n")
    data = load_check_input(path, problem=problem)
    assert (data.settings.start, data.settings.end) == (date(2026, 3, 2), date(2026, 3, 8))
    assert data.settings.night_start == time(22, 0)
    assert [e.id for e in data.employees] == ["E1", "E2"]
    assert data.employees[0].night_work_allowed is False
    assert [(a.family, a.employee) for a in data.agreements] == [("10-5", "E2")]
    # --start/--end win over the Settings sheet.
    data = load_check_input(path, problem=problem, start=date(2026, 3, 3), end=date(2026, 3, 4))
    assert (data.settings.start, data.settings.end) == (date(2026, 3, 3), date(2026, 3, 4))


def test_bad_problem_workbook_is_reported_with_the_roster_issues(tmp_path: Path) -> None:
    problem = tmp_path / "ward.xlsx"
    wb = Workbook()
    wb.active.title = "Shifts"
    wb.active.append(["code", "start", "end"])
    wb.active.append(["D", "soon", "15:30"])
    wb.save(problem)
    path = grid_workbook(
        tmp_path / "r.xlsx", ["Employee", "2026-03-02"], [["E1", "Q"]], shifts=True
    )
    with pytest.raises(InputError) as exc:
        load_check_input(path, problem=problem)
    files = {i.file for i in exc.value.issues}
    assert files == {str(problem), str(path)}


def test_reads_the_workbook_roster_solve_writes(tmp_path: Path) -> None:
    from scheduler.io.read.workbook import read_problem
    from scheduler.io.write.workbook import RunInfo, write_roster_workbook
    from scheduler.solution import Assignment, Solution

    ward = planner_workbook(tmp_path / "ward.xlsx", roster_sheet=True)
    problem = read_problem(ward)
    assignments = [
        Assignment(employee="E1", day=date(2026, 3, 2), shift="D"),
        Assignment(employee="E1", day=date(2026, 3, 3), shift="E"),
        Assignment(employee="E2", day=date(2026, 3, 4), shift="N"),
    ]
    solution = Solution(status="FEASIBLE", assignments=assignments)
    out = tmp_path / "ward.roster.xlsx"
    titles = write_roster_workbook(
        problem, solution, [], RunInfo(input_path=ward, input_sha256="x"), out
    )
    assert titles["Roster"] == "Roster (solved)"  # the planner's own sheet kept its name
    data = load_check_input(out)
    assert data.source.sheet == "Roster (solved)"
    assert data.source.employee_order == ["E1", "E2"]
    assert [(p.employee, p.shift, p.start) for p in data.roster.periods] == [
        ("E1", "D", aware("2026-03-02 07:30")),
        ("E1", "E", aware("2026-03-03 15:00")),
        ("E2", "N", aware("2026-03-04 22:00")),
    ]
    # Its legend and totals are known not to be roster data: the check is complete.
    assert data.coverage.complete, data.coverage.not_read
    assert {p.key for p in data.coverage.ignored} == {"coverage.solve_margin",
                                                      "coverage.solve_legend"}
    assert (data.settings.start, data.settings.end) == (date(2026, 3, 2), date(2026, 3, 8))
    assert [e.id for e in data.employees] == ["E1", "E2"]


def test_a_planning_workbook_alone_is_not_a_roster(tmp_path: Path) -> None:
    ward = planner_workbook(tmp_path / "ward.xlsx")
    with pytest.raises(InputError) as exc:
        load_check_input(ward)
    assert "no Roster (Turnus) sheet" in exc.value.issues[-1].message


def test_a_shift_with_no_real_duration_on_a_dst_day_is_reported_at_its_cell(
    tmp_path: Path,
) -> None:
    path = grid_workbook(
        tmp_path / "r.xlsx",
        ["Employee", "2026-03-28", "2026-03-29"],
        [["E1", "G", "G"]],
        shifts=False,
        extra_sheets={"Shifts": [["code", "start", "end"], ["G", "02:30", "03:00"]]},
    )
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues  # 28 March is an ordinary night; 29 March loses the hour
    assert (issue.sheet, issue.cell) == ("Roster", "C2")
