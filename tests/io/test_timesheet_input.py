"""Reading a timesheet to check (scheduler.io.roster.load): CSV and xlsx timesheets."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.errors import InputError
from scheduler.io.roster.load import (
    load_check_input,
    parse_columns,
)
from scheduler.model import PeriodKind
from tests.io.roster_input_kit import aware, write_csv

# --------------------------------------------------------------------------------------------
# Timesheets



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
