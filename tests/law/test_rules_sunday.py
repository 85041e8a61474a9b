"""§ 10-10 (2): Sunday/holiday work must be permitted (nature of the work or an agreement)."""

from __future__ import annotations

from constraints.base import CheckContext, Finding, Severity
from constraints.sunday import RULES
from constraints.sunday.check import CHECKS
from scheduler.model import Tier, WorkPeriod
from tests.rosterkit import agreement, employee, period, roster, settings

RULE = "AML-10-10-2-permitted"


def run(s, *periods: WorkPeriod, **kw) -> list[Finding]:
    return CHECKS[RULE](CheckContext(settings=s, roster=roster(*periods), **kw))


NO = settings("2026-03-30", "2026-04-12", sunday_work_permitted_by_nature=False)


def test_window_edges() -> None:
    # Saturday 17:00-18:00 ends as the window opens (half-open); one more minute is inside.
    assert run(NO, period("E", "2026-04-11 17:00", "2026-04-11 18:00")) == []
    (f,) = run(NO, period("E", "2026-04-11 17:00", "2026-04-11 18:01"))
    assert f.severity is Severity.violation and f.employee == "E"
    assert f.measured == 0.02 and f.limit == 0 and f.allowed_by is Tier.T2_INDIVIDUAL
    assert f.window_start.isoformat() == "2026-04-11T18:00:00+02:00"
    # Sunday 22:00 onwards is outside.
    assert run(NO, period("E", "2026-04-12 22:00", "2026-04-13 07:00")) == []


def test_easter_2026_windows_one_finding_per_window() -> None:
    ps = [
        period("E", "2026-04-02 07:30", "2026-04-02 15:30"),  # Maundy Thursday
        period("E", "2026-04-03 07:30", "2026-04-03 15:30"),  # Good Friday (same window)
        period("E", "2026-04-04 15:00", "2026-04-04 22:30"),  # Easter Saturday from 15:00
        period("E", "2026-04-06 07:30", "2026-04-06 15:30"),  # Easter Monday (same window)
        period("E", "2026-04-04 07:00", "2026-04-04 14:59", shift="x"),  # not protected
    ]
    fs = run(NO, *ps)
    assert [(f.window_start.isoformat(), f.window_end.isoformat()) for f in fs] == [
        ("2026-04-01T18:00:00+02:00", "2026-04-03T22:00:00+02:00"),
        ("2026-04-04T15:00:00+02:00", "2026-04-06T22:00:00+02:00"),
    ]
    assert [f.measured for f in fs] == [16.0, 15.5]


def test_christmas_2026_window() -> None:
    s = settings("2026-12-21", "2027-01-03", sunday_work_permitted_by_nature=False)
    fs = run(s, period("E", "2026-12-24 15:00", "2026-12-24 22:30"),
             period("E", "2026-12-27 07:30", "2026-12-27 15:30"))
    (f,) = fs
    assert f.window_start.isoformat() == "2026-12-24T15:00:00+01:00"
    assert f.window_end.isoformat() == "2026-12-27T22:00:00+01:00"
    assert run(s, period("E", "2026-12-24 07:00", "2026-12-24 15:00")) == []


def test_agreements() -> None:
    p = period("E", "2026-04-05 07:30", "2026-04-05 15:30")
    assert run(NO, p, agreements=(agreement("10-10", Tier.T3_TARIFF_REPS),)) == []
    assert run(NO, p, agreements=(agreement("10-10", Tier.T2_INDIVIDUAL, "E"),)) == []
    # An agreement for someone else, or one that has expired, does not count.
    other = (agreement("10-10", Tier.T3_TARIFF_REPS, "F"),)
    assert len(run(NO, p, agreements=other, employees={"F": employee("F")})) == 1
    expired = (agreement("10-10", Tier.T3_TARIFF_REPS, valid_to="2026-04-01"),)
    assert len(run(NO, p, agreements=expired)) == 1


def test_not_recorded_is_one_warning() -> None:
    s = settings("2026-03-30", "2026-04-12")  # sunday_work_permitted_by_nature = None
    ps = [period(e, "2026-04-05 07:30", "2026-04-05 15:30") for e in ("A", "B", "C")]
    (w,) = run(s, *ps)
    assert w.severity is Severity.warning and w.employee is None and w.window_start is None
    assert "not judged" in w.message
    assert run(s, period("A", "2026-04-07 07:30", "2026-04-07 15:30")) == []  # no Sunday work


def test_permitted_by_nature_and_exempt() -> None:
    yes = settings("2026-03-30", "2026-04-12", sunday_work_permitted_by_nature=True)
    p = period("E", "2026-04-05 07:30", "2026-04-05 15:30")
    assert run(yes, p) == []
    assert run(NO, p, employees={"E": employee("E", exempt_10_12=True)}) == []


def test_history_only_window_not_reported() -> None:
    from tests.rosterkit import history

    h = (history("E", "2026-03-22 07:30", "2026-03-22 15:30"),)
    assert run(NO, period("E", "2026-04-07 07:30", "2026-04-07 15:30"), history=h) == []


def test_spec() -> None:
    assert [r.id for r in RULES] == [RULE]
