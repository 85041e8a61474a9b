"""Spec section 15, fixtures 1, 6 and 7 (hour limits), run through the whole checker."""

from __future__ import annotations

from datetime import date, timedelta

from constraints.checker import run_check
from scheduler.model import Tier
from tests.rosterkit import agreement, employee, lasting, period, roster, settings

WEEK = settings("2026-04-13", "2026-04-19")
MON = date(2026, 4, 13)


def _violations(rep, rule):
    return [f for f in rep.violations if f.rule == rule]


def test_fixture_1_night_shift_needs_t2():
    r = roster(period("N", "2026-04-14 22:00", "2026-04-15 08:00", break_minutes=30))
    rep = run_check(WEEK, r)
    fs = _violations(rep, "AML-10-4-1-daily-normal")
    assert len(fs) == 1
    assert fs[0].measured == 10.0 and fs[0].limit == 9.0
    assert fs[0].allowed_by == Tier.T2_INDIVIDUAL
    rep = run_check(WEEK, r, agreements=[agreement("10-5", Tier.T2_INDIVIDUAL, "N")])
    assert _violations(rep, "AML-10-4-1-daily-normal") == []


def test_fixture_6_total_above_69_in_one_week():
    ps = []
    for d in range(6):  # 6 x 9 h = 54 h normal
        ps.append(period("E", f"{MON + timedelta(days=d)} 06:00", f"{MON + timedelta(days=d)} 15:00",
                         break_minutes=30))
    for d in range(4):  # 4 x 4 h = 16 h overtime straight after the shift
        ps.append(period("E", f"{MON + timedelta(days=d)} 15:00", f"{MON + timedelta(days=d)} 19:00",
                         kind="overtime", break_minutes=30))
    ags = [agreement("10-5", Tier.T3_TARIFF_REPS, "E"), agreement("10-6", Tier.T3_TARIFF_REPS, "E")]
    rep = run_check(WEEK, roster(*ps), agreements=ags, employees=[employee("E", overtime_consent=True)])
    fs = _violations(rep, "AML-10-6-8-total-max-week")
    assert len(fs) == 1
    assert fs[0].measured == 70.0 and fs[0].limit == 69.0
    assert fs[0].window_start.date() == MON and fs[0].window_end.date() == MON + timedelta(days=7)
    for rule in ("AML-10-4-1-daily-normal", "AML-10-4-1-weekly-normal", "AML-10-6-4-ot-7d",
                 "AML-10-6-8-total-24h", "AML-10-6-7-consent"):
        assert _violations(rep, rule) == [], rule


def test_fixture_7_eleven_hours_overtime_without_t3():
    ps = [period("E", f"{MON + timedelta(days=d)} 07:00", f"{MON + timedelta(days=d)} 15:00",
                 break_minutes=30) for d in range(5)]
    # 12 h of overtime, of which two § 10-9 (2) breaks of 30 min do not count: 11 h.
    ps += [lasting("E", f"{MON + timedelta(days=d)} 15:00", h, kind="overtime", break_minutes=30)
           for d, h in enumerate((3, 3, 2, 2, 2))]
    emps = [employee("E", overtime_consent=True)]
    rep = run_check(WEEK, roster(*ps), employees=emps)
    fs = _violations(rep, "AML-10-6-4-ot-7d")
    assert len(fs) == 1
    assert fs[0].measured == 11.0 and fs[0].limit == 10.0
    assert fs[0].allowed_by == Tier.T3_TARIFF_REPS
    rep = run_check(WEEK, roster(*ps), employees=emps,
                    agreements=[agreement("10-6", Tier.T3_TARIFF_REPS)])
    assert _violations(rep, "AML-10-6-4-ot-7d") == []
