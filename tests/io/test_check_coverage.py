"""``roster check`` never reports "no findings" for work it did not read (issue #22, items 1, 4).

Each case is a minimal input that, before, hid an employee's breaches behind a clean report:
a blank row between employees, a note in a date header, a --problem whose Settings cover another
month, and far cells that made the reader build the whole sheet.
"""

from __future__ import annotations

import json
import tracemalloc
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from scheduler.cli import main
from scheduler.errors import InputError
from scheduler.io.roster.load import load_check_input

SHIFTS = [
    ("code", "name", "start", "end", "break_minutes"),
    ("D", "Day", time(7, 30), time(15, 30), 30),
    ("N", "Night", time(22, 0), time(7, 0), 0),
]
DAYS = [date(2026, 5, 4) + timedelta(days=i) for i in range(3)]  # Mon 4 .. Wed 6 May 2026
RULE_REST = "AML-10-8-1-daily-rest"


def workbook(path: Path, rows: list[list[object]], *, header: list[object] | None = None,
             far: dict[str, object] | None = None, settings: tuple[str, str] | None = None
             ) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(header if header is not None else ["Employee", "Name", *DAYS])
    for r in rows:
        ws.append(r)
    for ref, value in (far or {}).items():
        ws[ref] = value
    sh = wb.create_sheet("Shifts")
    for r in SHIFTS:
        sh.append(list(r))
    if settings is not None:
        st = wb.create_sheet("Settings")
        st.append(["key", "value"])
        st.append(["start", settings[0]])
        st.append(["end", settings[1]])
    wb.save(path)
    return path


