"""Issue #19: the least contract deviation any roster can give, for the bound's LPs.

Every planned total is a sum of shift minutes, so a multiple of their greatest common divisor;
the LP works fractions of shifts and cannot see that. The objective records that least value
(``Objective.least``); the LP beside phase one, its neighbourhood search and the bound step
take it as the deviation's lower bound, the whole-model search of a smaller model does not."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType
from scheduler.solution import SolveOptions
from scheduler.solver import solve, top_tiers
from scheduler.solver.build import build
from scheduler.solver.cpsat import new_solver
from scheduler.solver.objective_contract import least_deviation
from scheduler.solver.objective_terms import Objective, least_posted
from tests import budgets
from tests.solver.test_top_tiers import cover_model, month

START = date(2027, 1, 4)


@pytest.mark.parametrize(("target", "minutes", "least"), [
    (900, [450, 450], 0),  # exactly two shifts
    (899, [450, 450], 1),  # one minute under a multiple
    (901, [450, 450], 1),  # one minute over it
    (1000, [450, 450], 100),  # above every total: the sum is the closest
    (224, [450, 450], 224),  # nearer to nothing worked than to one shift
    (226, [450, 450], 224),  # nearer to one shift
    (9433, [450, 420, 540, 240] * 8, 13),  # the generated month's shifts: multiples of 30
    (500, [], 500),  # no shift can be planned
    (500, [0, 0], 500),  # only shifts of no minutes
])
def test_the_least_deviation_is_the_nearest_multiple_of_the_shifts_divisor(
        target: int, minutes: list[int], least: int) -> None:
    assert least_deviation(target, minutes) == least


def _least_of_dev(position_pct: int, shift: ShiftType) -> tuple[int, int]:
    """(the least the objective records for the deviation, its lower bound in the model)."""
    settings = Settings(start=START, end=START + timedelta(days=6),
                        sunday_work_permitted_by_nature=True, full_time_hours=37.5)
    demand = tuple(DemandItem(day=d, shift=shift.code, minimum=1) for d in settings.days())
    problem = Problem(settings=settings, shifts=(shift,), demand=demand,
                      employees=(Employee(id="P", position_pct=position_pct),))
    built = build(problem, SolveOptions(time_limit=60, workers=1))
    assert built.obj is not None
    (dev,) = [i for i, v in enumerate(built.ctx.model.proto.variables) if v.name == "dev[0]"]
    least = dict(built.obj.least).get(dev, 0)
    return least, built.ctx.model.proto.variables[dev].domain[0]


def test_the_objective_records_the_least_deviation_and_the_search_model_keeps_zero() -> None:
    # 37.5 h a week is 2,250 minutes; shifts of 7 paid hours (420 minutes) give 2,100 or
    # 2,520, so at least 150 minutes away whatever is planned
    seven = ShiftType(code="D", start=time(7), end=time(14, 30), break_minutes=30,
                      break_counts_as_work=False)
    assert _least_of_dev(100, seven) == (150, 0)
    # shifts of 7.5 paid hours meet it exactly (five of them): nothing to record
    seven_and_half = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30,
                               break_counts_as_work=False)
    assert _least_of_dev(100, seven_and_half) == (0, 0)


def _odd_contracts() -> tuple[cp_model.CpModel, Objective]:
    """4 days that each need one of 3 people; a day is 2 hours, each contract 3 hours: every
    total is even, so each person is at least 1 hour away (optimum 3). The LP works fractions
    of days and proves less."""
    m, obj = cover_model(days=4, day=2, contract=3)
    devs = [i for i, v in enumerate(m.proto.variables) if v.name.startswith("dev")]
    obj.least.extend((i, least_deviation(3, [2] * 4)) for i in devs)
    m.minimize(obj.expression())
    return m, obj


def _lp_bound(m: cp_model.CpModel) -> float:
    solver = new_solver()
    solver.parameters.num_workers = 1
    solver.parameters.max_number_of_conflicts = 1  # next to no search: what the LP proves
    solver.parameters.cp_model_presolve = False
    solver.solve(m)
    return solver.best_objective_bound / 60


def test_the_least_values_raise_the_lp_bound_and_are_taken_back() -> None:
    m, obj = _odd_contracts()
    assert [least for _, least in obj.least] == [1, 1, 1]  # one hour each
    assert _lp_bound(m) < 3  # the LP with CP-SAT's cuts: 1
    with least_posted(m, obj):
        assert _lp_bound(m) == 3
    assert [m.proto.variables[i].domain[0] for i, _ in obj.least] == [0, 0, 0]


def test_the_lp_beside_its_search_and_the_bound_step_see_them_the_whole_model_not(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, list[int]]] = []  # (who, the deviations' lower bounds it solved)

    def lows(model: cp_model.CpModel) -> list[int]:
        return [model.proto.variables[i].domain[0] for i, _ in least_of]

    real_beside = top_tiers._Beside

    def beside(model: cp_model.CpModel, seconds: float):  # noqa: ANN202
        seen.append(("beside", lows(model)))
        return real_beside(model, seconds)

    class Solver(cp_model.CpSolver):
        def solve(self, model, callback=None):  # noqa: ANN001, ANN201
            seen.append(("search", lows(model)))
            return super().solve(model, callback)

    monkeypatch.setattr(top_tiers, "_Beside", beside)
    for bound_step, side in ((False, True), (True, False), (False, False)):
        m, obj = _odd_contracts()
        least_of = obj.least
        solver = Solver()
        solver.parameters.num_workers = 1
        solver.parameters.max_deterministic_time = 1.0
        top = top_tiers.run(m, obj, solver, tiers=("contract",), beside=side,
                            bound_step=bound_step)
        assert top.objective == 3.0 and top.bound == 3.0
        assert lows(m) == [0, 0, 0]  # the model is left as it was
    assert seen == [("beside", [1, 1, 1]), ("search", [1, 1, 1]),  # LP beside, neighbourhoods
                    ("search", [1, 1, 1]),  # the bound step
                    ("search", [0, 0, 0])]  # the whole-model search of a smaller model


def test_the_solve_posts_them_for_the_bound_step_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a work budget above the full LP's size, the bound step (no presolve) comes first
    and is the one phase-one step that solves with the least values."""
    monkeypatch.setattr(top_tiers, "MIN_VARIABLES", 0)
    monkeypatch.setattr(top_tiers, "FULL_LP_VARIABLES", 0)
    steps: list[bool] = []
    real = top_tiers.run

    def run(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        steps.append(kw.get("bound_step", False))
        return real(*args, **kw)

    monkeypatch.setattr(top_tiers, "run", run)
    sol = solve(month(staff=5, days=7), budgets.options(0.5, seed=1))
    assert sol.has_roster
    assert steps == [True, False]


@given(minutes=st.lists(st.sampled_from([0, 240, 420, 450, 480, 540, 600]), max_size=12),
       picks=st.lists(st.booleans(), min_size=12, max_size=12),
       target=st.integers(min_value=0, max_value=8_000))
def test_no_total_of_the_shifts_comes_nearer_than_the_least_deviation(
        minutes: list[int], picks: list[bool], target: int) -> None:
    worked = sum(m for m, on in zip(minutes, picks, strict=False) if on)
    assert abs(worked - target) >= least_deviation(target, minutes)
