"""Property: every roster the solver returns passes the compliance checker.

Hypothesis generates small planning problems that exercise the rules together: part-timers,
night workers and night-exempt staff, an under-18, § 10-12 exempt staff, long nights that need an
averaging agreement, history carry-in (shifts just before the horizon, last Sunday worked),
horizons over Easter, May holidays, Christmas and the DST nights, horizons that open on a
holiday right after a History Sunday/holiday, Sunday/night work permitted or
not, split duties, tier agreements, sleeping nights with passive time (and the T5 13 h consent) and
on-call from home at 1/7 or an agreed share (the
reduced § 10-4 (4)-(6) weeks follow from the Sundays and nights the solver plans). Whatever the solver returns must have no checker violation beyond those
the history alone already causes (an empty roster's violations: the solver cannot undo the past).
"""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constraints.checker import check_problem
from scheduler.calendar import red_days
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    OnCall,
    Problem,
    Request,
    RequestKind,
    Roster,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solver import solve
from tests import budgets

SHIFT_POOL = (
    ShiftType(code="D", start=time(7, 30), end=time(15, 30), break_minutes=30),
    ShiftType(code="E", start=time(15, 0), end=time(22, 30), break_minutes=30),
    ShiftType(code="N", start=time(22, 0), end=time(7, 0), break_minutes=30),
    ShiftType(code="NL", start=time(22, 0), end=time(8, 0), break_minutes=30),  # 10 h
    ShiftType(code="K", start=time(8, 0), end=time(12, 0)),
    ShiftType(code="M", start=time(11, 0), end=time(19, 0), break_minutes=30,
              break_counts_as_work=False),
    ShiftType(code="X", start=time(9, 0), end=time(17, 0)),  # no break: never legal
    # § 10-4 (2): a sleeping night, 11 h with 4 h passive (legal only with the extension).
    ShiftType(code="S", start=time(22, 0), end=time(9, 0), break_minutes=30, passive_minutes=240),
    # § 10-4 (3): an evening on call from home (1/7 counts).
    ShiftType(code="H", start=time(16, 0), end=time(23, 0), on_call=OnCall.home),
    # § 10-4 (2): 13 h with 2 h passive, legal only with a T5 consent for particularly
    # passive work.
    ShiftType(code="SL", start=time(20, 0), end=time(9, 0), break_minutes=30,
              break_counts_as_work=True, passive_minutes=120),
)
STARTS = (
    date(2026, 3, 23),  # week before Easter, spring DST night on 29 March
    date(2026, 3, 30),  # Easter week
    date(2026, 4, 27),  # 1 May
    date(2026, 5, 11),  # 14 May Ascension, 17 May (Sunday)
    date(2026, 10, 19),  # autumn DST night on 25 October
    date(2026, 12, 21),  # Christmas
    date(2026, 6, 1),  # plain weeks
    # Horizons that open on a public holiday, right after a Sunday/holiday that history may
    # have worked (§ 10-8 (4) across the horizon start): Maundy Thursday, Easter Monday,
    # 1 May, Ascension Day, Whit Monday.
    date(2026, 4, 2),
    date(2026, 4, 6),
    date(2026, 5, 1),
    date(2026, 5, 14),
    date(2026, 5, 25),
)
HOLIDAY_STARTS = frozenset(STARTS[-5:])
SKILLS = ("nurse", "assistant")
AGREEMENTS = (
    Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL),
    Agreement(family="10-5", tier=Tier.T3_TARIFF_REPS),
    Agreement(family="10-8", tier=Tier.T3_TARIFF_REPS),
    Agreement(family="10-10", tier=Tier.T3_TARIFF_REPS),
    Agreement(family="10-11", tier=Tier.T3_TARIFF_REPS),
    Agreement(family="10-8", tier=Tier.T2_INDIVIDUAL, params={"red_days_in_a_row": 3}),
    # § 10-4 (2) T5 consent (13 h per 24 h) and § 10-4 (3) shares: a lower one (T3) and a
    # stricter one (the geometry's), for one employee each.
    Agreement(family="10-4", tier=Tier.T5_ARBEIDSTILSYNET, employee="E0"),
    Agreement(family="10-4", tier=Tier.T3_TARIFF_REPS, employee="E1", params={"standby_share": 0.0}),
    Agreement(family="10-4", tier=Tier.T0_DEFAULT, employee="E0", params={"standby_share": 0.5}),
)


@st.composite
def employees(draw: st.DrawFn) -> tuple[Employee, ...]:
    n = draw(st.integers(2, 8))
    out = []
    for i in range(n):
        kind = draw(st.sampled_from(["plain", "plain", "part", "night", "no-night", "minor",
                                     "exempt", "risk"]))
        out.append(Employee(
            id=f"E{i}",
            position_pct=draw(st.sampled_from([100, 80, 50, 20])) if kind == "part" else 100,
            skills=(draw(st.sampled_from(SKILLS)),),
            under_18=kind == "minor",
            night_work_allowed=kind != "no-night",
            exempt_10_12=kind == "exempt",
            high_risk_night=kind == "risk",
        ))
    return tuple(out)


