"""A first roster for pure contract-rule problems, one employee at a time.

In a contract-rule problem (``settings.apply_aml`` False: the Curtois & Qu benchmark) every hard
rule concerns one employee; cover and requests are soft. So a roster is legal exactly when each
employee's row is legal on its own, and a row can be planned in a model that holds that employee
alone — a few thousand variables even for 364 days and 32 shift types, where the whole problem has
hundreds of thousands and takes CP-SAT longer than a minute to build and to find any roster in.

:func:`sweep` plans the employees in turn. Each row is solved in the ordinary model
(the same geometry, DOMAIN rules, posts and objective as :func:`scheduler.solver.solve.build`,
with ``active`` = that one employee) whose cover counts the rows already planned as constants
(``objective.build(..., fixed_cover=...)``): each employee takes the shifts still missing most.
Later sweeps re-plan each row against all the others, which never makes the whole objective worse
(the employee's current row is the hint and is always a candidate), so the roster improves for as
long as the budget allows. An employee whose row finds no legal plan within its budget makes the
problem return ``None`` (the caller falls back to solving the whole model).

Every sub-solve stops on CP-SAT's deterministic time (one worker, a fixed seed), so the sweep is
reproducible on any machine; the wall clock only ends it early.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from constraints.kernel.geometry import Geometry
from constraints.kernel.posting import PostContext
from constraints.registry import Posted
from scheduler.solver import objective, variables

Key = tuple[int, int, int]
Row = dict[int, int]  # day index -> shift index
ROW_WORK = 0.5  # deterministic seconds for one employee's row (first sweep)
ROW_WORK_LATER = 0.25  # ... in the improving sweeps, which start from a hint


@dataclass
class SweepResult:
    rows: dict[int, Row]  # employee index -> its row
    sweeps: int  # complete sweeps done
    work: float  # deterministic time spent


FixedCover = dict[tuple[int, int], list[int]]  # (day, shift) -> employees working it


def _row_model(geo: Geometry, rules: list[Posted], e: int,
               fixed: FixedCover) -> PostContext | None:
    """The ordinary model for employee ``e`` alone, with the others' cover as constants."""
    ctx = PostContext(geo, {r.spec.id: r.spec for r in rules}, naive=True, active=[e])
    if variables.read_pins(ctx) or variables.run_domain(ctx, rules):
        return None
    variables.create(ctx)
    variables.pin(ctx)
    for r in rules:
        if r.post is not None and ctx.employees(r.spec.id):
            r.post(ctx)
    objective.build(ctx, pattern=False, fairness=False, fixed_cover=fixed)
    return ctx


def _configure(solver: cp_model.CpSolver, seed: int, work: float) -> None:
    p = solver.parameters
    p.num_workers = 1
    p.random_seed = seed
    p.max_deterministic_time = work
    p.max_time_in_seconds = max(30.0, 100 * work)  # a safety net only
    p.linearization_level = 0  # a one-row model: the LP costs more than it prunes


def _solve_row(geo: Geometry, rules: list[Posted], e: int, fixed: FixedCover,
               hint: Row | None, work: float, seed: int) -> tuple[Row, float] | None:
    """The best row for ``e`` found within ``work``, never worse than ``hint`` (when given),
    and the deterministic time used."""
    ctx = _row_model(geo, rules, e, fixed)
    if ctx is None:
        return None
    if hint is not None:
        for (_, d, s), v in ctx.x.items():
            ctx.model.add_hint(v, 1 if hint.get(d) == s else 0)
    solver = cp_model.CpSolver()
    _configure(solver, seed, work)
    status = solver.solve(ctx.model)
    used = solver.deterministic_time
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    row = {d: s for (_, d, s), v in ctx.x.items() if solver.value(v)}
    if hint is not None and status != cp_model.OPTIMAL and row != hint:
        # not proven: keep the new row only if it costs no more than the old one
        for (_, d, s), v in ctx.x.items():
            ctx.model.add(v == (1 if hint.get(d) == s else 0))
        probe = cp_model.CpSolver()
        _configure(probe, seed, work)
        if probe.solve(ctx.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE) \
                and probe.objective_value < solver.objective_value:
            row = hint
        used += probe.deterministic_time
    return row, used


def _cover_by_cell(rows: dict[int, Row], skip: int | None = None) -> FixedCover:
    out: FixedCover = {}
    for e, row in rows.items():
        if e != skip:
            for d, s in row.items():
                out.setdefault((d, s), []).append(e)
    return out


def sweep(geo: Geometry, rules: list[Posted], *, seed: int = 0, work_budget: float,
          deadline: float | None = None,
          on_sweep: Callable[[dict[int, Row]], None] | None = None) -> SweepResult | None:
    """Plan every employee's row in turn, then re-plan rows while budget remains.

    The first sweep always completes (it is the roster); ``work_budget`` (deterministic seconds
    in all) and ``deadline`` (a ``time.perf_counter()`` value) end the improving sweeps. ``None``
    when some employee's row has no legal plan within its (retried) budget."""
    rows: dict[int, Row] = {}
    spent = 0.0

    def out_of_time() -> bool:
        return spent >= work_budget or (deadline is not None and time.perf_counter() >= deadline)

    for e in range(geo.E):  # the first sweep always completes: it is the roster
        got = None
        for work in (ROW_WORK, 20 * ROW_WORK):  # a hard row gets a second, longer try
            got = _solve_row(geo, rules, e, _cover_by_cell(rows), None, work, seed)
            if got is not None:
                break
        if got is None:
            return None
        rows[e], used = got
        spent += used
    sweeps = 1
    if on_sweep is not None:
        on_sweep(rows)
    while not out_of_time():
        changed = False
        for e in range(geo.E):
            if out_of_time():
                break
            got = _solve_row(geo, rules, e, _cover_by_cell(rows, skip=e), rows[e],
                             ROW_WORK_LATER, seed + sweeps)
            if got is None:
                continue
            row, used = got
            spent += used
            if row != rows[e]:
                rows[e], changed = row, True
        else:
            sweeps += 1
            if on_sweep is not None:
                on_sweep(rows)
            if not changed:
                break
    return SweepResult(rows, sweeps, spent)
