"""§ 10-8 rules: daily rest, weekly rest, Sunday in the weekly rest, next Sunday/holiday off."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from constraints.base import CheckContext, Finding, Severity
from constraints.rest.check import CHECKS
from scheduler.model import Tier, WorkPeriod
from tests.rosterkit import agreement, employee, employee_history, history, period, roster, settings

DAILY = "AML-10-8-1-daily-rest"
WEEKLY = "AML-10-8-2-weekly-rest"
SUN_REST = "AML-10-8-4-sunday-in-rest"
NEXT_SUN = "AML-10-8-4-next-sunday-off"


def run(rule: str, s, *periods: WorkPeriod, **kw) -> list[Finding]:
    ctx = CheckContext(settings=s, roster=roster(*periods), **kw)
    return CHECKS[rule](ctx)


def day_shift(d: date, start: str = "07:00", end: str = "15:00", emp: str = "E") -> WorkPeriod:
    return period(emp, f"{d} {start}", f"{d} {end}")


def violations(fs: list[Finding]) -> list[Finding]:
    return [f for f in fs if f.severity is Severity.violation]


def warnings(fs: list[Finding]) -> list[Finding]:
    return [f for f in fs if f.severity is Severity.warning]


T3 = Tier.T3_TARIFF_REPS
S = settings("2026-04-13", "2026-04-19")  # an ordinary week (Mon-Sun), no holidays


# --------------------------------------------------------------------------------------------
# Daily rest


@pytest.mark.parametrize(
    ("end", "next_start", "expected"),
    [
        ("20:00", "07:00", None),  # exactly 11 h
        ("19:59", "07:00", None),  # 11 h 01
        ("20:01", "07:00", 10.98),  # 10 h 59
        ("20:30", "07:00", 10.5),  # the late shift of the brief
    ],
)
def test_daily_rest_limits(end: str, next_start: str, expected: float | None) -> None:
    fs = run(DAILY, S, day_shift(date(2026, 4, 14), "12:00", end),
             day_shift(date(2026, 4, 15), next_start, "15:00"))
    if expected is None:
        assert fs == []
    else:
        (f,) = fs
        assert f.severity is Severity.violation
        assert f.measured == expected and f.limit == 11
        assert f.allowed_by is Tier.T3_TARIFF_REPS
        assert f.window_start.hour == 12 and (f.window_end - f.window_start) == timedelta(days=1)


def test_split_duty_is_one_main_period() -> None:
    d = date(2026, 4, 14)
    split = [day_shift(d, "07:00", "11:00"), day_shift(d, "15:00", "19:00")]
    assert run(DAILY, S, *split, day_shift(d + timedelta(days=1), "06:00", "10:00")) == []
    (f,) = run(DAILY, S, *split, day_shift(d + timedelta(days=1), "05:59", "10:00"))
    assert f.measured == 10.98
    # The 4 h gap inside the split duty is never taken as the rest.
    assert "19:00" in f.message


def test_t3_floor_and_below() -> None:
    d = date(2026, 4, 14)
    ag = (agreement("10-8", T3),)
    at_floor = [day_shift(d, "15:00", "23:00"), day_shift(d + timedelta(days=1), "07:00", "12:00")]
    assert violations(run(DAILY, S, *at_floor, agreements=ag)) == []
    below = [day_shift(d, "15:00", "23:01"), day_shift(d + timedelta(days=1), "07:00", "12:00")]
    (f,) = run(DAILY, S, *below, agreements=ag)
    assert f.severity is Severity.violation and f.limit == 8 and f.allowed_by is None
    # T3b (no collective agreement) has the same 8 h floor.
    ag_b = (agreement("10-8", Tier.T3b_NONTARIFF_REPS),)
    assert violations(run(DAILY, S, *at_floor, agreements=ag_b)) == []
    # An individual (T2) agreement cannot shorten the daily rest.
    ag_2 = (agreement("10-8", Tier.T2_INDIVIDUAL, "E"),)
    assert len(violations(run(DAILY, S, *at_floor, agreements=ag_2))) == 1


def test_t3_agreement_for_another_employee_does_not_count() -> None:
    d = date(2026, 4, 14)
    ag = (agreement("10-8", T3, "OTHER"),)
    fs = run(DAILY, S, day_shift(d, "15:00", "23:00"),
             day_shift(d + timedelta(days=1), "07:00", "12:00"), agreements=ag,
             employees={"OTHER": employee("OTHER")})
    assert len(violations(fs)) == 1


def test_compensatory_rest_warning() -> None:
    """9 h rest under T3 owes 2 h: the rest after the next work period must be >= 13 h."""
    d = date(2026, 4, 14)
    ag = (agreement("10-8", T3),)
    base = [day_shift(d, "15:00", "22:30"), day_shift(d + timedelta(days=1), "07:30", "15:30")]
    ok = run(DAILY, S, *base, day_shift(d + timedelta(days=2), "04:30", "12:00"), agreements=ag)
    assert ok == []  # 15:30 -> 04:30 is exactly 13 h
    short = run(DAILY, S, *base, day_shift(d + timedelta(days=2), "04:29", "12:00"), agreements=ag)
    (w,) = short
    assert w.severity is Severity.warning and w.rule == DAILY
    assert w.limit == 13 and w.measured == 12.98
    assert w.window_start.hour == 15 and w.window_start.minute == 30


def test_dedupe_one_finding_per_rest() -> None:
    d = date(2026, 4, 14)
    ps = [day_shift(d, "07:00", "15:00"), day_shift(d, "21:00", "23:00"),
          day_shift(d + timedelta(days=1), "08:00", "16:00")]
    (f,) = run(DAILY, S, *ps)  # windows from 07:00 and 21:00 both find the 23:00-08:00 rest
    assert f.window_start.hour == 7
    assert "9 h" in f.message  # names the whole rest


def test_daily_rest_dst_elapsed_time() -> None:
    s = settings("2026-10-19", "2026-10-31")
    # Clocks go back on 25 Oct 2026: 23:00 -> 09:00 is 11 real hours (10 on the wall clock).
    assert run(DAILY, s, period("E", "2026-10-24 15:00", "2026-10-24 23:00"),
               period("E", "2026-10-25 09:00", "2026-10-25 15:00")) == []
    s = settings("2026-03-23", "2026-04-02")
    # Clocks go forward on 29 Mar 2026: 20:00 -> 07:00 is 10 real hours.
    (f,) = run(DAILY, s, period("E", "2026-03-28 12:00", "2026-03-28 20:00"),
               period("E", "2026-03-29 07:00", "2026-03-29 15:00"))
    assert f.measured == 10


def test_daily_rest_history_carry_in() -> None:
    s = settings("2026-04-13", "2026-04-26")
    hist = tuple(
        history("E", f"{date(2026, 3, 30) + timedelta(days=i)} 07:00",
                f"{date(2026, 3, 30) + timedelta(days=i)} 15:00")
        for i in range(13)
    ) + (history("E", "2026-04-12 15:00", "2026-04-12 22:30"),)
    (f,) = run(DAILY, s, day_shift(date(2026, 4, 13), "07:30", "15:30"), history=hist)
    assert f.measured == 9 and f.window_start.day == 12
    # A short rest entirely before the horizon is never reported.
    hist2 = (history("E", "2026-04-10 15:00", "2026-04-10 22:30"),
             history("E", "2026-04-11 07:30", "2026-04-11 15:30"))
    assert run(DAILY, s, day_shift(date(2026, 4, 14)), history=hist2) == []


def test_exempt_employee_skipped() -> None:
    d = date(2026, 4, 14)
    ps = [day_shift(d, "15:00", "23:00"), day_shift(d + timedelta(days=1), "07:00", "12:00")]
    assert run(DAILY, S, *ps, employees={"E": employee("E", exempt_10_12=True)}) == []


def test_overtime_next_to_shift_is_one_period() -> None:
    d = date(2026, 4, 14)
    ps = [day_shift(d, "07:00", "15:00"),
          period("E", f"{d} 15:00", f"{d} 21:00", kind="overtime"),
          day_shift(d + timedelta(days=1), "07:00", "15:00")]
    (f,) = run(DAILY, S, *ps)
    assert f.measured == 10 and f.window_start.hour == 7


# --------------------------------------------------------------------------------------------
# Weekly rest


def _dense_week(gap_from: str, gap_to: str) -> list[WorkPeriod]:
    """Mon 13 .. Sun 19 Apr: 07-15 daily, except a rest from ``gap_from`` to ``gap_to``."""
    out = []
    lo, hi = gap_from, gap_to
    for i in range(7):
        d = date(2026, 4, 13) + timedelta(days=i)
        a, b = f"{d} 07:00", f"{d} 15:00"
        if hi <= a or b <= lo:
            out.append(period("E", a, b))
    # a period that ends the rest
    out.append(period("E", hi, hi[:11] + "23:59" if hi[11:] < "23:59" else hi))
    return out


@pytest.mark.parametrize(
    ("gap_to", "measured"),
    [("2026-04-17 02:00", None), ("2026-04-17 01:59", 34.98), ("2026-04-17 02:01", None)],
)
def test_weekly_rest_limits(gap_to: str, measured: float | None) -> None:
    ps = _dense_week("2026-04-15 15:00", gap_to)
    fs = run(WEEKLY, S, *ps)
    if measured is None:
        assert fs == []
    else:
        (f,) = fs
        assert f.measured == measured and f.limit == 35 and f.allowed_by is Tier.T3_TARIFF_REPS
        assert f.window_start.date() == date(2026, 4, 13)


def test_weekly_rest_t3_28h() -> None:
    ag = (agreement("10-8", T3),)
    assert run(WEEKLY, S, *_dense_week("2026-04-15 15:00", "2026-04-16 19:00"), agreements=ag) == []
    (f,) = run(WEEKLY, S, *_dense_week("2026-04-15 15:00", "2026-04-16 18:59"), agreements=ag)
    assert f.limit == 28 and f.allowed_by is None


def _straddle() -> tuple:
    """Two weeks 13-26 Apr with one 64 h rest Sat 18 15:00 -> Tue 21 07:00 across the boundary."""
    s = settings("2026-04-13", "2026-04-26")
    ps = []
    for i in range(14):
        d = date(2026, 4, 13) + timedelta(days=i)
        if date(2026, 4, 19) <= d <= date(2026, 4, 20):
            continue
        ps.append(day_shift(d))
    return s, ps


def test_weekly_rest_straddling_clip_vs_overlap() -> None:
    s, ps = _straddle()
    clip = run(WEEKLY, s, *ps)
    assert [f.measured for f in clip] == [33, 31]
    # The reading is a site setting: an Agreements row of the tier in force (here T0).
    ag = (agreement("10-8", Tier.T0_DEFAULT, weekly_rest_window="overlap"),)
    assert run(WEEKLY, s, *ps, agreements=ag) == []


def test_weekly_rest_strict_rolling() -> None:
    # Rests of 40 h at the start of week 1 and the end of week 2; the fixed weeks pass,
    # the rolling 7 days from Tue 14 Apr 15:00 have only 16 h rests.
    s = settings("2026-04-13", "2026-04-26")
    ps = [period("E", "2026-04-14 16:00", "2026-04-14 23:00")]
    ps += [day_shift(date(2026, 4, 15) + timedelta(days=i)) for i in range(9)]  # 15..23 Apr
    ps.append(period("E", "2026-04-26 15:00", "2026-04-26 23:00"))
    assert run(WEEKLY, s, *ps) == []
    fs = run(WEEKLY, s, *ps, strict=True)
    assert fs and all(f.severity is Severity.warning for f in fs)
    assert all(f.measured < 35 for f in fs)


def test_weekly_rest_edges_not_judged() -> None:
    # Horizon starts mid-week with no history: the unknown days before it are not judged.
    s = settings("2026-04-16", "2026-04-19")
    assert run(WEEKLY, s, *[day_shift(date(2026, 4, 16) + timedelta(days=i)) for i in range(4)]) == []


# --------------------------------------------------------------------------------------------
# § 10-8 (4): Sunday in the weekly rest (soft)


def test_sunday_in_rest() -> None:
    base = [day_shift(date(2026, 4, 13) + timedelta(days=i), "07:00", "15:00") for i in range(5)]
    # Saturday 16:00 -> Monday 03:00 = 35 h and contains the whole Sunday segment.
    ok = base + [period("E", "2026-04-18 08:00", "2026-04-18 16:00"),
                 period("E", "2026-04-20 03:00", "2026-04-20 08:00")]
    s = settings("2026-04-13", "2026-04-20")
    assert run(SUN_REST, s, *ok) == []
    short = base + [period("E", "2026-04-18 08:00", "2026-04-18 16:01"),
                    period("E", "2026-04-20 03:00", "2026-04-20 08:00")]
    (w,) = run(SUN_REST, s, *short)
    assert w.severity is Severity.warning and w.window_start.date() == date(2026, 4, 13)
    # Working Sunday: warn (only a warning).
    sun = base + [day_shift(date(2026, 4, 19))]
    assert [f.severity for f in run(SUN_REST, s, *sun)] == [Severity.warning]


# --------------------------------------------------------------------------------------------
# § 10-8 (4): the next Sunday/holiday off


def test_next_sunday_off_basic() -> None:
    s = settings("2026-04-13", "2026-05-03")
    sun1, sun2, sun3 = date(2026, 4, 19), date(2026, 4, 26), date(2026, 5, 3)
    assert run(NEXT_SUN, s, day_shift(sun1), day_shift(sun3)) == []
    (f,) = run(NEXT_SUN, s, day_shift(sun1), day_shift(sun2))
    assert f.severity is Severity.violation and f.measured == 2 and f.limit == 1
    assert f.allowed_by is Tier.T2_INDIVIDUAL
    assert f.window_start.date() == date(2026, 4, 25) and f.window_start.hour == 18


def test_next_sunday_off_short_stint_and_window_edges() -> None:
    s = settings("2026-04-13", "2026-05-03")
    # Saturday 15:00-17:59 is before the window; Sunday 22:00 on is after it.
    assert run(NEXT_SUN, s, period("E", "2026-04-18 15:00", "2026-04-18 18:00"),
               period("E", "2026-04-19 22:00", "2026-04-20 07:00"),
               day_shift(date(2026, 4, 26))) == []
    # One minute of overtime in the window is Sunday work.
    (f,) = run(NEXT_SUN, s, period("E", "2026-04-18 17:00", "2026-04-18 18:01", kind="overtime"),
               day_shift(date(2026, 4, 26)))
    assert f.severity is Severity.violation


def test_next_sunday_off_t2_three_in_a_row() -> None:
    s = settings("2026-08-31", "2026-10-04")  # Sundays 6, 13, 20, 27 Sep, 4 Oct; no holidays
    ag = (agreement("10-8", Tier.T2_INDIVIDUAL, "E"),)
    three = [day_shift(date(2026, 9, 6) + timedelta(days=7 * i)) for i in range(3)]
    fs = run(NEXT_SUN, s, *three, agreements=ag)
    assert violations(fs) == []
    four = [day_shift(date(2026, 9, 6) + timedelta(days=7 * i)) for i in range(4)]
    fs = run(NEXT_SUN, s, *four, agreements=ag)
    (v,) = violations(fs)
    assert v.measured == 4 and v.limit == 3 and v.allowed_by is None
    # Without the agreement every second one in the run is a violation.
    assert len(violations(run(NEXT_SUN, s, *three))) == 2


def test_next_sunday_off_t2_average_warning() -> None:
    s = settings("2026-09-07", "2026-09-27")  # Sundays 13, 20, 27 Sep; no holidays
    ag = (agreement("10-8", Tier.T2_INDIVIDUAL, "E"),)
    two_of_three = [day_shift(date(2026, 9, 13)), day_shift(date(2026, 9, 20))]
    (w,) = run(NEXT_SUN, s, *two_of_three, agreements=ag)
    assert w.severity is Severity.warning and w.measured == 2
    one_of_three = [day_shift(date(2026, 9, 13))]
    assert run(NEXT_SUN, s, *one_of_three, agreements=ag) == []


def test_next_sunday_off_holidays_chain_easter_monday() -> None:
    s = settings("2026-03-30", "2026-04-12")
    (f,) = run(NEXT_SUN, s, day_shift(date(2026, 4, 5)), day_shift(date(2026, 4, 6)))
    assert f.severity is Severity.violation and "Easter Monday" in f.message


def test_next_sunday_off_christmas_2026() -> None:
    s = settings("2026-12-21", "2027-01-03")
    # Christmas Day then Boxing Day: the chain is broken only by a red day off.
    (f,) = run(NEXT_SUN, s, day_shift(date(2026, 12, 25)), day_shift(date(2026, 12, 26)))
    assert f.severity is Severity.violation and f.window_start.day == 25  # from 22:00 on the 25th
    assert run(NEXT_SUN, s, day_shift(date(2026, 12, 25)), day_shift(date(2026, 12, 27))) == []
    # Christmas Eve 15:00-22:30 lies in the Christmas Day window (eve part of a holiday):
    # counted, but only as a warning (spec open question 17).
    (w,) = run(NEXT_SUN, s, period("E", "2026-12-24 15:00", "2026-12-24 22:30"),
               day_shift(date(2026, 12, 26)))
    assert w.severity is Severity.warning
    # Christmas Eve before 15:00 is not in any window.
    assert run(NEXT_SUN, s, period("E", "2026-12-24 07:00", "2026-12-24 15:00"),
               day_shift(date(2026, 12, 25))) == []
    # New Year's Day after the Sunday 27 Dec worked is the next red day.
    (f,) = run(NEXT_SUN, s, day_shift(date(2026, 12, 27)), day_shift(date(2027, 1, 1)))
    assert f.window_start.date() == date(2026, 12, 31)


def test_next_sunday_off_history_carry_in() -> None:
    s = settings("2026-04-06", "2026-04-19")
    # Two weeks of history ending with Easter Sunday worked: Easter Monday must be off.
    hist = tuple(
        history("E", f"{date(2026, 3, 23) + timedelta(days=i)} 07:00",
                f"{date(2026, 3, 23) + timedelta(days=i)} 15:00")
        for i in (0, 1, 2, 3, 4, 8, 9, 13)  # Sun 5 Apr is i = 13
    )
    (f,) = run(NEXT_SUN, s, day_shift(date(2026, 4, 6)), history=hist)
    assert "Easter Monday" in f.message
    # The employee-history record alone carries the last Sunday worked.
    eh = {"E": employee_history("E", last_sunday_worked=date(2026, 4, 5))}
    (f,) = run(NEXT_SUN, s, day_shift(date(2026, 4, 6)), employee_history=eh)
    assert f.severity is Severity.violation
    eh_old = {"E": employee_history("E", last_sunday_worked=date(2026, 3, 29))}
    assert run(NEXT_SUN, s, day_shift(date(2026, 4, 6)), employee_history=eh_old) == []
    # History-only pairs are never reported.
    hist2 = (history("E", "2026-03-22 07:00", "2026-03-22 15:00"),
             history("E", "2026-03-29 07:00", "2026-03-29 15:00"))
    assert run(NEXT_SUN, s, day_shift(date(2026, 4, 8)), history=hist2) == []


def test_rules_have_specs() -> None:
    from constraints.rest import RULES

    assert {r.id for r in RULES} == set(CHECKS)
    assert [r.hard for r in RULES if r.id == SUN_REST] == [False]


# ------------------------------------------------------------------------------------------
# Strict mode's weekly rest: the next 35 h rest complete within 7 days of the last one's end


def test_weekly_rest_strict_never_flags_a_free_weekend() -> None:
    # Monday-Friday 08:00-16:00 for four weeks: every weekend is free.
    s = settings("2026-04-13", "2026-05-10")
    ps = [day_shift(date(2026, 4, 13) + timedelta(days=7 * w + d), "08:00", "16:00")
          for w in range(4) for d in range(5)]
    ps = [p for p in ps if p.start.date() != date(2026, 5, 1)]  # 1 May: a holiday, off
    assert run(WEEKLY, s, *ps, strict=True) == []


@pytest.mark.parametrize(("end", "expected"), [("01:00", 0), ("00:59", 0), ("01:01", 1)])
def test_weekly_rest_strict_next_rest_within_seven_days_at_under_over(end, expected) -> None:
    # The rest before the horizon ends Tue 14 Apr 12:00. Shifts 12:00-20:00 to Sunday 19, then
    # Sun 19 17:00 - Mon 20 {end}: the next 35 h rest is complete at Tue 21 {end + 11 h}. At
    # 01:00 that is exactly 7 days after Tue 14 12:00. The fixed weeks (Mon 13 00:00 - Tue 14
    # 12:00 = 36 h; the long rest from Monday 20) both pass.
    s = settings("2026-04-13", "2026-04-26")
    ps = [period("E", f"2026-04-{d} 12:00", f"2026-04-{d} 20:00") for d in range(14, 19)]
    ps.append(period("E", "2026-04-19 17:00", f"2026-04-20 {end}"))
    assert run(WEEKLY, s, *ps) == []
    fs = run(WEEKLY, s, *ps, strict=True)
    assert len(fs) == expected, fs
    if expected:
        f = fs[0]
        assert f.severity is Severity.warning and f.limit == 35
        assert (f.window_start.day, f.window_start.hour) == (14, 12)
        assert f.window_end - f.window_start == timedelta(days=7)
