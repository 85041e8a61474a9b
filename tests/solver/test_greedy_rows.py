"""The plain-Python first roster for contract-rule problems (scheduler/solver/greedy_rows.py) and
its CP-SAT repair in the sweep (scheduler/solver/decompose.py)."""

from __future__ import annotations

from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.generate import Shape, write
from benchmarks.curtois.reader import read_instance
from constraints.checker import check_problem
from constraints.kernel.geometry import Geometry
from constraints.registry import rules_for
from scheduler.model import FixedAssignment, roster_from_assignments
from scheduler.solver import decompose, greedy_rows, row_walk
from scheduler.solver.objective import SCALE


def _assignments(geo, rows):
    return {(geo.emps[e].id, geo.days[d]): geo.shifts[s].code
            for e, row in rows.items() for d, s in row.items()}


def _legal(problem, geo, rows) -> list[str]:
    roster = roster_from_assignments(problem, _assignments(geo, rows))
    return [f"{f.rule} {f.employee}" for f in check_problem(problem, roster).findings]


def _planned(problem):
    geo = Geometry(problem)
    planner = greedy_rows.Planner(geo, rules_for(problem))
    rows, left = {}, []
    for e in range(geo.E):
        row = planner.row(e)
        if row is None:
            left.append(e)
            continue
        rows[e] = row
        planner.take(e, row)
    return geo, rows, left


def test_every_walked_row_passes_the_checker_and_is_priced_as_the_benchmark_prices_it(tmp_path):
    problem = read_instance(write(Shape(24, 56, 8, 7), tmp_path, 1))
    geo, rows, left = _planned(problem)
    assert not left  # the generated instances are the walk's own ground
    assert _legal(problem, geo, rows) == []
    own, cover = greedy_rows.roster_cost(geo, rows)
    total = sum(c["requests"] for c in own.values()) + sum(cover.values())
    assert total == evaluate(problem, _assignments(geo, rows)).objective * SCALE
    # the walk plans towards missing cover: better than nobody working
    assert evaluate(problem, _assignments(geo, rows)).cover_penalty < evaluate(problem, {}).cover_penalty


def test_the_sweep_starts_from_the_walk_and_goes_on_improving_with_the_same_prices(tmp_path):
    problem = read_instance(write(Shape(12, 28, 4, 3), tmp_path, 2))
    geo = Geometry(problem)
    seen: list[int] = []

    def record(scaled, rows):
        ev = evaluate(problem, _assignments(geo, rows))
        assert ev.feasible and _legal(problem, geo, rows) == []
        assert scaled == ev.objective * SCALE  # the running total stays the benchmark's
        seen.append(scaled)

    models = decompose.RowModels(geo, rules_for(problem))
    result = decompose.sweep(geo, models.rules, seed=1, work_budget=5.0, models=models,
                             on_better=record)
    assert result is not None and models.repaired == []
    assert len(seen) >= 2 and seen == sorted(seen, reverse=True)
    assert models.cell_count() == sum(len(models.base(e).x) for e in range(geo.E))


def test_a_row_the_walk_cannot_plan_is_planned_by_the_cp_sat_repair(tmp_path):
    problem = read_instance(write(Shape(10, 28, 4, 5), tmp_path, 3))
    geo = Geometry(problem)
    # a pinned shift is no rule the walk keeps: that employee's row goes to CP-SAT
    emp = problem.employees[2].id
    first, _ = _first_open(problem, geo, 2)
    pinned = problem.model_copy(update={"fixed": [FixedAssignment(employee=emp, day=first[0],
                                                                  shift=first[1])]})
    geo = Geometry(pinned)
    models = decompose.RowModels(geo, rules_for(pinned))
    result = decompose.sweep(geo, models.rules, seed=0, work_budget=0.0, models=models)
    assert result is not None and models.repaired == [2]
    assert result.rows[2][geo.day_index[first[0]]] == geo.shift_index[first[1]]
    assert _legal(pinned, geo, result.rows) == []


def _first_open(problem, geo, e):
    planner = greedy_rows.Planner(geo, rules_for(problem))
    rr = planner.row_rules(e)
    d = next(d for d, o in enumerate(rr.open) if o)
    return (geo.days[d], geo.shifts[rr.open[d][0]].code), rr


