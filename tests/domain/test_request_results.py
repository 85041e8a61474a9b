"""Issue 14 item 4: every wish granted or not, and why not (cover, a rule, another wish)."""

from __future__ import annotations

from datetime import date, time, timedelta

from scheduler.model import (
    DemandItem,
    Employee,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    roster_from_assignments,
)
from scheduler.request_results import results

START = date(2027, 1, 4)
DAYS = [START + timedelta(days=i) for i in range(3)]
D = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30)
N = ShiftType(code="N", start=time(22), end=time(7), break_minutes=30)
A = ShiftType(code="A", start=time(14, 30), end=time(22), break_minutes=30)


def _problem(*requests: Request, employees=None) -> Problem:
    return Problem(
        settings=Settings(start=DAYS[0], end=DAYS[-1], night_work_permitted_by_nature=True,
                          sunday_work_permitted_by_nature=True),
        shifts=(D, N, A),
        employees=tuple(employees or [Employee(id="E1", skills=("SYP",)),
                                      Employee(id="E2", skills=("SYP",))]),
        demand=(*(DemandItem(day=d, shift="D", skill="SYP", minimum=1, target=2) for d in DAYS),
                DemandItem(day=DAYS[0], shift="N", skill="SYP", minimum=1)),
        requests=requests)


def _wish(emp: str, day: date, kind: RequestKind, shift: str | None = None) -> Request:
    return Request(employee=emp, start=day, end=day, kind=kind, shift=shift)


def test_granted_and_needed_for_cover() -> None:
    p = _problem(_wish("E1", DAYS[0], RequestKind.day_off),
                 _wish("E2", DAYS[1], RequestKind.day_off))
    roster = roster_from_assignments(p, {("E2", DAYS[0]): "D", ("E2", DAYS[1]): "D"})
    a, b = results(p, roster)
    assert (a.number, a.granted, a.reason) == (1, True, "")
    assert (b.number, b.granted, b.reason) == (2, False, "cover")  # E2 is the only D on day 2
    assert "D 2027-01-05 has no one to spare" in b.text()


def test_a_wish_for_a_forbidden_shift_names_the_rule_and_one_without_demand_says_so() -> None:
    staff = [Employee(id="E1", skills=("SYP",), night_work_allowed=False),
             Employee(id="E2", skills=("SYP",))]
    p = _problem(_wish("E1", DAYS[0], RequestKind.shift_wish, "N"),
                 _wish("E2", DAYS[0], RequestKind.shift_wish, "A"), employees=staff)
    roster = roster_from_assignments(p, {("E2", DAYS[0]): "D"})
    a, b = results(p, roster)
    assert (a.granted, a.reason) == (False, "rule")
    assert a.detail.startswith("AML-10-2-night-exempt")
    assert (b.granted, b.reason) == (False, "no_demand")  # no A demand: never planned
    assert "no demand for A 2027-01-04" in b.text()


def test_a_wish_lost_to_the_same_employee_s_other_wish() -> None:
    p = _problem(_wish("E1", DAYS[2], RequestKind.day_off),
                 _wish("E1", DAYS[2], RequestKind.shift_wish, "D"))
    roster = roster_from_assignments(p, {("E1", DAYS[2]): "D", ("E2", DAYS[2]): "D"})
    off, want = results(p, roster)
    assert want.granted and not off.granted
    assert (off.reason, off.detail) == ("conflict", "#2")


def test_avoid_shift_and_a_plain_tradeoff() -> None:
    p = _problem(_wish("E1", DAYS[1], RequestKind.avoid_shift, "D"))
    roster = roster_from_assignments(p, {("E1", DAYS[1]): "D", ("E2", DAYS[1]): "D"})
    (r,) = results(p, roster)
    assert (r.granted, r.reason) == (False, "tradeoff")  # E2 covers the minimum alone
