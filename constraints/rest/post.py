"""CP-SAT posts for § 10-8 (rest), on the readings of this package's docstring.

* ``AML-10-8-1-daily-rest``: two shifts on consecutive days whose gap is shorter than the rest in
  force never both appear. Encoded as at-most-one cliques (the conflicts between day d and d+1
  are nested by end time, so each day pair needs at most one clique per shift); the naive
  benchmark baseline posts one clause per conflicting pair instead. A shift longer than
  ``24 h − rest`` leaves no rest in its own 24 h and is never given; nor is a shift that starts
  within the rest after a history period.
* ``AML-10-8-2-weekly-rest``: per fixed week, one of the candidate off stretches
  ``[c, c + rest)`` (c = week start or any shift end in the week, clipped to the week) is free of
  work. Candidates whose cell sets contain another's are dropped (dominated). The ``clip``
  reading is used for both values of ``weekly_rest_window`` (it is the stricter one).
* ``AML-10-8-4-next-sunday-off``: at most ``red_days_in_a_row`` consecutive red days (in the
  order of ``scheduler.calendar.red_days``) are touched by work; history periods and
  ``EmployeeHistory.last_sunday_worked`` count. History is classified as the checker does
  (``RedDay.firm_start``): history only in a holiday's eve part counts protectively for the
  other red days of a run, but never makes planned work on that holiday free — planned work
  there turns the checker's eve warning into a firm red day.
* ``AML-10-8-4-sunday-in-rest`` (soft): a week without a red-day segment inside an off stretch of
  the weekly rest gets a ``soft_legal`` penalty.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from constraints.kernel.geometry import Cell
from constraints.kernel.posting import PostContext
from constraints.kernel.rest import (
    daily_rest_minutes,
    forbid_rest_cells,
    minimal_sets,
    post_rest_pairs,
    post_weekly_rest,
    rest_conflicts,
    weekly_rest_minutes,
    weeks_in_horizon,
)
from constraints.limits.rest import RestLimits
from scheduler.calendar import red_day_after_horizon

DAILY = "AML-10-8-1-daily-rest"
WEEKLY = "AML-10-8-2-weekly-rest"
NEXT_SUNDAY = "AML-10-8-4-next-sunday-off"
SUNDAY_IN_REST = "AML-10-8-4-sunday-in-rest"


def _domain_daily(ctx: PostContext) -> None:
    for e in ctx.employees(DAILY):
        forbid_rest_cells(ctx, DAILY, e, daily_rest_minutes(ctx, e))


def _post_daily(ctx: PostContext) -> None:
    for e in ctx.employees(DAILY):
        post_rest_pairs(ctx, DAILY, e, daily_rest_minutes(ctx, e))


# -- weekly rest ---------------------------------------------------------------------------


def _post_weekly(ctx: PostContext) -> None:
    for e in ctx.employees(WEEKLY):
        post_weekly_rest(ctx, WEEKLY, e, weekly_rest_minutes(ctx, e))


# -- § 10-8 (4) ----------------------------------------------------------------------------


def red_worked_lits(ctx: PostContext, e: int) -> tuple[dict[int, cp_model.IntVar | int], set[int]]:
    """Per red-day index: 1 if history works it firmly (``RedDay.firm_start``) or it is
    ``last_sunday_worked``, else a literal >= every planned cell touching it, else 0; and the
    red days history touches only in a holiday's eve part (a run resting on those is at most a
    warning in the checker — but planned work on such a holiday makes it a firm day)."""
    geo, m = ctx.geo, ctx.model
    fixed = geo.red_touched_by_history(e, firm=True)
    hist = next((h for h in ctx.problem.employee_history if h.employee == geo.emps[e].id), None)
    if hist is not None and hist.last_sunday_worked is not None:
        fixed |= {i for i, r in enumerate(geo.windows.red) if r.day == hist.last_sunday_worked}
    eve_only = geo.red_touched_by_history(e) - fixed
    touching: dict[int, list[cp_model.IntVar]] = {}
    for d, s in ctx.cells(e):
        for i in geo.red_touch[(d, s)]:
            touching.setdefault(i, []).append(ctx.x[(e, d, s)])
    out: dict[int, cp_model.IntVar | int] = {}
    for i in range(len(geo.windows.red)):
        if i in fixed:
            out[i] = 1
        elif i in touching:
            w = m.new_bool_var(f"red[{e},{i}]")
            for v in touching[i]:
                m.add_implication(v, w)
            out[i] = w
        else:
            out[i] = 0
    return out, eve_only


def _post_next_sunday(ctx: PostContext) -> None:
    m = ctx.model
    for e in ctx.employees(NEXT_SUNDAY):
        k = int(ctx.limits(RestLimits.KEY, e).p.red_days_in_a_row)
        w, eve_only = red_worked_lits(ctx, e)
        n = len(ctx.geo.windows.red)
        for i in range(n - k):
            window = range(i, i + k + 1)
            free = [w[j] for j in window if not isinstance(w[j], int) and j not in eve_only]
            eve_lits = [w[j] for j in window if not isinstance(w[j], int) and j in eve_only]
            firm = sum(w[j] for j in window if isinstance(w[j], int))
            # Protectively, a holiday history touches only in its eve part counts as worked
            # for the red days not yet touched (history alone over the limit: no more of them).
            eves = sum(1 for j in window if j in eve_only)
            if free and firm + eves + len(free) > k:
                ctx.add(m.add(sum(free) <= max(0, k - firm - eves)), NEXT_SUNDAY, e)
            # The hard rule: at most k firmly worked red days in a row. Planned work on a
            # holiday history touched only in its eve part makes that holiday a firm day, so it
            # must not turn the checker's warning into a violation.
            if eve_lits and firm + len(free) + len(eve_lits) > k:
                ctx.add(m.add(sum(free) + sum(eve_lits) <= k - firm), NEXT_SUNDAY, e)


def _sunday_options(geo, week, rest: int, history_ends: tuple[int, ...] = ()):  # noqa: ANN001, ANN202
    """Per red day ending in the week: candidate stretches (a, b) that hold its whole segment
    and the weekly rest, each with the cells that must be off; ``None`` if no red day.

    A stretch starts where some work may end: a shift of the horizon, or one of
    ``history_ends`` (the employee's periods before the horizon)."""
    key = ("sunday-in-rest", week.start, rest, history_ends)
    got = geo.cache.get(key)
    if got is not None:
        return got
    reds = [r for r in geo.windows.red if week.start < r.segment.end <= week.end]
    opts: list[tuple[int, int, frozenset[Cell]]] = []
    for r in reds:
        seg = r.segment
        ends = [geo.end[d][s] for d, s in geo.cells()] + list(history_ends)
        starts = {seg.end - rest} | {t for t in ends if seg.end - rest < t <= seg.start}
        for c in sorted(starts):
            a, b = min(c, seg.start), max(c + rest, seg.end)
            cells = frozenset(
                (d, s) for d, s in geo.cells() if geo.start[d][s] < b and geo.end[d][s] > a
            )
            opts.append((a, b, cells))
    got = geo.cache[key] = (opts if reds else None)
    return got


def _cliques(ctx: PostContext, e: int, cells: list[Cell]) -> list[list[Cell]]:
    """Maximal sets of mutually exclusive cells (same day, or closer than the daily rest)."""
    if len(cells) > 10 or ctx.settings.allow_split_duties:
        return [[c] for c in cells]
    pairs = set()
    if ctx.applies(DAILY, e) and DAILY in ctx.specs:
        rest = daily_rest_minutes(ctx, e)
        pairs = {p for p in rest_conflicts(ctx.geo, rest, False)}

    def clash(a: Cell, b: Cell) -> bool:
        return a[0] == b[0] or (a, b) in pairs or (b, a) in pairs

    n = len(cells)
    found: list[frozenset[int]] = []
    for mask in range(1, 1 << n):
        idx = [i for i in range(n) if mask >> i & 1]
        if all(clash(cells[i], cells[j]) for k, i in enumerate(idx) for j in idx[k + 1:]):
            found.append(frozenset(idx))
    maximal = [f for f in found if not any(f < g for g in found)]
    return [[cells[i] for i in sorted(f)] for f in maximal]


def _post_sunday_in_rest(ctx: PostContext) -> None:
    geo, m = ctx.geo, ctx.model
    weight = ctx.problem.weights.soft_legal
    # (week, clique of cells) -> the misses and the cells' literals of every employee with it
    summed: dict[tuple[int, frozenset[Cell]], tuple[list, list]] = {}
    for e in ctx.employees(SUNDAY_IN_REST):
        rest = weekly_rest_minutes(ctx, e)
        for wi in weeks_in_horizon(ctx):
            week = geo.windows.week[wi]
            opts = _sunday_options(geo, week, rest, tuple(sorted(h.end for h in geo.history[e])))
            if opts is None:
                continue
            if week.end > geo.horizon_end and red_day_after_horizon(ctx.settings.end, geo.horizon_end, week.end):
                continue  # a red day after the horizon may still be in the rest (as the checker)
            sets = []
            for a, b, cells in opts:
                if geo.history_overlaps(e, a, b):
                    continue
                sets.append(frozenset(c for c in cells if (e, *c) in ctx.x))
            if any(not s for s in sets):
                continue  # met whatever is planned
            miss = m.new_bool_var(f"sir[{e},{wi}]")
            reds = [r for r in geo.windows.red if week.start < r.segment.end <= week.end]
            if len(reds) == 1:  # working its segment rules the week's only red day out
                seg = reds[0].segment
                on_seg = [c for c in ctx.cells(e)
                          if seg.overlap(geo.start[c[0]][c[1]], geo.end[c[0]][c[1]]) > 0]
                for clique in _cliques(ctx, e, on_seg):
                    if len(clique) == 1:
                        m.add_implication(ctx.x[(e, *clique[0])], miss)
                    else:  # mutually exclusive cells: a tighter LP bound than one by one
                        m.add(miss >= sum(ctx.x[(e, *c)] for c in clique))
                    misses, xs = summed.setdefault((wi, frozenset(clique)), ([], []))
                    misses.append(miss)
                    xs.extend(ctx.x[(e, *c)] for c in clique)
            lits = [miss]
            for k, cells in enumerate(minimal_sets(sets)):
                ok = m.new_bool_var(f"sir_ok[{e},{wi},{k}]")
                m.add_bool_and([ctx.x[(e, *c)].Not() for c in sorted(cells)]).only_enforce_if(ok)
                lits.append(ok)
            m.add_bool_or(lits)
            ctx.penalize("soft_legal", weight, miss, SUNDAY_IN_REST)
    # Redundant: the links above summed over the employees, per week and clique. A one-cell
    # link is a clause (x => miss), which CP-SAT's default LP leaves out; the sums are linear,
    # so the LP sees that whoever works the Sunday misses it in the weekly rest (with the
    # bound step of scheduler.solver.top_tiers, which skips presolve: docs/benchmarks.md).
    if not ctx.naive:
        for misses, xs in summed.values():
            if len(misses) > 1:
                m.add(sum(misses) >= sum(xs))


DOMAIN = {DAILY: _domain_daily}

POSTS = {
    DAILY: _post_daily,
    WEEKLY: _post_weekly,
    NEXT_SUNDAY: _post_next_sunday,
    SUNDAY_IN_REST: _post_sunday_in_rest,
}
