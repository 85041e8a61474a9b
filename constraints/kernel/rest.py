"""Rest posts for a rule of ``rest`` minutes: the § 10-8 rest family and the ch. 11 youth rest
rules post the same shapes with their own rule id and minimum.

* :func:`forbid_rest_cells` (domain): a shift that leaves less than the rest in its own 24 h, or
  starts within the rest after a history period, is never given;
* :func:`post_rest_pairs`: no two worked cells closer than the rest (at-most-one cliques per day
  pair, pairwise clauses in the naive benchmark baseline and with split duties);
* :func:`post_weekly_rest`: some candidate off stretch of the rest is free in every fixed week;
* :func:`daily_rest_minutes` / :func:`weekly_rest_minutes`: the § 10-8 rest in force.
"""

from __future__ import annotations

from functools import cache

from constraints.kernel.geometry import Cell
from constraints.kernel.posting import PostContext
from constraints.limits.rest import RestLimits
from scheduler import i18n


def daily_rest_minutes(ctx: PostContext, e: int) -> int:
    """The § 10-8 (1) daily rest in force for ``e``, in minutes."""
    return round(ctx.limits(RestLimits.KEY, e).p.daily_rest_hours * 60)


def weekly_rest_minutes(ctx: PostContext, e: int) -> int:
    """The § 10-8 (2) weekly rest in force for ``e``, in minutes."""
    return round(ctx.limits(RestLimits.KEY, e).p.weekly_rest_hours * 60)


def forbid_rest_cells(ctx: PostContext, rule: str, e: int, rest: int) -> None:
    """Domain part of a daily-rest rule with ``rest`` minutes (§ 10-8 and § 11-5 alike)."""
    geo = ctx.geo
    open_cells = set(ctx.candidate_cells(e))
    for d, s in open_cells:
        if geo.end[d][s] - geo.start[d][s] > 24 * 60 - rest:
            ctx.forbid(e, d, s, rule, i18n.msg("domain.rest_in_24h", shift=geo.shifts[s].code,
                                               hours=rest / 60))
    for d, s in geo.history_blocks(e, rest):
        if (d, s) in open_cells:
            ctx.forbid(e, d, s, rule, i18n.msg("domain.rest_after_history", hours=rest / 60))


def post_rest_pairs(ctx: PostContext, rule: str, e: int, rest: int) -> None:
    """No two worked cells closer than ``rest`` minutes (§ 10-8 and § 11-5 alike)."""
    geo = ctx.geo
    split = ctx.settings.allow_split_duties
    pairs = rest_conflicts(geo, rest, split)
    x = ctx.x
    if ctx.naive or split:
        for c1, c2 in pairs:
            a, b = x.get((e, *c1)), x.get((e, *c2))
            if a is not None and b is not None:
                ctx.add(ctx.model.add_bool_or([a.Not(), b.Not()]), rule, e)
        return
    # Group conflicts by (day, next day); far pairs (d, d+2) stay pairwise.
    by_day: dict[int, dict[int, set[int]]] = {}
    for (d1, s1), (d2, s2) in pairs:
        if (e, d1, s1) not in x or (e, d2, s2) not in x:
            continue
        if d2 == d1 + 1:
            by_day.setdefault(d1, {}).setdefault(s1, set()).add(s2)
        else:
            ctx.add(ctx.model.add_bool_or([x[(e, d1, s1)].Not(), x[(e, d2, s2)].Not()]), rule, e)
    for d, nb in by_day.items():
        cliques: list[frozenset[tuple[int, int]]] = []
        for s in nb:
            # every day-d shift ending no earlier than s conflicts with all of N(s)
            later = {s2 for s2 in nb if geo.end[d][s2] >= geo.end[d][s] and nb[s2] >= nb[s]}
            cliques.append(frozenset({(d, t) for t in later | {s}} | {(d + 1, t) for t in nb[s]}))
        for c in maximal_sets(cliques):
            ctx.at_most_one([x[(e, dd, ss)] for dd, ss in sorted(c)], rule, e)


def maximal_sets(sets: list[frozenset]) -> list[frozenset]:
    """Drop sets contained in another set (a clique inside a larger clique)."""
    uniq = sorted(set(sets), key=len, reverse=True)
    out: list[frozenset] = []
    for s in uniq:
        if not any(s <= o for o in out):
            out.append(s)
    return out


def rest_conflicts(geo, rest: int, split: bool) -> list[tuple[Cell, Cell]]:  # noqa: ANN001
    key = ("rest-pairs", rest, split)
    got = geo.cache.get(key)
    if got is None:
        got = geo.cache[key] = geo.rest_conflicts(rest, split)
    return got


def weeks_in_horizon(ctx: PostContext) -> list[int]:
    geo = ctx.geo
    return [
        i for i, w in enumerate(geo.windows.week)
        if w.end > geo.horizon_start and w.start < geo.horizon_end
    ]


def post_weekly_rest(ctx: PostContext, rule: str, e: int, rest: int) -> None:
    """Some candidate stretch of ``rest`` minutes is off in every week (§ 10-8 and § 11-5 alike)."""
    geo, m = ctx.geo, ctx.model
    cand = _candidates_for(geo, rest)
    for wi in weeks_in_horizon(ctx):
        sets = []
        for c, cells in cand(wi):
            if geo.history_overlaps(e, c, c + rest):
                continue
            sets.append(frozenset(k for k in cells if (e, *k) in ctx.x))
        if not sets or any(not s for s in sets):
            # Free whatever is planned, or history alone leaves no room (not ours to repair).
            continue
        minimal = minimal_sets(sets)
        lits = []
        for k, s in enumerate(minimal):
            r = m.new_bool_var(f"wr[{e},{wi},{k}]")
            m.add_bool_and([ctx.x[(e, *c)].Not() for c in sorted(s)]).only_enforce_if(r)
            lits.append(r)
        ctx.add(m.add_bool_or(lits), rule, e)


def minimal_sets(sets: list[frozenset]) -> list[frozenset]:
    """Drop sets that contain another set (a stretch needing more off than another)."""
    uniq = sorted(set(sets), key=len)
    out: list[frozenset] = []
    for s in uniq:
        if not any(o <= s for o in out):
            out.append(s)
    return out


def _candidates_for(geo, rest: int):  # noqa: ANN001, ANN202
    key = ("weekly-rest", rest)
    got = geo.cache.get(key)
    if got is None:

        @cache
        def got(wi: int) -> list[tuple[int, frozenset[Cell]]]:
            return geo.weekly_rest_candidates(geo.windows.week[wi], rest)

        geo.cache[key] = got
    return got
