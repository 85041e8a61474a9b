"""Turnus day-off codes F1-F5: reading them from a grid, refusing them as shift codes, and the
F1/F3 checks of ``constraints.turnus_codes``."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from constraints.base import Finding, Severity
from constraints.checker import run_check
from scheduler.errors import Collector, InputError
from scheduler.io.read.workbook import read_parts, read_problem
from scheduler.io.roster.load import load_check_input, read_grid
from scheduler.model import Roster, ShiftType, Tier, WorkPeriod
from tests.conftest import base_sheets, write_xlsx
from tests.rosterkit import agreement, day, employee, period, settings

# Two full weeks: Monday 2 March .. Sunday 15 March 2026 (no public holiday).
S2 = settings("2026-03-02", "2026-03-15")
F1_RULE = "TAR-f1-weekly-rest-marking"
F3_RULE = "TAR-f3-not-red-day"
WEEKLY = "AML-10-8-2-weekly-rest"


def marked(*periods: WorkPeriod, marks: tuple[tuple[str, str, str], ...] = ()) -> Roster:
    return Roster(periods=periods, day_marks=tuple((e, day(d), c) for e, d, c in marks))


def check(roster: Roster, s=S2, **kw: object) -> list[Finding]:
    return run_check(s, roster, **kw).findings  # type: ignore[arg-type]


def of(findings: list[Finding], rule: str, key: str | None = None) -> list[Finding]:
    return [f for f in findings if f.rule == rule and (key is None or f.message_key == key)]


def weekdays(first: str, n: int, start: str = "07:00", end: str = "15:00",
             emp: str = "E1") -> list[WorkPeriod]:
    d0 = day(first)
    out = []
    for i in range(n):
        d = date.fromordinal(d0.toordinal() + i).isoformat()
        out.append(period(emp, f"{d} {start}", f"{d} {end}"))
    return out


# --------------------------------------------------------------------------------------------
# The rest around an F1


def f1_rest_roster(next_start: str) -> Roster:
    """Mon-Thu days, Friday 13:00-21:00, F1 on Saturday 7 March, next work from ``next_start``
    on Sunday 8 March, then the second week Mon-Fri with F1 on Saturday 14 March."""
    return marked(
        *weekdays("2026-03-02", 4),
        period("E1", "2026-03-06 13:00", "2026-03-06 21:00"),
        period("E1", f"2026-03-08 {next_start}", "2026-03-08 15:00"),
        *weekdays("2026-03-09", 5),
        marks=(("E1", "2026-03-07", "F1"), ("E1", "2026-03-14", "F1"),
               ("E1", "2026-03-15", "F2")),
    )


def test_f1_rest_of_exactly_35_hours_passes() -> None:
    findings = check(f1_rest_roster("08:00"))  # Fri 21:00 -> Sun 08:00 = 35 h
    assert of(findings, WEEKLY) == [] and of(findings, F1_RULE) == []


def test_f1_rest_just_under_35_hours_is_a_warning_under_the_weekly_rest_rule() -> None:
    findings = check(f1_rest_roster("07:59"))  # 34 h 59 min
    (f,) = of(findings, WEEKLY, "turnus.f1_rest_short")
    assert f.severity == Severity.warning
    assert f.employee == "E1" and f.paragraph == "§ 10-8 (2)"
    assert f.measured == pytest.approx(34.98, abs=0.01) and f.limit == 35
    assert f.window_start.isoformat() == "2026-03-06T21:00:00+01:00"
    assert f.window_end.isoformat() == "2026-03-08T07:59:00+01:00"
    assert f.allowed_by == Tier.T3_TARIFF_REPS  # 28 h would be allowed by agreement
    assert "2026-03-07" in f.message and "34.98 h" in f.message
    # The statutory check of the week is its own finding (a violation), not replaced.
    assert [g.severity for g in of(findings, WEEKLY) if g.message_key != f.message_key] == [
        Severity.violation]


def test_f1_rest_across_the_week_boundary_counts_whole() -> None:
    # F1 on Monday 9 March: rest Sun 8 March 21:00 -> Tue 10 March 08:00 = 35 h, of which only
    # 32 h lie in the second week.
    def roster(tuesday: str) -> Roster:
        return marked(
            *weekdays("2026-03-02", 5),
            period("E1", "2026-03-08 13:00", "2026-03-08 21:00"),
            period("E1", f"2026-03-10 {tuesday}", "2026-03-10 15:00"),
            *weekdays("2026-03-11", 4),
            marks=(("E1", "2026-03-07", "F1"), ("E1", "2026-03-09", "F1")),
        )

    assert of(check(roster("08:00")), WEEKLY, "turnus.f1_rest_short") == []
    (f,) = of(check(roster("07:59")), WEEKLY, "turnus.f1_rest_short")
    assert f.window_start.isoformat() == "2026-03-08T21:00:00+01:00"
    assert f.window_end.isoformat() == "2026-03-10T07:59:00+01:00"


def test_f1_rest_floor_follows_a_10_8_agreement() -> None:
    # 30 h around F1: short of 35 h, enough under a § 10-8 (3) agreement (28 h).
    r = f1_rest_roster("03:00")  # Fri 21:00 -> Sun 03:00 = 30 h
    assert len(of(check(r), WEEKLY, "turnus.f1_rest_short")) == 1
    agreed = check(r, agreements=[agreement("10-8", Tier.T3_TARIFF_REPS)])
    assert of(agreed, WEEKLY, "turnus.f1_rest_short") == []


def test_f1_rest_measured_from_a_night_shift_ending_on_the_f1_day() -> None:
    # Night Thu 22:00 -> Fri 07:00, F1 on Friday, next work Saturday 18:00: 35 h.
    def roster(saturday: str) -> Roster:
        return marked(
            *weekdays("2026-03-02", 3),
            period("E1", "2026-03-05 22:00", "2026-03-06 07:00"),
            period("E1", f"2026-03-07 {saturday}", "2026-03-07 23:00"),
            marks=(("E1", "2026-03-06", "F1"),),
        )

    assert of(check(roster("18:00")), WEEKLY, "turnus.f1_rest_short") == []
    assert len(of(check(roster("17:59")), WEEKLY, "turnus.f1_rest_short")) == 1


# --------------------------------------------------------------------------------------------
# One F1 per week


def test_week_without_f1_is_a_tar_warning() -> None:
    r = marked(
        *weekdays("2026-03-02", 5), *weekdays("2026-03-09", 5),
        marks=(("E1", "2026-03-07", "F1"), ("E1", "2026-03-14", "F2")),
    )
    (f,) = of(check(r), F1_RULE)
    assert f.severity == Severity.warning and f.employee == "E1"
    assert f.window_start.isoformat() == "2026-03-09T00:00:00+01:00"
    assert f.window_end.isoformat() == "2026-03-16T00:00:00+01:00"
    assert (f.measured, f.limit, f.unit) == (0, 1, "F1 marks")


def test_two_f1_in_a_week_is_a_tar_warning() -> None:
    r = marked(
        *weekdays("2026-03-02", 5), *weekdays("2026-03-09", 5),
        marks=(("E1", "2026-03-07", "F1"), ("E1", "2026-03-08", "F1"),
               ("E1", "2026-03-14", "F1")),
    )
    (f,) = of(check(r), F1_RULE)
    assert f.window_start.isoformat() == "2026-03-02T00:00:00+01:00"
    assert (f.measured, f.limit) == (2, 1)
    assert "2026-03-07, 2026-03-08" in f.message


def test_one_f1_per_week_gives_no_marking_finding() -> None:
    r = marked(
        *weekdays("2026-03-02", 5), *weekdays("2026-03-09", 5),
        marks=(("E1", "2026-03-07", "F1"), ("E1", "2026-03-15", "F1")),
    )
    assert of(check(r), F1_RULE) == []


def test_weeks_without_work_and_partial_weeks_need_no_f1() -> None:
    # Horizon Wed 4 .. Sun 15 March: the first week is partial. E2 works nothing in week 2.
    s = settings("2026-03-04", "2026-03-15")
    r = marked(
        *weekdays("2026-03-04", 3), *weekdays("2026-03-09", 5),
        *weekdays("2026-03-04", 3, emp="E2"),
        marks=(("E1", "2026-03-14", "F1"), ("E2", "2026-03-07", "F1")),
    )
    assert of(check(r, s), F1_RULE) == []


def test_a_grid_without_f_codes_is_not_judged_on_marking() -> None:
    r = marked(*weekdays("2026-03-02", 5), *weekdays("2026-03-09", 5),
               marks=(("E1", "2026-03-07", "FE"), ("E1", "2026-03-08", "OFF")))
    findings = check(r)
    assert of(findings, F1_RULE) == [] and of(findings, F3_RULE) == []


def test_exempt_employee_is_not_judged_on_marking() -> None:
    r = marked(*weekdays("2026-03-02", 5), *weekdays("2026-03-09", 5),
               marks=(("E1", "2026-03-07", "F2"), ("E1", "2026-03-10", "F3")))
    findings = check(r, employees=[employee("E1", exempt_10_12=True)])
    assert of(findings, F1_RULE) == [] and of(findings, F3_RULE) == []


# --------------------------------------------------------------------------------------------
# F3 on a Sunday or holiday


def test_f3_on_a_weekday_is_a_warning_and_on_sunday_or_holiday_not() -> None:
    s = settings("2026-04-27", "2026-05-10")  # Friday 1 May 2026 is a public holiday
    r = marked(
        *weekdays("2026-04-27", 4), *weekdays("2026-05-04", 5),
        marks=(("E1", "2026-05-01", "F3"), ("E1", "2026-05-02", "F1"),
               ("E1", "2026-05-03", "F3"), ("E1", "2026-05-09", "F1"),
               ("E1", "2026-05-05", "F3")),
    )
    (f,) = of(check(r, s), F3_RULE)
    assert f.severity == Severity.warning
    assert f.window_start.isoformat() == "2026-05-05T00:00:00+02:00"
    assert "Tuesday" in f.message


# --------------------------------------------------------------------------------------------
# Reading grids and shift types


def grid_workbook(path: Path, cells: list[object], shifts: list[list[object]] | None = None,
                  fixed: list[list[object]] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Employee", "Name", *[date(2026, 3, 2 + i) for i in range(len(cells))]])
    ws.append(["E1", "Kari", *cells])
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes"])
    for row in shifts or [["D", "Day", time(7), time(15), 30]]:
        sh.append(row)
    if fixed is not None:
        fx = wb.create_sheet("Fixed")
        for row in fixed:
            fx.append(row)
    wb.save(path)
    return path


def test_f_codes_in_a_grid_are_days_off_in_any_case(tmp_path: Path) -> None:
    path = grid_workbook(tmp_path / "g.xlsx",
                         ["D", "f1", "F2", "d", "fe", "Ferie", "f3", "-", None, "off", "F4",
                          "f5"])
    data = load_check_input(path)
    assert [p.start.day for p in data.roster.periods] == [2, 5]
    assert [(d.day, c) for _, d, c in data.roster.day_marks] == [
        (3, "F1"), (4, "F2"), (6, "FE"), (7, "Ferie"), (8, "F3"), (11, "OFF"), (12, "F4"),
        (13, "F5")]


@pytest.mark.parametrize("code", ["F1", "f3", "F5", "FE", "Ferie", "ferie", "OFF"])
def test_a_shift_code_that_is_a_day_off_code_is_an_input_error_at_its_cell(
    tmp_path: Path, code: str
) -> None:
    sheets = base_sheets()
    sheets["Shifts"].append([code, "Clash", "08:00", "16:00", 30, "yes"])
    path = write_xlsx(tmp_path / "w.xlsx", sheets)
    with pytest.raises(InputError) as exc:
        read_problem(path)
    hits = [i for i in exc.value.issues if i.sheet == "Shifts" and i.cell == "A5"]
    assert hits and "day off" in hits[0].message and repr(code) in hits[0].message
    with pytest.raises(InputError):  # roster check reads the same sheet the same way
        read_parts(path)


def test_grid_reader_refuses_shift_types_named_like_day_off_codes(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Employee", "Name", date(2026, 3, 2), date(2026, 3, 3)])
    ws.append(["E1", "Kari", "D", "F2"])
    col = Collector(str(tmp_path / "g.xlsx"))
    shifts = [ShiftType(code="D", start=time(7), end=time(15)),
              ShiftType(code="F2", start=time(8), end=time(16))]
    got = read_grid(ws, tmp_path / "g.xlsx", shifts, col)
    (issue,) = col.issues
    assert issue.sheet == "Roster" and issue.cell == "D2" and "'F2'" in issue.message
    assert [p.shift for p in got.roster.periods] == ["D"]  # F2 stays a day off


def test_fixed_sheet_takes_f_codes_as_days_off(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Fixed"] = [["employee", "date", "shift"], ["A", "2026-04-03", "F1"],
                       ["B", "2026-04-04", "ferie"]]
    problem = read_problem(write_xlsx(tmp_path / "w.xlsx", sheets))
    assert [(f.employee, f.shift) for f in problem.fixed] == [("A", "OFF"), ("B", "OFF")]


def test_strict_mode_keeps_both_the_f1_warning_and_a_rolling_weekly_rest_warning() -> None:
    # Each fixed week holds 35 h of rest at its edge, but F1 on Thursday 5 March sits in a 33 h
    # rest and no rolling 7 days from Tuesday 3 March holds 35 h.
    r = marked(
        period("E1", "2026-03-03 11:00", "2026-03-03 19:00"),
        period("E1", "2026-03-04 14:00", "2026-03-04 22:00"),
        *weekdays("2026-03-06", 8),
        period("E1", "2026-03-14 07:00", "2026-03-14 13:00"),
        marks=(("E1", "2026-03-05", "F1"), ("E1", "2026-03-15", "F1")),
    )
    fixed = check(r)
    assert [f.severity for f in of(fixed, WEEKLY)] == [Severity.warning]  # only the F1 one
    strict = run_check(S2, r, strict=True).findings
    (f1,) = of(strict, WEEKLY, "turnus.f1_rest_short")
    assert f1.severity == Severity.warning and "strict" not in f1.message
    rolling = [f for f in of(strict, WEEKLY, "rest.weekly_short")
               if f.window_start < f1.window_end and f1.window_start < f.window_end]
    assert rolling and all(f.severity == Severity.warning for f in rolling)
