"""The comparison figures of one scenario, on hand-made rosters with known answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem, Request, RequestKind, roster_from_assignments
from scheduler.solution import Assignment, ExtraTime, Solution
from scheduler.whatif.metrics import figures
from scheduler.whatif.rebuild import rebuild
from tests.whatif.test_whatif_kit import MONDAY, workbook


@pytest.fixture(scope="module")
def problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    p = read_problem(workbook(tmp_path_factory.mktemp("m") / "w.xlsx", night=True))
    wishes = (
        Request(employee="R1", start=MONDAY, end=MONDAY, kind=RequestKind.shift_wish, shift="D"),
        Request(employee="R2", start=MONDAY, end=MONDAY, kind=RequestKind.avoid_shift, shift="E"),
        Request(employee="R3", start=MONDAY, end=MONDAY + timedelta(days=1),
                kind=RequestKind.unavailable),  # leave: not a wish
    )
    return rebuild(p, requests=p.requests + wishes)


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def solve_as(problem: Problem, plan: dict[tuple[str, date], str]) -> Solution:
    return Solution(status="OPTIMAL", assignments=[
        Assignment(employee=e, day=d, shift=s) for (e, d), s in sorted(plan.items())],
        roster=roster_from_assignments(problem, plan))


def test_coverage_hours_requests_and_spread(problem: Problem) -> None:
    plan = {("R1", day(0)): "D", ("R2", day(0)): "E", ("H1", day(0)): "D",
            ("R1", day(5)): "E", ("H1", day(5)): "D"}
    f = figures(problem, solve_as(problem, plan))
    assert f.employees == 6
    assert f.shortfall_person_shifts == 21 - 5
    assert f.coverage_pct == pytest.approx(round(100 * 5 / 21, 2))
    assert f.uncovered_hours == {"HCA": 5 * 8.0, "RN": 11 * 8.0}
    assert f.uncovered_total == 128.0
    assert f.planned_hours == 40.0
    assert f.overtime_hours == 0 and f.extra_hours == 0
    assert f.labour_cost == 16 * 400 + 8 * 400 + 16 * 300
    assert f.employees_without_cost == 0
    # contract: a week of each position; R3 is away two of the seven days (5/7 of 30 h)
    contract = 37.5 + 37.5 + 30 * 5 / 7 + 18.75 + 37.5 + 28.125
    assert f.contract_deviation_hours == pytest.approx(contract - 40, abs=0.01)
    # wishes: R2's day off on Wednesday (granted), R1's D on Monday (granted), R2 avoid E on
    # Monday (not granted); R3's leave is not a wish
    assert f.requests_granted_pct == pytest.approx(66.67)
    assert f.nights_spread is None  # nobody works a night shift (E has only 2 h at night)
    assert f.weekend_spread == 1  # R1 and H1 one Saturday shift each, R2 none


def test_nights_spread_counts_night_shifts_of_those_who_work_nights(problem: Problem) -> None:
    plan = {("R1", day(1)): "N", ("R2", day(2)): "N", ("R2", day(4)): "N", ("H1", day(0)): "D"}
    f = figures(problem, solve_as(problem, plan))
    assert f.nights_spread == 1
    assert f.weekend_spread == 0


def test_overtime_carries_the_statutory_supplement(problem: Problem) -> None:
    plan = {("R4", day(i)): "D" for i in range(6)}  # 48 h in one week at a 50 % position
    sol = solve_as(problem, plan)
    # What the solver decided (scheduler.solver.overtime): the last shift is overtime, the
    # hours above contract before it extra hours. Figures take the solver's decisions.
    last = next(p for p in sol.roster.periods if p.start.date() == day(5))
    tails = [ExtraTime(employee="R4", day=day(5), shift="D", kind="overtime",
                       start=last.start, end=last.end, minutes=480),
             ExtraTime(employee="R4", day=day(4), shift="D", kind="extra",
                       start=last.start, end=last.end, minutes=round((40 - 18.75) * 60))]
    f = figures(problem, sol.model_copy(update={"extra_time": tails,
                                                "overtime_premium_cost": 0.4 * 8 * 350}))
    assert f.overtime_hours == 8.0
    assert f.extra_hours == 40 - 18.75
    assert f.overtime_premium_cost == pytest.approx(0.4 * 8 * 350)
    assert f.labour_cost == pytest.approx(48 * 350 + 0.4 * 8 * 350)
    assert f.overtime_headroom_hours  # overtime present: the caps' headroom is reported
    # Without solver decisions no hour is overtime, whatever the plan looks like.
    plain = figures(problem, sol)
    assert plain.overtime_hours == 0.0 and plain.overtime_headroom_hours == {}
    assert plain.labour_cost == pytest.approx(48 * 350)


def test_cost_is_none_without_hourly_costs_and_counts_missing_ones(problem: Problem) -> None:
    plan = {("R1", day(0)): "D"}
    none = rebuild(problem, employees=tuple(e.model_copy(update={"hourly_cost": None})
                                            for e in problem.employees))
    assert figures(none, solve_as(none, plan)).labour_cost is None
    some = rebuild(problem, employees=tuple(
        e.model_copy(update={"hourly_cost": None}) if e.id != "R1" else e
        for e in problem.employees))
    f = figures(some, solve_as(some, plan))
    assert f.labour_cost == 8 * 400 and f.employees_without_cost == 5


def test_no_wishes_gives_none(problem: Problem) -> None:
    bare = rebuild(problem, requests=())
    assert figures(bare, solve_as(bare, {})).requests_granted_pct is None
