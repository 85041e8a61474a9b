"""The one time-windows object (issue #21 item 1): the checker and the solver read the same."""

from __future__ import annotations

from datetime import date, time

from constraints.base import CheckContext
from constraints.kernel.geometry import Geometry
from constraints.windows import (
    NIGHT_SHIFT_MINUTES,
    extent,
    is_night_shift,
    time_windows,
    year_anchor,
)
from scheduler import calendar as cal
from scheduler.model import Problem, ShiftType, Tier
from tests.rosterkit import agreement, employee, employee_history, history, roster, settings


def _problem() -> Problem:
    return Problem(
        settings=settings("2026-04-06", "2026-04-19"),
        shifts=(ShiftType(code="N", start=time(21, 0), end=time(7, 0)),),
        employees=(employee("A"), employee("B")),
        history=(history("A", "2026-03-10 07:00", "2026-03-10 15:00"),),
        employee_history=(employee_history("B", last_sunday_worked=date(2026, 2, 22)),),
    )


def test_the_checker_and_the_solver_hold_the_same_windows() -> None:
    p = _problem()
    ctx = CheckContext(p.settings, roster(), employees={e.id: e for e in p.employees},
                       history=p.history,
                       employee_history={h.employee: h for h in p.employee_history})
    geo = Geometry(p)
    assert ctx.windows == geo.windows == time_windows(
        p.settings, [date(2026, 3, 10)], [date(2026, 2, 22)])
    # one way in: the windows are read from ``windows`` only (no views under older names)
    assert not any(hasattr(o, n) for o in (ctx, geo)
                   for n in ("day_windows", "week_windows", "night_windows", "red_days", "red"))
    assert (ctx.horizon_start, ctx.horizon_end) == (geo.horizon_start, geo.horizon_end)


def test_the_extent_reaches_the_history_and_the_last_sunday_worked() -> None:
    s = settings("2026-04-06", "2026-04-19")
    assert extent(s) == (date(2026, 3, 29), date(2026, 4, 21))
    assert extent(s, [date(2026, 3, 10)]) == (date(2026, 3, 3), date(2026, 4, 21))
    assert extent(s, [date(2026, 3, 10)], [date(2026, 2, 22)])[0] == date(2026, 2, 21)
    w = time_windows(s, [date(2026, 3, 10)], [date(2026, 2, 22)])
    assert w.red[0].day == date(2026, 2, 22)  # the run of red days worked reaches back to it
    assert w.day[0].label == "2026-02-21" and w.day[-1].label == "2026-04-21"


def test_night_shift_predicate_at_the_limit() -> None:
    assert NIGHT_SHIFT_MINUTES == 180
    assert not is_night_shift(179)
    assert not is_night_shift(180)  # "more than 3 h"
    assert is_night_shift(180.5)
    assert is_night_shift(181)


def test_weekend_predicates() -> None:
    fri, sat, sun = date(2026, 4, 10), date(2026, 4, 11), date(2026, 4, 12)
    assert [cal.is_weekend(d) for d in (fri, sat, sun)] == [False, True, True]
    assert [cal.is_saturday(d) for d in (fri, sat, sun)] == [False, True, False]
    assert [cal.is_sunday(d) for d in (fri, sat, sun)] == [False, False, True]


def test_other_night_ranges_and_blocks_are_computed_once() -> None:
    w = time_windows(settings("2026-04-06", "2026-04-19"))
    tariff = w.nights(time(20, 0), time(6, 0))
    assert w.nights(time(20, 0), time(6, 0)) is tariff
    assert tariff[0].label == "2026-03-28" and tariff[-1].label == "2026-04-21"
    assert [b.end - b.start for b in tariff[:3]] == [540, 600, 600]  # 20–06; the DST night 1 h short
    assert w.blocks(date(2026, 3, 29), 4) is w.blocks(date(2026, 3, 29), 4)
    # The § 10-11 (6) 4-week blocks tile from the week start on or before the horizon's start.
    assert w.night_blocks[0].label == "2026-04-06"
    assert w.night_blocks[0].end - w.night_blocks[0].start == 28 * 1440


def test_averaging_blocks_tile_from_the_agreement_that_applies() -> None:
    s = settings("2026-04-06", "2026-04-19")
    site = agreement("10-5", "T3_TARIFF_REPS", valid_from="2026-03-04", period_weeks=4)  # a Wednesday
    own = agreement("10-5", "T3_TARIFF_REPS", "A", valid_from="2026-02-16", period_weeks=4)
    later = agreement("10-5", "T3_TARIFF_REPS", valid_from="2026-03-30", period_weeks=4)
    ended = agreement("10-5", "T3_TARIFF_REPS", valid_from="2026-03-23", valid_to="2026-04-05")
    w = time_windows(s, agreements=[site, own, ended])
    assert w.averaging_anchor("A", Tier.T3_TARIFF_REPS) == date(2026, 2, 16)  # individual first
    assert w.averaging_anchor("B", Tier.T3_TARIFF_REPS) == date(2026, 3, 4)  # ended one skipped
    assert w.averaging_anchor("B", Tier.T2_INDIVIDUAL) == year_anchor(s)  # none at that tier
    assert time_windows(s, agreements=[site, later]).averaging_anchor(
        "B", Tier.T3_TARIFF_REPS) == date(2026, 3, 30)  # the one that started last
    blocks = w.averaging_blocks("B", Tier.T3_TARIFF_REPS, date(2026, 3, 29), 4)
    assert blocks[0].label == "2026-03-02"  # the week start on or before 4 March
    assert blocks is w.averaging_blocks("B", Tier.T3_TARIFF_REPS, date(2026, 3, 29), 4)
    assert all(b.end - b.start in (28 * 1440, 28 * 1440 - 60) for b in blocks)  # DST: 1 h short
