"""The contract tier of the objective: |worked − contracted| and the tolerance cap.

The contracted minutes over the horizon, who the tolerance caps, the minutes a pin or a contract
minimum forces, and the cap itself (``contract_tolerance_shifts``).
"""

from __future__ import annotations

from math import gcd

from constraints.kernel.posting import PostContext
from scheduler.solver.objective_terms import Objective


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


def least_deviation(target: int, minutes: list[int]) -> int:
    """The least ``|worked − target|`` any roster can give when ``worked`` is a sum of some of
    ``minutes``: a multiple of their greatest common divisor between 0 and their sum.

    A lower bound the LP cannot see (it works fractions of shifts): with the generated month's
    shifts of 240, 420, 450 and 540 paid minutes every total is a multiple of 30, so a contract
    of 9,433 minutes is missed by at least 13. Recorded as the deviation's least value
    (:attr:`Objective.least`), it raises the proven bound by what no roster can avoid
    (issue #19; where it is posted: :func:`scheduler.solver.top_tiers.run`)."""
    g = gcd(*minutes)
    if g == 0:
        return target
    top = sum(minutes) // g
    k = min(target // g, top)
    return min(abs(j * g - target) for j in (k, min(k + 1, top)))


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
        terms = [((d, s), geo.work[d][s]) for d, s in cells]
        worked = m.new_int_var(0, hi, f"worked[{e}]")
        m.add(worked == ctx.minutes(e, terms))
        dev = m.new_int_var(0, max(hi, target), f"dev[{e}]")
        least = least_deviation(target, [mm for _, mm in ctx.counted_minutes(e, terms)])
        if least:
            obj.least.append((dev.index, least))
        m.add(dev >= worked - target)
        m.add(dev >= target - worked)
        obj.add("contract", w.contract_deviation, dev)
