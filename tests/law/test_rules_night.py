"""§ 10-11 night work and the § 10-2 night exemption."""

from __future__ import annotations

from datetime import date, timedelta

from constraints.base import CheckContext, Finding, Severity
from constraints.night import RULES
from constraints.night.check import CHECKS
from scheduler.model import Tier, WorkPeriod
from tests.rosterkit import agreement, employee, period, roster, settings

PERMITTED = "AML-10-11-2-permitted"
EXEMPT = "AML-10-2-night-exempt"
AVG = "AML-10-11-6-night-avg"
RISK = "AML-10-11-7-night-risk"
T3 = Tier.T3_TARIFF_REPS


def run(rule: str, s, *periods: WorkPeriod, **kw) -> list[Finding]:
    return CHECKS[rule](CheckContext(settings=s, roster=roster(*periods), **kw))


def night(d: date, start: str = "22:00", end: str = "07:00", emp: str = "E") -> WorkPeriod:
    return period(emp, f"{d} {start}", f"{d + timedelta(days=1)} {end}")


def shift(d: date, start: str, end: str, emp: str = "E") -> WorkPeriod:
    return period(emp, f"{d} {start}", f"{d} {end}")


D = date(2026, 9, 8)  # an ordinary Tuesday
NO = settings("2026-09-07", "2026-09-13", night_work_permitted_by_nature=False)


# --------------------------------------------------------------------------------------------
# § 10-11 (2)


def test_permitted_window_edges() -> None:
    assert run(PERMITTED, NO, shift(D, "14:00", "21:00")) == []
    (f,) = run(PERMITTED, NO, shift(D, "14:00", "21:01"))
    assert f.measured == 0.02 and f.allowed_by is T3
    assert run(PERMITTED, NO, shift(D, "06:00", "14:00")) == []
    (f,) = run(PERMITTED, NO, night(D))
    assert f.measured == 8 and f.window_start.hour == 21 and f.window_end.hour == 6


def test_permitted_agreements_and_settings() -> None:
    assert run(PERMITTED, NO, night(D), agreements=(agreement("10-11", T3),)) == []
    # T2 cannot permit night work under § 10-11 (4).
    assert len(run(PERMITTED, NO, night(D),
                   agreements=(agreement("10-11", Tier.T2_INDIVIDUAL, "E"),))) == 1
    yes = settings("2026-09-07", "2026-09-13", night_work_permitted_by_nature=True)
    assert run(PERMITTED, yes, night(D)) == []
    unknown = settings("2026-09-07", "2026-09-13")
    (w,) = run(PERMITTED, unknown, night(D), night(D, emp="F"), night(D + timedelta(days=2)))
    assert w.severity is Severity.warning and w.employee is None and "3 employee-nights" in w.message
    assert run(PERMITTED, unknown, shift(D, "07:00", "15:00")) == []


def test_night_exempt() -> None:
    s = settings("2026-09-07", "2026-09-13", night_work_permitted_by_nature=True)
    emps = {"E": employee("E", night_work_allowed=False)}
    (f,) = run(EXEMPT, s, night(D), employees=emps)
    assert f.severity is Severity.violation and f.rule == EXEMPT
    assert run(EXEMPT, s, shift(D, "07:00", "15:00"), employees=emps) == []
    assert run(EXEMPT, s, night(D)) == []  # allowed by default
    # The § 10-2 right survives the § 10-12 exemption.
    emps = {"E": employee("E", night_work_allowed=False, exempt_10_12=True)}
    assert len(run(EXEMPT, s, night(D), employees=emps)) == 1


# --------------------------------------------------------------------------------------------
# § 10-11 (6): 4-week average for regular night workers

FOUR = settings("2026-09-07", "2026-10-04")  # exactly one 4-week block, no DST, no holidays
START = date(2026, 9, 7)


def _nights(n: int) -> list[WorkPeriod]:
    return [night(START + timedelta(days=i)) for i in range(n)]  # 9 h each


def test_night_avg_limit_177_3() -> None:
    # 19 nights x 9 h + 6 h 20 = 10 640 min = 177.33 h = 8 x (672 - 140) / 24.
    at = _nights(19) + [shift(date(2026, 10, 1), "07:00", "13:20")]
    assert run(AVG, FOUR, *at) == []
    under = _nights(19) + [shift(date(2026, 10, 1), "07:00", "13:19")]
    assert run(AVG, FOUR, *under) == []
    over = _nights(19) + [shift(date(2026, 10, 1), "07:00", "13:21")]
    (f,) = run(AVG, FOUR, *over)
    assert f.severity is Severity.violation
    assert f.measured == 177.35 and f.limit == 177.33
    assert f.allowed_by is T3
    assert f.window_start.date() == START and (f.window_end - f.window_start).days == 28
    # T3 may depart (up to 13 h per 24 h).
    assert run(AVG, FOUR, *over, agreements=(agreement("10-11", T3),)) == []


