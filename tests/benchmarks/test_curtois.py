"""The Curtois & Qu reader builds an ordinary Problem; the evaluator scores rosters independently."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from benchmarks.curtois.evaluator import evaluate
from benchmarks.curtois.reader import DAY0, read_instance
from scheduler.errors import InputError
from scheduler.model import RequestKind
from tests import budgets

# copies inside the repository (their source and SHA-256 sums: the README beside them)
INSTANCES = Path(__file__).resolve().parents[2] / "benchmarks" / "curtois" / "instances"
INSTANCE1 = INSTANCES / "Instance1.txt"


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "mini.txt"
    p.write_text(text.replace("\n", "\r\n"))
    return p


MINI = """# comment
SECTION_HORIZON
7

SECTION_SHIFTS
D,480,
N,600,D

SECTION_STAFF
A,D=7|N=2,3000,960,5,1,1,1
B,D=7|N=0,3000,0,5,1,1,1

SECTION_DAYS_OFF
A,6
B,

SECTION_SHIFT_ON_REQUESTS
A,0,D,2

SECTION_SHIFT_OFF_REQUESTS
B,1,D,3

SECTION_COVER
0,D,1,100,1
0,N,0,100,1
1,D,1,100,1
1,N,0,100,1
2,D,0,100,1
2,N,1,100,1
3,D,0,100,1
3,N,0,100,1
4,D,0,100,1
4,N,0,100,1
5,D,0,100,1
5,N,0,100,1
6,D,0,100,1
6,N,0,100,1
"""


def test_reader_maps_every_section(tmp_path: Path) -> None:
    p = read_instance(_write(tmp_path, MINI))
    assert [s.code for s in p.shifts] == ["D", "N"]
    assert p.shift("N").nominal_minutes() == 600
    assert len(p.days()) == 7 and p.settings.start == DAY0 and DAY0.weekday() == 0
    assert p.settings.apply_aml is False
    a, b = p.contracts
    assert a.max_shifts == {"D": 7, "N": 2} and a.min_total_minutes == 960
    assert a.forbidden_successions == (("N", "D"),)
    assert p.employee("B").skills == ("D",)  # N=0 means not qualified
    kinds = sorted((r.employee, r.kind.value, r.weight) for r in p.requests)
    assert kinds == [("A", "shift_wish", 2), ("A", "unavailable", 1.0), ("B", "avoid_shift", 3)]
    assert len(p.demand) == 14 and p.demand[0].weight == 100 and p.demand[0].over_weight == 1


def test_evaluator_scores_cover_and_requests(tmp_path: Path) -> None:
    p = read_instance(_write(tmp_path, MINI))
    d = [DAY0 + timedelta(days=i) for i in range(7)]
    # A works D on day 0 (request granted), N on day 2; B works D on day 1 (off-request broken).
    roster = {("A", d[0]): "D", ("A", d[2]): "N", ("B", d[1]): "D"}
    ev = evaluate(p, roster)
    assert ev.cover_penalty == 0
    assert ev.request_penalty == 3
    assert ev.objective == 3
    assert ev.feasible, ev.breaches
    # One more D on day 0 and A's D on day 6 are over-cover (1 each); day 6 is A's fixed day off.
    ev2 = evaluate(p, {**roster, ("B", d[0]): "D", ("A", d[6]): "D"})
    assert ev2.cover_penalty == 2
    assert any("fixed day off" in b for b in ev2.breaches)


def test_reader_reports_every_problem(tmp_path: Path) -> None:
    bad = MINI.replace("A,D=7|N=2,3000,960,5,1,1,1", "A,D=7|X=2,3000,96O,5,1,1,1").replace(
        "B,1,D,3", "Z,1,D,3")
    with pytest.raises(InputError) as exc:
        read_instance(_write(tmp_path, bad))
    text = str(exc.value)
    assert "unknown shift 'X'" in text and "'96O'" in text and "EmployeeID,Day,ShiftID,Weight" in text
    assert len(exc.value.issues) == 3


def test_instance1_reads_as_published() -> None:
    p = read_instance(INSTANCE1)
    assert (len(p.days()), len(p.employees), len(p.shifts)) == (14, 8, 1)
    assert sum(1 for r in p.requests if r.kind == RequestKind.unavailable) == 8


# ---------------------------------------------------------------------------------------------
# The solver's objective is the benchmark's objective


def _solve(problem, work: float = 0.5):  # noqa: ANN001, ANN202
    from scheduler.solver import solve

    return solve(problem, budgets.options(work))


@pytest.mark.parametrize(("n", "work"), [(1, 0.5), (2, 0.5), (3, 1.5)])
def test_solver_objective_equals_the_evaluator(n: int, work: float) -> None:
    p = read_instance(INSTANCES / f"Instance{n}.txt")
    sol = _solve(p, work)  # Instance3's lean start needs more than 0.5 units for a roster
    assert sol.has_roster
    ev = evaluate(p, {(a.employee, a.day): a.shift for a in sol.assignments})
    assert ev.feasible, ev.breaches[:3]
    assert sol.objective == ev.objective
    tiers = sol.objective_by_tier
    assert sum(tiers.values()) == ev.objective
    assert tiers["below_target"] + tiers["overstaffing"] == ev.cover_penalty
    assert tiers["requests"] == ev.request_penalty
    assert {k for k, v in tiers.items() if v} <= {"below_target", "overstaffing", "requests"}


ZERO_COVER = """SECTION_HORIZON
7

