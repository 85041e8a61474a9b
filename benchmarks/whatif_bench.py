"""What-if sweep benchmark: 16 scenarios of the ward example, three ways, in one run.

    python -m benchmarks.whatif_bench [--time-limit 5] [--workbook instances/ward.xlsx]

Modes (each solves every scenario with the same time limit and seed):

* ``serial``  — one scenario after the other in this process, CP-SAT on every core
  (``roster whatif --jobs 1``);
* ``jobs 2``  — a local pool of two processes, ``cores // 2`` CP-SAT workers each
  (``roster whatif --jobs 2``);
* ``dask 2``  — a two-worker Dask ``LocalCluster`` (one thread each) on loopback
  (``roster whatif --cluster …``); the cluster's start-up is not counted, its task overhead is.

Prints a markdown section for ``docs/benchmarks.md``: wall time per mode, the speed-up over
serial, and how many scenarios got a roster and their mean coverage (a parallel scenario has
fewer CP-SAT workers, so the comparison of quality is shown next to the time).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from datetime import date
from pathlib import Path

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
from scheduler.whatif.runner import ScenarioResult, SweepOptions, cores, run_sweep
from scheduler.workbook.reader import read_problem

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


def run(workbook: Path, time_limit: float, seed: int = 0) -> str:
    problem = read_problem(workbook)
    scenarios = ward_scenarios(problem)
    assert len(scenarios) == 16
    timings: list[tuple[str, float, list[ScenarioResult]]] = []

    def timed(label: str, sweep: SweepOptions) -> None:
        t0 = time.perf_counter()
        results = run_sweep(problem, scenarios, sweep)
        timings.append((label, time.perf_counter() - t0, results))
        print(f"{label}: {timings[-1][1]:.1f} s", flush=True)

    timed("serial (--jobs 1)", SweepOptions(time_limit=time_limit, seed=seed, jobs=1))
    timed("local pool (--jobs 2)", SweepOptions(time_limit=time_limit, seed=seed, jobs=2))
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster:
        timed("Dask LocalCluster, 2 workers",
              SweepOptions(time_limit=time_limit, seed=seed, cluster=cluster.scheduler_address))

    serial = timings[0][1]
    lines = [
        "## What-if sweep: 16 ward scenarios",
        "",
        f"`python -m benchmarks.whatif_bench --time-limit {time_limit:g}` — "
        f"{workbook.name}, 16 scenarios (baseline + 15 changes), {time_limit:g} s per "
        f"scenario, seed {seed}; {cores()} core(s), Python {platform.python_version()}.",
        "",
        "| mode | CP-SAT workers per scenario | wall s | speed-up vs serial | scenarios with a "
        "roster | mean coverage % | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, wall, results in timings:
        n, cov = _summary(results)
        workers = results[0].workers if results else 0
        errors = sum(1 for r in results if r.status == "ERROR")
        lines.append(f"| {label} | {workers} | {wall:.1f} | {serial / wall:.2f}× | {n}/16 | "
                     f"{'–' if cov is None else f'{cov:.2f}'} | {errors} |")
    lines += [
        "",
        "Each scenario runs until its time limit unless CP-SAT proves optimality first, so the "
        "wall time of a sweep is about (scenarios ÷ parallel slots) × time limit; the speed-up "
        "comes from running scenarios side by side. A parallel scenario has fewer CP-SAT "
        "workers, which can cost solution quality within the same time limit: compare the "
        "last columns. The machine is shared, so timings vary from run to run.",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workbook", type=Path, default=WARD)
    ap.add_argument("--time-limit", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(run(args.workbook, args.time_limit, args.seed))


if __name__ == "__main__":
    main()
