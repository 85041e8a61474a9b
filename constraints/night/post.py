"""CP-SAT posts for § 10-11 night work and the § 10-2 right to be excused from it.

* ``AML-10-2-night-exempt`` (DOMAIN): an employee with ``night_work_allowed = False`` never gets
  a cell that overlaps a night window (applies to exempt employees too).
* ``AML-10-11-2-permitted`` (DOMAIN): when ``night_work_permitted_by_nature`` is ``False``, a cell
  overlapping a night window needs a ``"10-11"`` agreement with ``night_work_agreed`` in force on
  the night's date.
* ``AML-10-11-6-night-avg``: for every employee who can be given a night-heavy cell (more than
  3 h in the night window, measured on elapsed time, a superset of the checker's worked-minute
  test), the planned minutes in each fixed 4-week block wholly inside the horizon stay within
  ``night_avg_hours × (L − L/7 d × 35 h) / 24 h`` — whether or not the employee turns out to
  work "regularly" at night (stricter than the check; partial blocks are warnings only there).
* ``AML-10-11-7-night-risk``: for ``high_risk_night`` employees a night-heavy shift longer than
  ``night_risk_hours`` is never given, and when one is worked each fixed day window it touches
  holds at most ``night_risk_hours`` of work.
"""

from __future__ import annotations

from datetime import date

from constraints.kernel import standby
from constraints.kernel.posting import PostContext
from constraints.limits.night import NightLimits
from constraints.night import WEEKLY_REST_OUT_MINUTES
from constraints.windows import is_night_shift
from scheduler import i18n

EXEMPT = "AML-10-2-night-exempt"
PERMITTED = "AML-10-11-2-permitted"
AVG = "AML-10-11-6-night-avg"
RISK = "AML-10-11-7-night-risk"


def _night_dates(ctx: PostContext, d: int, s: int) -> list[date]:
    geo = ctx.geo
    a, b = geo.start[d][s], geo.end[d][s]
    return [date.fromisoformat(w.label) for w in geo.windows.night if w.overlap(a, b) > 0]


def _domain_exempt(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(EXEMPT):
        if geo.emps[e].night_work_allowed:
            continue
        for d, s in list(ctx.candidate_cells(e)):
            if geo.night_minutes[d][s] > 0:
                ctx.forbid(e, d, s, EXEMPT, i18n.msg("domain.night_excused", employee=geo.emps[e].id,
                                                     shift=geo.shifts[s].code))


def _domain_permitted(ctx: PostContext) -> None:
    if ctx.settings.night_work_permitted_by_nature is not False:
        return
    geo = ctx.geo
    for e in ctx.employees(PERMITTED):
        for d, s in list(ctx.candidate_cells(e)):
            if geo.night_minutes[d][s] <= 0:
                continue
            if not all(ctx.limits(NightLimits.KEY, e, n).p.night_work_agreed for n in _night_dates(ctx, d, s)):
                ctx.forbid(e, d, s, PERMITTED, i18n.msg("domain.night_not_permitted",
                                                        shift=geo.shifts[s].code))


def _heavy(ctx: PostContext, d: int, s: int) -> bool:
    return is_night_shift(ctx.geo.night_minutes[d][s])


def _post_avg(ctx: PostContext) -> None:
    geo, m = ctx.geo, ctx.model
    blocks = geo.windows.night_blocks
    full = [b for b in blocks if b.start >= geo.horizon_start and b.end <= geo.horizon_end]
    if not full:
        return
    per_cell = geo.cache.get("night-blocks")
    if per_cell is None:
        per_cell = geo.cache["night-blocks"] = geo.in_windows(full)
    for e in ctx.employees(AVG):
        cells = ctx.cells(e)
        if not any(_heavy(ctx, d, s) for d, s in cells):
            continue
        hours = ctx.limits(NightLimits.KEY, e).p.night_avg_hours
        for bi, b in enumerate(full):
            length = b.end - b.start
            cap = int(hours * 60 * (length - length / (7 * 1440) * WEEKLY_REST_OUT_MINUTES) / 1440)
            terms = [((d, s), mins) for d, s in cells for wi, mins in per_cell[(d, s)] if wi == bi]
            if sum(mm for _, mm in terms) <= cap:
                continue
            ctx.add(m.add(ctx.minutes(e, terms) <= cap), AVG, e)


def _domain_risk(ctx: PostContext) -> None:
    geo = ctx.geo
    for e in ctx.employees(RISK):
        if not geo.emps[e].high_risk_night:
            continue
        cap = round(ctx.limits(NightLimits.KEY, e).p.night_risk_hours * 60)
        for d, s in list(ctx.candidate_cells(e)):
            if _heavy(ctx, d, s) and standby.own_work(ctx, e, d, s) > cap:
                ctx.forbid(e, d, s, RISK, i18n.msg("domain.night_risk", shift=geo.shifts[s].code,
                                                   hours=cap / 60))


def _post_risk(ctx: PostContext) -> None:
    geo, m = ctx.geo, ctx.model
    for e in ctx.employees(RISK):
        if not geo.emps[e].high_risk_night:
            continue
        cap = round(ctx.limits(NightLimits.KEY, e).p.night_risk_hours * 60)
        cells = ctx.cells(e)
        in_win: dict[int, list] = {}
        for d, s in cells:
            for wi, mins in geo.in_day[(d, s)]:
                in_win.setdefault(wi, []).append(((d, s), mins))
        for d, s in cells:
            if not _heavy(ctx, d, s):
                continue
            for wi, _ in geo.in_day[(d, s)]:
                w = geo.windows.day[wi]
                terms = in_win[wi]
                room = cap - geo.history_in(e, w.start, w.end)
                if sum(mm for _, mm in terms) <= room:
                    continue
                ct = m.add(ctx.minutes(e, terms) <= max(room, 0))
                ct.only_enforce_if([ctx.x[(e, d, s)], *ctx.group(RISK, e)])


DOMAIN = {EXEMPT: _domain_exempt, PERMITTED: _domain_permitted, RISK: _domain_risk}
POSTS = {AVG: _post_avg, RISK: _post_risk}