SECTION_SHIFTS
D,480,

SECTION_STAFF
A,D=7,3000,0,7,1,1,2

SECTION_DAYS_OFF
A,

SECTION_SHIFT_ON_REQUESTS
A,3,D,3

SECTION_SHIFT_OFF_REQUESTS

SECTION_COVER
0,D,0,100,1
1,D,0,100,1
2,D,0,100,1
3,D,0,100,1
4,D,0,100,1
5,D,0,100,1
6,D,0,100,1
"""


def test_a_zero_requirement_cell_can_still_be_worked(tmp_path: Path) -> None:
    # Working D on day 3 costs 1 (over-cover) and grants a wish worth 3: the optimum is 1.
    p = read_instance(_write(tmp_path, ZERO_COVER))
    sol = _solve(p)
    assert sol.status == "OPTIMAL"
    assert [(a.employee, a.day, a.shift) for a in sol.assignments] == [
        ("A", DAY0 + timedelta(days=3), "D")]
    assert sol.objective == 1
    assert evaluate(p, {("A", DAY0 + timedelta(days=3)): "D"}).objective == 1


# ---------------------------------------------------------------------------------------------
# The runner


def test_runner_table_json_and_blank_best_known(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from benchmarks.curtois.__main__ import main, parse_selection

    assert parse_selection("1-3,7") == {1, 2, 3, 7}
    assert parse_selection(None) is None
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "Instance3.txt").write_text(MINI.replace("\n", "\r\n"))
    (folder / "Instance4.txt").write_text(MINI.replace("\n", "\r\n"))
    out = tmp_path / "rows.json"
    res = CliRunner().invoke(main, [str(folder), *budgets.cli(0.5), "--instances", "3",
                                    "--json", str(out), "--no-docs"])
    assert res.exit_code == 0, res.output
    rows = json.loads(out.read_text())
    assert [r["instance"] for r in rows] == ["Instance3"]
    assert set(rows[0]) == {"instance", "objective", "bound", "best_known", "gap_pct", "time_to_first",
                            "time_to_best", "seconds", "status"}
    assert rows[0]["time_to_first"] is not None  # the first roster is in the trace
    assert rows[0]["time_to_first"] <= rows[0]["time_to_best"] <= rows[0]["seconds"]
    assert rows[0]["best_known"] is None and rows[0]["gap_pct"] is None
    assert rows[0]["objective"] is not None and rows[0]["status"] in ("OPTIMAL", "FEASIBLE")


def test_runner_replaces_only_its_own_section(tmp_path: Path) -> None:
    from benchmarks.curtois.__main__ import BEGIN, END, markdown, write_docs

    docs = tmp_path / "benchmarks.md"
    docs.write_text(f"# Benchmarks\n\nintro\n\n{BEGIN}\nold table\n{END}\n\n## Other\nkept\n")
    row = {"instance": "Instance1", "staff": 8, "days": 14, "shift_types": 1, "objective": 607,
           "best_known": None, "gap_pct": None, "time_to_first": 0.2, "time_to_best": 0.4, "seconds": 1.0,
           "status": "OPTIMAL", "cores": 2}
    write_docs(markdown([row], "python -m benchmarks.curtois X"), docs)
    text = docs.read_text()
    assert "old table" not in text and "intro" in text and "## Other\nkept" in text
    line = next(x for x in text.splitlines() if x.startswith("| Instance1"))
    assert line == "| Instance1 | 8 | 14 | 1 | 607 |  |  | 0.2 | 0.4 | 1.0 | OPTIMAL | 2 |  |  |"
    assert not list(tmp_path.glob("*.tmp"))
    assert "witness" not in text  # no generated instance, no witness column


def test_runner_shows_a_generated_instance_s_witness(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from benchmarks.curtois.__main__ import main, markdown
    from benchmarks.curtois.generate import Shape, write

    write(Shape(5, 14, 2, 1), tmp_path, 101)
    witness = (tmp_path / "witness.csv").read_text().splitlines()[1].split(",")[1]
    out = tmp_path / "rows.json"
    res = CliRunner().invoke(main, [str(tmp_path), *budgets.cli(0.5), "--json", str(out),
                                    "--no-docs"])
    assert res.exit_code == 0, res.output
    rows = json.loads(out.read_text())
    assert rows[0]["witness"] == int(witness) and f"witness {witness}" in res.output
    assert rows[0]["objective"] <= int(witness)  # the answer is no worse than the witness
    row = {"instance": "Instance101", "staff": 5, "days": 14, "shift_types": 2, "objective": 7,
           "best_known": None, "gap_pct": None, "seconds": 1.0, "status": "FEASIBLE",
           "witness": int(witness)}
    table = markdown([row], "python -m benchmarks.curtois X")
    assert "| plain status | witness |" in table and f"| FEASIBLE |  |  |  | {witness} |" in table
    assert "*witness*" in table


def test_one_worker_and_a_work_budget_are_reproducible() -> None:
    from scheduler.solver import solve

    p = read_instance(INSTANCES / "Instance2.txt")
    runs = [solve(p, budgets.options(0.5, seed=5)) for _ in range(2)]
    assert runs[0].has_roster and runs[0].reproducible
    assert runs[0].assignments == runs[1].assignments
    assert runs[0].objective == runs[1].objective
    assert runs[0].objective_by_tier == runs[1].objective_by_tier


def test_the_copied_instances_are_the_published_ones() -> None:
    import hashlib
    import re

    readme = (INSTANCES / "README.md").read_text()
    sums = dict(re.findall(r"\| `([\w.]+)` \|.*\| `([0-9a-f]{64})` \|", readme))
    assert set(sums) == {"Instance1.txt", "Instance2.txt", "Instance3.txt", "Instance9.txt",
                         "best_known.csv"}
    for name, digest in sums.items():
        assert hashlib.sha256((INSTANCES / name).read_bytes()).hexdigest() == digest, name


# A wants 1440 minutes (three D shifts) but may work at most two D and no N: no row of A's
# meets both rules, whatever the cover; B is free.
NO_ROW_FOR_A = MINI.replace("A,D=7|N=2,3000,960,5,1,1,1", "A,D=2|N=0,3000,1440,5,1,1,1")


def test_an_employee_without_any_legal_row_makes_the_problem_infeasible(tmp_path: Path) -> None:
    from constraints.kernel.geometry import Geometry
    from constraints.registry import rules_for
    from scheduler.solver import decompose

    problem = read_instance(_write(tmp_path, NO_ROW_FOR_A))
    geo = Geometry(problem)
    models = decompose.RowModels(geo, rules_for(problem))
    assert decompose.sweep(geo, models.rules, work_budget=0.0, models=models) is None
    assert models.without_row == [geo.emp_index["A"]]  # proven, not merely not found
    sol = _solve(problem)
    assert sol.status == "INFEASIBLE" and not sol.has_roster
    # a minimal set: each of the two rules alone can be met
    assert {(c.employee, c.rule) for c in sol.conflicts} == {
        ("A", "CONTRACT-max-shifts"), ("A", "CONTRACT-min-total-minutes")}
    assert all(c.key == "conflict.rule_horizon" for c in sol.conflicts)


def test_the_infeasible_row_is_explained_without_building_the_whole_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from scheduler.solver import explain, solve

    solve_module = importlib.import_module("scheduler.solver.solve")
    calls: list[list[int]] = []
    real = explain.explain_rows

    def spy(geo, rules, employees, options, budget):  # noqa: ANN001, ANN202
        calls.append(list(employees))
        return real(geo, rules, employees, options, budget)

    monkeypatch.setattr(explain, "explain_rows", spy)
    monkeypatch.setattr(explain, "explain", lambda *a, **k: pytest.fail("searched the model"))
    real_build = solve_module.build
    monkeypatch.setattr(solve_module, "build", lambda *a, **k: pytest.fail("built the model"))
    sol = solve(read_instance(_write(tmp_path, NO_ROW_FOR_A)), budgets.options(0.5))
    assert sol.status == "INFEASIBLE" and calls == [[0]] and sol.conflicts
    monkeypatch.setattr(solve_module, "build", real_build)
    feasible = solve(read_instance(_write(tmp_path, MINI)), budgets.options(0.5))
    assert feasible.has_roster and calls == [[0]]  # a feasible problem never asks


def test_with_no_budget_left_every_rule_of_the_row_is_named(tmp_path: Path) -> None:
    from constraints.kernel.geometry import Geometry
    from constraints.registry import rules_for
    from scheduler.solver.cpsat import Budget
    from scheduler.solver.explain import explain_rows

    problem = read_instance(_write(tmp_path, NO_ROW_FOR_A))
    geo = Geometry(problem)
    rules = rules_for(problem)
    options = budgets.options(0.5)
    minimal = explain_rows(geo, rules, [0], options, Budget(60.0, 10.0))
    assert {c.rule for c in minimal} == {"CONTRACT-max-shifts", "CONTRACT-min-total-minutes"}
    spent = explain_rows(geo, rules, [0], options, Budget(60.0, 0.0))  # nothing left: no test
    assert {c.rule for c in minimal} < {c.rule for c in spent}
    assert all(c.employee == "A" for c in spent)
