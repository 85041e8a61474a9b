"""A realistic hospital month, and a runner comparing the solver with a naive formulation.

``python -m benchmarks.aml_month --staff 150 --days 31 --time-limit 60`` generates a seeded ward
month (5 shift types, 3 skills, a part-time mix, requests, vacations, a weekday demand pattern,
history carry-in from the week before) and solves it twice, each in its own process so that the
peak memory is its own: the full formulation (greedy start checked against the model and used as
a complete hint, daily rest as at-most-one cliques, the two-phase solve of
``scheduler.solver.top_tiers``) and the naive one (``--naive`` runs it alone: no hints, rest as
pairwise clauses, no symmetry handling of our own, one plain solve).
It reports the time to the first legal roster, objective and gap at 5/30/60 s, peak memory, the
checker's verdict on the final roster, and prints a markdown section for ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import resource
import sys
import time as _time
from datetime import date, datetime, time, timedelta
from typing import Any

from scheduler.clock import TZ
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    Tier,
)

SHIFTS = (
    ShiftType(code="D", name="Day", start=time(7, 30), end=time(15, 30), break_minutes=30),
    ShiftType(code="M", name="Middle", start=time(11, 0), end=time(19, 0), break_minutes=30),
    ShiftType(code="E", name="Evening", start=time(15, 0), end=time(22, 30), break_minutes=30),
    ShiftType(code="N", name="Night", start=time(22, 15), end=time(7, 45), break_minutes=30),
    ShiftType(code="K", name="Short morning", start=time(8, 0), end=time(12, 0)),
)
SKILLS = ("nurse", "assistant", "specialist")
# (shift, skill) -> (weekday minimum, weekend minimum), per 100 staff
BASE_DEMAND: dict[tuple[str, str], tuple[float, float]] = {
    ("D", "nurse"): (7, 5), ("D", "assistant"): (5, 4), ("D", "specialist"): (1.4, 1),
    ("M", "nurse"): (2.5, 1.4), ("M", "assistant"): (2, 1.4),
    ("E", "nurse"): (5.4, 4), ("E", "assistant"): (4, 3.4), ("E", "specialist"): (1.4, 1),
    ("N", "nurse"): (3.4, 3.4), ("N", "assistant"): (2.7, 2.7), ("N", "specialist"): (0.7, 0.7),
    ("K", "assistant"): (1.4, 0),
}
POSITIONS = ((100, 0.45), (80, 0.25), (60, 0.15), (50, 0.10), (20, 0.05))


def generate(staff: int = 150, days: int = 31, seed: int = 2026,
             start: date = date(2026, 3, 1)) -> Problem:
    """A seeded ward month (default March 2026: it has the spring DST night)."""
    rng = random.Random(seed)
    settings = Settings(
        site_name=f"Generated ward ({staff} staff)",
        start=start, end=start + timedelta(days=days - 1),
        sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True,
        full_time_hours=35.5,
    )
    emps = []
    for i in range(staff):
        r = rng.random()
        if r < 0.10:
            skills: tuple[str, ...] = ("nurse", "specialist")
        elif r < 0.60:
            skills = ("nurse",)
        else:
            skills = ("assistant",)
        pct = rng.choices([p for p, _ in POSITIONS], [w for _, w in POSITIONS])[0]
        emps.append(Employee(
            id=f"E{i:03d}", name=f"Employee {i}", position_pct=pct, skills=skills,
            night_work_allowed=rng.random() > 0.06,
        ))
    scale = staff / 100
    demand = []
    for d in settings.days():
        weekend = d.weekday() >= 5
        for (code, skill), (wk, we) in BASE_DEMAND.items():
            base = we if weekend else wk
            minimum = max(0, round(base * scale))
            if minimum == 0:
                continue
            target = minimum + (1 if rng.random() < 0.3 else 0)
            demand.append(DemandItem(day=d, shift=code, skill=skill, minimum=minimum, target=target))
    requests = []
    for e in emps:
        for _ in range(rng.randint(0, 3)):
            d = settings.start + timedelta(days=rng.randrange(days))
            kind = rng.choice([RequestKind.day_off, RequestKind.day_off, RequestKind.shift_wish,
                               RequestKind.avoid_shift])
            shift = rng.choice(["D", "E", "N"]) if kind != RequestKind.day_off else None
            requests.append(Request(employee=e.id, start=d, end=d, kind=kind, shift=shift,
                                    weight=rng.choice([1.0, 2.0])))
        if rng.random() < 0.10:
            d = settings.start + timedelta(days=rng.randrange(max(1, days - 5)))
            requests.append(Request(employee=e.id, start=d, end=d + timedelta(days=4),
                                    kind=RequestKind.unavailable))
    history, emp_hist = [], []
    for e in emps:
        # A plausible, legal tail of last month: the same shift on the last days worked (the
        # evening shift only for night-capable staff and never on the Saturday before a Sunday
        # start), so that no finding comes from history alone.
        sunday_start = settings.start.weekday() == 6
        worked_sunday = rng.random() < 0.4
        code = "E" if e.night_work_allowed and not (sunday_start or worked_sunday) and rng.random() < 0.4 else "D"
        st = next(s for s in SHIFTS if s.code == code)
        for k in (3, 2, 1):
            if rng.random() < 0.55:
                a, b = st.interval_on(settings.start - timedelta(days=k))
                history.append(HistoryPeriod(employee=e.id, start=a, end=b))
        if worked_sunday:
            last_sunday = settings.start - timedelta(days=(settings.start.weekday() + 1) % 7 or 7)
            emp_hist.append(EmployeeHistory(employee=e.id, last_sunday_worked=last_sunday))
    # A handful of nights longer than 9 h are typical: a site-wide T2 averaging agreement.
    agreements = (Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL, params={}),)
    return Problem(settings=settings, shifts=SHIFTS, employees=tuple(emps), demand=tuple(demand),
                   requests=tuple(requests), history=tuple(history),
                   employee_history=tuple(emp_hist), agreements=agreements)


# --------------------------------------------------------------------------------------------
# One run (in a child process)


def run_one(staff: int, days: int, seed: int, time_limit: float, workers: int,
            naive: bool, work_limit: float | None = None,
            solver_seed: int | None = None) -> dict[str, Any]:
    from constraints.checker import check_problem
    from scheduler.solution import SolveOptions
    from scheduler.solver import solve_traced

    problem = generate(staff, days, seed)
    t0 = _time.perf_counter()
    sol, trace = solve_traced(
        problem, SolveOptions(time_limit=time_limit, work_limit=work_limit, workers=workers,
                              seed=seed if solver_seed is None else solver_seed,
                              use_hints=not naive),
        naive=naive, symmetry=False,
    )
    wall = _time.perf_counter() - t0
    violations = None
    if sol.has_roster:
        violations = len(check_problem(problem, sol.roster).violations)
    marks = {}
    for t in (5, 30, 60):
        pts = [p for p in trace.points if p[0] <= t]
        if pts:
            _, obj, bound = pts[-1]
            marks[t] = {"objective": obj, "gap_pct": _gap(obj, bound)}
        else:
            marks[t] = None
    return {
        "naive": naive,
        "status": sol.status,
        "build_seconds": trace.build_seconds,
        "first_solution_seconds": sol.first_solution_seconds,
        "objective": sol.objective,
        "best_bound": sol.best_bound,
        "gap_pct": sol.gap_pct,
        "marks": marks,
        "by_tier": sol.objective_by_tier,
        "shortfall": sum(s.missing for s in sol.shortfall),
        "violations": violations,
        "wall_seconds": wall,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "num_vars": trace.num_vars,
        "num_constraints": trace.num_constraints,
        "solutions": len(trace.points),
    }


def _gap(obj: float, bound: float) -> float:
    return round(100.0 * abs(obj - bound) / max(1.0, abs(obj)), 2)


def _in_child(args: tuple) -> dict[str, Any]:
    return run_one(*args)


def run(staff: int, days: int, seed: int, time_limit: float, workers: int,
        which: tuple[bool, ...], solver_seed: int | None = None) -> list[dict[str, Any]]:
    ctx = mp.get_context("spawn")
    out = []
    for naive in which:
        with ctx.Pool(1, maxtasksperchild=1) as pool:
            out.append(pool.apply(_in_child, ((staff, days, seed, time_limit, workers, naive,
                                                None, solver_seed),)))
    return out


# --------------------------------------------------------------------------------------------
# Report


def _fmt(v: float | None, unit: str = "", digits: int = 1) -> str:
    return "—" if v is None else f"{v:,.{digits}f}{unit}"


def _ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}×"


def markdown(results: list[dict[str, Any]], staff: int, days: int, seed: int,
             time_limit: float, workers: int, solver_seed: int | None = None) -> str:
    full = next((r for r in results if not r["naive"]), None)
    naive = next((r for r in results if r["naive"]), None)
    cols = [("full", full), ("naive", naive)]
    cols = [(n, r) for n, r in cols if r is not None]
    head = "| | " + " | ".join(n for n, _ in cols) + (" | naive / full |" if len(cols) == 2 else " |")
    sep = "|---" * (len(cols) + 1 + (1 if len(cols) == 2 else 0)) + "|"
    rows = []

    def row(label: str, key, fmt) -> None:  # noqa: ANN001
        vals = [key(r) for _, r in cols]
        cells = [fmt(v) for v in vals]
        if len(cols) == 2:
            cells.append(_ratio(vals[1], vals[0]) if all(isinstance(v, int | float) for v in vals) else "—")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")

    row("status", lambda r: r["status"], str)
    row("model build (s)", lambda r: r["build_seconds"], lambda v: _fmt(v, " s", 2))
    row("variables", lambda r: r["num_vars"], lambda v: f"{v:,}")
    row("constraints", lambda r: r["num_constraints"], lambda v: f"{v:,}")
    row("first legal roster (s)", lambda r: r["first_solution_seconds"], lambda v: _fmt(v, " s", 2))
    for t in (5, 30, 60):
        if t > time_limit + 1e-9:
            continue
        row(f"objective at {t} s", lambda r, t=t: (r["marks"].get(t) or r["marks"].get(str(t)) or {}).get("objective"), _fmt)
        row(f"gap at {t} s (%)", lambda r, t=t: (r["marks"].get(t) or r["marks"].get(str(t)) or {}).get("gap_pct"), lambda v: _fmt(v, " %", 2))
    row("final objective", lambda r: r["objective"], _fmt)
    row("final gap (%)", lambda r: r["gap_pct"], lambda v: _fmt(v, " %", 2))
    row("uncovered person-shifts", lambda r: r["shortfall"], lambda v: str(v))
    row("checker violations", lambda r: r["violations"], lambda v: "—" if v is None else str(v))
    row("peak memory (MiB)", lambda r: r["peak_mib"], lambda v: _fmt(v, " MiB", 0))
    lines = [
        f"### Generated hospital month: {staff} staff × {days} days × {len(SHIFTS)} shift types × "
        f"{len(SKILLS)} skills",
        "",
        f"`python -m benchmarks.aml_month --staff {staff} --days {days} --time-limit "
        f"{time_limit:g} --workers {workers} --seed {seed}"
        f"{'' if solver_seed is None else f' --solver-seed {solver_seed}'}` "
        f"(run {datetime.now(TZ):%Y-%m-%d}; "
        f"{workers} CP-SAT workers). *full* = greedy roster checked against the model and "
        "used as a complete hint (it is the first legal roster), daily rest as at-most-one "
        "cliques, two phases (the top tiers first, for a proven bound, then the full objective); "
        "*naive* = no hints, daily rest as pairwise clauses, one plain solve. Objective in "
        "weight units (lower is better); gap = "
        "(objective − bound) / objective at the last solution found by that time.",
        "",
        head,
        sep,
        *rows,
    ]
    if full is not None:
        tiers = ", ".join(f"{k} {v:,.0f}" for k, v in full["by_tier"].items() if v)
        lines += ["", f"Objective by tier (full): {tiers}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--staff", type=int, default=150)
    ap.add_argument("--days", type=int, default=31)
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2026,
                    help="seeds the generated month (and the solver, unless --solver-seed): "
                         "another seed is another month (default 2026, the month "
                         "docs/benchmarks.md reports)")
    ap.add_argument("--solver-seed", type=int, default=None,
                    help="the solver's seed alone, for runs of one month with other seeds")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--naive", action="store_true", help="run only the naive formulation")
    g.add_argument("--full-only", action="store_true", help="run only the full formulation")
    ap.add_argument("--json", action="store_true", help="print the raw results as JSON too")
    a = ap.parse_args(argv)
    which = (True,) if a.naive else (False,) if a.full_only else (False, True)
    results = run(a.staff, a.days, a.seed, a.time_limit, a.workers, which, a.solver_seed)
    if a.json:
        print(json.dumps(results, indent=2, default=str))
    print(markdown(results, a.staff, a.days, a.seed, a.time_limit, a.workers, a.solver_seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
