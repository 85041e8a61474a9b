"""§ 10-3 notice (AML-10-3-plan): exactly 14 days, just under, just over, and across DST."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from scheduler.clock import TZ
from scheduler.replan.notice import (
    NOTICE_DAYS,
    day_start,
    made_known_at,
    notice_deadline,
    within_notice,
)
from tests.rosterkit import dt

MINUTE = timedelta(minutes=1)


def test_exactly_fourteen_days_is_in_time() -> None:
    now = dt("2026-12-01 10:00")
    assert NOTICE_DAYS == 14
    assert not within_notice(now, dt("2026-12-15 10:00"))


def test_one_minute_short_is_within_the_notice() -> None:
    now = dt("2026-12-01 10:00")
    assert within_notice(now, dt("2026-12-15 10:00") - MINUTE)


def test_one_minute_over_is_in_time() -> None:
    now = dt("2026-12-01 10:00")
    assert not within_notice(now, dt("2026-12-15 10:00") + MINUTE)


def test_a_change_that_has_started_is_within_the_notice() -> None:
    now = dt("2026-12-10 10:00")
    assert within_notice(now, dt("2026-12-10 07:00"))


def test_notice_days_is_a_parameter() -> None:
    now = dt("2026-12-01 10:00")
    assert not within_notice(now, dt("2026-12-08 10:00"), notice_days=7)
    assert within_notice(now, dt("2026-12-08 10:00") - MINUTE, notice_days=7)
    assert within_notice(now, dt("2026-12-08 10:00"), notice_days=14)
    with pytest.raises(ValueError):
        notice_deadline(now, -1)


def test_spring_forward_takes_the_real_fourteen_days() -> None:
    # Summer time starts 29 March 2026: 14 wall-clock days from 20 March 10:00 are only 335 h;
    # the protective reading waits for 14 x 24 h of real time (3 April 11:00 summer time).
    now = dt("2026-03-20 10:00")
    assert notice_deadline(now) == dt("2026-04-03 11:00")
    assert within_notice(now, dt("2026-04-03 10:00"))
    assert within_notice(now, dt("2026-04-03 11:00") - MINUTE)
    assert not within_notice(now, dt("2026-04-03 11:00"))


def test_fall_back_takes_the_wall_clock_fourteen_days() -> None:
    # Summer time ends 25 October 2026: 14 x 24 h from 20 October 10:00 end at 09:00 on
    # 3 November; the protective reading waits for the wall clock's 10:00 (337 h).
    now = dt("2026-10-20 10:00")
    assert notice_deadline(now) == dt("2026-11-03 10:00")
    assert within_notice(now, dt("2026-11-03 09:30"))
    assert not within_notice(now, dt("2026-11-03 10:00"))
    assert notice_deadline(now).timestamp() - now.timestamp() == (14 * 24 + 1) * 3600


def test_a_day_off_takes_effect_at_the_start_of_the_day() -> None:
    assert day_start(date(2026, 12, 15)) == dt("2026-12-15 00:00")
    assert day_start(date(2026, 12, 15), time(6, 0)) == dt("2026-12-15 06:00")
    now = dt("2026-12-01 10:00")
    # A shift at 12:00 on 15 December is in time, a change to the day off there is not.
    assert not within_notice(now, dt("2026-12-15 12:00"))
    assert within_notice(now, day_start(date(2026, 12, 15)))


def test_a_bare_date_is_made_known_at_the_end_of_the_day() -> None:
    known = made_known_at(date(2026, 12, 1))
    assert known == dt("2026-12-02 00:00")
    assert within_notice(known, dt("2026-12-15 23:00"))
    assert not within_notice(known, dt("2026-12-16 00:00"))
    assert made_known_at(datetime(2026, 12, 1, 9, 0)) == dt("2026-12-01 09:00")
    aware = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
    assert made_known_at(aware) is aware


def test_naive_moments_are_refused() -> None:
    with pytest.raises(ValueError):
        within_notice(datetime(2026, 12, 1, 10), dt("2026-12-20 10:00"))
    with pytest.raises(ValueError):
        within_notice(dt("2026-12-01 10:00"), datetime(2026, 12, 20, 10))
