"""The objective, in tiers (weights from ``problem.weights``).

uncovered ≫ overtime (only when allowed: :mod:`scheduler.solver.overtime`) ≫ soft legal ≫
below target ≫ |worked − contracted hours| ≫ requests ≫ fairness ≫ pattern, with over-staffing
at the bottom. Everything is integer: per-unit prices are multiplied by :data:`SCALE` (60) so
that the contract deviation can be counted in minutes with its per-hour price;
``objective_by_tier`` divides it back out.

Every tier is >= 0 on every feasible roster (weights are >= 0; a granted wish subtracts no more
than the constant it added; a fairness spread ``hi - lo`` has ``hi`` >= ``lo``). The two-phase
solve (:mod:`scheduler.solver.top_tiers`) relies on it: a bound of the top tiers alone is then a
bound of the whole objective.

This module assembles the objective (:func:`build`) and prices requests and the pattern; the
terms are collected in :mod:`~scheduler.solver.objective_terms`, the demand, contract and
fairness tiers are :mod:`~scheduler.solver.objective_demand`,
:mod:`~scheduler.solver.objective_contract` and :mod:`~scheduler.solver.objective_fairness`.
"""

from __future__ import annotations

from collections.abc import Callable

from constraints.kernel.posting import PostContext
from scheduler.model import RequestKind
from scheduler.solver.objective_contract import (
    _contract,
    capped,
    contract_target_minutes,
    pinned_minutes,
    tolerance_minutes,
)
from scheduler.solver.objective_demand import _cell_cost, _demand, _one_row_cover, cell_cost
from scheduler.solver.objective_fairness import (
    _fairness,
    _weekend_rhythm,
    comparable_groups,
    history_counts,
    metric_cells,
)
from scheduler.solver.objective_terms import SCALE, TIERS, Objective

MIN_REST = 8 * 60  # the lowest daily rest any tier allows


def build(ctx: PostContext, *, pattern: bool = True, fairness: bool = True,
          fixed_cover: dict[tuple[int, int], list[int]] | None = None,
          in_time: Callable[[], None] | None = None) -> Objective:
    """The objective of ``ctx``'s model (and its ``minimize``).

    ``fixed_cover``: (day, shift) -> indices of employees outside ``ctx.active`` who work that
    cell; they count towards its cover as constants (a model of some employees' rows with the
    others fixed, :mod:`scheduler.solver.decompose`). Cells no active employee can work then
    get no variables: their cost is a constant, counted in ``Objective.constant``, so the
    objective is still the whole roster's. With one active employee every cell's cost is that
    constant plus a linear term in the employee's own variable (:func:`_one_row_cover`)."""
    def step() -> None:  # the deadline between parts (a 300-staff month's objective: 9 s loaded)
        if in_time is not None:
            in_time()

    obj = Objective()
    _demand(ctx, obj, fixed_cover)
    for p in ctx.penalties:
        obj.add(p.tier, p.coef * SCALE, p.expr)
    step()
    _contract(ctx, obj)
    if ctx.overtime is not None:
        ctx.overtime.price(obj)
    step()
    _requests(ctx, obj)
    if fairness:
        step()
        _fairness(ctx, obj)
        _weekend_rhythm(ctx, obj)
    if pattern:
        step()
        _pattern(ctx, obj)
    # the constant (granted-wish terms) is part of the objective: the reported value is the total
    ctx.model.minimize(obj.total())
    return obj


def _requests(ctx: PostContext, obj: Objective) -> None:
    geo, w = ctx.geo, ctx.problem.weights
    for r in ctx.problem.requests:
        e = geo.emp_index.get(r.employee)
        if e is None or e not in ctx.active or r.kind == RequestKind.unavailable:
            continue
        coef = round(w.request * r.weight * SCALE)
        if not coef:
            continue
        s = geo.shift_index.get(r.shift) if r.shift else None
        for day in r.days():
            d = geo.day_index.get(day)
            if d is None:
                continue
            if r.kind == RequestKind.day_off:
                for v in ctx.day_vars(e, d):
                    obj.add("requests", coef, v)
            elif r.kind == RequestKind.avoid_shift and s is not None:
                v = ctx.x.get((e, d, s))
                if v is not None:
                    obj.add("requests", coef, v)
            elif r.kind == RequestKind.shift_wish and s is not None:
                v = ctx.x.get((e, d, s))
                obj.constant["requests"] += coef
                if v is not None:
                    obj.add("requests", -coef, v)


def _pattern(ctx: PostContext, obj: Objective) -> None:
    geo, m, w = ctx.geo, ctx.model, ctx.problem.weights
    if not w.pattern or ctx.settings.allow_split_duties:
        return
    coef = w.pattern * SCALE
    tod = [st.start.hour * 60 + st.start.minute for st in geo.shifts]
    for e in ctx.active:
        work = [ctx.day_vars(e, d) for d in range(geo.D)]
        wd = [sum(v) if v else 0 for v in work]
        has = [bool(v) for v in work]
        for d in range(1, geo.D - 1):
            if has[d]:  # isolated working day
                p = m.new_bool_var("")
                m.add(p >= wd[d] - wd[d - 1] - wd[d + 1])
                obj.add("pattern", coef, p)
            if has[d - 1] and has[d + 1]:  # isolated day off
                p = m.new_bool_var("")
                m.add(p >= wd[d - 1] + wd[d + 1] - wd[d] - 1)
                obj.add("pattern", coef, p)
        for d in range(geo.D - 5):  # six working days in a row
            if all(has[d:d + 6]):
                p = m.new_bool_var("")
                m.add(p >= sum(wd[d:d + 6]) - 5)
                obj.add("pattern", coef, p)
        for d in range(geo.D - 1):  # backward rotation: a later shift, then an earlier one
            rows = []
            for v1 in range(geo.S):
                a = ctx.x.get((e, d, v1))
                if a is None:
                    continue
                later = [
                    b for v2 in range(geo.S)
                    if (b := ctx.x.get((e, d + 1, v2))) is not None and tod[v2] < tod[v1]
                    and geo.start[d + 1][v2] - geo.end[d][v1] >= MIN_REST
                ]
                if later:
                    rows.append((a, later))
            if rows:  # one shift a day: at most one backward step per night
                p = m.new_bool_var("")
                for a, later in rows:
                    m.add(p >= a + sum(later) - 1)
                obj.add("pattern", coef, p)


__all__ = [
    "MIN_REST", "SCALE", "TIERS", "Objective", "_cell_cost", "_contract", "_demand",
    "_fairness", "_one_row_cover", "_requests", "_weekend_rhythm", "build", "capped",
    "cell_cost", "comparable_groups", "contract_target_minutes", "history_counts",
    "metric_cells", "pinned_minutes", "tolerance_minutes",
]
