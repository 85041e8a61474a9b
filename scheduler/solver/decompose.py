"""A first roster for pure contract-rule problems, one employee at a time.

In a contract-rule problem (``settings.apply_aml`` False: the Curtois & Qu benchmark) every hard
rule concerns one employee; cover and requests are soft. So a roster is legal exactly when each
employee's row is legal on its own, and a row can be planned in a model that holds that employee
alone — a few thousand variables even for 364 days and 32 shift types, where the whole problem has
hundreds of thousands and takes CP-SAT longer than a minute to build and to find any roster in.

:func:`sweep` plans the employees in turn. Each row is solved in the ordinary model
(the same geometry, DOMAIN rules, posts and objective as :func:`scheduler.solver.build.build`,
with ``active`` = that one employee) whose cover counts the rows already planned as constants
(``objective.build(..., fixed_cover=...)``): each employee takes the shifts still missing most.
Later sweeps re-plan each row against all the others, which never makes the whole objective worse
(the employee's current row is the hint and is always a candidate), so the roster improves for as
long as the budget allows. An employee whose row finds no legal plan within its budget makes the
problem return ``None`` (the caller falls back to solving the whole model); when the rules alone
were proven to admit no row for that employee, ``RowModels.without_row`` names them, and the
problem is infeasible (:func:`scheduler.solver.explain.explain_rows` says why).

Each employee's row model (variables and rules) is built once and cloned for every later solve
of that row, which then only adds the objective for the current cover. Since the row objective
includes the cost of every cell as a constant where the employee cannot help
(``objective.build(..., fixed_cover=...)``), a row's optimum splits into the employee's own
terms (requests, contract hours) and the cover terms of the whole roster: the sweep keeps the
first per employee and the last, so it knows the whole roster's objective after every row
(``SweepResult.objective``, and ``on_better`` for every complete roster that improves it).

When every rule is a contract rule (:func:`scheduler.solver.greedy_rows.usable`) the first sweep
is not solved in CP-SAT: :mod:`scheduler.solver.greedy_rows` walks each row in plain Python
(legal by construction, re-checked), and only a row it cannot plan is solved here (the repair).

Every sub-solve stops on CP-SAT's deterministic time (one worker, a fixed seed), so the sweep is
reproducible on any machine; the wall clock only ends it early.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from constraints.kernel.geometry import Geometry
from constraints.kernel.posting import PostContext
from constraints.registry import Posted
from scheduler.solver import greedy_rows, objective, variables

Key = tuple[int, int, int]
Row = dict[int, int]  # day index -> shift index
ROW_WORK = 2.0  # deterministic seconds for one employee's first row (the first found is taken)
ROW_WORK_LATER = 0.25  # ... in the improving sweeps, which start from a hint
RETRY = 3  # ... else any legal row is searched for within this many times that work
COVER_TIERS = ("uncovered", "below_target", "overstaffing")  # the terms the rows share
Cost = dict[str, int]  # tier -> scaled cost


@dataclass
class SweepResult:
    rows: dict[int, Row]  # employee index -> its row
    sweeps: int  # complete sweeps done
    work: float  # deterministic time spent
    objective: int = 0  # the whole roster's objective, scaled (objective.SCALE)
    by_tier: Cost = field(default_factory=dict)  # ... per tier
    totals: _Totals | None = None  # what a later ``sweep(start=...)`` goes on from
    planner: greedy_rows.Planner | None = None  # ... and the walk's cover, when it made the rows


FixedCover = dict[tuple[int, int], list[int]]  # (day, shift) -> employees working it


class RowModels:
    """Every employee's row model, built once (variables and rules) and cloned per solve."""

    def __init__(self, geo: Geometry, rules: list[Posted]) -> None:
        self.geo, self.rules = geo, rules
        self.specs = {r.spec.id: r.spec for r in rules}
        self._base: dict[int, PostContext | None] = {}
        self.repaired: list[int] = []  # rows the greedy first sweep left to CP-SAT
        # employees whose rules alone admit no row (proven INFEASIBLE): then so is the problem
        self.without_row: list[int] = []
        self.cells: int | None = None  # cells open to all employees, when the greedy counted them

    def cell_count(self) -> int:
        """Cells of the whole model (one per employee, day and shift the employee may work):
        the greedy's count, else the row models built so far."""
        if self.cells is not None:
            return self.cells
        return sum(len(ctx.x) for ctx in self.built())

    def base(self, e: int) -> PostContext | None:
        if e not in self._base:
            ctx = PostContext(self.geo, self.specs, naive=True, active=[e])
            if variables.read_pins(ctx) or variables.run_domain(ctx, self.rules):
                self._base[e] = None
            else:
                variables.create(ctx)
                variables.pin(ctx)
                for r in self.rules:
                    if r.post is not None and ctx.employees(r.spec.id):
                        r.post(ctx)
                self._base[e] = ctx
        return self._base[e]

    def built(self) -> list[PostContext]:
        """The row models built so far (every employee's after a first sweep)."""
        return [ctx for ctx in self._base.values() if ctx is not None]

    def model(self, e: int, fixed: FixedCover) -> tuple[PostContext, objective.Objective] | None:
        """The model for employee ``e`` alone, with the others' cover as constants."""
        base = self.base(e)
        if base is None:
            return None
        ctx = copy.copy(base)
        ctx.model = base.model.clone()
        return ctx, objective.build(ctx, pattern=False, fairness=False, fixed_cover=fixed)


