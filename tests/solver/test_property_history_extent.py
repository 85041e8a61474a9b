"""Property: History may reach back any distance, differently per employee (issue #22, item 2).

The averaging caps (§ 10-4 8-week block, § 10-5 period) tile fixed blocks from each employee's
earliest History day. A memo once shared the per-cell block indexes between employees whose
History started in different blocks: one History day before a block boundary dropped that
employee's cap (the roster then failed the checker), and the other order crashed with
``IndexError``. Whatever History each employee has, ``solve`` must not crash and its roster must
pass the checker (beyond what History alone already breaks).
"""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constraints.checker import check_problem
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    HistoryPeriod,
    Problem,
    Roster,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solver import solve
from tests import budgets

DAY = ShiftType(code="D", start=time(7, 0), end=time(15, 30), break_minutes=30)  # 8 h of work
# 2026's 8-week blocks start 29 Dec 2025, 23 Feb, 20 Apr, 15 Jun, 10 Aug, 5 Oct, 30 Nov; the
# 52-week § 10-5 period turns on 28 Dec 2026. Each start puts a boundary within 70 days back.
STARTS = (date(2026, 7, 22), date(2026, 6, 17), date(2026, 8, 12), date(2027, 1, 4))


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    start = draw(st.sampled_from(STARTS))
    s = Settings(start=start, end=start + timedelta(days=draw(st.integers(6, 13))))
    n = draw(st.integers(2, 4))
    emps = tuple(Employee(id=f"E{i}") for i in range(n))
    history = []
    for e in emps:
        back = draw(st.integers(0, 70))  # 0: no History at all
        rest_every = draw(st.sampled_from([7, 4, 3]))  # one day off in so many
        for k in range(1, back + 1):
            if k % rest_every and (k == back or draw(st.integers(0, 5)) > 0):
                a, b = DAY.interval_on(start - timedelta(days=k))
                history.append(HistoryPeriod(employee=e.id, start=a, end=b))
    demand = tuple(DemandItem(day=d, shift="D", skill="", minimum=0, target=n) for d in s.days())
    tier = draw(st.sampled_from([Tier.T2_INDIVIDUAL, Tier.T3_TARIFF_REPS]))
    limit = draw(st.sampled_from([40.0, 44.0, 48.0]))
    agreement = Agreement(family="10-5", tier=tier, params={"weekly_limit_hours": limit})
    return Problem(settings=s, shifts=(DAY,), employees=emps, demand=demand,
                   history=tuple(history), agreements=(agreement,))


def _key(f) -> tuple:  # noqa: ANN001
    return (f.rule, f.employee, f.window_start, f.window_end)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(problems())
def test_any_history_extent_solves_to_a_checked_roster(problem: Problem) -> None:
    sol = solve(problem, budgets.options(0.2, seed=1))  # 30 examples: optimal at <= 0.001
    assert sol.status != "MODEL_INVALID"
    assert sol.has_roster, sol.conflicts  # demand has no minimum: an empty roster is valid
    baseline = {_key(f) for f in check_problem(problem, Roster(periods=())).violations}
    new = [f for f in check_problem(problem, sol.roster).violations if _key(f) not in baseline]
    assert new == [], [f"{f.rule} {f.employee}: {f.message}" for f in new]


def _two(backs: tuple[int, int]) -> Problem:
    """E0 and E1 worked six days a week since 15 June (a block start); ``back`` > 37 adds one
    History day that many days before 22 July 2026, in the block before (0: none)."""
    start = date(2026, 7, 22)
    s = Settings(start=start, end=start + timedelta(days=13))
    emps = (Employee(id="E0"), Employee(id="E1"))
    history = []
    for e, back in zip(emps, backs, strict=True):
        for k in [k for k in range(1, 38) if k % 7] + ([back] if back else []):
            a, b = DAY.interval_on(start - timedelta(days=k))
            history.append(HistoryPeriod(employee=e.id, start=a, end=b))
    demand = tuple(DemandItem(day=d, shift="D", skill="", minimum=1, target=2) for d in s.days())
    agreement = Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL,
                          params={"weekly_limit_hours": 40.0})
    return Problem(settings=s, shifts=(DAY,), employees=emps, demand=demand,
                   history=tuple(history), agreements=(agreement,))


def test_earlier_history_for_the_second_employee_keeps_its_cap() -> None:
    problem = _two((0, 40))  # used to drop E1's 8-week cap: 10 D shifts, 336 h in the block
    sol = solve(problem, budgets.options(0.2, seed=1))  # optimal at 0.001 units
    assert sol.has_roster
    assert check_problem(problem, sol.roster).violations == []
    # the cap binds: 256 h of History in the 15 June block leaves 64 h, eight D shifts
    assert sum(1 for a in sol.assignments if a.employee == "E1") <= 8


def test_earlier_history_for_the_first_employee_does_not_crash() -> None:
    problem = _two((40, 0))  # used to raise IndexError while posting E1's blocks
    sol = solve(problem, budgets.options(0.2, seed=1))  # optimal at 0.001 units
    assert sol.has_roster
    assert check_problem(problem, sol.roster).violations == []
    assert sum(1 for a in sol.assignments if a.employee == "E0") <= 8
