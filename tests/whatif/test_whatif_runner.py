"""The sweep: serially, in a local process pool, and on a real two-worker Dask LocalCluster."""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import pytest

from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solution import SolveOptions
from scheduler.whatif import runner as rn
from scheduler.whatif.changes import (
    AllowOvertime,
    RemoveEmployees,
    ScaleDemand,
    Scenario,
    with_baseline,
)
from tests import budgets
from tests.whatif.test_whatif_kit import workbook

FAST = budgets.options(0.6, seed=3)


@pytest.fixture(scope="module")
def problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    return read_problem(workbook(tmp_path_factory.mktemp("r") / "w.xlsx"))


def scenarios() -> list[Scenario]:
    return with_baseline([
        Scenario(name="Without R4", changes=(RemoveEmployees(employees=("R4",)), AllowOvertime())),
        Scenario(name="Broken", changes=(RemoveEmployees(employees=("nobody",)),)),
        Scenario(name="Double demand", changes=(ScaleDemand(factor=2),)),
    ])


def check_results(results: list[rn.ScenarioResult]) -> None:
    assert [r.name for r in results] == ["Baseline", "Without R4", "Broken", "Double demand"]
    base, fewer, broken, double = results
    assert base.ok and base.figures is not None and base.figures.coverage_pct == 100.0
    assert base.figures.violations == 0 and base.seed == 3
    assert fewer.ok and fewer.figures is not None and fewer.figures.employees == 5
    assert fewer.allow_overtime is True and base.allow_overtime is False
    assert broken.status == rn.ERROR and broken.figures is None
    assert "unknown employee(s) 'nobody'" in (broken.error or "")
    assert double.ok and double.figures is not None
    assert double.figures.shortfall_person_shifts > 0  # 6 people cannot staff 42 shifts
    assert sum(double.figures.uncovered_hours.values()) > 0


def test_workers_per_scenario_does_not_oversubscribe() -> None:
    assert rn.workers_per_scenario(1, 2) == 2
    assert rn.workers_per_scenario(2, 2) == 1
    assert rn.workers_per_scenario(3, 2) == 1
    assert rn.workers_per_scenario(3, 8) == 2
    assert rn.workers_per_scenario(4, 8) == 2


def test_serial_sweep_reports_a_failing_scenario_in_its_row(problem: Problem) -> None:
    seen: list[str] = []
    results = rn.run_serial(problem, scenarios(), FAST, on_result=lambda r: seen.append(r.name))
    check_results(results)
    assert seen == [r.name for r in results]


def test_run_one_json_round_trip(problem: Problem) -> None:
    sc = scenarios()[1]
    out = rn.run_one_json(problem.model_dump_json(), sc.model_dump_json(),
                          FAST.model_dump_json(), True)
    result = rn.ScenarioResult.model_validate_json(out)
    assert result.ok and result.solution is not None and result.solution.assignments
    assert result.solution.roster.periods == ()  # the roster is rebuilt from assignments


def test_process_pool_sweep(problem: Problem) -> None:
    results = rn.run_pool(problem, scenarios(), FAST, jobs=2)
    check_results(results)


def die_on_broken(problem_json: str, scenario_json: str, options_json: str,
                  keep: bool = False, start: str | None = None) -> str:
    """A task whose process dies for the scenario named Broken (as a segfault would)."""
    if '"Broken"' in scenario_json:
        os._exit(3)
    return rn.run_one_json(problem_json, scenario_json, options_json, keep, start)


def test_a_dying_worker_process_is_retried_alone_and_reported(problem: Problem) -> None:
    results = rn.run_pool(problem, scenarios(), FAST, jobs=2, task=die_on_broken)
    assert [r.name for r in results] == ["Baseline", "Without R4", "Broken", "Double demand"]
    assert results[2].status == rn.ERROR and "died twice" in (results[2].error or "")
    assert all(r.ok for i, r in enumerate(results) if i != 2)


