"""Issue 14 item 2: demand no one may legally work is explained before solving, with the
paragraph, the reason and the agreement tier that would allow it; capacity per skill."""

from __future__ import annotations

from datetime import date, time, timedelta

from scheduler.feasibility import NO_SKILL, UNAVAILABLE, analyse, capacity
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    Tier,
)
from tests.english_text import english_in

START = date(2027, 1, 4)  # a Monday; one week, no public holidays
DAYS = [START + timedelta(days=i) for i in range(7)]
D = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30)
N95 = ShiftType(code="N", start=time(21, 30), end=time(7), break_minutes=30)  # 9.5 h
N9 = ShiftType(code="N", start=time(22), end=time(7), break_minutes=30)  # 9 h exactly


def _problem(shifts=(D, N95), employees=None, demand=None, requests=(), agreements=(),
             **settings) -> Problem:
    settings = {"sunday_work_permitted_by_nature": True, "night_work_permitted_by_nature": True,
                **settings}
    employees = employees or [Employee(id=f"E{i}", skills=("SYP",)) for i in range(3)]
    demand = demand or [DemandItem(day=d, shift=s.code, skill="SYP", minimum=1)
                        for d in DAYS for s in shifts]
    return Problem(settings=Settings(start=DAYS[0], end=DAYS[-1], **settings),
                   shifts=tuple(shifts), employees=tuple(employees), demand=tuple(demand),
                   requests=tuple(requests), agreements=tuple(agreements))


def test_a_night_longer_than_the_daily_limit_names_the_paragraph_and_the_tier() -> None:
    a = analyse(_problem())
    (u,) = a.unstaffable
    assert (u.shift, u.skill, u.person_shifts, u.days) == ("N", "SYP", 7, DAYS)
    (r,) = u.reasons
    assert (r.rule, r.paragraph, r.employees) == ("AML-10-4-1-daily-normal", "§ 10-4 (1)", 3)
    assert r.remedy == Tier.T2_INDIVIDUAL and r.remedy_family == "§ 10-5"
    text = u.text()
    assert "9.5 h, above the daily limit of 9 h" in text
    assert "an agreement under § 10-5 at tier T2_INDIVIDUAL would allow it" in text
    assert a.reason_for(DAYS[2], "N", "SYP").startswith("§ 10-4 (1) (AML-10-4-1-daily-normal)")
    assert a.reason_for(DAYS[2], "D", "SYP") == ""


def test_exactly_at_the_limit_and_with_an_agreement_nothing_is_unstaffable() -> None:
    assert analyse(_problem(shifts=(D, N9))).unstaffable == []
    t2 = [Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL, employee="E1",
                    params={"daily_limit_hours": 10})]
    assert analyse(_problem(agreements=t2)).unstaffable == []


def test_a_skill_nobody_has() -> None:
    demand = [DemandItem(day=DAYS[0], shift="D", skill="SPL", minimum=2)]
    (u,) = analyse(_problem(demand=demand)).unstaffable
    assert [r.rule for r in u.reasons] == [NO_SKILL]
    assert "nobody has the skill SPL" in u.text()


def test_night_work_not_permitted_by_nature_and_night_exempt_staff() -> None:
    demand = [DemandItem(day=DAYS[0], shift="N", skill="SYP", minimum=1)]
    (u,) = analyse(_problem(shifts=(D, N9), demand=demand,
                            night_work_permitted_by_nature=False)).unstaffable
    assert u.reasons[0].rule == "AML-10-11-2-permitted"
    assert u.reasons[0].remedy == Tier.T3_TARIFF_REPS
    staff = [Employee(id="E1", skills=("SYP",), night_work_allowed=False),
             Employee(id="E2", skills=("SYP",), under_18=True)]
    (u,) = analyse(_problem(shifts=(D, N9), demand=demand, employees=staff)).unstaffable
    assert {r.rule for r in u.reasons} == {"AML-10-2-night-exempt", "AML-11-3-youth-night"}
    assert all(r.employees == 1 for r in u.reasons)


def test_days_on_which_everyone_qualified_is_away() -> None:
    away = [Request(employee=f"E{i}", start=DAYS[1], end=DAYS[2], kind=RequestKind.unavailable)
            for i in range(3)]
    (u,) = analyse(_problem(shifts=(D,), requests=away)).unstaffable
    assert u.days == DAYS[1:3] and [r.rule for r in u.reasons] == [UNAVAILABLE]
    assert "3 qualified away" in u.text()
    # one of them at work: someone may cover it, nothing to explain
    assert analyse(_problem(shifts=(D,), requests=away[:2])).unstaffable == []


def test_capacity_per_skill_net_of_vacation() -> None:
    # one 100 % SPL (37.5 h/week), away two of seven days: 37.5 * 5 / 7 = 26.79 h available;
    # six D shifts of 8 h (the break counts as work) = 48 h demanded -> 179 %.
    staff = [Employee(id="S1", skills=("SPL",)), Employee(id="E1", skills=("SYP",))]
    demand = [DemandItem(day=d, shift="D", skill="SPL", minimum=1) for d in DAYS[:6]]
    away = [Request(employee="S1", start=DAYS[5], end=DAYS[6], kind=RequestKind.unavailable)]
    (c,) = capacity(_problem(shifts=(D,), employees=staff, demand=demand, requests=away))
    assert c.skill == "SPL" and c.demanded_hours == 48
    assert abs(c.available_hours - 37.5 * 5 / 7) < 1e-9
    assert round(c.pct) == 179
    assert c.text().startswith("SPL: 179 % of available hours")
    a = analyse(_problem(shifts=(D,), employees=staff, demand=demand, requests=away))
    assert a.over_capacity == [c] and c.text() in a.lines()
    # without the vacation: 48 / 37.5 = 128 %
    assert round(capacity(_problem(shifts=(D,), employees=staff, demand=demand))[0].pct) == 128


def test_staffing_names_the_rule_when_no_one_may_work_the_demand() -> None:
    from scheduler.whatif.staffing import _why_unstaffable

    (why,) = _why_unstaffable(_problem())
    text = why.render("en")
    assert "§ 10-4 (1) (AML-10-4-1-daily-normal)" in text and "T2_INDIVIDUAL" in text
    assert "T2_INDIVIDUAL" in why.render("nb") and english_in(why.render("nb")) == []
    assert _why_unstaffable(_problem(shifts=(D, N9))) == []
