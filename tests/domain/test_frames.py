"""pandas DataFrames for notebook users (scheduler.frames)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from constraints.base import Severity
from scheduler import frames
from scheduler import summary as sm
from scheduler.model import roster_from_assignments
from tests.io.writer_kit import _assignments, _finding, _problem, _solution


def test_roster_in_long_form() -> None:
    problem = _problem()
    df = frames.roster_frame(problem, _solution(problem))
    assert list(df.columns) == list(frames.ROSTER_COLUMNS)
    assert len(df) == len(_assignments())
    night = df[(df.employee == "E1") & (df.date == date(2026, 5, 12))].iloc[0]
    assert night["shift"] == "N" and night["kind"] == "planned"
    assert night["hours"] == 10.0  # 21:00-07:00, no unpaid break
    assert night["end"] - night["start"] == pd.Timedelta(hours=10)
    assert df.groupby("employee").size().to_dict() == {"-E2": 5, "E1": 5, "E3": 1}


def test_roster_frame_from_a_roster_equals_from_the_solution() -> None:
    problem = _problem()
    roster = roster_from_assignments(problem, _assignments())
    pd.testing.assert_frame_equal(frames.roster_frame(problem, roster),
                                  frames.roster_frame(problem, _solution(problem)))


def test_coverage_per_date_shift_skill() -> None:
    problem = _problem()
    df = frames.coverage_frame(problem, _solution(problem))
    assert list(df.columns) == list(frames.COVERAGE_COLUMNS)
    assert len(df) == len(problem.demand)
    row = df[(df.date == date(2026, 5, 12)) & (df["shift"] == "N")].iloc[0]
    assert (row.skill, row.required, row.planned, row.shortfall) == ("nurse", 2, 1, 1)
    assert df.shortfall.sum() == 6  # as the Summary's total


def test_hours_per_employee_match_the_summary_figures() -> None:
    problem = _problem()
    roster = roster_from_assignments(problem, _assignments())
    df = frames.hours_frame(problem, roster).set_index("employee")
    for t in sm.employee_totals(problem.settings, roster, problem.employees,
                                sm.unavailable_days(problem)):
        assert df.loc[t.employee, "hours"] == t.hours
        assert df.loc[t.employee, "deviation"] == t.hours - t.contract
    assert df.loc["E3", "shifts"] == 1 and df.loc["E3", "name"] == "Cleo"


def test_findings_frame() -> None:
    df = frames.findings_frame([_finding(Severity.violation), _finding()])
    assert list(df.columns) == list(frames.FINDING_COLUMNS)
    assert df.severity.tolist() == ["violation", "warning"]
    assert (df.rule == "AML-10-8-1-daily-rest").all()
    assert df.message.iloc[0] == "=only 6 h rest"
    assert frames.findings_frame([]).empty
