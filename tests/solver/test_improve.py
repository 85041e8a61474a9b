"""The variable neighbourhood search (scheduler/solver/improve.py): from a legal roster it only
returns legal rosters that are no worse, every improvement is reported, the caller's model is
left as it was, a work budget makes it reproducible, and a neighbourhood freeing every cell
proves the optimum."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.reader import read_instance
from scheduler.model import DemandItem
from scheduler.solver import contract_search, improve
from scheduler.solver.build import build
from scheduler.solver.cpsat import Budget
from scheduler.solver.objective import SCALE
from tests import budgets

INSTANCES = Path(__file__).resolve().parents[2] / "benchmarks" / "curtois" / "instances"


def _start(name: str):  # noqa: ANN202
    """The problem, its whole model and the sweep's roster completed in it."""
    problem = read_instance(INSTANCES / name)
    options = budgets.options(1.0)
    budget = Budget(options.time_limit, 1.0)
    swept = contract_search.first(problem, options, budget, []).swept
    assert swept is not None
    built = build(problem, options)
    values = contract_search._complete(built.ctx, swept, contract_search.Clock(budget))
    assert values is not None
    return problem, built.ctx, values[0], int(values[1])


def _roster(problem, ctx, values: list[int]) -> dict:  # noqa: ANN001
    geo = ctx.geo
    return {(geo.emps[e].id, geo.days[d]): geo.shifts[s].code
            for (e, d, s), v in ctx.x.items() if values[v.index]}


def _assignments(ctx, values: list[int]):  # noqa: ANN001, ANN202
    geo = ctx.geo
    return [SimpleNamespace(day=geo.days[d], shift=geo.shifts[s].code)
            for (_e, d, s), v in ctx.x.items() if values[v.index]]


def _search(ctx, values: list[int], objective: int, work: float, seen: list[int]):  # noqa: ANN001, ANN202
    spent = [0.0]

    def charge(solver, _status) -> None:  # noqa: ANN001
        spent[0] += solver.deterministic_time

    return improve.search(ctx, values, objective, seed=3, workers=1,
                          left=lambda: budgets.SAFETY_SECONDS,
                          work_left=lambda: work - spent[0], improved=seen.append,
                          charge=charge)


def test_the_search_returns_a_legal_roster_no_worse_than_its_start() -> None:
    problem, ctx, values, start = _start("Instance3.txt")
    before = str(ctx.model.proto)
    assert evaluate(problem, _roster(problem, ctx, values)).objective == start / SCALE
    seen: list[int] = []
    found = _search(ctx, values, start, 3.0, seen)
    assert found.steps >= 3  # every kind of neighbourhood was visited
    ev = evaluate(problem, _roster(problem, ctx, found.values))
    assert ev.feasible, ev.breaches[:3]
    assert ev.objective == found.objective / SCALE <= start / SCALE
    assert seen == sorted(set(seen), reverse=True)  # every report an improvement
    assert all(s < start for s in seen)
    assert (seen[-1] if seen else start) == found.objective
    assert str(ctx.model.proto) == before  # the caller's model is untouched


def test_one_worker_and_a_work_budget_give_the_same_roster() -> None:
    _problem, ctx, values, start = _start("Instance2.txt")
    a = _search(ctx, values, start, 1.5, [])
    b = _search(ctx, values, start, 1.5, [])
    assert a.values == b.values and a.steps == b.steps


def test_a_neighbourhood_freeing_every_cell_proves_the_optimum(monkeypatch) -> None:
    problem, ctx, values, start = _start("Instance1.txt")
    monkeypatch.setattr(improve, "FIRST_DAYS", ctx.geo.D)  # the first neighbourhood: every day
    monkeypatch.setattr(improve, "SUB_WORK", 60.0)
    found = _search(ctx, values, start, 60.0, [])
    assert found.optimal and found.whole and found.steps == 1
    ev = evaluate(problem, _roster(problem, ctx, found.values))
    assert ev.feasible and ev.objective == found.objective / SCALE == 607  # the proven optimum


def test_a_neighbourhood_freeing_every_cell_unsolved_ends_the_search(monkeypatch) -> None:
    problem, ctx, values, start = _start("Instance3.txt")
    monkeypatch.setattr(improve, "FIRST_DAYS", ctx.geo.D)
    monkeypatch.setattr(improve, "SUB_WORK", 0.02)  # far too little to prove anything
    found = _search(ctx, values, start, 5.0, [])
    assert found.steps == 1 and found.whole and not found.optimal
    ev = evaluate(problem, _roster(problem, ctx, found.values))
    assert ev.feasible and ev.objective == found.objective / SCALE <= start / SCALE


def test_short_days_are_the_days_a_demand_line_is_covered_below_its_target() -> None:
    problem, ctx, values, _start_objective = _start("Instance1.txt")
    cells = {key: v.index for key, v in ctx.x.items()}
    before = improve.short_days(ctx, cells, values)
    geo = ctx.geo
    # the evaluator's reading: a day is short once per cover line below its target
    counted = Counter((geo.day_index[a.day], geo.shift_index[a.shift]) for a in _assignments(ctx, values))
    expected = [geo.day_index[item.day] for item in problem.demand
                if counted[geo.day_index[item.day], geo.shift_index[item.shift]] < item.target]
    assert before == expected
    # nobody works the first cover line's cell any more: its day is short
    item = problem.demand[0]
    d, s = geo.day_index[item.day], geo.shift_index[item.shift]
    emptied = list(values)
    for (_e, d2, s2), i in cells.items():
        if (d2, s2) == (d, s):
            emptied[i] = 0
    assert item.target > 0
    after = improve.short_days(ctx, cells, emptied)
    was_short = counted[d, s] < item.target
    assert after.count(d) == before.count(d) + (0 if was_short else 1)
    assert [x for x in after if x != d] == [x for x in before if x != d]  # no other day changed


def test_a_demand_line_of_a_skill_counts_only_who_has_the_skill() -> None:
    emps = [SimpleNamespace(skills=("RN",)), SimpleNamespace(skills=())]
    day, shift = date(2026, 3, 2), "D"
    geo = SimpleNamespace(emps=emps, day_index={day: 0}, shift_index={shift: 0})
    demand = [DemandItem(day=day, shift=shift, minimum=1, skill="RN"),
              DemandItem(day=day, shift=shift, minimum=2)]
    ctx = SimpleNamespace(geo=geo, problem=SimpleNamespace(demand=demand))
    cells = {(0, 0, 0): 0, (1, 0, 0): 1}
    assert improve.short_days(ctx, cells, [1, 1]) == []  # the nurse covers both lines
    assert improve.short_days(ctx, cells, [0, 1]) == [0, 0]  # no nurse, and one person short
    assert improve.short_days(ctx, cells, [1, 0]) == [0]  # one person short of two


@pytest.mark.parametrize("short_day", [0, 3, 13])
def test_a_days_neighbourhood_holds_a_short_day(short_day: int) -> None:
    n_days, size = 14, 5
    cells = {(e, d, 0): i for i, (e, d) in enumerate((e, d) for e in range(3) for d in range(n_days))}
    sizes = {"days": improve._Size(size, n_days)}
    for seed in range(40):
        free = improve._neighbourhood("days", sizes, cells, [0, 1, 2], n_days,
                                      random.Random(seed), [short_day])
        days = sorted({d for _e, d, _s in free})
        assert short_day in days
        assert days == list(range(days[0], days[0] + size))  # size consecutive days
        assert len(free) == 3 * size  # of every employee
