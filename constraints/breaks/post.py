"""CP-SAT domain rules for § 10-9 (1) breaks: the break comes from the shift type.

A shift whose working time (elapsed less an unpaid break; DST nights count their real length)
is above 5.5 h needs a break (``AML-10-9-1-break-required``); 8 h or more needs breaks of at
least 30 minutes (``AML-10-9-1-break-30``). A shift type without the break the law requires is
never given to anyone the rule applies to (exempt employees skip § 10-9).
"""

from __future__ import annotations

from constraints.normal_hours import standby
from scheduler.solver.context import PostContext

REQUIRED = "AML-10-9-1-break-required"
THIRTY = "AML-10-9-1-break-30"
REQUIRED_ABOVE = 330  # minutes: strictly more than 5.5 h
THIRTY_FROM = 480  # minutes: 8 h or more
THIRTY_MINUTES = 30


def _domain(rule: str, bad) -> callable:  # noqa: ANN001
    def run(ctx: PostContext) -> None:
        geo = ctx.geo
        for e in ctx.employees(rule):
            for d, s in list(ctx.candidate_cells(e)):
                st, work = geo.shifts[s], standby.own_work(ctx, e, d, s)
                if bad(work, st.break_minutes):
                    ctx.forbid(e, d, s, rule,
                               f"the {st.code} shift ({work / 60:g} h) has a "
                               f"{st.break_minutes}-minute break, too short under {rule}")

    return run


DOMAIN = {
    REQUIRED: _domain(REQUIRED, lambda work, brk: work > REQUIRED_ABOVE and brk <= 0),
    THIRTY: _domain(THIRTY, lambda work, brk: work >= THIRTY_FROM and brk < THIRTY_MINUTES),
}
POSTS: dict = {}
