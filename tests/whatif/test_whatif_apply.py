"""Applying changes: pure functions that give a new, consistent problem."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from scheduler.io.read.workbook import read_problem
from scheduler.model import Agreement, FixedAssignment, Problem, RequestKind, Tier
from scheduler.whatif.apply import apply_change, apply_scenario
from scheduler.whatif.changes import (
    AddEmployees,
    AllowOvertime,
    RemoveEmployees,
    ScaleDemand,
    Scenario,
    SetAgreementTier,
    SickLeave,
)
from scheduler.whatif.demand import scale_counts, scale_demand
from scheduler.whatif.rebuild import ChangeError, rebuild
from scheduler.whatif.rule_changes import set_parameter, set_tier, set_weight
from scheduler.whatif.staff import add_employees, remove_employees, sick_leave, typical_employee
from tests.whatif.test_whatif_kit import workbook


@pytest.fixture(scope="module")
def problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    path = workbook(tmp_path_factory.mktemp("w") / "w.xlsx")
    p = read_problem(path)
    # a fixed shift and a day off to see them follow the employee
    return rebuild(p, fixed=(FixedAssignment(employee="R2", day=date(2026, 6, 2), shift="D"),
                                FixedAssignment(employee="R2", day=date(2026, 6, 5), shift="OFF")))


def test_the_input_problem_is_never_changed(problem: Problem) -> None:
    before = problem.model_dump_json()
    sc = Scenario(name="x", changes=(RemoveEmployees(employees=("R2",)), AddEmployees(skill="RN"),
                                     ScaleDemand(factor=2), AllowOvertime()))
    after = apply_scenario(problem, sc)
    assert problem.model_dump_json() == before
    assert after is not problem and len(after.employees) == len(problem.employees)


def test_problem_travels_as_json(problem: Problem) -> None:
    assert Problem.model_validate_json(problem.model_dump_json()) == problem


def test_remove_takes_everything_that_names_the_employee(problem: Problem) -> None:
    p = remove_employees(problem, ["R2", "R1"])
    assert [e.id for e in p.employees] == ["R3", "R4", "H1", "H2"]
    assert all(r.employee not in ("R1", "R2") for r in p.requests)
    assert all(f.employee not in ("R1", "R2") for f in p.fixed)
    assert all(a.employee not in ("R1", "R2") for a in p.agreements)
    assert len(p.requests) == len(problem.requests) - 1  # R2's day-off wish went with R2


def test_remove_by_skill_takes_the_last_ones(problem: Problem) -> None:
    p = apply_change(problem, RemoveEmployees(skill="RN", count=2))
    assert [e.id for e in p.employees] == ["R1", "R2", "H1", "H2"]
    with pytest.raises(ChangeError) as err:
        apply_change(problem, RemoveEmployees(skill="RN", count=5))
    assert err.value.field == "value"
    with pytest.raises(ChangeError) as err:
        remove_employees(problem, ["nobody"])
    assert err.value.field == "target" and "'nobody'" in err.value.message


def test_typical_employee_is_the_most_flexible_colleague(problem: Problem) -> None:
    # R1 has an individual § 10-5 agreement: preferred over R2 (same skills, position)
    assert typical_employee(problem, "RN").id == "R1"
    assert typical_employee(problem, "HCA", 75).id == "H2"  # closest position
    assert typical_employee(problem, "").id == "R1"
    with pytest.raises(ChangeError):
        typical_employee(problem, "Surgeon")


def test_added_employees_copy_the_colleague_and_their_agreements(problem: Problem) -> None:
    p, ids = add_employees(problem, "RN", 2, 60)
    assert ids == ["NEW-RN-1", "NEW-RN-2"]
    new = [p.employee(i) for i in ids]
    assert all(e.skills == ("RN",) and e.position_pct == 60 and e.hourly_cost == 400
               for e in new)
    own = [a for a in p.agreements if a.employee in ids]
    assert [(a.employee, a.family, a.tier) for a in own] == [
        ("NEW-RN-1", "10-5", Tier.T2_INDIVIDUAL), ("NEW-RN-2", "10-5", Tier.T2_INDIVIDUAL)]
    # a second round picks fresh ids
    _, more = add_employees(p, "RN", 1)
    assert more == ["NEW-RN-3"]
    with pytest.raises(ChangeError) as err:
        add_employees(problem, "RN", 1, 0)
    assert err.value.field == "position_pct"


@pytest.mark.parametrize(("values", "factor", "expected"), [
    ([1] * 10, 1.1, [0] * 5 + [1] + [0] * 4),  # +1 in total, in the middle of the period
    ([1] * 10, 1.0, [0] * 10),
    ([2, 2, 2, 2], 1.25, [0, 1, 0, 1]),  # 8 × 1.25 = 10: two +1, spread out
    ([2, 1], 0.0, [-2, -1]),
    ([3], 1.5, [2]),  # 4.5 rounds half up to 5
    ([1, 1], 1.24, [0, 0]),  # 2.48 rounds to 2: nothing added
    ([1, 1], 1.25, [0, 1]),  # 2.5 rounds to 3 (the later of the two tied rows)
])
def test_scale_counts(values: list[int], factor: float, expected: list[int]) -> None:
    got = scale_counts(values, factor)
    assert [g - v for g, v in zip(got, values, strict=True)] == expected


@given(hs.lists(hs.integers(0, 20), min_size=1, max_size=40),
       hs.floats(0, 3, allow_nan=False))
def test_scale_counts_keeps_the_scaled_total(values: list[int], factor: float) -> None:
    got = scale_counts(values, factor)
    exact = sum(values) * factor
    assert abs(sum(got) - exact) <= 0.5 + 1e-6
    for g, v in zip(got, values, strict=True):
        assert v * factor - 1 - 1e-6 <= g <= v * factor + 1 + 1e-6


def test_scale_demand_only_touches_matching_rows(problem: Problem) -> None:
    change = ScaleDemand(factor=2, weekdays=(5, 6), skills=("RN",))
    p = scale_demand(problem, change)
    for old, new in zip(problem.demand, p.demand, strict=True):
        weekend_rn = old.day.weekday() >= 5 and old.skill == "RN"
        assert new.minimum == (old.minimum * 2 if weekend_rn else old.minimum)
    with pytest.raises(ChangeError) as err:
        scale_demand(problem, ScaleDemand(factor=2, start=date(2027, 1, 1)))
    assert err.value.field == "target"


def test_scaled_target_never_falls_below_the_minimum(problem: Problem) -> None:
    with_targets = rebuild(problem, demand=tuple(
        d.model_copy(update={"target": d.minimum}) for d in problem.demand))
    p = scale_demand(with_targets, ScaleDemand(factor=1.5))
    assert all(d.target is not None and d.target >= d.minimum for d in p.demand)
    assert sum(d.minimum for d in p.demand) == round(1.5 * len(problem.demand))


def test_sick_leave_makes_days_unavailable_and_drops_pinned_shifts(problem: Problem) -> None:
    p = apply_change(problem, SickLeave(employees=("R2",), start=date(2026, 6, 1),
                                           end=date(2026, 6, 6)))
    leave = [r for r in p.requests if r.kind == RequestKind.unavailable]
    assert [(r.employee, r.start, r.end) for r in leave] == [
        ("R2", date(2026, 6, 1), date(2026, 6, 6))]
    assert [(f.employee, f.day, f.shift) for f in p.fixed] == [("R2", date(2026, 6, 5), "OFF")]
    with pytest.raises(ChangeError) as err:
        sick_leave(problem, ["R2"], date(2026, 5, 1), date(2026, 5, 31))
    assert err.value.field == "from"
    # one day of overlap with the horizon (the last day) is enough
    sick_leave(problem, ["R2"], date(2026, 6, 7), date(2026, 6, 20))


def test_agreement_tier_for_the_site_replaces_the_family(problem: Problem) -> None:
    p = set_tier(problem, "10-5", Tier.T3_TARIFF_REPS)
    fam = [a for a in p.agreements if a.family == "10-5"]
    assert fam == [Agreement(family="10-5", tier=Tier.T3_TARIFF_REPS)]
    p2 = set_tier(problem, "10-5", Tier.T2_INDIVIDUAL)
    assert sorted(a.employee or "" for a in p2.agreements if a.family == "10-5") == sorted(
        e.id for e in problem.employees)
    p0 = set_tier(problem, "10-5", Tier.T0_DEFAULT)
    assert not [a for a in p0.agreements if a.family == "10-5"]
    one = apply_change(problem, SetAgreementTier(family="10-5", tier=Tier.T2_INDIVIDUAL,
                                                    employee="R3"))
    assert {a.employee for a in one.agreements if a.family == "10-5"} == {"R1", "R3"}


def test_agreement_tier_that_cannot_relax_the_family_is_refused(problem: Problem) -> None:
    with pytest.raises(ChangeError) as err:
        set_tier(problem, "10-11", Tier.T5_ARBEIDSTILSYNET)
    assert err.value.field == "value" and "cannot relax" in err.value.message
    untariffed = rebuild(problem, settings=problem.settings.model_copy(
        update={"tariff_bound": False}))
    with pytest.raises(ChangeError) as err:
        set_tier(untariffed, "10-5", Tier.T3_TARIFF_REPS)
    assert "T3b_NONTARIFF_REPS" in err.value.message
    with pytest.raises(ChangeError) as err:
        set_tier(problem, "10-99", Tier.T3_TARIFF_REPS)
    assert err.value.field == "target"


def test_parameter_updates_the_agreement_or_adds_a_stricter_one(problem: Problem) -> None:
    p = set_parameter(problem, "10-5", "daily_limit_hours", 9.5, "R1")
    r1 = [a for a in p.agreements if a.employee == "R1"]
    assert r1[0].params == {"daily_limit_hours": 9.5}
    q = set_parameter(problem, "10-8", "daily_rest_hours", 12)
    new = [a for a in q.agreements if a.family == "10-8"]
    assert new == [Agreement(family="10-8", tier=Tier.T0_DEFAULT, params={"daily_rest_hours": 12})]
    # exactly at the tier's bound is allowed, just beyond is not
    set_parameter(problem, "10-5", "daily_limit_hours", 10, "R1")
    with pytest.raises(ChangeError) as err:
        set_parameter(problem, "10-5", "daily_limit_hours", 10.25, "R1")
    assert err.value.field == "value" and "above the ceiling" in err.value.message


def test_weight(problem: Problem) -> None:
    assert set_weight(problem, "fairness", 0).weights.fairness == 0
    with pytest.raises(ChangeError):
        set_weight(problem, "kindness", 1)


def test_apply_scenario_applies_in_order(tmp_path: Path, problem: Problem) -> None:
    sc = Scenario(name="x", changes=(AddEmployees(skill="HCA", count=1),
                                     RemoveEmployees(employees=("NEW-HCA-1",))))
    assert apply_scenario(problem, sc).employees == problem.employees