@st.composite
def problems(draw: st.DrawFn, red_day_carry_in: bool = False) -> Problem:
    """``red_day_carry_in``: the horizon opens on a holiday and every employee has history
    just before it and a History Sunday/holiday (the § 10-8 (4) run across the start)."""
    start = draw(st.sampled_from(sorted(HOLIDAY_STARTS) if red_day_carry_in else STARTS))
    if start not in HOLIDAY_STARTS:
        start += timedelta(days=draw(st.integers(0, 3)))
    days = draw(st.integers(4, 14))
    s = Settings(
        start=start, end=start + timedelta(days=days - 1),
        sunday_work_permitted_by_nature=draw(st.sampled_from([True, True, False, None])),
        night_work_permitted_by_nature=draw(st.sampled_from([True, True, False, None])),
        allow_split_duties=draw(st.sampled_from([False, False, False, True])),
    )
    shifts = tuple(draw(st.lists(st.sampled_from(SHIFT_POOL), min_size=1, max_size=4,
                                 unique_by=lambda x: x.code)))
    emps = draw(employees())
    demand = []
    for d in s.days():
        for sh in shifts:
            if draw(st.booleans()):
                mn = draw(st.integers(0, 2))
                demand.append(DemandItem(day=d, shift=sh.code,
                                         skill=draw(st.sampled_from(["", *SKILLS])), minimum=mn,
                                         target=mn + draw(st.integers(0, 1))))
    history, emp_hist = [], []
    for e in emps:
        if red_day_carry_in or draw(st.booleans()):
            sh = draw(st.sampled_from(SHIFT_POOL[:3]))
            day = start - timedelta(days=1 if red_day_carry_in else draw(st.integers(1, 3)))
            a, b = sh.interval_on(day)
            history.append(HistoryPeriod(employee=e.id, start=a, end=b))
        if red_day_carry_in or draw(st.integers(0, 2)) == 0:  # the Sunday or red day before
            last_sunday = draw(st.sampled_from([
                start - timedelta(days=(start.weekday() + 1) % 7 or 7),
                red_days(start - timedelta(days=7), start - timedelta(days=1))[-1].day,
            ]))
            emp_hist.append(EmployeeHistory(employee=e.id, last_sunday_worked=last_sunday))
    requests = []
    for e in emps:
        if draw(st.integers(0, 2)) == 0:
            d = start + timedelta(days=draw(st.integers(0, days - 1)))
            requests.append(Request(employee=e.id, start=d, end=d, kind=draw(st.sampled_from(
                [RequestKind.day_off, RequestKind.unavailable]))))
    fixed = []
    if draw(st.booleans()):
        e = draw(st.sampled_from(emps))
        fixed.append(FixedAssignment(employee=e.id, day=start, shift="OFF"))
    picks = draw(st.lists(st.integers(0, len(AGREEMENTS) - 1), max_size=2, unique=True))
    agreements = tuple(AGREEMENTS[i] for i in picks)
    return Problem(settings=s, shifts=shifts, employees=emps, demand=tuple(demand),
                   history=tuple(history), employee_history=tuple(emp_hist),
                   requests=tuple(requests), fixed=tuple(fixed), agreements=agreements)


def _key(f) -> tuple:  # noqa: ANN001
    return (f.rule, f.employee, f.window_start, f.window_end)


# The same 25 examples every run (derandomized, no example database): the suite's outcome must
# not change from run to run (issue 18); `make fuzz` draws new problems from the same generator
# (tests/fuzz/test_fuzz_property.py).
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(problems())
def test_every_returned_roster_passes_the_checker(problem: Problem) -> None:
    assert_roster_passes(problem)


@settings(max_examples=10, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(problems(red_day_carry_in=True))
def test_red_day_run_across_a_holiday_start_passes_the_checker(problem: Problem) -> None:
    # A horizon opening on Ascension Day after a worked History Sunday, with history on the
    # holiday's eve, once gave a roster with an AML-10-8-4-next-sunday-off violation.
    assert_roster_passes(problem)


def assert_roster_passes(problem: Problem) -> None:
    sol = solve(problem, budgets.options(0.9, seed=3))
    assert sol.status != "MODEL_INVALID"
    if not sol.has_roster:
        assert sol.conflicts, "an infeasible answer must say why"
        return
    baseline = {_key(f) for f in check_problem(problem, Roster(periods=())).violations}
    report = check_problem(problem, sol.roster)
    new = [f for f in report.violations if _key(f) not in baseline]
    assert new == [], [f"{f.rule} {f.employee}: {f.message}" for f in new]
