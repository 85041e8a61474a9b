"""The checker reports work while an employee is away (``REQ-unavailable``)."""

from __future__ import annotations

from constraints.base import CheckContext, Finding
from constraints.requests import UNAVAILABLE
from constraints.requests.measure import away, blocked
from constraints.spans import blocks
from scheduler import i18n


def check(ctx: CheckContext) -> list[Finding]:
    if not ctx.requests:
        return []
    out: list[Finding] = []
    for emp, runs in away(ctx.settings, ctx.requests).items():
        spans = [s for s in ctx.timelines.get(emp, []) if not s.history]
        for b in blocks(spans):
            a = blocked(runs, b.start, b.end)
            if a is None:
                continue
            lo, hi = max(b.start, a.start), min(b.end, a.end)
            worked = sum(s.worked_in(lo, hi) for s in b.spans)
            what = i18n.term("requests.away.vacation" if a.vacation
                             else "requests.away.unavailable")
            out.append(ctx.finding(
                UNAVAILABLE, emp, lo, hi,
                i18n.msg("requests.away.worked", employee=emp, what=what,
                         first=a.first.isoformat(), last=a.last.isoformat(),
                         start=i18n.at(b.start), end=i18n.at(b.end),
                         numbers=", ".join(f"#{n}" for n in a.requests)),
                measured=round(worked / 60, 2), limit=0.0, unit="hours"))
    return out


CHECKS = {UNAVAILABLE.id: check}
