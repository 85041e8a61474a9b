"""Calendar windows: holidays, § 10-10 Sunday/holiday windows, night, day and week windows."""

from __future__ import annotations

from datetime import date, time

from scheduler.calendar import (
    Window,
    day_windows,
    is_red_day,
    night_windows,
    overlap_minutes,
    public_holidays,
    red_days,
    sunday_holiday_windows,
    week_start_on_or_before,
    week_windows,
)
from scheduler.clock import iso, local_minutes


def spans(windows: list[Window]) -> list[tuple[str, str]]:
    return [(iso(w.start), iso(w.end)) for w in windows]


def test_easter_2026_holidays():
    hols = public_holidays(date(2026, 3, 1), date(2026, 5, 31))
    assert sorted(hols) == [date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 5),
                            date(2026, 4, 6), date(2026, 5, 1), date(2026, 5, 14),
                            date(2026, 5, 17), date(2026, 5, 24), date(2026, 5, 25)]


def test_easter_2026_windows():
    got = spans(sunday_holiday_windows(date(2026, 4, 1), date(2026, 4, 7)))
    assert got == [
        ("2026-04-01T18:00:00+02:00", "2026-04-03T22:00:00+02:00"),  # Maundy Thu + Good Fri
        ("2026-04-04T15:00:00+02:00", "2026-04-06T22:00:00+02:00"),  # Easter Sun + Mon
    ]


def test_easter_saturday_before_15_is_not_protected():
    (w1, w2) = sunday_holiday_windows(date(2026, 4, 1), date(2026, 4, 7))
    sat_1459 = local_minutes(date(2026, 4, 4), time(14, 59))
    sat_1500 = local_minutes(date(2026, 4, 4), time(15, 0))
    assert not w1.contains(sat_1459) and not w2.contains(sat_1459)
    assert w2.contains(sat_1500)


def test_whit_monday_2027_is_constitution_day_once():
    hols = public_holidays(date(2027, 5, 1), date(2027, 5, 31))
    assert sorted(hols) == [date(2027, 5, 1), date(2027, 5, 6), date(2027, 5, 16),
                            date(2027, 5, 17)]
    assert "Constitution Day" in hols[date(2027, 5, 17)]
    assert "Pentecost Monday" in hols[date(2027, 5, 17)] or "Whit" in hols[date(2027, 5, 17)]
    days = [r.day for r in red_days(date(2027, 5, 15), date(2027, 5, 18))]
    assert days == [date(2027, 5, 16), date(2027, 5, 17)]  # de-duplicated


def test_whitsun_2027_window():
    got = spans(sunday_holiday_windows(date(2027, 5, 15), date(2027, 5, 18)))
    assert got == [("2027-05-15T15:00:00+02:00", "2027-05-17T22:00:00+02:00")]


def test_easter_2027():
    hols = public_holidays(date(2027, 3, 20), date(2027, 3, 31))
    assert sorted(hols) == [date(2027, 3, 25), date(2027, 3, 26), date(2027, 3, 28),
                            date(2027, 3, 29)]


def test_christmas_2026_window():
    got = spans(sunday_holiday_windows(date(2026, 12, 24), date(2026, 12, 27)))
    assert got == [("2026-12-24T15:00:00+01:00", "2026-12-27T22:00:00+01:00")]


def test_first_of_may_on_a_weekday_opens_at_22_the_day_before():
    assert date(2026, 5, 1).weekday() == 4  # Friday
    got = spans(sunday_holiday_windows(date(2026, 5, 1), date(2026, 5, 1)))
    assert got == [("2026-04-30T22:00:00+02:00", "2026-05-01T22:00:00+02:00")]
    (w,) = sunday_holiday_windows(date(2026, 5, 1), date(2026, 5, 1))
    assert not w.contains(local_minutes(date(2026, 4, 30), time(21, 59)))
    assert w.contains(local_minutes(date(2026, 4, 30), time(22, 0)))


def test_seventeenth_of_may_on_a_sunday_is_an_ordinary_sunday_window():
    got = spans(sunday_holiday_windows(date(2026, 5, 17), date(2026, 5, 17)))
    assert got == [("2026-05-16T18:00:00+02:00", "2026-05-17T22:00:00+02:00")]


