"""Checks for § 10-9 (1): breaks per continuous work period (only where breaks are recorded)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from constraints.base import CheckContext, Finding, RuleSpec, Severity
from constraints.breaks import (
    BREAK_30_FROM_MINUTES,
    BREAK_30_MINUTES,
    BREAK_REQUIRED_ABOVE_MINUTES,
    RULES,
)
from constraints.kernel.rate import ALL_KINDS, EPS
from constraints.kernel.scans import period_table, span_text
from scheduler.i18n import msg

SPEC: dict[str, RuleSpec] = {r.id: r for r in RULES}
REQUIRED = SPEC["AML-10-9-1-break-required"]
THIRTY = SPEC["AML-10-9-1-break-30"]



def _offending(
    ctx: CheckContext, emp: str, test: Callable[[np.ndarray, np.ndarray], np.ndarray]
) -> tuple[list[tuple[int, int, float, int]], int]:
    """Work periods in the horizon with breaks recorded for which ``test(work, breaks)`` holds,
    as (start, end, worked minutes, break minutes); and how many had no breaks recorded."""
    t = period_table(ctx, emp)
    recorded = ~np.isnan(t.breaks)
    work = t.of(ALL_KINDS)
    live = t.in_horizon & recorded
    bad = np.nonzero(live & test(work, np.where(recorded, t.breaks, 0.0)))[0]
    out = [(int(t.start[i]), int(t.end[i]), float(work[i]), int(t.breaks[i])) for i in bad]
    return out, int(np.count_nonzero(t.in_horizon & ~recorded))


def check_required(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    unrecorded = 0
    for emp in sorted(ctx.timelines):
        bad, n = _offending(
            ctx, emp, lambda w, b: (w > BREAK_REQUIRED_ABOVE_MINUTES + EPS) & (b <= 0)
        )
        if not ctx.employee(emp).exempt_10_12:  # § 10-9 does not apply to them
            unrecorded += n
        for start, end, work, _brk in bad:
            out.append(
                ctx.finding(
                    REQUIRED, emp, start, end,
                    msg("breaks.none", emp=emp, hours=work / 60, span=span_text(start, end)),
                    measured=0.0, limit=None, unit="minutes of break",
                )
            )
    if unrecorded:
        out.append(
            ctx.finding(
                REQUIRED, None, None, None,
                msg("breaks.not_recorded", count=unrecorded),
                unit="", severity=Severity.warning,
            )
        )
    return out


def check_thirty(ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    for emp in sorted(ctx.timelines):
        bad, _ = _offending(
            ctx, emp, lambda w, b: (w >= BREAK_30_FROM_MINUTES - EPS) & (b < BREAK_30_MINUTES)
        )
        for start, end, work, brk in bad:
            out.append(
                ctx.finding(
                    THIRTY, emp, start, end,
                    msg("breaks.short", emp=emp, hours=work / 60, span=span_text(start, end),
                        brk=brk, need=BREAK_30_MINUTES),
                    measured=float(brk), limit=float(BREAK_30_MINUTES), unit="minutes",
                )
            )
    return out


CHECKS = {REQUIRED.id: check_required, THIRTY.id: check_thirty}
