"""CP-SAT domain rules for § 10-9 (1) breaks: the break comes from the shift type.

A shift whose working time (elapsed less an unpaid break; DST nights count their real length)
is above 5.5 h needs a break (``AML-10-9-1-break-required``); 8 h or more needs breaks of at
least 30 minutes (``AML-10-9-1-break-30``). A shift type without the break the law requires is
never given to anyone the rule applies to (exempt employees skip § 10-9).
"""

from __future__ import annotations

from constraints.breaks import BREAK_30_FROM_MINUTES, BREAK_30_MINUTES, BREAK_REQUIRED_ABOVE_MINUTES
from constraints.kernel import standby
from constraints.kernel.posting import PostContext
from scheduler import i18n

REQUIRED = "AML-10-9-1-break-required"
THIRTY = "AML-10-9-1-break-30"


def _domain(rule: str, bad) -> callable:  # noqa: ANN001
    def run(ctx: PostContext) -> None:
        geo = ctx.geo
        for e in ctx.employees(rule):
            for d, s in list(ctx.candidate_cells(e)):
                st, work = geo.shifts[s], standby.own_work(ctx, e, d, s)
                if bad(work, st.break_minutes):
                    ctx.forbid(e, d, s, rule, i18n.msg(
                        "domain.break_short", shift=st.code, hours=work / 60,
                        minutes=st.break_minutes, rule=rule))

    return run


DOMAIN = {
    REQUIRED: _domain(REQUIRED, lambda work, brk: work > BREAK_REQUIRED_ABOVE_MINUTES and brk <= 0),
    THIRTY: _domain(THIRTY, lambda work, brk: work >= BREAK_30_FROM_MINUTES and brk < BREAK_30_MINUTES),
}
POSTS: dict = {}