def test_night_avg_overtime_is_not_normal_hours() -> None:
    over = _nights(19) + [period("E", "2026-10-01 07:00", "2026-10-01 13:21", kind="overtime")]
    assert run(AVG, FOUR, *over) == []


def test_night_avg_regularly_one_third() -> None:
    nights = _nights(7)  # 63 h, Sep 7-13
    days = [shift(START + timedelta(days=8 + i), "07:00", "16:00") for i in range(15)]
    # 7 of 21 work periods at night = 1/3 -> regular; 189 h > 177.3 h.
    (f,) = run(AVG, FOUR, *nights, *days[:14])
    assert "7 of 21" in f.message
    # 7 of 22 < 1/3 -> not a regular night worker: not judged under § 10-11 (6).
    assert run(AVG, FOUR, *nights, *days) == []
    # A site may set a lower (stricter) share.
    ag = (agreement("10-11", Tier.T0_DEFAULT, night_regular_share=0.25),)
    assert len(run(AVG, FOUR, *nights, *days, agreements=ag)) == 1


def test_night_avg_partial_block_pro_rata_warning() -> None:
    two = settings("2026-09-07", "2026-09-20")  # 14 days: 8 x (336 - 70) / 24 = 88.67 h
    (w,) = run(AVG, two, *_nights(10))  # 90 h
    assert w.severity is Severity.warning and w.limit == 88.67 and w.measured == 90
    assert run(AVG, two, *_nights(9)) == []


# --------------------------------------------------------------------------------------------
# § 10-11 (7): 8 h cap for risky night work

RISKY = {"E": employee("E", high_risk_night=True)}
S = settings("2026-09-07", "2026-09-13")


def test_night_risk_cap() -> None:
    assert run(RISK, S, night(D, "22:00", "06:00"), employees=RISKY) == []
    (f,) = run(RISK, S, night(D, "22:00", "06:01"), employees=RISKY)
    assert f.measured == 8.02 and f.limit == 8 and f.allowed_by is T3
    assert run(RISK, S, night(D, "22:00", "06:01")) == []  # not a risky role
    ag = (agreement("10-11", T3, night_risk_hours=10),)
    assert run(RISK, S, night(D, "22:00", "06:01"), employees=RISKY, agreements=ag) == []


def test_night_risk_day_window_and_three_hours() -> None:
    # 00:00-06:00 (6 h at night) + 14:00-17:00: 9 h in the calendar day.
    ps = [shift(D, "00:00", "06:00"), shift(D, "14:00", "17:00")]
    (f,) = run(RISK, S, *ps, employees=RISKY)
    assert f.measured == 9 and f.window_start.hour == 0 and f.window_start.day == D.day
    # Exactly 3 h at night is not "more than 3 h": the cap does not apply.
    ps = [shift(D, "03:00", "06:00"), shift(D, "07:00", "13:00")]
    assert run(RISK, S, *ps, employees=RISKY) == []


def test_night_risk_strict_rolling() -> None:
    ps = [shift(D, "12:00", "15:00"), night(D, "22:00", "04:00")]
    assert run(RISK, S, *ps, employees=RISKY) == []
    (w,) = run(RISK, S, *ps, employees=RISKY, strict=True)
    assert w.severity is Severity.warning and w.measured == 9 and w.window_start.hour == 12


def test_night_shift_across_dst_counts_elapsed_hours() -> None:
    # 25 Oct 2026 clocks go back: 22:00 -> 06:00 is 9 real hours.
    s = settings("2026-10-19", "2026-10-25")
    (f,) = run(RISK, s, period("E", "2026-10-24 22:00", "2026-10-25 06:00"), employees=RISKY)
    assert f.measured == 9
    # 29 Mar 2026 clocks go forward: 22:00 -> 07:00 is 8 real hours.
    s = settings("2026-03-23", "2026-03-29")
    assert run(RISK, s, period("E", "2026-03-28 22:00", "2026-03-29 07:00"), employees=RISKY) == []
    # The night window itself is 10 real hours that autumn night.
    s = settings("2026-10-19", "2026-10-25", night_work_permitted_by_nature=False)
    (f,) = run(PERMITTED, s, period("E", "2026-10-24 20:00", "2026-10-25 08:00"))
    assert f.measured == 10


def test_specs() -> None:
    assert {r.id for r in RULES} == set(CHECKS)
    assert [r.applies_to_exempt for r in RULES if r.id == EXEMPT] == [True]
