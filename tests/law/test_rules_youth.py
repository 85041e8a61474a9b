"""Chapter 11 (under-18s): hours, night, daily and weekly rest, breaks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from constraints.base import CheckContext, Finding
from constraints.checker import run_check
from constraints.youth.check import CHECKS, Group, group_on
from scheduler.model import Employee, WorkPeriod
from tests.rosterkit import employee, lasting, period, roster, settings

HOURS, NIGHT = "AML-11-2-youth-hours", "AML-11-3-youth-night"
DREST, WREST, BREAK = "AML-11-5-youth-daily-rest", "AML-11-5-youth-weekly-rest", "AML-11-5-1-youth-break"
WEEK = settings("2026-04-13", "2026-04-19")
MON = date(2026, 4, 13)
TEEN = employee("Y", under_18=True)
PUPIL = employee("Y", under_18=True, in_school=True)
ADULT = employee("Y")


def run(rule: str, e: Employee, *periods: WorkPeriod, s=WEEK) -> list[Finding]:
    return CHECKS[rule](CheckContext(settings=s, roster=roster(*periods), employees={e.id: e}))


def test_groups_from_birth_date_and_flags():
    assert group_on(employee("A", birth_date=date(2011, 6, 1)), date(2026, 5, 31)) == Group.child
    assert group_on(employee("A", birth_date=date(2011, 6, 1)), date(2026, 6, 1)) == Group.teen
    assert group_on(employee("A", birth_date=date(2008, 4, 14)), date(2026, 4, 13)) == Group.teen
    assert group_on(employee("A", birth_date=date(2008, 4, 14)), date(2026, 4, 14)) is None
    assert group_on(PUPIL, MON) == Group.child and group_on(ADULT, MON) is None


@pytest.mark.parametrize(("e", "limit"), [(TEEN, 8.0), (PUPIL, 2.0)])
def test_hours_per_day(e, limit):
    for delta, expected in ((0, 0), (-1, 0), (1, 1)):
        p = lasting("Y", "2026-04-14 10:00", (limit * 60 + delta) / 60, break_minutes=30)
        fs = run(HOURS, e, p)
        assert len(fs) == expected, (e.in_school, delta, fs)
        if expected:
            assert fs[0].limit == limit and fs[0].window_start == p.start
    assert run(HOURS, ADULT, lasting("Y", "2026-04-14 07:00", 9)) == []


@pytest.mark.parametrize(("e", "per_day", "limit"), [(TEEN, 8.0, 40.0), (PUPIL, 2.0, 12.0)])
def test_hours_per_week(e, per_day, limit):
    days = int(limit // per_day)  # 5 or 6 days at the daily maximum = the weekly limit
    ps = [lasting("Y", f"{MON + timedelta(days=d)} 10:00", per_day) for d in range(days)]
    assert run(HOURS, e, *ps) == []
    ps.append(lasting("Y", f"{MON + timedelta(days=days)} 10:00", 1 / 60))
    fs = run(HOURS, e, *ps)
    assert len(fs) == 1 and fs[0].limit == limit and fs[0].window_start.date() == MON


def test_night_work_teen_and_child():
    late = period("Y", "2026-04-14 16:00", "2026-04-14 23:00")
    assert run(NIGHT, TEEN, late) == []
    fs = run(NIGHT, TEEN, period("Y", "2026-04-14 16:00", "2026-04-14 23:01"))
    assert len(fs) == 1 and fs[0].window_start.hour == 23
    fs = run(NIGHT, PUPIL, period("Y", "2026-04-14 19:00", "2026-04-14 20:01"))
    assert len(fs) == 1 and fs[0].window_start.hour == 20
    assert run(NIGHT, PUPIL, period("Y", "2026-04-14 19:00", "2026-04-14 20:00")) == []
    assert run(NIGHT, ADULT, period("Y", "2026-04-14 22:00", "2026-04-15 06:00")) == []


def test_teen_needs_eight_hours_off_around_the_night():
    ps = [period("Y", "2026-04-14 16:00", "2026-04-14 22:00"),
          period("Y", "2026-04-15 06:00", "2026-04-15 08:00")]
    assert run(NIGHT, TEEN, *ps) == []  # exactly 8 h off
    ps[0] = period("Y", "2026-04-14 16:00", "2026-04-14 22:01")
    fs = run(NIGHT, TEEN, *ps)
    assert len(fs) == 1 and fs[0].measured == pytest.approx(7.98, abs=0.01)


def test_teen_late_evening_only_where_night_work_is_not_permitted():
    p = period("Y", "2026-04-14 17:00", "2026-04-14 22:00")
    assert run(NIGHT, TEEN, p) == []
    s = settings("2026-04-13", "2026-04-19", night_work_permitted_by_nature=False)
    fs = run(NIGHT, TEEN, p, s=s)
    assert len(fs) == 1 and fs[0].window_start.hour == 21 and fs[0].measured == 1.0


@pytest.mark.parametrize(("e", "need"), [(TEEN, 12.0), (PUPIL, 14.0)])
def test_daily_rest(e, need):
    first = period("Y", "2026-04-14 07:00", "2026-04-14 08:00")
    for delta, expected in ((0, 0), (1, 0), (-1, 1)):
        start = first.end + timedelta(minutes=round(need * 60) + delta)
        nxt = WorkPeriod(employee="Y", start=start, end=start + timedelta(hours=1))
        fs = run(DREST, e, first, nxt)
        assert len(fs) == expected, (need, delta, fs)
        if expected:
            assert fs[0].window_start == first.start and fs[0].limit == need


def test_weekly_rest_48_hours():
    # Work Mon-Fri 10:00-11:00 then Sat 11:00-12:00: off from Sat 12:00 to Mon 00:00 is 36 h,
    # the longest off stretch in the week.
    ps = [period("Y", f"{MON + timedelta(days=d)} 10:00", f"{MON + timedelta(days=d)} 11:00")
          for d in range(5)]
    assert run(WREST, TEEN, *ps) == []  # Fri 11:00 -> Mon 00:00 = 61 h
    fs = run(WREST, TEEN, *ps, period("Y", "2026-04-18 11:00", "2026-04-18 12:00"))
    assert len(fs) == 1 and fs[0].measured == 36.0 and fs[0].limit == 48.0
    # Exactly 48 h: the last shift ends Sat 00:00.
    assert run(WREST, TEEN, *ps, period("Y", "2026-04-17 22:00", "2026-04-18 00:00")) == []
    assert run(WREST, ADULT, *ps, period("Y", "2026-04-18 11:00", "2026-04-18 12:00")) == []


@pytest.mark.parametrize(
    ("minutes", "brk", "expected"), [(270, 0, 0), (271, 29, 1), (271, 30, 0), (300, None, 0)]
)
def test_youth_break(minutes, brk, expected):
    fs = run(BREAK, TEEN, lasting("Y", "2026-04-14 09:00", minutes / 60, break_minutes=brk))
    assert len(fs) == expected


def test_youth_rules_still_apply_to_an_exempt_minor():
    e = employee("Y", under_18=True, exempt_10_12=True)
    rep = run_check(WEEK, roster(period("Y", "2026-04-14 09:00", "2026-04-14 19:00", break_minutes=0)),
                    employees=[e])
    rules = {f.rule for f in rep.findings if f.employee == "Y"}
    assert HOURS in rules and BREAK in rules
    assert "AML-10-4-1-daily-normal" not in rules and "AML-10-9-1-break-required" not in rules
