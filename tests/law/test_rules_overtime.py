"""§ 10-6: overtime caps (with the § 10-9 (2) break and carry-in), consent, totals, excuse."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from constraints.base import CheckContext, Finding, Severity
from constraints.checker import run_check
from constraints.overtime.check import CHECKS
from constraints.windows import fixed_blocks
from scheduler.model import Tier, WorkPeriod
from tests.rosterkit import (
    agreement,
    employee,
    employee_history,
    history,
    lasting,
    period,
    roster,
    settings,
)

OT7, OT4, OT52 = "AML-10-6-4-ot-7d", "AML-10-6-4-ot-4w", "AML-10-6-4-ot-52w"
CONSENT = "AML-10-6-7-consent"
TOT24, TOT7, TOTMAX = "AML-10-6-8-total-24h", "AML-10-6-8-total-7d", "AML-10-6-8-total-max-week"
EXCUSE = "AML-10-6-10-excuse"
T3, T4, T5 = Tier.T3_TARIFF_REPS, Tier.T4_UNION_INNSTILLINGSRETT, Tier.T5_ARBEIDSTILSYNET
MON = date(2026, 4, 13)
WEEK = settings("2026-04-13", "2026-04-19")
OK = employee("E", overtime_consent=True)


def run(rule: str, s, *periods: WorkPeriod, **kw) -> list[Finding]:
    kw.setdefault("employees", {"E": OK})
    return CHECKS[rule](CheckContext(settings=s, roster=roster(*periods), **kw))


def ot_days(total_minutes: int, monday: date = MON, days: int = 5, emp: str = "E") -> list[WorkPeriod]:
    """Stand-alone overtime periods (no normal hours next to them) from 16:00 on weekdays."""
    base = total_minutes // days
    mins = [base] * days
    mins[-1] += total_minutes - base * days
    return [
        lasting(emp, f"{monday + timedelta(days=i)} 16:00", m / 60, kind="overtime")
        for i, m in enumerate(mins)
    ]


# ------------------------------------------------------------------------------------------
# Caps


@pytest.mark.parametrize(
    ("tier", "cap", "allowed"), [(None, 10.0, T3), (T3, 20.0, T5), (T5, 25.0, None)]
)
def test_ot_7d_per_tier(tier, cap, allowed):
    ags = () if tier is None else (agreement("10-6", tier),)
    for delta, expected in ((0, 0), (-1, 0), (1, 1)):
        fs = run(OT7, WEEK, *ot_days(round(cap * 60) + delta, days=6), agreements=ags)
        assert len(fs) == expected, (tier, delta, fs)
        if expected:
            assert fs[0].limit == cap and fs[0].allowed_by == allowed
            assert fs[0].window_start.date() == MON


def _with_normal(day: date, ot_minutes: int, brk: int | None) -> list[WorkPeriod]:
    return [
        period("E", f"{day} 07:00", f"{day} 15:00"),
        lasting("E", f"{day} 15:00", ot_minutes / 60, kind="overtime", break_minutes=brk),
    ]


@pytest.mark.parametrize(
    ("brk", "presume", "expected"),
    [(None, False, 1), (None, True, 0), (30, False, 0), (0, False, 1), (15, False, 1)],
)
def test_ot_break_after_two_hours_is_not_counted(brk, presume, expected):
    # Five days of 8 h + 2.5 h overtime: 12.5 h overtime, of which 5 x 30 min is the § 10-9 (2)
    # break when it was taken -> 10 h counted, exactly the cap. An unrecorded break is not
    # presumed taken unless Settings presume_breaks says so.
    ps = [p for d in range(5) for p in _with_normal(MON + timedelta(days=d), 150, brk)]
    s = WEEK.model_copy(update={"presume_breaks": presume})
    fs = run(OT7, s, *ps)
    assert len(fs) == expected
    if expected:
        assert fs[0].measured == (12.5 if brk in (0, None) else 11.25)


def test_ot_break_not_deducted_at_exactly_two_hours():
    ps = [p for d in range(5) for p in _with_normal(MON + timedelta(days=d), 120, None)]
    ps += _with_normal(MON + timedelta(days=5), 1, None)
    fs = run(OT7, WEEK, *ps)  # 10 h 1 min, nothing deducted
    assert len(fs) == 1 and fs[0].measured == pytest.approx(10.02, abs=0.01)


def test_ot_break_not_deducted_twice_when_unpaid():
    # 3 h overtime with an unpaid 30-minute break: 2.5 h worked, nothing more taken off.
    ps = [period("E", f"{MON + timedelta(days=d)} 07:00", f"{MON + timedelta(days=d)} 15:00")
          for d in range(5)]
    ps += [
        lasting("E", f"{MON + timedelta(days=d)} 15:00", 3, kind="overtime", break_minutes=30,
                break_counts_as_work=False)
        for d in range(5)
    ]
    fs = run(OT7, WEEK, *ps)
    assert len(fs) == 1 and fs[0].measured == 12.5


def test_ot_4w_fixed_block_with_two_week_history_carry_in():
    # 2026 blocks tile from Monday 29 Dec 2025: one 4-week block is 23 Mar - 20 Apr.
    s = settings("2026-04-06", "2026-04-19")
    blocks = fixed_blocks(s, date(2026, 3, 1), 4)
    assert any(w.label == "2026-03-23" for w in blocks)
    hist = tuple(
        history("E", f"{date(2026, 3, 23) + timedelta(weeks=w)} 16:00",
                f"{date(2026, 3, 23) + timedelta(weeks=w)} 23:00", kind="overtime")
        for w in range(2)
    )  # 14 h overtime carried in
    for minutes, expected in ((11 * 60, 0), (11 * 60 + 1, 1)):
        ps = ot_days(minutes, date(2026, 4, 6))
        fs = run(OT4, s, *ps, history=hist)
        assert len(fs) == expected
        if expected:
            assert fs[0].window_start.date() == date(2026, 3, 23)
            assert fs[0].window_end.date() == date(2026, 4, 20)
            assert fs[0].limit == 25.0 and fs[0].allowed_by == T3
        assert run(OT4, s, *ps) == []  # without the history it is only 11 h


def test_ot_4w_t3():
    s = settings("2026-03-23", "2026-04-19")
    ps = [p for w in range(4) for p in ot_days(12 * 60 + 31, date(2026, 3, 23) + timedelta(weeks=w))]
    fs = run(OT4, s, *ps, agreements=(agreement("10-6", T3),))  # 50 h 4 min
    assert len(fs) == 1 and fs[0].limit == 50.0 and fs[0].allowed_by is None


def test_ot_52w_year_to_date_carry_in_without_double_count():
    s = settings("2026-04-13", "2026-04-26")
    hist = (history("E", "2026-04-06 16:00", "2026-04-07 00:00", kind="overtime"),)  # 8 h
    ps = ot_days(5 * 60) + ot_days(5 * 60, MON + timedelta(weeks=1))  # 10 h in the horizon
    for ytd, expected in ((190.0, 0), (190.02, 1)):
        fs = run(OT52, s, *ps, history=hist,
                 employee_history={"E": employee_history("E", ytd)})
        assert len(fs) == expected, (ytd, fs)
        if expected:
            assert fs[0].window_start.date() == date(2025, 12, 29)
            assert fs[0].limit == 200.0 and fs[0].allowed_by == T3
    # The history alone (8 h) is not added to a YTD figure that already holds it.
    fs = run(OT52, s, *ps, history=hist, employee_history={"E": employee_history("E", 5)})
    assert fs == []


def test_ot_52w_t3_and_t5_per_26_weeks():
    s = settings("2026-04-13", "2026-04-19")
    ps = ot_days(10 * 60)
    eh = {"E": employee_history("E", 291)}
    fs = run(OT52, s, *ps, employee_history=eh, agreements=(agreement("10-6", T3),))
    assert len(fs) == 1 and fs[0].limit == 300.0
    # T5: 200 h per 26 weeks; the YTD figure counts only towards the 52-week block.
    fs = run(OT52, s, *ps, employee_history=eh, agreements=(agreement("10-6", T5),))
    assert fs == []
    hist = tuple(
        history("E", f"{date(2026, 3, 30) + timedelta(days=d)} 06:00",
                f"{date(2026, 3, 30) + timedelta(days=d)} 20:00", kind="overtime")
        for d in range(14)
    )  # 196 h in the 26-week block from 29 Dec 2025
    fs = run(OT52, s, *ps, history=hist, agreements=(agreement("10-6", T5),))
    assert len(fs) == 1 and fs[0].limit == 200.0
    assert fs[0].window_end - fs[0].window_start == timedelta(weeks=26)


# ------------------------------------------------------------------------------------------
# Consent


def test_consent_needed_above_the_default_cap_even_under_t3():
    ps = ot_days(15 * 60)
    ags = (agreement("10-6", T3),)
    no = {"E": employee("E")}
    assert run(OT7, WEEK, *ps, agreements=ags, employees=no) == []
    fs = run(CONSENT, WEEK, *ps, agreements=ags, employees=no)
    assert len(fs) == 1 and fs[0].limit == 10.0 and fs[0].measured == 15.0
    assert run(CONSENT, WEEK, *ps, agreements=ags) == []  # consent given
    assert run(CONSENT, WEEK, *ot_days(10 * 60), agreements=ags, employees=no) == []


# ------------------------------------------------------------------------------------------
# Totals


@pytest.mark.parametrize(("tier", "cap", "allowed"), [(None, 13.0, T3), (T3, 16.0, None)])
def test_total_24h_per_tier(tier, cap, allowed):
    ags = () if tier is None else (agreement("10-6", tier),)
    for delta, expected in ((0, 0), (-1, 0), (1, 1)):
        ps = [
            period("E", "2026-04-14 06:00", "2026-04-14 14:00"),
            lasting("E", "2026-04-14 14:00", (round(cap * 60) - 480 + delta) / 60, kind="overtime"),
        ]
        fs = run(TOT24, WEEK, *ps, agreements=ags)
        assert len(fs) == expected, (tier, delta, fs)
        if expected:
            assert fs[0].limit == cap and fs[0].allowed_by == allowed
            assert fs[0].window_start.hour == 6  # the continuous work period


def test_total_24h_counts_extra_hours():
    ps = [
        period("E", "2026-04-14 06:00", "2026-04-14 14:00"),
        period("E", "2026-04-14 14:00", "2026-04-14 19:01", kind="extra"),
    ]
    assert len(run(TOT24, WEEK, *ps)) == 1


def test_total_7d_eight_week_average():
    # 8-week blocks of 2026 from 29 Dec 2025: 20 Apr - 15 Jun is one.
    s = settings("2026-04-20", "2026-06-14")
    start = date(2026, 4, 20)
    for extra_min, expected in ((0, 0), (1, 1)):
        ps: list[WorkPeriod] = []
        for w in range(8):
            monday = start + timedelta(weeks=w)
            ps += [period("E", f"{monday + timedelta(days=d)} 07:00", f"{monday + timedelta(days=d)} 15:00")
                   for d in range(5)]
            ps += ot_days(8 * 60 + (extra_min if w == 7 else 0), monday)
        fs = run(TOT7, s, *ps)
        assert len(fs) == expected
        if expected:
            assert fs[0].limit == 48.0 and fs[0].window_start.date() == start
            assert fs[0].window_end.date() == start + timedelta(weeks=8)


def test_total_max_week():
    ags = (agreement("10-5", T3, "E"), agreement("10-6", T3, "E"))
    for extra, expected in ((0, 0), (1, 1)):
        ps = [lasting("E", f"{MON + timedelta(days=d)} 06:00", 9) for d in range(6)]  # 54 h
        ps += [lasting("E", f"{MON + timedelta(days=d)} 15:00", (225 + (extra if d == 3 else 0)) / 60,
                       kind="overtime", break_minutes=0) for d in range(4)]  # 15 h (+1 min)
        fs = run(TOTMAX, WEEK, *ps, agreements=ags)
        assert len(fs) == expected
        if expected:
            assert fs[0].limit == 69.0 and fs[0].window_start.date() == MON


# ------------------------------------------------------------------------------------------
# Excuse


def test_excused_employee_with_extra_or_overtime():
    emps = {"E": employee("E", excused_overtime=True)}
    ps = [
        period("E", "2026-04-14 07:00", "2026-04-14 15:00"),
        period("E", "2026-04-14 15:00", "2026-04-14 16:00", kind="extra"),
        period("E", "2026-04-15 15:00", "2026-04-15 16:00", kind="overtime"),
    ]
    fs = run(EXCUSE, WEEK, *ps, employees=emps)
    assert [f.window_start.day for f in fs] == [14, 15]
    assert run(EXCUSE, WEEK, ps[0], employees=emps) == []
    assert run(EXCUSE, WEEK, *ps) == []  # not excused


# ------------------------------------------------------------------------------------------
# Strict mode: rolling windows


def test_ot_7d_rolling_only_is_a_warning():
    # 6 h overtime on Sat/Sun and 6 h on Mon/Tue: each fixed week has 6 h, a rolling 7 days 12 h.
    s = settings("2026-04-13", "2026-04-26")
    ps = [
        lasting("E", "2026-04-18 16:00", 3, kind="overtime"),
        lasting("E", "2026-04-19 16:00", 3, kind="overtime"),
        lasting("E", "2026-04-20 16:00", 3, kind="overtime"),
        lasting("E", "2026-04-21 16:00", 3, kind="overtime"),
    ]
    emps = [employee("E", overtime_consent=True)]
    assert [f for f in run_check(s, roster(*ps), employees=emps).findings if f.rule == OT7] == []
    rep = run_check(s, roster(*ps), employees=emps, strict=True)
    fs = [f for f in rep.findings if f.rule == OT7]
    assert len(fs) == 1 and fs[0].severity == Severity.warning and fs[0].measured == 12.0
    assert rep.mode == "strict"


def test_block_starting_before_the_horizon_uses_the_agreement_in_force_at_horizon_start():
    # T3 from 6 April (horizon start); the 4-week block began 23 March under the default.
    s = settings("2026-04-06", "2026-04-19")
    ags = (agreement("10-6", T3, valid_from="2026-04-06"),)
    ps = ot_days(20 * 60, date(2026, 4, 6)) + ot_days(10 * 60, date(2026, 4, 13))
    assert run(OT4, s, *ps, agreements=ags) == []  # 30 h <= 50 (T3)
    fs = run(OT4, s, *ps)
    assert len(fs) == 1 and fs[0].limit == 25.0
