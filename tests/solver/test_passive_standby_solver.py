"""The solver plans § 10-4 (2) passive time and § 10-4 (3) on call as the checker counts them (the checks: tests/law/test_rules_passive_standby.py)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from constraints.base import CheckContext
from constraints.checker import check_problem
from scheduler.model import (
    DemandItem,
    Employee,
    OnCall,
    Problem,
    Settings,
    ShiftType,
)
from scheduler.solver import solve
from tests import budgets
from tests.rosterkit import agreement


def _problem(shift: ShiftType, nights: int) -> Problem:
    s = Settings(start=date(2026, 4, 13), end=date(2026, 4, 19),
                 night_work_permitted_by_nature=True, sunday_work_permitted_by_nature=True)
    demand = [DemandItem(day=s.start + timedelta(days=i), shift=shift.code, minimum=1)
              for i in range(nights)]
    return Problem(settings=s, shifts=(shift,), employees=(Employee(id="E"),),
                   demand=tuple(demand))


@pytest.mark.parametrize(("passive", "planned"), [(240, 4), (0, 0)])
def test_solver_plans_sleeping_nights_within_the_extension(passive, planned):
    # 22:00-09:00 is 11 h: legal only with 4 h passive (9 h + 2 h).
    sleep = ShiftType(code="S", start=time(22), end=time(9), break_minutes=30,
                      passive_minutes=passive)
    p = _problem(sleep, 4)
    sol = solve(p, budgets.options(0.1, seed=1))  # optimal at 0.000 units
    assert len(sol.assignments) == planned
    rep = check_problem(p, sol.roster)
    assert [f for f in rep.violations if f.rule.startswith("AML-10-4")] == []


@pytest.mark.parametrize(("consent", "planned"), [(True, 3), (False, 0)])
def test_solver_plans_13_hour_sleeping_shifts_only_with_a_t5_consent(consent, planned):
    # 20:00-09:00 with a 30 min paid break: 13 h, 2 h passive (9 h + 1 h without consent).
    sleep = ShiftType(code="S", start=time(20), end=time(9), break_minutes=30,
                      break_counts_as_work=True, passive_minutes=120)
    p = _problem(sleep, 3)
    if consent:
        p = p.model_copy(update={"agreements": (agreement("10-4", "T5_ARBEIDSTILSYNET", "E"),)})
    sol = solve(p, budgets.options(0.1, seed=1))
    assert len(sol.assignments) == planned
    rep = check_problem(p, sol.roster)
    assert [f.rule for f in rep.violations] == []


def test_solver_counts_on_call_from_home_at_one_seventh():
    # Five evening on-calls from home, 16:00-23:00: 60 min each counts (7 h / 7).
    oncall = ShiftType(code="H", start=time(16), end=time(23), on_call=OnCall.home)
    p = _problem(oncall, 5)
    sol = solve(p, budgets.options(0.1, seed=1))  # optimal at 0.000 units
    assert len(sol.assignments) == 5
    assert all(x.on_call == OnCall.home for x in sol.roster.periods)
    ctx = CheckContext(settings=p.settings, roster=sol.roster)
    assert sum(s.work for s in ctx.timelines["E"]) == 5 * 60
    rep = check_problem(p, sol.roster)
    assert [f.rule for f in rep.violations] == []


def test_solver_counts_each_employees_own_share():
    # 08:00-20:00 on call from home: F (1/7) counts 1.7 h, E (a stricter row: all of it) 12 h,
    # above the 9 h day, so only F may take it, although the geometry counts E's share.
    oncall = ShiftType(code="H", start=time(8), end=time(20), on_call=OnCall.home)
    p = _problem(oncall, 5)
    p = p.model_copy(update={
        "employees": (Employee(id="E"), Employee(id="F")),
        "agreements": (agreement("10-4", "T0_DEFAULT", "E", standby_share=1.0),),
    })
    sol = solve(p, budgets.options(0.1, seed=1))
    assert sorted({a.employee for a in sol.assignments}) == ["F"] and len(sol.assignments) == 5
    rep = check_problem(p, sol.roster)
    assert [f.rule for f in rep.violations] == []


def test_solver_scales_a_lower_share_back_from_the_strictest():
    # 08:00-20:00 on call from home; F's row counts all of it (the geometry's share), E's T3
    # share of 0 counts nothing: E may take every one (no 9 h day, no break needed), F none.
    oncall = ShiftType(code="H", start=time(8), end=time(20), on_call=OnCall.home)
    p = _problem(oncall, 5).model_copy(update={
        "employees": (Employee(id="E"), Employee(id="F")),
        "agreements": (agreement("10-4", "T3_TARIFF_REPS", "E", standby_share=0.0),
                       agreement("10-4", "T0_DEFAULT", "F", standby_share=1.0)),
    })
    sol = solve(p, budgets.options(0.1, seed=1))
    assert sorted({a.employee for a in sol.assignments}) == ["E"] and len(sol.assignments) == 5
    rep = check_problem(p, sol.roster)
    assert [f.rule for f in rep.violations] == []
    assert sum(x.work for x in CheckContext(settings=p.settings, roster=sol.roster,
                                            agreements=p.agreements).timelines["E"]) == 0
