"""The Curtois-format instance generator and the plain CP-SAT baseline model."""

from __future__ import annotations

from datetime import timedelta

import pytest

from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.generate import Shape, generate, write
from benchmarks.curtois.plain import solve_plain
from benchmarks.curtois.reader import DAY0, SECTIONS, read_instance
from tests import budgets


def _witness_assignments(witness):
    return {(e, DAY0 + timedelta(days=d)): s for e, plan in witness.items() for d, s in plan.items()}


@pytest.mark.parametrize("shape", [Shape(8, 14, 2, 1), Shape(30, 56, 7, 2), Shape(60, 84, 12, 3)])
def test_generated_instance_keeps_the_format_and_its_witness_is_legal(tmp_path, shape):
    text, witness = generate(shape)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    names = [line for line in text.split("\r\n") if line.startswith("SECTION_")]
    assert tuple(names) == SECTIONS
    path = write(shape, tmp_path, 7)
    problem = read_instance(path)
    assert len(problem.employees) == shape.staff
    assert len(problem.days()) == shape.days
    assert len(problem.shifts) == shape.shifts
    # one cover line per (day, shift), every shift type in every staff line
    assert len(problem.demand) == shape.days * shape.shifts
    assert all(len(c.max_shifts) == shape.shifts for c in problem.contracts)
    # requests: never on a fixed day off, never on and off on one day
    fixed = {(r.employee, r.start) for r in problem.requests if r.kind.value == "unavailable"}
    wishes = [(r.employee, r.start) for r in problem.requests if r.kind.value != "unavailable"]
    assert not fixed & set(wishes)
    assert len(wishes) == len(set(wishes))
    evaluation = evaluate(problem, _witness_assignments(witness))
    assert evaluation.feasible, evaluation.breaches[:5]


def test_generation_is_reproducible_from_the_seed():
    assert generate(Shape(20, 28, 4, 5))[0] == generate(Shape(20, 28, 4, 5))[0]
    assert generate(Shape(20, 28, 4, 5))[0] != generate(Shape(20, 28, 4, 6))[0]


def test_horizon_must_be_whole_weeks():
    with pytest.raises(ValueError, match="multiple of 7"):
        generate(Shape(5, 10, 2))


def test_plain_model_finds_a_legal_roster_no_worse_than_the_witness(tmp_path):
    shape = Shape(6, 14, 2, 4)
    text, witness = generate(shape)
    problem = read_instance(write(shape, tmp_path, 1))
    # one worker and a work budget: CP-SAT proves this model optimal after 5.91 units of work
    # (measured; 6 to 25 s of wall clock), whatever the machine; the time limit is a safety net
    result = solve_plain(problem, time_limit=budgets.SAFETY_SECONDS, workers=1, seed=0,
                         work_limit=8.0)
    assert result.status == "OPTIMAL"
    evaluation = evaluate(problem, result.assignments)
    assert evaluation.feasible, evaluation.breaches[:5]
    assert evaluation.objective <= evaluate(problem, _witness_assignments(witness)).objective
    assert evaluation.objective == round(result.objective)
