"""`roster check --format xlsx`: the report workbook and which grid cells a finding marks (scheduler.io.report.xlsx)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from scheduler.io.write import styles as st
from tests.cli.check_kit import run

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
# Which grid cells a finding marks (scheduler.io.report.xlsx.offending_cells)


def _finding(emp: str | None, start: str | None, end: str | None, rule: str = "R") -> object:
    from constraints.base import Finding, Severity
    from scheduler.clock import TZ

    def dt(text: str | None) -> datetime | None:
        return None if text is None else datetime.fromisoformat(text).replace(tzinfo=TZ)

    return Finding(rule=rule, paragraph="§", severity=Severity.violation, employee=emp,
                   window_start=dt(start), window_end=dt(end), message="m")


def test_offending_cells() -> None:
    from scheduler.clock import TZ
    from scheduler.io.report.xlsx import offending_cells
    from scheduler.model import WorkPeriod

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
