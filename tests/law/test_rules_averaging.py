"""§ 10-5: the long-run average of planned hours over the averaging period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from constraints.averaging.check import CHECKS
from constraints.base import CheckContext, Finding
from scheduler.model import Tier, WorkPeriod
from tests.rosterkit import agreement, history, lasting, roster, settings

AVG = {
    Tier.T2_INDIVIDUAL: "AML-10-5-1-avg-individual",
    Tier.T3_TARIFF_REPS: "AML-10-5-2-avg-tariff",
    Tier.T5_ARBEIDSTILSYNET: "AML-10-5-3-avg-labour-inspection",
}
MON = date(2026, 4, 13)
EIGHT_WEEKS = settings("2026-04-13", "2026-06-07")


def run_all(s, *periods: WorkPeriod, **kw) -> list[Finding]:
    ctx = CheckContext(settings=s, roster=roster(*periods), **kw)
    return [f for fn in CHECKS.values() for f in fn(ctx)]


def weeks(hours_per_week: list[float], emp: str = "E", start: date = MON) -> list[WorkPeriod]:
    """Each week's hours as five equal days from 07:00."""
    out = []
    for w, h in enumerate(hours_per_week):
        for d in range(5):
            out.append(lasting(emp, f"{start + timedelta(weeks=w, days=d)} 07:00", h / 5))
    return out


@pytest.mark.parametrize("tier", list(AVG))
def test_average_over_the_period_at_under_over(tier):
    ags = (agreement("10-5", tier, "E", valid_from="2026-04-13", period_weeks=8),)
    cases = (
        ([48] * 4 + [32] * 4, 0),  # exactly 40 on average
        ([48] * 4 + [31.95] * 4, 0),  # just under
        ([48] * 4 + [32.05] * 4, 1),  # just over
    )
    for hours, expected in cases:
        fs = run_all(EIGHT_WEEKS, *weeks(hours), agreements=ags)
        assert len(fs) == expected, (tier, hours, fs)
        if expected:
            f = fs[0]
            assert f.rule == AVG[tier]
            assert f.limit == 40.0 and f.measured == pytest.approx(40.04, abs=0.01)  # 385-min days
            assert f.window_start.date() == MON and f.window_end.date() == MON + timedelta(weeks=8)


def test_no_average_without_an_averaging_agreement():
    assert run_all(EIGHT_WEEKS, *weeks([48] * 8)) == []


def test_site_limit_38_is_the_long_run_average():
    ags = (
        agreement("10-5", Tier.T2_INDIVIDUAL, "E", valid_from="2026-04-13", period_weeks=8),
        agreement("10-4", "T0_DEFAULT", weekly_normal_hours=38),
    )
    fs = run_all(EIGHT_WEEKS, *weeks([39] * 8), agreements=ags)
    assert len(fs) == 1 and fs[0].limit == 38.0


def test_part_of_a_long_period_is_judged_only_when_already_certain():
    s = settings("2026-04-13", "2026-05-10")  # 4 of 52 weeks
    ags = (agreement("10-5", Tier.T3_TARIFF_REPS, "E", valid_from="2026-04-13"),)
    assert run_all(s, *weeks([54] * 4), agreements=ags) == []  # the rest of the year can balance


def test_history_carries_into_the_block():
    # Period of 8 weeks from 30 March; two weeks of history at 48 h, then 6 weeks in the horizon.
    s = settings("2026-04-13", "2026-05-24")
    ags = (agreement("10-5", Tier.T2_INDIVIDUAL, "E", valid_from="2026-03-30", period_weeks=8),)
    hist = [
        history("E", f"{date(2026, 3, 30) + timedelta(weeks=w, days=d)} 07:00",
                f"{date(2026, 3, 30) + timedelta(weeks=w, days=d)} 16:36")
        for w in range(2) for d in range(5)
    ]  # 9.6 h x 5 = 48 h a week
    assert run_all(s, *weeks([37.3] * 6), agreements=ags, history=tuple(hist)) == []  # 448-min days: 320 h
    fs = run_all(s, *weeks([37.5] * 6), agreements=ags, history=tuple(hist))  # 321 h
    assert len(fs) == 1 and fs[0].window_start.date() == date(2026, 3, 30)
