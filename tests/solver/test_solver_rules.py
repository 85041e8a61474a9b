"""Solver posts for more rule families: weekly-rest conflicts, contracts, averaging, youth."""

from __future__ import annotations

from datetime import date, time, timedelta

from constraints.checker import check_problem
from scheduler.model import (
    Agreement,
    Contract,
    DemandItem,
    Employee,
    FixedAssignment,
    Problem,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solution import SolveOptions
from scheduler.solver import solve
from tests import budgets

D = ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30)
MONDAY = date(2026, 6, 1)


def _settings(days: int, **kw: object) -> Settings:
    return Settings(start=MONDAY, end=MONDAY + timedelta(days=days - 1),
                    sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True,
                    **kw)  # type: ignore[arg-type]


def _opts() -> SolveOptions:
    return budgets.options(5.0, seed=1)


def test_seven_pinned_days_conflict_with_weekly_rest() -> None:
    # Seven 4 h mornings: 28 h is within every hour limit, but no 35 h of rest is left.
    short = ShiftType(code="K", start=time(8, 0), end=time(12, 0))
    s = _settings(7)
    pins = tuple(FixedAssignment(employee="A", day=d, shift="K") for d in s.days())
    p = Problem(settings=s, shifts=(short,), employees=(Employee(id="A"),), fixed=pins)
    sol = solve(p, _opts())
    assert sol.status == "INFEASIBLE"
    assert [c.rule for c in sol.conflicts] == ["AML-10-8-2-weekly-rest"]
    c = sol.conflicts[0]
    assert c.employee == "A" and len(c.days) >= 6
    assert set(c.days) <= set(s.days())
    six = p.model_copy(update={"fixed": pins[:-1]})
    assert solve(six, _opts()).has_roster  # Sunday off: Saturday 12:00 to Monday 00:00 is 36 h


def test_six_pinned_days_fit() -> None:
    # Six 8 h days = 48 h: legal only with an averaging agreement (single week <= 54 h under T3).
    # Monday-Friday and Sunday keeps 40 h of rest (Friday 15:00 to Sunday 07:00).
    s = _settings(7)
    days = [d for d in s.days() if d.weekday() != 5]
    pins = tuple(FixedAssignment(employee="A", day=d, shift="D") for d in days)
    base = dict(settings=s, shifts=(D,), employees=(Employee(id="A"),), fixed=pins)
    no_avg = solve(Problem(**base), _opts())  # type: ignore[arg-type]
    assert no_avg.status == "INFEASIBLE"
    assert "AML-10-4-1-weekly-normal" in {c.rule for c in no_avg.conflicts}
    p = Problem(**base, agreements=(Agreement(family="10-5", tier=Tier.T3_TARIFF_REPS),))  # type: ignore[arg-type]
    sol = solve(p, _opts())
    assert sol.has_roster and len(sol.assignments) == 6
    assert check_problem(p, sol.roster).violations == []


def test_contract_rules_are_hard() -> None:
    s = _settings(14, apply_aml=False)
    contract = Contract(id="c", max_consecutive_shifts=3, min_consecutive_days_off=2,
                        max_total_minutes=8 * 8 * 60, max_weekends=1,
                        forbidden_successions=(("N", "D"),))
    night = ShiftType(code="N", start=time(22, 0), end=time(6, 0))
    day = ShiftType(code="D", start=time(8, 0), end=time(16, 0))
    emps = tuple(Employee(id=f"E{i}", contract="c") for i in range(2))
    demand = tuple(DemandItem(day=d, shift=c, minimum=0, target=1, weight=10, over_weight=1)
                   for d in s.days() for c in ("D", "N"))
    p = Problem(settings=s, shifts=(day, night), employees=emps, demand=demand,
                contracts=(contract,))
    sol = solve(p, _opts())
    assert sol.has_roster
    assert check_problem(p, sol.roster).violations == []
    per_emp: dict[str, int] = {}
    for a in sol.assignments:
        per_emp[a.employee] = per_emp.get(a.employee, 0) + 1
    assert max(per_emp.values()) <= 8  # 8 shifts of 8 h


def test_apply_aml_false_skips_chapter_10() -> None:
    # Seven days in a row: illegal under AML (weekly rest), fine for a contract-only problem.
    s = _settings(7, apply_aml=False)
    p = Problem(settings=s, shifts=(D,), employees=(Employee(id="A"),),
                demand=tuple(DemandItem(day=d, shift="D", minimum=1) for d in s.days()))
    sol = solve(p, _opts())
    assert len(sol.assignments) == 7


def test_tariff_profile_caps_the_week_when_switched_on() -> None:
    from constraints.checker import run_check
    from scheduler.solver import solve_traced

    e_shift = ShiftType(code="E", start=time(15, 0), end=time(22, 30), break_minutes=30)
    n_shift = ShiftType(code="N", start=time(22, 0), end=time(7, 30), break_minutes=30)
    s = _settings(7)
    emps = tuple(Employee(id=f"E{i}") for i in range(3))
    demand = tuple(DemandItem(day=d, shift=c, minimum=1) for d in s.days() for c in "DEN")
    p = Problem(settings=s, shifts=(D, e_shift, n_shift), employees=emps, demand=demand,
                agreements=(Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL),))

    def tariff_violations(sol) -> list[str]:  # noqa: ANN001
        rep = run_check(p.settings, sol.roster, employees=p.employees, agreements=p.agreements,
                        tariff_profile=True)
        return [f.rule for f in rep.violations if f.rule.startswith("TAR-")]

    quick = budgets.options(1.0, seed=1)
    on, _ = solve_traced(p, quick, tariff_profile=True)
    assert on.has_roster and tariff_violations(on) == []
    assert check_problem(p, on.roster).violations == []
    off, _ = solve_traced(p, quick)
    hours_on = sum(x.work_minutes for x in on.roster.periods)
    hours_off = sum(x.work_minutes for x in off.roster.periods)
    assert hours_on <= hours_off


def test_unreachable_contract_minimum_is_explained() -> None:
    s = _settings(3, apply_aml=False)
    p = Problem(settings=s, shifts=(D,), employees=(Employee(id="A", contract="c"),),
                contracts=(Contract(id="c", min_total_minutes=4 * 8 * 60),),
                demand=tuple(DemandItem(day=d, shift="D", minimum=1) for d in s.days()))
    sol = solve(p, _opts())
    assert sol.status == "INFEASIBLE"
    assert [(c.rule, c.employee) for c in sol.conflicts] == [("CONTRACT-min-total-minutes", "A")]
