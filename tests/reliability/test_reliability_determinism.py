"""Reproducible by design (issue 18, docs/reliability.md), and the exit-code path of the real
``roster`` program.

* One worker, a seed and a work budget give the same roster, cell for cell, with the same
  objective and tiers: in this process, and through the real program in two processes with
  different hash seeds, one of them while every core is kept busy by other processes.
* The wall clock is a safety net: when it ends the search, ``stopped_by`` says so and the result
  is marked not reproducible (JSON, console line, Summary sheet).
* The objective reported is the roster's own: re-evaluating the returned roster gives it.
* A few runs of the real entry point in a subprocess: each documented exit code, messages on
  stderr, never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from ortools.sat.python import cp_model

from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solution import SolveOptions
from scheduler.solver import solve
from scheduler.solver.build import build
from scheduler.solver.cpsat import new_solver
from scheduler.solver.objective import SCALE
from tests import budgets
from tests.fuzz import cases
from tests.fuzz.mutate import plan_sheets, seeds, write_sheets
from tests.load import busy_cores

WORK = 0.5  # the work budget of the determinism runs: the search does not finish within it
WARD = Path(__file__).resolve().parents[2] / "instances" / "ward.xlsx"


def roster_cells(path: Path, title: str) -> list[tuple[str, object]]:
    ws = openpyxl.load_workbook(path)[title]
    return [(c.coordinate, c.value) for row in ws.iter_rows() for c in row]


def summary_rows(path: Path, title: str) -> dict[str, object]:
    ws = openpyxl.load_workbook(path)[title]
    return {str(r[0]): r[1] for r in ws.iter_rows(values_only=True) if r[0] is not None}


def solve_json(src: Path, out: Path, *extra: object) -> dict:
    result = cases.invoke(["solve", src, "-o", out, "--json", "--quiet", *extra])
    assert result.exit_code == 0, cases.describe(result)
    return json.loads(result.stdout)


def _two_week_plan(tmp: Path) -> Path:
    sheets = plan_sheets(days=14)
    sheets["Settings"][3][1] = (date(2026, 4, 6) + timedelta(days=13)).isoformat()
    sheets["Employees"] += [["D1", "Dina", 100, "RN", "yes"], ["E1", "Erik", 60, "RN", "no"],
                            ["F1", "Frida", 100, "HCA", "yes"]]
    sheets["Shifts"].append(["A", "Aften", time(14, 30), time(22, 30), 30, "yes"])
    for i in range(14):
        sheets["Demand"].append([(date(2026, 4, 6) + timedelta(days=i)).isoformat(), "A", "", 1,
                                 2])
    return write_sheets(tmp / "two_weeks.xlsx", sheets)


REPRO = ["--seed", "7", *budgets.cli(WORK)]


def _same_run(a: dict, b: dict) -> None:
    for key in ("status", "objective", "objective_by_tier", "best_bound", "gap_pct",
                "coverage_pct", "stopped_by", "reproducible", "work"):
        assert a[key] == b[key], key


def test_same_seed_one_worker_and_work_budget_give_the_same_roster(tmp_path: Path) -> None:
    src = _two_week_plan(tmp_path)
    runs = [solve_json(src, tmp_path / f"run{i}.xlsx", *REPRO) for i in (1, 2)]
    title = runs[0]["sheets"]["Roster"]
    a, b = (roster_cells(tmp_path / f"run{i}.xlsx", title) for i in (1, 2))
    assert len(a) > 14 * 6
    assert sum(1 for _, v in a if v in ("D", "N", "A")) > 14  # a real roster, not an empty one
    assert a == b
    _same_run(runs[0], runs[1])
    # the budget, not the generous wall clock, ended the search, so the run is reproducible
    assert runs[0]["stopped_by"] == "work_limit" and runs[0]["reproducible"] is True
    assert runs[0]["work_limit"] == WORK and runs[0]["work"] >= WORK
    summary = summary_rows(tmp_path / "run1.xlsx", runs[0]["sheets"]["Summary"])
    assert str(summary["Reproducible"]).startswith("reproducible: the same workbook with --seed 7")
    assert str(summary["Search ended by"]).startswith("ended by the work limit")


def _program_json(src: Path, out: Path, hash_seed: str) -> dict:
    env = dict(cases.subprocess_env(), PYTHONHASHSEED=hash_seed)
    proc = subprocess.run([*cases.roster_argv(), "solve", str(src), "-o", str(out), "--json",
                           "--quiet", *REPRO], capture_output=True, text=True, timeout=900,
                          env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def test_the_real_program_gives_the_same_roster_in_other_processes_and_under_load(
        tmp_path: Path) -> None:
    src = _two_week_plan(tmp_path)
    idle = _program_json(src, tmp_path / "idle.xlsx", "1")
    with busy_cores() as pids:  # every core busy with other work during the second run
        loaded = _program_json(src, tmp_path / "loaded.xlsx", "2")
        assert all(os.path.exists(f"/proc/{pid}") for pid in pids)  # still running throughout
    title = idle["sheets"]["Roster"]
    assert roster_cells(tmp_path / "idle.xlsx", title) == \
        roster_cells(tmp_path / "loaded.xlsx", title)
    _same_run(idle, loaded)
    assert loaded["reproducible"] is True
    # and the same as in this process (the test above): the hash seed does not matter either
    here = solve_json(src, tmp_path / "here.xlsx", *REPRO)
    _same_run(here, idle)
    assert roster_cells(tmp_path / "here.xlsx", title) == roster_cells(tmp_path / "idle.xlsx",
                                                                        title)


def test_the_wall_clock_is_a_safety_net_and_says_so(tmp_path: Path) -> None:
    # No machine does a million units of work in a millisecond: the wall clock ends the search
    # (with or without a roster: the greedy start may or may not be checked in that time).
    result = cases.invoke(["solve", WARD, "-o", tmp_path / "o.xlsx", "--json", "--quiet",
                           "--workers", "1", "--time-limit", "0.001", "--work-limit", "1000000"])
    assert result.exit_code in (0, 1), cases.describe(result)
    data = json.loads(result.stdout)
    assert data["stopped_by"] == "wall_clock" and data["reproducible"] is False
    sol = solve(read_problem(WARD), SolveOptions(time_limit=0.001, work_limit=1e6, workers=1))
    assert sol.stopped_by == "wall_clock" and not sol.reproducible


def test_without_a_work_budget_the_result_is_not_called_reproducible(tmp_path: Path) -> None:
    problem = read_problem(_two_week_plan(tmp_path))
    sol = solve(problem, SolveOptions(time_limit=0.5, workers=1, seed=7))
    assert sol.work_limit is None and not sol.reproducible
    assert sol.stopped_by in ("wall_clock", "optimal")


def _evaluate_roster(problem: Problem, assignments: set[tuple[str, date, str]]) -> float:
    """The objective of this roster, found independently: every shift variable fixed."""
    ctx = build(problem, SolveOptions(workers=1)).ctx
    geo = ctx.geo
    for (e, d, s), v in ctx.x.items():
        worked = (geo.emps[e].id, geo.days[d], geo.shifts[s].code) in assignments
        ctx.model.add(v == int(worked))
    solver = new_solver()
    solver.parameters.num_workers = 1
    assert solver.solve(ctx.model) == cp_model.OPTIMAL
    return solver.objective_value / SCALE


def test_the_reported_objective_is_the_roster_s_own(tmp_path: Path) -> None:
    problem = read_problem(_two_week_plan(tmp_path))
    for work in (0.05, WORK):  # stopped early, and later: a roster with slack either way
        sol = solve(problem, budgets.options(work, seed=7))
        assert sol.has_roster and sol.status == "FEASIBLE"
        worked = {(a.employee, a.day, a.shift) for a in sol.assignments}
        assert sol.objective == pytest.approx(_evaluate_roster(problem, worked))
        assert sol.objective == pytest.approx(sum(sol.objective_by_tier.values()))


def test_a_stopped_search_is_not_reproducible(tmp_path: Path) -> None:
    import threading

    problem = read_problem(_two_week_plan(tmp_path))
    stop = threading.Event()
    stop.set()
    sol = solve(problem, budgets.options(WORK, seed=7), stop=stop)
    assert sol.stopped_by == "interrupted" and not sol.reproducible


# --------------------------------------------------------------------------------------------
# The real program


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cases.roster_argv(), *map(str, args)], capture_output=True,
                          text=True, timeout=900, env=cases.subprocess_env(), cwd=cwd)


def _infeasible(tmp: Path) -> Path:
    sheets = plan_sheets()
    sheets["Fixed"] = [["employee", "date", "shift"], ["A", "2026-04-06", "N"],
                       ["A", "2026-04-07", "D"]]  # 7 h rest between a night and a day shift
    return write_sheets(tmp / "impossible.xlsx", sheets)


@pytest.mark.parametrize(
    "argv, code, where",
    [
        (lambda t: ["validate", seeds()["plan"]], 0, "stdout"),
        (lambda t: ["check", seeds()["timesheet"]], 1, "stdout"),
        (lambda t: ["validate", t / "missing.xlsx"], 2, "stderr"),
        (lambda t: ["check", t / "garbage.xlsx"], 2, "stderr"),
        (lambda t: ["solve", _infeasible(t), *budgets.cli(1.0)], 3, "stdout"),
    ],
    ids=["validate-ok", "check-violations", "missing-file", "not-a-workbook", "infeasible"],
)
def test_exit_codes_of_the_real_program(tmp_path: Path, argv, code: int, where: str) -> None:  # noqa: ANN001
    (tmp_path / "garbage.xlsx").write_bytes(b"\x00garbage" * 50)
    proc = run(*argv(tmp_path), cwd=tmp_path)
    assert proc.returncode == code, (proc.stdout[-2000:], proc.stderr[-2000:])
    assert "Traceback" not in proc.stdout + proc.stderr
    assert (proc.stdout if where == "stdout" else proc.stderr).strip()
    if code == 2:
        assert "problem" in proc.stderr and tmp_path.name in proc.stderr


def test_the_real_program_refuses_a_huge_file_quickly(tmp_path: Path) -> None:
    from tests.fuzz.hostile import MB, sparse_file

    big = sparse_file(tmp_path / "huge.xlsx", 200 * MB)
    proc = run("solve", big, *budgets.cli(1.0), cwd=tmp_path)
    assert proc.returncode == 2
    assert "200.0 MB" in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["huge.xlsx"]
