"""Calendar and time windows, computed once, in one place.

* Norwegian public holidays come from the ``holidays`` package (Helligdagsloven and the 1947 act
  on 1 and 17 May).
* § 10-10 (1) Sunday/holiday windows (``AML-10-10-1-window``): from 18:00 the day before a Sunday
  or holiday until 22:00 on that day; from 15:00 when the day before is Christmas Eve, Easter
  Saturday or Whit Saturday; from 22:00 the day before 1 and 17 May when that day is no Sunday or
  church holiday (the day before is an ordinary working day). Consecutive Sundays/holidays merge
  into one window ending 22:00 on the last. Saturday is a working day (spec open question 16).
* § 10-11 (1) night windows (``AML-10-11-1-window``): 21:00–06:00 by default, configurable.
* Fixed 24-hour windows from the day boundary (a calendar *døgn*, so 23 or 25 real hours on DST
  days) and fixed 7-day windows from the week start.

All windows are half-open ``[start, end)`` in integer minutes since the Unix epoch (see
``scheduler.clock``), so they can be intersected with work periods directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache

import holidays as _holidays

from scheduler.clock import local_minutes

SATURDAY = 5
SUNDAY = 6
_MAY_DAYS = {(5, 1), (5, 17)}


@dataclass(frozen=True, slots=True)
class Window:
    start: int  # minutes since epoch, inclusive
    end: int  # exclusive
    label: str = ""

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))

    def contains(self, minute: int) -> bool:
        return self.start <= minute < self.end


@dataclass(frozen=True, slots=True)
class RedDay:
    """A Sunday or public holiday and the part of its § 10-10 window that belongs to it.

    ``segment`` runs from the window's opening (or the previous red day's 22:00) to 22:00 on
    ``day``; work in the eve part counts for the first red day of the window (the employee-
    protective reading of spec open question 17, which the § 10-8 (4) rule flags as a warning).
    """

    day: date
    name: str
    segment: Window
    window_index: int

    @property
    def firm_start(self) -> int:
        """Where the part of the segment begins in which any work *firmly* works this red day
        for § 10-8 (4): the whole segment for a plain Sunday (eve work on Saturday from 18:00
        is Sunday work), local midnight for a public holiday (work only in a holiday's eve
        part counts too, but a finding resting on it is a warning: open question 17). The
        checker and the solver both classify work — planned or history — by this one edge."""
        if self.name == "Sunday":
            return self.segment.start
        return max(self.segment.start, local_minutes(self.day, time(0, 0)))


@lru_cache(maxsize=64)
def _norway(years: tuple[int, ...]) -> _holidays.HolidayBase:
    return _holidays.Norway(years=list(years))


def public_holidays(start: date, end: date) -> dict[date, str]:
    """Public holidays (not ordinary Sundays) between two dates, inclusive."""
    table = _norway(tuple(range(start.year, end.year + 1)))
    return {d: "; ".join(table.get_list(d)) for d in sorted(table) if start <= d <= end}


def _is_church_or_sunday(day: date, hols: dict[date, str]) -> bool:
    """A Sunday, or a holiday other than a plain 1/17 May (which have the 22:00 eve rule)."""
    if day.weekday() == SUNDAY:
        return True
    name = hols.get(day)
    if name is None:
        return False
    if (day.month, day.day) in _MAY_DAYS:
        return ";" in name  # 17 May that is also Whit Monday, Ascension, …
    return True


def is_weekend(day: date) -> bool:
    """Saturday or Sunday: the one weekend test of the checker, the solver, the figures and the
    workbook (red days are a separate question: :func:`is_red_day`)."""
    return day.weekday() >= SATURDAY


def is_saturday(day: date) -> bool:
    return day.weekday() == SATURDAY


def is_sunday(day: date) -> bool:
    return day.weekday() == SUNDAY


def is_red_day(day: date, hols: dict[date, str] | None = None) -> bool:
    if hols is None:
        hols = public_holidays(day, day)
    return day.weekday() == SUNDAY or day in hols


def _eve_start(day: date, hols: dict[date, str]) -> int:
    """When the § 10-10 window of a red day opens, taken on its own."""
    eve = day - timedelta(days=1)
    if not _is_church_or_sunday(day, hols):  # plain 1 or 17 May
        return local_minutes(eve, time(22, 0))
    names = {n.strip() for n in hols.get(day, "").split(";")}
    easter_saturday = "Easter Sunday" in names
    whit_saturday = "Pentecost" in names
    christmas_eve = eve.month == 12 and eve.day == 24
    if christmas_eve or easter_saturday or whit_saturday:
        return local_minutes(eve, time(15, 0))
    return local_minutes(eve, time(18, 0))


def red_days(start: date, end: date) -> list[RedDay]:
    """Sundays and public holidays in ``[start, end]`` with their window segments.

    Windows are merged across consecutive red days; each red day is tagged with the index of its
    merged window (the same index means the same § 10-10 window).
    """
    return list(_red_days(start, end))


@lru_cache(maxsize=4096)
def _red_days(start: date, end: date) -> tuple[RedDay, ...]:
    # Look one day beyond each end so windows that reach into the range are complete.
    hols = public_holidays(start - timedelta(days=1), end + timedelta(days=1))
    days = []
    d = start - timedelta(days=1)
    while d <= end + timedelta(days=1):
        if d.weekday() == SUNDAY or d in hols:
            days.append(d)
        d += timedelta(days=1)
    out: list[RedDay] = []
    window_index = -1
    prev_end: int | None = None
    for day in days:
        opens = _eve_start(day, hols)
        closes = local_minutes(day, time(22, 0))
        if prev_end is not None and opens <= prev_end:
            seg_start = prev_end
        else:
            window_index += 1
            seg_start = opens
        name = hols.get(day, "Sunday")
        if day.weekday() == SUNDAY and day in hols:
            name = f"Sunday; {name}"
        out.append(RedDay(day, name, Window(seg_start, closes, day.isoformat()), window_index))
        prev_end = closes
    return tuple(r for r in out if start <= r.day <= end)


def sunday_holiday_windows(start: date, end: date) -> list[Window]:
    """Merged § 10-10 (1) windows for the red days in ``[start, end]``."""
    merged: dict[int, Window] = {}
    for r in red_days(start, end):
        w = merged.get(r.window_index)
        if w is None:
            merged[r.window_index] = Window(r.segment.start, r.segment.end, r.day.isoformat())
        else:
            first = w.label.split("..")[0]
            merged[r.window_index] = Window(w.start, r.segment.end, f"{first}..{r.day.isoformat()}")
    return [merged[k] for k in sorted(merged)]


@lru_cache(maxsize=4096)
def red_day_after_horizon(last_day: date, horizon_end: int, window_end: int) -> bool:
    """Does a Sunday/holiday segment end after the horizon (last day ``last_day``, ending at
    ``horizon_end``) and before ``window_end``? Such a red day lies outside the input, so a week
    reaching it is not judged on whether its rest holds a Sunday (checker and solver alike)."""
    from scheduler.clock import from_minutes

    days = red_days(last_day + timedelta(days=1), from_minutes(window_end).date())
    return any(horizon_end <= r.segment.end - 1 < window_end for r in days)


def night_windows(
    start: date, end: date, night_start: time = time(21, 0), night_end: time = time(6, 0)
) -> list[Window]:
    """One § 10-11 night window per evening from the day before ``start`` to ``end``."""
    out = []
    d = start - timedelta(days=1)
    while d <= end:
        s = local_minutes(d, night_start)
        end_day = d + timedelta(days=1) if night_end <= night_start else d
        out.append(Window(s, local_minutes(end_day, night_end), d.isoformat()))
        d += timedelta(days=1)
    return out


def day_windows(start: date, end: date, boundary: time = time(0, 0)) -> list[Window]:
    """Fixed 24-hour windows (one per calendar day) starting at the day boundary."""
    out = []
    d = start
    while d <= end:
        out.append(
            Window(local_minutes(d, boundary), local_minutes(d + timedelta(days=1), boundary),
                   d.isoformat())
        )
        d += timedelta(days=1)
    return out


def week_start_on_or_before(day: date, week_start: int = 0) -> date:
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def week_windows(
    start: date, end: date, week_start: int = 0, boundary: time = time(0, 0), weeks: int = 1
) -> list[Window]:
    """Fixed windows of ``weeks`` × 7 days from the week start, covering ``[start, end]``."""
    out = []
    d = week_start_on_or_before(start, week_start)
    while d <= end:
        nxt = d + timedelta(days=7 * weeks)
        out.append(Window(local_minutes(d, boundary), local_minutes(nxt, boundary), d.isoformat()))
        d = nxt
    return out


def overlap_minutes(windows: list[Window], start: int, end: int) -> int:
    """Minutes of ``[start, end)`` that fall inside any of the (disjoint) windows."""
    return sum(w.overlap(start, end) for w in windows)


def guidance_sunday_windows(start: date, end: date) -> list[Window]:
    """The "Sunday" of the § 10-4 (5) guidance test (spec ``AML-10-4-5-weekly-36``): Saturday
    22:00 to Sunday 22:00, one window per Sunday in ``[start, end]``."""
    out = []
    d = start + timedelta(days=(SUNDAY - start.weekday()) % 7)
    while d <= end:
        out.append(Window(local_minutes(d - timedelta(days=1), time(22, 0)),
                          local_minutes(d, time(22, 0)), d.isoformat()))
        d += timedelta(days=7)
    return out
