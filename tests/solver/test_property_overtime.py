"""Property: a roster solved with overtime allowed passes the checker, and the checker counts
exactly the overtime the solver reports.

Hypothesis draws tiny problems that push employees past their normal hours: more demand than
contracted hours, shifts longer than the daily limit (including an unpaid break and a night shift
across midnight and the DST nights), tier agreements for overtime and averaging, history overtime
and year-to-date figures near the caps, consent, excused employees, minors and part-timers.
Whatever the solver returns must have no checker violation beyond those the history alone
causes (an empty roster's violations), every overtime stretch must be the tail of a shift, and
excused employees and minors get none.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constraints.checker import check_problem
from constraints.overtime.counted import ot_rate
from scheduler.clock import TZ
from scheduler.extra_time import stretches
from scheduler.headroom import context
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Roster,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solver import solve
from tests import budgets

SHIFTS = (
    ShiftType(code="D", start=time(7), end=time(15), break_minutes=30),
    ShiftType(code="L", start=time(7), end=time(19), break_minutes=45),  # 12 h
    ShiftType(code="M", start=time(11), end=time(19), break_minutes=30,
              break_counts_as_work=False),  # unpaid break: 16-minute units
    ShiftType(code="N", start=time(22), end=time(8), break_minutes=30),  # 10 h across midnight
    ShiftType(code="E", start=time(15), end=time(22, 30), break_minutes=30),
)
STARTS = (date(2026, 6, 4), date(2026, 3, 26), date(2026, 10, 22), date(2026, 12, 28))
AGREEMENTS = (
    Agreement(family="10-6", tier=Tier.T3_TARIFF_REPS),
    Agreement(family="10-5", tier=Tier.T2_INDIVIDUAL),
    Agreement(family="10-5", tier=Tier.T3_TARIFF_REPS),
)


@st.composite
def problems(draw: st.DrawFn) -> Problem:
    start = draw(st.sampled_from(STARTS))
    days = draw(st.integers(3, 8))
    s = Settings(start=start, end=start + timedelta(days=days - 1),
                 sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True,
                 overtime_premium_pct=draw(st.sampled_from([40, 50, 100])),
                 day_boundary=draw(st.sampled_from([time(0), time(0), time(6)])),
                 week_start=draw(st.sampled_from([0, 0, 3])),
                 extra_hours_supplement_pct=draw(st.sampled_from([0, 25])))
    shifts = tuple(draw(st.lists(st.sampled_from(SHIFTS), min_size=1, max_size=3,
                                 unique_by=lambda x: x.code)))
    n = draw(st.integers(1, 3))
    emps, history, eh = [], [], []
    for i in range(n):
        kind = draw(st.sampled_from(["plain", "plain", "consent", "part", "excused", "minor"]))
        emps.append(Employee(
            id=f"E{i}",
            position_pct=50 if kind == "part" else 100,
            overtime_consent=kind == "consent",
            excused_overtime=kind == "excused",
            under_18=kind == "minor",
            hourly_cost=draw(st.sampled_from([None, 250.0, 400.0])),
        ))
        for k in range(draw(st.integers(0, 2))):  # overtime before the horizon
            a = datetime.combine(start - timedelta(days=2 + 3 * k), time(15), tzinfo=TZ)
            hours = draw(st.sampled_from([1, 3, 9]))
            history.append(HistoryPeriod(employee=f"E{i}", start=a - timedelta(hours=8), end=a))
            history.append(HistoryPeriod(employee=f"E{i}", start=a, end=a + timedelta(hours=hours),
                                         kind=PeriodKind.overtime))
        # A year-to-date figure above 200 h only with consent and a T3 agreement (added below):
        # the checker judges it only once the employee works, so the empty roster would not
        # show that past breach.
        ytd = draw(st.sampled_from([0.0, 0.0, 150.0, 195.0, 199.5]
                                   + ([296.0] if kind == "consent" else [])))
        if ytd:
            eh.append(EmployeeHistory(employee=f"E{i}", overtime_ytd_hours=ytd))
    picked = draw(st.sets(st.integers(0, len(AGREEMENTS) - 1), max_size=2))
    if any(h.overtime_ytd_hours > 200 for h in eh):
        picked.add(0)
    ags = tuple(AGREEMENTS[i] for i in sorted(picked))
    demand = tuple(
        DemandItem(day=start + timedelta(days=d), shift=sh.code,
                   minimum=draw(st.integers(0, n)))
        for d in range(days) for sh in shifts if draw(st.booleans())
    )
    pins = []
    if draw(st.booleans()):  # a shift fixed in advance (may need overtime itself)
        pins.append(FixedAssignment(employee="E0", day=start + timedelta(days=days - 1),
                                    shift=draw(st.sampled_from(shifts)).code))
    return Problem(settings=s, shifts=shifts, employees=tuple(emps), demand=demand,
                   history=tuple(history), employee_history=tuple(eh), agreements=ags,
                   fixed=tuple(pins))


@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(problems())
def test_overtime_roster_passes_the_checker(p: Problem) -> None:
    sol = solve(p, budgets.options(0.15, seed=0, allow_overtime=True))
    assert sol.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE")
    if not sol.has_roster:
        return
    past = {(f.rule, f.employee) for f in check_problem(p, Roster(periods=())).violations}
    new = [f for f in check_problem(p, sol.roster).violations if (f.rule, f.employee) not in past]
    assert new == [], [f.message for f in new]

    emps = {e.id: e for e in p.employees}
    items = stretches(sol.roster)
    assert items == sol.extra_time
    for x in items:
        assert x.shift, "an overtime / extra stretch belongs to a shift"
        assert not emps[x.employee].excused_overtime
        if x.kind == "overtime":
            assert not emps[x.employee].under_18
    # The checker counts exactly the overtime the solver reports.
    ctx = context(p, sol.roster)
    for emp in emps:
        mine = sum(x.minutes for x in items if x.employee == emp and x.kind == "overtime")
        counted = ot_rate(ctx, emp).between(ctx.horizon_start, ctx.horizon_end + 24 * 60)
        assert abs(counted - mine) < 1e-6