def _configure(solver: cp_model.CpSolver, seed: int, work: float, first: bool = False) -> None:
    """One worker, ``work`` deterministic seconds; ``first``: stop at the first row found and
    skip presolve (measured on 364-day rows: 0.1-0.4 s where presolve alone takes 0.1-0.2)."""
    p = solver.parameters
    if first:
        p.stop_after_first_solution = True
        p.cp_model_presolve = False
    p.num_workers = 1
    p.random_seed = seed
    p.max_deterministic_time = work
    p.max_time_in_seconds = max(30.0, 100 * work)  # a safety net only
    # the LP finds a long row (364 days) in a fraction of the time the search without it takes
    # (measured: 0.2-0.4 deterministic seconds where level 0 found none in 4)
    p.linearization_level = 2


def _cost(obj: objective.Objective, value: Callable) -> Cost:
    return {tier: obj.constant.get(tier, 0) + sum(c * int(value(x)) for c, x in obj.terms.get(tier, []))
            for tier in objective.TIERS}


def _solve_row(models: RowModels, e: int, fixed: FixedCover, hint: Row | None, work: float,
               seed: int, first: bool = False) -> tuple[Row, float, Cost] | None:
    """The best row for ``e`` found within ``work``, never worse than ``hint`` (when given),
    the deterministic time used, and the cost per tier of the roster with that row."""
    made = models.model(e, fixed)
    if made is None:
        return None
    ctx, obj = made
    if hint is not None:
        for (_, d, s), v in ctx.x.items():
            ctx.model.add_hint(v, 1 if hint.get(d) == s else 0)
    solver = cp_model.CpSolver()
    _configure(solver, seed, work, first)
    status = solver.solve(ctx.model)
    used = solver.deterministic_time
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    row = {d: s for (_, d, s), v in ctx.x.items() if solver.value(v)}
    cost = _cost(obj, solver.value)
    if hint is not None and status != cp_model.OPTIMAL and row != hint:
        # not proven: keep the new row only if it costs no more than the old one
        for (_, d, s), v in ctx.x.items():
            ctx.model.add(v == (1 if hint.get(d) == s else 0))
        probe = cp_model.CpSolver()
        _configure(probe, seed, work)
        if probe.solve(ctx.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE) \
                and probe.objective_value < solver.objective_value:
            row, cost = hint, _cost(obj, probe.value)
        used += probe.deterministic_time
    return row, used, cost


