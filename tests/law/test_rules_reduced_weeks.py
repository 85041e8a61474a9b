"""§ 10-4 (4), (5), (6): the 38 h and 36 h weeks and the proportional three-shift reading."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from constraints.base import CheckContext, Finding
from constraints.kernel.reduced_week import reduced_week, thresholds
from constraints.normal_hours.check import CHECKS
from scheduler import i18n
from scheduler.model import Settings, Tier, WorkPeriod
from tests.rosterkit import agreement, lasting, roster, settings

W38, W36, W6 = "AML-10-4-4-weekly-38", "AML-10-4-5-weekly-36", "AML-10-4-6-three-shift"
W40 = "AML-10-4-1-weekly-normal"
WEEKLY_RULES = (W40, W38, W36, W6)


def run(s: Settings, *periods: WorkPeriod, **kw) -> dict[str, list[Finding]]:
    ctx = CheckContext(settings=s, roster=roster(*periods), **kw)
    return {r: CHECKS[r](ctx) for r in WEEKLY_RULES}


def why(red) -> str:  # noqa: ANN001
    """The reduced limit's condition, in English."""
    r = red.reason()
    return i18n.render(r["$t"], r["$a"], "en")


def plain_week(minutes: int) -> list[WorkPeriod]:
    """Mon-Thu 8 h from 07:00 and the rest on Friday (week 13-19 Apr 2026, no Sunday)."""
    ps = [lasting("E", f"{d} 07:00", 8) for d in days("2026-04-13", 4)]
    return [*ps, lasting("E", "2026-04-17 07:00", (minutes - 32 * 60) / 60)]


def days(first: str, n: int) -> list[date]:
    d0 = date.fromisoformat(first)
    return [d0 + timedelta(days=i) for i in range(n)]


# Three plain weeks, Mon 13 Apr - Sun 3 May 2026 (1 May is a holiday: the horizon stops before).
THREE = settings("2026-04-06", "2026-04-26")


def day_week(monday: date, hours_per_day: float, sunday: bool) -> list[WorkPeriod]:
    """Five day shifts (Mon-Thu, and Sunday or Friday) of ``hours_per_day`` from 07:00."""
    picks = [0, 1, 2, 3, 6 if sunday else 4]
    return [lasting("E", f"{monday + timedelta(days=k)} 07:00", hours_per_day) for k in picks]


def _three_weeks(minutes_per_week: int, sundays: tuple[bool, bool, bool]) -> list[WorkPeriod]:
    out = []
    for w, sun in enumerate(sundays):
        out += day_week(date(2026, 4, 6) + timedelta(days=7 * w), minutes_per_week / 5 / 60, sun)
    return out


# ------------------------------------------------------------------------------------------
# (c) every third Sunday


@pytest.mark.parametrize(("delta", "expected"), [(-5, 0), (0, 0), (5, 1)])
def test_38_every_third_sunday_at_under_over(delta, expected):
    # Works 1 of 3 Sundays (exactly every third): the 38 h week applies.
    ps = _three_weeks(38 * 60 + delta, (True, False, False))
    s = THREE.model_copy(update={"continuous_rota": False})  # the 24/7 test and (6) aside
    red = reduced_week(CheckContext(settings=s, roster=roster(*ps)), "E")
    assert red.rule in (W38, W6)
    fs = run(s, *ps)
    got = fs[W38] + fs[W6]
    assert len(got) == expected * 3, got
    assert fs[W40] == []
    if expected:
        assert all(f.limit <= 38 for f in got)
        assert "1 of 3 Sundays" in got[0].message


def test_38_does_not_apply_below_every_third_sunday():
    # 1 of 4 Sundays: less than every third; 39 h weeks are legal under the 40 h limit.
    s = settings("2026-04-06", "2026-05-03").model_copy(update={"continuous_rota": False})
    ps = _three_weeks(39 * 60, (True, False, False))
    ps += day_week(date(2026, 4, 27), 39 / 5, False)
    ps = [p for p in ps if p.start.date() != date(2026, 5, 1)]  # 1 May is a holiday: off
    fs = run(s, *ps)
    assert all(v == [] for v in fs.values()), fs
    assert reduced_week(CheckContext(settings=s, roster=roster(*ps)), "E").rule is None


def test_a_saturday_evening_shift_makes_a_sunday_worked():
    # Saturday 15:00-22:30 touches the Sunday window from 18:00 (§ 10-10 (1)).
    ps = [lasting("E", f"{d} 07:00", 7.8) for d in days("2026-04-06", 3)]
    ps.append(lasting("E", "2026-04-11 15:00", 7.5))
    s = settings("2026-04-06", "2026-04-12").model_copy(update={"continuous_rota": False})
    red = reduced_week(CheckContext(settings=s, roster=roster(*ps)), "E")
    assert red.rule == W6 and "1 of 1 Sundays" in why(red)


# ------------------------------------------------------------------------------------------
# (d) mainly at night


def _night_and_day(night_minutes: int, day_minutes: int) -> list[WorkPeriod]:
    """Night work 22:00-... Mon-Thu, day work Friday (week 13-19 Apr 2026, no Sunday)."""
    per = night_minutes / 4 / 60
    ps = [lasting("E", f"{d} 22:00", per) for d in days("2026-04-13", 4)]
    ps.append(lasting("E", "2026-04-17 08:00", day_minutes / 60))
    return ps


