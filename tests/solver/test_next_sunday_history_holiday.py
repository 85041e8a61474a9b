"""§ 10-8 (4) at the horizon start: a red day right after the History Sunday (issue: the solver
planned Ascension Day after a worked History Sunday when history also touched the holiday's eve).

The checker counts work only in a holiday's eve part as a warning, work from midnight as a firm
red day (``RedDay.firm_start``); the solver must classify history the same way, so planned work
on a holiday that history touched only on its eve is a firm day, not already "history's fault".
"""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from constraints.base import CheckContext, Finding, Severity
from constraints.checker import check_problem
from constraints.rest.check import CHECKS
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    Problem,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solver import solve
from tests import budgets
from tests.rosterkit import agreement, employee_history, history, period, roster, settings

NEXT_SUN = "AML-10-8-4-next-sunday-off"
E_SHIFT = ShiftType(code="E", start=time(15, 0), end=time(22, 30), break_minutes=30)

# (first day of the horizon, a red day; the red day before it, the History Sunday/holiday)
HOLIDAY_STARTS = [
    (date(2026, 5, 14), date(2026, 5, 10)),  # Ascension Day after Sunday 10 May
    (date(2026, 4, 2), date(2026, 3, 29)),  # Maundy Thursday after Palm Sunday
    (date(2026, 4, 6), date(2026, 4, 5)),  # Easter Monday after Easter Sunday
    (date(2026, 5, 1), date(2026, 4, 26)),  # a plain 1 May (window from 22:00 the eve)
    (date(2026, 5, 25), date(2026, 5, 24)),  # Whit Monday after Whit Sunday
    (date(2026, 5, 17), date(2026, 5, 14)),  # 17 May (a Sunday) after Ascension Day
]


def run(s: Settings, *periods, **kw) -> list[Finding]:  # noqa: ANN002, ANN003
    return CHECKS[NEXT_SUN](CheckContext(settings=s, roster=roster(*periods), **kw))


def evening(d: date) -> object:
    return period("E", f"{d} 15:00", f"{d} 22:30")


def hard(fs: list[Finding]) -> list[Finding]:
    return [f for f in fs if f.severity is Severity.violation]


# -- the checker at the limit ----------------------------------------------------------------


@pytest.mark.parametrize(("first", "last_red"), HOLIDAY_STARTS)
def test_red_day_right_after_the_history_red_day(first: date, last_red: date) -> None:
    s = settings(str(first), str(first + timedelta(days=13)))
    eh = {"E": employee_history("E", last_sunday_worked=last_red)}
    # (Maundy Thursday 22:00-22:30 also touches Good Friday's eve part: a warning besides.)
    (f,) = hard(run(s, evening(first), employee_history=eh))
    assert f.measured == 2 and f.limit == 1
    assert f.window_end.date() == first
    # The red day off: nothing to report (and no finding for the history red day alone).
    assert run(s, employee_history=eh) == []


def test_red_day_with_a_free_one_in_between_is_not_a_violation() -> None:
    s = settings("2026-05-14", "2026-05-27")
    eh = {"E": employee_history("E", last_sunday_worked=date(2026, 5, 10))}
    # 10 May worked, 14 May off, 17 May worked, 24 May off, 25 May worked.
    assert run(s, evening(date(2026, 5, 17)), evening(date(2026, 5, 25)),
               employee_history=eh) == []
    # Just over: 17 May and then Whit Sunday 24 May, with no red day off between them.
    # (24 May 22:00-22:30 lies in Whit Monday's eve part: a warning for 25 May besides.)
    fs = run(s, evening(date(2026, 5, 17)), evening(date(2026, 5, 24)), employee_history=eh)
    (f,) = hard(fs)
    assert f.window_end.date() == date(2026, 5, 24)
    assert [w.window_end.date() for w in fs if w is not f] == [date(2026, 5, 25)]


