"""What-if faults: a scenario that raises, or a Dask worker killed in the middle of the sweep,
is reported in its own row while every other scenario completes.

Complements ``tests/whatif/test_whatif_runner.py`` (a scenario that cannot be applied; a pool process
that exits; a Dask task that kills its worker once and is re-run): here the *solver* raises
inside a scenario (serially and in the process pool), and a Dask worker process is killed from
outside (SIGKILL) while it runs a scenario, every time it is tried.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solution import SolveOptions
from scheduler.whatif import runner as rn
from scheduler.whatif.changes import ScaleDemand, Scenario, with_baseline
from tests import budgets
from tests.fuzz import cases, hostile
from tests.fuzz.mutate import plan_sheets, seeds, write_sheets

FAST = budgets.options(0.3, seed=2)
EXPLODE = "Explodes"


@pytest.fixture(scope="module")
def problem() -> Problem:
    return read_problem(seeds()["plan"])


def sweep_scenarios(bad: str = EXPLODE) -> list[Scenario]:
    return with_baseline([
        Scenario(name="More demand", changes=(ScaleDemand(factor=1.5),)),
        Scenario(name=bad),
        Scenario(name="Less demand", changes=(ScaleDemand(factor=0.5),)),
    ])


def _assert_only_row_failed(results: list[rn.ScenarioResult], bad: str, words: str) -> None:
    assert [r.name for r in results] == ["Baseline", "More demand", bad, "Less demand"]
    for r in results:
        if r.name == bad:
            assert r.status == rn.ERROR, r
            assert words in (r.error or ""), r.error
            assert r.figures is None
        else:
            assert r.ok, (r.name, r.status, r.error)
            assert r.figures is not None and r.figures.violations == 0


def test_a_scenario_whose_solver_raises_is_reported_in_its_row(
    problem: Problem, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scheduler.solver as solver_pkg

    real = solver_pkg.solve
    calls: list[int] = []

    def flaky(p: Problem, options: SolveOptions | None = None, **kw: object) -> object:
        calls.append(len(p.demand))
        if len(calls) == 3:  # the third scenario solved: "Explodes"
            raise MemoryError("the solver ran out of memory (injected)")
        return real(p, options, **kw)

    monkeypatch.setattr(solver_pkg, "solve", flaky)
    results = rn.run_serial(problem, sweep_scenarios(), FAST)
    _assert_only_row_failed(results, EXPLODE, "MemoryError")
    assert len(calls) == 4


def raise_in_explodes(problem_json: str, scenario_json: str, options_json: str,
                      keep: bool = False, start: str | None = None) -> str:
    """A pool task that raises (outside run_one's own guard) for the scenario "Explodes"."""
    if f'"{EXPLODE}"' in scenario_json:
        raise RuntimeError("a bug in the task (injected)")
    return rn.run_one_json(problem_json, scenario_json, options_json, keep, start)


def test_a_task_that_raises_in_the_process_pool_is_reported_in_its_row(problem: Problem) -> None:
    results = rn.run_pool(problem, sweep_scenarios(), FAST, jobs=2, task=raise_in_explodes)
    _assert_only_row_failed(results, EXPLODE, "RuntimeError")


def park_and_report_pid(problem_json: str, scenario_json: str, options_json: str,
                        keep: bool = False, start: str | None = None) -> str:
    """The scenario named ``Victim-…`` writes its worker's pid to a file and waits to be
    killed; every other scenario is solved normally."""
    sc = Scenario.model_validate_json(scenario_json)
    if sc.name.startswith("Victim-"):
        pid_file = Path(tempfile.gettempdir()) / f"aml-roster-{sc.name}.pids"
        with pid_file.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        time.sleep(300)
    return rn.run_one_json(problem_json, scenario_json, options_json, keep, start)


@pytest.mark.slow  # a Dask cluster or a benchmark run: `make test-slow`
def test_a_dask_worker_killed_mid_sweep_is_reported_in_its_row(problem: Problem) -> None:
    import dask
    import distributed

    victim = f"Victim-{uuid.uuid4().hex[:8]}"
    pid_file = Path(tempfile.gettempdir()) / f"aml-roster-{victim}.pids"
    killed: list[int] = []
    stop = threading.Event()

    def killer() -> None:  # SIGKILL every worker process that picks up the victim's task
        while not stop.is_set():
            if pid_file.exists():
                for line in pid_file.read_text().split():
                    pid = int(line)
                    if pid not in killed:
                        killed.append(pid)
                        os.kill(pid, signal.SIGKILL)
            stop.wait(0.1)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    try:
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
                distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                         dashboard_address=None, host="127.0.0.1") as cluster:
            # the smallest budget that still gives every other scenario its roster: the less
            # time the sweep takes, the less a loaded machine tries Dask's own timeouts
            sweep = rn.SweepOptions(time_limit=budgets.SAFETY_SECONDS, work_limit=0.05, seed=2,
                                    cluster=cluster.scheduler_address, retries=0)
            results = rn.run_dask(problem, sweep_scenarios(victim), sweep,
                                  task=park_and_report_pid)
    finally:
        stop.set()
        thread.join(5)
        pid_file.unlink(missing_ok=True)
    assert len(killed) >= 1  # a worker process really died while running the victim
    _assert_only_row_failed(results, victim, "KilledWorker")


def test_whatif_on_an_xlsm_writes_no_macros_and_keeps_the_input(tmp_path: Path) -> None:
    sheets = plan_sheets()
    sheets["Scenarios"] = [["scenario", "change", "target", "value", "from", "to"],
                           ["More demand", "scale_demand", None, 1.5, None, None]]
    plain = write_sheets(tmp_path / "plain.xlsx", sheets)
    src = hostile.with_macros(plain, tmp_path / "ward.xlsm")
    plain.unlink()
    digest = cases.sha256(src)
    out = tmp_path / "ward.whatif.xlsx"
    result = cases.invoke(["whatif", src, *budgets.cli(0.3, workers=None), "--jobs", "1", "-o",
                           out])
    assert result.exit_code == 0, cases.describe(result)
    assert out.exists() and not cases.has_macros(out)
    assert cases.sha256(src) == digest
    assert cases.leftover_temps(tmp_path) == []
