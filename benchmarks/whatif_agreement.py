"""Do two runs of a what-if sweep rank the scenarios the same way, outside the solvers' tolerance?

    python -m benchmarks.whatif_agreement [--workbook instances/ward.xlsx] [--jobs 2]
        [--time-limit 30] [--work-limit W] [--target-gap PCT]

Runs the sweep of the workbook's own Scenarios sheet twice, one run after the other, exactly as
``roster whatif WORKBOOK --jobs 2`` runs it (the CLI reads the same sheet and calls the same
:func:`scheduler.whatif.runner.run_sweep`), and compares the two runs KPI by KPI (issue 17's
"done when").

A *call* is a pair of scenarios ordered on a KPI outside the tolerance: the two solves' proven
intervals ``[bound, objective]`` are apart (:mod:`scheduler.whatif.tolerance`), so one is better
or worse by the KPI's own direction. Pairs of which one changes an objective weight are called
only against the baseline, by the tolerance rule itself (their objectives are weighted
otherwise). Per KPI the runs *agree* on a call made in both with the same direction and
*contradict* on one made in both the other way round; a call made in one run only is a pair that
one run's proofs separate and the other's do not (no contradiction: within tolerance nothing is
ranked). "Raw" counts the pairs ordered the same way in both runs (better, equal or worse),
tolerance ignored: what the comparison would be without it.

Prints a markdown section for docs/benchmarks.md, with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from scheduler.whatif import tolerance as tol
from scheduler.whatif.runner import ScenarioResult, SweepOptions, run_sweep

WARD = Path(__file__).resolve().parent.parent / "instances" / "ward.xlsx"
KPIS = list(tol.DIRECTION)

Pair = tuple[str, str]


def calls(results: Sequence[ScenarioResult]) -> dict[str, dict[Pair, int]]:
    """Per KPI, the pairs ``(a, b)`` the proofs separate: +1 when ``b`` is better than ``a``,
    -1 worse, 0 equal figures (see the module docstring)."""
    out: dict[str, dict[Pair, int]] = {k: {} for k in KPIS}
    for a, b in combinations(results, 2):
        if (a.weights_changed or b.weights_changed) and a.name != "Baseline":
            continue
        if tol.verdict(a, b) != "apart":
            continue
        for k in KPIS:
            out[k][(a.name, b.name)] = tol.change(a, b, k)
    return out


def raw(results: Sequence[ScenarioResult]) -> dict[str, dict[Pair, int]]:
    """Per KPI, every pair of scenarios with figures: +1 / 0 / -1 as ``b`` is better / equal /
    worse than ``a`` on the figures found, tolerance ignored."""
    out: dict[str, dict[Pair, int]] = {k: {} for k in KPIS}
    for a, b in combinations([r for r in results if r.figures is not None], 2):
        for k in KPIS:
            assert a.figures is not None and b.figures is not None
            x, y = tol.value(a.figures, k), tol.value(b.figures, k)
            if x is None or y is None:
                continue
            out[k][(a.name, b.name)] = 0 if abs(x - y) <= tol.EPS else \
                tol.DIRECTION[k] * (1 if y > x else -1)
    return out


@dataclass(frozen=True)
class Agreement:
    kpi: str
    calls: tuple[int, int]  # pairs called (non-equal) in run 1, run 2
    agree: int  # called in both, the same way
    contradict: int  # called in both, the other way round
    one_run: int  # called in one run only
    raw_same: int
    raw_pairs: int


def agreement(one: Sequence[ScenarioResult], two: Sequence[ScenarioResult]) -> list[Agreement]:
    """KPI by KPI, how two runs of the same sweep rank its scenarios (module docstring)."""
    c1, c2, r1, r2 = calls(one), calls(two), raw(one), raw(two)
    rows = []
    for k in KPIS:
        a = {p: v for p, v in c1[k].items() if v}
        b = {p: v for p, v in c2[k].items() if v}
        both = a.keys() & b.keys()
        pairs = r1[k].keys() & r2[k].keys()
        rows.append(Agreement(
            kpi=k, calls=(len(a), len(b)),
            agree=sum(1 for p in both if a[p] == b[p]),
            contradict=sum(1 for p in both if a[p] != b[p]),
            one_run=len(a.keys() ^ b.keys()),
            raw_same=sum(1 for p in pairs if r1[k][p] == r2[k][p]), raw_pairs=len(pairs)))
    return rows


def agreement_table(rows: Sequence[Agreement]) -> list[str]:
    lines = ["| KPI | calls run 1 | calls run 2 | agree | contradict | one run only | "
             "raw same order |", "|---|---:|---:|---:|---:|---:|---:|"]
    for a in rows:
        lines.append(f"| {a.kpi} | {a.calls[0]} | {a.calls[1]} | {a.agree} | {a.contradict} | "
                     f"{a.one_run} | {a.raw_same} of {a.raw_pairs} |")
    return lines


def scenario_table(runs: Sequence[tuple[float, Sequence[ScenarioResult]]]) -> list[str]:
    """Per run and scenario: gap, target, rounds, seconds given, verdict against the baseline."""
    lines = ["| run | scenario | status | gap % | target % | rounds | s given | vs baseline |",
             "|---:|---|---|---:|---:|---:|---:|---|"]
    for i, (_, results) in enumerate(runs, start=1):
        base = tol.baseline_of(list(results))
        for r in results:
            verdict = tol.verdict(base, r) if base is not None else "none"
            lines.append(
                f"| {i} | {r.name} | {r.status} | "
                f"{'–' if r.gap_pct is None else f'{r.gap_pct:.1f}'} | "
                f"{'–' if r.target_gap_pct is None else f'{r.target_gap_pct:.1f}'} | "
                f"{r.rounds} | {'–' if r.time_given is None else f'{r.time_given:.0f}'} | "
                f"{verdict} |")
    return lines


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def run(workbook: Path, sweep: SweepOptions, label: str) -> str:
    from scheduler.io.read.scenarios import read_scenarios
    from scheduler.io.read.workbook import read_problem
    from scheduler.whatif.changes import with_baseline

    problem = read_problem(workbook)
    scenarios = with_baseline(read_scenarios(workbook, problem, required=True))
    before = load()
    runs = []
    for i in (1, 2):
        t0 = time.perf_counter()
        results = run_sweep(problem, scenarios, sweep)
        runs.append((time.perf_counter() - t0, results))
        print(f"run {i}: {runs[-1][0]:.1f} s", flush=True)
    rows = agreement(runs[0][1], runs[1][1])
    contradictions = sum(a.contradict for a in rows)
    lines = [
        f"`{label}` — {workbook.name}, {len(scenarios)} scenarios (the Baseline included), two "
        f"runs one after the other; load average (1/5/15 min) {before} before, {load()} after.",
        "",
        f"Wall: run 1 {runs[0][0]:.1f} s, run 2 {runs[1][0]:.1f} s. Contradicting calls: "
        f"**{contradictions}**.",
        "",
        *agreement_table(rows),
        "",
        *scenario_table(runs),
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workbook", type=Path, default=WARD)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=30.0)
    ap.add_argument("--work-limit", type=float, default=None)
    ap.add_argument("--target-gap", type=float, default=None)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    sweep = SweepOptions(time_limit=args.time_limit, work_limit=args.work_limit,
                         seed=args.seed, jobs=args.jobs, target_gap_pct=args.target_gap)
    flags = "".join(f" --{n.replace('_', '-')} {v:g}" for n, v in (
        ("time_limit", args.time_limit), ("work_limit", args.work_limit),
        ("target_gap", args.target_gap)) if v is not None)
    label = f"python -m benchmarks.whatif_agreement --jobs {args.jobs}{flags}"
    print(run(args.workbook, sweep, label))


if __name__ == "__main__":
    main()
