"""Before phase one: the neighbourhood that covers a scarce skill's short shift."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from constraints.checker import check_problem
from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType
from scheduler.solution import Assignment
from scheduler.solver import cover_short, solve, top_tiers
from scheduler.solver.build import build
from scheduler.solver.cpsat import Budget
from scheduler.solver.progress import Trace
from scheduler.solver.start import _Fallback, _greedy_start
from tests import budgets

D = ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30)  # 7.5 h paid
MONDAY = date(2026, 4, 13)
WORK = 20.0  # deterministic time for each search


def chain_week(generic_short: bool = False) -> Problem:
    """S (the only specialist) may work one D shift in the week (25 % of 37.5 h, no tolerance
    past the contract); N (a nurse) any. Monday and Friday need a nurse, Wednesday a specialist
    (or, with ``generic_short``, anyone). The model has cells on those days only."""
    s = Settings(start=MONDAY, end=MONDAY + timedelta(days=6), contract_tolerance_shifts=0,
                 sunday_work_permitted_by_nature=True)
    emps = (Employee(id="S", skills=("nurse", "specialist"), position_pct=25),
            Employee(id="N", skills=("nurse",), position_pct=100))
    wednesday = MONDAY + timedelta(days=2)
    demand = (DemandItem(day=MONDAY, shift="D", skill="nurse", minimum=1),
              DemandItem(day=wednesday, shift="D", skill="" if generic_short else "specialist",
                         minimum=1),
              DemandItem(day=MONDAY + timedelta(days=4), shift="D", skill="nurse", minimum=1))
    return Problem(settings=s, shifts=(D,), employees=emps, demand=demand)


def started(problem: Problem, cells: list[tuple[str, int]]):  # noqa: ANN201 - (ctx, obj, start)
    """The built model and the legal roster ``cells`` ((employee, day offset) on D) as its
    start."""
    options = budgets.options(WORK, seed=1)
    budget = Budget(options.time_limit, options.work_limit)
    built = build(problem, options, budget=budget)
    assert built.obj is not None and not built.conflicts
    roster = [Assignment(employee=e, day=MONDAY + timedelta(days=d), shift="D") for e, d in cells]
    start = _greedy_start(built.ctx, built, options, budget, Trace(), start=roster)
    assert start is not None, "the start roster is not legal"
    return built.ctx, built.obj, start, budget


def worked(ctx, value) -> set[tuple[str, int]]:  # noqa: ANN001
    geo = ctx.geo
    return {(geo.emps[e].id, d) for (e, d, _), v in ctx.x.items() if value(v)}


def test_short_skills_are_the_skills_of_the_short_minimum() -> None:
    ctx, obj, start, _ = started(chain_week(), [("S", 0)])
    assert cover_short.short_skills(obj, start.value) == {"specialist", "nurse"}
    ctx, obj, start, _ = started(chain_week(), [("S", 0), ("N", 4)])
    assert cover_short.short_skills(obj, start.value) == {"specialist"}
    ctx, obj, start, _ = started(chain_week(), [("N", 0), ("S", 2), ("N", 4)])
    assert cover_short.short_skills(obj, start.value) == set()
    ctx, obj, start, _ = started(chain_week(generic_short=True), [("S", 0), ("N", 4)])
    assert cover_short.short_skills(obj, start.value) == {""}


def test_the_neighbourhood_keeps_only_the_working_days_of_those_without_the_skill() -> None:
    ctx, _, start, _ = started(chain_week(), [("S", 0), ("N", 4)])
    kept = cover_short.neighbourhood(ctx, {"specialist"}, start.value)
    geo = ctx.geo
    n, s = geo.emp_index["N"], geo.emp_index["S"]
    assert kept == {ctx.x[(n, 4, 0)].index: 1}  # N's Monday off is free too
    assert all(ctx.x[(s, d, 0)].index not in kept for d in (0, 2, 4))  # the specialist's row


def test_cover_makes_the_chain_that_a_scarce_skill_needs() -> None:
    # S is at the cap of their hours on Monday. Wednesday is covered only if S moves there
    # and N takes Monday over: three moves, none of which helps on its own.
    ctx, obj, start, budget = started(chain_week(), [("S", 0), ("N", 4)])
    covered = cover_short.cover(ctx, obj, start, workers=1, seed=1, budget=budget)
    assert covered is not None
    assert worked(ctx, covered.value) >= {("S", 2), ("N", 0), ("N", 4)}
    assert cover_short.short_skills(obj, covered.value) == set()
    assert covered.exact and covered.objective < start.objective
    assert covered.objective == pytest.approx(sum(obj.by_tier(covered.value).values()))
    hints = dict(zip(ctx.model.proto.solution_hint.vars, ctx.model.proto.solution_hint.values,
                     strict=True))
    assert all(hints[v.index] == covered.value(v) for v in ctx.x.values())  # phase one's start


def test_cover_is_not_tried_without_a_skill_or_without_a_short_shift() -> None:
    ctx, obj, start, budget = started(chain_week(generic_short=True), [("S", 0), ("N", 4)])
    assert cover_short.cover(ctx, obj, start, workers=1, seed=1, budget=budget) is None
    ctx, obj, start, budget = started(chain_week(), [("N", 0), ("S", 2), ("N", 4)])
    assert cover_short.cover(ctx, obj, start, workers=1, seed=1, budget=budget) is None


def test_a_cover_no_better_than_the_start_is_not_kept() -> None:
    ctx, obj, start, budget = started(chain_week(), [("S", 0), ("N", 4)])
    dearer = _Fallback(start.value, objective=0.0)  # no roster beats it
    assert cover_short.cover(ctx, obj, dearer, workers=1, seed=1, budget=budget) is None


def test_solve_covers_before_phase_one_and_tries_again_after_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(top_tiers, "MIN_VARIABLES", 0)  # two phases on this small model
    calls: list[_Fallback | None] = []
    seeds: list[int] = []
    real = cover_short.cover

    def cover(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        seeds.append(args[4])
        calls.append(real(*args, **kw))
        return calls[-1]

    monkeypatch.setattr(cover_short, "cover", cover)
    problem = chain_week()
    start = [Assignment(employee="S", day=MONDAY, shift="D"),
             Assignment(employee="N", day=MONDAY + timedelta(days=4), shift="D")]
    sol = solve(problem, budgets.options(WORK, seed=1), start=start)
    # before phase one (it covers), and after it (nothing is short then)
    assert len(calls) == 2 and calls[0] is not None and calls[1] is None
    assert seeds == [1, 1 + cover_short.ROUNDS]  # the second call's rounds have new seeds
    assert sol.has_roster and sol.shortfall == []
    assert sol.objective <= calls[0].objective + 1e-6
    assert check_problem(problem, sol.roster).violations == []


def test_a_round_that_covers_nothing_is_followed_by_one_with_another_seed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, obj, start, budget = started(chain_week(), [("S", 0), ("N", 4)])
    seeds: list[int] = []
    real = cover_short._search

    def search(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        seeds.append(args[5])
        return None if len(seeds) == 1 else real(*args, **kw)  # the first round stalls

    monkeypatch.setattr(cover_short, "_search", search)
    covered = cover_short.cover(ctx, obj, start, workers=1, seed=1, budget=budget)
    assert seeds == [1, 2]
    assert covered is not None and cover_short.short_skills(obj, covered.value) == set()


def test_no_round_follows_a_cover(monkeypatch: pytest.MonkeyPatch) -> None:
    ctx, obj, start, budget = started(chain_week(), [("S", 0), ("N", 4)])
    seeds: list[int] = []
    real = cover_short._search

    def search(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        seeds.append(args[5])
        return real(*args, **kw)

    monkeypatch.setattr(cover_short, "_search", search)
    assert cover_short.cover(ctx, obj, start, workers=1, seed=1, budget=budget) is not None
    assert seeds == [1]