def test_run_sweep_picks_the_mode(problem: Problem) -> None:
    sweep = rn.SweepOptions(time_limit=budgets.SAFETY_SECONDS, work_limit=0.6, seed=3,
                            jobs=1)
    results = rn.run_sweep(problem, scenarios()[:2], sweep)
    assert [r.workers for r in results] == [rn.cores()] * 2  # one at a time: every core


@pytest.mark.slow  # a Dask cluster or a benchmark run: `make test-slow`
def test_dask_local_cluster_sweep(problem: Problem) -> None:
    import distributed

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        sweep = rn.SweepOptions(time_limit=budgets.SAFETY_SECONDS, work_limit=0.6, seed=3,
                                cluster=cluster.scheduler_address, keep_solutions=True)
        seen: list[str] = []
        results = rn.run_sweep(problem, scenarios(), sweep, on_result=lambda r: seen.append(r.name))
    check_results(results)
    assert sorted(seen) == sorted(r.name for r in results)
    assert results[0].solution is not None and results[0].solution.assignments


def die_once(problem_json: str, scenario_json: str, options_json: str, keep: bool = False,
             start: str | None = None) -> str:
    """Kill the Dask worker process the first time a scenario named Lost-… runs."""
    sc = Scenario.model_validate_json(scenario_json)
    if sc.name.startswith("Lost-"):
        marker = Path(tempfile.gettempdir()) / f"aml-roster-{sc.name}"
        if not marker.exists():
            marker.write_text("died once")
            os._exit(3)
    return rn.run_one_json(problem_json, scenario_json, options_json, keep, start)


@pytest.mark.slow  # a Dask cluster or a benchmark run: `make test-slow`
def test_dask_reruns_the_task_of_a_lost_worker(problem: Problem) -> None:
    import distributed

    name = f"Lost-{uuid.uuid4().hex[:8]}"
    marker = Path(tempfile.gettempdir()) / f"aml-roster-{name}"
    scs = [Scenario(name="Baseline"), Scenario(name=name)]
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None, host="127.0.0.1") as cluster:
            sweep = rn.SweepOptions(time_limit=budgets.SAFETY_SECONDS, work_limit=0.6, seed=3,
                                    cluster=cluster.scheduler_address)
            results = rn.run_dask(problem, scs, sweep, task=die_once)
        died = marker.exists()  # the first attempt really killed its worker
    finally:
        marker.unlink(missing_ok=True)
    assert died
    assert all(r.ok for r in results)
    assert results[1].name == name and results[1].figures is not None


def test_missing_dask_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                          problem: Problem) -> None:
    import builtins

    real = builtins.__import__

    def fake(name: str, *args: object, **kw: object) -> object:
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError("no distributed")
        return real(name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(rn.RunnerError) as err:
        rn.run_sweep(problem, scenarios()[:1], rn.SweepOptions(cluster="tcp://127.0.0.1:1"))
    assert "pip install 'aml-roster[dask]'" in str(err.value)


def test_error_result_keeps_the_scenario_description(tmp_path: Path) -> None:
    sc = Scenario(name="x", changes=(AllowOvertime(),))
    r = rn.error_result(sc, "boom")
    assert r.status == rn.ERROR and r.changes == "overtime allowed" and r.allow_overtime


def test_solve_within_stops_the_solver_at_the_wall_clock_limit(
        monkeypatch: pytest.MonkeyPatch, problem: Problem) -> None:
    """The timer sets the solver's public stop event (single-worker CP-SAT can overrun)."""
    import threading

    import scheduler.solver as solver_pkg
    from scheduler.solution import Solution

    seen: dict[str, bool] = {}

    def slow_solve(p: Problem, options: SolveOptions, *, stop: threading.Event) -> Solution:
        seen["stopped"] = stop.wait(timeout=30)  # a solver that would run on and on
        return Solution(status="UNKNOWN")

    monkeypatch.setattr(solver_pkg, "solve", slow_solve)
    result = rn.solve_within(problem, SolveOptions(time_limit=0.2, workers=1))
    assert seen == {"stopped": True} and result.status == "UNKNOWN"