def _any_row(models: RowModels, e: int, fixed: FixedCover, work: float,
             seed: int) -> tuple[Row, float, Cost] | None:
    """A legal row for ``e`` when the search with the objective found none in its work: the
    rules alone (a feasibility problem the LP solves in a fraction of a second even for 364
    days), then that row's cost in the model with the objective."""
    base = models.base(e)
    if base is None:
        return None
    solver = cp_model.CpSolver()
    _configure(solver, seed, work)
    status = solver.solve(base.model)
    if status == cp_model.INFEASIBLE:  # proven: the employee's rules admit no row at all
        models.without_row.append(e)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    row = {d: s for (_, d, s), v in base.x.items() if solver.value(v)}
    used = solver.deterministic_time
    made = models.model(e, fixed)
    assert made is not None
    ctx, obj = made
    for (_, d, s), v in ctx.x.items():
        ctx.model.add(v == (1 if row.get(d) == s else 0))
    probe = cp_model.CpSolver()
    _configure(probe, seed, work)
    if probe.solve(ctx.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return row, used + probe.deterministic_time, _cost(obj, probe.value)


def _cover_by_cell(rows: dict[int, Row], skip: int | None = None) -> FixedCover:
    out: FixedCover = {}
    for e, row in rows.items():
        if e != skip:
            for d, s in row.items():
                out.setdefault((d, s), []).append(e)
    return out


class _Totals:
    """The whole roster's cost: every employee's own terms and the latest cover terms."""

    def __init__(self) -> None:
        self.own: dict[int, Cost] = {}
        self.cover: Cost = {}

    def set(self, e: int, cost: Cost) -> None:
        self.own[e] = {t: v for t, v in cost.items() if t not in COVER_TIERS}
        self.cover = {t: v for t, v in cost.items() if t in COVER_TIERS}

    def by_tier(self) -> Cost:
        out = dict.fromkeys(objective.TIERS, 0)
        for cost in (*self.own.values(), self.cover):
            for t, v in cost.items():
                out[t] += v
        return out

    def total(self) -> int:
        return sum(self.by_tier().values())


def _greedy_first(geo: Geometry, models: RowModels, row_work: float,
                  seed: int) -> tuple[dict[int, Row], _Totals, float, greedy_rows.Planner] | None:
    """The first sweep in plain Python (:mod:`scheduler.solver.greedy_rows`); a row the walk
    cannot plan legally is planned in CP-SAT against the rows so far (the repair). None when
    the repair finds no legal row either."""
    planner = greedy_rows.Planner(geo, models.rules)
    rows: dict[int, Row] = {}
    spent = 0.0
    for e in range(geo.E):
        row = planner.row(e)
        if row is None:  # the repair: the row model, else any legal row (the rules alone)
            fixed = _cover_by_cell(rows)
            got = _solve_row(models, e, fixed, None, row_work, seed, first=True) \
                or _any_row(models, e, fixed, RETRY * row_work, seed)
            if got is None:
                return None
            row, used, _ = got
            spent += used
            models.repaired.append(e)
        rows[e] = row
        planner.take(e, row)
    models.cells = planner.cell_count + sum(len(models.base(e).x) for e in models.repaired)
    own, cover = greedy_rows.roster_cost(geo, rows)
    totals = _Totals()
    totals.own = own
    totals.cover = cover
    return rows, totals, spent, planner


def _walk_again(geo: Geometry, planner: greedy_rows.Planner, rows: dict[int, Row], totals: _Totals,
                best: int, out_of_time: Callable[[], bool],
                on_better: Callable[[int, dict[int, Row]], None] | None) -> int:
    """Passes of :meth:`greedy_rows.Planner.improve` (a second of CPU for 150 x 364 x 32, where
    one CP-SAT row re-plan takes about as long) until one gains nothing; returns the new best."""
    while not out_of_time():
        if planner.improve(rows, out_of_time) <= 0:
            break
        totals.own, totals.cover = greedy_rows.roster_cost(geo, rows)
        now = totals.total()
        if now < best:
            best = now
            if on_better is not None:
                on_better(best, rows)
    return best


def sweep(geo: Geometry, rules: list[Posted], *, seed: int = 0, work_budget: float,
          deadline: float | None = None, row_work: float = ROW_WORK,
          models: RowModels | None = None, start: SweepResult | None = None,
          stopped: Callable[[], bool] | None = None,
          on_better: Callable[[int, dict[int, Row]], None] | None = None) -> SweepResult | None:
    """Plan every employee's row in turn, then re-plan rows while budget remains.

    The first sweep always completes (it is the roster), each row the first the search finds
    within ``row_work`` deterministic seconds (else any legal row, within :data:`RETRY` times
    as much);
    ``work_budget`` (deterministic seconds in all) and ``deadline`` (a ``time.perf_counter()``
    value) end the improving sweeps, and so does ``stopped()`` returning True. ``start``: a
    result of an earlier sweep to go on improving (no first sweep). ``on_better(objective, rows)`` is called for the first
    complete roster and every one after it that costs less (scaled objective). ``None`` when
    some employee's row has no legal plan within its (retried) budget."""
    models = models or RowModels(geo, rules)
    rows: dict[int, Row] = {}
    totals = _Totals()
    spent = 0.0
    pace = [0.0, 0]  # wall seconds and number of the rows re-planned so far

    def out_of_time() -> bool:
        # with a deadline, no row is begun that would end after it at the rows' average pace
        # so far (a 364-day row takes seconds on a busy machine)
        mean = pace[0] / pace[1] if pace[1] else 0.0
        return spent >= work_budget \
            or (deadline is not None and time.perf_counter() + mean >= deadline) \
            or (stopped is not None and stopped())

    sweeps = 0
    first = None
    planner = None
    if start is None and greedy_rows.usable(geo, models.rules):
        first = _greedy_first(geo, models, row_work, seed)
        if first is None:
            return None
        rows, totals, spent, planner = first
        sweeps = 1
        best = totals.total()
        if on_better is not None:
            on_better(best, rows)
    elif start is None:
        for e in range(geo.E):  # the first sweep always completes: it is the roster
            got = _solve_row(models, e, _cover_by_cell(rows), None, row_work, seed, first=True)
            if got is None:  # no row found within the work: any legal row (the rules alone)
                got = _any_row(models, e, _cover_by_cell(rows), RETRY * row_work, seed)
            if got is None:
                return None
            rows[e], used, cost = got
            totals.set(e, cost)
            spent += used
        sweeps = 1
        best = totals.total()
        if on_better is not None:
            on_better(best, rows)
    else:
        rows, totals, best = dict(start.rows), start.totals, start.objective
        planner = start.planner
        if planner is not None:  # the walk's own passes first: far cheaper than CP-SAT rows
            best = _walk_again(geo, planner, rows, totals, best, out_of_time, on_better)
            planner = None  # the CP-SAT sweeps below change rows behind the walk's cover
    while not out_of_time():
        changed = False
        for e in range(geo.E):
            if out_of_time():
                break
            began = time.perf_counter()
            got = _solve_row(models, e, _cover_by_cell(rows, skip=e), rows[e],
                             ROW_WORK_LATER, seed + sweeps)
            pace[0] += time.perf_counter() - began
            pace[1] += 1
            if got is None:
                continue
            row, used, cost = got
            spent += used
            totals.set(e, cost)
            if row != rows[e]:
                rows[e], changed = row, True
            now = totals.total()
            if now < best:
                best = now
                if on_better is not None:
                    on_better(best, rows)
        else:
            sweeps += 1
            if not changed:
                break
    return SweepResult(rows, sweeps, spent, best, totals.by_tier(), totals, planner)
