"""Checks of the turnus day-off codes (see the package docstring)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from constraints import limits
from constraints.base import CheckContext, Finding, Severity
from constraints.kernel.rest_rules import WEEKLY_REST
from constraints.kernel.sweep import hours, timeline_of
from constraints.turnus_codes import F1_MARKING, F3_NOT_RED_DAY
from constraints.turnus_codes.measure import (
    FAMILY,
    day_window,
    full_weeks,
    required_rest,
    rest_around,
    week_of,
    works_in,
)
from scheduler import dayoff
from scheduler.i18n import at, length, msg, term


def uses_f_codes(ctx: CheckContext) -> bool:
    """Does the grid mark any day with F1…F5?"""
    return any(code in dayoff.F_CODES for _, _, code in ctx.roster.day_marks)


def _marked(ctx: CheckContext, code: str) -> dict[str, list[date]]:
    out: dict[str, list[date]] = defaultdict(list)
    for emp, day, c in ctx.roster.day_marks:
        if c == code and ctx.settings.start <= day <= ctx.settings.end:
            out[emp].append(day)
    return {e: sorted(ds) for e, ds in out.items()}


def _skip(ctx: CheckContext, emp: str) -> bool:
    return ctx.employee(emp).exempt_10_12


def check_f1(ctx: CheckContext) -> list[Finding]:
    """One F1 per full week with work; the rest around each F1 reaches the weekly rest."""
    if not uses_f_codes(ctx):
        return []
    f1 = _marked(ctx, "F1")
    emps = sorted(set(ctx.employee_ids()) | {m[0] for m in ctx.roster.day_marks})
    full = {w.start for w in full_weeks(ctx)}
    weeks = ctx.windows_in_horizon(ctx.windows.week)
    out: list[Finding] = []
    for emp in emps:
        if _skip(ctx, emp):
            continue
        per_week: dict[int, list[date]] = defaultdict(list)
        for d in f1.get(emp, []):
            dw = day_window(ctx, d)
            wk = week_of(ctx, dw.start) if dw is not None else None
            if wk is not None:
                per_week[wk.start].append(d)
        for wk in weeks:
            days = per_week.get(wk.start, [])
            if len(days) >= 2:
                out.append(ctx.finding(
                    F1_MARKING, emp, wk.start, wk.end,
                    msg("turnus.f1_many", count=len(days), start=at(wk.start),
                        days=", ".join(d.isoformat() for d in days)),
                    measured=len(days), limit=1, unit="F1 marks", severity=Severity.warning,
                ))
            elif not days and wk.start in full and works_in(ctx, emp, wk):
                out.append(ctx.finding(
                    F1_MARKING, emp, wk.start, wk.end,
                    msg("turnus.f1_none", start=at(wk.start)),
                    measured=0, limit=1, unit="F1 marks", severity=Severity.warning,
                ))
        out.extend(_f1_rest(ctx, emp, f1.get(emp, [])))
    return out


def _f1_rest(ctx: CheckContext, emp: str, days: list[date]) -> list[Finding]:
    tl = timeline_of(ctx, emp)
    out: list[Finding] = []
    seen: set[tuple[int | None, int | None]] = set()
    for d in days:
        dw = day_window(ctx, d)
        if dw is None:
            continue
        rest = rest_around(tl, dw)
        need = required_rest(ctx, emp, dw.start)
        key = (rest.start, rest.end) if rest.start is not None else (dw.start, dw.end)
        if rest.length >= need or key in seen:
            continue
        seen.add(key)  # two F1 in one short rest: one finding
        a = rest.start if rest.start is not None else dw.start
        b = rest.end if rest.end is not None else dw.end
        out.append(ctx.finding(
            WEEKLY_REST, emp, a, b,
            msg("turnus.f1_rest_short", day=d.isoformat(), measured=length(rest.length),
                start=at(a), end=at(b), required=length(need)),
            measured=hours(rest.length), limit=hours(need), severity=Severity.warning,
            allowed_by=limits.allowed_by(FAMILY, "weekly_rest_hours", hours(rest.length)),
        ))
    return out


def check_f3(ctx: CheckContext) -> list[Finding]:
    """F3 only on a Sunday or public holiday."""
    if not uses_f_codes(ctx):
        return []
    red = {r.day for r in ctx.windows.red}
    out: list[Finding] = []
    for emp, days in sorted(_marked(ctx, "F3").items()):
        if _skip(ctx, emp):
            continue
        for d in days:
            if d in red:
                continue
            dw = day_window(ctx, d)
            out.append(ctx.finding(
                F3_NOT_RED_DAY, emp, dw.start if dw else None, dw.end if dw else None,
                msg("turnus.f3_not_red_day", day=d.isoformat(), weekday=term(f"weekday.{d.weekday()}")),
                measured=0, limit=1, unit="red days", severity=Severity.warning,
            ))
    return out


CHECKS = {
    F1_MARKING.id: check_f1,
    F3_NOT_RED_DAY.id: check_f3,
}
