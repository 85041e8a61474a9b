"""§ 10-9 (1): a break above 5.5 h of work, 30 minutes from 8 h — only where breaks are recorded."""

from __future__ import annotations

import pytest

from constraints.base import CheckContext, Finding, Severity
from constraints.breaks.check import CHECKS
from scheduler.model import WorkPeriod
from tests.rosterkit import history, lasting, period, roster, settings

REQ, THIRTY = "AML-10-9-1-break-required", "AML-10-9-1-break-30"
WEEK = settings("2026-04-13", "2026-04-19")


def run(rule: str, *periods: WorkPeriod, **kw) -> list[Finding]:
    return CHECKS[rule](CheckContext(settings=WEEK, roster=roster(*periods), **kw))


@pytest.mark.parametrize(("minutes", "expected"), [(330, 0), (329, 0), (331, 1)])
def test_break_required_strictly_above_five_and_a_half_hours(minutes, expected):
    p = lasting("E", "2026-04-14 07:00", minutes / 60, break_minutes=0)
    fs = run(REQ, p)
    assert len(fs) == expected
    if expected:
        assert fs[0].employee == "E" and fs[0].window_start == p.start and fs[0].window_end == p.end
    assert run(REQ, lasting("E", "2026-04-14 07:00", minutes / 60, break_minutes=5)) == []


@pytest.mark.parametrize(
    ("minutes", "brk", "expected"),
    [(480, 30, 0), (480, 29, 1), (479, 20, 0), (481, 31, 0), (600, 0, 1)],
)
def test_thirty_minutes_from_eight_hours(minutes, brk, expected):
    fs = run(THIRTY, lasting("E", "2026-04-14 07:00", minutes / 60, break_minutes=brk))
    assert len(fs) == expected
    if expected:
        assert fs[0].measured == brk and fs[0].limit == 30


def test_unpaid_break_reduces_the_working_time():
    # 8 h elapsed with a 29-minute unpaid break: 7 h 31 min of work, below 8 h.
    p = period("E", "2026-04-14 07:00", "2026-04-14 15:00", break_minutes=29,
               break_counts_as_work=False)
    assert run(THIRTY, p) == []


def test_touching_periods_are_one_work_period():
    ps = [
        period("E", "2026-04-14 07:00", "2026-04-14 12:00", break_minutes=0),
        period("E", "2026-04-14 12:00", "2026-04-14 13:00", kind="overtime", break_minutes=0),
    ]
    fs = run(REQ, *ps)
    assert len(fs) == 1 and fs[0].window_end.hour == 13


def test_breaks_not_recorded_give_one_warning_only():
    ps = [period("E", f"2026-04-{d} 07:00", f"2026-04-{d} 17:00", break_minutes=None)
          for d in (13, 14, 15)]
    fs = run(REQ, *ps)
    assert len(fs) == 1
    assert fs[0].severity == Severity.warning and fs[0].employee is None and "3 work" in fs[0].message
    assert run(THIRTY, *ps) == []


def test_history_is_not_judged():
    h = history("E", "2026-04-10 07:00", "2026-04-10 17:00", break_minutes=0)
    assert run(REQ, history=(h,)) == []
