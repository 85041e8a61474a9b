"""The demand tiers of the objective: uncovered, below target and over-staffing, per cell.

:func:`cell_cost` is a cell's cost with its cover a number (a cell nobody active can work, and
the greedy start's prices); a model of one employee's row with the others fixed prices each cell
exactly without a variable of its own (:func:`_one_row_cover`).
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from constraints.kernel.posting import PostContext
from scheduler.solver.objective_terms import SCALE, Objective


def _demand(ctx: PostContext, obj: Objective,
            fixed_cover: dict[tuple[int, int], list[int]] | None = None) -> None:
    geo, m, w = ctx.geo, ctx.model, ctx.problem.weights
    cells = geo.cache.get("demand_by_cell")
    if cells is None:  # computed once per geometry (the one-employee models share it)
        by_cell: dict[tuple[int, int], list] = defaultdict(list)
        for item in ctx.problem.demand:
            d, s = geo.day_index.get(item.day), geo.shift_index.get(item.shift)
            if d is None or s is None:
                continue
            by_cell[(d, s)].append(item)
        cells = geo.cache["demand_by_cell"] = sorted(by_cell.items())
    for (d, s), items in cells:
        everyone = [v for e in ctx.active if (v := ctx.x.get((e, d, s))) is not None]
        fixed = [] if fixed_cover is None else fixed_cover.get((d, s), [])
        if fixed_cover is not None and len(ctx.active) == 1:
            _one_row_cover(ctx, obj, items, fixed, ctx.active[0], ctx.x.get((ctx.active[0], d, s)))
            continue
        if fixed_cover is not None and not everyone:
            for tier, c in _cell_cost(ctx, items, fixed).items():
                obj.constant[tier] += c
            continue
        skill_caps, any_caps, priced_over = 0, 0, False
        for k, item in enumerate(items):
            elig = everyone if not item.skill else [
                v for e in ctx.active
                if item.skill in geo.emps[e].skills and (v := ctx.x.get((e, d, s))) is not None
            ]
            base = len(fixed) if not item.skill else sum(
                1 for e in fixed if item.skill in geo.emps[e].skills)
            target = item.target if item.target is not None else item.minimum
            price = item.weight if item.weight is not None else 1.0
            cover = (sum(elig) if elig else 0) + base
            if item.minimum > 0:
                short = m.new_int_var(0, item.minimum, f"short[{d},{s},{k}]")
                m.add(cover + short >= item.minimum)
                obj.add("uncovered", round(w.uncovered * price * SCALE), short)
                obj.shortfall.append((d, s, item.skill, item.minimum, short))
            else:
                short = 0
            below = 0
            if target > item.minimum:
                below = m.new_int_var(0, target - item.minimum, f"below[{d},{s},{k}]")
                obj.add("below_target", round(w.below_target * price * SCALE), below)
            over = None
            if item.over_weight is not None:  # the item prices its own over-staffing
                priced_over = True
                if len(elig) + base > target and item.over_weight and w.overstaffing:
                    over = m.new_int_var(0, len(elig) + base - target, f"over[{d},{s},{k}]")
                    obj.add("overstaffing", round(w.overstaffing * item.over_weight * SCALE), over)
            if over is not None and target > item.minimum:
                # one equation for the cell's deviation both ways: CP-SAT's cuts on it prove far
                # more than on the two inequalities (Curtois Instance9, the model without the
                # sequence graphs, 20 s: 409 against 42; docs/benchmarks.md)
                m.add(cover + short + below - over == target)
            else:
                if target > item.minimum:
                    m.add(cover + short + below >= target)
                if over is not None:
                    m.add(over >= cover - target)
            if item.skill:
                skill_caps += target
            else:
                any_caps = max(any_caps, target)
        cap = max(skill_caps, any_caps)
        if not priced_over and len(everyone) + len(fixed) > cap and w.overstaffing:
            over = m.new_int_var(0, len(everyone) + len(fixed) - cap, f"over[{d},{s}]")
            m.add(over >= sum(everyone) + len(fixed) - cap)
            obj.add("overstaffing", w.overstaffing * SCALE, over)


def _cell_cost(ctx: PostContext, items: list, workers: list[int]) -> dict[str, int]:
    return cell_cost(ctx.geo, items, workers)


def cell_cost(geo, items: list, workers: list[int]) -> dict[str, int]:  # noqa: ANN001 - Geometry
    """The cost per tier of a cell that exactly ``workers`` work (the terms of :func:`_demand`
    at their least, with the cover a number)."""
    w = geo.problem.weights
    cost: dict[str, int] = defaultdict(int)
    skill_caps, any_caps, priced_over = 0, 0, False
    for item in items:
        cover = len(workers) if not item.skill else sum(
            1 for e in workers if item.skill in geo.emps[e].skills)
        target = item.target if item.target is not None else item.minimum
        price = item.weight if item.weight is not None else 1.0
        short = max(0, item.minimum - cover)
        cost["uncovered"] += round(w.uncovered * price * SCALE) * short
        if target > item.minimum:
            below = min(target - item.minimum, max(0, target - cover - short))
            cost["below_target"] += round(w.below_target * price * SCALE) * below
        if item.over_weight is not None:
            priced_over = True
            if item.over_weight and w.overstaffing:
                cost["overstaffing"] += round(
                    w.overstaffing * item.over_weight * SCALE) * max(0, cover - target)
        if item.skill:
            skill_caps += target
        else:
            any_caps = max(any_caps, target)
    if not priced_over and w.overstaffing:
        cost["overstaffing"] += w.overstaffing * SCALE * max(
            0, len(workers) - max(skill_caps, any_caps))
    return cost


def _one_row_cover(ctx: PostContext, obj: Objective, items: list, fixed: list[int],
                   e: int, v: cp_model.IntVar | None) -> None:
    """A cell's cost in a model of employee ``e``'s row alone with the others fixed: the fixed
    cover's cost, plus the difference ``e`` makes by working it (exact, since one row adds 0 or
    1 to the cover), so the cell needs no variable of its own."""
    memo = ctx.geo.cache.setdefault("fixed_cell_cost", {})  # the rows change few cells
    key = (items[0].day, items[0].shift)
    hit = memo.get(key)
    if hit is not None and hit[0] == fixed:
        without = hit[1]
    else:
        without = _cell_cost(ctx, items, fixed)
        memo[key] = (list(fixed), without)
    for tier, c in without.items():
        obj.constant[tier] += c
    if v is not None:
        with_e = _cell_cost(ctx, items, [*fixed, e])
        for tier in set(with_e) | set(without):
            obj.add(tier, with_e.get(tier, 0) - without.get(tier, 0), v)