def test_ordinary_sunday_window_and_half_open_end():
    (w,) = sunday_holiday_windows(date(2026, 4, 12), date(2026, 4, 12))
    assert spans([w]) == [("2026-04-11T18:00:00+02:00", "2026-04-12T22:00:00+02:00")]
    sunday_22 = local_minutes(date(2026, 4, 12), time(22, 0))
    assert not w.contains(sunday_22) and w.contains(sunday_22 - 1)
    # Saturday E shift 15:00-22:30 overlaps 18:00-22:30 of the Sunday window
    sat_e = (local_minutes(date(2026, 4, 11), time(15)), local_minutes(date(2026, 4, 11),
                                                                      time(22, 30)))
    assert w.overlap(*sat_e) == 270


def test_red_day_segments_share_a_window_index():
    rd = red_days(date(2026, 4, 1), date(2026, 4, 12))
    assert [(r.day.day, r.window_index) for r in rd] == [(2, 0), (3, 0), (5, 1), (6, 1),
                                                         (12, 2)]
    assert is_red_day(date(2026, 4, 3)) and not is_red_day(date(2026, 4, 4))


def test_night_windows_default_and_custom():
    ws = night_windows(date(2026, 4, 1), date(2026, 4, 2))
    assert spans(ws) == [
        ("2026-03-31T21:00:00+02:00", "2026-04-01T06:00:00+02:00"),
        ("2026-04-01T21:00:00+02:00", "2026-04-02T06:00:00+02:00"),
        ("2026-04-02T21:00:00+02:00", "2026-04-03T06:00:00+02:00"),
    ]
    custom = night_windows(date(2026, 4, 1), date(2026, 4, 1), time(22), time(7))
    assert spans(custom)[1] == ("2026-04-01T22:00:00+02:00", "2026-04-02T07:00:00+02:00")
    # a night shift 22:00-08:00 holds 8 h of default night
    n = (local_minutes(date(2026, 4, 1), time(22)), local_minutes(date(2026, 4, 2), time(8)))
    assert overlap_minutes(ws, *n) == 8 * 60


def test_night_window_over_spring_dst_is_eight_hours():
    before, after = night_windows(date(2026, 3, 29), date(2026, 3, 29))
    assert before.label == "2026-03-28" and before.end - before.start == 8 * 60
    assert after.label == "2026-03-29" and after.end - after.start == 9 * 60
    autumn = night_windows(date(2026, 10, 25), date(2026, 10, 25))[0]
    assert autumn.end - autumn.start == 10 * 60


def test_day_windows_follow_the_day_boundary_and_dst():
    ws = day_windows(date(2026, 3, 28), date(2026, 3, 30), boundary=time(6, 0))
    assert [w.end - w.start for w in ws] == [23 * 60, 24 * 60, 24 * 60]
    assert iso(ws[0].start) == "2026-03-28T06:00:00+01:00"


def test_week_windows_monday_and_other_week_start():
    mon = week_windows(date(2026, 4, 1), date(2026, 4, 30))
    assert iso(mon[0].start) == "2026-03-30T00:00:00+02:00"
    assert len(mon) == 5 and iso(mon[-1].end) == "2026-05-04T00:00:00+02:00"
    sun = week_windows(date(2026, 4, 1), date(2026, 4, 30), week_start=6, boundary=time(22))
    assert iso(sun[0].start) == "2026-03-29T22:00:00+02:00"
    assert all(w.end - w.start == 7 * 24 * 60 for w in sun[1:])
    # the first window crosses the spring change (29 March 02:00): 7 days minus an hour
    dst = week_windows(date(2026, 3, 23), date(2026, 3, 29))
    assert dst[0].end - dst[0].start == 7 * 24 * 60 - 60
    four = week_windows(date(2026, 4, 1), date(2026, 4, 30), weeks=4)
    assert len(four) == 2 and four[0].end - four[0].start == 28 * 24 * 60
    assert week_start_on_or_before(date(2026, 4, 1), 6) == date(2026, 3, 29)
    assert week_start_on_or_before(date(2026, 3, 29), 6) == date(2026, 3, 29)