def test_history_on_the_holiday_eve_is_a_warning_planned_work_on_the_holiday_a_violation() -> None:
    s = settings("2026-05-14", "2026-05-20")
    eh = {"E": employee_history("E", last_sunday_worked=date(2026, 5, 10))}
    eve = (history("E", "2026-05-13 15:00", "2026-05-13 22:30"),)  # from 18:00 in the window
    (w,) = run(s, employee_history=eh, history=eve)
    assert w.severity is Severity.warning and w.measured == 2
    (f,) = run(s, evening(date(2026, 5, 14)), employee_history=eh, history=eve)
    assert f.severity is Severity.violation
    # History that ends at 18:00 (just before the window) touches no red day.
    before = (history("E", "2026-05-13 10:00", "2026-05-13 18:00"),)
    assert run(s, employee_history=eh, history=before) == []


def test_history_sunday_with_t2_three_in_a_row() -> None:
    s = settings("2026-05-14", "2026-05-31")
    ag = (agreement("10-8", Tier.T2_INDIVIDUAL, "E"),)
    eh = {"E": employee_history("E", last_sunday_worked=date(2026, 5, 10))}
    three = [evening(date(2026, 5, 14)), evening(date(2026, 5, 17))]  # 10, 14, 17 May
    assert hard(run(s, *three, employee_history=eh, agreements=ag)) == []
    (f,) = hard(run(s, *three, evening(date(2026, 5, 24)), employee_history=eh, agreements=ag))
    assert f.measured == 4 and f.limit == 3 and f.window_end.date() == date(2026, 5, 24)


# -- the solver: solve → check → no violation ------------------------------------------------


def _problem(first: date, last_red: date, eve_history: bool, days: int = 7,
             agreements: tuple[Agreement, ...] = ()) -> Problem:
    s = Settings(start=first, end=first + timedelta(days=days - 1),
                 sunday_work_permitted_by_nature=True)
    hist = ()
    if eve_history:  # the evening shift before the first day, into the holiday's eve part
        a, b = E_SHIFT.interval_on(first - timedelta(days=1))
        hist = (HistoryPeriod(employee="E0", start=a, end=b),)
    return Problem(
        settings=s, shifts=(E_SHIFT,), employees=(Employee(id="E0"),),
        demand=tuple(DemandItem(day=d, shift="E", minimum=1) for d in s.days()),
        history=hist,
        employee_history=(EmployeeHistory(employee="E0", last_sunday_worked=last_red),),
        agreements=agreements,
    )


def _solved_and_checked(p: Problem) -> set[date]:
    sol = solve(p, budgets.options(0.5, seed=3))
    assert sol.has_roster
    report = check_problem(p, sol.roster)
    assert [f.rule for f in report.violations] == []
    return {a.day for a in sol.assignments}


def test_solver_keeps_ascension_day_off_after_history_sunday_and_eve() -> None:
    # The saved reproduction, reduced: history 13 May 15:00-22:30 (in the Ascension Day
    # window from 18:00) and last Sunday worked 10 May; demand asks for 14 May.
    worked = _solved_and_checked(_problem(date(2026, 5, 14), date(2026, 5, 10), True))
    assert date(2026, 5, 14) not in worked
    assert date(2026, 5, 15) in worked  # not over-strict: the ordinary days are planned


@pytest.mark.parametrize("eve_history", [False, True])
@pytest.mark.parametrize(("first", "last_red"), HOLIDAY_STARTS)
def test_solver_after_history_red_day(first: date, last_red: date, eve_history: bool) -> None:
    worked = _solved_and_checked(_problem(first, last_red, eve_history))
    assert first not in worked


def test_solver_t2_plans_up_to_three_in_a_row_from_history() -> None:
    ag = (Agreement(family="10-8", tier=Tier.T2_INDIVIDUAL, employee="E0"),)
    worked = _solved_and_checked(_problem(date(2026, 5, 14), date(2026, 5, 10), True,
                                          agreements=ag))
    # 10 May (history) then Ascension Day: two in a row, allowed under T2 (without it the
    # parametrized test above keeps 14 May off), and the run from history still checks clean.
    assert date(2026, 5, 14) in worked
