"""Check for § 10-10 (2): work in the Sunday/holiday window must be permitted."""

from __future__ import annotations

from constraints import limits
from constraints.base import CheckContext, Finding, Severity
from constraints.rest.sweep import LimitsFor, hours, timelines
from constraints.sunday import PERMITTED
from scheduler.i18n import at, msg


def check_permitted(ctx: CheckContext) -> list[Finding]:
    nature = ctx.settings.sunday_work_permitted_by_nature
    if nature is True:
        return []
    windows = ctx.windows_in_horizon(ctx.sunday_windows)
    out: list[Finding] = []
    found = 0
    for emp, tl in timelines(ctx):
        lim = LimitsFor(ctx, "10-10", emp)
        for w in windows:
            worked = tl.worked(w.start, w.end)
            if worked <= 0 and tl.busy(w.start, w.end) <= 0:
                continue
            found += 1
            if nature is None:
                continue
            if bool(lim.on(w.start).values.get("sunday_work_agreed", False)):
                continue
            out.append(
                ctx.finding(
                    PERMITTED,
                    emp,
                    w.start,
                    w.end,
                    msg("sunday.not_permitted", hours=hours(worked), label=w.label,
                        start=at(w.start), end=at(w.end)),
                    measured=hours(worked),
                    limit=0,
                    allowed_by=limits.allowed_by("10-10", "sunday_work_agreed", True),
                )
            )
    if nature is None and found:
        out.append(
            ctx.finding(
                PERMITTED,
                None,
                None,
                None,
                msg("sunday.unknown", count=found),
                severity=Severity.warning,
                unit="",
            )
        )
    return out


CHECKS = {PERMITTED.id: check_permitted}
