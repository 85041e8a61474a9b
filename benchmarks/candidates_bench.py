"""How long does ``roster candidates`` take on a 30-employee month?

    python -m benchmarks.candidates_bench --absences 20

The bundled ward (``instances/ward.xlsx``: 30 employees, April 2026, its agreements, History and
requests) with a plain rotation as the published roster. For ``--absences`` worked cells picked
evenly, it times in one run, side by side:

* ``scoped`` — :func:`scheduler.replan.candidates.find_candidates` as the command runs it (the
  checker on each candidate's own work);
* ``full``   — the same question answered with the full check of the whole roster for every
  employee, with and without the shift (what the scoped check avoids), for the ratio.

Prints a markdown section for docs/candidates.md (medians per absence, the ratio, the checks).
"""

from __future__ import annotations

import platform
import statistics
import time
from pathlib import Path

import click

from constraints.checker import check_problem
from scheduler.io.read.workbook import read_problem
from scheduler.model import Roster, roster_from_assignments, shift_period
from scheduler.replan.candidates import find_candidates, without_absent

WARD = Path(__file__).resolve().parents[1] / "instances" / "ward.xlsx"
CODES = ["D", "D", "E", None, "N", None, None]


def _full(problem, base: Roster, day, shift: str, absent: str) -> int:  # type: ignore[no-untyped-def]
    st = problem.shift(shift)
    start, end = st.interval_on(day)
    check_problem(problem, base)
    runs = 1
    for e in problem.employees:
        if e.id == absent:
            continue
        p = shift_period(e.id, st, start, end)
        check_problem(problem, Roster.model_construct(periods=(*base.periods, p),
                                                      day_marks=base.day_marks))
        runs += 1
    return runs


@click.command()
@click.option("--absences", default=20, show_default=True)
def main(absences: int) -> None:
    problem = read_problem(WARD)
    days = problem.days()
    cells = {(e.id, d): CODES[(i + k) % len(CODES)]
             for i, e in enumerate(problem.employees) for k, d in enumerate(days)
             if CODES[(i + k) % len(CODES)]}
    roster = roster_from_assignments(problem, cells)
    worked = sorted(cells)
    picks = [worked[i * len(worked) // absences] for i in range(absences)]
    scoped: list[float] = []
    full: list[float] = []
    checks: list[int] = []
    listed: list[int] = []
    for emp, day in picks:
        shift = cells[(emp, day)]
        t = time.perf_counter()
        rep = find_candidates(problem, roster, day=day, shift=shift, absent=emp)
        scoped.append(time.perf_counter() - t)
        checks.append(rep.checks)
        listed.append(len(rep.candidates))
        base = without_absent(roster, emp, day, shift)
        t = time.perf_counter()
        _full(problem, base, day, shift, emp)
        full.append(time.perf_counter() - t)
    s, f = statistics.median(scoped), statistics.median(full)
    print(f"### roster candidates on the ward ({len(problem.employees)} employees, "
          f"{len(days)} days, {len(roster.periods)} shifts)\n")
    print(f"`python -m benchmarks.candidates_bench --absences {absences}` "
          f"({platform.python_version()}, {platform.machine()})\n")
    print("| per absence | median s | max s |")
    print("|---|---|---|")
    print(f"| scoped check (the command) | {s:.3f} | {max(scoped):.3f} |")
    print(f"| full check per employee | {f:.3f} | {max(full):.3f} |")
    print(f"\nfull / scoped = {f / s:.1f}x; check runs per absence (scoped) median "
          f"{statistics.median(checks):g}; candidates listed median "
          f"{statistics.median(listed):g}")


if __name__ == "__main__":
    main()
