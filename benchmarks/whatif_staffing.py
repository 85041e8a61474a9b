"""Minimum staffing on the ward with extra night demand (issue 17): no more hires than it needs.

    python -m benchmarks.whatif_staffing [--time-limit 30] [--extra 1] [--max-solves 10]

The ward example (instances/ward.xlsx) with ``--extra`` more RN on every night shift (the
scenario change ``scale_demand`` on ``N, RN``), searched as ``roster staffing`` searches it
(:func:`scheduler.whatif.staffing.find_staffing` with the command's defaults: positions
50, 75, 100 %, step 10 %). The need is computed from the demand: the extra night hours over the
hours of one full-time position in the horizon (Settings ``full_time_hours`` x days / 7). The
answer must hire at most that many FTE (rounded up to the position step) and at most as many
heads as full positions cover it; each hire's planned hours are listed against the contract.

Prints a markdown section for docs/benchmarks.md, with the load average before and after.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from pathlib import Path

from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem
from scheduler.solution import SolveOptions
from scheduler.whatif import staffing as stf
from scheduler.whatif.apply import apply_scenario
from scheduler.whatif.changes import ScaleDemand, Scenario
from scheduler.whatif.runner import cores

WARD = Path(__file__).resolve().parent.parent / "instances" / "ward.xlsx"


def with_extra_nights(problem: Problem, extra: int) -> tuple[Problem, float]:
    """The ward with ``extra`` more RN on every night; the extra night hours."""
    nights = [d for d in problem.demand if d.shift == "N" and d.skill == "RN"]
    per = {d.minimum for d in nights}
    assert per == {1}, per  # the ward has one RN a night: a factor adds ``extra`` to each
    changed = apply_scenario(problem, Scenario(name=f"Night RN +{extra}", changes=(
        ScaleDemand(factor=1 + extra, shifts=("N",), skills=("RN",)),)))
    paid = {s.code: s.paid_minutes() / 60 for s in problem.shifts}
    hours = sum(paid["N"] * (b.minimum - a.minimum) for a, b in zip(
        problem.demand, changed.demand, strict=True))
    return changed, hours


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def run(time_limit: float, extra: int, max_solves: int, step: float, seed: int) -> str:
    ward = read_problem(WARD)
    problem, hours = with_extra_nights(ward, extra)
    per_fte = ward.settings.full_time_hours * len(ward.days()) / 7.0
    need = hours / per_fte
    before = load()
    workers = min(2, cores())
    options = SolveOptions(time_limit=time_limit, seed=seed, workers=workers)
    t0 = time.perf_counter()
    answer = stf.find_staffing(problem, stf.DEFAULT_POSITIONS, options,
                               max_solves=max_solves, step_pct=step,
                               progress=lambda m: print(m, flush=True))
    wall = time.perf_counter() - t0
    fte_cap = math.ceil(need * 100 / step - 1e-9) * step / 100 if step else math.ceil(need)
    ok = answer.fte <= fte_cap + 1e-9 and answer.heads <= math.ceil(need - 1e-9)
    lines = [
        f"`python -m benchmarks.whatif_staffing --time-limit {time_limit:g} --extra {extra} "
        f"--max-solves {max_solves}` — instances/ward.xlsx with +{extra} RN on each of the "
        f"{len(ward.days())} nights ({hours:g} extra night hours; one full-time position is "
        f"{per_fte:.1f} h in the horizon, so the need is **{need:.2f} FTE**); {workers} CP-SAT "
        f"workers, seed {seed}; load average (1/5/15 min) {before} before, {load()} after.",
        "",
        f"* answer: **{answer.summary()}**, status {answer.status}, {answer.heads} head(s), "
        f"{answer.fte:g} FTE, {answer.solves} solves, {wall:.0f} s; "
        f"minimal within the searched space: {'proven' if answer.minimal_proven else 'not proven'}",
        f"* at most the need: {'yes' if ok else 'NO'} (≤ {fte_cap:g} FTE, ≤ "
        f"{math.ceil(need - 1e-9)} heads)",
    ]
    for h in answer.hired_hours:
        lines.append(f"  * {h.employee}: {h.hours:g} h planned, contract {h.contract:g} h")
    for n in answer.searched:
        lines.append(f"  * neighbour {n.change}: "
                     + (f"{n.short} short, {n.status}, within positions {n.within_positions}"
                        f"{', proven' if n.proven else ''}" if n.tried else "not tried"))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--time-limit", type=float, default=30.0)
    ap.add_argument("--extra", type=int, default=1)
    ap.add_argument("--max-solves", type=int, default=10)
    ap.add_argument("--step", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(run(args.time_limit, args.extra, args.max_solves, args.step, args.seed))


if __name__ == "__main__":
    main()
