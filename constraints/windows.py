"""The time windows of one problem, chosen once: which windows, over which range.

:mod:`scheduler.calendar` computes the primitives (a red day's § 10-10 segment, a night window,
a fixed week); this module decides which of them a problem uses and over which extent, once, for
the checker (:class:`constraints.base.CheckContext`) and the solver
(:class:`constraints.kernel.geometry.Geometry`) alike. Both hold a :class:`TimeWindows` built by
:func:`time_windows` from the settings and the history extent (:func:`extent`); rules only read
from it:

* ``day``, ``week``, ``night``: fixed day windows from the day boundary, fixed week windows from
  the week start, § 10-11 night windows (``settings.night_start`` – ``night_end``);
* ``red`` and ``sunday``: the Sundays and public holidays with their § 10-10 segments, and the
  merged § 10-10 windows;
* ``night_blocks``: the fixed 4-week blocks of the § 10-11 (6) night-work average, from the week
  start on or before the horizon's first day;
* :meth:`TimeWindows.nights`: night windows of another clock range (the tariff night 20–06, the
  ch. 11 youth nights), each computed once per object;
* :meth:`TimeWindows.blocks`: fixed multi-week blocks tiled from an anchor (by default the
  overtime year, :func:`year_anchor`: the § 10-6 blocks), each computed once per object;
* :meth:`TimeWindows.averaging_anchor`: where the blocks of a § 10-5 averaging arrangement start
  (the week start on or before its agreement's ``valid_from``, else the overtime year), and
  :meth:`TimeWindows.averaging_blocks`, the blocks tiled from it (the § 10-4 weekly average and
  the § 10-5 averaging period alike);
* the predicates :func:`is_weekend` / :func:`is_saturday` (the calendar's) and
  :func:`is_night_shift` (more than :data:`NIGHT_SHIFT_MINUTES` in the night windows).

The extent reaches back to the earliest history period (a week before it, for carry-in), to the
day before the last Sunday worked of the employee history (the § 10-8 (4) run), and at least 8
days before the horizon; forward to 2 days after it. A window outside the horizon holds no
planned work; rules that judge windows keep only those reaching into the horizon.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from constraints.limits.averaging import AveragingLimits
from scheduler import calendar as cal
from scheduler.clock import local_minutes
from scheduler.model import Agreement, Settings, Tier

# A work period (or shift) "works at night" when more than this many minutes fall in the
# § 10-11 night windows: the § 10-11 (6) regular-night-worker test, the § 10-11 (7) night shift
# and the night-shift count of the solver's fairness and the what-if figures.
NIGHT_SHIFT_MINUTES = 3 * 60

is_weekend = cal.is_weekend
is_saturday = cal.is_saturday
is_sunday = cal.is_sunday


def is_night_shift(night_minutes: float) -> bool:
    """Does a period with ``night_minutes`` in the night windows count as a night shift?"""
    return night_minutes > NIGHT_SHIFT_MINUTES


def year_anchor(settings: Settings) -> date:
    """Week start on or before 1 January of the horizon's first year: where fixed blocks tile."""
    return cal.week_start_on_or_before(date(settings.start.year, 1, 1), settings.week_start)


