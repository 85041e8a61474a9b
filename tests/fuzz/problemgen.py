"""Generated planning problems for the solver/checker cross-check, and the cross-check itself.

Broader than the solver's own property test (``tests/solver/test_property_solver_checker.py``): horizons
over Easter, Whitsun, 17 May, Christmas/New Year and both DST nights in 2026-2028; week starts
other than Monday and a 06:00 day boundary; several night windows; 12-hour, 4-hour, midnight-
starting and midnight-ending shifts with paid and unpaid breaks; part-timers by percentage and by
weekly hours, night workers, staff who may not work nights, under-18s (by flag, by a birthday
inside the horizon, in school), § 10-12 exempt staff, high-risk night work; history carry-in of
one to seven days (overtime periods included) with year-to-date overtime near the cap and the
last Sunday worked; requests of all four kinds; pinned shifts and days off; site and personal
agreements with parameters and validity that ends inside the horizon; overtime allowed or not.

:func:`cross_check` solves one problem and asserts that the roster it returns has no checker
violation beyond those the history alone causes, and compares the solver's ``soft_legal``
objective tier with the checker's soft-rule warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st

from constraints import registry
from constraints.base import Finding, Severity
from constraints.checker import check_problem
from scheduler.clock import TZ
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Request,
    RequestKind,
    Roster,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solution import Solution, SolveOptions

SHIFTS = (
    ShiftType(code="D", name="Dag", start=time(7, 0), end=time(15, 0), break_minutes=30),
    ShiftType(code="A", name="Aften", start=time(14, 30), end=time(22, 30), break_minutes=30),
    ShiftType(code="N", name="Natt", start=time(22, 15), end=time(7, 15), break_minutes=45),
    ShiftType(code="L", name="Lang dag", start=time(7, 0), end=time(19, 0), break_minutes=60,
              break_counts_as_work=False),
    ShiftType(code="LN", name="Lang natt", start=time(19, 0), end=time(7, 0), break_minutes=60),
    ShiftType(code="K", name="Kort", start=time(10, 0), end=time(14, 0)),
    ShiftType(code="S", name="Sen", start=time(16, 0), end=time(0, 0), break_minutes=30),
    ShiftType(code="M", name="Midnatt", start=time(0, 0), end=time(8, 0), break_minutes=30),
)
STARTS = (
    date(2026, 3, 26),  # Easter 2026 and the spring DST night (29 March)
    date(2026, 5, 14),  # Ascension, 17 May on a Sunday, Whitsun 24/25 May
    date(2026, 10, 22),  # autumn DST night (25 October)
    date(2026, 12, 21),  # Christmas and New Year into 2027
    date(2027, 3, 22),  # Easter 2027 and DST (28 March, Easter Sunday)
    date(2027, 5, 12),  # 13 May Ascension, 17 May on a Monday
    date(2027, 10, 28),  # autumn DST 31 October 2027
    date(2028, 4, 10),  # Easter 2028 (16 April)
    date(2028, 6, 5),  # Whit Monday 5 June 2028
    date(2026, 9, 7),  # ordinary weeks
    date(2027, 2, 1),
)
SKILLS = ("sykepleier", "fagarbeider")
NIGHTS = ((time(21), time(6)), (time(22), time(6)), (time(23), time(7)))


def agreement_pool(emps: tuple[str, ...], start: date, days: int) -> list[Agreement]:
    mid = start + timedelta(days=days // 2)
    first = emps[0]
    return [
        Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL, employee=first,
                  params={"daily_limit_hours": 10}),
        Agreement(family="10-5", tier=Tier.T3_TARIFF_REPS,
                  params={"daily_limit_hours": 12.5, "weekly_limit_hours": 48}),
        Agreement(family="10-5", tier=Tier.T3_TARIFF_REPS, valid_to=mid),
        Agreement(family="10-6", tier=Tier.T3_TARIFF_REPS, params={"overtime_7d_hours": 15}),
        Agreement(family="10-8", tier=Tier.T3_TARIFF_REPS,
                  params={"daily_rest_hours": 9, "weekly_rest_hours": 28}),
        Agreement(family="10-8", tier=Tier.T3_TARIFF_REPS, valid_from=mid),
        Agreement(family="10-8", tier=Tier.T2_INDIVIDUAL, params={"red_days_in_a_row": 2}),
        Agreement(family="10-10", tier=Tier.T3_TARIFF_REPS, params={"sunday_work_agreed": True}),
        Agreement(family="10-11", tier=Tier.T3_TARIFF_REPS,
                  params={"night_work_agreed": True, "night_avg_hours": 10}),
        Agreement(family="10-11", tier=Tier.T3_TARIFF_REPS, employee=emps[-1]),
    ]


@st.composite
def employees(draw: st.DrawFn, start: date, days: int) -> tuple[Employee, ...]:
    n = draw(st.integers(2, 7))
    out = []
    for i in range(n):
        kind = draw(st.sampled_from(["full", "full", "pct", "hours", "night", "no-night",
                                     "minor", "turns-18", "school", "exempt", "risk"]))
        birthday = None
        if kind == "turns-18":
            turn = start + timedelta(days=draw(st.integers(0, days - 1)))
            birthday = turn.replace(year=turn.year - 18) if not (
                turn.month == 2 and turn.day == 29) else date(turn.year - 18, 2, 28)
        out.append(Employee(
            id=f"E{i:02d}",
            name=draw(st.sampled_from(["Åse", "Øyvind", "Zoë", "Ola", "李", "=Kari"])),
            position_pct=draw(st.sampled_from([100, 80, 60, 40, 20])) if kind == "pct" else None,
            weekly_hours=draw(st.sampled_from([37.5, 30, 15, 7.5])) if kind == "hours" else None,
            skills=tuple(draw(st.lists(st.sampled_from(SKILLS), min_size=0, max_size=2,
                                       unique=True))),
            under_18=kind in ("minor", "school"),
            birth_date=birthday,
            in_school=kind == "school",
            night_work_allowed=kind != "no-night",
            exempt_10_12=kind == "exempt",
            high_risk_night=kind == "risk",
            overtime_consent=draw(st.booleans()),
        ))
    return tuple(out)


@st.composite
def problems(draw: st.DrawFn, max_days: int = 14) -> Problem:
    start = draw(st.sampled_from(STARTS)) + timedelta(days=draw(st.integers(0, 6)))
    days = draw(st.integers(5, max_days))
    night = draw(st.sampled_from(NIGHTS))
    settings = Settings(
        start=start, end=start + timedelta(days=days - 1),
        week_start=draw(st.sampled_from([0, 0, 0, 6, 2])),
        day_boundary=draw(st.sampled_from([time(0), time(0), time(6)])),
        night_start=night[0], night_end=night[1],
        full_time_hours=draw(st.sampled_from([37.5, 35.5, 33.6])),
        sunday_work_permitted_by_nature=draw(st.sampled_from([True, True, False, None])),
        night_work_permitted_by_nature=draw(st.sampled_from([True, True, False, None])),
        allow_split_duties=draw(st.sampled_from([False, False, False, True])),
    )
    shifts = tuple(draw(st.lists(st.sampled_from(SHIFTS), min_size=1, max_size=4,
                                 unique_by=lambda s: s.code)))
    emps = draw(employees(start, days))
    ids = tuple(e.id for e in emps)
    codes = [s.code for s in shifts]
    day_list = settings.days()

    demand = []
    for d in day_list:
        for code in codes:
            if draw(st.integers(0, 2)) == 0:
                continue
            lo = draw(st.integers(0, 2))
            demand.append(DemandItem(day=d, shift=code,
                                     skill=draw(st.sampled_from(["", "", *SKILLS])),
                                     minimum=lo, target=lo + draw(st.integers(0, 1))))

    history, emp_hist = [], []
    for e in emps:
        carry = draw(st.integers(0, 7))
        taken: list[tuple[datetime, datetime]] = []
        for k in range(carry, 0, -1):  # oldest first; periods never overlap
            if draw(st.integers(0, 3)) == 0:
                continue
            sh = draw(st.sampled_from(SHIFTS[:3]))
            a, b = sh.interval_on(start - timedelta(days=k))
            if taken and a < taken[-1][1]:
                continue
            history.append(HistoryPeriod(employee=e.id, start=a, end=b,
                                         break_minutes=sh.break_minutes))
            taken.append((a, b))
            if draw(st.integers(0, 5)) == 0:  # overtime straight after the shift
                history.append(HistoryPeriod(employee=e.id, start=b, end=b + timedelta(hours=1),
                                             kind=PeriodKind.overtime))
                taken.append((b, b + timedelta(hours=1)))
        if draw(st.integers(0, 2)) == 0:
            back = (start.weekday() + 1) % 7 or 7
            emp_hist.append(EmployeeHistory(
                employee=e.id,
                overtime_ytd_hours=draw(st.sampled_from([0.0, 50.0, 195.0, 199.5])),
                last_sunday_worked=draw(st.sampled_from([start - timedelta(days=back),
                                                         start - timedelta(days=back + 7),
                                                         None]))))

    requests = []
    for e in emps:
        for _ in range(draw(st.integers(0, 2))):
            a = start + timedelta(days=draw(st.integers(0, days - 1)))
            b = min(settings.end, a + timedelta(days=draw(st.integers(0, 3))))
            kind = draw(st.sampled_from(list(RequestKind)))
            shift = draw(st.sampled_from(codes)) if kind in (
                RequestKind.shift_wish, RequestKind.avoid_shift) else None
            requests.append(Request(employee=e.id, start=a, end=b, kind=kind, shift=shift,
                                    weight=draw(st.sampled_from([1.0, 2.0, 5.0]))))

    fixed = []
    for _ in range(draw(st.integers(0, 2))):
        fixed.append(FixedAssignment(employee=draw(st.sampled_from(ids)),
                                     day=draw(st.sampled_from(day_list)),
                                     shift=draw(st.sampled_from(["OFF", *codes]))))
    fixed = list({(f.employee, f.day): f for f in fixed}.values())

    pool = agreement_pool(ids, start, days)
    picks = draw(st.lists(st.integers(0, len(pool) - 1), max_size=3, unique=True))
    return Problem(settings=settings, shifts=shifts, employees=emps, demand=tuple(demand),
                   history=tuple(history), employee_history=tuple(emp_hist),
                   requests=tuple(requests), fixed=tuple(fixed),
                   agreements=tuple(pool[i] for i in picks))


# --------------------------------------------------------------------------------------------
# The cross-check

# The soft rules the solver posts (their RuleSpec says hard=False; constraints/registry.py).
SOFT_RULES = tuple(p.spec.id for p in registry.posted_rules(tariff_profile=True) if not p.spec.hard)


def _key(f: Finding) -> tuple[str, str | None, datetime | None, datetime | None]:
    return (f.rule, f.employee, f.window_start, f.window_end)


@dataclass
class CrossCheck:
    solution: Solution
    new_violations: list[Finding]
    soft_findings: int
    soft_legal: float | None


def cross_check(problem: Problem, options: SolveOptions) -> CrossCheck:
    """Solve and check. A roster may only carry the violations an empty roster already has (the
    history's own; the solver cannot undo the past)."""
    from scheduler.solver import solve

    solution = solve(problem, options)
    assert solution.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN"), solution.status
    if not solution.has_roster:
        if solution.status == "INFEASIBLE":
            assert solution.conflicts, "an infeasible answer must say why"
        return CrossCheck(solution, [], 0, None)
    baseline = {_key(f) for f in check_problem(problem, Roster(periods=())).violations}
    report = check_problem(problem, solution.roster)
    new = [f for f in report.findings
           if f.severity == Severity.violation and _key(f) not in baseline]
    soft = sum(1 for f in report.findings if f.rule in SOFT_RULES)
    return CrossCheck(solution, new, soft, solution.objective_by_tier.get("soft_legal"))


def describe(problem: Problem, cc: CrossCheck) -> str:
    lines = [f"status {cc.solution.status}",
             *(f"  {f.rule} {f.employee} {f.window_start}..{f.window_end}: {f.message}"
               for f in cc.new_violations)]
    return "\n".join(lines) + "\n" + problem.model_dump_json()[:3000]


def local(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=TZ)
