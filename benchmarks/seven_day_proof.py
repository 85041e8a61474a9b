"""How long does a small problem take to *prove* optimal?

    python -m benchmarks.seven_day_proof [--reduced-weeks/--rota-38] [--repeats 1]

The seven-day, six-nurse problem of ``tests/solver/test_solver.py::test_deterministic_with_one_worker``
(day, evening and night demand of one nurse each, a week with no public holiday, one nurse
wishing nights), solved with one worker and seed 7 until CP-SAT proves the optimum. With
``--reduced-weeks`` (the default) the § 10-4 (4)-(6) conditions are left to the plan, so the
solver has to link each nurse's Sundays and night hours to the reduced weeks; ``--rota-38``
sets the unit's rota to § 10-4 (4) (a)/(b) instead, as the test does. Prints the wall time,
the process CPU time (one worker: steadier than the wall clock on a busy machine), CP-SAT's
deterministic work, the status and the objective of each run (median over ``--repeats``), for
``docs/benchmarks.md``.
"""

from __future__ import annotations

import statistics
import time as clock
from datetime import date, time, timedelta

import click

from scheduler.model import DemandItem, Employee, Problem, Request, RequestKind, Settings, ShiftType
from scheduler.solution import SolveOptions
from scheduler.solver import solve

D = ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30)
E = ShiftType(code="E", start=time(15, 0), end=time(23, 0), break_minutes=30)
N = ShiftType(code="N", start=time(23, 0), end=time(7, 0), break_minutes=30)
MONDAY = date(2026, 4, 13)  # a week with no public holiday


def problem(rota_38: bool) -> Problem:
    extra = {"rota_10_4_4": True} if rota_38 else {}  # (older commits lack the key)
    s = Settings(start=MONDAY, end=MONDAY + timedelta(days=6), **extra,
                 sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True)
    staff = tuple(Employee(id=f"E{i}", skills=("nurse",)) for i in range(6))
    demand = tuple(DemandItem(day=d, shift=c, skill="nurse", minimum=1)
                   for d in s.days() for c in "DEN")
    wish = Request(employee="E3", start=s.start, end=s.end, kind=RequestKind.shift_wish, shift="N")
    return Problem(settings=s, shifts=(D, E, N), employees=staff, demand=demand, requests=(wish,))


@click.command()
@click.option("--reduced-weeks/--rota-38", default=True)
@click.option("--repeats", default=1, show_default=True)
@click.option("--time-limit", default=600.0, show_default=True, help="safety net, seconds")
def main(reduced_weeks: bool, repeats: int, time_limit: float) -> None:
    p = problem(rota_38=not reduced_weeks)
    times, cpu = [], []
    for _ in range(repeats):
        t0, c0 = clock.perf_counter(), clock.process_time()
        sol = solve(p, SolveOptions(seed=7, workers=1, time_limit=time_limit))
        times.append(clock.perf_counter() - t0)
        cpu.append(clock.process_time() - c0)
        click.echo(f"status={sol.status} objective={sol.objective} wall={times[-1]:.2f} s "
                   f"cpu={cpu[-1]:.2f} s work={getattr(sol, 'work', None)}")
    click.echo(f"median wall {statistics.median(times):.2f} s, cpu {statistics.median(cpu):.2f} s "
               f"over {repeats}")


if __name__ == "__main__":
    main()
