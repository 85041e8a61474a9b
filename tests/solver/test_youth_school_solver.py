"""The solver plans a pupil's school days under § 11-2 (the checks: tests/law/test_rules_youth_school.py)."""

from __future__ import annotations

from datetime import date, time

from constraints.checker import check_problem
from scheduler.model import (
    DemandItem,
    Problem,
    Settings,
    ShiftType,
)
from scheduler.solver import solve
from tests import budgets
from tests.law.test_rules_youth_school import PUPIL


def test_solver_gives_a_pupil_7_hours_on_saturday_and_2_on_a_school_day():
    s = Settings(start=date(2026, 4, 13), end=date(2026, 4, 19), allow_overtime=True,
                 sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True)
    short = ShiftType(code="K", start=time(16, 0), end=time(18, 0))
    sat = ShiftType(code="L", start=time(9, 0), end=time(16, 0), break_minutes=30)
    demand = [DemandItem(day=date(2026, 4, d), shift="K", minimum=1) for d in (13, 15)]
    demand += [DemandItem(day=date(2026, 4, 18), shift="L", minimum=1),
               DemandItem(day=date(2026, 4, 14), shift="L", minimum=1)]
    p = Problem(settings=s, shifts=(short, sat), employees=(PUPIL,), demand=tuple(demand))
    sol = solve(p, budgets.options(0.1, seed=1))  # optimal at 0.000 units
    got = {(a.day, a.shift) for a in sol.assignments}
    assert (date(2026, 4, 18), "L") in got  # 7 h on a Saturday
    assert (date(2026, 4, 14), "L") not in got  # 7 h on a school day: never
    assert (date(2026, 4, 13), "K") in got and (date(2026, 4, 15), "K") in got  # 11 h <= 12
    assert sol.overtime_hours == 0
    rep = check_problem(p, sol.roster)
    assert rep.violations == [], [f.message for f in rep.violations]
