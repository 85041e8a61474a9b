"""Issue 14 item 1: a breach History alone causes is History's, not the roster's (or a bug)."""

from __future__ import annotations

import json

import openpyxl
from click.testing import CliRunner

from constraints.checker import run_check
from constraints.finding import Source
from scheduler.cli import main
from tests import budgets
from tests.rosterkit import employee, history, period, roster, settings

NEXT_SUNDAY = "AML-10-8-4-next-sunday-off"
PERMITS = {"sunday_work_permitted_by_nature": True, "night_work_permitted_by_nature": True}
# 1011 worked Sunday 27 December and the night into New Year's Day (a holiday).
DECEMBER = [history("1011", "2026-12-27 07:00", "2026-12-27 15:00", break_minutes=30),
            history("1011", "2026-12-31 22:00", "2027-01-01 07:00", break_minutes=30)]


def _check(*periods, hist=DECEMBER):
    return run_check(settings("2027-01-01", "2027-01-31", **PERMITS), roster(*periods),
                     employees=[employee("1011")], history=hist)


def _day(emp: str, start: str, end: str):
    return period(emp, start, end, break_minutes=30)


def test_breach_history_alone_causes_is_marked_history_and_names_the_work() -> None:
    report = _check(_day("1011", "2027-01-05 07:00", "2027-01-05 15:00"))
    (f,) = [f for f in report.findings if f.rule == NEXT_SUNDAY]
    assert f.source == Source.history
    assert "2026-12-27 07:00–15:00" in f.message
    assert "2026-12-31 22:00–2027-01-01 07:00 according to History" in f.message
    assert report.history_violations == [f] and report.roster_violations == []
    assert f.to_json()["source"] == "history"


def test_the_same_breach_without_history_is_the_roster_s() -> None:
    report = _check(_day("1011", "2026-12-31 22:00", "2027-01-01 07:00"),
                    hist=DECEMBER[:1])
    # 27 December in History, the New Year night in the roster: shared blame stays a violation
    (f,) = [f for f in report.findings if f.rule == NEXT_SUNDAY]
    assert f.source == Source.roster and "History" not in f.message
    assert report.roster_violations == [f]


def test_roster_that_makes_history_s_breach_worse_causes_a_roster_violation() -> None:
    # Sunday 3 January as well: three red days in a row, the roster's doing.
    report = _check(_day("1011", "2027-01-03 07:00", "2027-01-03 15:00"))
    found = {f.window_start.date().isoformat(): f for f in report.findings
             if f.rule == NEXT_SUNDAY}
    assert found["2026-12-31"].source == Source.history  # New Year's Day: History's alone
    assert found["2027-01-02"].source == Source.roster  # Sunday 3 January: the roster's
    assert found["2027-01-02"].measured == 3
    assert report.roster_violations == [found["2027-01-02"]]


def test_a_history_free_check_marks_nothing_history() -> None:
    report = _check(_day("1011", "2027-01-04 07:00", "2027-01-04 20:30"), hist=[])
    assert report.violations
    assert all(f.source == Source.roster for f in report.findings)


def _month_sheets() -> dict[str, list[list[object]]]:
    return {
        "Settings": [["key", "value"], ["month", "2027-01"],
                     ["sunday_work_permitted_by_nature", "yes"],
                     ["night_work_permitted_by_nature", "yes"]],
        "Shifts": [["code", "start", "end", "break_minutes"], ["D", "07:00", "15:00", 30]],
        "Employees": [["id", "position_pct"], ["1011", 100], ["1012", 100]],
        "Demand": [["date", "shift", "min"], ["2027-01-05", "D", 1]],
        "History": [["employee", "start", "end", "break_minutes"],
                    ["1011", "2026-12-27 07:00", "2026-12-27 15:00", 30],
                    ["1011", "2026-12-31 22:00", "2027-01-01 07:00", 30]],
    }


def test_validate_warns_up_front_about_history_s_breaches(make_xlsx) -> None:
    path = make_xlsx(_month_sheets())
    out = CliRunner().invoke(main, ["validate", str(path)])
    assert out.exit_code == 0, out.output
    head = out.output.split("Overview")[0]
    assert ("History already breaks § 10-8 (4) for 1011 (AML-10-8-4-next-sunday-off); no roster "
            "for this period can change that") in head
    data = json.loads(CliRunner().invoke(main, ["validate", str(path), "--json"]).output)
    assert [(h["rule"], h["employee"]) for h in data["history_breaches"]] == [
        (NEXT_SUNDAY, "1011")]


def test_solve_writes_the_roster_and_exits_0_when_only_history_breaks_a_rule(
        make_xlsx, tmp_path) -> None:
    path = make_xlsx(_month_sheets())
    out_path = tmp_path / "out.xlsx"
    result = CliRunner().invoke(main, ["solve", str(path), "-o", str(out_path),
                                       *budgets.cli(0.1)])  # optimal at 0.000 units
    assert result.exit_code == 0, result.output
    assert "bug" not in result.output and "do NOT publish" not in result.output
    assert "History already breaks § 10-8 (4) for 1011" in result.output
    ws = openpyxl.load_workbook(out_path)["Violations"]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    (row,) = [r for r in rows if r["Rule"] == NEXT_SUNDAY]
    assert row["Source"] == "History" and "according to History" in row["Message"]


def test_check_with_problem_says_where_the_history_work_was(make_xlsx, tmp_path) -> None:
    problem = make_xlsx(_month_sheets())
    sheet = tmp_path / "timesheet.csv"
    sheet.write_text("employee,start,end,break_minutes\n"
                     "1011,2027-01-05 07:00,2027-01-05 15:00,30\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(sheet), "--problem", str(problem),
                                       "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    (f,) = [f for f in findings if f["rule"] == NEXT_SUNDAY]
    assert f["source"] == "history" and f["employee"] == "1011"
    assert "1011 worked 2026-12-27 07:00–15:00, 2026-12-31 22:00–2027-01-01 07:00 according " \
           "to History" in f["message"]
    assert all(g["source"] == "roster" for g in findings if g is not f)


def test_attribution_sees_the_employees_even_when_given_as_a_generator() -> None:
    # an exempt (§ 10-12) employee: the Sunday rule does not apply to her at all
    s = settings("2027-01-01", "2027-01-31", **PERMITS)
    boss = employee("1011", exempt_10_12=True)
    report = run_check(s, roster(_day("1011", "2027-01-05 07:00", "2027-01-05 15:00")),
                       employees=(e for e in [boss]), history=DECEMBER)
    assert [f for f in report.findings if f.rule == NEXT_SUNDAY] == []
    worker = employee("1011")
    report = run_check(s, roster(_day("1011", "2027-01-05 07:00", "2027-01-05 15:00")),
                       employees=(e for e in [worker]), history=iter(DECEMBER))
    (f,) = [f for f in report.findings if f.rule == NEXT_SUNDAY]
    assert f.source == Source.history
