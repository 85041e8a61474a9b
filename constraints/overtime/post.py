"""CP-SAT posts for § 10-6: total working time and, when overtime is allowed, its caps.

Total hours (every worked minute, history periods of every kind included):
``AML-10-6-8-total-24h``: a shift longer than the cap is never given (DOMAIN) and each fixed 24 h
window stays within it; ``-total-7d``: each fixed 8-week block (the overtime year's tiling,
``TimeWindows.blocks``) within ``total_7d_hours`` × 8;
``-total-max-week``: each fixed week within ``total_max_week_hours``. A total cap that the hard
normal-hours caps already imply is not posted — unless the employee may get overtime, whose
normal-hours caps are then soft.

Without overtime (the default) the plan has none, and the overtime caps (§ 10-6 (4)–(7), (10))
need no post. With ``SolveOptions.allow_overtime`` / ``Settings.allow_overtime`` the overtime
tails of :mod:`scheduler.solver.overtime` (read through ``PostContext.overtime``, posted by
:mod:`constraints.overtime.caps`) stay within ``AML-10-6-4-ot-7d`` / ``-4w`` / ``-52w``
(history and the year-to-date figure carried in), within the default caps without consent
(``AML-10-6-7-consent``), and an excused employee (``AML-10-6-10-excuse``) gets no overtime, no
extra hours, and no more than the contracted hours over the horizon.
"""

from __future__ import annotations

from datetime import timedelta

from constraints.kernel import standby
from constraints.kernel.normal_limits import DAILY_NORMAL as NH_DAILY
from constraints.kernel.normal_limits import WEEKLY_NORMAL as NH_WEEKLY
from constraints.kernel.normal_limits import daily_limit_minutes, weekly_limit_minutes
from constraints.kernel.posting import PostContext
from constraints.kernel.window_caps import post_window_caps
from constraints.limits.overtime import OvertimeLimits
from constraints.overtime import caps
from constraints.overtime.counted import CAPS
from scheduler import i18n
from scheduler.clock import from_minutes

T24 = "AML-10-6-8-total-24h"
T7 = "AML-10-6-8-total-7d"
TMAX = "AML-10-6-8-total-max-week"
AVERAGE_WEEKS = 8


def _cap(ctx: PostContext, e: int, param: str, minute: int, weeks: int = 1) -> int:
    return int(ctx.limits(OvertimeLimits.KEY, e, from_minutes(minute).date()).num(param) * 60 * weeks)


def _domain_24h(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(T24):
        for d, s in list(ctx.candidate_cells(e)):
            cap = _cap(ctx, e, "total_24h_hours", geo.start[d][s])
            if standby.own_work(ctx, e, d, s) > cap:
                ctx.forbid(e, d, s, T24, i18n.msg("domain.total_cap", shift=geo.shifts[s].code,
                                                  hours=cap / 60))


def _implied(ctx: PostContext, rule: str, e: int, ok) -> bool:  # noqa: ANN001
    """Is the total cap implied by the normal-hours cap posted for the same windows?"""
    return (rule in ctx.specs and ctx.applies(rule, e) and not _soft(ctx, rule, e)
            and all(ok(d) for d in ctx.geo.days))


def _soft(ctx: PostContext, rule: str, e: int) -> bool:
    """Is the normal-hours cap ``rule`` soft for ``e`` (overtime allowed)?"""
    return ctx.overtime is not None and ctx.overtime.softens(rule, e)


def _post_24h(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(T24):
        if _implied(ctx, NH_DAILY, e, lambda d, e=e: daily_limit_minutes(ctx, e, d) <= _cap(
                ctx, e, "total_24h_hours", geo.horizon_start)):
            continue
        post_window_caps(ctx, T24, e, geo.windows.day, geo.in_day,
                         lambda w, e=e: _cap(ctx, e, "total_24h_hours", w.start))


def _post_7d(ctx: PostContext) -> None:
    geo, st = ctx.geo, ctx.settings
    first = min([st.start - timedelta(days=7)] + [
        from_minutes(h.start).date() for spans in geo.history for h in spans
    ])
    blocks = geo.windows.blocks(first, AVERAGE_WEEKS)
    per_cell = geo.cache.get(("total-blocks", AVERAGE_WEEKS))
    if per_cell is None:
        per_cell = geo.cache[("total-blocks", AVERAGE_WEEKS)] = geo.in_windows(blocks)
    for e in ctx.employees(T7):
        if NH_WEEKLY in ctx.specs and ctx.applies(NH_WEEKLY, e) and not _soft(
                ctx, NH_WEEKLY, e) and all(
            _weeks_bound(ctx, e, b) <= _cap(ctx, e, "total_7d_hours", b.start, AVERAGE_WEEKS)
            for b in blocks if b.end > geo.horizon_start and b.start < geo.horizon_end
        ):
            continue
        post_window_caps(ctx, T7, e, blocks, per_cell,
                         lambda w, e=e: _cap(ctx, e, "total_7d_hours", w.start, AVERAGE_WEEKS))


def _weeks_bound(ctx: PostContext, e: int, block) -> int:  # noqa: ANN001
    """Most a block can hold when every fixed week in the horizon keeps its normal-hours cap
    (history included there) and the rest of the block holds only history (over-estimated:
    history inside horizon weeks is counted twice)."""
    geo = ctx.geo
    total = geo.history_in(e, block.start, block.end)
    for w in geo.windows.week:
        if not (w.end > geo.horizon_start and w.start < geo.horizon_end):
            continue
        if w.start >= block.start and w.end <= block.end:
            total += weekly_limit_minutes(ctx, e, from_minutes(w.start).date())
        elif w.start < block.end and w.end > block.start:
            return 1 << 40  # a week straddles the block: do not assume anything
    return total


def _post_max_week(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(TMAX):
        if _implied(ctx, NH_WEEKLY, e, lambda d, e=e: weekly_limit_minutes(ctx, e, d) <= _cap(
                ctx, e, "total_max_week_hours", geo.horizon_start)):
            continue
        post_window_caps(ctx, TMAX, e, geo.windows.week, geo.in_week,
                         lambda w, e=e: _cap(ctx, e, "total_max_week_hours", w.start))


def _post_cap(rule: str):  # noqa: ANN202
    def run(ctx: PostContext) -> None:
        if ctx.overtime is not None:
            caps.post_cap(ctx, ctx.overtime, rule)

    return run


def _post_consent(ctx: PostContext) -> None:
    if ctx.overtime is not None:
        caps.post_consent(ctx, ctx.overtime)


def _post_excuse(ctx: PostContext) -> None:
    if ctx.overtime is not None:
        caps.post_excuse(ctx, ctx.overtime)


DOMAIN = {T24: _domain_24h}
POSTS = {
    T24: _post_24h, T7: _post_7d, TMAX: _post_max_week,
    **{rule: _post_cap(rule) for rule, _, _ in CAPS},
    caps.CONSENT: _post_consent,
    caps.EXCUSE: _post_excuse,
}
