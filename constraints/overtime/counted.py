"""§ 10-6 overtime as counted towards the caps (the checker's measure; the Headroom sheet and the
what-if figures read the same).

Overtime and extra hours of the timesheet or roster, with the § 10-9 (2) break presumed where
breaks are not recorded (:func:`overtime_spans`); per employee as a rate (:func:`ot_rate`) and,
for the 52-week cap, with the year-to-date carry of ``EmployeeHistory.overtime_ytd_hours``
(:func:`ot_year_rate`); the windows each cap is judged on (:func:`cap_windows`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from constraints.base import CheckContext, Finding
from constraints.kernel.measure import blocks_cached
from constraints.kernel.rate import EPS, Rate, memo
from constraints.kernel.scans import groups_of
from constraints.spans import Span
from scheduler import calendar as cal
from scheduler.i18n import term
from scheduler.model import PeriodKind

# § 10-9 (2): a 30-minute break is due when overtime runs more than 2 h past normal hours.
OT_BREAK_AFTER_MINUTES = 120
OT_BREAK_MINUTES = 30

# (rule id, limits parameter, weeks per window)
CAPS: tuple[tuple[str, str, int], ...] = (
    ("AML-10-6-4-ot-7d", "overtime_7d_hours", 1),
    ("AML-10-6-4-ot-4w", "overtime_4w_hours", 4),
    ("AML-10-6-4-ot-52w", "overtime_52w_hours", 52),
)



def presumes_breaks(ctx: CheckContext) -> bool:
    """Is an unrecorded § 10-9 (2) break presumed taken (Settings ``presume_breaks``, or the
    ``--presume-breaks`` flag)? Off by default: the protective reading."""
    return bool(ctx.settings.presume_breaks)


def overtime_spans(ctx: CheckContext, emp: str, presume: bool | None = None) -> list[Span]:
    """Overtime spans of ``emp`` with the § 10-9 (2) break taken off (cached).

    The break taken off is the one recorded on the overtime periods (capped at 30 min). Where the
    timesheet records no break, the break is taken off only when ``presume`` (default:
    :func:`presumes_breaks`); otherwise the period is noted in :func:`unrecorded_breaks`."""
    if presume is None:
        presume = presumes_breaks(ctx)
    key = ("ot_spans", emp, presume)
    c = memo(ctx)
    got = c.get(key)
    if got is not None:
        return got
    unrecorded: list[tuple[int, int]] = []
    out: list[Span] = []
    spans, gid = groups_of(ctx, emp)
    with_ot = {g for sp, g in zip(spans, gid, strict=True) if sp.kind == PeriodKind.overtime}
    members: dict[int, list[Span]] = {g: [] for g in with_ot}
    for sp, g in zip(spans, gid, strict=True):
        if g in members:
            members[g].append(sp)
    for g in sorted(members):
        period = members[g]
        ots = [s for s in period if s.kind == PeriodKind.overtime]
        planned = [s for s in period if s.kind == PeriodKind.planned]
        if not planned:
            out.extend(ots)
            continue
        normal_end = max(s.end for s in planned)
        run = [s for s in ots if s.start >= normal_end]
        rest = [s for s in ots if s.start < normal_end]
        out.extend(rest)
        period_end = max(s.end for s in period)
        if not run or period_end - normal_end <= OT_BREAK_AFTER_MINUTES:
            out.extend(run)
            continue
        recorded = [s.break_minutes for s in run]
        if any(r is None for r in recorded) and presume:
            due = OT_BREAK_MINUTES
        else:
            due = min(OT_BREAK_MINUTES, sum(r or 0 for r in recorded))
            if any(r is None for r in recorded) and due < OT_BREAK_MINUTES:
                unrecorded.append((min(x.start for x in period), period_end))
        already_unpaid = sum(s.elapsed - s.work for s in run)
        deduct = max(0, due - already_unpaid)
        adjusted: list[Span] = []
        for s in reversed(run):  # the break is taken off the latest overtime first
            take = min(deduct, s.work)
            deduct -= take
            adjusted.append(replace(s, work=s.work - take) if take else s)
        out.extend(reversed(adjusted))
    out.sort(key=lambda s: (s.start, s.end))
    c[key] = out
    c[("ot_unrecorded", emp, presume)] = unrecorded
    return out


def unrecorded_breaks(ctx: CheckContext, emp: str) -> list[tuple[int, int]]:
    """Work periods of ``emp`` whose § 10-9 (2) break is due but not recorded and not presumed."""
    presume = presumes_breaks(ctx)
    overtime_spans(ctx, emp, presume)
    return memo(ctx)[("ot_unrecorded", emp, presume)]


def depends_on_unrecorded_break(ctx: CheckContext, f: Finding) -> bool:
    """Would an overtime-cap finding fall away if the unrecorded breaks had been taken?"""
    if f.employee is None or f.window_start is None or f.window_end is None or f.limit is None:
        return False
    if not unrecorded_breaks(ctx, f.employee):
        return False
    a, b = ctx.minute_of(f.window_start), ctx.minute_of(f.window_end)
    spans = list(overtime_spans(ctx, f.employee, presume=True))
    extra = ytd_carry_minutes(ctx, f.employee) if f.rule == "AML-10-6-4-ot-52w" else 0.0
    if extra > EPS:
        hs = ctx.horizon_start
        spans.append(Span(hs - 1, hs, round(extra), PeriodKind.overtime, history=True))
    presumed = Rate(spans).between(a, b)
    return presumed <= f.limit * 60 + EPS


def ot_rate(ctx: CheckContext, emp: str) -> Rate:
    key = ("ot_rate", emp)
    c = memo(ctx)
    r = c.get(key)
    if r is None:
        r = Rate(overtime_spans(ctx, emp))
        c[key] = r
    return r


def ytd_carry_minutes(ctx: CheckContext, emp: str) -> float:
    """Overtime before the horizon in the current 52-week block not already in the history."""
    eh = ctx.employee_history.get(emp)
    if eh is None or eh.overtime_ytd_hours <= 0:
        return 0.0
    hs = ctx.horizon_start
    block = next((w for w in blocks_cached(ctx, 52) if w.start < hs <= w.end), None)
    if block is None:
        return 0.0
    in_history = ot_rate(ctx, emp).between(block.start, hs)
    return max(0.0, eh.overtime_ytd_hours * 60 - in_history)


def ot_year_rate(ctx: CheckContext, emp: str) -> Rate:
    """Overtime for the 52-week cap: the YTD carry is a one-minute span just before the horizon."""
    key = ("ot_year_rate", emp)
    c = memo(ctx)
    r = c.get(key)
    if r is None:
        extra = ytd_carry_minutes(ctx, emp)
        spans = list(overtime_spans(ctx, emp))
        if extra > EPS:
            hs = ctx.horizon_start
            spans.append(Span(hs - 1, hs, round(extra), PeriodKind.overtime, history=True))
        r = Rate(spans)
        c[key] = r
    return r


def cap_windows(ctx: CheckContext, weeks: int) -> list[cal.Window]:
    return ctx.windows.week if weeks == 1 else blocks_cached(ctx, weeks)


def window_word(weeks: int, rolling: bool) -> dict[str, Any]:
    if weeks == 1:
        return term("term.rolling_7_day_window" if rolling else "term.7_day_window")
    return term("term.rolling_n_week_window" if rolling else "term.n_week_block", weeks=weeks)
