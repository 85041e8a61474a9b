"""Checks for the contract rules (see the package docstring for what each measures)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from constraints.base import CheckContext, Finding, RuleSpec
from constraints.contract import RULES
from scheduler.clock import local_minutes
from scheduler.i18n import msg
from scheduler.model import Contract

SPEC = {r.id: r for r in RULES}


def _days(ctx: CheckContext, emp: str) -> dict[int, tuple[str | None, int, int, int]]:
    """Horizon day -> (shift code, worked minutes, span start, span end) for one employee."""
    n = (ctx.settings.end - ctx.settings.start).days + 1
    out: dict[int, tuple[str | None, int, int, int]] = {}
    for s in ctx.timelines.get(emp, []):
        if s.history:
            continue
        d = ctx.day_index(s.start)
        if 0 <= d < n:
            code, work, st, en = out.get(d, (s.shift, 0, s.start, s.end))
            out[d] = (code, work + ctx.nominal_minutes(s), min(st, s.start), max(en, s.end))
    return out


def _day_window(ctx: CheckContext, first: int, last: int) -> tuple[int, int]:
    from datetime import timedelta

    start = ctx.settings.start + timedelta(days=first)
    end = ctx.settings.start + timedelta(days=last + 1)
    b = ctx.settings.day_boundary
    return local_minutes(start, b), local_minutes(end, b)


def _runs(worked: list[bool], value: bool) -> list[tuple[int, int]]:
    """Maximal runs [first, last] of days equal to ``value``."""
    out, i, n = [], 0, len(worked)
    while i < n:
        if worked[i] == value:
            j = i
            while j + 1 < n and worked[j + 1] == value:
                j += 1
            out.append((i, j))
            i = j + 1
        else:
            i += 1
    return out


def _per_employee(
    fn: Callable[[CheckContext, str, Contract, RuleSpec], list[Finding]], rule_id: str
) -> Callable[[CheckContext], list[Finding]]:
    spec = SPEC[rule_id]

    def run(ctx: CheckContext) -> list[Finding]:
        out: list[Finding] = []
        for emp in ctx.employee_ids():
            c = ctx.contract_of(emp)
            if c is not None:
                out.extend(fn(ctx, emp, c, spec))
        return out

    return run


def _horizon_len(ctx: CheckContext) -> int:
    return (ctx.settings.end - ctx.settings.start).days + 1


def _max_shifts(ctx: CheckContext, emp: str, c: Contract, spec: RuleSpec) -> list[Finding]:
    counts = Counter(code for code, *_ in _days(ctx, emp).values() if code is not None)
    out = []
    for code, n in sorted(counts.items()):
        lim = c.max_shifts.get(code)
        if lim is not None and n > lim:
            out.append(ctx.finding(spec, emp, ctx.horizon_start, ctx.horizon_end,
                                   msg("contract.max_shifts", n=n, code=code, limit=lim),
                                   measured=n, limit=lim, unit="shifts"))
    return out


def _total(ctx: CheckContext, emp: str, c: Contract, spec: RuleSpec, upper: bool) -> list[Finding]:
    minutes = sum(w for _, w, _, _ in _days(ctx, emp).values())
    lim = c.max_total_minutes if upper else c.min_total_minutes
    if lim is None or (minutes <= lim if upper else minutes >= lim):
        return []
    key = "contract.total_more" if upper else "contract.total_fewer"
    return [ctx.finding(spec, emp, ctx.horizon_start, ctx.horizon_end,
                        msg(key, minutes=minutes, limit=lim),
                        measured=minutes, limit=lim, unit="minutes")]


def _worked(ctx: CheckContext, emp: str) -> list[bool]:
    days = _days(ctx, emp)
    return [d in days for d in range(_horizon_len(ctx))]


def _max_consecutive(ctx: CheckContext, emp: str, c: Contract, spec: RuleSpec) -> list[Finding]:
    if c.max_consecutive_shifts is None:
        return []
    out = []
    for a, b in _runs(_worked(ctx, emp), True):
        if b - a + 1 > c.max_consecutive_shifts:
            s, e = _day_window(ctx, a, b)
            out.append(ctx.finding(spec, emp, s, e, msg("contract.max_consecutive", n=b - a + 1),
                                   measured=b - a + 1, limit=c.max_consecutive_shifts, unit="days"))
    return out


def _min_block(ctx: CheckContext, emp: str, limit: int | None, value: bool, spec: RuleSpec,
               key: str) -> list[Finding]:
    if not limit:
        return []
    worked = _worked(ctx, emp)
    n, out = len(worked), []
    for a, b in _runs(worked, value):
        if a == 0 or b == n - 1:  # touches a horizon end: exempt
            continue
        if b - a + 1 < limit:
            s, e = _day_window(ctx, a, b)
            out.append(ctx.finding(spec, emp, s, e, msg(key, n=b - a + 1),
                                   measured=b - a + 1, limit=limit, unit="days"))
    return out


def _min_consecutive(ctx: CheckContext, emp: str, c: Contract, spec: RuleSpec) -> list[Finding]:
    return _min_block(ctx, emp, c.min_consecutive_shifts, True, spec, "contract.min_working_days")


def _min_days_off(ctx: CheckContext, emp: str, c: Contract, spec: RuleSpec) -> list[Finding]:
    return _min_block(ctx, emp, c.min_consecutive_days_off, False, spec, "contract.min_days_off")


def weekend_days(ctx: CheckContext) -> list[tuple[int, int]]:
    """(Saturday, Sunday) horizon-day pairs of each weekend inside the horizon."""
    n = _horizon_len(ctx)
    out = []
    for d in range(n):
        day = ctx.settings.start.toordinal() + d
        if (day - 1) % 7 == 5 and d + 1 < n:  # date.fromordinal(1) is a Monday
            out.append((d, d + 1))
    return out


def _max_weekends(ctx: CheckContext, emp: str, c: Contract, spec: RuleSpec) -> list[Finding]:
    if c.max_weekends is None:
        return []
    worked = _worked(ctx, emp)
    n = sum(1 for sat, sun in weekend_days(ctx) if worked[sat] or worked[sun])
    if n <= c.max_weekends:
        return []
    return [ctx.finding(spec, emp, ctx.horizon_start, ctx.horizon_end,
                        msg("contract.max_weekends", n=n, limit=c.max_weekends),
                        measured=n, limit=c.max_weekends, unit="weekends")]


def _succession(ctx: CheckContext, emp: str, c: Contract, spec: RuleSpec) -> list[Finding]:
    if not c.forbidden_successions:
        return []
    bad = set(c.forbidden_successions)
    days = _days(ctx, emp)
    out = []
    for d, (code, _, st, _) in sorted(days.items()):
        nxt = days.get(d + 1)
        if nxt is not None and (code, nxt[0]) in bad:
            out.append(ctx.finding(spec, emp, st, nxt[3],
                                   msg("contract.succession", code=code, next=nxt[0]),
                                   unit=""))
    return out


CHECKS = {
    "CONTRACT-max-shifts": _per_employee(_max_shifts, "CONTRACT-max-shifts"),
    "CONTRACT-max-total-minutes": _per_employee(
        lambda ctx, e, c, s: _total(ctx, e, c, s, True), "CONTRACT-max-total-minutes"),
    "CONTRACT-min-total-minutes": _per_employee(
        lambda ctx, e, c, s: _total(ctx, e, c, s, False), "CONTRACT-min-total-minutes"),
    "CONTRACT-max-consecutive-shifts": _per_employee(_max_consecutive, "CONTRACT-max-consecutive-shifts"),
    "CONTRACT-min-consecutive-shifts": _per_employee(_min_consecutive, "CONTRACT-min-consecutive-shifts"),
    "CONTRACT-min-consecutive-days-off": _per_employee(_min_days_off, "CONTRACT-min-consecutive-days-off"),
    "CONTRACT-max-weekends": _per_employee(_max_weekends, "CONTRACT-max-weekends"),
    "CONTRACT-forbidden-succession": _per_employee(_succession, "CONTRACT-forbidden-succession"),
}
