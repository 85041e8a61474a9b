"""Contract rules (not AML): each limit exactly at, just under and just over."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from constraints.base import CheckContext
from constraints.contract.check import CHECKS
from scheduler.model import (
    Contract,
    Employee,
    Problem,
    Settings,
    ShiftType,
    roster_from_assignments,
)

START = date(2024, 1, 1)  # a Monday
SHIFTS = (ShiftType(code="D", start=time(8), end=time(16)), ShiftType(code="N", start=time(22), end=time(6)))


def _ctx(contract: Contract, worked: dict[int, str], days: int = 14) -> CheckContext:
    emp = Employee(id="A", contract=contract.id)
    problem = Problem(
        settings=Settings(start=START, end=START + timedelta(days=days - 1), apply_aml=False),
        shifts=SHIFTS, employees=(emp,), contracts=(contract,),
    )
    roster = roster_from_assignments(problem, {("A", START + timedelta(days=d)): c for d, c in worked.items()})
    return CheckContext(settings=problem.settings, roster=roster, employees={"A": emp},
                        contracts={contract.id: contract}, shifts={s.code: s for s in SHIFTS})


def _rules(contract: Contract, worked: dict[int, str], days: int = 14) -> list[str]:
    ctx = _ctx(contract, worked, days)
    return sorted(f.rule for check in CHECKS.values() for f in check(ctx))


@pytest.mark.parametrize("n,expect", [(2, []), (3, []), (4, ["CONTRACT-max-shifts"])])
def test_max_shifts_per_type(n: int, expect: list[str]) -> None:
    c = Contract(id="c", max_shifts={"N": 3})
    assert _rules(c, {2 * i: "N" for i in range(n)}) == expect


@pytest.mark.parametrize("n,expect", [(2, []), (3, []), (4, ["CONTRACT-max-total-minutes"])])
def test_max_total_minutes(n: int, expect: list[str]) -> None:
    c = Contract(id="c", max_total_minutes=3 * 480)
    assert _rules(c, {2 * i: "D" for i in range(n)}) == expect


@pytest.mark.parametrize("n,expect", [(2, ["CONTRACT-min-total-minutes"]), (3, []), (4, [])])
def test_min_total_minutes(n: int, expect: list[str]) -> None:
    c = Contract(id="c", min_total_minutes=3 * 480)
    assert _rules(c, {2 * i: "D" for i in range(n)}) == expect


def test_total_minutes_are_nominal_across_dst() -> None:
    # 28 Mar 2026 22:00 -> 29 Mar 06:00 lasts 7 real hours; the contract counts the shift's 480.
    c = Contract(id="c", min_total_minutes=480)
    emp = Employee(id="A", contract="c")
    problem = Problem(settings=Settings(start=date(2026, 3, 28), end=date(2026, 3, 29)), shifts=SHIFTS,
                      employees=(emp,), contracts=(c,))
    roster = roster_from_assignments(problem, {("A", date(2026, 3, 28)): "N"})
    ctx = CheckContext(settings=problem.settings, roster=roster, employees={"A": emp},
                       contracts={"c": c}, shifts={s.code: s for s in SHIFTS})
    assert [f for check in CHECKS.values() for f in check(ctx)] == []


@pytest.mark.parametrize("run,expect", [(4, []), (5, []), (6, ["CONTRACT-max-consecutive-shifts"])])
def test_max_consecutive_shifts(run: int, expect: list[str]) -> None:
    c = Contract(id="c", max_consecutive_shifts=5)
    assert _rules(c, {3 + i: "D" for i in range(run)}) == expect


@pytest.mark.parametrize("run,expect", [(1, ["CONTRACT-min-consecutive-shifts"]), (2, []), (3, [])])
def test_min_consecutive_shifts_inside_horizon(run: int, expect: list[str]) -> None:
    c = Contract(id="c", min_consecutive_shifts=2)
    assert _rules(c, {5 + i: "D" for i in range(run)}) == expect


def test_min_consecutive_shifts_exempt_at_horizon_ends() -> None:
    c = Contract(id="c", min_consecutive_shifts=3)
    assert _rules(c, {0: "D", 13: "D"}) == []


@pytest.mark.parametrize("off,expect", [(1, ["CONTRACT-min-consecutive-days-off"]), (2, []), (3, [])])
def test_min_consecutive_days_off(off: int, expect: list[str]) -> None:
    c = Contract(id="c", min_consecutive_days_off=2)
    worked = {d: "D" for d in range(14) if not 4 <= d < 4 + off}
    assert _rules(c, worked) == expect


@pytest.mark.parametrize("weekends,expect", [(0, []), (1, []), (2, ["CONTRACT-max-weekends"])])
def test_max_weekends(weekends: int, expect: list[str]) -> None:
    c = Contract(id="c", max_weekends=1)
    worked = {7 * k + 5: "D" for k in range(weekends)}  # Saturdays
    assert _rules(c, worked) == expect


def test_forbidden_succession() -> None:
    c = Contract(id="c", forbidden_successions=(("N", "D"),))
    assert _rules(c, {1: "N", 2: "D"}) == ["CONTRACT-forbidden-succession"]
    assert _rules(c, {1: "D", 2: "N"}) == []
    assert _rules(c, {1: "N", 3: "D"}) == []
