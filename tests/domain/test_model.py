"""Domain-model validators: each one rejects what it should and accepts the edge."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from pydantic import ValidationError

from scheduler.clock import TZ
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    FixedAssignment,
    HistoryPeriod,
    Problem,
    Request,
    RequestKind,
    Roster,
    Settings,
    ShiftType,
    Tier,
    WorkPeriod,
    roster_from_assignments,
)

D = ShiftType(code="D", start=time(7, 30), end=time(15, 30), break_minutes=30)
N = ShiftType(code="N", start=time(22), end=time(8), break_minutes=30, break_counts_as_work=False)
APRIL = Settings.for_month(2026, 4)


def test_shift_code_is_stripped_and_not_empty():
    assert ShiftType(code=" D ", start=time(7), end=time(15)).code == "D"
    with pytest.raises(ValidationError):
        ShiftType(code="  ", start=time(7), end=time(15))


def test_shift_lengths_and_midnight():
    assert not D.crosses_midnight and D.nominal_minutes() == 480 and D.paid_minutes() == 480
    assert N.crosses_midnight and N.nominal_minutes() == 600 and N.paid_minutes() == 570
    start, end = N.interval_on(date(2026, 4, 1))
    assert (start.isoformat(), end.isoformat()) == ("2026-04-01T22:00:00+02:00",
                                                    "2026-04-02T08:00:00+02:00")


def test_break_must_be_shorter_than_the_shift():
    ShiftType(code="S", start=time(10), end=time(10, 31), break_minutes=30)  # just shorter
    with pytest.raises(ValidationError, match="break is as long as the shift"):
        ShiftType(code="S", start=time(10), end=time(10, 30), break_minutes=30)
    with pytest.raises(ValidationError):
        ShiftType(code="S", start=time(7), end=time(15), break_minutes=241)


def test_employee_bounds_and_contract_hours():
    assert Employee(id="A", position_pct=100).contracted_weekly_hours(35.5) == 35.5
    assert Employee(id="A", position_pct=0).contracted_weekly_hours(35.5) == 0
    assert Employee(id="A", position_pct=80).contracted_weekly_hours(37.5) == 30
    assert Employee(id="A", weekly_hours=20, position_pct=80).contracted_weekly_hours(37.5) == 20
    assert Employee(id="A").contracted_weekly_hours(37.5) == 37.5
    with pytest.raises(ValidationError):
        Employee(id="A", position_pct=100.01)
    with pytest.raises(ValidationError):
        Employee(id="A", position_pct=-1)
    with pytest.raises(ValidationError):
        Employee(id=" ")
    with pytest.raises(ValidationError):
        Employee(id="A", unknown_field=1)


def test_minor_by_birth_date_on_the_eighteenth_birthday():
    e = Employee(id="A", birth_date=date(2008, 4, 15))
    assert e.is_minor_on(date(2026, 4, 14))
    assert not e.is_minor_on(date(2026, 4, 15))
    leap = Employee(id="B", birth_date=date(2008, 2, 29))
    assert leap.is_minor_on(date(2026, 2, 27)) and not leap.is_minor_on(date(2026, 2, 28))
    assert Employee(id="C", under_18=True).is_minor_on(date(2026, 1, 1))


def test_demand_target_at_least_minimum():
    DemandItem(day=date(2026, 4, 1), shift="D", minimum=2, target=2)
    with pytest.raises(ValidationError, match="target is below the minimum"):
        DemandItem(day=date(2026, 4, 1), shift="D", minimum=2, target=1)
    with pytest.raises(ValidationError):
        DemandItem(day=date(2026, 4, 1), shift="D", minimum=-1)


def test_request_checks():
    r = Request(employee="A", start=date(2026, 4, 1), end=date(2026, 4, 3),
                kind=RequestKind.unavailable)
    assert r.days() == [date(2026, 4, 1), date(2026, 4, 2), date(2026, 4, 3)]
    with pytest.raises(ValidationError, match="ends before it starts"):
        Request(employee="A", start=date(2026, 4, 2), end=date(2026, 4, 1),
                kind=RequestKind.day_off)
    with pytest.raises(ValidationError, match="needs a shift code"):
        Request(employee="A", start=date(2026, 4, 2), end=date(2026, 4, 2),
                kind=RequestKind.shift_wish)


def test_history_and_work_periods_need_aware_ordered_times():
    s, e = datetime(2026, 3, 31, 22, tzinfo=TZ), datetime(2026, 4, 1, 8, tzinfo=TZ)
    HistoryPeriod(employee="A", start=s, end=e)
    with pytest.raises(ValidationError, match="ends before it starts"):
        HistoryPeriod(employee="A", start=e, end=s)
    with pytest.raises(ValidationError, match="timezone-aware"):
        HistoryPeriod(employee="A", start=s.replace(tzinfo=None), end=e.replace(tzinfo=None))
    with pytest.raises(ValidationError):
        WorkPeriod(employee="A", start=s, end=s)
    wp = WorkPeriod(employee="A", start=s, end=e, break_minutes=30, break_counts_as_work=False)
    assert wp.elapsed_minutes == 600 and wp.work_minutes == 570
    assert WorkPeriod(employee="A", start=s, end=e, break_minutes=None).work_minutes == 600


def test_settings_horizon():
    assert (APRIL.start, APRIL.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert len(Settings.for_month(2028, 2).days()) == 29
    Settings(start=date(2026, 1, 1), end=date(2026, 1, 1))
    Settings(start=date(2026, 1, 1), end=date(2027, 2, 5))  # exactly 400 days
    with pytest.raises(ValidationError, match="longer than 400 days"):
        Settings(start=date(2026, 1, 1), end=date(2027, 2, 6))
    with pytest.raises(ValidationError, match="ends before it starts"):
        Settings(start=date(2026, 4, 2), end=date(2026, 4, 1))
    with pytest.raises(ValidationError):
        Settings(start=date(2026, 4, 1), end=date(2026, 4, 2), week_start=7)


def problem(**kw) -> Problem:
    base = {"settings": APRIL, "shifts": (D, N), "employees": (Employee(id="A"),)}
    return Problem(**{**base, **kw})


def test_problem_references():
    p = problem(fixed=(FixedAssignment(employee="A", day=date(2026, 4, 1), shift="OFF"),))
    assert p.shift("N") is N and p.employee("A").id == "A"
    bad = {
        "shifts": (D, D),
        "employees": (Employee(id="A"), Employee(id="A")),
        "demand": (DemandItem(day=date(2026, 4, 1), shift="X", minimum=1),),
        "requests": (Request(employee="Z", start=date(2026, 4, 1), end=date(2026, 4, 1),
                             kind=RequestKind.day_off),),
        "fixed": (FixedAssignment(employee="A", day=date(2026, 4, 1), shift="Q"),),
        "agreements": (Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL, employee="Z"),),
    }
    messages = {
        "shifts": "duplicate shift code",
        "employees": "duplicate employee id",
        "demand": "demand names unknown shift 'X'",
        "requests": "request names unknown employee 'Z'",
        "fixed": "fixed assignment names unknown shift 'Q'",
        "agreements": "agreement names unknown employee 'Z'",
    }
    for key, value in bad.items():
        with pytest.raises(ValidationError, match=messages[key]):
            problem(**{key: value})


def test_roster_from_assignments():
    p = problem()
    r = roster_from_assignments(p, {("A", date(2026, 4, 2)): "N", ("A", date(2026, 4, 1)): "D"})
    assert isinstance(r, Roster)
    assert [(x.shift, x.start.isoformat()) for x in r.for_employee("A")] == [
        ("D", "2026-04-01T07:30:00+02:00"), ("N", "2026-04-02T22:00:00+02:00")]
    assert r.periods[1].break_counts_as_work is False
