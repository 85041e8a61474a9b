"""Issue 14 item 6: at most one weekend in ``weekend_rhythm`` (default 3), soft, in the fairness
tier; the Hours sheet shows weekends worked per employee."""

from __future__ import annotations

from datetime import date, time, timedelta

from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType
from scheduler.solver import solve
from scheduler.weekends import weekends, worked
from tests.solver.test_solver import opts

START = date(2027, 1, 4)  # Monday; three full weeks, three weekends, no holidays
DAYS = [START + timedelta(days=i) for i in range(21)]
D = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30)


def _problem(rhythm: int) -> Problem:
    return Problem(
        settings=Settings(start=DAYS[0], end=DAYS[-1], sunday_work_permitted_by_nature=True,
                          weekend_rhythm=rhythm),
        shifts=(D,), employees=tuple(Employee(id=f"E{i}", weekly_hours=16 / 3) for i in range(3)),
        demand=tuple(DemandItem(day=d, shift="D", minimum=1) for d in DAYS if d.weekday() >= 5))


def _weekends_of(sol) -> dict[str, int]:  # noqa: ANN001
    days: dict[str, set[date]] = {}
    for a in sol.assignments:
        days.setdefault(a.employee, set()).add(a.day)
    return {e: sum(worked(DAYS, ds)) for e, ds in days.items()}


def test_weekends_of_a_horizon() -> None:
    assert weekends(DAYS) == [[DAYS[5], DAYS[6]], [DAYS[12], DAYS[13]], [DAYS[19], DAYS[20]]]
    assert weekends(DAYS[6:13]) == [[DAYS[6]], [DAYS[12]]]  # a Sunday, then a Saturday
    assert worked(DAYS, {DAYS[6], DAYS[12]}) == [True, True, False]


def test_every_third_weekend_each_works_one_weekend_whole() -> None:
    sol = solve(_problem(3), opts(workers=1))
    assert len(sol.assignments) == 6 and not sol.shortfall
    assert _weekends_of(sol) == {"E0": 1, "E1": 1, "E2": 1}
    assert sol.objective_by_tier["fairness"] == 0


def test_the_rhythm_is_soft_and_can_be_switched_off() -> None:
    # two employees, three weekends, six shifts: the hours cap (16 h + one 8 h shift) lets
    # each work three, so each works two weekends in three: priced, and demand still covered
    p = _problem(3)
    p = p.model_copy(update={"employees": p.employees[:2]})
    sol = solve(p, opts(workers=1))
    assert not sol.shortfall and sorted(_weekends_of(sol).values()) == [2, 2]
    assert sol.objective_by_tier["fairness"] >= 2 * p.weights.fairness
    off = solve(p.model_copy(update={"settings": p.settings.model_copy(
        update={"weekend_rhythm": 0})}), opts(workers=1))
    assert not off.shortfall
