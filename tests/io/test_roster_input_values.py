"""The value parsers of the roster input (scheduler.io.roster.load): days, date-times, breaks, columns."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from scheduler.errors import InputError
from scheduler.io.roster.load import (
    parse_break,
    parse_columns,
    parse_datetime,
    parse_day,
)
from tests.io.roster_input_kit import aware

# --------------------------------------------------------------------------------------------
# Value parsers


def test_parse_day_accepts_dates_iso_norwegian_and_serials() -> None:
    assert parse_day(datetime(2026, 3, 2, 0, 0)) == date(2026, 3, 2)
    assert parse_day(date(2026, 3, 2)) == date(2026, 3, 2)
    assert parse_day("2026-03-02") == date(2026, 3, 2)
    assert parse_day("02.03.2026") == date(2026, 3, 2)
    assert parse_day(46083) == date(2026, 3, 2)  # Excel serial
    assert parse_day("Name") is None
    assert parse_day(12) is None  # a week number, not a date
    assert parse_day(None) is None


def test_parse_datetime_naive_is_oslo_and_offset_is_kept_as_instant() -> None:
    naive = parse_datetime("2026-03-02T07:30")
    with_offset = parse_datetime("2026-03-02T07:30+01:00")
    utc = parse_datetime("2026-03-02T06:30Z")
    assert naive == with_offset == utc
    assert naive.utcoffset() == timedelta(hours=1)
    summer = parse_datetime("2026-07-01 07:30")
    assert summer.utcoffset() == timedelta(hours=2)
    # An offset that is not Oslo's is the same instant, shown in Oslo time.
    assert parse_datetime("2026-03-02T07:30+00:00") == aware("2026-03-02 08:30")
    assert parse_datetime("02.03.2026 07:30") == naive
    assert parse_datetime(datetime(2026, 3, 2, 7, 30)) == naive  # an Excel date-time
    assert parse_datetime(46083 + 7.5 / 24) == naive  # an Excel serial with a fraction


@pytest.mark.parametrize("bad", ["", "2026-03-02", "tomorrow", "2026-13-02T07:00", date(2026, 3, 2)])
def test_parse_datetime_rejects_what_is_not_a_date_and_time(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_datetime(bad)


def test_parse_break_minutes_and_hmm() -> None:
    assert parse_break(30) == 30
    assert parse_break("45") == 45
    assert parse_break("0:30") == 30
    assert parse_break(None) is None
    assert parse_break("  ") is None
    for bad in ("-5", "half", "7.5"):
        with pytest.raises(ValueError):
            parse_break(bad)


def test_parse_columns() -> None:
    assert parse_columns("employee=Ansatt, start=Fra,end=Til") == {
        "employee": "Ansatt",
        "start": "Fra",
        "end": "Til",
    }
    assert parse_columns(None) == {}
    with pytest.raises(InputError) as exc:
        parse_columns("person=Ansatt,start")
    assert len(exc.value.issues) == 2
