"""Cell parsers: each spelling people type, and the issue (at the cell) for what is wrong."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from scheduler.errors import Collector
from scheduler.io import cells as C


def where() -> C.Where:
    return C.Where(Collector("f.xlsx"), "Sheet", "B7")


def parse(fn, value, **kw):
    w = where()
    result = fn(value, w, **kw)
    return result, [(i.sheet, i.cell, i.message) for i in w.out.issues]


@pytest.mark.parametrize("value,expected", [
    (datetime(2026, 4, 1, 0, 0), date(2026, 4, 1)),
    (date(2026, 4, 1), date(2026, 4, 1)),
    (46113, date(2026, 4, 1)),
    (46113.0, date(2026, 4, 1)),
    ("2026-04-01", date(2026, 4, 1)),
    ("2026-4-1", date(2026, 4, 1)),
    ("01.04.2026", date(2026, 4, 1)),
    ("1.4.2026", date(2026, 4, 1)),
    ("01/04/2026", date(2026, 4, 1)),
    (" 2026-04-01 00:00 ", date(2026, 4, 1)),
])
def test_dates(value, expected):
    assert parse(C.parse_date, value) == (expected, [])


@pytest.mark.parametrize("value", ["2026-02-30", "tomorrow", 46113.5, -3, "32.01.2026", True])
def test_bad_dates_are_reported_at_the_cell(value):
    result, issues = parse(C.parse_date, value)
    assert result is None
    assert len(issues) == 1 and issues[0][:2] == ("Sheet", "B7")
    assert "expected a date" in issues[0][2]


def test_empty_is_none_without_issue():
    for fn in (C.parse_date, C.parse_time, C.parse_datetime, C.parse_number, C.parse_percent):
        assert parse(fn, None) == (None, [])
        assert parse(fn, "   ") == (None, [])


@pytest.mark.parametrize("value,expected", [
    (time(7, 30), time(7, 30)),
    (datetime(1899, 12, 30, 7, 30), time(7, 30)),
    (0.3125, time(7, 30)),
    (0.0, time(0, 0)),
    (timedelta(hours=22), time(22, 0)),
    ("07:30", time(7, 30)),
    ("7:30", time(7, 30)),
    ("7.30", time(7, 30)),
    ("0730", time(7, 30)),
    ("7", time(7, 0)),
    ("22:00:00", time(22, 0)),
    ("24:00", time(0, 0)),
    ("23:59", time(23, 59)),
])
def test_times(value, expected):
    assert parse(C.parse_time, value) == (expected, [])


@pytest.mark.parametrize("value", ["24:01", "7:60", "25:00", "noon", 7.3, 730, 1.0])
def test_bad_times(value):
    result, issues = parse(C.parse_time, value)
    assert result is None and len(issues) == 1 and "clock time" in issues[0][2]


def test_datetimes_are_oslo_wall_clock():
    dt, issues = parse(C.parse_datetime, "2026-03-31 22:00")
    assert issues == [] and dt.isoformat() == "2026-03-31T22:00:00+02:00"
    dt, _ = parse(C.parse_datetime, "31.01.2026 07:30")
    assert dt.isoformat() == "2026-01-31T07:30:00+01:00"
    dt, _ = parse(C.parse_datetime, datetime(2026, 10, 25, 1, 30))
    assert dt.utcoffset() == timedelta(hours=2)  # the first (summer-time) 01:30
    dt, _ = parse(C.parse_datetime, 46112.9166666667)  # Excel serial 2026-03-31 22:00
    assert dt.isoformat() == "2026-03-31T22:00:00+02:00"
    assert parse(C.parse_datetime, "31.03.2026 kl 22")[0] is None


@pytest.mark.parametrize("value,expected", [
    ("yes", True), ("Ja", True), ("TRUE", True), ("x", True), (1, True), (True, True),
    ("no", False), ("nei", False), ("false", False), (0, False), ("0", False), (False, False),
])
def test_bools(value, expected):
    assert parse(C.parse_bool, value) == (expected, [])


def test_bool_default_and_bad_value():
    assert parse(C.parse_bool, None, default=True) == (True, [])
    result, issues = parse(C.parse_bool, "maybe", default=False)
    assert result is False and issues[0][2] == "expected yes or no, found 'maybe'"


def test_numbers():
    assert parse(C.parse_number, "7,5") == (7.5, [])
    assert parse(C.parse_number, "1 000") == (1000.0, [])
    assert parse(C.parse_number, 3, integer=True) == (3, [])
    assert parse(C.parse_number, 10, maximum=10) == (10.0, [])  # at the bound
    result, issues = parse(C.parse_number, 10.5, maximum=10)  # just over
    assert result is None and "above the largest allowed value 10" in issues[0][2]
    result, issues = parse(C.parse_number, 2.5, integer=True)
    assert result is None and "whole number" in issues[0][2]
    result, issues = parse(C.parse_number, "abc")
    assert result is None and issues[0][2] == "expected a number, found text 'abc'"
    assert parse(C.parse_number, True)[0] is None


@pytest.mark.parametrize("value,kw,expected", [
    (80, {}, 80.0),
    ("80 %", {}, 80.0),
    ("80%", {}, 80.0),
    ("75,5 %", {}, 75.5),
    (0.8, {}, 80.0),
    (1.0, {}, 100.0),
    (1, {}, 1.0),  # a whole 1 is 1 %
    (0.8, {"fraction_ok": False}, 0.8),
    (1, {"cell_is_percent": True}, 100.0),
    (0, {}, 0.0),
    (100, {}, 100.0),
])
def test_percentages(value, kw, expected):
    assert parse(C.parse_percent, value, **kw) == (expected, [])


@pytest.mark.parametrize("value", [100.5, 120, -1, "120 %", "lots"])
def test_bad_percentages(value):
    result, issues = parse(C.parse_percent, value)
    assert result is None and len(issues) == 1


def test_text_of_numbers_and_ids():
    assert C.text(1042.0) == "1042"
    assert C.text("  A\xa0") == "A"
    assert C.text("") is None and C.text(None) is None
