"""Wall-clock time in Europe/Oslo as elapsed minutes (DST-safe)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from scheduler.clock import TZ, elapsed_minutes, from_minutes, iso, local, local_minutes, to_minutes
from scheduler.model import ShiftType

NIGHT = ShiftType(code="N", start=time(22, 0), end=time(7, 0))


def test_epoch_minutes_round_trip():
    dt = datetime(2026, 4, 1, 7, 30, tzinfo=TZ)
    m = to_minutes(dt)
    assert m == to_minutes(datetime(2026, 4, 1, 5, 30, tzinfo=UTC))
    assert from_minutes(m) == dt
    assert iso(m) == "2026-04-01T07:30:00+02:00"


def test_naive_datetimes_are_oslo_wall_clock():
    assert to_minutes(datetime(2026, 1, 15, 12, 0)) == to_minutes(
        datetime(2026, 1, 15, 11, 0, tzinfo=UTC))


def test_night_shift_over_autumn_dst_lasts_ten_hours():
    start, end = NIGHT.interval_on(date(2026, 10, 24))  # clocks go back 25 Oct 03:00 -> 02:00
    assert elapsed_minutes(start, end) == 10 * 60
    assert NIGHT.nominal_minutes() == 9 * 60


def test_night_shift_over_spring_dst_lasts_eight_hours():
    start, end = NIGHT.interval_on(date(2026, 3, 28))  # clocks go forward 29 Mar 02:00 -> 03:00
    assert elapsed_minutes(start, end) == 8 * 60


def test_ordinary_night_lasts_nine_hours():
    start, end = NIGHT.interval_on(date(2026, 4, 4))
    assert elapsed_minutes(start, end) == 9 * 60


def test_local_minutes_across_the_spring_gap():
    # 02:30 does not exist on 29 March 2026; zoneinfo maps it one hour on (03:30 CEST)
    assert local_minutes(date(2026, 3, 29), time(2, 30)) == local_minutes(
        date(2026, 3, 29), time(3, 30))
    assert local(date(2026, 3, 29), time(1, 0)).utcoffset().total_seconds() == 3600
    assert local(date(2026, 3, 29), time(4, 0)).utcoffset().total_seconds() == 7200


def test_day_lengths_on_dst_days():
    def day_minutes(d: date) -> int:
        return local_minutes(date.fromordinal(d.toordinal() + 1), time(0)) - local_minutes(
            d, time(0))

    assert day_minutes(date(2026, 3, 29)) == 23 * 60
    assert day_minutes(date(2026, 10, 25)) == 25 * 60
    assert day_minutes(date(2026, 4, 1)) == 24 * 60
