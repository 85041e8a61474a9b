"""Check for § 10-10 (2): work in the Sunday/holiday window must be permitted."""

from __future__ import annotations

from constraints import limits
from constraints.base import CheckContext, Finding, Severity
from constraints.rest.sweep import LimitsFor, clock, hours, timelines
from constraints.sunday import PERMITTED


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
                    f"{hours(worked):.2f} h worked in the Sunday/holiday window {w.label} "
                    f"({clock(w.start)} – {clock(w.end)}); the site records that the nature of "
                    "the work does not require Sunday/holiday work and no § 10-10 agreement "
                    "is in force.",
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
                f"Sunday/holiday work found ({found} employee-windows) but not judged: the input "
                "does not record whether the nature of the work requires it "
                "(sunday_work_permitted_by_nature).",
                severity=Severity.warning,
                unit="",
            )
        )
    return out


CHECKS = {PERMITTED.id: check_permitted}