def check(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *map(str, args)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# A night then a day shift with 30 minutes between them: a daily-rest violation.
QUICK = ["N", "D", ""]


# --------------------------------------------------------------------------------------------
# A blank row between employees


def test_employees_below_a_blank_row_are_read_and_checked(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D", "", "D"], [], ["E2", "Ola", *QUICK]])
    data = load_check_input(path)
    assert data.source.employee_order == ["E1", "E2"]
    assert data.coverage.complete
    code, out, _ = check(path, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert {(f["rule"], f["employee"]) for f in report["findings"]} >= {(RULE_REST, "E2")}
    assert report["coverage"]["rows_read"] == 2 and report["coverage"]["complete"] is True


def test_codes_in_a_row_without_an_id_are_an_error_at_the_row(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D"], [], ["", "Ola", *QUICK]])
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues
    assert issue.cell == "A4" and "C4, D4" in issue.message and "no employee id" in issue.message
    code, _, err = check(path)
    assert code == 2 and "A4" in err


def test_rows_below_a_blank_row_without_codes_are_listed_as_not_read(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx",
                    [["E1", "Kari", "D", "", "D"], [], ["Sum", "", 1, 0, 1]])
    data = load_check_input(path)
    assert data.source.employee_order == ["E1"]
    assert [p.cells for p in data.coverage.not_read] == ["A4:E4"]
    code, out, _ = check(path)
    assert code == 0
    assert "no findings" not in out
    assert "NOT A FULL CHECK" in out and "A4:E4" in out


# --------------------------------------------------------------------------------------------
# A note in a date header


def test_days_after_a_note_in_the_header_are_read(tmp_path: Path) -> None:
    # The note replaces no day: its column is empty, the days after it hold the breach.
    header = ["Employee", "Name", DAYS[0], "see note", DAYS[1], DAYS[2]]
    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "N", "", "D", ""]], header=header)
    data = load_check_input(path)
    assert data.source.days == DAYS
    assert [p.cells for p in data.coverage.not_read] == ["D1"]  # the note itself
    code, out, _ = check(path, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert [f["rule"] for f in report["findings"] if f["employee"] == "E1"].count(RULE_REST) == 1
    assert report["coverage"]["complete"] is False
    assert report["coverage"]["not_read"][0]["cells"] == "D1"


def test_codes_under_a_note_header_are_an_error_at_their_cell(tmp_path: Path) -> None:
    header = ["Employee", "Name", DAYS[0], "holiday!", DAYS[2]]
    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D", "N", "D"]], header=header)
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues
    assert issue.cell == "D2" and "'holiday!'" in issue.message and "D1" in issue.message


# --------------------------------------------------------------------------------------------
# The horizon from --problem or --start/--end


def test_a_may_roster_with_april_settings_is_an_error(tmp_path: Path) -> None:
    roster = workbook(tmp_path / "may.xlsx", [["E1", "Kari", *QUICK]])
    planning = workbook(tmp_path / "planning.xlsx", [], settings=("2026-04-01", "2026-04-30"))
    code, out, err = check(roster, "--problem", planning)
    assert code == 2 and out == ""
    assert "Settings sheet of planning.xlsx" in err and "2 work periods" in err
    assert "cell C2" in err and "--exclude-outside" in err


def test_exclude_outside_states_the_exclusion_and_never_says_no_findings(tmp_path: Path) -> None:
    roster = workbook(tmp_path / "may.xlsx", [["E1", "Kari", *QUICK]])
    planning = workbook(tmp_path / "planning.xlsx", [], settings=("2026-04-01", "2026-04-30"))
    code, out, _ = check(roster, "--problem", planning, "--exclude-outside", "--format", "json")
    assert code == 0
    cov = json.loads(out)["coverage"]
    assert cov["complete"] is False and cov["work_periods_checked"] == 0
    assert cov["period_checked"] == {"start": "2026-04-01", "end": "2026-04-30",
                                     "from": "settings"}
    assert cov["excluded"][0]["cells"] == "C2" and "2 work period(s)" in cov["excluded"][0]["reason"]
    code, out, _ = check(roster, "--problem", planning, "--exclude-outside")
    assert "no findings" not in out and "NOT A FULL CHECK" in out
    code, out, _ = check(roster, "--problem", planning, "--exclude-outside", "--lang", "nb")
    assert "IKKE EN FULL KONTROLL" in out and "Dekning" in out


def test_start_end_options_that_cut_the_roster_are_an_error(tmp_path: Path) -> None:
    roster = workbook(tmp_path / "may.xlsx", [["E1", "Kari", *QUICK]])
    code, _, err = check(roster, "--start", "2026-05-04", "--end", "2026-05-04")
    assert code == 2 and "--start/--end" in err and "cell D2" in err


def test_xlsx_report_shows_the_coverage(tmp_path: Path) -> None:
    roster = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D", "", "D"], [], ["Sum", "", 1]])
    out = tmp_path / "report.xlsx"
    code, _, _ = check(roster, "--format", "xlsx", "-o", out, "--lang", "nb")
    assert code == 0
    wb = load_workbook(out)
    findings = wb.worksheets[0]
    assert "IKKE EN FULL KONTROLL" in str(findings["K2"].value)
    info = {r[0]: r[1] for r in wb.worksheets[2].iter_rows(values_only=True)}
    assert info["Full kontroll"] == "NEI"
    assert "A4:C4" in str(info["Ikke lest eller ikke kontrollert:"])


# --------------------------------------------------------------------------------------------
# Far cells: memory follows the data, and the cell is named


def test_a_far_cell_is_named_and_does_not_build_the_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D", "", "D"]],
                    far={"XFD1048576": "x"})
    tracemalloc.start()
    try:
        data = load_check_input(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak  # the full rectangle would be > 1 GB
    assert [p.cells for p in data.coverage.not_read] == ["A1048576:XFD1048576"]
    assert data.source.employee_order == ["E1"]


def test_a_code_in_a_far_cell_of_an_employee_row_is_an_error(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D", "", "D"]], far={"XFD2": "N"})
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues
    assert issue.cell == "XFD2" and "no date in the header" in issue.message


def test_a_far_cell_in_a_timesheet_is_named(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Timesheet"
    ws.append(["employee", "start", "end"])
    ws.append(["E1", "2026-05-04T07:30", "2026-05-04T15:30"])
    ws["XFD1048576"] = "x"
    path = tmp_path / "t.xlsx"
    wb.save(path)
    tracemalloc.start()
    try:
        data = load_check_input(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak
    assert len(data.roster.periods) == 1
    assert [p.cells for p in data.coverage.not_read] == ["XFD1048576"]


# --------------------------------------------------------------------------------------------
# Merged cells inside the grid are refused with the range named


def test_merged_cells_in_the_grid_are_refused_with_the_range(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    workbook(path, [["E1", "Kari", "N", "", ""], ["E2", "Ola", "D", "", "D"]])
    wb = load_workbook(path)
    wb["Roster"].insert_rows(1)
    wb["Roster"]["A1"] = "Turnus mai"
    wb["Roster"].merge_cells("A1:E1")  # a title above the grid is fine
    wb["Roster"].merge_cells("C3:E3")  # "N" on three nights, as a planner might mean it
    wb.save(path)
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    (issue,) = exc.value.issues
    assert issue.cell == "C3:E3" and "merged" in issue.message


def test_terminal_table_shows_the_coverage(tmp_path: Path) -> None:
    from rich.console import Console

    from constraints.checker import run_check
    from scheduler.io.report import text as rp

    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D", "", "D"], [], ["Sum", "", 1]])
    data = load_check_input(path)
    result = run_check(data.settings, data.roster, shifts={s.code: s for s in data.shifts})
    console = Console(record=True, width=200)
    rp.print_table(result, console, "r.xlsx", "nb", data.coverage)
    text = console.export_text()
    assert "IKKE EN FULL KONTROLL" in text and "A4:C4" in text and "Dekning:" in text
    assert "ingen funn" not in text.lower()


def test_days_of_the_period_the_grid_has_no_column_for_are_named(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", [["E1", "Kari", "D", "", "D"]])
    data = load_check_input(path, start=date(2026, 5, 3), end=date(2026, 5, 8))
    assert [p.cells for p in data.coverage.not_read] == ["2026-05-03", "2026-05-07..2026-05-08"]
    code, out, _ = check(path, "--start", "2026-05-03", "--end", "2026-05-08")
    assert code == 0 and "NOT A FULL CHECK" in out and "2026-05-07..2026-05-08" in out
    assert load_check_input(path).coverage.complete  # the grid's own span: nothing missing
