"""The Hours sheet and the hours figures behind it (scheduler.summary)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from scheduler import summary as sm
from scheduler.clock import TZ
from scheduler.model import (
    Employee,
    PeriodKind,
    Problem,
    Roster,
    Settings,
    ShiftType,
    WorkPeriod,
    roster_from_assignments,
)
from tests.io.writer_kit import (
    START,
    _hours_rows,
    _problem,
    _shifts,
    _write,
)

# --------------------------------------------------------------------------------------------
# Hours (scheduler.summary)



def test_hours_sheet_per_employee_per_week(planner_book: Path) -> None:
    rows = _hours_rows(load_workbook(_write(planner_book))["Hours"])
    w1, w2 = START, START + timedelta(days=7)
    e1 = rows[("E1", w1)]
    # 4 day shifts (32 h) + a 21-07 night (10 h) = 42 h; contract 37.5; normal limit 40.
    assert (e1["Hours"], e1["Contract"], e1["Deviation"]) == (42, 37.5, 4.5)
    # Planned hours, none recorded as extra or overtime: above the contract is a deviation (a
    # turnus averages its hours), above the normal limit a violation for the checker; neither is
    # called extra hours or overtime (the Summary and Headroom sheets would not count them).
    assert (e1["Extra"], e1["Overtime"]) == (0, 0)
    assert e1["Night hours"] == 9  # 21:00-06:00
    assert e1["Sunday/holiday hours"] == 8  # the day shift on Ascension Day
    e2 = rows[("-E2", w1)]
    # Sat 16 + Sun 17 May: the Sunday (also Constitution Day) shift is in the § 10-10 window.
    assert (e2["Hours"], e2["Sunday/holiday hours"]) == (16, 8)
    assert rows[("E1", w2)]["Hours"] == 0 and rows[("E1", w2)]["Deviation"] == -37.5
    e3 = rows[("E3", w1)]
    # Saturday 15-23: 18:00-23:00 is in the window before Sunday 17 May; 21:00-23:00 is night.
    assert (e3["Hours"], e3["Sunday/holiday hours"], e3["Night hours"]) == (8, 5, 2)


def _week_problem(start: date = date(2026, 6, 1)) -> Problem:
    return Problem(
        settings=Settings(start=start, end=start + timedelta(days=6)),
        shifts=(ShiftType(code="D", start=time(7), end=time(15)),),
        employees=(Employee(id="A", position_pct=100),),
    )


def _period(d: date, start: time, end_d: date, end: time, kind: PeriodKind = PeriodKind.planned,
            emp: str = "A") -> WorkPeriod:
    return WorkPeriod(employee=emp, start=datetime.combine(d, start, tzinfo=TZ),
                      end=datetime.combine(end_d, end, tzinfo=TZ), kind=kind)


@pytest.mark.parametrize("delta", [-30, 0, 30])  # just under, at and just over the 40 h limit
def test_planned_hours_are_never_called_overtime_or_extra(delta: int) -> None:
    p = _week_problem()
    days = p.days()
    periods = [_period(d, time(7), d, time(15)) for d in days[:4]]  # 32 h Mon-Thu
    fri_end = (datetime.combine(days[4], time(15)) + timedelta(minutes=delta)).time()
    periods.append(_period(days[4], time(7), days[4], fri_end))  # 8 h +/- delta
    (w,) = sm.weekly_hours(p.settings, Roster(periods=tuple(periods)), p.employees)
    assert w.hours == pytest.approx(40 + delta / 60)
    assert w.deviation == pytest.approx(40 + delta / 60 - 37.5)
    assert (w.overtime, w.extra) == (0, 0)  # only what the roster records as such


def test_recorded_overtime_and_extra_kinds() -> None:
    p = _week_problem()
    d = p.days()
    r = Roster(periods=(
        _period(d[0], time(7), d[0], time(15)),
        _period(d[0], time(15), d[0], time(17), PeriodKind.overtime),
        _period(d[1], time(7), d[1], time(10), PeriodKind.extra),
    ))
    (w,) = sm.weekly_hours(p.settings, r, p.employees)
    assert (w.hours, w.overtime, w.extra) == (13, 2, 3)


def test_contract_at_exactly_the_contract_has_zero_deviation() -> None:
    p = _problem(employees=(Employee(id="A", weekly_hours=8),), demand=())
    r = roster_from_assignments(p, {("A", START): "D", ("A", START + timedelta(days=7)): "D"})
    weeks = sm.weekly_hours(p.settings, r, p.employees)
    assert [w.deviation for w in weeks] == [0, 0]
    (t,) = sm.employee_totals(p.settings, r, p.employees)
    assert (t.hours, t.contract, t.deviation, t.shifts) == (16, 16, 0, 2)


def test_dst_night_counts_real_elapsed_hours() -> None:
    # Clocks go back in the night to Sunday 25 Oct 2026: a 21-07 night lasts 11 h.
    p = _week_problem(date(2026, 10, 19))
    r = Roster(periods=(_period(date(2026, 10, 24), time(21), date(2026, 10, 25), time(7)),))
    (w,) = sm.weekly_hours(p.settings, r, p.employees)
    assert w.hours == 11
    assert w.night == 10  # 21:00-06:00 wall clock is 10 real hours that night
    # Sunday window opens Saturday 18:00: the whole shift lies inside it.
    assert w.sunday == 11


def test_night_shift_after_the_horizon_end_is_not_lost() -> None:
    # Horizon ends on Sunday 7 June; a night from Sunday 21:00 ends Monday 07:00 (next week).
    p = _week_problem()
    r = Roster(periods=(_period(date(2026, 6, 7), time(21), date(2026, 6, 8), time(7)),))
    weeks = sm.weekly_hours(p.settings, r, p.employees)
    assert [(w.week_start, w.days_in_horizon, w.hours) for w in weeks] == [
        (date(2026, 6, 1), 7, 3), (date(2026, 6, 8), 0, 7)]
    assert sum(w.hours for w in weeks) == 10
    (t,) = sm.employee_totals(p.settings, r, p.employees)
    assert t.hours == 10


def test_partial_week_contract_is_pro_rata() -> None:
    p = Problem(settings=Settings(start=date(2026, 6, 3), end=date(2026, 6, 9)),
                shifts=_shifts(), employees=(Employee(id="A", weekly_hours=35),))
    weeks = sm.weekly_hours(p.settings, Roster(periods=()), p.employees)
    assert [(w.week_start, w.days_in_horizon, w.contract) for w in weeks] == [
        (date(2026, 6, 1), 5, 25), (date(2026, 6, 8), 2, 10)]