@pytest.mark.parametrize(("day_minutes", "applies"), [(600, True), (599, True), (601, False)])
def test_38_mainly_at_night_three_quarters(day_minutes, applies):
    # 30 h at night (22:00-05:30, inside 21-06) + 10 h by day: 75 % exactly -> (d) holds.
    s = settings("2026-04-13", "2026-04-19").model_copy(update={"continuous_rota": False})
    ps = _night_and_day(30 * 60, day_minutes)
    red = reduced_week(CheckContext(settings=s, roster=roster(*ps)), "E")
    if applies:
        assert red.limit is not None and red.limit <= 38
        assert "(d)" in why(red)
    else:
        assert red.limit is None


def test_38_by_settings_rota_type_at_under_over():
    s = settings("2026-04-13", "2026-04-19").model_copy(update={"rota_10_4_4": True})
    for minutes, expected in ((38 * 60, 0), (38 * 60 - 1, 0), (38 * 60 + 1, 1)):
        ps = plain_week(minutes)
        fs = run(s, *ps)
        assert len(fs[W38]) == expected and fs[W40] == []
        if expected:
            assert fs[W38][0].limit == 38 and "rota_10_4_4" in fs[W38][0].message


# ------------------------------------------------------------------------------------------
# § 10-4 (5) 36 h


def test_36_by_settings_at_under_over():
    s = settings("2026-04-13", "2026-04-19").model_copy(update={"continuous_rota": True})
    for minutes, expected in ((36 * 60, 0), (36 * 60 - 1, 0), (36 * 60 + 1, 1)):
        ps = plain_week(minutes)
        fs = run(s, *ps)
        assert len(fs[W36]) == expected and fs[W38] == fs[W40] == []
        if expected:
            assert fs[W36][0].limit == 36


def test_36_guidance_test_pro_rata():
    # Two weeks: thresholds 539 * 14 / 365 = 20.67 night h and 231 * 14 / 365 = 8.86 Sunday h.
    thr_n, thr_s = thresholds(14)
    assert thr_n / 60 == pytest.approx(20.674, abs=1e-3)
    assert thr_s / 60 == pytest.approx(8.860, abs=1e-3)
    s = settings("2026-04-13", "2026-04-26")
    # Sunday day shifts 07:00-16:00 on both Sundays: 18 Sunday hours; three nights 22-06 a week.
    ps = [lasting("E", f"{d} 07:00", 9) for d in ("2026-04-19", "2026-04-26")]
    ps += [lasting("E", f"{d} 22:00", 8) for d in ("2026-04-13", "2026-04-15", "2026-04-21")]
    red = reduced_week(CheckContext(settings=s, roster=roster(*ps)), "E")
    assert red.rule == W36 and red.limit == 36  # 24 night h >= 20.67, 18 Sunday h >= 8.86
    # One night fewer: 16 night h < 20.67 -> only (c) and the proportional (6).
    red = reduced_week(CheckContext(settings=s, roster=roster(*ps[:-1])), "E")
    assert red.rule == W6 and 36 < red.limit < 38
    share = (min(1.0, 16 * 60 / thr_n) + 1.0) / 2  # the Sunday share is capped at 1
    assert red.limit == pytest.approx(38 - 2 * share)
    # continuous_rota = no switches the guidance test off.
    s_no = s.model_copy(update={"continuous_rota": False})
    assert reduced_week(CheckContext(settings=s_no, roster=roster(*ps)), "E").rule == W6


def test_three_shift_limit_at_under_over():
    s = settings("2026-04-13", "2026-04-26")
    base = [lasting("E", f"{d} 07:00", 9) for d in ("2026-04-19", "2026-04-26")]
    base += [lasting("E", f"{d} 22:00", 8) for d in ("2026-04-13", "2026-04-15")]
    lim = reduced_week(CheckContext(settings=s, roster=roster(*base)), "E").limit
    assert lim is not None
    # Week 1 holds 2 nights (16 h) and a Sunday (9 h) = 25 h; fill it up with a day shift.
    room = math.floor(lim * 60 - 25 * 60)  # whole minutes; the limit is not a whole minute
    assert room < lim * 60 - 25 * 60 < room + 1
    for delta, expected in ((0, 0), (-1, 0), (1, 1)):
        extra = lasting("E", "2026-04-17 07:00", (room + delta) / 60)
        fs = run(s, *base, extra)
        assert len(fs[W6]) == expected, (delta, fs)
        if expected:
            assert fs[W6][0].limit == pytest.approx(lim, abs=0.01)
            assert "§ 10-4 (6)" in fs[W6][0].message


# ------------------------------------------------------------------------------------------
# the lowest limit wins; averaging


def test_lowest_limit_wins_and_one_finding_per_week():
    s = settings("2026-04-13", "2026-04-19").model_copy(
        update={"rota_10_4_4": True, "continuous_rota": True})
    ps = [lasting("E", f"{d} 07:00", 8) for d in days("2026-04-13", 5)]  # 40 h
    fs = run(s, *ps)
    assert [len(fs[r]) for r in WEEKLY_RULES] == [0, 0, 1, 0]


def test_averaging_single_week_follows_the_tier_and_average_uses_the_reduced_limit():
    from constraints.averaging.check import CHECKS as AVG

    s = settings("2026-04-13", "2026-04-19").model_copy(update={"continuous_rota": True})
    ags = (agreement("10-5", Tier.T2_INDIVIDUAL, "E", period_weeks=1),)
    ps = [lasting("E", f"{d} 07:00", 8) for d in days("2026-04-13", 5)]  # 40 h
    fs = run(s, *ps, agreements=ags)
    assert all(v == [] for v in fs.values())  # a 40 h single week is within T2's 50
    ctx = CheckContext(settings=s, roster=roster(*ps), agreements=ags)
    avg = AVG["AML-10-5-1-avg-individual"](ctx)
    assert len(avg) == 1 and avg[0].limit == 36
