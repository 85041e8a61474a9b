"""``roster diff`` end to end: table, JSON, xlsx, Norwegian, the notice flag, clear errors."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from scheduler.cli import main
from scheduler.io.excel import cell_text

SHIFTS = [("code", "name", "start", "end", "break_minutes"),
          ("D", "Day", time(7, 0), time(15, 0), 30),
          ("N", "Night", time(21, 0), time(7, 0), 0)]
DAYS = [date(2026, 3, 2 + i) for i in range(21)]  # Monday 2 March .. Sunday 22 March 2026


def grid(path: Path, rows: list[list[object]], days: list[date] = DAYS) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Employee", "Name", *days])
    for r in rows:
        ws.append([cell_text(v) for v in r])
    sh = wb.create_sheet("Shifts")
    for r in SHIFTS:
        sh.append(list(r))
    wb.save(path)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _row(emp: str, name: str, cells: dict[int, str]) -> list[object]:
    return [emp, name, *(cells.get(i) for i in range(len(DAYS)))]


def pair(tmp_path: Path) -> tuple[Path, Path]:
    # Kari: day shift on 16 March (index 14) becomes a night; the 15 March day (13) is removed.
    # Ola: a day added on 2 March. Per: unchanged.
    old = grid(tmp_path / "old.xlsx", [_row("E1", "Kari", {13: "D", 14: "D"}),
                                       _row("E2", "=Ola", {}),
                                       _row("E3", "Per", {1: "D"})])
    new = grid(tmp_path / "new.xlsx", [_row("E1", "Kari", {14: "N"}),
                                       _row("E2", "=Ola", {0: "D"}),
                                       _row("E3", "Per", {1: "D"})])
    return old, new


def test_json_lists_every_change_with_the_notice_flag_at_exactly_14_days(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    # Made known 2 March 07:00: 16 March 07:00 is exactly 14 days later (in time); the day off
    # made of 15 March takes effect at 00:00 (within notice); 2 March has started.
    code, out, err = run(str(old), str(new), "--as-of", "2026-03-02T07:00", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert list(doc) == ["old", "new", "rule", "notice_days", "as_of", "period", "summary",
                         "changes"]
    assert doc["rule"] == "AML-10-3-plan" and doc["notice_days"] == 14
    assert doc["as_of"] == "2026-03-02T07:00:00+01:00"
    got = [(c["date"], c["employee"], c["old"], c["new"], c["change"], c["within_notice"],
            c["started"]) for c in doc["changes"]]
    assert got == [
        ("2026-03-02", "E2", None, "D", "added", True, True),
        ("2026-03-15", "E1", "D", None, "removed", True, False),
        ("2026-03-16", "E1", "D", "N", "changed", False, False),
    ]
    assert doc["summary"] == {"changes": 3, "within_notice": 2, "employees": 2}
    assert doc["changes"][2]["effective"] == "2026-03-16T07:00:00+01:00"
    assert doc["changes"][0]["name"] == "=Ola"
    # One minute later, 16 March lies within the notice.
    _, out, _ = run(str(old), str(new), "--as-of", "2026-03-02T07:01", "--json")
    assert json.loads(out)["changes"][2]["within_notice"] is True


def test_a_bare_date_counts_from_the_end_of_the_day(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    # Made known on 2 March (no clock time): counted from 3 March 00:00, so the 16 March
    # change (in time when made known at 07:00 that day) is within the notice; made known on
    # 1 March, it is in time.
    _, out, _ = run(str(old), str(new), "--as-of", "2026-03-02", "--json")
    flags = {c["date"]: c["within_notice"] for c in json.loads(out)["changes"]}
    assert flags == {"2026-03-02": True, "2026-03-15": True, "2026-03-16": True}
    _, out, _ = run(str(old), str(new), "--as-of", "2026-03-01", "--json")
    flags = {c["date"]: c["within_notice"] for c in json.loads(out)["changes"]}
    assert flags == {"2026-03-02": True, "2026-03-15": True, "2026-03-16": False}


def test_table_in_norwegian(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    code, out, _ = run(str(old), str(new), "--as-of", "2026-03-02T07:00", "--lang", "nb")
    assert code == 0
    assert "3 endrede vakter, 2 av dem innenfor varslingsfristen" in out
    assert "innenfor varslingsfristen (§ 10-3)" in out and "i tide" in out and "fri" in out
    code, out, _ = run(str(old), str(new), "--as-of", "2026-03-02T07:00")
    assert "3 changed shifts, 2 of them within the 14-day notice" in out


def test_xlsx_output_is_written_with_user_text_as_text(tmp_path: Path) -> None:
    old, new = pair(tmp_path)
    target = tmp_path / "diff.xlsx"
    code, out, _ = run(str(old), str(new), "--as-of", "2026-03-02T07:00", "-o", str(target))
    assert code == 0 and target.is_file()
    ws = load_workbook(target)["Changes"]
    assert [c.value for c in ws[3]] == ["Date", "Employee", "Name", "Old", "New",
                                        "Takes effect", "§ 10-3 notice"]
    assert ws["A4"].value == "2026-03-02" and ws["B4"].value == "E2"
    name = ws["C4"]
    assert name.data_type != "f" and str(name.value) == "=Ola"
    assert ws.max_row == 6
    # it prints: landscape, fit to one page wide, the headline and headers on every page
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$3"
    assert not list(tmp_path.glob(".diff.xlsx.*"))  # no temp file left behind
    code, _, _ = run(str(old), str(new), "--as-of", "2026-03-02T07:00", "-o", str(target),
                     "--lang", "nb")
    ws = load_workbook(target)["Endringer"]
    assert code == 0 and ws["G4"].value == "allerede startet" and ws["E5"].value == "fri"


def test_different_employees_and_periods_exit_2_naming_them(tmp_path: Path) -> None:
    old = grid(tmp_path / "old.xlsx", [_row("E1", "Kari", {0: "D"}), _row("E2", "Ola", {})])
    new = grid(tmp_path / "new.xlsx", [["E1", "Kari", "D"], ["E9", "Siv", None]],
               days=DAYS[:14])
    code, out, err = run(str(old), str(new), "--as-of", "2026-03-01")
    assert code == 2 and "Traceback" not in err
    assert "employee E2 is not in new.xlsx" in err and "C3" in err
    assert "employee E9 is not in old.xlsx" in err
    assert "different periods: old.xlsx 2026-03-02 to 2026-03-22, new.xlsx 2026-03-02 to " \
           "2026-03-15" in err
    code, _, err = run(str(old), str(new), "--as-of", "2026-03-01", "--lang", "nb")
    assert code == 2 and "ansatt E2 finnes ikke i new.xlsx" in err


def test_bad_input_in_both_files_is_listed_at_once(tmp_path: Path) -> None:
    old = grid(tmp_path / "old.xlsx", [_row("E1", "Kari", {0: "X"})])
    new = grid(tmp_path / "new.xlsx", [_row("E1", "Kari", {1: "Y"})])
    code, _, err = run(str(old), str(new))
    assert code == 2
    assert "old.xlsx" in err and "C2" in err and "new.xlsx" in err and "D2" in err
    code, _, err = run(str(old), str(old), "--as-of", "yesterday")
    assert code == 2 and "--as-of 'yesterday'" in err


def test_timesheets_compare_by_clock_time(tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    new = tmp_path / "new.csv"
    old.write_text("employee,start,end\nE1,2026-03-20T07:00,2026-03-20T15:00\n", encoding="utf-8")
    new.write_text("employee,start,end\nE1,2026-03-20T07:00,2026-03-20T17:00\n"
                   "E2,2026-03-25T07:00,2026-03-25T15:00\n", encoding="utf-8")
    code, out, err = run(str(old), str(new), "--as-of", "2026-03-06T07:00", "--json")
    assert code == 0, err
    # A timesheet lists work: another span and another employee are changes, not errors.
    c, added = json.loads(out)["changes"]
    assert (c["old"], c["new"], c["within_notice"]) == ("07:00-15:00", "07:00-17:00", False)
    assert (added["employee"], added["old"], added["new"], added["change"]) == (
        "E2", None, "07:00-15:00", "added")


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["diff", "--help"])
    assert result.exit_code == 0 and "roster diff published.xlsx revised.xlsx" in result.output
