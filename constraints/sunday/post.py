"""CP-SAT domain rule for § 10-10 (2): Sunday/holiday work only where permitted.

When the site records ``sunday_work_permitted_by_nature = False``, a cell that overlaps a merged
§ 10-10 (1) window is never given to an employee without a ``"10-10"`` agreement setting
``sunday_work_agreed`` in force on the date the window opens. ``None`` (not recorded) and
``True`` forbid nothing (the checker reports "not judged" once).
"""

from __future__ import annotations

from constraints.kernel.posting import PostContext
from constraints.limits.sunday import SundayLimits
from scheduler import i18n
from scheduler.clock import from_minutes

PERMITTED = "AML-10-10-2-permitted"


def _domain(ctx: PostContext) -> None:
    if ctx.settings.sunday_work_permitted_by_nature is not False:
        return
    geo = ctx.geo
    windows = geo.windows.sunday
    for e in ctx.employees(PERMITTED):
        for d, s in list(ctx.candidate_cells(e)):
            a, b = geo.start[d][s], geo.end[d][s]
            for w in windows:
                if w.overlap(a, b) <= 0:
                    continue
                if not ctx.limits(SundayLimits.KEY, e, from_minutes(w.start).date()).p.sunday_work_agreed:
                    ctx.forbid(e, d, s, PERMITTED, i18n.msg(
                        "domain.sunday_not_permitted", shift=geo.shifts[s].code,
                        day=geo.days[d].isoformat()))
                    break


DOMAIN = {PERMITTED: _domain}
POSTS: dict = {}