def test_no_legal_row_at_all_makes_the_sweep_say_so(tmp_path):
    problem = read_instance(write(Shape(6, 14, 3, 2), tmp_path, 4))
    c = problem.contracts[0]
    impossible = c.model_copy(update={"min_total_minutes": 10**6, "max_total_minutes": None})
    problem = problem.model_copy(update={"contracts": [impossible, *problem.contracts[1:]]})
    geo = Geometry(problem)
    assert greedy_rows.Planner(geo, rules_for(problem)).row(0) is None
    assert decompose.sweep(geo, rules_for(problem), seed=0, work_budget=0.0, row_work=0.05) is None


def _rules(**kw) -> row_walk.RowRules:
    base = dict(open=[[0, 1]] * 14, minutes=[480, 600], cap={0: 5, 1: 5}, min_total=None,
                max_total=None, max_consec=3, min_consec=2, min_off=2, max_weekends=1,
                weekend=[-1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, 1, 1],
                forbidden={(1, 0)})
    base.update(kw)
    return row_walk.RowRules(**base)


def test_violations_finds_each_rule_just_over_its_limit_and_not_at_it():
    rr = _rules()
    assert row_walk.violations(rr, {1: 0, 2: 0, 3: 0}) == []  # 3 days: at the maximum
    assert row_walk.violations(rr, {1: 0, 2: 0, 3: 0, 4: 0})  # 4: one over
    assert row_walk.violations(rr, {2: 0, 3: 0}) == []  # 2 days: at the minimum
    assert row_walk.violations(rr, {2: 0})  # 1 day inside the horizon: too short
    assert row_walk.violations(rr, {0: 0}) == []  # ... touching the start: exempt
    assert row_walk.violations(rr, {1: 0, 2: 0, 5: 0, 6: 0}) == []  # 2 days off: the minimum
    assert row_walk.violations(rr, {1: 0, 2: 0, 4: 0, 5: 0})  # 1 day off between
    assert row_walk.violations(rr, {5: 0, 6: 0, 12: 0, 13: 0})  # 2 weekends, 1 allowed
    assert row_walk.violations(rr, {1: 0, 2: 1}) == []  # 0 after 1 is forbidden, not 1 after 0
    assert row_walk.violations(rr, {1: 1, 2: 0})
    assert row_walk.violations(_rules(min_total=960), {1: 0, 2: 0}) == []
    assert row_walk.violations(_rules(min_total=961), {1: 0, 2: 0})
    assert row_walk.violations(_rules(max_total=960), {1: 0, 2: 0}) == []
    assert row_walk.violations(_rules(max_total=959), {1: 0, 2: 0})
    assert row_walk.violations(_rules(cap={0: 2}), {1: 0, 2: 0}) == []
    assert row_walk.violations(_rules(cap={0: 1}), {1: 0, 2: 0})
    assert row_walk.violations(_rules(open=[[1]] * 14), {1: 0, 2: 1})  # cell not open


def test_the_walk_keeps_every_rule_on_a_tight_contract():
    # minutes within one shift's room, 1 weekend, blocks of 2-3, a forbidden succession
    rr = _rules(min_total=4 * 480, max_total=4 * 480 + 120)
    gain = [[100, 50]] * 14
    for pace in row_walk.PACES:
        row = row_walk.walk(rr, gain, pace)
        assert row_walk.violations(rr, row) == [], (pace, row)


def test_walking_the_rows_again_only_ever_lowers_the_objective_and_stays_legal(tmp_path):
    problem = read_instance(write(Shape(24, 56, 8, 11), tmp_path, 5))
    geo = Geometry(problem)
    planner = greedy_rows.Planner(geo, rules_for(problem))
    rows = {}
    for e in range(geo.E):
        rows[e] = planner.row(e)
        planner.take(e, rows[e])
    before = evaluate(problem, _assignments(geo, rows)).objective
    gained = planner.improve(rows)
    after = evaluate(problem, _assignments(geo, rows)).objective
    assert gained >= 0 and before * SCALE - gained == after * SCALE  # the pass's own account
    assert _legal(problem, geo, rows) == []
    # the planner's cover is the roster's: a second pass starts from the right prices
    assert all(sorted(planner.workers[c]) == sorted(e for e, r in rows.items() if r.get(c[0]) == c[1])
               for c in planner.workers)
