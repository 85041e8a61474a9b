"""Sanity of a sweep over small generated instances (issue #17): removing staff never improves
coverage, adding a permitted agreement tier never lowers it, and a scenario identical to the
baseline reproduces it; and adding staff never lowers coverage. Each scenario runs as the sweep runs it: from the baseline's first
roster, with the same seed, one worker and a work budget."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType, Tier
from scheduler.whatif import runner as rn
from scheduler.whatif.changes import AddEmployees, RemoveEmployees, Scenario, SetAgreementTier
from tests import budgets

SHIFTS = (
    ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30),
    ShiftType(code="E", start=time(15, 0), end=time(23, 0), break_minutes=30),
    # 10 h: legal only with a § 10-5 averaging agreement (the tier scenario adds one)
    ShiftType(code="NL", start=time(22, 0), end=time(8, 0), break_minutes=30),
)
WORK = budgets.options(1.0, seed=7)
RUN = dict(max_examples=8, deadline=None, derandomize=True, database=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    start = date(2026, 6, 1) + timedelta(days=draw(st.integers(0, 6)))
    days = draw(st.integers(4, 8))
    s = Settings(start=start, end=start + timedelta(days=days - 1),
                 sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True)
    n = draw(st.integers(2, 5))
    emps = tuple(Employee(id=f"E{i}", position_pct=draw(st.sampled_from([100, 80, 50])),
                          skills=("nurse",)) for i in range(n))
    demand = [DemandItem(day=d, shift=sh.code, skill="", minimum=m, target=m)
              for d in s.days() for sh in SHIFTS if (m := draw(st.integers(0, 2)))]
    return Problem(settings=s, shifts=SHIFTS, employees=emps, demand=tuple(demand))


def sweep(problem: Problem, scenarios: list[Scenario]) -> list[rn.ScenarioResult]:
    """As :func:`scheduler.whatif.runner.run_sweep` runs them, with the test's budget."""
    first = rn.run_one(problem, Scenario(name="Baseline"), WORK, keep_solution=True)
    assert first.ok and first.solution is not None
    start = list(first.solution.assignments)
    return rn.run_serial(problem, [Scenario(name="Baseline"), *scenarios], WORK, start=start)


def coverage(r: rn.ScenarioResult) -> float:
    assert r.ok and r.figures is not None and r.figures.violations == 0, r
    return r.figures.coverage_pct


@settings(**RUN)
@given(problems(), st.data())
def test_removing_staff_never_improves_coverage(problem: Problem, data: st.DataObject) -> None:
    gone = data.draw(st.sampled_from([e.id for e in problem.employees]))
    base, fewer = sweep(problem, [Scenario(name="Fewer",
                                           changes=(RemoveEmployees(employees=(gone,)),))])
    assert coverage(fewer) <= coverage(base)


@settings(**RUN)
@given(problems())
def test_adding_a_permitted_agreement_tier_never_lowers_coverage(problem: Problem) -> None:
    base, local = sweep(problem, [Scenario(name="Local agreement", changes=(
        SetAgreementTier(family="10-5", tier=Tier.T3_TARIFF_REPS),))])
    assert coverage(local) >= coverage(base)


@settings(**RUN)
@given(problems())
def test_a_scenario_identical_to_the_baseline_reproduces_it(problem: Problem) -> None:
    base, same = sweep(problem, [Scenario(name="Same")])
    assert same.figures == base.figures and same.objective == base.objective


@settings(**RUN)
@given(problems(), st.sampled_from([50.0, 100.0]))
def test_adding_staff_never_lowers_coverage(problem: Problem, position: float) -> None:
    # the baseline's roster stays a roster of the scenario (the hire works nothing in it)
    base, more = sweep(problem, [Scenario(name="Hire", changes=(
        AddEmployees(skill="nurse", count=1, position_pct=position),))])
    assert coverage(more) >= coverage(base)
