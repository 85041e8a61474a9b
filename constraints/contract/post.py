"""CP-SAT posts for the contract rules (not AML), on the readings of ``constraints.contract``.

A worked day is a day with a shift starting on it (one shift a day). Per employee with a
``Contract``:

* ``CONTRACT-max-shifts``: shifts of a type over the horizon ≤ the limit (0: never, DOMAIN);
* ``CONTRACT-max/min-total-minutes``: the shift types' paid minutes over the horizon;
* ``CONTRACT-max-consecutive-shifts``: no run of limit + 1 worked days;
* ``CONTRACT-min-consecutive-shifts`` / ``-min-consecutive-days-off``: no too-short block of
  worked days / days off with the opposite on both sides inside the horizon (blocks touching
  either end are exempt);
* ``CONTRACT-max-weekends``: worked weekends (Saturday or Sunday, weekends inside the horizon);
* ``CONTRACT-forbidden-succession``: shift A on day d and B on day d + 1 never both.

With the maximum-consecutive windows come the redundant per-employee sequence graphs of
``constraints.contract.sequence`` (LP strength only; left out when explaining an infeasibility).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from constraints.contract import sequence
from constraints.kernel.posting import PostContext
from scheduler import i18n
from scheduler.model import Contract

MAX_SHIFTS = "CONTRACT-max-shifts"
MAX_TOTAL = "CONTRACT-max-total-minutes"
MIN_TOTAL = "CONTRACT-min-total-minutes"
MAX_CONSEC = "CONTRACT-max-consecutive-shifts"
MIN_CONSEC = "CONTRACT-min-consecutive-shifts"
MIN_OFF = "CONTRACT-min-consecutive-days-off"
MAX_WEEKENDS = "CONTRACT-max-weekends"
SUCCESSION = "CONTRACT-forbidden-succession"


def _contracts(ctx: PostContext, rule: str) -> list[tuple[int, Contract]]:
    by_id = {c.id: c for c in ctx.problem.contracts}
    out = []
    for e in ctx.employees(rule):
        cid = ctx.geo.emps[e].contract
        if cid is not None and cid in by_id:
            out.append((e, by_id[cid]))
    return out


def _worked(ctx: PostContext, e: int) -> list[cp_model.LinearExprT | int]:
    return [sum(v) if (v := ctx.day_vars(e, d)) else 0 for d in range(ctx.geo.D)]


def _domain_max_shifts(ctx: PostContext) -> None:
    geo = ctx.geo
    for e, c in _contracts(ctx, MAX_SHIFTS):
        why = {s: i18n.msg("domain.contract_none", employee=geo.emps[e].id, shift=st.code)
               for s, st in enumerate(geo.shifts) if c.max_shifts.get(st.code) == 0}
        for d, s in list(ctx.candidate_cells(e)):
            if s in why:  # one reason per shift type (a 364-day row has thousands of cells)
                ctx.forbid(e, d, s, MAX_SHIFTS, why[s])


def _post_max_shifts(ctx: PostContext) -> None:
    geo = ctx.geo
    for e, c in _contracts(ctx, MAX_SHIFTS):
        for code, lim in c.max_shifts.items():
            s = geo.shift_index.get(code)
            if s is None:
                continue
            lits = [v for d in range(geo.D) if (v := ctx.x.get((e, d, s))) is not None]
            if len(lits) > lim:
                ctx.add(ctx.model.add(sum(lits) <= lim), MAX_SHIFTS, e)


def _paid(ctx: PostContext, e: int) -> cp_model.LinearExprT:
    geo = ctx.geo
    return ctx.minutes(e, (((d, s), geo.shifts[s].paid_minutes()) for d, s in ctx.cells(e)))


def _post_total(rule: str, upper: bool):  # noqa: ANN202
    def run(ctx: PostContext) -> None:
        for e, c in _contracts(ctx, rule):
            lim = c.max_total_minutes if upper else c.min_total_minutes
            if lim is None:
                continue
            expr = _paid(ctx, e)
            ctx.add(ctx.model.add(expr <= lim if upper else expr >= lim), rule, e)

    return run


def _post_max_consec(ctx: PostContext) -> None:
    for e, c in _contracts(ctx, MAX_CONSEC):
        k = c.max_consecutive_shifts
        if k is None:
            continue
        w = _worked(ctx, e)
        for d in range(ctx.geo.D - k):
            run = w[d:d + k + 1]
            if all(not isinstance(v, int) for v in run):
                ctx.add(ctx.model.add(sum(run) <= k), MAX_CONSEC, e)


def _post_max_consec_and_sequence(ctx: PostContext) -> None:
    """The sliding windows, then the redundant sequence graphs (``constraints.contract.sequence``)
    that tighten the LP of all the consecutive-day and weekend rules together."""
    _post_max_consec(ctx)
    for e, g in sequence.graphs(ctx, _contracts(ctx, MAX_CONSEC)).items():
        sequence.post(ctx, e, g)


def _forbid_short_blocks(ctx: PostContext, rule: str, e: int, limit: int, on: bool) -> None:
    """No block of ``on`` days (worked if ``on``) shorter than ``limit`` with the opposite on both
    sides inside the horizon."""
    w = _worked(ctx, e)
    m = ctx.model
    n = ctx.geo.D
    one = m.new_constant(1)
    zero = m.new_constant(0)

    def lit(d: int, worked: bool):  # noqa: ANN202 - literal "day d is (not) worked"
        v = w[d]
        if isinstance(v, int):
            return one if bool(v) == worked else zero
        b = _day_lit(ctx, e, d)
        return b if worked else b.Not()

    for length in range(1, limit):
        for d in range(1, n - length):
            # pattern: opposite at d-1, `on` on d..d+length-1, opposite at d+length
            clause = [lit(d - 1, on), lit(d + length, on)]
            clause += [lit(d + i, not on) for i in range(length)]
            if any(c is one for c in clause):
                continue
            clause = [c for c in clause if c is not zero]
            ctx.add(m.add_bool_or(clause), rule, e)


def _day_lit(ctx: PostContext, e: int, d: int) -> cp_model.IntVar:
    key = ("contract-day", e, d)
    got = ctx.geo.cache.get(key) if not ctx.explain else None
    if got is not None and got[0] is ctx.model:
        return got[1]
    b = ctx.model.new_bool_var(f"worked[{e},{d}]")
    ctx.model.add(b == sum(ctx.day_vars(e, d)))
    if not ctx.explain:
        ctx.geo.cache[key] = (ctx.model, b)
    return b


def _post_min_consec(ctx: PostContext) -> None:
    for e, c in _contracts(ctx, MIN_CONSEC):
        if c.min_consecutive_shifts:
            _forbid_short_blocks(ctx, MIN_CONSEC, e, c.min_consecutive_shifts, True)


def _post_min_off(ctx: PostContext) -> None:
    for e, c in _contracts(ctx, MIN_OFF):
        if c.min_consecutive_days_off:
            _forbid_short_blocks(ctx, MIN_OFF, e, c.min_consecutive_days_off, False)


def _post_max_weekends(ctx: PostContext) -> None:
    geo, m = ctx.geo, ctx.model
    for e, c in _contracts(ctx, MAX_WEEKENDS):
        if c.max_weekends is None:
            continue
        w = _worked(ctx, e)
        lits = []
        for sat in range(geo.D - 1):
            if not geo.windows.is_saturday(geo.days[sat]):
                continue
            days = [v for v in (w[sat], w[sat + 1]) if not isinstance(v, int)]
            if not days:
                continue
            b = m.new_bool_var(f"weekend[{e},{sat}]")
            for v in days:
                m.add(b >= v)
            lits.append(b)
        if len(lits) > c.max_weekends:
            ctx.add(m.add(sum(lits) <= c.max_weekends), MAX_WEEKENDS, e)


def _post_succession(ctx: PostContext) -> None:
    geo = ctx.geo
    for e, c in _contracts(ctx, SUCCESSION):
        for a_code, b_code in c.forbidden_successions:
            a, b = geo.shift_index.get(a_code), geo.shift_index.get(b_code)
            if a is None or b is None:
                continue
            for d in range(geo.D - 1):
                x1, x2 = ctx.x.get((e, d, a)), ctx.x.get((e, d + 1, b))
                if x1 is not None and x2 is not None:
                    ctx.add(ctx.model.add_bool_or([x1.Not(), x2.Not()]), SUCCESSION, e)


DOMAIN = {MAX_SHIFTS: _domain_max_shifts}
POSTS = {
    MAX_SHIFTS: _post_max_shifts,
    MAX_TOTAL: _post_total(MAX_TOTAL, True),
    MIN_TOTAL: _post_total(MIN_TOTAL, False),
    MAX_CONSEC: _post_max_consec_and_sequence,
    MIN_CONSEC: _post_min_consec,
    MIN_OFF: _post_min_off,
    MAX_WEEKENDS: _post_max_weekends,
    SUCCESSION: _post_succession,
}
