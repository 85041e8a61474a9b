"""Overtime and extra hours as priced decisions (``SolveOptions.allow_overtime``).

Caps are tested exactly at the limit and one minute over it, for T0 (10 / 25 / 200 h) and T3
(20 / 50 / 300 h), with history and the year-to-date figure carried in; the checker must count
exactly the overtime the model counted and find no violation. One week, 8-14 June 2026: it lies
in the 4-week block 18 May - 14 June and the 52-week block from 29 December 2025.
"""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from scheduler.headroom import headroom
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    PeriodKind,
    Problem,
    ShiftType,
    Tier,
)
from scheduler.solution import Solution
from scheduler.solver import solve
from scheduler.solver.build import build
from tests.solver.overtime_kit import (
    MON,
    NO_OT,
    OT,
    T3,
    D,
    X,
    _checker_ot,
    _clean,
    _one_minute_longer,
    _ot_history,
    _settings,
    _ten_hours,
    _twenty_hours,
    _week,
)

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
