"""Issue 14 item 5: planned hours stay within a tolerance (Settings contract_tolerance_shifts,
default one shift) of the contract; more only as priced extra hours with overtime allowed."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType
from scheduler.solver import solve
from tests.solver.test_solver import opts

START = date(2027, 1, 4)
DAYS = [START + timedelta(days=i) for i in range(14)]
D = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30)  # 8 h


def _problem(**settings: object) -> Problem:
    # a 50 % nurse: 37.5 h over two weeks; demand asks for her every day
    return Problem(
        settings=Settings(start=DAYS[0], end=DAYS[-1], sunday_work_permitted_by_nature=True,
                          **settings),  # type: ignore[arg-type]
        shifts=(D,), employees=(Employee(id="P", position_pct=50),),
        demand=tuple(DemandItem(day=d, shift="D", minimum=1) for d in DAYS))


@pytest.mark.parametrize(("tolerance", "shifts"), [(0, 4), (1, 5), (2, 6), (3, 7)])
def test_a_part_timer_stays_within_the_tolerance_of_her_contract(tolerance, shifts) -> None:
    # Each shift is 8 h against 37.5 h contracted: 4 shifts = 32 h; 5 = 40 h (2.5 h over, so
    # past a tolerance of none); 6 = 48 h (10.5 h over: past one shift of 8 h, within two);
    # 7 = 56 h (18.5 h over: within three). Uncovered demand pushes up to the cap, not past it.
    sol = solve(_problem(contract_tolerance_shifts=tolerance), opts(workers=1))
    assert len(sol.assignments) == shifts


def test_with_overtime_allowed_the_cap_gives_way_to_priced_extra_hours() -> None:
    capped = len(solve(_problem(), opts(workers=1)).assignments)
    free = solve(_problem(allow_overtime=True), opts(workers=1))
    assert capped == 5 and len(free.assignments) > capped
