"""§ 10-4 (1): planned hours per 24 h / work period and per 7 days, with the § 10-5 tiers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from constraints.base import CheckContext, Finding, Severity
from constraints.checker import run_check
from constraints.normal_hours.check import CHECKS
from scheduler.model import Tier, WorkPeriod
from tests.rosterkit import agreement, history, lasting, period, roster, settings

DAILY = "AML-10-4-1-daily-normal"
WEEKLY = "AML-10-4-1-weekly-normal"
T2, T3, T5, T4 = (
    Tier.T2_INDIVIDUAL,
    Tier.T3_TARIFF_REPS,
    Tier.T5_ARBEIDSTILSYNET,
    Tier.T4_UNION_INNSTILLINGSRETT,
)
WEEK = settings("2026-04-13", "2026-04-19")  # Mon-Sun, no holidays


def run(rule: str, s, *periods: WorkPeriod, **kw) -> list[Finding]:
    return CHECKS[rule](CheckContext(settings=s, roster=roster(*periods), **kw))


# ------------------------------------------------------------------------------------------
# Daily


@pytest.mark.parametrize(
    ("tier", "limit", "next_tier", "reading"),
    [(None, 9.0, T2, "protective"), (T2, 10.0, T3, "protective"),
     (T3, 12.5, T5, "protective"), (T5, 13.0, None, "protective"),
     # § 10-12 (4) is open: T4 reads as T3's 12.5 h unless the broad reading (16 h) is chosen
     (T4, 12.5, T5, "protective"), (T4, 16.0, None, "broad")],
)
def test_daily_limit_per_tier_at_under_over(tier, limit, next_tier, reading):
    ags = () if tier is None else (
        agreement("10-5", tier, "E").model_copy(update={"reading": reading}),)
    minutes = round(limit * 60)
    for delta, expected in ((0, 0), (-1, 0), (1, 1)):
        p = lasting("E", "2026-04-14 06:00", (minutes + delta) / 60)
        fs = run(DAILY, WEEK, p, agreements=ags)
        assert len(fs) == expected, (tier, delta, fs)
        if expected:
            f = fs[0]
            assert f.employee == "E" and f.limit == limit
            assert f.measured == pytest.approx((minutes + 1) / 60, abs=0.01)
            assert f.allowed_by == next_tier
            assert f.window_start == p.start and f.window_end == p.end


def test_daily_one_finding_for_a_long_day_shift():
    # 07:00-17:00: the work period and the day window are the same breach -> reported once.
    fs = run(DAILY, WEEK, period("E", "2026-04-14 07:00", "2026-04-14 17:00"))
    assert len(fs) == 1 and fs[0].measured == 10.0


def test_daily_night_shift_split_over_two_days_is_one_work_period():
    fs = run(DAILY, WEEK, period("E", "2026-04-14 22:00", "2026-04-15 08:00"))
    assert [(f.window_start.hour, f.window_end.hour, f.measured) for f in fs] == [(22, 8, 10.0)]


def test_daily_two_work_periods_in_one_day_window():
    fs = run(
        DAILY, WEEK,
        period("E", "2026-04-14 06:00", "2026-04-14 11:00"),
        period("E", "2026-04-14 13:00", "2026-04-14 18:00"),
    )
    assert len(fs) == 1
    assert fs[0].measured == 10.0 and fs[0].window_start.hour == 0  # the fixed 24 h window
    assert (fs[0].window_end - fs[0].window_start) == timedelta(days=1)


def test_daily_counts_planned_hours_only():
    # 8 h planned + 3 h overtime in one continuous work period: 8 normal hours.
    fs = run(
        DAILY, WEEK,
        period("E", "2026-04-14 07:00", "2026-04-14 15:00"),
        period("E", "2026-04-14 15:00", "2026-04-14 18:00", kind="overtime"),
    )
    assert fs == []


def test_daily_planned_periods_that_touch_are_one_work_period():
    fs = run(
        DAILY, WEEK,
        period("E", "2026-04-14 16:00", "2026-04-14 22:00"),
        period("E", "2026-04-14 22:00", "2026-04-15 02:00"),
    )
    assert len(fs) == 1 and fs[0].measured == 10.0 and fs[0].window_start.hour == 16


def test_dst_autumn_night_is_ten_hours():
    s = settings("2026-10-19", "2026-10-25")
    fs = run(DAILY, s, period("E", "2026-10-24 22:00", "2026-10-25 07:00"))
    assert len(fs) == 1 and fs[0].measured == 10.0 and fs[0].allowed_by == T2


def test_dst_spring_night_is_eight_hours():
    s = settings("2026-03-23", "2026-03-29")
    assert run(DAILY, s, period("E", "2026-03-28 22:00", "2026-03-29 07:00")) == []


def test_daily_agreement_validity_is_respected():
    ags = (agreement("10-5", T2, "E", valid_to="2026-04-14"),)
    fs = run(
        DAILY, WEEK,
        period("E", "2026-04-14 07:00", "2026-04-14 17:00"),  # T2 in force: OK
        period("E", "2026-04-16 07:00", "2026-04-16 17:00"),  # expired: 10 > 9
        agreements=ags,
    )
    assert [f.window_start.day for f in fs] == [16]


def test_daily_site_wide_agreement_applies_to_everyone():
    ags = (agreement("10-5", T2),)
    assert run(DAILY, WEEK, period("X", "2026-04-14 07:00", "2026-04-14 17:00"), agreements=ags) == []


def test_daily_history_is_never_reported():
    h = history("E", "2026-04-10 07:00", "2026-04-10 20:00")
    assert run(DAILY, WEEK, history=(h,)) == []


def test_daily_strict_rolling_window_is_a_warning_only():
    # 17:00-23:00 (6 h) and next day 00:30-05:30 (5 h): each fixed day and each work period is
    # within 9 h, but the rolling 24 h from 17:00 holds 11 h.
    r = roster(
        period("E", "2026-04-14 17:00", "2026-04-14 23:00"),
        period("E", "2026-04-15 00:30", "2026-04-15 05:30"),
    )
    fixed = [f for f in run_check(WEEK, r).findings if f.rule == DAILY]
    assert fixed == []
    strict = [f for f in run_check(WEEK, r, strict=True).findings if f.rule == DAILY]
    assert len(strict) == 1
    assert strict[0].severity == Severity.warning and strict[0].measured == 11.0


# ------------------------------------------------------------------------------------------
# Weekly


def _week(emp: str, monday: date, minutes_per_day: list[int], kind: str = "planned") -> list[WorkPeriod]:
    return [
        lasting(emp, f"{monday + timedelta(days=i)} 07:00", m / 60, kind=kind)
        for i, m in enumerate(minutes_per_day)
        if m
    ]


def _week_total(emp: str, monday: date, total_minutes: int, days: int = 5) -> list[WorkPeriod]:
    base = total_minutes // days
    mins = [base] * days
    mins[-1] += total_minutes - base * days
    return _week(emp, monday, mins)


MON = date(2026, 4, 13)


@pytest.mark.parametrize(
    ("tier", "limit", "allowed"),
    [(None, 40.0, T2), (T2, 50.0, T3), (T3, 54.0, None)],
)
def test_weekly_single_week_per_tier(tier, limit, allowed):
    ags = () if tier is None else (agreement("10-5", tier, "E"),)
    minutes = round(limit * 60)
    days = 6 if limit > 50 else 5  # keep each day within the tier's daily limit
    for delta, expected in ((0, 0), (-1, 0), (1, 1)):
        ps = _week_total("E", MON, minutes + delta, days)
        fs = run(WEEKLY, WEEK, *ps, agreements=ags)
        assert len(fs) == expected, (tier, delta, fs)
        if expected:
            f = fs[0]
            assert f.limit == limit and f.allowed_by == allowed
            assert f.window_start.date() == MON and f.window_end.date() == MON + timedelta(days=7)


def test_weekly_site_may_lower_the_limit_but_not_raise_it():
    ps = _week_total("E", MON, 39 * 60)
    fs = run(WEEKLY, WEEK, *ps, agreements=(agreement("10-4", "T0_DEFAULT", weekly_normal_hours=38),))
    assert len(fs) == 1 and fs[0].limit == 38.0
    ps = _week_total("E", MON, 41 * 60)
    fs = run(WEEKLY, WEEK, *ps, agreements=(agreement("10-4", "T0_DEFAULT", weekly_normal_hours=45),))
    assert len(fs) == 1 and fs[0].limit == 40.0


def test_weekly_counts_real_hours_across_dst():
    # Week of 19-25 Oct 2026: four 9 h days and the 22:00-07:00 night that lasts 10 h = 46 h.
    s = settings("2026-10-19", "2026-10-25")
    ps = [lasting("E", f"2026-10-{d} 07:00", 9) for d in (19, 20, 21, 22)]
    ps.append(period("E", "2026-10-24 22:00", "2026-10-25 07:00"))
    # The Saturday night touches the week's only Sunday, so § 10-4 (4) (c) lowers the week
    # (and, with night hours, § 10-4 (6)): the week is reported once, under the reduced rule.
    assert run(WEEKLY, s, *ps) == []
    fs = run("AML-10-4-6-three-shift", s, *ps)
    assert len(fs) == 1 and fs[0].measured == 46.0


def test_weekly_eight_week_average_under_averaging():
    s = settings("2026-04-13", "2026-06-07")  # 8 weeks from Monday 13 April
    ags = (agreement("10-5", T2, "E", valid_from="2026-04-13"),)
    for per_week, expected in ((48 * 60, 0), (48 * 60 + 5, 1)):
        ps: list[WorkPeriod] = []
        for w in range(8):
            ps += _week_total("E", MON + timedelta(weeks=w), per_week)
        fs = run(WEEKLY, s, *ps, agreements=ags)
        avg = [f for f in fs if "average" in f.unit]
        assert len(avg) == expected, fs
        assert len(fs) == expected  # single weeks (48 h) are within the T2 cap of 50
        if expected:
            assert avg[0].limit == 48.0
            assert avg[0].window_start.date() == MON
            assert avg[0].window_end.date() == MON + timedelta(weeks=8)


def test_weekly_no_eight_week_average_without_averaging():
    s = settings("2026-04-13", "2026-06-07")
    ps: list[WorkPeriod] = []
    for w in range(8):
        ps += _week_total("E", MON + timedelta(weeks=w), 40 * 60)
    assert run(WEEKLY, s, *ps) == []
