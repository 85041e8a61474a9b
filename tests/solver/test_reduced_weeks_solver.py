"""The solver plans within the reduced weeks of § 10-4 (4), (5), (6) (the checks: tests/law/test_rules_reduced_weeks.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from constraints.base import CheckContext
from constraints.checker import check_problem
from constraints.kernel.reduced_week import reduced_week
from scheduler.clock import TZ
from scheduler.model import (
    DemandItem,
    Employee,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solver import solve
from tests import budgets
from tests.law.test_rules_reduced_weeks import W6
from tests.rosterkit import agreement


def _problem(**kw) -> Problem:
    s = Settings(start=date(2026, 4, 13), end=date(2026, 4, 26), **kw)
    night = ShiftType(code="N", start=time(22, 0), end=time(6, 0), break_minutes=30)
    day = ShiftType(code="D", start=time(7, 0), end=time(16, 0), break_minutes=30)
    demand = [DemandItem(day=d, shift=c, minimum=0, target=1) for d in s.days() for c in "ND"]
    return Problem(settings=s, shifts=(night, day), employees=(Employee(id="E"),),
                   demand=tuple(demand))


@pytest.mark.parametrize("kw", [{}, {"continuous_rota": False}, {"rota_10_4_4": True},
                                {"continuous_rota": True}])
def test_solver_roster_passes_the_reduced_weeks(kw):
    p = _problem(**kw)
    sol = solve(p, budgets.options(0.2, seed=1))  # optimal at 0.007 units at most
    assert sol.has_roster
    rep = check_problem(p, sol.roster)
    assert [f for f in rep.violations if f.rule.startswith("AML-10-4")] == []
    # The target asks for more than any legal week: the plan uses the reduced room.
    hours = sum(p_.work_minutes for p_ in sol.roster.periods) / 60
    assert hours > 40


@pytest.mark.parametrize(("k_minutes", "legal"), [(133, True), (132, True), (134, False)])
def test_solver_plans_the_exact_three_shift_week(k_minutes, legal):
    """§ 10-4 (6) in post matches the checker: a three-shift week between 36 h and 38 h.

    Two weeks; nights Tue and Thu of week 1 (960 night minutes of a 1,240.4-minute threshold),
    day shifts on both Sundays (the Sunday share is full; breaks count as work), so the (6) week
    is 38 h - (0.7739 + 1) h = 36.226 h = 2,173.6 min. Week 1 pins 2 × 480 + 2 × 540 and a
    short shift of ``k_minutes``: 2,173 (within, above the old 36 h cap), 2,172 (just under),
    2,174 (just over: infeasible)."""
    from scheduler.model import FixedAssignment

    s = Settings(start=date(2026, 4, 13), end=date(2026, 4, 26),
                 sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True)
    night = ShiftType(code="N", start=time(22, 0), end=time(6, 0), break_minutes=30)
    day = ShiftType(code="D", start=time(7, 0), end=time(16, 0), break_minutes=30)
    k = ShiftType(code="K", start=time(17, 0), end=time(17 + k_minutes // 60, k_minutes % 60))
    pins = [("2026-04-14", "N"), ("2026-04-15", "K"), ("2026-04-16", "N"), ("2026-04-18", "D"),
            ("2026-04-19", "D"), ("2026-04-26", "D")]
    fixed = tuple(FixedAssignment(employee="E", day=date.fromisoformat(d), shift=c)
                  for d, c in pins)
    p = Problem(settings=s, shifts=(night, day, k), employees=(Employee(id="E"),),
                fixed=fixed, agreements=(agreement("10-8", Tier.T2_INDIVIDUAL, "E",
                                                   red_days_in_a_row=3),))
    sol = solve(p, budgets.options(0.2, seed=1))
    assert sol.has_roster is legal
    if legal:
        rep = check_problem(p, sol.roster)
        assert rep.violations == [], [f.message for f in rep.violations]
        red = reduced_week(CheckContext(settings=s, roster=sol.roster), "E")
        assert red.rule == W6 and red.limit == pytest.approx(36.226, abs=1e-3)
        assert sum(x.work_minutes for x in sol.roster.periods
                   if x.start.date() < date(2026, 4, 20)) == 2040 + k_minutes
    else:
        assert any(c.rule == W6 for c in sol.conflicts), sol.conflicts


def _history_week(hours_each_day: int) -> tuple[HistoryPeriod, ...]:
    """Mon 23 - Fri 27 March 2026: 07:00-15:00 planned (30 min break counted as work) and
    one hour of overtime after it, before a horizon that starts on Saturday 28 March."""
    out = []
    for day in range(23, 28):
        start = datetime(2026, 3, day, 7, tzinfo=TZ)
        out.append(HistoryPeriod(employee="H", start=start, end=start + timedelta(hours=8),
                                 kind=PeriodKind.planned, break_minutes=30))
        out.append(HistoryPeriod(employee="H", start=start + timedelta(hours=8),
                                 end=start + timedelta(hours=8 + hours_each_day),
                                 kind=PeriodKind.overtime))
    return tuple(out)


def test_a_night_in_the_horizon_lowers_the_week_history_fills():
    """Found by the fuzz run: History fills the week the horizon starts in with 40 planned
    hours. A night shift anywhere in the plan makes it three-shift rota work (§ 10-4 (6), over
    3/4 of its hours at night), which lowers that week's limit below the 40 hours History
    already has: the employee with that History must not take the night; the other may."""
    s = Settings(start=date(2026, 3, 28), end=date(2026, 4, 6))
    night = ShiftType(code="N", start=time(22, 15), end=time(7, 15), break_minutes=45)
    p = Problem(settings=s, shifts=(night,), employees=(Employee(id="H"), Employee(id="F")),
                demand=(DemandItem(day=date(2026, 4, 6), shift="N", minimum=0, target=1),),
                history=_history_week(1))
    sol = solve(p, budgets.options(0.6, seed=11))
    assert sol.has_roster
    assert check_problem(p, sol.roster).violations == []
    assert [(a.employee, a.shift) for a in sol.assignments] == [("F", "N")]
