"""The minimal-change re-plan (issue 20): the frozen past, no change without a reason, the
absence's cells covered with few changes, every roster legal."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

import pytest

from constraints.checker import check_problem
from scheduler.clock import TZ
from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType, Weights
from scheduler.replan import problem as rp
from scheduler.replan.changes import Absence, Changes, DemandChange, Pin
from scheduler.replan.run import neighbourhood, replan
from scheduler.solver import solve
from scheduler.solver.decode import roster_of_assignments
from tests import budgets

D = ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30)
E = ShiftType(code="E", start=time(15, 0), end=time(23, 0), break_minutes=30)
START = date(2026, 4, 13)  # a Monday, no public holiday in the fortnight
DAYS = 14
WORK = 10.0


def _problem() -> Problem:
    s = Settings(start=START, end=START + timedelta(days=DAYS - 1),
                 sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True)
    staff = tuple(Employee(id=f"E{i}", skills=("nurse",), position_pct=pct)
                  for i, pct in enumerate((100, 90, 80, 75, 70, 60)))
    demand = tuple(DemandItem(day=d, shift=c, skill="nurse", minimum=1)
                   for d in s.days() for c in "DE")
    # a published roster the solver proves best within the work budget: no fairness or
    # pattern terms (they make the proof long, and the re-plan's change tier is above them)
    return Problem(settings=s, shifts=(D, E), employees=staff, demand=demand,
                   weights=Weights(fairness=0, pattern=0))


@pytest.fixture(scope="module")
def published():
    p = _problem()
    sol = solve(p, budgets.options(WORK, seed=1))
    assert sol.status == "OPTIMAL" and not sol.shortfall
    return p, sol


def _cells(sol) -> dict[tuple[str, date], str]:  # noqa: ANN001
    return {(a.employee, a.day): a.shift for a in sol.assignments}


def _changed(a: dict, b: dict) -> dict:
    return {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}


def _legal(problem: Problem, sol) -> None:  # noqa: ANN001
    report = check_problem(problem, sol.roster)
    assert report.violations == [], [f.message for f in report.violations]


NOW = datetime(2026, 4, 17, 10, 0, tzinfo=TZ)  # Friday of the first week, mid-morning


@pytest.mark.parametrize("reach", [None, 3])
def test_no_changes_return_the_published_roster_unchanged(published, reach) -> None:  # noqa: ANN001
    # reach None: every day after now may change, and the change tier alone keeps the
    # (optimal) published roster; reach 3: no change touches a day, so no day may change
    p, sol = published
    out = replan(p, sol.roster, Changes(), NOW, budgets.options(WORK), reach=reach)
    assert out.solution is not None and out.solution.has_roster
    assert _cells(out.solution) == _cells(sol)
    assert out.solution.objective_by_tier.get("change", 0) == 0


def test_an_absence_is_covered_with_few_changes(published) -> None:  # noqa: ANN001
    p, sol = published
    old = _cells(sol)
    who = max({a.employee for a in sol.assignments},
              key=lambda e: sum(1 for (x, d) in old if x == e and d >= date(2026, 4, 20)))
    absence = Absence(employee=who, start=date(2026, 4, 20), end=date(2026, 4, 22), kind="sick")
    lost = {k for k in old if k[0] == who and absence.start <= k[1] <= absence.end}
    assert lost  # the absence takes published shifts away
    out = replan(p, sol.roster, Changes(absences=(absence,)), NOW, budgets.options(WORK))
    new = _cells(out.solution)
    assert not out.solution.shortfall  # every cell the absence left open is covered
    near = neighbourhood(p, Changes(absences=(absence,)))
    assert near == {START + timedelta(days=i) for i in range(4, 13)}
    assert all(k[1] in near for k in _changed(old, new))  # nothing beyond the changes' reach
    assert not any(k[0] == who and absence.start <= k[1] <= absence.end for k in new)
    changed = _changed(old, new)
    assert lost <= set(changed)
    # each lost shift needs at most one other cell changed to fill it
    assert len(changed) <= 2 * len(lost), changed
    _legal(out.problem, out.solution)


def test_the_past_is_frozen(published) -> None:  # noqa: ANN001
    p, sol = published
    old = _cells(sol)
    # the absence and a demand rise start before now: only what has not started may change
    changes = Changes(
        absences=(Absence(employee="E0", start=START, end=date(2026, 4, 19), kind="sick"),
                  Absence(employee="E1", start=START, end=date(2026, 4, 19), kind="leave")),
        demand=(DemandChange(day=date(2026, 4, 17), shift="D", skill="nurse", delta=1),
                DemandChange(day=date(2026, 4, 16), shift="E", skill="nurse", delta=1)))
    out = replan(p, sol.roster, changes, NOW, budgets.options(WORK))
    new = _cells(out.solution)
    for (emp, d), (a, b) in _changed(old, new).items():
        for code in {a, b} - {None}:
            assert rp.shift_start(p, d, code) > NOW, (emp, d, a, b)
    for (emp, d), code in old.items():
        if rp.shift_start(p, d, code) <= NOW:
            assert new.get((emp, d)) == code  # a shift that has started is still there
    assert any(rp.shift_start(p, d, c) <= NOW for (_, d), c in old.items())  # a past to keep
    _legal(out.problem, out.solution)


def test_a_demand_change_and_a_pin_are_kept(published) -> None:  # noqa: ANN001
    p, sol = published
    old = _cells(sol)
    day = date(2026, 4, 23)
    off = next(e.id for e in p.employees if (e.id, day) not in old)
    changes = Changes(demand=(DemandChange(day=day, shift="E", skill="nurse", delta=1),),
                      pins=(Pin(employee=off, day=day, shift="D"),))
    out = replan(p, sol.roster, changes, NOW, budgets.options(WORK))
    new = _cells(out.solution)
    assert new[(off, day)] == "D"
    assert sum(1 for (_, d), c in new.items() if d == day and c == "E") == 2
    _legal(out.problem, out.solution)


def test_a_pin_against_the_frozen_past_is_a_clash(published) -> None:  # noqa: ANN001
    p, sol = published
    old = _cells(sol)
    day = date(2026, 4, 16)  # before now
    worker = next(e for (e, d) in old if d == day)
    out = replan(p, sol.roster,
                 Changes(pins=(Pin(employee=worker, day=day, shift="OFF", ref="Changes!A2"),)),
                 NOW, budgets.options(WORK))
    assert out.solution is None
    assert [(c.ref, c.key) for c in out.clashes] == [("Changes!A2", "replan.clash.started")]


def _absence(sol) -> Absence:  # noqa: ANN001
    old = _cells(sol)
    who = max({a.employee for a in sol.assignments},
              key=lambda e: sum(1 for (x, d) in old if x == e and d >= date(2026, 4, 20)))
    return Absence(employee=who, start=date(2026, 4, 20), end=date(2026, 4, 22), kind="sick")


def test_the_immediate_roster_is_legal_and_changes_only_the_lost_cells(published) -> None:  # noqa: ANN001
    p, sol = published
    old = _cells(sol)
    absence = _absence(sol)
    lost = {k for k in old if k[0] == absence.employee and absence.start <= k[1] <= absence.end}
    assert lost
    seen: list[tuple] = []
    out = replan(p, sol.roster, Changes(absences=(absence,)), NOW, budgets.options(WORK),
                 on_solution=lambda *a: seen.append(a))
    assert out.immediate is not None
    kept = {(a.employee, a.day): a.shift for a in out.immediate}
    assert set(_changed(old, kept)) == lost  # only the lost cells, each now empty
    assert all(kept.get(k) is None for k in lost)
    report = check_problem(out.problem, roster_of_assignments(out.problem, out.immediate))
    assert report.violations == [], [f.message for f in report.violations]
    # the first roster reported is the immediate one (no objective), the solver's come after
    assert seen[0] == (out.immediate_seconds, None)
    assert len(seen) > 1 and all(obj is not None for _, obj, *_ in seen[1:])
    assert out.solution is not None and out.solution.first_solution_seconds == out.immediate_seconds


def test_a_pin_is_in_the_immediate_roster(published) -> None:  # noqa: ANN001
    p, sol = published
    old = _cells(sol)
    day = date(2026, 4, 23)
    worker = next(e for (e, d) in old if d == day)
    out = replan(p, sol.roster, Changes(pins=(Pin(employee=worker, day=day, shift="OFF"),)),
                 NOW, budgets.options(WORK))
    assert out.immediate is not None
    kept = {(a.employee, a.day): a.shift for a in out.immediate}
    assert set(_changed(old, kept)) == {(worker, day)} and (worker, day) not in kept


def test_stopped_before_the_solve_the_checked_roster_is_the_answer(published) -> None:  # noqa: ANN001
    p, sol = published
    absence = _absence(sol)
    stop = threading.Event()
    stop.set()
    out = replan(p, sol.roster, Changes(absences=(absence,)), NOW, budgets.options(WORK),
                 stop=stop)
    assert out.immediate is not None and out.solution is not None
    s = out.solution
    assert (s.status, s.stopped_by, s.objective, s.model_built) == (
        "FEASIBLE", "interrupted", None, False)
    _legal(out.problem, s)
    assert _cells(s) == {(a.employee, a.day): a.shift for a in out.immediate}
    lost = [a for a in sol.assignments
            if a.employee == absence.employee and absence.start <= a.day <= absence.end]
    # the lost cells' demand is uncovered and says so (the published roster covered it all)
    assert sum(x.missing for x in s.shortfall) == len(lost)


def test_with_no_work_for_the_solver_the_answer_is_still_legal(published) -> None:  # noqa: ANN001
    p, sol = published
    absence = _absence(sol)
    out = replan(p, sol.roster, Changes(absences=(absence,)), NOW, budgets.options(1e-9))
    assert out.immediate is not None and out.solution is not None
    assert out.solution.status == "FEASIBLE"
    _legal(out.problem, out.solution)
    assert not any(a.employee == absence.employee and absence.start <= a.day <= absence.end
                   for a in out.solution.assignments)
