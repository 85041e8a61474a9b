"""Check for § 10-10 (2): work in the Sunday/holiday window must be permitted."""

from __future__ import annotations

from constraints.base import CheckContext, Finding
from constraints.kernel.sweep import hours, permission_findings, timelines
from constraints.limits.sunday import SundayLimits
from constraints.sunday import PERMITTED
from scheduler.i18n import at, msg


def check_permitted(ctx: CheckContext) -> list[Finding]:
    nature = ctx.settings.sunday_work_permitted_by_nature
    if nature is True:
        return []
    windows = ctx.windows_in_horizon(ctx.windows.sunday)

    def hits():  # noqa: ANN202
        for emp, tl in timelines(ctx):
            for w in windows:
                worked = tl.worked(w.start, w.end)
                if worked > 0 or tl.busy(w.start, w.end) > 0:
                    yield emp, w, worked

    return permission_findings(
        ctx, PERMITTED, SundayLimits.KEY, "sunday_work_agreed", nature, hits(),
        lambda w, worked: msg("sunday.not_permitted", hours=hours(worked), label=w.label,
                              start=at(w.start), end=at(w.end)),
        "sunday.unknown",
    )


CHECKS = {PERMITTED.id: check_permitted}
