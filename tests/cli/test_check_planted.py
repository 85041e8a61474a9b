"""`roster check` on a union's timesheet export with one known breach per employee (tests/data/planted_timesheet.csv)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from tests.cli.check_kit import run

# --------------------------------------------------------------------------------------------
# The planted-errors timesheet: a union's export with one known breach per employee

PLANTED_CSV = Path(__file__).resolve().parents[1] / "data" / "planted_timesheet.csv"

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
               "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        proc = subprocess.run(
            [sys.executable, "-c", "from scheduler.cli import main; main()", "check",
             str(PLANTED_CSV), "--problem", str(problem), "--format", "json", "-o", str(out)],
            env=env, capture_output=True, text=True, timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["findings"]
