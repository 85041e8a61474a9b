"""`roster check` on the command line: exit codes, JSON, the table, timesheets and help."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook

from scheduler.cli import main
from tests.cli.check_kit import FINDING_KEYS, WEEK, roster_workbook, run

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