def fixed_blocks(
    settings: Settings, first_day: date, weeks: int, anchor: date | None = None
) -> list[cal.Window]:
    """Fixed blocks of ``weeks`` weeks tiled from ``anchor`` (default :func:`year_anchor`),
    covering ``first_day`` .. the day after the horizon."""
    a = anchor if anchor is not None else year_anchor(settings)
    a = cal.week_start_on_or_before(a, settings.week_start)
    step = 7 * weeks
    if first_day < a:
        back = -(-(a - first_day).days // step)
        a = a - timedelta(days=back * step)
    else:
        a = a + timedelta(days=((first_day - a).days // step) * step)
    return cal.week_windows(
        a, settings.end + timedelta(days=1), settings.week_start, settings.week_start_time, weeks
    )


def extent(
    settings: Settings, history_starts: Iterable[date] = (), last_sundays: Iterable[date] = ()
) -> tuple[date, date]:
    """The first and last day the windows of a problem cover (see the module docstring)."""
    first = settings.start - timedelta(days=8)
    hist = list(history_starts)
    if hist:
        first = min(first, min(hist) - timedelta(days=7))
    sundays = list(last_sundays)
    if sundays:
        first = min(first, min(sundays) - timedelta(days=1))
    return first, settings.end + timedelta(days=2)


@dataclass(frozen=True)
class TimeWindows:
    """The windows of one problem over ``[first, last]`` (built by :func:`time_windows`)."""

    settings: Settings
    first: date
    last: date
    horizon_start: int
    horizon_end: int
    day: list[cal.Window]
    week: list[cal.Window]
    night: list[cal.Window]
    red: list[cal.RedDay]
    sunday: list[cal.Window]
    night_blocks: list[cal.Window]
    agreements: tuple[Agreement, ...] = ()  # where § 10-5 averaging blocks start
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    is_weekend = staticmethod(is_weekend)
    is_saturday = staticmethod(is_saturday)
    is_sunday = staticmethod(is_sunday)
    is_night_shift = staticmethod(is_night_shift)

    def night_minutes(self, start: int, end: int) -> int:
        """Elapsed minutes of ``[start, end)`` inside the § 10-11 night windows."""
        return cal.overlap_minutes(self.night, start, end)

    def nights(self, start: time, end: time) -> list[cal.Window]:
        """Night windows of the clock range ``start``–``end`` (one per evening), once."""
        key = ("nights", start, end)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = cal.night_windows(self.first, self.last, start, end)
        return got

    def blocks(self, first_day: date, weeks: int, anchor: date | None = None) -> list[cal.Window]:
        """Fixed blocks of ``weeks`` weeks from ``anchor`` covering ``first_day`` .. the day after
        the horizon (:func:`fixed_blocks`), once."""
        key = ("blocks", first_day, weeks, anchor)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = fixed_blocks(self.settings, first_day, weeks, anchor)
        return got

    def averaging_agreement(self, emp: str, tier: Tier) -> Agreement | None:
        """The § 10-5 agreement of ``tier`` that applies to ``emp`` within the horizon: an
        individual one before a site-wide one, then the one that started last."""
        s, e = self.settings.start, self.settings.end
        best: Agreement | None = None
        for a in self.agreements:
            if a.family != AveragingLimits.KEY or a.tier != tier:
                continue
            if a.employee is not None and a.employee != emp:
                continue
            if (a.valid_from is not None and a.valid_from > e) or (
                a.valid_to is not None and a.valid_to < s
            ):
                continue
            key = (a.employee is not None, a.valid_from or date.min)
            if best is None or key > (best.employee is not None, best.valid_from or date.min):
                best = a
        return best

    def averaging_anchor(self, emp: str, tier: Tier) -> date:
        """Where ``emp``'s § 10-5 blocks at ``tier`` tile from: the agreement's ``valid_from``
        (to the week start on or before it), else the overtime year (:func:`year_anchor`)."""
        a = self.averaging_agreement(emp, tier)
        if a is not None and a.valid_from is not None:
            return a.valid_from
        return year_anchor(self.settings)

    def averaging_blocks(self, emp: str, tier: Tier, first_day: date, weeks: int
                         ) -> list[cal.Window]:
        """Blocks of ``weeks`` weeks tiled from :meth:`averaging_anchor`, covering
        ``first_day`` .. the day after the horizon."""
        return self.blocks(first_day, weeks, self.averaging_anchor(emp, tier))


def time_windows(
    settings: Settings, history_starts: Iterable[date] = (), last_sundays: Iterable[date] = (),
    agreements: Iterable[Agreement] = (),
) -> TimeWindows:
    """The one builder of a problem's :class:`TimeWindows` (the checker's and the solver's);
    ``agreements`` place the § 10-5 averaging blocks."""
    s = settings
    first, last = extent(s, history_starts, last_sundays)
    return TimeWindows(
        settings=s,
        first=first,
        last=last,
        horizon_start=local_minutes(s.start, s.day_boundary),
        horizon_end=local_minutes(s.end + timedelta(days=1), s.day_boundary),
        day=cal.day_windows(first, last, s.day_boundary),
        week=cal.week_windows(first, last, s.week_start, s.week_start_time),
        night=cal.night_windows(first, last, s.night_start, s.night_end),
        red=cal.red_days(first, last),
        sunday=cal.sunday_holiday_windows(first, last),
        night_blocks=cal.week_windows(s.start, s.end, s.week_start, s.week_start_time, weeks=4),
        agreements=tuple(agreements),
    )

