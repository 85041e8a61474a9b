"""The opt-in hospital tariff profile: TAR-week-355/336, TAR-daily-125, TAR-weekend-freq."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from constraints.base import CheckContext, Finding, Severity
from constraints.tariff import RULES
from constraints.tariff.check import CHECKS
from scheduler.model import Tier, WorkPeriod
from tests.rosterkit import agreement, period, roster, settings

W355, W336, D125, WKND = "TAR-week-355", "TAR-week-336", "TAR-daily-125", "TAR-weekend-freq"
FOUR = settings("2026-09-07", "2026-10-04")  # Mon-Sun, 4 weeks, no holidays, no DST
MON = date(2026, 9, 7)


def run(rule: str, s, *periods: WorkPeriod, tariff: bool = True, **kw) -> list[Finding]:
    ctx = CheckContext(settings=s, roster=roster(*periods), tariff_profile=tariff, **kw)
    return CHECKS[rule](ctx)


def at(d: date, start: str, end: str) -> WorkPeriod:
    end_day = d + timedelta(days=1) if end <= start else d
    return period("E", f"{d} {start}", f"{end_day} {end}")


def weekly(pattern: list[tuple[int, str, str]]) -> list[WorkPeriod]:
    """The same week four times: (weekday 0=Mon, start, end)."""
    return [at(MON + timedelta(days=7 * w + wd), a, b) for w in range(4) for wd, a, b in pattern]


def reduced_week(normal: float, sunday: float, night: float) -> float:
    raw = 37.5 * normal / (normal + sunday * 10 / 60 + night * 15 / 60)
    return min(35.5, max(33.6, raw))


def test_profile_is_opt_in() -> None:
    ps = weekly([(0, "07:00", "16:00"), (1, "07:00", "16:00"), (2, "07:00", "16:00"),
                 (3, "13:30", "22:30")])
    long = [at(MON, "07:00", "20:00")]
    for rule, p in ((W355, ps), (D125, long), (WKND, ps)):
        assert run(rule, FOUR, *p, tariff=False) == []
    assert all(r.opt_in for r in RULES)


# -- TAR-week-355 ------------------------------------------------------------------------------


@pytest.mark.parametrize(("evening_end", "expected"), [
    ("22:00", None),  # 3 x 9 + 8.5 = 35.5 h: at the limit
    ("21:59", None),
    ("22:01", 35.52),
])
def test_week_355_rota_by_tariff_night(evening_end: str, expected: float | None) -> None:
    ps = weekly([(0, "07:00", "16:00"), (1, "07:00", "16:00"), (2, "07:00", "16:00"),
                 (3, "13:30", evening_end)])
    fs = run(W355, FOUR, *ps)
    if expected is None:
        assert fs == []
    else:
        (f,) = fs
        assert f.measured == expected and f.limit == 35.5 and f.severity is Severity.violation
    assert run(W336, FOUR, *ps) == []  # no night shifts: not three-shift


def test_week_355_day_worker_not_covered() -> None:
    ps = weekly([(d, "07:00", "14:12") for d in range(5)])  # 36 h, no evenings, no Sundays
    assert run(W355, FOUR, *ps) == []


def test_week_355_every_third_sunday() -> None:
    base = [(d, "07:00", "15:00") for d in range(4)]  # 32 h Mon-Thu, ends before 20:00
    ps = weekly(base) + [at(MON + timedelta(days=6), "08:00", "16:00"),
                         at(MON + timedelta(days=20), "08:00", "16:00")]  # 2 of 4 Sundays
    (f,) = run(W355, FOUR, *ps)
    assert f.measured == 36
    one_sunday = weekly(base) + [at(MON + timedelta(days=6), "08:00", "16:00"),
                                 at(MON + timedelta(days=18), "07:00", "15:00")]
    assert run(W355, FOUR, *one_sunday) == []  # 1 of 4 Sundays, no tariff night


# -- TAR-week-336 ------------------------------------------------------------------------------


def test_week_336_reduction_between_floor_and_cap() -> None:
    # Mon 1 h day, Tue night 21-06 (9 h night), Thu evening 12-20, Fri day 8 h, Sun 08-16.
    pattern = [(0, "07:00", "08:00"), (1, "21:00", "06:00"), (3, "12:00", "20:00"),
               (4, "07:00", "15:00"), (6, "08:00", "16:00")]
    limit = reduced_week(34, 8, 9)
    assert 33.6 < limit < 35.5
    (f,) = run(W336, FOUR, *weekly(pattern))
    assert f.measured == 34 and f.limit == round(limit, 2)
    assert run(W355, FOUR, *weekly(pattern)) == []  # three-shift: judged by 336 only
    pattern[0] = (0, "07:00", "07:50")  # 33.83 h/week <= reduced 33.88 h
    assert reduced_week(34 - 1 / 6, 8, 9) > 34 - 1 / 6
    assert run(W336, FOUR, *weekly(pattern)) == []


def test_week_336_floor() -> None:
    pattern = [(0, "21:00", "06:00"), (2, "21:00", "06:00"), (3, "12:00", "20:00"),
               (6, "08:00", "16:00")]  # 34 h: 18 h night, 8 h Sunday -> raw 32.0
    assert reduced_week(34, 8, 18) == 33.6
    (f,) = run(W336, FOUR, *weekly(pattern))
    assert f.limit == 33.6 and f.measured == 34
    pattern[2] = (3, "12:00", "19:30")  # 33.5 h
    assert run(W336, FOUR, *weekly(pattern)) == []


def test_week_336_cap() -> None:
    pattern = [(0, "07:00", "15:00"), (1, "07:00", "15:00"), (2, "12:00", "20:00"),
               (3, "19:00", "22:00"), (4, "07:00", "12:00"), (6, "08:00", "12:00")]  # 36 h
    assert reduced_week(36, 4, 1) == 35.5
    (f,) = run(W336, FOUR, *weekly(pattern))
    assert f.limit == 35.5 and f.measured == 36
    pattern[4] = (4, "07:00", "11:30")  # 35.5 h
    assert run(W336, FOUR, *weekly(pattern)) == []


# -- TAR-daily-125 -----------------------------------------------------------------------------


def test_daily_125() -> None:
    assert run(D125, FOUR, at(MON, "07:00", "19:30")) == []
    (f,) = run(D125, FOUR, at(MON, "07:00", "19:31"))
    assert f.measured == 12.52 and f.limit == 12.5 and f.allowed_by is Tier.T4_UNION_INNSTILLINGSRETT
    # Overtime next to the shift is one work period.
    ps = [at(MON, "07:00", "15:00"), period("E", f"{MON} 15:00", f"{MON} 20:00", kind="overtime")]
    assert len(run(D125, FOUR, *ps)) == 1
    t4 = (agreement("10-5", Tier.T4_UNION_INNSTILLINGSRETT),)
    assert run(D125, FOUR, at(MON, "07:00", "19:31"), agreements=t4) == []
    t3 = (agreement("10-5", Tier.T3_TARIFF_REPS),)
    assert len(run(D125, FOUR, at(MON, "07:00", "19:31"), agreements=t3)) == 1


# -- TAR-weekend-freq --------------------------------------------------------------------------


def _weekend(k: int) -> WorkPeriod:
    return at(MON + timedelta(days=7 * k + 5), "07:00", "15:00")  # Saturday of week k


def test_weekend_every_third_is_fine() -> None:
    assert run(WKND, FOUR, _weekend(0), _weekend(3)) == []


def test_weekend_too_often() -> None:
    (w,) = run(WKND, FOUR, _weekend(0), _weekend(2))
    assert w.severity is Severity.warning and w.measured == 2
    assert w.window_start.date() == MON + timedelta(days=19)
    fs = run(WKND, FOUR, _weekend(0), _weekend(1), _weekend(2))
    assert len(fs) == 2 and fs[0].measured == 1


def test_weekend_friday_night_counts() -> None:
    fri_night = at(MON + timedelta(days=4), "22:00", "07:00")
    (w,) = run(WKND, FOUR, fri_night, _weekend(1))
    assert w.window_start.date() == MON + timedelta(days=12)


def test_week_336_only_the_higher_uplift() -> None:
    # Saturday 21:00 -> Sunday 06:00 is both Sunday-window and night: it counts 1 h 15 min only.
    pattern = [(0, "07:00", "15:00"), (2, "12:00", "20:00"), (3, "07:00", "15:00"),
               (5, "21:00", "06:00"), (6, "08:00", "16:00")]  # 41 h: 9 night, 8 Sunday-only
    (f,) = run(W336, FOUR, *weekly(pattern))
    assert f.limit == round(reduced_week(41, 8, 9), 2)
    assert f.limit != round(reduced_week(41, 17, 9), 2)
