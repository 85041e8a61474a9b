"""CP-SAT posts for § 10-4 (4), (5), (6): the reduced weeks (limits as in ``reduced.py``).

Whether a reduced week applies depends on the roster itself ((c) Sundays worked, (d) the night
share, the 24/7 guidance test), so each employee gets Booleans that the plan's own hours force:

* ``r38`` — a § 10-4 (4) condition holds. Forced to 1 by Settings ``rota_10_4_4``, by
  ``3 × Sundays worked >= Sundays`` ((c); ``sw_j >= x`` for every cell touching Sunday ``j``'s
  § 10-10 (1) segment) and by ``4 × night >= 3 × all minutes`` ((d)).
* ``r36`` — the guidance test holds (both thresholds reached), or Settings ``continuous_rota``.
* ``has_night`` (``>= x`` of every cell with night minutes): § 10-4 (6) applies to three-shift
  rota work, ``r38 ∧ has_night``. Its week is the checker's exactly: 38 h less ``rn + rs``
  minutes, where ``rn >= 60 × min(1, night minutes / night threshold)`` (threshold rounded down,
  ``rn`` a whole number of minutes, so never less than the checker's share) and ``rs`` likewise
  for the guidance Sunday. The saturation ``min(1, ·)`` is a Boolean per share (the share is
  taken as 1); ``add_min_equality`` instead doubled the work of proving the seven-day problem
  of ``benchmarks.seven_day_proof`` optimal. No Boolean is made for a condition the
  employee's cells cannot meet (no 38 h week is posted when neither (c) nor (d) can hold).
  With overtime allowed for the employee (``scheduler.solver.overtime``) the (6) week is planned
  at its 36 h floor instead: overtime tails add night and Sunday minutes the cells do not show.

Each fixed week overlapping the horizon (history in it included; also one without a cell of the
employee, which History alone fills) whose § 10-5 tier at the week start is the default
is then capped: ≤ 38 h if ``r38``, ≤ 36 h if ``r36``, ≤ 38 h − (``rn`` + ``rs``) min if
``r38 ∧ has_night``.
Minutes in windows are the checker's pro-rata measure rounded up and the thresholds are rounded
the strict way, so whenever the checker finds a condition it is forced here and whatever limit the
checker computes is no lower than the cap posted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from constraints.kernel import standby
from constraints.kernel.normal_limits import STATUTORY_WEEK
from constraints.kernel.reduced_week import (
    NIGHT_SHARE,
    RULE_6,
    RULE_36,
    RULE_38,
    SUNDAY_EVERY,
    THREE_SHIFT_PROPORTIONAL,
    WEEK_36,
    WEEK_38,
    sunday_segments,
    thresholds,
)
from constraints.limits.averaging import AveragingLimits
from scheduler import calendar as cal
from scheduler.clock import from_minutes
from scheduler.model import PeriodKind, Tier

if TYPE_CHECKING:
    from constraints.kernel.geometry import Cell
    from constraints.kernel.posting import PostContext

EPS = 1e-6
WEEKLY = "AML-10-4-1-weekly-normal"


@dataclass
class _Vars:
    r38: cp_model.IntVar | int
    r36: cp_model.IntVar | int
    has_night: cp_model.IntVar | int
    night: cp_model.LinearExprT  # night minutes of the period (rounded up per cell)
    sunday: cp_model.LinearExprT  # guidance "Sunday" minutes
    max_night: int
    max_sun: int


def _per_cell(ctx: PostContext, name: str) -> dict[Cell, int]:
    """Worked minutes (rounded up) of each cell in the night windows / guidance Sundays."""
    geo = ctx.geo
    key = ("reduced-cells", name)
    got = geo.cache.get(key)
    if got is None:
        s = ctx.settings
        if name == "night":
            windows = geo.windows.night
        else:
            windows = cal.guidance_sunday_windows(s.start, s.end + timedelta(days=1))
        got = geo.cache[key] = {c: sum(m for _, m in row)
                                for c, row in geo.in_windows(windows).items()}
    return got


def cells_touching(ctx: PostContext, w: cal.Window) -> list[Cell]:
    """Every cell whose shift overlaps the window (cached per window)."""
    geo = ctx.geo
    key = ("touching", w.start, w.end)
    got = geo.cache.get(key)
    if got is None:
        got = geo.cache[key] = [c for c in geo.cells() if w.overlap(*geo.cell_interval(c)) > 0]
    return got


def _period_cells(ctx: PostContext, e: int) -> list[Cell]:
    """The cells that start inside the horizon (the checker's "period")."""
    geo = ctx.geo
    return [(d, s) for d, s in ctx.cells(e)
            if geo.horizon_start <= geo.start[d][s] < geo.horizon_end]


def _bool(m: cp_model.CpModel, name: str) -> cp_model.IntVar:
    return m.new_bool_var(name)


def _vars(ctx: PostContext, e: int) -> _Vars:
    store = ctx.__dict__.setdefault("_reduced_vars", {})
    got = store.get(e)
    if got is not None:
        return got
    geo, m, st = ctx.geo, ctx.model, ctx.settings
    cells = _period_cells(ctx, e)
    night_c, sun_c = _per_cell(ctx, "night"), _per_cell(ctx, "sunday")
    x = {c: ctx.x[(e, *c)] for c in cells}
    # Minutes per cell, on call from home at the employee's own § 10-4 (3) share (as
    # ctx.minutes counts them).
    own = standby.scales(ctx, e)

    def per(vals: dict) -> dict[Cell, int]:  # noqa: ANN001
        return dict(standby.scaled(own, [(c, vals[c]) for c in cells]))

    work = per({c: geo.work[c[0]][c[1]] for c in cells})
    night_c, sun_c = per(night_c), per(sun_c)
    xs = [x[c] for c in cells]
    total = cp_model.LinearExpr.weighted_sum(xs, [work[c] for c in cells])
    night = cp_model.LinearExpr.weighted_sum(xs, [night_c[c] for c in cells])
    sunday = cp_model.LinearExpr.weighted_sum(xs, [sun_c[c] for c in cells])
    max_night = sum(night_c[c] for c in cells)
    max_sun = sum(sun_c[c] for c in cells)
    days = (st.end - st.start).days + 1
    thr_n, thr_s = thresholds(days)

    # r38: § 10-4 (4)
    if st.rota_10_4_4:
        r38: cp_model.IntVar | int = 1
    else:
        r38 = _bool(m, f"r38[{e}]")
        forced = False  # can any condition force r38 at all? (else no 38 h week is posted)
        segs = sunday_segments(geo.windows.red, st.start, st.end)
        touching = [[c for c in cells_touching(ctx, w) if c in x] for w in segs]
        touching = [t for t in touching if t]
        # (c) can hold only if enough Sundays can be worked.
        if segs and len(touching) * SUNDAY_EVERY >= len(segs):
            sw = []
            for j, cs in enumerate(touching):
                v = _bool(m, f"sw[{e},{j}]")
                for c in cs:
                    ctx.add(m.add(v >= x[c]), RULE_38, e)
                sw.append(v)
            ctx.add(m.add(SUNDAY_EVERY * sum(sw) - SUNDAY_EVERY * len(segs) * r38
                          <= len(segs) - 1), RULE_38, e)
            forced = True
        a, b = NIGHT_SHARE
        # (d) can hold only if some shift is itself mainly at night.
        if cells and max_night and any(b * night_c[c] >= a * work[c] for c in cells):
            # The least big-M that switches the row off: the largest b × night - a × all
            # minutes a plan can reach (only mainly-night shifts add to it).
            big = sum(max(0, b * night_c[c] - a * work[c]) for c in cells) + 1
            # Only a plan with work can be mainly at night (the checker's total > 0): with no
            # shift at all the row is off (``works`` may then be 0).
            works = _bool(m, f"works[{e}]")
            for c in cells:
                ctx.add(m.add(works >= x[c]), RULE_38, e)
            ctx.add(m.add(b * night - a * total - big * r38 <= -works), RULE_38, e)
            forced = True
        if not forced:
            r38 = 0

    # r36: § 10-4 (5)
    if st.continuous_rota is True:
        r36: cp_model.IntVar | int = 1
    elif st.continuous_rota is False:
        r36 = 0
    else:
        need_n = math.ceil(thr_n - EPS) - 1  # night minutes allowed without the test holding
        need_s = math.ceil(thr_s - EPS) - 1
        if max_night > need_n and max_sun > need_s:
            an, as_ = _bool(m, f"a36n[{e}]"), _bool(m, f"a36s[{e}]")
            ctx.add(m.add(night - max_night * an <= need_n), RULE_36, e)
            ctx.add(m.add(sunday - max_sun * as_ <= need_s), RULE_36, e)
            r36 = _bool(m, f"r36[{e}]")
            ctx.add(m.add(r36 >= an + as_ - 1), RULE_36, e)
        else:
            r36 = 0

    # § 10-4 (6): three-shift rota work (r38 and night hours)
    has_night: cp_model.IntVar | int = 0
    if THREE_SHIFT_PROPORTIONAL and max_night and not (isinstance(r38, int) and r38 == 0):
        has_night = _bool(m, f"hasn[{e}]")
        for c in cells:
            if night_c[c]:
                ctx.add(m.add(has_night >= x[c]), RULE_6, e)
    got = store[e] = _Vars(r38, r36, has_night, night, sunday, max_night, max_sun)
    return got


def _weeks(ctx: PostContext, e: int):  # noqa: ANN202
    """(window, minutes expression, history minutes) of each fixed week in the horizon whose
    § 10-5 tier at the week start is the default (the checker's single-week limit)."""
    geo = ctx.geo
    terms: dict[int, list[tuple[Cell, int]]] = {}
    for c in ctx.cells(e):
        for wi, mins in geo.in_week[c]:
            terms.setdefault(wi, []).append((c, mins))
    # With overtime on (scheduler.solver.overtime), a week's overtime tails are not normal hours.
    ot = ctx.overtime if ctx.overtime is not None and ctx.overtime.softens(WEEKLY, e) else None
    tails = ot.tails_by_window(e, geo.windows.week) if ot is not None else {}
    # Every week that overlaps the horizon, also one where this employee has no cell: the
    # roster's own nights and Sundays lower the limit of a week History alone fills (the
    # checker holds History's hours in such a week to the reduced limit too).
    for wi, w in enumerate(geo.windows.week):
        if not (w.end > geo.horizon_start and w.start < geo.horizon_end):
            continue
        tl = terms.get(wi)
        if ctx.limits(AveragingLimits.KEY, e, _day_of(w.start)).tier != Tier.T0_DEFAULT:
            continue
        if ot is not None:
            hist = geo.history_in(e, w.start, w.end, {PeriodKind.planned})
        else:
            hist = geo.history_in(e, w.start, w.end)
        if not tl and isinstance(hist, int) and hist == 0:
            continue  # nothing can be over the limit in this week
        expr = ctx.minutes(e, tl) if tl else 0
        if ot is not None and tl:
            expr = expr - sum(per * k for per, k, _ in tails.get(wi, []))
        yield w, expr, hist - _passive_ext(ctx, e, wi)


def _passive_ext(ctx: PostContext, e: int, wi: int):  # noqa: ANN202
    """The § 10-4 (2) extension of week ``wi`` the weekly post created (0 if none): the reduced
    caps are extended by it too (it never exceeds what the checker allows: 48 h − 40 h)."""
    return ctx.__dict__.get("_passive_ext", {}).get((id(ctx.geo.windows.week), e, wi), 0)


def _day_of(minute: int) -> date:
    return from_minutes(minute).date()


def _cap(ctx: PostContext, rule: str, e: int, lit, hours: float) -> None:  # noqa: ANN001
    """Each week: minutes <= 40 h - (40 h - ``hours``) × ``lit`` (the same as "<= ``hours`` if
    ``lit``" under the 40 h cap, but linear, so the LP relaxation sees it)."""
    if isinstance(lit, int) and lit == 0:
        return
    cap, cut = int(STATUTORY_WEEK * 60), int(round((STATUTORY_WEEK - hours) * 60))
    for _w, expr, hist in _weeks(ctx, e):
        if isinstance(hist, int):
            ctx.add(ctx.model.add(expr + cut * lit <= max(0, cap - hist)), rule, e)
        else:  # hist less a passive extension variable
            ctx.add(ctx.model.add(expr + cut * lit + hist <= cap), rule, e)


def post_38(ctx: PostContext) -> None:
    for e in ctx.employees(RULE_38):
        _cap(ctx, RULE_38, e, _vars(ctx, e).r38, WEEK_38)


def post_36(ctx: PostContext) -> None:
    for e in ctx.employees(RULE_36):
        _cap(ctx, RULE_36, e, _vars(ctx, e).r36, WEEK_36)


def _share_minutes(ctx: PostContext, e: int, name: str, expr, hi: int,  # noqa: ANN001
                   threshold: float, lit, top: int):  # noqa: ANN001, ANN202
    """An Int ``r`` with ``r >= top × min(1, expr / threshold)`` when ``lit`` (else free down to
    0): the minutes one guidance share takes off the (6) week. The threshold is rounded down and
    ``r`` up, so ``r`` is never below the checker's share."""
    m = ctx.model
    t = max(1, math.floor(threshold))
    if hi <= 0:
        return 0
    r = m.new_int_var(0, top, f"{name}_cut[{e}]")
    if hi <= t:  # the share cannot reach 1: t × r >= top × minutes, when lit
        ctx.add(m.add(t * r >= top * expr - top * hi + top * hi * lit), RULE_6, e)
        return r
    full = m.new_bool_var(f"{name}_full[{e}]")  # the share is (taken as) 1
    ctx.add(m.add(t * r >= top * expr - top * hi + top * hi * lit - top * hi * full), RULE_6, e)
    ctx.add(m.add(r >= top * full + top * lit - top), RULE_6, e)
    return r


def post_6(ctx: PostContext) -> None:
    """The (6) week exactly as the checker computes it: for three-shift rota work (``r38`` and
    night hours) each fixed week <= 38 h - 60 min × (min(1, night / night threshold) + min(1,
    Sunday / Sunday threshold)), between 38 h and 36 h."""
    m = ctx.model
    st = ctx.settings
    thr_n, thr_s = thresholds((st.end - st.start).days + 1)
    top = int(round((WEEK_38 - WEEK_36) * 60 / 2))  # each share takes up to 60 min off
    cap, cut38 = int(STATUTORY_WEEK * 60), int(round((STATUTORY_WEEK - WEEK_38) * 60))
    for e in ctx.employees(RULE_6):
        v = _vars(ctx, e)
        if isinstance(v.has_night, int):
            continue
        if isinstance(v.r38, int):
            both = v.has_night
        else:
            both = m.new_bool_var(f"three_shift[{e}]")
            ctx.add(m.add(both >= v.r38 + v.has_night - 1), RULE_6, e)
        if ctx.overtime is not None and ctx.overtime.softens(WEEKLY, e):
            # Overtime tails add night and Sunday minutes the cells do not show: the (6) week
            # is planned at its floor, 36 h (as the checker's limit never goes below it).
            rn = rs = top * both
        else:
            rn = _share_minutes(ctx, e, "night6", v.night, v.max_night, thr_n, both, top)
            rs = _share_minutes(ctx, e, "sunday6", v.sunday, v.max_sun, thr_s, both, top)
        for _w, expr, hist in _weeks(ctx, e):
            if isinstance(hist, int):
                ctx.add(m.add(expr + cut38 * both + rn + rs <= max(0, cap - hist)), RULE_6, e)
            else:  # hist less a passive extension variable
                ctx.add(m.add(expr + cut38 * both + rn + rs + hist <= cap), RULE_6, e)


POSTS = {RULE_38: post_38, RULE_36: post_36, RULE_6: post_6}
