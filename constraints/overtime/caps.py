"""CP-SAT posts of the § 10-6 overtime caps, on the solver's overtime tails.

Only when overtime is allowed (``PostContext.overtime`` is set: the solver's
:mod:`scheduler.solver.overtime` owns the tail variables and hands them over through the typed
interface :class:`constraints.kernel.posting.OvertimeTails`). Without it the plan has no
overtime and nothing here is posted.

* ``AML-10-6-4-ot-7d`` / ``-4w`` / ``-52w``: the overtime tails of a covered employee per fixed
  7-day window, 4-week and 52-week block (T5: per 26-week block) plus history overtime (plus the
  year-to-date carry ``EmployeeHistory.overtime_ytd_hours`` in the 52-week block holding the
  horizon start: the block counts ``max(ytd, history overtime before the horizon)``, as the
  checker) stay within the cap of the tier in force at the window start (the horizon start for a
  window that begins before it);
* ``AML-10-6-7-consent``: without the employee's consent within the default caps 10 / 25 / 200 h;
* ``AML-10-6-10-excuse``: an excused employee works no more than the contracted hours over the
  horizon (the solver gives them no overtime tail at all).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from constraints import limits as lim
from constraints.kernel.posting import OvertimeTails, PostContext, tail_minutes
from constraints.limits.overtime import OvertimeLimits
from constraints.overtime.counted import CAPS
from scheduler import calendar as cal
from scheduler.clock import from_minutes
from scheduler.model import PeriodKind, Tier

CONSENT = "AML-10-6-7-consent"
EXCUSE = "AML-10-6-10-excuse"
_OVERTIME = {PeriodKind.overtime}
YTD_LOOKBACK_WEEKS = 53  # history older than this never falls in a 52-week block of the horizon


def post_cap(ctx: PostContext, ot: OvertimeTails, rule: str) -> None:
    """The overtime cap ``rule`` (ot-7d / ot-4w / ot-52w) for every covered employee."""
    param, weeks = next((p, w) for r, p, w in CAPS if r == rule)
    for e in ctx.employees(rule):
        if not ot.capable(e):
            continue
        # T5 judges the 52-week cap per 26 weeks (as the checker's ``_cap_plan``).
        plans: list[tuple[int, bool | None]] = [(weeks, None)]
        if weeks == 52:
            plans = [(52, False), (26, True)]
        for w_weeks, t5 in plans:
            def cap_of(w: cal.Window, e: int = e, t5: bool | None = t5) -> float | None:
                eff = ctx.limits(OvertimeLimits.KEY, e, _judged_on(ctx, w))
                if t5 is not None and (eff.tier == Tier.T5_ARBEIDSTILSYNET) != t5:
                    return None
                return eff.num(param)

            _post_windows(ctx, ot, rule, e, w_weeks, cap_of, ytd=w_weeks == 52)


def post_consent(ctx: PostContext, ot: OvertimeTails) -> None:
    """§ 10-6 (7): without consent, overtime stays within the default caps."""
    fam = lim.family(OvertimeLimits.KEY)
    for e in ctx.employees(CONSENT):
        if not ot.capable(e) or ctx.geo.emps[e].overtime_consent:
            continue
        for _rule, param, weeks in CAPS:
            default = float(fam.params[param].default)  # type: ignore[arg-type]

            def cap_of(w: cal.Window, e: int = e, param: str = param, weeks: int = weeks,
                       default: float = default) -> float | None:
                eff = ctx.limits(OvertimeLimits.KEY, e, _judged_on(ctx, w))
                tier_cap = eff.num(param)
                if weeks == 52 and eff.tier == Tier.T5_ARBEIDSTILSYNET:
                    tier_cap = math.inf  # T5's year cap is per 26 weeks
                return default if default < tier_cap else None

            _post_windows(ctx, ot, CONSENT, e, weeks, cap_of, ytd=weeks == 52)


def post_excuse(ctx: PostContext, ot: OvertimeTails) -> None:
    """An excused employee works no more than the contract over the horizon."""
    geo = ctx.geo
    for e in ctx.employees(EXCUSE):
        if not geo.emps[e].excused_overtime or not ctx.cells(e):
            continue
        worked = ctx.minutes(e, (((d, s), geo.work[d][s]) for d, s in ctx.cells(e)))
        ctx.add(ctx.model.add(worked <= ot.contract_target(e)), EXCUSE, e)


def _judged_on(ctx: PostContext, w: cal.Window) -> date:
    """The day whose limits judge a window (as ``LimitLookup.at``)."""
    return from_minutes(max(w.start, ctx.geo.horizon_start)).date()


def _windows(ctx: PostContext, weeks: int) -> list[cal.Window]:
    geo = ctx.geo
    if weeks == 1:
        return geo.windows.week
    key = ("ot-blocks", weeks)
    got = geo.cache.get(key)
    if got is None:
        st = ctx.settings
        first = st.start - timedelta(days=7)
        for spans in geo.history:
            for h in spans:
                first = min(first, from_minutes(h.start).date())
        first = max(first, st.start - timedelta(weeks=YTD_LOOKBACK_WEEKS))
        got = geo.cache[key] = geo.windows.blocks(first, weeks)  # the overtime year's blocks
    return got


def _post_windows(ctx: PostContext, ot: OvertimeTails, rule: str, e: int, weeks: int,
                  cap_of: Callable[[cal.Window], float | None], ytd: bool) -> None:
    geo = ctx.geo
    windows = _windows(ctx, weeks)
    tails = ot.tails_by_window(e, windows)
    for wi, terms in sorted(tails.items()):
        w = windows[wi]
        if not (w.end > geo.horizon_start and w.start < geo.horizon_end):
            continue
        cap_h = cap_of(w)
        if cap_h is None:
            continue
        used = geo.history_in(e, w.start, w.end, _OVERTIME)
        if ytd:
            used += _ytd_carry(ctx, e, w)
        room = max(0, math.floor(cap_h * 60 + 1e-9) - used)
        if sum(q * most for q, _, most in terms) <= room:
            continue
        ctx.add(ctx.model.add(tail_minutes(terms) <= room), rule, e)


def _ytd_carry(ctx: PostContext, e: int, w: cal.Window) -> int:
    """Year-to-date overtime before the horizon not already in the history (only for the
    52-week block holding the horizon start)."""
    geo = ctx.geo
    hs = geo.horizon_start
    if not (w.start < hs <= w.end):
        return 0
    eh = next((h for h in ctx.problem.employee_history if h.employee == geo.emps[e].id), None)
    if eh is None or eh.overtime_ytd_hours <= 0:
        return 0
    before = geo.history_in(e, w.start, hs, _OVERTIME)
    return max(0, math.ceil(eh.overtime_ytd_hours * 60 - 1e-9) - before)
