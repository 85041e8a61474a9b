"""Time and overlaps when reading a roster to check (issue #22, item 7).

Timesheet times with explicit offsets in the autumn DST hour are compared as instants; a local
time that does not exist (the spring gap) is an error; a date without a time is not a 24 h
period; overlapping shifts in a grid (``D+D``) are refused as overlapping timesheet rows are.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.errors import InputError
from scheduler.io.roster.load import load_check_input

HEADER = "employee,start,end\n"


def csv_file(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def issues(path: Path) -> list[str]:
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    return [str(i) for i in exc.value.issues]


# 25 October 2026: the clocks go back from 03:00 CEST (+02:00) to 02:00 CET (+01:00).


def test_a_real_30_minute_period_across_the_autumn_change_is_accepted(tmp_path: Path) -> None:
    # 02:50 summer time to 02:20 winter time is 00:50 -> 01:20 UTC: 30 real minutes.
    path = csv_file(tmp_path, "E1,2026-10-25T02:50+02:00,2026-10-25T02:20+01:00\n")
    (p,) = load_check_input(path).roster.periods
    assert p.elapsed_minutes == 30
    assert p.start.utcoffset() != p.end.utcoffset()


def test_the_same_wall_clock_hour_twice_is_not_an_overlap(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "E1,2026-10-25T02:10+02:00,2026-10-25T02:40+02:00\n"
        "E1,2026-10-25T02:10+01:00,2026-10-25T02:40+01:00\n",
    )
    periods = load_check_input(path).roster.periods
    assert [p.elapsed_minutes for p in periods] == [30, 30]
    assert periods[0].end.timestamp() < periods[1].start.timestamp()


def test_a_real_40_minute_overlap_that_wall_clock_hides_is_refused(tmp_path: Path) -> None:
    # By wall clock 02:20-02:30 and 02:50-03:30 do not touch; as instants they are
    # 00:20-01:30 and 00:50-02:30 UTC: 40 minutes overlap.
    path = csv_file(
        tmp_path,
        "E1,2026-10-25T02:20+02:00,2026-10-25T02:30+01:00\n"
        "E1,2026-10-25T02:50+02:00,2026-10-25T03:30+01:00\n",
    )
    (issue,) = issues(path)
    assert "cell B3" in issue and "overlaps the line 2" in issue


def test_touching_periods_across_the_change_are_not_an_overlap(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "E1,2026-10-25T01:00+02:00,2026-10-25T02:30+02:00\n"
        "E1,2026-10-25T02:30+02:00,2026-10-25T02:10+01:00\n",
    )
    assert [p.elapsed_minutes for p in load_check_input(path).roster.periods] == [90, 40]


def test_a_local_time_in_the_spring_gap_is_an_error(tmp_path: Path) -> None:
    # 29 March 2026: 02:00 -> 03:00; 02:30 never happened on a Norwegian clock.
    path = csv_file(tmp_path, "E1,2026-03-29T02:30,2026-03-29T07:00\n")
    (issue,) = issues(path)
    assert "cell B2" in issue and "does not exist in Norway" in issue
    # Just before and just after the gap, and the gap time with its offset, are fine.
    ok = csv_file(tmp_path, "E1,2026-03-29T01:59,2026-03-29T03:00\n"
                            "E2,2026-03-29T02:30+01:00,2026-03-29T07:00\n")
    periods = load_check_input(ok).roster.periods
    assert [p.elapsed_minutes for p in periods] == [1, 210]


def test_a_date_only_text_in_a_timesheet_is_an_error(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "E1,2026-03-02,2026-03-03\n")
    found = issues(path)
    assert len(found) == 2 and all("date without a time of day" in i for i in found)


def test_a_date_only_excel_cell_in_a_timesheet_is_an_error(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Timesheet"
    ws.append(["employee", "start", "end"])
    ws.append(["E1", date(2026, 3, 2), date(2026, 3, 3)])  # Excel date cells, no time
    ws.append(["E2", datetime(2026, 3, 2, 0, 0), datetime(2026, 3, 2, 8, 0)])  # real midnight
    path = tmp_path / "t.xlsx"
    wb.save(path)
    found = issues(path)
    assert [i.split("cell ")[1][:2] for i in found] == ["B2", "C2"]
    assert all("date without a time of day" in i for i in found)


# --------------------------------------------------------------------------------------------
# Overlaps in a grid


def grid(tmp_path: Path, cells: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Employee", *(date(2026, 3, 2 + i) for i in range(len(cells)))])
    ws.append(["E1", *cells])
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes"])
    sh.append(["D", "Day", time(7, 30), time(15, 30), 30])
    sh.append(["E", "Evening", time(15, 0), time(22, 30), 30])
    sh.append(["N", "Night", time(22, 0), time(7, 45), 0])
    path = tmp_path / "g.xlsx"
    wb.save(path)
    return path


def test_d_plus_d_in_one_grid_cell_is_an_overlap(tmp_path: Path) -> None:
    (issue,) = issues(grid(tmp_path, ["D+D"]))
    assert "cell B2" in issue and "overlaps" in issue and "count twice" in issue


def test_shifts_that_overlap_across_grid_cells_are_refused(tmp_path: Path) -> None:
    # The night to 07:45 runs 15 minutes into the next morning's day shift (07:30).
    (issue,) = issues(grid(tmp_path, ["N", "D"]))
    assert "cell C2" in issue and "(B2)" in issue


def test_shifts_that_only_touch_or_do_not_meet_in_a_grid_are_fine(tmp_path: Path) -> None:
    periods = load_check_input(grid(tmp_path, ["D+N", "", "D"])).roster.periods
    assert [p.shift for p in periods] == ["D", "N", "D"]
    with pytest.raises(InputError):  # the evening overlaps the day by 30 minutes
        load_check_input(grid(tmp_path, ["D+E"]))


# --------------------------------------------------------------------------------------------
# The timesheet row limit (issue #22, item 4)


def test_a_timesheet_over_the_row_limit_is_refused_at_the_first_row_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scheduler.io.roster import timesheet

    monkeypatch.setattr(timesheet, "MAX_ROWS", 2)
    rows = "".join(f"E{i},2026-03-02T07:30,2026-03-02T15:30\n" for i in range(3))
    (issue,) = issues(csv_file(tmp_path, rows))
    assert "line 4" in issue and "more than 2 rows" in issue
    ok = csv_file(tmp_path, rows.split("\n", 1)[1])  # exactly at the limit
    assert len(load_check_input(ok).roster.periods) == 2


def test_merged_cells_in_an_xlsx_timesheet_are_refused_with_the_range(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Timesheet"
    ws.append(["employee", "start", "end"])
    ws.append(["E1", "2026-03-02T07:30", "2026-03-02T15:30"])
    ws.append([None, "2026-03-03T07:30", "2026-03-03T15:30"])
    ws.merge_cells("A2:A3")  # one employee for two rows, as a planner might merge it
    path = tmp_path / "t.xlsx"
    wb.save(path)
    found = issues(path)
    assert any("cell A2:A3" in i and "merged" in i for i in found), found


def test_cells_right_of_a_timesheet_header_are_listed_as_not_read(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "E1,2026-03-02T07:30,2026-03-02T15:30,,extra\n"
                              "E1,2026-03-03T07:30,2026-03-03T15:30\n")
    data = load_check_input(path)
    assert len(data.roster.periods) == 2
    assert [p.cells for p in data.coverage.not_read] == ["E2"]
    assert not data.coverage.complete
