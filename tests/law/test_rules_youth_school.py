"""§ 11-2 school days for children, and no overtime for under-18s (``AML-11-youth-overtime``)."""

from __future__ import annotations

from datetime import date

import pytest

from constraints.base import CheckContext, Finding
from constraints.youth.check import CHECKS, school_day
from scheduler.model import (
    Employee,
    PeriodKind,
    Settings,
    WorkPeriod,
)
from tests.rosterkit import employee, lasting, period, roster, settings

HOURS = "AML-11-2-youth-hours"
OVERTIME = "AML-11-youth-overtime"
PUPIL = employee("P", under_18=True, in_school=True)
TEEN = employee("T", under_18=True)
# Mon 13 - Sun 19 Apr 2026: no public holiday.
WEEK = settings("2026-04-13", "2026-04-19")
AUTUMN_BREAK = ((date(2026, 4, 13), date(2026, 4, 17)),)  # a school-free week


def run(rule: str, s: Settings, *periods: WorkPeriod, emp: Employee = PUPIL) -> list[Finding]:
    ctx = CheckContext(settings=s, roster=roster(*periods), employees={emp.id: emp})
    return CHECKS[rule](ctx)


def test_school_day_calendar():
    s = WEEK.model_copy(update={"school_holidays": ((date(2026, 4, 15), date(2026, 4, 15)),)})
    assert [school_day(s, date(2026, 4, d)) for d in range(13, 20)] == [
        True, True, False, True, True, False, False]
    assert not school_day(s, date(2026, 5, 14))  # Ascension Day (a Thursday)
    assert not school_day(s, date(2026, 5, 1))  # 1 May (a Friday)


@pytest.mark.parametrize(
    ("day", "limit"),
    [("2026-04-14", 2.0), ("2026-04-18", 7.0), ("2026-04-19", 7.0)],  # Tue, Sat, Sun
)
def test_child_day_limit_school_day_and_weekend_at_under_over(day, limit):
    for delta, expected in ((0, 0), (-1, 0), (1, 1)):
        p = lasting("P", f"{day} 10:00", (limit * 60 + delta) / 60)
        fs = run(HOURS, WEEK, p)
        assert len(fs) == expected, (day, delta, fs)
        if expected:
            assert fs[0].limit == limit


def test_child_day_limit_in_school_holidays_and_on_a_public_holiday():
    s = WEEK.model_copy(update={"school_holidays": AUTUMN_BREAK})
    assert run(HOURS, s, lasting("P", "2026-04-14 09:00", 7)) == []
    fs = run(HOURS, s, lasting("P", "2026-04-14 09:00", 7 + 1 / 60))
    assert len(fs) == 1 and fs[0].limit == 7.0
    ascension = settings("2026-05-11", "2026-05-17")
    assert run(HOURS, ascension, lasting("P", "2026-05-14 09:00", 7)) == []


def _week_of(minutes_per_day: list[int]) -> list[WorkPeriod]:
    return [lasting("P", f"2026-04-{13 + i} 09:00", m / 60)
            for i, m in enumerate(minutes_per_day) if m]


def test_child_week_limit_with_teaching_at_under_over():
    # 2 h on each school day = 10 h, plus Saturday: the week has teaching -> 12 h.
    for sat, expected in ((120, 0), (119, 0), (121, 1)):
        fs = run(HOURS, WEEK, *_week_of([120] * 5 + [sat]))
        weekly = [f for f in fs if f.limit == 12.0]
        assert len(fs) == len(weekly) == expected, fs


def test_child_week_limit_without_teaching_at_under_over():
    s = WEEK.model_copy(update={"school_holidays": AUTUMN_BREAK})
    for last, expected in ((0, 0), (-1, 0), (1, 1)):
        fs = run(HOURS, s, *_week_of([7 * 60] * 4 + [7 * 60 + last - 60, 60]))
        assert len(fs) == expected, fs
        if expected:
            assert fs[0].limit == 35.0


def test_teen_limits_do_not_depend_on_school_days():
    fs = run(HOURS, WEEK, lasting("T", "2026-04-18 08:00", 8), emp=TEEN)
    assert fs == []
    assert len(run(HOURS, WEEK, lasting("T", "2026-04-14 08:00", 8 + 1 / 60), emp=TEEN)) == 1


# ------------------------------------------------------------------------------------------
# Overtime


@pytest.mark.parametrize(("emp", "expected"), [(TEEN, 1), (employee("A"), 0)])
def test_overtime_for_an_under_18_is_a_violation(emp, expected):
    ps = [period(emp.id, "2026-04-14 08:00", "2026-04-14 12:00"),
          period(emp.id, "2026-04-14 12:00", "2026-04-14 12:01", kind=PeriodKind.overtime)]
    fs = run(OVERTIME, WEEK, *ps, emp=emp)
    assert len(fs) == expected
    if expected:
        assert fs[0].measured == pytest.approx(1 / 60, abs=0.01) and fs[0].limit == 0.0


def test_no_overtime_finding_for_extra_hours_or_after_the_18th_birthday():
    extra = period("T", "2026-04-14 12:00", "2026-04-14 13:00", kind=PeriodKind.extra)
    assert run(OVERTIME, WEEK, extra, emp=TEEN) == []
    turns = employee("B", birth_date=date(2008, 4, 15))  # 18 on Wednesday 15 April 2026
    ot = [period("B", f"2026-04-{d} 12:00", f"2026-04-{d} 13:00", kind=PeriodKind.overtime)
          for d in (14, 15)]
    fs = run(OVERTIME, WEEK, *ot, emp=turns)
    assert [f.window_start.day for f in fs] == [14]



# ------------------------------------------------------------------------------------------
# The Settings keys of the workbook


def test_workbook_settings_keys_for_the_new_rules(make_xlsx):
    from scheduler.io.read.workbook import read_problem
    from tests.conftest import base_sheets

    sheets = base_sheets()
    sheets["Settings"] = [
        ["month", "2026-04"], ["Skoleferier", "2026-04-06..2026-04-10; 2026-06-19"],
        ["Turnus 10-4 (4)", "ja"], ["continuous_rota", "no"], ["presume_breaks", "yes"],
    ]
    s = read_problem(make_xlsx(sheets)).settings
    assert s.school_holidays == ((date(2026, 4, 6), date(2026, 4, 10)),
                                 (date(2026, 6, 19), date(2026, 6, 19)))
    assert s.rota_10_4_4 and s.continuous_rota is False and s.presume_breaks


def test_workbook_school_holidays_that_end_before_they_start_are_an_input_error(make_xlsx):
    from scheduler.errors import InputError
    from scheduler.io.read.workbook import read_problem
    from tests.conftest import base_sheets

    sheets = base_sheets()
    sheets["Settings"] = [["month", "2026-04"], ["school_holidays", "2026-04-10..2026-04-06"]]
    with pytest.raises(InputError) as exc:
        read_problem(make_xlsx(sheets))
    assert any("ends before it starts" in i.message and i.cell == "B2" for i in exc.value.issues)
