"""Reading a roster to check: roster grids and timesheets (scheduler.roster_input)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.clock import TZ
from scheduler.errors import InputError
from scheduler.model import PeriodKind
from scheduler.roster_input import (
    file_sha256,
    load_check_input,
    parse_break,
    parse_columns,
    parse_datetime,
    parse_day,
)

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


# --------------------------------------------------------------------------------------------
# Value parsers


def test_parse_day_accepts_dates_iso_norwegian_and_serials() -> None:
    assert parse_day(datetime(2026, 3, 2, 0, 0)) == date(2026, 3, 2)
    assert parse_day(date(2026, 3, 2)) == date(2026, 3, 2)
    assert parse_day("2026-03-02") == date(2026, 3, 2)
    assert parse_day("02.03.2026") == date(2026, 3, 2)
    assert parse_day(46083) == date(2026, 3, 2)  # Excel serial
    assert parse_day("Name") is None
    assert parse_day(12) is None  # a week number, not a date
    assert parse_day(None) is None


def test_parse_datetime_naive_is_oslo_and_offset_is_kept_as_instant() -> None:
    naive = parse_datetime("2026-03-02T07:30")
    with_offset = parse_datetime("2026-03-02T07:30+01:00")
    utc = parse_datetime("2026-03-02T06:30Z")
    assert naive == with_offset == utc
    assert naive.utcoffset() == timedelta(hours=1)
    summer = parse_datetime("2026-07-01 07:30")
    assert summer.utcoffset() == timedelta(hours=2)
    # An offset that is not Oslo's is the same instant, shown in Oslo time.
    assert parse_datetime("2026-03-02T07:30+00:00") == aware("2026-03-02 08:30")
    assert parse_datetime("02.03.2026 07:30") == naive
    assert parse_datetime(datetime(2026, 3, 2, 7, 30)) == naive  # an Excel date-time
    assert parse_datetime(46083 + 7.5 / 24) == naive  # an Excel serial with a fraction


@pytest.mark.parametrize("bad", ["", "2026-03-02", "tomorrow", "2026-13-02T07:00", date(2026, 3, 2)])
def test_parse_datetime_rejects_what_is_not_a_date_and_time(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_datetime(bad)


def test_parse_break_minutes_and_hmm() -> None:
    assert parse_break(30) == 30
    assert parse_break("45") == 45
    assert parse_break("0:30") == 30
    assert parse_break(None) is None
    assert parse_break("  ") is None
    for bad in ("-5", "half", "7.5"):
        with pytest.raises(ValueError):
            parse_break(bad)


def test_parse_columns() -> None:
    assert parse_columns("employee=Ansatt, start=Fra,end=Til") == {
        "employee": "Ansatt",
        "start": "Fra",
        "end": "Til",
    }
    assert parse_columns(None) == {}
    with pytest.raises(InputError) as exc:
        parse_columns("person=Ansatt,start")
    assert len(exc.value.issues) == 2


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
# Timesheets


def write_csv(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_csv_timesheet_naive_and_offset_times_and_no_break_column(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        "employee,start,end,kind\n"
        "E1,2026-03-02T07:30,2026-03-02T15:30,planned\n"
        "E1,2026-03-03T06:30:00+00:00,2026-03-03T14:30:00+00:00,overtime\n"
        "E2,2026-03-04 22:00,2026-03-05 07:00,extra\n",
    )
    data = load_check_input(path)
    ps = data.roster.periods
    assert [(p.employee, p.start, p.end, p.kind) for p in ps] == [
        ("E1", aware("2026-03-02 07:30"), aware("2026-03-02 15:30"), PeriodKind.planned),
        ("E1", aware("2026-03-03 07:30"), aware("2026-03-03 15:30"), PeriodKind.overtime),
        ("E2", aware("2026-03-04 22:00"), aware("2026-03-05 07:00"), PeriodKind.extra),
    ]
    assert all(p.break_minutes is None for p in ps)  # breaks were not recorded
    assert all(p.start.tzinfo is not None for p in ps)
    # Horizon: first to last day worked (the night ends on the 5th).
    assert (data.settings.start, data.settings.end) == (date(2026, 3, 2), date(2026, 3, 5))
    assert data.source.kind == "timesheet"


def test_semicolon_csv_with_bom_and_norwegian_headers_via_columns(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "timeliste.csv",
        "Ansattnummer;Startet;Sluttet;Pause (min);Art\n"
        "A-17;02.03.2026 07:30;02.03.2026 15:30;30;planlagt\n"
        "A-17;2026-03-03T15:00;2026-03-03T22:30;0:20;overtid\n"
        "A-17;2026-03-04T15:00;2026-03-04T17:00;;merarbeid\n",
        bom=True,
    )
    cols = parse_columns(
        "employee=Ansattnummer,start=Startet,end=Sluttet,break_minutes=Pause (min),kind=Art"
    )
    ps = load_check_input(path, columns=cols).roster.periods
    assert [p.employee for p in ps] == ["A-17"] * 3
    assert [p.break_minutes for p in ps] == [30, 20, None]
    assert [p.kind for p in ps] == [PeriodKind.planned, PeriodKind.overtime, PeriodKind.extra]
    assert ps[0].start == aware("2026-03-02 07:30")
    # Without --columns these headers are not understood, and that is said plainly.
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    assert "no column for employee, start, end" in exc.value.issues[0].message


def test_builtin_norwegian_headers(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        "Ansatt;Fra;Til;Pause;Type\nE1;2026-03-02T07:30;2026-03-02T15:30;30;Overtid\n",
    )
    (p,) = load_check_input(path).roster.periods
    assert (p.employee, p.break_minutes, p.kind) == ("E1", 30, PeriodKind.overtime)


def test_columns_naming_a_missing_header_is_an_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", "employee,start,end\nE1,2026-03-02T07:30,2026-03-02T09:00\n")
    with pytest.raises(InputError) as exc:
        load_check_input(path, columns={"kind": "Type"})
    assert "'Type'" in exc.value.issues[0].message


def test_csv_errors_name_line_and_column_and_are_all_collected(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        "employee,start,end,break_minutes,kind\n"
        "E1,2026-03-02T07:30,2026-03-02T15:30,30,planned\n"
        ",2026-03-03T07:30,2026-03-03T15:30,30,planned\n"
        "E1,yesterday,2026-03-04T15:30,30,planned\n"
        "E1,2026-03-05T15:30,2026-03-05T07:30,30,planned\n"
        "E1,2026-03-06T07:30,2026-03-06T15:30,lots,holiday\n",
    )
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    got = [(i.cell, i.message.split(":")[0]) for i in exc.value.issues]
    assert got == [
        ("A3", "line 3, column 'employee'"),
        ("B4", "line 4, column 'start'"),
        ("C5", "line 5, column 'end'"),
        ("D6", "line 6, column 'break_minutes'"),
        ("E6", "line 6, column 'kind'"),
    ]
    assert all(i.file == str(path) and i.sheet == "" for i in exc.value.issues)


def test_overlapping_rows_of_one_employee_are_an_error(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        "employee,start,end\n"
        "E1,2026-03-02T07:30,2026-03-02T15:30\n"
        "E2,2026-03-02T07:30,2026-03-02T15:30\n"
        "E1,2026-03-02T15:00,2026-03-02T18:00\n"
        "E1,2026-03-02T18:00,2026-03-02T19:00\n",  # touching is fine
    )
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues
    assert issue.cell == "B4" and "line 2" in issue.message


def test_csv_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("employee,start,end\nB\xf8rre,2026-03-02T07:30,2026-03-02T09:00\n".encode("latin-1"))
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    assert "line 2" in exc.value.issues[0].message and "UTF-8" in exc.value.issues[0].message


def test_dst_night_in_a_timesheet(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        "employee,start,end\n"
        "E1,2026-10-24T22:00,2026-10-25T07:00\n"
        "E1,2026-03-28T22:00,2026-03-29T07:00\n",
    )
    spring, autumn = load_check_input(path).roster.periods
    assert spring.elapsed_minutes == 8 * 60
    assert autumn.elapsed_minutes == 10 * 60


def test_xlsx_timesheet_with_excel_datetimes(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    wb = Workbook()
    wb.active.title = "Notes"
    wb.active.append(["This sheet is not the timesheet"])
    ws = wb.create_sheet("Timeliste")
    ws.append(["Ansatt", "Fra", "Til", "Pause"])
    ws.append(["E1", datetime(2026, 3, 2, 22, 0), datetime(2026, 3, 3, 7, 0), 0])
    ws.append(["E1", "2026-03-04T07:30+01:00", datetime(2026, 3, 4, 15, 30), None])
    wb.save(path)
    data = load_check_input(path)
    ps = data.roster.periods
    assert [(p.start, p.end, p.break_minutes) for p in ps] == [
        (aware("2026-03-02 22:00"), aware("2026-03-03 07:00"), 0),
        (aware("2026-03-04 07:30"), aware("2026-03-04 15:30"), None),
    ]
    assert data.source.sheet == "Timeliste"


def test_xlsx_timesheet_errors_name_the_sheet_and_cell(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Timesheet"
    ws.append(["employee", "start", "end"])
    ws.append(["E1", datetime(2026, 3, 2, 7, 0), "soon"])
    wb.save(path)
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues
    assert (issue.sheet, issue.cell) == ("Timesheet", "C2")


def test_unsupported_file_and_missing_file(tmp_path: Path) -> None:
    odd = tmp_path / "r.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(InputError):
        load_check_input(odd)
    with pytest.raises(InputError) as exc:
        load_check_input(tmp_path / "nope.csv")
    assert "does not exist" in str(exc.value)


def test_sha256_is_of_the_file_bytes(tmp_path: Path) -> None:
    import hashlib

    path = write_csv(tmp_path / "t.csv", "employee,start,end\nE1,2026-03-02T07:30,2026-03-02T09:00\n")
    assert load_check_input(path).input_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()



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
    from scheduler.solution import Assignment, Solution
    from scheduler.workbook.reader import read_problem
    from scheduler.workbook.roster_writer import RunInfo, write_roster_workbook

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


def test_streamed_csv_reads_cr_only_and_crlf_line_ends(tmp_path: Path) -> None:
    rows = ["employee,start,end", "E1,2026-03-02T07:30,2026-03-02T15:30",
            "E1,2026-03-03T07:30,2026-03-03T15:30"]
    for name, end in (("cr.csv", "\r"), ("crlf.csv", "\r\n")):
        path = tmp_path / name
        path.write_bytes(end.join(rows).encode() + end.encode())
        data = load_check_input(path)
        assert list(data.source.lines) == [2, 3]
        assert [p.start for p in data.roster.periods] == [aware("2026-03-02 07:30"),
                                                          aware("2026-03-03 07:30")]
