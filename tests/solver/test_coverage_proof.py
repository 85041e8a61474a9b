"""The shortfall proven by the uncovered tier alone (scheduler/solver/coverage_proof.py), and the
staffing search's use of it (issue 17): at the limit of what one nurse may legally cover, just
under it and just over it, against an independent proven solve of the whole objective. Work
budgets and one worker (tests/budgets.py)."""

from __future__ import annotations

from datetime import date, time

import pytest

from scheduler import summary as sm
from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType
from scheduler.solution import roster_of
from scheduler.solver import solve
from scheduler.solver.coverage_proof import proven_short, uncovered_bound
from scheduler.solver.objective_terms import SCALE
from scheduler.whatif import scenario_task, staffing_search
from scheduler.whatif import staffing as stf
from tests import budgets

SHIFTS = (
    ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30),
    ShiftType(code="E", start=time(15, 0), end=time(23, 0), break_minutes=30),
)
WORK = budgets.options(1.0, seed=3)


def ward(day_shifts: int, evening_shifts: int = 0) -> Problem:
    """One full-time nurse for a week, one person needed on the first ``day_shifts`` days'
    day shift and the first ``evening_shifts`` evenings."""
    s = Settings(start=date(2026, 6, 1), end=date(2026, 6, 7),
                 sunday_work_permitted_by_nature=True)
    days = list(s.days())
    demand = [DemandItem(day=d, shift="D", skill="nurse", minimum=1, target=1)
              for d in days[:day_shifts]]
    demand += [DemandItem(day=d, shift="E", skill="nurse", minimum=1, target=1)
               for d in days[:evening_shifts]]
    return Problem(settings=s, shifts=SHIFTS, demand=tuple(demand),
                   employees=(Employee(id="E0", position_pct=100, skills=("nurse",)),))


def least_short(problem: Problem) -> int:
    """Person-shifts below the minimum in an independent solve proven optimal."""
    sol = solve(problem, WORK)
    assert sol.has_roster and sol.status == "OPTIMAL", sol.status
    return sum(r.shortfall for r in sm.coverage(problem, roster_of(problem, sol)))


def test_the_bound_says_short_exactly_when_the_optimum_is_short() -> None:
    """Day shifts on 1..7 days: the proof agrees with the proven optimum on every count, and
    the counts reach both sides of the nurse's limit (the last covered, the first short)."""
    verdicts = []
    for n in range(1, 8):
        problem = ward(n)
        verdict = proven_short(problem, WORK)
        assert verdict == (least_short(problem) > 0), n
        verdicts.append(verdict)
    limit = verdicts.index(True)  # the first count she cannot cover
    assert limit >= 1 and not any(verdicts[:limit]) and all(verdicts[limit:])


def test_no_demand_gives_a_bound_of_zero() -> None:
    assert uncovered_bound(ward(0), WORK) == 0.0
    assert not proven_short(ward(0), WORK)


def test_the_bound_of_a_short_week_lies_between_zero_and_the_optimum() -> None:
    """A lower bound: above zero (she cannot cover 10 shifts in a week), never above the
    uncovered tier of the whole objective's proven optimum."""
    problem = ward(7, 3)
    bound = uncovered_bound(problem, WORK)
    optimum = solve(problem, WORK)
    assert optimum.status == "OPTIMAL"
    assert bound is not None and 0 < bound <= optimum.objective_by_tier["uncovered"] * SCALE + 1e-6


def _never_optimal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every staffing solve reports FEASIBLE (its roster kept): as a month's solve that stops on
    its limit, so no neighbour is proven by an optimal solve."""
    real = scenario_task.solve_within

    def feasible(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        sol = real(*args, **kw)
        return sol.model_copy(update={"status": "FEASIBLE"}) if sol.has_roster else sol

    monkeypatch.setattr(scenario_task, "solve_within", feasible)


def test_staffing_proves_its_neighbours_short_without_an_optimal_solve(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _never_optimal(monkeypatch)
    answer = stf.find_staffing(ward(7, 3), [100.0], WORK, max_solves=20, step_pct=10)
    assert answer.status == "covered" and answer.hires
    assert answer.searched and all(n.tried and n.status == "FEASIBLE" for n in answer.searched)
    assert all(n.proven for n in answer.searched)
    assert answer.minimal_proven


def test_a_proof_solve_is_counted_and_said(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each proof is one solve of the budget, and the progress says so in its own words."""
    _never_optimal(monkeypatch)
    lines: list = []
    answer = stf.find_staffing(ward(7, 3), [100.0], WORK, max_solves=20, step_pct=10,
                               progress=lines.append)
    proofs = [m for m in lines if m.key == "staffing.prove"]
    assert len(proofs) == sum(1 for n in answer.searched if n.proven) > 0
    assert len(lines) == answer.solves  # one progress line per solve, proofs included


def test_without_the_proof_the_same_answer_is_not_proven(monkeypatch: pytest.MonkeyPatch) -> None:
    _never_optimal(monkeypatch)
    monkeypatch.setattr(staffing_search, "_default_prove", lambda problem, options: False)
    answer = stf.find_staffing(ward(7, 3), [100.0], WORK, max_solves=20, step_pct=10)
    assert answer.status == "covered" and answer.hires
    assert not answer.minimal_proven
