"""The fairness tier of the objective: nights, weekends and Sundays spread within groups.

Comparable employees (same skills, a similar position) are grouped; within each group the spread
of each count (History included) is priced, and so is each weekend worked beyond one in any
``weekend_rhythm`` weekends in a row.
"""

from __future__ import annotations

from collections import defaultdict

from constraints.kernel.posting import PostContext
from constraints.windows import is_night_shift
from scheduler.solver.objective_terms import SCALE, Objective


def comparable_groups(ctx: PostContext) -> list[list[int]]:
    """Employees with the same skills and a similar position (within 20 percentage points)."""
    geo = ctx.geo
    groups: dict[tuple, list[int]] = defaultdict(list)
    for e in ctx.active:
        emp = geo.emps[e]
        pct = emp.contracted_weekly_hours(ctx.settings.full_time_hours) / ctx.settings.full_time_hours
        bucket = min(4, int(pct * 100 // 20))
        groups[(tuple(sorted(emp.skills)), bucket)].append(e)
    return [g for _, g in sorted(groups.items()) if len(g) > 1]


def metric_cells(ctx: PostContext) -> dict[str, set[tuple[int, int]]]:
    geo = ctx.geo
    nights = {c for c in geo.cells() if is_night_shift(geo.night_minutes[c[0]][c[1]])}
    weekend = {(d, s) for d, s in geo.cells() if geo.windows.is_weekend(geo.days[d])}
    red = {c for c in geo.cells() if geo.red_touch[c]}
    return {"nights": nights, "weekends": weekend, "sundays": red}


def history_counts(ctx: PostContext, e: int) -> dict[str, int]:
    from scheduler.clock import from_minutes

    geo = ctx.geo
    out = {"nights": 0, "weekends": 0, "sundays": 0}
    for h in geo.history[e]:
        if h.end > geo.horizon_start:
            continue
        if is_night_shift(geo.windows.night_minutes(h.start, h.end)):
            out["nights"] += 1
        if geo.windows.is_weekend(from_minutes(h.start).date()):
            out["weekends"] += 1
        if any(r.segment.overlap(h.start, h.end) for r in geo.windows.red):
            out["sundays"] += 1
    return out


def _fairness(ctx: PostContext, obj: Objective) -> None:
    m, w = ctx.model, ctx.problem.weights
    if not w.fairness:
        return
    metrics = metric_cells(ctx)
    for gi, group in enumerate(comparable_groups(ctx)):
        hist = {e: history_counts(ctx, e) for e in group}
        for name, cells in metrics.items():
            counts = {}
            for e in group:
                lits = [ctx.x[(e, d, s)] for d, s in ctx.cells(e) if (d, s) in cells]
                counts[e] = (hist[e][name], lits)
            if not any(lits for _, lits in counts.values()):
                continue
            ub = max(h + len(lits) for h, lits in counts.values())
            hi = m.new_int_var(0, ub, f"fair_hi[{gi},{name}]")
            lo = m.new_int_var(0, ub, f"fair_lo[{gi},{name}]")
            for h, lits in counts.values():
                m.add(hi >= h + sum(lits))
                m.add(lo <= h + sum(lits))
            obj.add("fairness", w.fairness * SCALE, hi - lo)


def _weekend_rhythm(ctx: PostContext, obj: Objective) -> None:
    """Each weekend worked beyond one in any ``weekend_rhythm`` weekends in a row costs the
    fairness weight (:mod:`scheduler.weekends`)."""
    from scheduler.weekends import weekends

    geo, m, w = ctx.geo, ctx.model, ctx.problem.weights
    n = ctx.settings.weekend_rhythm
    if not w.fairness or n < 2:
        return
    wks = [[geo.day_index[d] for d in wk] for wk in weekends(geo.days)]
    if len(wks) < 2:
        return
    for e in ctx.active:
        worked = []
        for k, wk in enumerate(wks):
            lits = [v for d in wk for v in ctx.day_vars(e, d)]
            if not lits:
                worked.append(None)
                continue
            b = m.new_bool_var(f"weekend[{e},{k}]")
            m.add_max_equality(b, lits)
            worked.append(b)
        for k in range(max(1, len(wks) - n + 1)):  # every full run of n weekends
            run = [b for b in worked[k:k + n] if b is not None]
            if len(run) < 2:
                continue
            over = m.new_int_var(0, len(run) - 1, f"weekend_over[{e},{k}]")
            m.add(over >= sum(run) - 1)
            obj.add("fairness", w.fairness * SCALE, over)
