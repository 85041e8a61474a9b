"""Window-sum caps on the solver's cells: the post that every hour limit shares (kernel).

:func:`post_window_caps` keeps an employee's minutes in each window (history included) within a
cap, with the § 10-4 (2) passive extension where it applies; a normal-hours cap of an employee
who may get overtime is handed to the solver's overtime tails (soft) instead. The § 10-4 normal
hours, § 10-5 averaging, § 10-6 totals and the ch. 11 youth limits post through it.
:func:`max_sum` bounds what a legal plan can put in a window (so a cap it cannot reach is not
posted), :func:`cells_in_blocks` gives each cell's minutes in multi-week blocks, memoised.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from constraints.kernel.geometry import Cell
from constraints.kernel.posting import PostContext
from constraints.kernel.rest import daily_rest_minutes
from constraints.kernel.rest_rules import DAILY_REST
from scheduler import calendar as cal


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
    by_day: dict[int, dict[int, int]] = {}
    for (d, s), mins in tl:
        by_day.setdefault(d, {})[s] = max(by_day.get(d, {}).get(s, 0), mins)
    if ctx.settings.allow_split_duties:
        return sum(mins for _, mins in tl)
    if len(by_day) > 4:
        return sum(max(v.values()) for v in by_day.values())
    rule = DAILY_REST.id
    rest = daily_rest_minutes(ctx, e) if ctx.applies(rule, e) and rule in ctx.specs else 0
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
