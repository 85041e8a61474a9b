"""CP-SAT posts for § 10-4 (1) normal hours (limits as in ``constraints.normal_hours.check``).

A plan never contains overtime, so the planned minutes stay within the normal-hours limit in
force:

* ``AML-10-4-1-daily-normal``: a shift (one continuous work period; consecutive shifts never
  touch because of the daily rest) longer than the daily limit is never given (DOMAIN); the
  minutes in each fixed 24 h window (history carry-in included) stay within the limit in force at
  the window start.
* ``AML-10-4-4-weekly-38``, ``AML-10-4-5-weekly-36``, ``AML-10-4-6-three-shift``: see
  :mod:`constraints.normal_hours.post_reduced`.
* ``AML-10-4-2-passive``: on the default tier a shift may be longer than the daily limit by half
  its passive minutes (at most 2 h, and at most up to ``passive_day_hours``), and each day / week
  cap is raised by half the passive minutes in it (rounded down; at most 2 h / 10 h, the week
  never above 48 h). Under a T5 consent the day cap is raised to the consent's
  ``passive_day_hours`` as soon as a shift with passive time in the window is given.
* ``AML-10-4-3-standby``: a shift on call from home counts its standby share in every window
  sum (``Geometry.work`` at the strictest share stated, scaled to the employee's own share by
  ``PostContext.minutes``: ``constraints.kernel.standby``).
* ``AML-10-4-1-weekly-normal``: the minutes in each fixed week stay within the single-week limit
  in force at the week start; while a § 10-5 agreement is in force, each fixed 8-week block
  (tiled from ``TimeWindows.averaging_anchor``) stays within ``weekly_limit_hours`` × 8.

Minutes per window are the checker's pro-rata measure rounded up (see
``constraints.kernel.geometry``), so a solver sum within the limit is within it for the checker.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from constraints.kernel import standby
from constraints.kernel.geometry import Cell
from constraints.kernel.posting import PostContext
from constraints.normal_hours.check import STATUTORY_DAY, STATUTORY_WEEK
from constraints.normal_hours.passive import (
    DAY_EXTRA_MINUTES,
    WEEK_CEILING_HOURS,
    WEEK_EXTRA_MINUTES,
    day_extension_minutes,
)
from constraints.normal_hours.post_reduced import POSTS as REDUCED_POSTS
from scheduler import calendar as cal
from scheduler import i18n
from scheduler.clock import from_minutes
from scheduler.model import Tier

DAILY = "AML-10-4-1-daily-normal"
WEEKLY = "AML-10-4-1-weekly-normal"


def daily_limit_minutes(ctx: PostContext, e: int, on: date) -> int:
    avg = ctx.limits("10-5", e, on)
    if avg.tier == Tier.T0_DEFAULT:
        site = ctx.limits("10-4", e, on).num("daily_normal_hours")
        hours = min(STATUTORY_DAY, site, avg.num("daily_limit_hours"))
    else:
        hours = avg.num("daily_limit_hours")
    return int(round(hours * 60))


def weekly_limit_minutes(ctx: PostContext, e: int, on: date) -> int:
    avg = ctx.limits("10-5", e, on)
    base = min(STATUTORY_WEEK, ctx.limits("10-4", e, on).num("weekly_normal_hours"))
    hours = base if avg.tier == Tier.T0_DEFAULT else avg.num("weekly_max_hours")
    return int(round(hours * 60))


def _day_of(minute: int) -> date:
    return from_minutes(minute).date()


def _default_tier(ctx: PostContext, e: int, w) -> bool:  # noqa: ANN001
    """Is the window judged on the default § 10-5 tier (where § 10-4 (2) extends the limit)?"""
    return ctx.limits("10-5", e, _day_of(w.start)).tier == Tier.T0_DEFAULT


def _domain_daily(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(DAILY):
        for d, s in list(ctx.candidate_cells(e)):
            on = _day_of(geo.start[d][s])
            work = standby.own_work(ctx, e, d, s)  # on call from home at e's own share
            lim = daily_limit_minutes(ctx, e, on)
            passive = geo.shifts[s].passive_minutes
            if passive and ctx.limits("10-5", e, on).tier == Tier.T0_DEFAULT:  # § 10-4 (2)
                lim += int(day_extension_minutes(ctx.limits("10-4", e, on), lim / 60, passive))
            if work > lim and not (  # with overtime on, the excess may be overtime
                    ctx.overtime is not None and ctx.overtime.can_stretch(e, d, s, lim)):
                ctx.forbid(e, d, s, DAILY, i18n.msg(
                    "domain.daily_limit", shift=geo.shifts[s].code, day=geo.days[d].isoformat(),
                    hours=work / 60, limit=lim / 60))


def post_window_caps(ctx: PostContext, rule: str, e: int, windows, per_cell, limit_of,  # noqa: ANN001
                     passive: tuple[Callable, int | None, Callable] | None = None) -> None:
    """Sum of minutes per window (history included) <= ``limit_of(window)`` minutes.

    ``passive = (extra(window), ceiling or None, applies(window))``: § 10-4 (2), the cap of a
    window that ``applies`` is raised by half the passive minutes of the shifts in it (pro rata,
    rounded down), at most ``extra(window) = (cap, consent)`` minutes and never above the
    ceiling; with ``consent`` (a T5 consent for particularly passive work) by the whole ``cap``
    as soon as any shift with passive time in the window is given.

    With overtime allowed (``ctx.overtime``), a normal-hours cap of an employee who may get
    overtime is soft instead (without the passive extension): see
    :mod:`scheduler.solver.overtime`."""
    if ctx.overtime is not None and ctx.overtime.softens(rule, e):
        ctx.overtime.soft_cap(rule, e, windows, per_cell, limit_of)
        return
    geo, m = ctx.geo, ctx.model
    terms: dict[int, list[tuple[tuple[int, int], int]]] = {}
    pterms: dict[int, list[tuple[tuple[int, int], int, int]]] = {}
    for d, s in ctx.cells(e):
        p = geo.shifts[s].passive_minutes if passive is not None else 0
        for wi, mins in per_cell[(d, s)]:
            terms.setdefault(wi, []).append(((d, s), mins))
            if p:
                a, b = geo.start[d][s], geo.end[d][s]
                w = windows[wi]
                ov = max(0, min(b, w.end) - max(a, w.start))
                if ov:  # passive minutes in the window = p * ov / (b - a), kept exact below
                    pterms.setdefault(wi, []).append(((d, s), p * ov, b - a))
    for wi, tl in terms.items():
        w = windows[wi]
        if not (w.end > geo.horizon_start and w.start < geo.horizon_end):
            continue
        # History alone over the cap cannot be repaired; then plan nothing more in the window.
        lim = limit_of(w)
        cap = max(0, lim - geo.history_in(e, w.start, w.end))
        extra, den, consent = 0, 1, False
        if passive is not None and wi in pterms and passive[2](w):
            den = math.lcm(*(el for _, _, el in pterms[wi]))
            total = sum(num * (den // el) for _, num, el in pterms[wi])  # passive × den
            extra, consent = passive[0](w)
            if not consent:
                extra = min(extra, total // (2 * den))
            if passive[1] is not None:
                extra = max(0, min(extra, passive[1] - lim))
        if max_sum(ctx, e, tl) <= cap:
            continue
        if extra:
            ext = m.new_int_var(0, extra, f"passive[{rule},{e},{wi}]")
            if consent:  # T5: the whole extension once a shift with passive time is given
                given = [ctx.x[(e, *c)] for c, _, _ in pterms[wi] if (e, *c) in ctx.x]
                ctx.add(m.add(ext <= extra * sum(given)), rule, e)
            else:  # ext <= half the passive minutes of the shifts given (exact: scaled by den)
                scaled = [(c, num * (den // el)) for c, num, el in pterms[wi]]
                ctx.add(m.add(2 * den * ext <= ctx.minutes(e, scaled)), rule, e)
            ctx.add(m.add(ctx.minutes(e, tl) <= cap + ext), rule, e)
            # The reduced weeks (post_reduced) extend their caps by the same variable.
            ctx.__dict__.setdefault("_passive_ext", {})[(id(windows), e, wi)] = ext
        else:
            ctx.add(m.add(ctx.minutes(e, tl) <= cap), rule, e)


def max_sum(ctx: PostContext, e: int, tl: list[tuple[tuple[int, int], int]]) -> int:
    """Largest window sum a legal plan can reach: one shift a day and, when the daily rest
    applies to ``e``, no two shifts closer than the rest (brute force over the few days a
    window touches; cached per cell set)."""
    from constraints.rest.post import DAILY as REST_RULE
    from constraints.rest.post import daily_rest_minutes

    by_day: dict[int, dict[int, int]] = {}
    for (d, s), mins in tl:
        by_day.setdefault(d, {})[s] = max(by_day.get(d, {}).get(s, 0), mins)
    if ctx.settings.allow_split_duties:
        return sum(mins for _, mins in tl)
    if len(by_day) > 4:
        return sum(max(v.values()) for v in by_day.values())
    rest = daily_rest_minutes(ctx, e) if ctx.applies(REST_RULE, e) and REST_RULE in ctx.specs else 0
    key = ("maxsum", rest, tuple(sorted((d, tuple(sorted(v.items()))) for d, v in by_day.items())))
    hit = ctx.geo.cache.get(key)
    if hit is not None:
        return hit
    geo = ctx.geo
    days = sorted(by_day)
    best = 0

    def walk(i: int, picked: list[tuple[int, int]], total: int) -> None:
        nonlocal best
        if i == len(days):
            best = max(best, total)
            return
        walk(i + 1, picked, total)
        d = days[i]
        for s, mins in by_day[d].items():
            a, b = geo.start[d][s], geo.end[d][s]
            if all(
                max(a, geo.start[pd][ps]) - min(b, geo.end[pd][ps]) >= rest
                for pd, ps in picked
            ):
                walk(i + 1, [*picked, (d, s)], total + mins)

    walk(0, [], 0)
    ctx.geo.cache[key] = best
    return best


def _day_passive(ctx: PostContext, e: int, w) -> tuple[int, bool]:  # noqa: ANN001
    """(extra cap in minutes, T5 consent) of a day window (``passive.day_extension_minutes``)."""
    on = _day_of(w.start)
    eff = ctx.limits("10-4", e, on)
    ceiling = int(math.floor(eff.num("passive_day_hours") * 60)) - daily_limit_minutes(ctx, e, on)
    if eff.tiers.get("passive_day_hours") == Tier.T5_ARBEIDSTILSYNET:
        return max(0, ceiling), True
    return max(0, min(DAY_EXTRA_MINUTES, ceiling)), False


def _post_daily(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(DAILY):
        post_window_caps(
            ctx, DAILY, e, geo.windows.day, geo.in_day,
            lambda w, e=e: daily_limit_minutes(ctx, e, _day_of(w.start)),
            passive=(lambda w, e=e: _day_passive(ctx, e, w), None,
                     lambda w, e=e: _default_tier(ctx, e, w)),
        )


def _post_weekly(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(WEEKLY):
        post_window_caps(
            ctx, WEEKLY, e, geo.windows.week, geo.in_week,
            lambda w, e=e: weekly_limit_minutes(ctx, e, _day_of(w.start)),
            passive=(lambda w: (WEEK_EXTRA_MINUTES, False), int(WEEK_CEILING_HOURS * 60),
                     lambda w, e=e: _default_tier(ctx, e, w)),
        )
        _post_eight_week(ctx, e)


def cells_in_blocks(
    ctx: PostContext, blocks: list[cal.Window]
) -> dict[Cell, list[tuple[int, int]]]:
    """``geo.in_windows(blocks)``, memoised per block list.

    The indexes it returns point into ``blocks`` itself, and a block list starts at its
    employee's earliest History day, so two employees may tile the same blocks from different
    first blocks: the memo key is every block's bounds, never less."""
    key = ("blocks", tuple((w.start, w.end) for w in blocks))
    got = ctx.geo.cache.get(key)
    if got is None:
        got = ctx.geo.cache[key] = ctx.geo.in_windows(blocks)
    return got


def _post_eight_week(ctx: PostContext, e: int) -> None:
    geo = ctx.geo
    s = ctx.settings
    tiers = {ctx.limits("10-5", e, d).tier for d in (s.start, s.end)}
    for tier in sorted(t for t in tiers if t != Tier.T0_DEFAULT):
        eff = ctx.limits("10-5", e)
        weeks = int(eff.num("average_weeks")) or 8
        first = min([s.start - timedelta(days=7)] + [
            from_minutes(h.start).date() for h in geo.history[e]
        ])
        blocks = geo.windows.averaging_blocks(geo.emps[e].id, tier, first, weeks)
        per_cell = cells_in_blocks(ctx, blocks)
        cap = int(eff.num("weekly_limit_hours") * weeks * 60)
        post_window_caps(ctx, WEEKLY, e, blocks, per_cell, lambda w, cap=cap: cap)


DOMAIN = {DAILY: _domain_daily}
# AML-10-4-2-passive is posted with the daily and weekly caps (their ``passive`` extension) and
# the daily DOMAIN; AML-10-4-3-standby is in the geometry (``constraints.base.counted_work``).
POSTS = {DAILY: _post_daily, WEEKLY: _post_weekly, **REDUCED_POSTS}
