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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from constraints.kernel.posting import PostContext
from constraints.windows import is_night_shift
from scheduler.model import RequestKind

SCALE = 60
MIN_REST = 8 * 60  # the lowest daily rest any tier allows

TIERS = (
    "uncovered", "overtime", "soft_legal", "below_target", "contract", "requests", "fairness",
    "pattern", "overstaffing",
)


@dataclass
class Objective:
    terms: dict[str, list[tuple[int, cp_model.LinearExprT]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    constant: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    shortfall: list[tuple[int, int, str, int, cp_model.IntVar | int]] = field(default_factory=list)

    def add(self, tier: str, coef: int, expr: cp_model.LinearExprT) -> None:
        if coef:
            self.terms[tier].append((int(coef), expr))

    def expression(self, tiers: tuple[str, ...] | None = None) -> cp_model.LinearExprT:
        """The weighted sum of the terms of ``tiers`` (default: every tier), without constants."""
        exprs, coefs = [], []
        for tier, items in self.terms.items():
            if tiers is not None and tier not in tiers:
                continue
            for c, e in items:
                exprs.append(e)
                coefs.append(c)
        return cp_model.LinearExpr.weighted_sum(exprs, coefs) if exprs else 0

    def total(self) -> cp_model.LinearExprT:
        """The whole objective: every tier's terms and the constants."""
        return self.expression() + sum(self.constant.values())

    def by_tier(self, value) -> dict[str, float]:  # noqa: ANN001 - solver.value
        out = {}
        for tier in (*TIERS, *(t for t in self.terms if t not in TIERS)):
            total = self.constant.get(tier, 0) + sum(c * value(e) for c, e in self.terms.get(tier, []))
            out[tier] = total / SCALE
        return out


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
            if target > item.minimum:
                below = m.new_int_var(0, target - item.minimum, f"below[{d},{s},{k}]")
                m.add(cover + short + below >= target)
                obj.add("below_target", round(w.below_target * price * SCALE), below)
            if item.over_weight is not None:  # the item prices its own over-staffing
                priced_over = True
                if len(elig) + base > target and item.over_weight and w.overstaffing:
                    over = m.new_int_var(0, len(elig) + base - target, f"over[{d},{s},{k}]")
                    m.add(over >= cover - target)
                    obj.add("overstaffing", round(w.overstaffing * item.over_weight * SCALE), over)
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


def contract_target_minutes(ctx: PostContext, e: int) -> int:
    """Contracted minutes over the horizon, pro rata for unavailable days."""
    geo = ctx.geo
    emp = geo.emps[e]
    weekly = emp.contracted_weekly_hours(ctx.settings.full_time_hours)
    unavail = geo.cache.get("unavail")
    if unavail is None:
        unavail = geo.cache["unavail"] = geo.unavailable()
    off = len(unavail.get(e, ()))
    days = max(0, geo.D - off)
    return round(weekly * 60 * days / 7)


def capped(ctx: PostContext) -> list[int]:
    """Employees whose hours the tolerance caps: everyone but the § 10-12 (1)/(2) exempt (no
    working-time limits at all), and nobody in a pure contract-rule problem (``apply_aml``
    off: its own contract limits decide) or with overtime allowed."""
    if ctx.overtime is not None or not ctx.settings.apply_aml:
        return []
    return [e for e in ctx.active if not ctx.geo.emps[e].exempt_10_12]


def pinned_minutes(ctx: PostContext, e: int) -> int:
    """Minutes ``e`` must work anyway: the pinned shifts (fixed assignments), or the contract
    rule's minimum (Contracts sheet) when larger. The tolerance cap never goes below them, so it
    never contradicts a pin or a contract minimum."""
    geo = ctx.geo
    pinned = sum(geo.work[d][s] for (ee, d), s in ctx.pinned.items() if ee == e and s >= 0)
    cid = geo.emps[e].contract
    least = next((c.min_total_minutes or 0 for c in ctx.problem.contracts if c.id == cid), 0)
    return max(pinned, least)


def tolerance_minutes(ctx: PostContext) -> int:
    """``contract_tolerance_shifts`` shifts of the longest shift type, in minutes."""
    longest = max((st.paid_minutes() for st in ctx.geo.shifts), default=0)
    return round(ctx.settings.contract_tolerance_shifts * longest)


def _contract(ctx: PostContext, obj: Objective) -> None:
    """|worked − contracted| at the contract price. Without overtime, planned minutes are also
    capped at the contract plus the tolerance (``contract_tolerance_shifts``; pinned shifts
    beyond it raise the cap to them), so a part-timer is never planned past it to cover demand;
    with overtime allowed, such hours are the priced extra-hours decisions instead."""
    geo, m, w = ctx.geo, ctx.model, ctx.problem.weights
    tol = tolerance_minutes(ctx)
    for e in capped(ctx):
        cells = ctx.cells(e)
        cap = max(contract_target_minutes(ctx, e) + tol, pinned_minutes(ctx, e))
        if sum(geo.work[d][s] for d, s in cells) > cap:
            m.add(ctx.minutes(e, (((d, s), geo.work[d][s]) for d, s in cells)) <= cap)
    if not w.contract_deviation:
        return
    for e in ctx.active:
        cells = ctx.cells(e)
        target = contract_target_minutes(ctx, e)
        hi = sum(geo.work[d][s] for d, s in cells)
        worked = m.new_int_var(0, hi, f"worked[{e}]")
        m.add(worked == ctx.minutes(e, (((d, s), geo.work[d][s]) for d, s in cells)))
        dev = m.new_int_var(0, max(hi, target), f"dev[{e}]")
        m.add(dev >= worked - target)
        m.add(dev >= target - worked)
        obj.add("contract", w.contract_deviation, dev)


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
