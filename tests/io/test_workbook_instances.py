"""The example workbooks: they read cleanly, are deterministic, and demand fits capacity."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from instances.generate import BUILDERS, generate
from scheduler.io.read.workbook import read_problem
from scheduler.model import Problem

HERE = Path(__file__).resolve().parents[2] / "instances"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Problem]:
    out = tmp_path_factory.mktemp("instances")
    return {p.name: read_problem(p) for p in generate(out)}


def test_every_instance_reads(generated):
    assert set(generated) == set(BUILDERS) == {"ward.xlsx", "care_home.xlsx", "call_centre.xlsx"}


def test_generation_is_deterministic(generated, tmp_path):
    again = {p.name: read_problem(p) for p in generate(tmp_path)}
    assert again == generated


def test_committed_files_match_the_generator(generated):
    for name, problem in generated.items():
        assert read_problem(HERE / name) == problem, f"run python -m instances.generate ({name})"


def demand_share_by_skill(problem: Problem) -> dict[str, float]:
    """Minimum demanded hours per skill over the contracted hours of staff with that skill."""
    days = len(problem.days())
    need: dict[str, float] = defaultdict(float)
    for d in problem.demand:
        need[d.skill] += d.minimum * problem.shift(d.shift).paid_minutes() / 60
    share = {}
    for skill, hours in need.items():
        staff = [e for e in problem.employees if not skill or skill in e.skills]
        capacity = sum(e.contracted_weekly_hours(problem.settings.full_time_hours) * days / 7
                       for e in staff)
        share[skill] = hours / capacity
    return share


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_demand_is_at_most_about_80_percent_of_capacity(generated, name):
    shares = demand_share_by_skill(generated[name])
    assert shares and all(0.6 <= s <= 0.8 for s in shares.values()), shares


def test_ward_shape(generated):
    p = generated["ward.xlsx"]
    assert (p.settings.start, p.settings.end) == (date(2026, 4, 1), date(2026, 4, 30))
    assert len(p.employees) == 30
    assert {s for e in p.employees for s in e.skills} == {"RN", "HCA"}
    assert {e.position_pct for e in p.employees} == {100, 80, 75, 50}
    assert [(s.code, s.start.strftime("%H:%M"), s.end.strftime("%H:%M"), s.paid_minutes())
            for s in p.shifts] == [("D", "07:30", "15:30", 480), ("E", "15:00", "22:30", 450),
                                   ("N", "22:00", "08:00", 600)]
    night_agreements = {a.employee for a in p.agreements if a.family == "10-5"}
    assert len(night_agreements) == 10
    assert all(a.tier.value == "T2_INDIVIDUAL" and a.params["daily_limit_hours"] == 10
               for a in p.agreements if a.family == "10-5")
    (site,) = [a for a in p.agreements if a.employee is None]
    assert site.family == "10-8" and site.params["daily_rest_hours"] == 11
    # § 10-8 (4): Sundays/holidays in a row by individual (T2) agreement, one per employee.
    red = {a.employee: a for a in p.agreements if "red_days_in_a_row" in a.params}
    assert set(red) == {e.id for e in p.employees}
    assert all(a.tier.value == "T2_INDIVIDUAL" and a.params["red_days_in_a_row"] == 3
               for a in red.values())
    # Every night slot can be staffed by someone with a 10 h agreement, per skill.
    for skill in ("RN", "HCA"):
        assert sum(1 for e in p.employees if e.id in night_agreements and skill in e.skills) == 5
    # Easter days use the Holiday row (weekend level)
    by_day = defaultdict(int)
    for d in p.demand:
        by_day[d.day] += d.minimum
    assert by_day[date(2026, 4, 2)] == by_day[date(2026, 4, 4)] == 9
    assert by_day[date(2026, 4, 1)] == 13
    assert p.requests and p.fixed and p.history and p.employee_history


def test_care_home_and_call_centre_shape(generated):
    care = generated["care_home.xlsx"]
    assert len(care.employees) == 15 and care.settings.language == "nb"
    assert sorted((a.employee, a.tier.value, a.params["red_days_in_a_row"])
                  for a in care.agreements) == sorted((e.id, "T2_INDIVIDUAL", 3)
                                                      for e in care.employees)
    assert all(50 <= (e.position_pct or 0) <= 100 for e in care.employees)
    assert any(d.target and d.target > d.minimum for d in care.demand)
    call = generated["call_centre.xlsx"]
    assert len(call.employees) == 60 and len(call.shifts) == 5
    assert not call.agreements
    assert call.settings.sunday_work_permitted_by_nature is False
    assert all(d.day.weekday() != 6 for d in call.demand)
    # Saturday shifts end by 18:00, before the Sunday window opens
    assert all(call.shift(d.shift).end.hour <= 18 for d in call.demand if d.day.weekday() == 5)
