"""§ 10-4 (2) passive time (``AML-10-4-2-passive``) and § 10-4 (3) on call (``AML-10-4-3-standby``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from constraints.base import CheckContext, Finding
from constraints.normal_hours.check import CHECKS
from constraints.spans import span_from_period
from scheduler.model import (
    Agreement,
    Employee,
    OnCall,
    WorkPeriod,
)
from tests.rosterkit import agreement, lasting, roster, settings

DAILY, WEEKLY = "AML-10-4-1-daily-normal", "AML-10-4-1-weekly-normal"
PASSIVE, STANDBY = "AML-10-4-2-passive", "AML-10-4-3-standby"
WEEK = settings("2026-04-13", "2026-04-19")  # Mon-Sun, no holiday


def run(*periods: WorkPeriod, agreements: tuple[Agreement, ...] = ()) -> dict[str, list[Finding]]:
    ctx = CheckContext(settings=WEEK, roster=roster(*periods), agreements=agreements)
    return {r: CHECKS[r](ctx) for r in (DAILY, WEEKLY, PASSIVE, STANDBY)}


T5_CONSENT = agreement("10-4", "T5_ARBEIDSTILSYNET", "E")  # particularly passive work: 13 h


def with_(p: WorkPeriod, **kw) -> WorkPeriod:
    return p.model_copy(update=kw)


# ------------------------------------------------------------------------------------------
# § 10-4 (2) passive time


@pytest.mark.parametrize(
    ("passive", "minutes", "expected", "limit"),
    [
        (240, 11 * 60, 0, None),  # 9 h + min(2 h, 4 h / 2) = 11 h: at the limit
        (240, 11 * 60 - 1, 0, None),
        (240, 11 * 60 + 1, 1, 11.0),
        (180, 10 * 60 + 30, 0, None),  # 9 h + 1.5 h
        (180, 10 * 60 + 31, 1, 10.5),
        (600, 11 * 60 + 1, 1, 11.0),  # never more than + 2 h per 24 h
    ],
)
def test_daily_limit_extended_by_half_the_passive_time(passive, minutes, expected, limit):
    p = with_(lasting("E", "2026-04-14 22:00", minutes / 60), passive_minutes=passive)
    fs = run(p)
    assert fs[DAILY] == []  # a work period with passive time is judged on the extended limit
    assert len(fs[PASSIVE]) == expected, fs[PASSIVE]
    if expected:
        assert fs[PASSIVE][0].limit == limit and "§ 10-4 (2)" in fs[PASSIVE][0].message


@pytest.mark.parametrize(
    ("passive", "minutes", "expected"),
    [
        (60, 13 * 60, 0),  # T5: 13 h per 24 h, whatever the share of passive time
        (60, 13 * 60 - 1, 0),
        (60, 13 * 60 + 1, 1),
        (0, 9 * 60 + 1, 1),  # ... but only for work with passive time: else 9 h
    ],
)
def test_t5_consent_for_particularly_passive_work_allows_13_hours(passive, minutes, expected):
    p = with_(lasting("E", "2026-04-14 20:00", minutes / 60), passive_minutes=passive)
    fs = run(p, agreements=(T5_CONSENT,))
    rule = PASSIVE if passive else DAILY
    assert len(fs[rule]) == expected, fs[rule]
    assert fs[DAILY if passive else PASSIVE] == []
    if expected and passive:
        assert fs[PASSIVE][0].limit == 13.0


@pytest.mark.parametrize(("hours", "minutes", "expected"), [(12.0, 12 * 60, 0), (12.0, 12 * 60 + 1, 1)])
def test_t5_consent_with_its_own_lower_value(hours, minutes, expected):
    consent = agreement("10-4", "T5_ARBEIDSTILSYNET", "E", passive_day_hours=hours)
    p = with_(lasting("E", "2026-04-14 20:00", minutes / 60), passive_minutes=60)
    assert len(run(p, agreements=(consent,))[PASSIVE]) == expected


def test_a_t5_consent_for_another_employee_does_not_apply():
    other = agreement("10-4", "T5_ARBEIDSTILSYNET", "F")
    p = with_(lasting("E", "2026-04-14 20:00", 12), passive_minutes=600)
    fs = run(p, agreements=(other,))
    assert len(fs[PASSIVE]) == 1 and fs[PASSIVE][0].limit == 11.0


def test_a_stricter_row_lowers_the_passive_extension():
    row = agreement("10-4", "T0_DEFAULT", passive_day_hours=10)  # site: at most 9 h + 1 h
    at = with_(lasting("E", "2026-04-14 22:00", 10), passive_minutes=240)
    over = with_(lasting("E", "2026-04-14 22:00", 10 + 1 / 60), passive_minutes=240)
    assert run(at, agreements=(row,))[PASSIVE] == []
    assert len(run(over, agreements=(row,))[PASSIVE]) == 1


def test_only_t5_may_raise_the_passive_day():
    from constraints import limits

    assert limits.validate(agreement("10-4", "T5_ARBEIDSTILSYNET", passive_day_hours=13)) == []
    assert limits.validate(agreement("10-4", "T5_ARBEIDSTILSYNET", passive_day_hours=13.5))
    assert limits.validate(agreement("10-4", "T3_TARIFF_REPS", passive_day_hours=12))


def test_without_passive_time_the_daily_limit_is_9_hours():
    fs = run(lasting("E", "2026-04-14 22:00", 9 + 1 / 60))
    assert len(fs[DAILY]) == 1 and fs[PASSIVE] == []


def _sleeping_nights(extra_minutes: int) -> list[WorkPeriod]:
    """Four 22:00-09:00 nights (11 h, 4 h passive each: 44 h, + 8 h) and a Saturday day shift."""
    ps = [with_(lasting("E", f"2026-04-{d} 22:00", 11), passive_minutes=240)
          for d in (13, 14, 15, 16)]
    return [*ps, lasting("E", "2026-04-18 10:00", extra_minutes / 60)]


@pytest.mark.parametrize(("extra", "expected"), [(240, 0), (239, 0), (241, 1)])
def test_weekly_limit_extended_by_half_the_passive_time_at_under_over(extra, expected):
    # 40 h + min(10 h, 16 h / 2) = 48 h; the week holds 44 h + ``extra``.
    fs = run(*_sleeping_nights(extra))
    weekly = [f for f in fs[PASSIVE] if f.window_end - f.window_start == timedelta(days=7)]
    assert len(weekly) == expected and fs[WEEKLY] == []
    if expected:
        assert weekly[0].limit == 48.0


def test_weekly_extension_never_above_48_hours():
    # Five 11 h nights with 8 h passive each: + min(10 h, 20 h) = 50 h, capped at 48 h.
    ps = [with_(lasting("E", f"2026-04-{d} 22:00", 11), passive_minutes=480)
          for d in (13, 14, 15, 16, 17)]
    fs = run(*ps)
    weekly = [f for f in fs[PASSIVE] if f.window_end - f.window_start == timedelta(days=7)]
    assert len(weekly) == 1 and weekly[0].limit == 48.0 and weekly[0].measured == 55.0


# ------------------------------------------------------------------------------------------
# § 10-4 (3) on call


def test_on_call_from_home_counts_one_seventh_and_on_site_in_full():
    home = with_(lasting("E", "2026-04-14 16:00", 16), on_call=OnCall.home)
    site = with_(home, on_call=OnCall.site)
    assert span_from_period(home).work == 138  # 960 / 7 = 137.1, rounded up
    assert span_from_period(site).work == 960


@pytest.mark.parametrize(("on_call", "expected"), [(OnCall.home, 0), (OnCall.site, 1)])
def test_on_call_in_the_weekly_limit(on_call, expected):
    # Four 8 h days (32 h) and a 16 h on-call: from home 2.3 h counts (34.3 h), on site 48 h.
    ps = [lasting("E", f"2026-04-{d} 08:00", 8) for d in (13, 14, 15, 16)]
    ps.append(with_(lasting("E", "2026-04-17 16:00", 16), on_call=on_call))
    fs = run(*ps)
    assert len(fs[WEEKLY]) == expected


def test_one_standby_warning_per_employee_naming_the_hours_counted():
    ps = [with_(lasting(e, f"2026-04-{d} 16:00", 14), on_call=OnCall.home)
          for e in ("A", "B") for d in (14, 16)]
    ps.append(with_(lasting("C", "2026-04-14 16:00", 14), on_call=OnCall.site))
    fs = run(*ps)[STANDBY]
    assert [f.employee for f in fs] == ["A", "B"]
    assert all(f.severity == "warning" and f.measured == 4.0 for f in fs)  # 2 x 120 min
    assert "1/7" in fs[0].message


@pytest.mark.parametrize(("share", "counted", "expected"),
                         [(0.5, 8.0, 0), (0.49, 7.85, 0), (0.51, 8.17, 1)])
def test_an_agreed_share_in_the_weekly_limit_at_under_over(share, counted, expected):
    # Four 8 h days (32 h) and a 16 h on-call from home: at 1/2, 8 h counts (40 h).
    ps = [lasting("E", f"2026-04-{d} 08:00", 8) for d in (13, 14, 15, 16)]
    ps.append(with_(lasting("E", "2026-04-17 16:00", 16), on_call=OnCall.home))
    row = agreement("10-4", "T3_TARIFF_REPS", "E", standby_share=share)
    fs = run(*ps, agreements=(row,))
    assert len(fs[WEEKLY]) == expected
    assert fs[STANDBY][0].measured == counted  # 960 min x share, rounded up to whole minutes
    assert f"{share:g}" in fs[STANDBY][0].message


def test_a_row_without_a_stated_share_keeps_one_seventh():
    row = agreement("10-4", "T3_TARIFF_REPS", "E")  # the tier may deviate, but says nothing
    p = with_(lasting("E", "2026-04-14 16:00", 14), on_call=OnCall.home)
    fs = run(p, agreements=(row,))
    assert fs[STANDBY][0].measured == 2.0 and "1/7" in fs[STANDBY][0].message


def test_only_an_agreement_with_the_power_may_count_less_than_one_seventh():
    from constraints import limits

    assert limits.validate(agreement("10-4", "T3_TARIFF_REPS", standby_share=0.1)) == []
    assert limits.validate(agreement("10-4", "T5_ARBEIDSTILSYNET", standby_share=0.0)) == []
    assert limits.validate(agreement("10-4", "T2_INDIVIDUAL", standby_share=0.1))
    assert limits.validate(agreement("10-4", "T0_DEFAULT", standby_share=0.1))
    assert limits.validate(agreement("10-4", "T0_DEFAULT", standby_share=0.5)) == []  # stricter


def test_an_agreed_share_holds_only_while_the_agreement_is_in_force():
    row = agreement("10-4", "T0_DEFAULT", "E", standby_share=1.0, valid_from="2026-04-16")
    ps = [with_(lasting("E", f"2026-04-{d} 16:00", 7), on_call=OnCall.home) for d in (14, 16)]
    fs = run(*ps, agreements=(row,))
    assert fs[STANDBY][0].measured == 8.0  # 1 h (1/7 of 7 h) + 7 h (all of it)


# ------------------------------------------------------------------------------------------
# The solver




def test_timesheet_kind_marks_on_call_rows(tmp_path):
    from scheduler.io.roster.load import load_check_input

    path = tmp_path / "t.csv"
    path.write_text(
        "employee,start,end,kind\n"
        "E,2026-04-14 16:00,2026-04-14 23:00,hjemmevakt\n"
        "E,2026-04-15 16:00,2026-04-15 23:00,on_call_site\n"
        "E,2026-04-16 08:00,2026-04-16 16:00,planlagt\n",
        encoding="utf-8",
    )
    data = load_check_input(path, start=date(2026, 4, 13), end=date(2026, 4, 19))
    assert [p.on_call for p in data.roster.periods] == [OnCall.home, OnCall.site, None]
    ctx = CheckContext(settings=data.settings, roster=data.roster)
    assert [s.work for s in ctx.timelines["E"]] == [60, 420, 480]


def test_timesheet_passive_minutes_are_read_and_checked(tmp_path):
    from scheduler.io.roster.load import load_check_input

    path = tmp_path / "t.csv"
    path.write_text(  # three sleeping nights: 11 h with 4 h passive (at 9 + 2), just over, none
        "ansatt;fra;til;passiv tid\n"
        "E;2026-04-13 22:00;2026-04-14 09:00;240\n"
        "E;2026-04-15 22:00;2026-04-16 09:01;4:00\n"
        "F;2026-04-15 22:00;2026-04-16 09:00;\n",
        encoding="utf-8",
    )
    data = load_check_input(path, start=date(2026, 4, 13), end=date(2026, 4, 19))
    assert [p.passive_minutes for p in data.roster.periods] == [240, 240, 0]
    ctx = CheckContext(settings=data.settings, roster=data.roster)
    fs = {r: CHECKS[r](ctx) for r in (DAILY, PASSIVE)}
    assert [(f.employee, f.limit) for f in fs[PASSIVE]] == [("E", 11.0)]
    assert [f.employee for f in fs[DAILY]] == ["F"]


def test_timesheet_passive_minutes_errors_name_their_cells(tmp_path):
    from scheduler.errors import InputError
    from scheduler.io.roster.load import load_check_input

    path = tmp_path / "t.csv"
    path.write_text(
        "employee,start,end,passive_minutes\n"
        "E,2026-04-14 22:00,2026-04-15 06:00,600\n"
        "E,2026-04-16 22:00,2026-04-17 06:00,lots\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load_check_input(path, start=date(2026, 4, 13), end=date(2026, 4, 19))
    text = str(err.value)
    assert "D2" in text and "longer than the work period" in text
    assert "D3" in text and "passive time is not usable" in text


@pytest.mark.parametrize("share", [None, 0.5])
def test_the_hours_sheets_count_on_call_at_the_share_the_checker_uses(share):
    # The Hours sheet (weekly and total hours) counts a 16 h on-call from home as the checker
    # does: at 1/7 without an agreed share (138 min, rounded up), at the agreed 1/2 (480 min).
    from scheduler import summary as sm

    ps = [lasting("E", "2026-04-13 08:00", 8),
          with_(lasting("E", "2026-04-17 16:00", 16), on_call=OnCall.home)]
    rows = (agreement("10-4", "T3_TARIFF_REPS", "E", standby_share=share),) if share else ()
    ctx = CheckContext(settings=WEEK, roster=roster(*ps), agreements=rows)
    checker_minutes = sum(s.work for s in ctx.timelines["E"])
    assert checker_minutes == 8 * 60 + (480 if share else 138)
    staff = (Employee(id="E"),)
    totals = sm.employee_totals(WEEK, roster(*ps), staff, agreements=rows)
    weeks = sm.weekly_hours(WEEK, roster(*ps), staff, rows)
    assert totals[0].hours * 60 == pytest.approx(checker_minutes)
    assert sum(w.hours for w in weeks) * 60 == pytest.approx(checker_minutes)
