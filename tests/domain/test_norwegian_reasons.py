"""The feasibility reasons (issue 14 item 2/4) in Norwegian: every DOMAIN reason is a catalogue
entry, so validate, the solve console, the Coverage sheet and staffing word it in nb."""

from __future__ import annotations

from datetime import date, time, timedelta

from scheduler import feasibility, i18n
from scheduler.model import (
    Contract,
    DemandItem,
    Employee,
    FixedAssignment,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
)
from tests.english_text import english_in, fragments

START = date(2027, 1, 4)  # Monday
DAYS = [START + timedelta(days=i) for i in range(7)]


def _problem() -> Problem:
    """Employees each kept off some shifts by a different DOMAIN rule."""
    shifts = (ShiftType(code="D", start=time(7), end=time(15), break_minutes=30),
              ShiftType(code="L", start=time(7), end=time(19), break_minutes=10),  # 12 h
              ShiftType(code="N", start=time(22), end=time(6, 30), break_minutes=30))
    return Problem(
        settings=Settings(start=DAYS[0], end=DAYS[-1], language="nb",
                          night_work_permitted_by_nature=False,
                          sunday_work_permitted_by_nature=False),
        shifts=shifts,
        employees=(Employee(id="A"), Employee(id="B", night_work_allowed=False),
                   Employee(id="C", birth_date=date(2010, 1, 1)),
                   Employee(id="D", contract="none"), Employee(id="E")),
        contracts=(Contract(id="none", max_shifts={"D": 0}),),
        demand=tuple(DemandItem(day=d, shift=s, minimum=1) for d in DAYS for s in ("D", "L", "N")),
        requests=(Request(employee="E", start=DAYS[2], end=DAYS[3], kind=RequestKind.unavailable,
                          vacation=True),),
        fixed=(FixedAssignment(employee="A", day=DAYS[5], shift="OFF"),),
    )


def test_every_domain_reason_is_a_catalogue_entry_worded_in_norwegian() -> None:
    ctx = feasibility.domain(_problem(), False)
    rules = {f.rule for f in ctx.forbidden.values()}
    # The problem reaches many rules: the daily limit, night work not permitted, Sunday work
    # not permitted, § 10-2, youth, the contract, a vacation and a pinned day off.
    assert {"AML-10-4-1-daily-normal", "AML-10-11-2-permitted", "AML-10-10-2-permitted",
            "REQ-unavailable", "FIXED-assignment", "CONTRACT-max-shifts"} <= rules, rules
    assert fragments()  # the helper finds English text to look for
    for f in ctx.forbidden.values():
        assert isinstance(f.why, i18n.Msg), (f.rule, f.why)
        nb, en = f.why.render("nb"), f.why.render("en")
        assert nb != en
        assert english_in(nb) == [], (f.rule, nb)


def test_validate_lines_and_coverage_reasons_have_no_english() -> None:
    a = feasibility.analyse(_problem())
    lines = a.lines("nb")
    assert lines
    for line in lines:
        assert english_in(line) == [], line
    reasons = [a.reason_for(d, s, "", "nb") for d in DAYS for s in ("D", "L", "N")]
    assert any(reasons)
    for r in reasons:
        assert english_in(r) == [], r
    assert any("over den daglige grensen" in r for r in reasons)
