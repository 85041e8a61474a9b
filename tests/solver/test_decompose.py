"""The employee-by-employee start for contract-rule problems (scheduler/solver/decompose.py)."""

from __future__ import annotations

from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.generate import Shape, write
from benchmarks.curtois.reader import read_instance
from constraints.kernel.geometry import Geometry
from constraints.registry import posted_rules
from scheduler.solver.decompose import sweep
from scheduler.solver.objective import SCALE


def _contract_rules():
    return [r for r in posted_rules() if not r.spec.id.startswith(("AML-", "TAR-"))]


def _assignments(geo, rows):
    return {(geo.emps[e].id, geo.days[d]): geo.shifts[s].code
            for e, row in rows.items() for d, s in row.items()}


def test_sweeps_give_legal_rosters_that_never_get_worse(tmp_path):
    problem = read_instance(write(Shape(12, 28, 4, 3), tmp_path, 1))
    geo = Geometry(problem)
    seen: list[int] = []

    def record(scaled, rows):
        ev = evaluate(problem, _assignments(geo, rows))
        assert ev.feasible, ev.breaches[:5]
        assert scaled == ev.objective * SCALE  # the sweep's own total is the benchmark's
        seen.append(ev.objective)

    result = sweep(geo, _contract_rules(), seed=1, work_budget=20.0, on_better=record)
    assert result is not None and result.sweeps >= 2
    assert len(seen) >= 2  # the first roster and at least one better one
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == len(seen)
    assert len(result.rows) == len(problem.employees)
    final = evaluate(problem, _assignments(geo, result.rows))
    assert final.feasible and final.objective == seen[-1]
    assert result.objective == final.objective * SCALE == sum(result.by_tier.values())


def test_the_same_seed_and_work_budget_give_the_same_rows(tmp_path):
    problem = read_instance(write(Shape(10, 28, 3, 9), tmp_path, 2))
    geo = Geometry(problem)
    a = sweep(geo, _contract_rules(), seed=4, work_budget=3.0)
    b = sweep(Geometry(problem), _contract_rules(), seed=4, work_budget=3.0)
    assert a is not None and b is not None
    assert a.rows == b.rows and a.sweeps == b.sweeps


def test_first_sweep_covers_better_than_no_roster(tmp_path):
    problem = read_instance(write(Shape(12, 28, 4, 5), tmp_path, 3))
    geo = Geometry(problem)
    result = sweep(geo, _contract_rules(), seed=0, work_budget=0.0)  # the first sweep only
    assert result is not None and result.sweeps == 1
    empty = evaluate(problem, {}).cover_penalty
    assert evaluate(problem, _assignments(geo, result.rows)).cover_penalty < empty
