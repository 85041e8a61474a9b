"""Overtime and extra hours as priced decisions (``SolveOptions.allow_overtime``).

Caps are tested exactly at the limit and one minute over it, for T0 (10 / 25 / 200 h) and T3
(20 / 50 / 300 h), with history and the year-to-date figure carried in; the checker must count
exactly the overtime the model counted and find no violation. One week, 8-14 June 2026: it lies
in the 4-week block 18 May - 14 June and the 52-week block from 29 December 2025.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from constraints.checker import check_problem
from constraints.overtime.counted import ot_rate, ot_year_rate
from constraints.windows import fixed_blocks
from scheduler import summary as sm
from scheduler.clock import TZ, to_minutes
from scheduler.headroom import context, headroom
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solution import Solution
from scheduler.solver import solve
from scheduler.solver.build import build
from scheduler.workbook import roster_writer as rw
from tests import budgets

D = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30)  # 8 h, paid break
X = ShiftType(code="X", start=time(7), end=time(17), break_minutes=30)  # 10 h: 1 h over a day
Z = ShiftType(code="Z", start=time(7), end=time(20), break_minutes=30)  # 13 h
# X on a Saturday, ending at 13:00 so that the weekly rest (Saturday 13:00 - Monday) is 35 h.
XS = ShiftType(code="X", start=time(3), end=time(13), break_minutes=30)  # 10 h
MON = date(2026, 6, 8)
T3 = Agreement(family="10-6", tier=Tier.T3_TARIFF_REPS)
OT = budgets.options(3.0, seed=0, allow_overtime=True)
NO_OT = budgets.options(3.0, seed=0)


def _settings(days: int = 7, **kw: object) -> Settings:
    return Settings(start=MON, end=MON + timedelta(days=days - 1),
                    sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True,
                    **kw)  # type: ignore[arg-type]


def _week(plan: dict[int, ShiftType], *, emp: Employee | None = None, **kw: object) -> Problem:
    """One employee, one week; ``plan`` = weekday -> the shift demanded that day (minimum 1)."""
    shifts = tuple({st.code: st for st in plan.values()}.values())
    demand = tuple(DemandItem(day=MON + timedelta(days=wd), shift=st.code, minimum=1)
                   for wd, st in sorted(plan.items()))
    kw.setdefault("settings", _settings())
    return Problem(shifts=shifts, employees=(emp or Employee(id="A"),),  # type: ignore[arg-type]
                   demand=demand, **kw)


def _ten_hours() -> dict[int, ShiftType]:
    """Mon-Fri 8 h days and a 10 h Saturday: 50 h, so exactly 10 h of overtime (T0's cap).
    (Not Sunday: working the week's only Sunday lowers the week to 38 h, § 10-4 (4) (c).)"""
    return {0: D, 1: D, 2: D, 3: D, 4: D, 5: XS}


def _twenty_hours() -> dict[int, ShiftType]:
    """Four 13 h days and an 8 h Friday: 60 h, so exactly 20 h of overtime (T3's cap)."""
    return {0: Z, 1: Z, 2: Z, 3: Z, 4: D}


def _one_minute_longer(st: ShiftType) -> ShiftType:
    end = (datetime.combine(MON, st.end) + timedelta(minutes=1)).time()
    return st.model_copy(update={"end": end})


def _clean(p: Problem, sol: Solution) -> None:
    assert sol.status in ("OPTIMAL", "FEASIBLE")
    report = check_problem(p, sol.roster)
    assert report.violations == [], [f.message for f in report.violations]


def _checker_ot(p: Problem, sol: Solution, weeks: int) -> float:
    """Overtime minutes the checker counts in the fixed window of ``weeks`` holding the week."""
    ctx = context(p, sol.roster)
    if weeks == 1:
        a = to_minutes(datetime.combine(MON, time(0), tzinfo=TZ))
        return ot_rate(ctx, "A").between(a, a + 7 * 24 * 60)
    block = next(b for b in fixed_blocks(p.settings, MON - timedelta(weeks=60), weeks)
                 if b.start <= to_minutes(datetime.combine(MON, time(12), tzinfo=TZ)) < b.end)
    rate = ot_year_rate(ctx, "A") if weeks == 52 else ot_rate(ctx, "A")
    return rate.between(block.start, block.end)


def _ot_history(minutes: list[int]) -> tuple[HistoryPeriod, ...]:
    """Overtime worked on Tuesdays and Thursdays of the three weeks before the horizon (in the
    same 4-week block, at most 20 h a week)."""
    out = []
    assert len(minutes) <= 6
    for i, m in enumerate(minutes):
        day = date(2026, 5, 19) + timedelta(weeks=i // 2, days=2 * (i % 2))
        start = datetime.combine(day, time(16), tzinfo=TZ)
        out.append(HistoryPeriod(employee="A", start=start, end=start + timedelta(minutes=m),
                                 kind=PeriodKind.overtime))
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Caps: exactly at the cap, and one minute over it


CASES = {
    # name: (plan, agreements, consent, history, ytd hours, cap window weeks, cap hours)
    "T0-7d": (_ten_hours, (), False, (), 0.0, 1, 10),
    "T3-7d": (_twenty_hours, (T3,), True, (), 0.0, 1, 20),
    "T0-4w": (_ten_hours, (), False, (300, 300, 300), 0.0, 4, 25),
    "T3-4w": (_ten_hours, (T3,), True, (600, 600, 600, 600), 0.0, 4, 50),
    "T0-52w": (_ten_hours, (), False, (), 190.0, 52, 200),
    "T3-52w": (_ten_hours, (T3,), True, (), 290.0, 52, 300),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_overtime_fills_each_cap_exactly(name: str) -> None:
    plan, ags, consent, hist, ytd, weeks, cap = CASES[name]
    p = _week(plan(), emp=Employee(id="A", overtime_consent=consent), agreements=ags,
              history=_ot_history(list(hist)),
              employee_history=(EmployeeHistory(employee="A", overtime_ytd_hours=ytd),))
    sol = solve(p, OT)
    _clean(p, sol)
    assert not sol.shortfall  # every shift covered
    assert _checker_ot(p, sol, weeks) == pytest.approx(cap * 60, abs=1e-6)
    week_ot = 10 if plan is _ten_hours else 20
    assert sol.overtime_hours == pytest.approx(week_ot)
    assert _checker_ot(p, sol, 1) == pytest.approx(week_ot * 60, abs=1e-6)  # model = checker


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_minute_over_the_cap_leaves_a_shift_uncovered(name: str) -> None:
    plan, ags, consent, hist, ytd, weeks, cap = CASES[name]
    shifts = plan()
    if hist:  # one more minute of history overtime in the block
        hist = (*hist[:-1], hist[-1] + 1)
    elif ytd:
        ytd += 1 / 60
    else:  # one minute longer last shift
        last = max(shifts)
        shifts[last] = _one_minute_longer(shifts[last])
    p = _week(shifts, emp=Employee(id="A", overtime_consent=consent), agreements=ags,
              history=_ot_history(list(hist)),
              employee_history=(EmployeeHistory(employee="A", overtime_ytd_hours=ytd),))
    sol = solve(p, OT)
    _clean(p, sol)
    assert sum(s.missing for s in sol.shortfall) == 1
    assert _checker_ot(p, sol, weeks) <= cap * 60 + 1e-6


# --------------------------------------------------------------------------------------------
# Who may get overtime


def test_excused_employee_never_gets_overtime_or_extra_hours_even_when_demand_is_uncovered() -> None:
    twin = solve(_week(_ten_hours()), OT)
    assert twin.overtime_hours == pytest.approx(10) and not twin.shortfall
    p = _week(_ten_hours(), emp=Employee(id="A", excused_overtime=True))
    sol = solve(p, OT)
    _clean(p, sol)
    assert sol.shortfall  # demand left uncovered rather than overtime
    assert all(x.kind == PeriodKind.planned for x in sol.roster.periods)
    assert sol.extra_time == [] and sol.overtime_hours == 0
    worked = sum(x.work_minutes for x in sol.roster.periods)
    assert worked <= 37.5 * 60  # nor extra hours: within the contract over the horizon
    assert len(sol.assignments) == 4


def test_minor_never_gets_overtime() -> None:
    p = _week(_ten_hours(), emp=Employee(id="A", under_18=True))
    sol = solve(p, OT)
    _clean(p, sol)
    assert sol.overtime_hours == 0 and sol.shortfall


def test_above_the_default_caps_only_with_consent() -> None:
    p = _week(_twenty_hours(), emp=Employee(id="A"), agreements=(T3,))
    without = solve(p, OT)
    _clean(p, without)
    assert without.overtime_hours <= 10 + 1e-9  # T3 allows 20 h, but not without consent
    assert without.shortfall
    assert _checker_ot(p, without, 1) <= 600 + 1e-6
    consenting = p.model_copy(update={"employees": (Employee(id="A", overtime_consent=True),)})
    sol = solve(consenting, OT)
    _clean(consenting, sol)
    assert sol.overtime_hours == pytest.approx(20) and not sol.shortfall


def test_t5_year_cap_is_per_26_weeks_but_without_consent_200_h_per_52_weeks_hold() -> None:
    t5 = Agreement(family="10-6", tier=Tier.T5_ARBEIDSTILSYNET)
    ytd = (EmployeeHistory(employee="A", overtime_ytd_hours=195),)  # counts to the 52 weeks
    p = _week(_ten_hours(), agreements=(t5,), employee_history=ytd)
    without = solve(p, OT)
    _clean(p, without)
    assert _checker_ot(p, without, 52) <= 200 * 60 + 1e-6
    assert sum(s.missing for s in without.shortfall) == 1
    consenting = p.model_copy(update={"employees": (Employee(id="A", overtime_consent=True),)})
    sol = solve(consenting, OT)
    _clean(consenting, sol)
    assert sol.overtime_hours == pytest.approx(10) and not sol.shortfall
    assert {h.cap for h in headroom(consenting, sol.roster)} == {"7d", "4w", "26w"}


def test_fixed_shifts_beyond_what_overtime_allows_are_explained() -> None:
    pins = tuple(FixedAssignment(employee="A", day=MON + timedelta(days=i), shift="D")
                 for i in range(5))  # 40 h: above an excused employee's 37.5 h contract
    p = _week(_ten_hours(), emp=Employee(id="A", excused_overtime=True), fixed=pins)
    assert solve(p, NO_OT).has_roster  # without the option, 40 h are plain planned hours
    sol = solve(p, OT)
    assert sol.status == "INFEASIBLE"
    assert [c.rule for c in sol.conflicts] == ["AML-10-6-10-excuse"]
    pins = tuple(FixedAssignment(employee="A", day=MON + timedelta(days=i), shift="Z")
                 for i in range(3))  # 3 x 4 h over the daily limit: 12 h > 10 h without consent
    p = _week(_twenty_hours(), agreements=(T3,), fixed=pins)
    sol = solve(p, OT)
    assert sol.status == "INFEASIBLE"
    assert "AML-10-6-7-consent" in {c.rule for c in sol.conflicts}


# --------------------------------------------------------------------------------------------
# Without the option nothing changes


def test_without_the_option_no_planned_hour_exceeds_the_normal_limit() -> None:
    p = _week(_ten_hours())
    assert build(p, NO_OT).ctx.overtime is None
    sol = solve(p, NO_OT)
    _clean(p, sol)
    assert sol.extra_time == [] and sol.objective_by_tier["overtime"] == 0
    assert all(x.kind == PeriodKind.planned for x in sol.roster.periods)
    # X (10 h) is above the 9 h daily limit: never given; 5 days of 8 h = 40 h.
    assert sorted(a.shift for a in sol.assignments) == ["D"] * 5
    assert sum(s.missing for s in sol.shortfall) == 1


def test_option_on_changes_no_roster_that_needs_no_overtime() -> None:
    emps = (Employee(id="A", skills=("x",)), Employee(id="B", position_pct=50, skills=("y",)))
    demand = tuple(DemandItem(day=MON + timedelta(days=i), shift="D", skill="x", minimum=1)
                   for i in range(5))
    demand += tuple(DemandItem(day=MON + timedelta(days=i), shift="D", skill="y", minimum=1)
                    for i in (0, 2))
    p = Problem(settings=_settings(), shifts=(D,), employees=emps, demand=demand)
    off, on = solve(p, NO_OT), solve(p, OT)
    _clean(p, on)

    def minutes(sol: Solution) -> dict[str, int]:
        out: dict[str, int] = {}
        for x in sol.roster.periods:
            out[x.employee] = out.get(x.employee, 0) + x.work_minutes
        return out

    assert off.assignments == on.assignments
    assert minutes(off) == minutes(on) == {"A": 5 * 480, "B": 2 * 480}
    assert on.overtime_hours == 0
    # A works 40 h on a 37.5 h contract: 2.5 h extra hours, on the week's last shift.
    assert [(x.employee, x.day, x.kind, x.minutes) for x in on.extra_time] == [
        ("A", MON + timedelta(days=4), "extra", 150)]


# --------------------------------------------------------------------------------------------
# How overtime sits in the roster


def test_overtime_is_the_tail_of_the_shift_and_goes_to_the_last_shifts_of_the_week() -> None:
    p = _week(_twenty_hours(), emp=Employee(id="A", overtime_consent=True), agreements=(T3,))
    sol = solve(p, OT)
    _clean(p, sol)
    by_day = {(x.day, x.kind): x for x in sol.extra_time}
    for i in range(4):  # each 13 h day: the 4 h above 9 h, at the end of the shift
        x = by_day[(MON + timedelta(days=i), "overtime")]
        assert (x.start.time(), x.end.time(), x.minutes) == (time(16), time(20), 240)
    # The 4 h above 40 h in the week: at the end of the week's last shift (Friday).
    fri = by_day[(MON + timedelta(days=4), "overtime")]
    assert (fri.start.time(), fri.end.time()) == (time(11), time(15))
    periods = [x for x in sol.roster.periods if x.start.date() == MON + timedelta(days=4)]
    assert [x.kind for x in periods] == ["planned", "extra", "overtime"]
    assert [x.shift for x in periods] == ["D", None, None]
    assert all(a.end == b.start for a, b in zip(periods, periods[1:], strict=False))  # touching
    assert sum(x.break_minutes or 0 for x in periods) == 30  # the shift's break, once


def test_unpaid_break_shift_splits_in_whole_units_and_the_checker_counts_the_same() -> None:
    # 11:00-19:00 with 30 unpaid minutes: a unit is 16 elapsed minutes with 1 minute of break.
    m = ShiftType(code="M", start=time(11), end=time(19), break_minutes=30,
                  break_counts_as_work=False)
    # 6 x 7.5 h = 45 h; the week's only Sunday is worked, so § 10-4 (4) (c) makes it a 38 h
    # week: 7 h overtime.
    p = _week({0: m, 1: m, 2: m, 3: m, 4: m, 6: m})
    sol = solve(p, OT)
    _clean(p, sol)
    assert sol.overtime_hours == pytest.approx(7)
    assert _checker_ot(p, sol, 1) == pytest.approx(420, abs=1e-6)
    for x in sol.roster.periods:
        if x.kind == PeriodKind.overtime:
            assert not x.break_counts_as_work
            assert x.elapsed_minutes == 16 * (x.break_minutes or 0)
    assert sum(x.break_minutes or 0 for x in sol.roster.periods) == 6 * 30


def test_night_shift_tail_stays_in_the_last_day_window() -> None:
    n = ShiftType(code="N", start=time(22), end=time(7), break_minutes=30)  # 9 h, paid break
    # 45 h, mainly at night: § 10-4 (4) (d) and (6) lower the week (the checker's (6) week is
    # 37 h here, but with overtime on the solver plans (6) weeks at their 36 h floor, as tails
    # add night minutes the cells do not show: constraints.normal_hours.post_reduced): 9 h.
    p = _week({0: n, 1: n, 2: n, 3: n, 4: n})
    sol = solve(p, OT)
    _clean(p, sol)
    assert sol.overtime_hours == pytest.approx(9)
    tails = [x for x in sol.extra_time if x.kind == "overtime"]
    assert tails
    for x in tails:  # inside the day window 00:00-24:00 that holds the shift's end
        assert x.start.date() == x.end.date() and x.end.time() == time(7)


def test_long_shift_is_allowed_only_with_overtime() -> None:
    p = _week({6: X})
    assert solve(p, NO_OT).assignments == []  # 10 h > 9 h: never planned
    sol = solve(p, OT)
    _clean(p, sol)
    assert [a.shift for a in sol.assignments] == ["X"]
    assert [(x.kind, x.minutes) for x in sol.extra_time] == [("overtime", 60)]


def test_cost_and_hours_on_the_solution() -> None:
    p = _week(_ten_hours(), emp=Employee(id="A", hourly_cost=300.0),
              settings=_settings(overtime_premium_pct=50, extra_hours_supplement_pct=10))
    sol = solve(p, OT)
    _clean(p, sol)
    assert sol.overtime_hours == pytest.approx(10) and sol.extra_hours == pytest.approx(2.5)
    assert sol.overtime_cost == pytest.approx(10 * 300 * 1.5)
    assert sol.overtime_premium_cost == pytest.approx(10 * 300 * 0.5)
    assert sol.extra_cost == pytest.approx(2.5 * 300 * 1.1)
    unknown = solve(_week(_ten_hours()), OT)
    assert unknown.overtime_hours == pytest.approx(10) and unknown.overtime_cost is None


def test_settings_key_switches_overtime_on() -> None:
    p = _week(_ten_hours(), settings=_settings(allow_overtime=True))
    sol = solve(p, NO_OT)
    assert sol.overtime_hours == pytest.approx(10)


# --------------------------------------------------------------------------------------------
# Headroom


def test_headroom_after_the_horizon_uses_the_checker_measure() -> None:
    # Horizon Mon-Wed: the 7-day window after it is the rest of the same week.
    plan = {0: Z, 1: Z, 2: D}  # 4 h + 4 h over the daily limit, 34 h in the week
    p = Problem(settings=_settings(3), shifts=(Z, D), employees=(Employee(id="A"),),
                demand=tuple(DemandItem(day=MON + timedelta(days=i), shift=st.code, minimum=1)
                             for i, st in plan.items()),
                employee_history=(EmployeeHistory(employee="A", overtime_ytd_hours=50),))
    sol = solve(p, OT)
    _clean(p, sol)
    assert sol.overtime_hours == pytest.approx(8)
    rows = {h.cap: h for h in headroom(p, sol.roster)}
    assert [(c, rows[c].limit, rows[c].used, rows[c].remaining) for c in ("7d", "4w", "52w")] == [
        ("7d", 10, 8, 2), ("4w", 25, 8, 17), ("52w", 200, 58, 142)]
    assert rows["7d"].window_start == datetime(2026, 6, 8, tzinfo=TZ)
    assert rows["4w"].window_start == datetime(2026, 5, 18, tzinfo=TZ)
    excused = headroom(p.model_copy(update={"employees": (
        Employee(id="A", excused_overtime=True),)}), sol.roster)
    assert all(h.remaining == 0 and not h.may_work_overtime for h in excused)


# --------------------------------------------------------------------------------------------
# Output: roster grid, Summary, Headroom sheet, CLI


def _input_book(path: Path, *, allow: str | None = None, cost: float | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Settings"
    rows = [["key", "value"], ["start", MON], ["end", MON + timedelta(days=6)],
            ["sunday_work_permitted_by_nature", "yes"], ["night_work_permitted_by_nature", "yes"]]
    if allow is not None:
        rows.append(["allow_overtime", allow])
    for row in rows:
        ws.append(row)
    sh = wb.create_sheet("Shifts")
    sh.append(["code", "name", "start", "end", "break_minutes", "break_counts_as_work"])
    sh.append(["D", "Day", time(7), time(15), 30, "yes"])
    sh.append(["X", "Long", time(3), time(13), 30, "yes"])
    em = wb.create_sheet("Employees")
    em.append(["id", "name", "position_pct", "hourly_cost"])
    em.append(["A", "Ada", 100, cost])
    de = wb.create_sheet("Demand")
    de.append(["date", "shift", "skill", "min", "target"])
    for wd, st in _ten_hours().items():
        de.append([MON + timedelta(days=wd), st.code, "", 1, 1])
    wb.save(path)
    return path


def test_roster_workbook_marks_overtime_and_adds_headroom(tmp_path: Path) -> None:
    book = _input_book(tmp_path / "in.xlsx")
    p = _week(_ten_hours(), emp=Employee(id="A", name="Ada", hourly_cost=200.0))
    sol = solve(p, OT)
    run = rw.RunInfo(book, "0" * 64, OT)
    out = tmp_path / "out.xlsx"
    titles = rw.write_roster_workbook(p, sol, check_problem(p, sol.roster).findings, run, out)
    wb = load_workbook(out)
    assert titles["Headroom"] == "Headroom" and "Headroom" in wb.sheetnames
    grid = wb["Roster"]
    saturday = grid.cell(row=2, column=3 + 5)
    assert saturday.value == "X" and saturday.font.italic and saturday.font.bold
    assert "Overtime: 10.00 h" in saturday.comment.text
    friday = grid.cell(row=2, column=3 + 4)
    assert "Extra hours (merarbeid): 2.50 h" in friday.comment.text
    assert grid.cell(row=2, column=3).comment is None  # Monday: plain planned shift
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert summary["Overtime hours"] == 10 and summary["Extra hours (merarbeid)"] == 2.5
    assert summary["Overtime cost incl. premium"] == pytest.approx(10 * 200 * 1.4)
    assert summary["Overtime premium cost (40 %)"] == pytest.approx(10 * 200 * 0.4)
    head = [r for r in wb["Headroom"].iter_rows(min_row=2, max_row=4, values_only=True)]
    assert [(r[0], r[2], r[5], r[6], r[7]) for r in head] == [
        ("A", "7 days (§ 10-6 (4))", 10, 0, 10),  # the week after the horizon
        ("A", "4 weeks (§ 10-6 (4))", 25, 0, 25),  # a new 4-week block starts 15 June
        ("A", "52 weeks (§ 10-6 (4))", 200, 10, 190),
    ]
    hours = {(r[0], r[2].date()): r for r in wb["Hours"].iter_rows(min_row=2, values_only=True)}
    row = hours[("A", MON)]
    assert (row[7], row[8]) == (2.5, 10)  # extra, overtime in the week


def test_no_headroom_sheet_without_overtime(tmp_path: Path) -> None:
    book = _input_book(tmp_path / "in.xlsx")
    p = _week({0: D})
    sol = solve(p, NO_OT)
    wb, titles = rw.build_workbook(p, sol, [], rw.RunInfo(book, "0" * 64, NO_OT))
    assert "Headroom" not in titles and wb.sheetnames[-1] == "Summary"


@pytest.mark.parametrize("how", ["flag", "settings"])
def test_cli_allow_overtime(tmp_path: Path, how: str) -> None:
    from scheduler.cli import main

    book = _input_book(tmp_path / "in.xlsx", allow="yes" if how == "settings" else None)
    args = ["solve", str(book), "--json", "--quiet", *budgets.cli(1.5)]
    if how == "flag":
        args.append("--allow-overtime")
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["violations"] == 0
    assert data["overtime_hours"] == 10 and data["extra_hours"] == 2.5
    assert "Headroom" in load_workbook(data["output"]).sheetnames


def test_coverage_counts_a_shift_worked_entirely_as_overtime() -> None:
    p = _week(_ten_hours())
    sol = solve(p, OT)
    saturday = [x for x in sol.roster.periods if x.start.date() == MON + timedelta(days=5)]
    assert [x.kind for x in saturday] == ["overtime"]  # 10 h beyond the week's 40 h
    assert sm.coverage_pct(sm.coverage(p, sol.roster)) == 100
