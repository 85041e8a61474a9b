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


def test_write_records_each_witness_objective_beside_the_instances(tmp_path):
    from benchmarks.curtois.generate import WITNESS_CSV, read_witnesses

    small, other = Shape(6, 14, 2, 4), Shape(9, 28, 3, 2)
    write(small, tmp_path, 3)
    write(other, tmp_path, 12)
    known = read_witnesses(tmp_path)
    assert set(known) == {"Instance3", "Instance12"}
    for name, shape in (("Instance3", small), ("Instance12", other)):
        problem = read_instance(tmp_path / f"{name}.txt")
        assert known[name] == evaluate(problem, _witness_assignments(generate(shape)[1])).objective
    write(small, tmp_path, 3)  # written again: one row per instance, the others kept
    lines = (tmp_path / WITNESS_CSV).read_text().splitlines()
    assert lines == ["instance,witness", f"Instance3,{known['Instance3']}",
                     f"Instance12,{known['Instance12']}"]
    assert read_witnesses(tmp_path / "nowhere") == {}
    assert not list(tmp_path.glob("*.tmp"))


def test_ladder_writes_every_size_of_the_published_large_instances(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from benchmarks.curtois import generate as gen

    assert gen.LADDER[13] == (120, 28, 18) and gen.LADDER[24] == (150, 364, 32)
    assert sorted(gen.LADDER) == list(range(13, 25))
    monkeypatch.setattr(gen, "LADDER", {13: (5, 14, 2), 14: (7, 21, 3)})  # small, same path
    res = CliRunner().invoke(gen.main, [str(tmp_path), "--ladder", "--seed", "3"])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in tmp_path.glob("Instance*.txt")) == ["Instance13.txt",
                                                                     "Instance14.txt"]
    problem = read_instance(tmp_path / "Instance14.txt")
    assert (len(problem.employees), len(problem.days()), len(problem.shifts)) == (7, 21, 3)
    assert set(gen.read_witnesses(tmp_path)) == {"Instance13", "Instance14"}
    assert "witness" in res.output


def test_a_broken_witness_file_is_named_with_its_line(tmp_path):
    from click.testing import CliRunner

    from benchmarks.curtois.__main__ import main as runner
    from benchmarks.curtois.generate import WITNESS_CSV, read_witnesses

    write(Shape(5, 14, 2, 1), tmp_path, 101)
    (tmp_path / WITNESS_CSV).write_text("instance,witness\nInstance101,12\nInstance102,lots\n")
    with pytest.raises(ValueError, match=r"witness.csv, line 3: .*Instance102"):
        read_witnesses(tmp_path)
    res = CliRunner().invoke(runner, [str(tmp_path), "--time-limit", "1", "--no-docs"])
    assert res.exit_code == 2 and "witness.csv, line 3" in res.output  # no traceback, no run
