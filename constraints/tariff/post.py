"""CP-SAT posts for the opt-in hospital tariff profile (``TAR-*``), posted only when the solve
switches the profile on. Conservative readings of ``constraints.tariff``:

* ``TAR-daily-125`` (DOMAIN): no shift longer than 12.5 h unless a ``"10-5"`` T4 agreement is in
  force for the employee on that day.
* ``TAR-week-336`` / ``TAR-week-355``: the normal minutes inside the horizon stay within
  33.6 h × horizon weeks for an employee who *could* qualify as three-shift (has day, evening and
  night cells), else within 35.5 h × horizon weeks for one who could qualify as rota work (a cell
  in a Sunday window or in 20:00–06:00). The floor of the reduced three-shift week is used
  whatever the roster's actual weighting, so the plan never exceeds the reduced week.
* ``TAR-weekend-freq`` is a warning only and is not posted.
"""

from __future__ import annotations

from constraints.kernel import standby
from constraints.kernel.posting import PostContext
from constraints.limits.averaging import AveragingLimits
from constraints.tariff import PROFILE
from constraints.tariff.check import TARIFF_NIGHT, shift_kind
from scheduler import calendar as cal
from scheduler import i18n
from scheduler.model import Tier

DAILY = "TAR-daily-125"
W336 = "TAR-week-336"
W355 = "TAR-week-355"
WEEK = 7 * 24 * 60


def _domain_daily(ctx: PostContext) -> None:
    geo = ctx.geo
    cap = PROFILE["max_shift_hours"] * 60
    for e in ctx.employees(DAILY):
        for d, s in list(ctx.candidate_cells(e)):
            if standby.own_work(ctx, e, d, s) > cap and ctx.limits(AveragingLimits.KEY, e, geo.days[d]).tier != \
                    Tier.T4_UNION_INNSTILLINGSRETT:
                ctx.forbid(e, d, s, DAILY, i18n.msg("domain.longer_than", shift=geo.shifts[s].code,
                                                    hours=12.5))


def _post_weeks(ctx: PostContext) -> None:
    geo, m = ctx.geo, ctx.model
    a, b = geo.horizon_start, geo.horizon_end
    weeks = (b - a) / WEEK
    horizon = [cal.Window(a, b)]
    per_cell = geo.cache.get("tariff-horizon")
    if per_cell is None:
        per_cell = geo.cache["tariff-horizon"] = geo.in_windows(horizon)
    tnights = geo.windows.nights(*TARIFF_NIGHT)
    for e in sorted(set(ctx.employees(W336)) | set(ctx.employees(W355))):
        cells = ctx.cells(e)
        kinds = {shift_kind(geo.start[d][s]) for d, s in cells}
        rota = any(
            geo.red_touch[(d, s)] or cal.overlap_minutes(tnights, geo.start[d][s], geo.end[d][s])
            for d, s in cells
        )
        if kinds >= {"day", "evening", "night"}:
            rule, hours = W336, PROFILE["three_shift_floor_hours"]
        elif rota:
            rule, hours = W355, PROFILE["rota_week_hours"]
        else:
            continue
        if rule not in ctx.specs:
            continue
        cap = int(hours * 60 * weeks)
        terms = [((d, s), mins) for d, s in cells for _, mins in per_cell[(d, s)]]
        if sum(mm for _, mm in terms) > cap:
            ctx.add(m.add(ctx.minutes(e, terms) <= cap), rule, e)


DOMAIN = {DAILY: _domain_daily}
def _posted_with_336(ctx: PostContext) -> None:
    """``TAR-week-355`` is posted by ``_post_weeks`` (an employee falls under one of the two)."""


POSTS = {W336: _post_weeks, W355: _posted_with_336}
