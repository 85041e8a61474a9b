"""What-if sweep benchmark: 16 scenarios of the ward example, three ways, in one run.

    python -m benchmarks.whatif_bench [--time-limit 5] [--work-limit 1] [--workbook W]

Modes (each solves every scenario with the same time limit and seed):

* ``serial``  — one scenario after the other in this process, CP-SAT on every core
  (``roster whatif --jobs 1``);
* ``jobs 2``  — a local pool of two processes, ``cores // 2`` CP-SAT workers each
  (``roster whatif --jobs 2``);
* ``dask 2``  — a two-worker Dask ``LocalCluster`` (one thread each) on loopback
  (``roster whatif --cluster …``); the cluster's start-up is not counted, its task overhead is.

The local pool runs twice, and the two runs' rankings are compared KPI by KPI outside the
solvers' tolerance (:mod:`benchmarks.whatif_agreement`). Then, with ``--work-limit`` (one
CP-SAT worker per scenario both ways, the time limit a safety net), the pool and the Dask
cluster solve the sweep again and the figures of every scenario are compared: the same seeds
give the same results on both.

Prints a markdown section for ``docs/benchmarks.md``: wall time per mode, the speed-up over
serial under the same budget (time-limited runs against the time-limited serial run,
work-limited ones against a serial run at the same ``--work-limit``), and how many scenarios
got a roster and their mean coverage (a parallel scenario has fewer CP-SAT workers, so the
comparison of quality is shown next to the time), the agreement of the rankings, and the
pool / Dask comparison; with the load average before and after.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from datetime import date
from pathlib import Path

from benchmarks.whatif_agreement import agreement, agreement_table, load
from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem, Tier
from scheduler.whatif.changes import (
    AddEmployees,
    AllowOvertime,
    RemoveEmployees,
    ScaleDemand,
    Scenario,
    SetAgreementTier,
    SetParameter,
    SetWeight,
    SickLeave,
    with_baseline,
)
from scheduler.whatif.runner import (
    ScenarioResult,
    SweepOptions,
    cores,
    run_sweep,
    short_of_target,
)

WARD = Path(__file__).resolve().parent.parent / "instances" / "ward.xlsx"


def ward_scenarios(problem: Problem) -> list[Scenario]:
    """Baseline + 15 realistic changes to the ward (16 scenarios)."""
    s = problem.settings.start
    week2 = (date(s.year, s.month, 6), date(s.year, s.month, 12))
    return with_baseline([
        Scenario(name="Two fewer RN", changes=(RemoveEmployees(skill="RN", count=2),)),
        Scenario(name="One fewer HCA", changes=(RemoveEmployees(skill="HCA", count=1),)),
        Scenario(name="Three fewer staff", changes=(RemoveEmployees(skill="RN", count=2),
                                                    RemoveEmployees(skill="HCA", count=1))),
        Scenario(name="Local averaging (T3)", changes=(
            SetAgreementTier(family="10-5", tier=Tier.T3_TARIFF_REPS),)),
        Scenario(name="Weekend demand +10 %", changes=(ScaleDemand(factor=1.1, weekdays=(5, 6)),)),
        Scenario(name="Demand +10 %", changes=(ScaleDemand(factor=1.1),)),
        Scenario(name="Demand -10 %", changes=(ScaleDemand(factor=0.9),)),
        Scenario(name="Night demand +20 %", changes=(ScaleDemand(factor=1.2, shifts=("N",)),)),
        Scenario(name="Three sick in week 2", changes=(
            SickLeave(skill="RN", count=2, start=week2[0], end=week2[1]),
            SickLeave(skill="HCA", count=1, start=week2[0], end=week2[1]))),
        Scenario(name="Hire RN 80 %", changes=(AddEmployees(skill="RN", position_pct=80),)),
        Scenario(name="Hire two HCA 50 %", changes=(AddEmployees(skill="HCA", count=2,
                                                                 position_pct=50),)),
        Scenario(name="Rest 12 h", changes=(SetParameter(family="10-8", name="daily_rest_hours",
                                                         value=12),)),
        Scenario(name="Fairness weight ×5", changes=(SetWeight(name="fairness", value=100),)),
        Scenario(name="No pattern weight", changes=(SetWeight(name="pattern", value=0),)),
        Scenario(name="Overtime allowed", changes=(AllowOvertime(),)),
    ])


def _summary(results: list[ScenarioResult]) -> tuple[int, float | None]:
    covs = [r.figures.coverage_pct for r in results if r.figures is not None]
    return len(covs), (statistics.mean(covs) if covs else None)


def same_results(one: list[ScenarioResult], two: list[ScenarioResult]) -> int:
    """Scenarios with the same status, objective, bound and figures in both runs."""
    return sum(1 for a, b in zip(one, two, strict=True)
               if (a.status, a.objective, a.best_bound, a.figures)
               == (b.status, b.objective, b.best_bound, b.figures))


def run(workbook: Path, time_limit: float, seed: int = 0, work_limit: float = 1.0) -> str:
    problem = read_problem(workbook)
    scenarios = ward_scenarios(problem)
    assert len(scenarios) == 16
    before = load()
    timings: list[tuple[str, float, list[ScenarioResult], SweepOptions]] = []

    def timed(label: str, sweep: SweepOptions) -> list[ScenarioResult]:
        t0 = time.perf_counter()
        results = run_sweep(problem, scenarios, sweep)
        timings.append((label, time.perf_counter() - t0, results, sweep))
        print(f"{label}: {timings[-1][1]:.1f} s", flush=True)
        return results

    timed("serial (--jobs 1)", SweepOptions(time_limit=time_limit, seed=seed, jobs=1))
    pool1 = timed("local pool (--jobs 2)", SweepOptions(time_limit=time_limit, seed=seed,
                                                        jobs=2))
    pool2 = timed("local pool (--jobs 2), again", SweepOptions(time_limit=time_limit,
                                                               seed=seed, jobs=2))
    from distributed import LocalCluster

    safety = 10 * time_limit  # the work budget ends the searches; the clock is a safety net
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster:
        address = cluster.scheduler_address
        timed("Dask LocalCluster, 2 workers",
              SweepOptions(time_limit=time_limit, seed=seed, cluster=address))
        dask_work = timed(f"Dask LocalCluster, --work-limit {work_limit:g}",
                          SweepOptions(time_limit=safety, work_limit=work_limit, seed=seed,
                                       cluster=address))
    pool_work = timed(f"local pool (--jobs 2), --work-limit {work_limit:g}",
                      SweepOptions(time_limit=safety, work_limit=work_limit, seed=seed, jobs=2))
    timed(f"serial (--jobs 1), --work-limit {work_limit:g}",
          SweepOptions(time_limit=safety, work_limit=work_limit, seed=seed, jobs=1))

    # a speed-up compares like with like: the time-limited runs against the time-limited
    # serial run, the work-limited ones against the work-limited serial run (the same budget
    # per scenario, so the same searches; under a time limit the serial run's two CP-SAT
    # workers reach the target gap sooner and stop early, so its work differs)
    serial_time, serial_work = timings[0][1], timings[-1][1]
    lines = [
        "## What-if sweep: 16 ward scenarios",
        "",
        f"`python -m benchmarks.whatif_bench --time-limit {time_limit:g} --work-limit "
        f"{work_limit:g}` — {workbook.name}, 16 scenarios (baseline + 15 changes), "
        f"{time_limit:g} s per scenario, seed {seed}; {cores()} core(s), Python "
        f"{platform.python_version()}; load average (1/5/15 min) {before} before, {load()} "
        "after.",
        "",
        "| mode | CP-SAT workers per scenario | wall s | speed-up vs serial (same budget) | "
        "scenarios with a "
        "roster | mean coverage % | reached the target gap | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, wall, results, sweep in timings:
        n, cov = _summary(results)
        workers = results[0].workers if results else 0
        errors = sum(1 for r in results if r.status == "ERROR")
        reached = sum(1 for r in results if r.ok and not short_of_target(r))
        serial = serial_work if sweep.work_limit is not None else serial_time
        lines.append(f"| {label} | {workers} | {wall:.1f} | {serial / wall:.2f}× | {n}/16 | "
                     f"{'–' if cov is None else f'{cov:.2f}'} | {reached}/16 | {errors} |")
    rows = agreement(pool1, pool2)
    lines += [
        "",
        f"Rankings of the two `--jobs 2` runs, KPI by KPI (pairs of scenarios the proofs "
        f"separate; `benchmarks/whatif_agreement.py`): "
        f"**{sum(a.contradict for a in rows)} contradicting calls**.",
        "",
        *agreement_table(rows),
        "",
        f"Pool and Dask at `--work-limit {work_limit:g}` (one CP-SAT worker per scenario both "
        f"ways): **{same_results(pool_work, dask_work)} of 16** scenarios with the same status, "
        "objective, bound and figures.",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workbook", type=Path, default=WARD)
    ap.add_argument("--time-limit", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work-limit", type=float, default=1.0)
    args = ap.parse_args()
    print(run(args.workbook, args.time_limit, args.seed, args.work_limit))


if __name__ == "__main__":
    main()
