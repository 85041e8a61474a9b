"""``roster check`` end to end: formats, exit codes, determinism, the xlsx report."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from scheduler.cli import main
from scheduler.workbook import styles as st
from scheduler.workbook.excel import cell_text

FINDING_KEYS = [
    "rule",
    "paragraph",
    "severity",
    "employee",
    "window_start",
    "window_end",
    "measured",
    "limit",
    "unit",
    "allowed_by",
    "message",
    "source",
]

SHIFTS = [
    ("code", "name", "start", "end", "break_minutes"),
    ("D", "Day", time(8, 0), time(15, 30), 30),
    ("E", "Evening", time(15, 0), time(22, 30), 30),
    ("L", "Long", time(7, 0), time(21, 0), 30),
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def roster_workbook(path: Path, rows: list[list[object]], days: list[date]) -> Path:
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


WEEK = [date(2026, 3, 2 + i) for i in range(7)]  # Monday 2 March .. Sunday 8 March 2026


@pytest.fixture
def clean_roster(tmp_path: Path) -> Path:
    return roster_workbook(
        tmp_path / "clean.xlsx", [["E1", "Kari", "D", "D", "D", "D", "D", "F1", "F2"]], WEEK
    )


@pytest.fixture
def bad_roster(tmp_path: Path) -> Path:
    # E1: evening then day (quick return, 9.5 h rest). E2: a 14 h day (normal hours, total
    # hours). E3 has nothing wrong.
    return roster_workbook(
        tmp_path / "bad.xlsx",
        [
            ["E1", "Kari", "E", "D", None, "-", None, None, None],
            ["E2", "=Ola", "L", None, None, None, None, None, None],
            ["E3", "Per", "D", None, None, None, None, None, None],
        ],
        WEEK,
    )


# --------------------------------------------------------------------------------------------
# Exit codes


def test_clean_roster_exits_0(clean_roster: Path) -> None:
    code, out, _ = run(str(clean_roster))
    assert code == 0
    assert "no findings" in out


def test_warnings_only_exit_0(tmp_path: Path) -> None:
    # No break column: breaks are not judged, and that is said once as a warning.
    path = tmp_path / "t.csv"
    path.write_text("employee,start,end\nE1,2026-03-02T08:00,2026-03-02T15:30\n", encoding="utf-8")
    code, out, _ = run(str(path), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["findings"] and all(f["severity"] == "warning" for f in data["findings"])


def test_violations_exit_1(bad_roster: Path) -> None:
    code, out, _ = run(str(bad_roster))
    assert code == 1
    assert "AML-10-8-1-daily-rest" in out


def test_bad_input_exits_2_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    path = roster_workbook(
        tmp_path / "r.xlsx", [["E1", "", "D", "Q", "D", "Z", None, None, None]], WEEK
    )
    code, out, err = run(str(path))
    assert code == 2
    assert "Traceback" not in err + out
    assert "cell D2" in err and "cell F2" in err and "'Q'" in err and "'Z'" in err
    assert "2 problems" in err


def test_missing_file_and_bad_options_exit_2(tmp_path: Path, clean_roster: Path) -> None:
    assert run(str(tmp_path / "nope.xlsx"))[0] == 2
    assert run(str(clean_roster), "--columns", "who=Ansatt")[0] == 2
    assert run(str(clean_roster), "--start", "2026-13-01")[0] == 2
    assert run(str(clean_roster), "--start", "2026-03-09", "--end", "2026-03-01")[0] == 2
    code, _, err = run(str(clean_roster), "--format", "json", "-o", str(clean_roster))
    assert code == 2 and "over an input file" in err


# --------------------------------------------------------------------------------------------
# JSON


def test_json_schema(bad_roster: Path) -> None:
    code, out, _ = run(str(bad_roster), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["ruleset_version", "input_sha256", "mode", "findings", "summary",
                          "coverage"]
    assert data["coverage"]["complete"] is True and data["coverage"]["not_read"] == []
    assert data["input_sha256"] == hashlib.sha256(bad_roster.read_bytes()).hexdigest()
    assert data["mode"] == "fixed"
    assert data["findings"]
    counts: dict[str, int] = {}
    for f in data["findings"]:
        assert list(f) == FINDING_KEYS
        assert f["severity"] in ("violation", "warning")
        for key in ("window_start", "window_end"):
            if f[key] is not None:
                parsed = datetime.fromisoformat(f[key])
                assert parsed.utcoffset() is not None  # ISO 8601 with offset
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    assert data["summary"] == counts
    assert list(data["summary"]) == sorted(data["summary"])
    employees = {f["employee"] for f in data["findings"] if f["employee"] is not None}
    assert employees == {"E1", "E2"}  # E3 keeps every rule


def test_json_with_problem_hashes_both_files(tmp_path: Path, bad_roster: Path) -> None:
    problem = tmp_path / "ward.xlsx"
    wb = Workbook()
    wb.active.title = "Employees"
    wb.active.append(["id", "name"])
    wb.active.append(["E1", "Kari"])
    wb.save(problem)
    _, out, _ = run(str(bad_roster), "--problem", str(problem), "--format", "json")
    a = hashlib.sha256(bad_roster.read_bytes()).digest()
    b = hashlib.sha256(problem.read_bytes()).digest()
    assert json.loads(out)["input_sha256"] == hashlib.sha256(a + b).hexdigest()


def test_json_is_byte_identical_across_runs_and_to_file(tmp_path: Path, bad_roster: Path) -> None:
    _, first, _ = run(str(bad_roster), "--format", "json")
    _, second, _ = run(str(bad_roster), "--format", "json")
    assert first == second
    out = tmp_path / "report.json"
    code, stdout, _ = run(str(bad_roster), "--format", "json", "-o", str(out))
    assert code == 1 and stdout == ""
    assert out.read_text(encoding="utf-8") == first
    # A copy of the same bytes under another name gives the same report.
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(bad_roster.read_bytes())
    assert run(str(copy), "--format", "json")[1] == first


def test_strict_mode_is_reported(bad_roster: Path) -> None:
    _, out, _ = run(str(bad_roster), "--format", "json", "--strict")
    assert json.loads(out)["mode"] == "strict"


# --------------------------------------------------------------------------------------------
# Table


def test_table_is_grouped_by_employee_worst_first(bad_roster: Path) -> None:
    code, out, _ = run(str(bad_roster))
    assert code == 1
    _, js, _ = run(str(bad_roster), "--format", "json")
    findings = json.loads(js)["findings"]
    per_emp = {e: sum(1 for f in findings if f["employee"] == e and f["severity"] == "violation")
               for e in ("E1", "E2")}
    order = sorted(per_emp, key=lambda e: (-per_emp[e], e))
    heads = [line.split(" — ")[0] for line in out.splitlines() if " — " in line and "violation(s)" in line]
    assert heads[:2] == order
    for f in findings:
        assert f["rule"] in out and f["paragraph"] in out
    assert "vs limit" in out  # measured against limit


def test_table_to_file(tmp_path: Path, bad_roster: Path) -> None:
    out = tmp_path / "report.txt"
    code, stdout, _ = run(str(bad_roster), "-o", str(out))
    assert code == 1 and stdout == ""
    assert "AML-10-8-1-daily-rest" in out.read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# xlsx


def test_xlsx_report_highlights_offending_cells(tmp_path: Path, bad_roster: Path) -> None:
    before = bad_roster.read_bytes()
    out = tmp_path / "report.xlsx"
    code, stdout, _ = run(str(bad_roster), "--format", "xlsx", "-o", str(out))
    assert code == 1 and str(out) in stdout
    assert bad_roster.read_bytes() == before  # the input is never modified
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Findings", "Roster"]
    _, js, _ = run(str(bad_roster), "--format", "json")
    findings = json.loads(js)["findings"]
    fs = wb["Findings"]
    assert [c.value for c in fs[1]] == [
        "Severity", "Rule", "Paragraph", "Employee", "Window start", "Window end", "Measured",
        "Limit", "Unit", "Allowed by", "Message",
    ]
    assert fs.max_row == 1 + len(findings)
    assert sorted(fs.cell(row=r, column=2).value for r in range(2, fs.max_row + 1)) == sorted(
        f["rule"] for f in findings
    )
    grid = wb["Roster"]
    assert grid["A2"].value == "E1" and grid["C2"].value == "E" and grid["D2"].value == "D"
    # E1's quick return: the evening and the next day are marked and name the rule.
    for ref in ("C2", "D2"):
        assert grid[ref].fill.fgColor.rgb.endswith(st.VIOLATION)
        assert "AML-10-8-1-daily-rest" in grid[ref].comment.text
    # E2's long day names both rules it breaks.
    assert "AML-10-6-8-total-24h" in grid["C3"].comment.text
    assert "AML-10-4-1-daily-normal" in grid["C3"].comment.text
    # E3 and E1's days off are not marked.
    assert grid["C4"].comment is None and grid["C4"].value == "D"
    assert grid["F2"].comment is None
    # User text that looks like a formula stays text.
    assert grid["B3"].value == "=Ola" and grid["B3"].data_type == "s"


def test_xlsx_default_output_name(tmp_path: Path, clean_roster: Path) -> None:
    code, _, _ = run(str(clean_roster), "--format", "xlsx")
    assert code == 0
    out = tmp_path / "clean.check.xlsx"
    wb = load_workbook(out)
    assert wb["Findings"]["A2"].value == "none"


def test_xlsx_from_a_timesheet_builds_a_grid(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "employee,start,end,break_minutes,kind\n"
        "E1,2026-03-02T15:00,2026-03-02T22:30,30,planned\n"
        "E1,2026-03-03T07:30,2026-03-03T15:30,30,planned\n"
        "E1,2026-03-03T15:30,2026-03-03T17:00,0,overtime\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    code, _, _ = run(str(path), "--format", "xlsx", "-o", str(out))
    assert code == 1
    grid = load_workbook(out)["Roster"]
    assert grid["C1"].value.date() == date(2026, 3, 2)
    assert grid["C2"].value == "15:00–22:30"
    assert grid["D2"].value == "07:30–15:30\n15:30–17:00 OT"
    assert "AML-10-8-1-daily-rest" in grid["D2"].comment.text


# --------------------------------------------------------------------------------------------
# Timesheets and help


def test_union_timesheet_with_norwegian_headers(tmp_path: Path) -> None:
    path = tmp_path / "timeliste.csv"
    path.write_bytes(
        b"\xef\xbb\xbfAnsattnummer;Startet;Sluttet;Pauseminutter;Art\n"
        + b"A1;2026-03-02T15:00;2026-03-02T22:30;30;planlagt\n"
        b"A1;2026-03-03T07:30;2026-03-03T15:30;30;planlagt\n"
    )
    cols = "employee=Ansattnummer,start=Startet,end=Sluttet,break_minutes=Pauseminutter,kind=Art"
    code, out, _ = run(str(path), "--columns", cols, "--format", "json")
    assert code == 1
    rules = {(f["rule"], f["employee"]) for f in json.loads(out)["findings"]}
    assert ("AML-10-8-1-daily-rest", "A1") in rules


def test_help_teaches_unions_and_planners() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    text = result.output
    assert "For unions" in text and "For planners" in text
    assert "--columns employee=Ansatt,start=Fra,end=Til" in text
    assert "Exit code" in text


# --------------------------------------------------------------------------------------------
# The planted-errors timesheet: a union's export with one known breach per employee

PLANTED_CSV = Path(__file__).parent / "data" / "planted_timesheet.csv"

# Employee -> the rules their rows in tests/data/planted_timesheet.csv were made to break.
# Horizon Mon 2 – Sun 15 March 2026; every row records its break (so breaks are judged).
PLANTED: dict[str, set[str]] = {
    "R00": set(),  # an ordinary Mon-Fri 08:00-15:30 week and a half: nothing to report
    "R01": {"AML-10-8-1-daily-rest"},  # 15:00-22:30 then 07:30 next day: 9 h rest < 11
    "R02": {"AML-10-8-2-weekly-rest"},  # Mon-Sat, Saturday until 14:00: 34 h off in the week
    "R03": {"AML-10-4-1-daily-normal"},  # one 07:00-17:00 day: 10 planned hours > 9
    "R04": {"AML-10-4-1-weekly-normal"},  # 5 x 8.5 h: 42.5 planned hours > 40 in the week
    "R05": {"AML-10-6-4-ot-7d"},  # 14 h overtime in a week > 10 (the employee consents)
    "R06": {"AML-10-6-8-total-24h"},  # 8 h + 6.5 h overtime = 14.5 h > 13 (rest cut to 9.5 h
    #                                   is allowed by R06's T3 § 10-8 agreement)
    "R07": {"AML-10-9-1-break-required"},  # 6 h with no break
    "R08": {"AML-10-9-1-break-30"},  # 8 h with a 15-minute break
    "R09": {"AML-10-8-4-next-sunday-off"},  # works Sunday 8 and Sunday 15 March
    "R10": {"AML-10-2-night-exempt"},  # night_work_allowed = no, works until 21:30
    "R11": {"AML-11-3-youth-night"},  # under 18, works 16:30-23:30
    "R12": {"AML-10-6-10-excuse"},  # excused from overtime/extra hours, works 1 h merarbeid
}
# Warnings that follow from a planted breach by the rules' documented readings.
PLANTED_WARNINGS = {
    # Working both Sundays leaves no Sunday in either week's rest (§ 10-8 (4), soft).
    ("AML-10-8-4-sunday-in-rest", "R09"),
}


def planted_problem(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    for row in (
        ("key", "value"),
        ("start", "2026-03-02"),
        ("end", "2026-03-15"),
        ("sunday_work_permitted_by_nature", "yes"),
        ("night_work_permitted_by_nature", "yes"),
    ):
        ws.append(list(row))
    emp = wb.create_sheet("Employees")
    emp.append(["id", "name", "night_work_allowed", "under_18", "overtime_consent",
                "excused_overtime"])
    for e in PLANTED:
        emp.append([e, f"Person {e}", "no" if e == "R10" else "yes",
                    "yes" if e == "R11" else "no", "yes" if e == "R05" else "no",
                    "yes" if e == "R12" else "no"])
    ag = wb.create_sheet("Agreements")
    ag.append(["scope", "family", "tier", "parameter", "value"])
    ag.append(["R06", "10-8", "T3_TARIFF_REPS", "", ""])
    wb.save(path)
    return path


def test_planted_errors_timesheet_finds_exactly_the_planted_breaches(tmp_path: Path) -> None:
    problem = planted_problem(tmp_path / "avdeling.xlsx")
    code, out, err = run(
        str(PLANTED_CSV),
        "--problem", str(problem),
        "--columns", "employee=Ansatt,start=Fra,end=Til,break_minutes=Pause,kind=Type",
        "--format", "json",
    )
    assert err == ""
    assert code == 1
    findings = json.loads(out)["findings"]
    violations = {(f["rule"], f["employee"]) for f in findings if f["severity"] == "violation"}
    warnings = {(f["rule"], f["employee"]) for f in findings if f["severity"] == "warning"}
    planted = {(rule, emp) for emp, rules in PLANTED.items() for rule in rules}
    assert len({rule for rule, _ in planted}) == 12  # a dozen distinct rules
    assert violations == planted
    assert warnings == PLANTED_WARNINGS
    # Every planted employee appears in the timesheet.
    text = PLANTED_CSV.read_text(encoding="utf-8-sig")
    assert {line.split(";")[0] for line in text.splitlines()[1:]} == set(PLANTED)


def test_json_is_byte_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    problem = planted_problem(tmp_path / "avdeling.xlsx")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"report{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        proc = subprocess.run(
            [sys.executable, "-c", "from scheduler.cli import main; main()", "check",
             str(PLANTED_CSV), "--problem", str(problem), "--format", "json", "-o", str(out)],
            env=env, capture_output=True, text=True, timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["findings"]


# --------------------------------------------------------------------------------------------
# Which grid cells a finding marks (scheduler.report.offending_cells)


def _finding(emp: str | None, start: str | None, end: str | None, rule: str = "R") -> object:
    from constraints.base import Finding, Severity
    from scheduler.clock import TZ

    def dt(text: str | None) -> datetime | None:
        return None if text is None else datetime.fromisoformat(text).replace(tzinfo=TZ)

    return Finding(rule=rule, paragraph="§", severity=Severity.violation, employee=emp,
                   window_start=dt(start), window_end=dt(end), message="m")


def test_offending_cells() -> None:
    from scheduler.clock import TZ
    from scheduler.model import WorkPeriod
    from scheduler.report import offending_cells

    def wp(start: str, end: str) -> WorkPeriod:
        return WorkPeriod(employee="E1", start=datetime.fromisoformat(start).replace(tzinfo=TZ),
                          end=datetime.fromisoformat(end).replace(tzinfo=TZ))

    periods = {"E1": [wp("2026-03-02 22:00", "2026-03-03 07:00"),
                      wp("2026-03-04 08:00", "2026-03-04 15:00")]}
    days = [date(2026, 3, d) for d in range(2, 9)]
    d = date
    cases = [
        # A window overlapping the night marks the day the night starts, not the next day.
        (_finding("E1", "2026-03-03 00:00", "2026-03-04 00:00"), {("E1", d(2026, 3, 2))}),
        # A 7-day window marks every shift in it.
        (_finding("E1", "2026-03-02 00:00", "2026-03-09 00:00"),
         {("E1", d(2026, 3, 2)), ("E1", d(2026, 3, 4))}),
        # No work in the window: the days it touches.
        (_finding("E1", "2026-03-05 12:00", "2026-03-06 12:00"),
         {("E1", d(2026, 3, 5)), ("E1", d(2026, 3, 6))}),
        # Longer than a week, or no window: the id cell.
        (_finding("E1", "2026-03-02 00:00", "2026-03-30 00:00"), {("E1", None)}),
        (_finding("E1", None, None), {("E1", None)}),
        # Outside the grid's days: the id cell.
        (_finding("E1", "2026-03-20 00:00", "2026-03-21 00:00"), {("E1", None)}),
        # About no one: nothing.
        (_finding(None, "2026-03-02 00:00", "2026-03-03 00:00"), set()),
    ]
    for f, expected in cases:
        assert set(offending_cells([f], periods, days)) == expected, f  # type: ignore[list-item]


def test_xlsx_long_window_finding_marks_the_id_cell(tmp_path: Path) -> None:
    # 9 h overtime a week for three weeks: within the 10 h weekly cap, above the 25 h cap of
    # the 4-week block (23 Feb - 23 Mar 2026), and without the employee's consent.
    days = (2, 4, 6, 9, 11, 13, 16, 18, 20)
    path = tmp_path / "t.csv"
    path.write_text(
        "employee,start,end,break_minutes,kind\n"
        + "".join(f"E1,2026-03-{d:02d}T16:00,2026-03-{d:02d}T19:00,0,overtime\n" for d in days),
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    code, _, _ = run(str(path), "--format", "xlsx", "-o", str(out))
    assert code == 1
    wb = load_workbook(out)
    rules = {row[1].value for row in wb["Findings"].iter_rows(min_row=2)}
    assert rules == {"AML-10-6-4-ot-4w", "AML-10-6-7-consent"}
    grid = wb["Roster"]
    assert grid["A2"].value == "E1"
    assert grid["A2"].fill.fgColor.rgb.endswith(st.VIOLATION)
    for rule in rules:
        assert rule in grid["A2"].comment.text
    # The shifts themselves are not coloured by a 4-week window.
    assert grid["C2"].value == "16:00–19:00 OT" and grid["C2"].comment is None
