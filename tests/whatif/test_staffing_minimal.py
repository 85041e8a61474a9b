"""The staffing answer is minimal within the searched space, checked from outside the search
(issue 17): on small generated wards that are short of staff, dropping any one hire from a
covering answer leaves demand uncovered in an independent solve, and the hires are no more
than the missing hours need. Work budgets and one worker (tests/budgets.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from scheduler import summary as sm
from scheduler.model import DemandItem, Employee, Problem, Settings, ShiftType
from scheduler.solution import roster_of
from scheduler.solver import solve
from scheduler.whatif import staffing as stf
from scheduler.whatif.staff import add_employees
from tests import budgets

SHIFTS = (
    ShiftType(code="D", start=time(7, 0), end=time(15, 0), break_minutes=30),
    ShiftType(code="E", start=time(15, 0), end=time(23, 0), break_minutes=30),
)
SHIFT_HOURS = SHIFTS[0].paid_minutes() / 60  # a shift's paid hours (both shifts alike)
WORK = budgets.options(1.0, seed=3)
POSITIONS = [50.0, 100.0]
RUN = dict(max_examples=6, deadline=None, derandomize=True, database=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                  HealthCheck.data_too_large])


@st.composite
def short_wards(draw: st.DrawFn) -> Problem:
    """One or two nurses for a week of day and evening shifts of one or two each: short."""
    start = date(2026, 6, 1) + timedelta(days=draw(st.integers(0, 6)))
    s = Settings(start=start, end=start + timedelta(days=6),
                 sunday_work_permitted_by_nature=True)
    emps = tuple(Employee(id=f"E{i}", position_pct=draw(st.sampled_from([100, 80, 50])),
                          skills=("nurse",)) for i in range(draw(st.integers(1, 2))))
    demand = [DemandItem(day=d, shift=sh.code, skill="nurse", minimum=m, target=m)
              for d in s.days() for sh in SHIFTS if (m := draw(st.integers(0, 2)))]
    return Problem(settings=s, shifts=SHIFTS, employees=emps, demand=tuple(demand))


def with_hires(problem: Problem, hires: Counter[tuple[str, float]]) -> Problem:
    for (skill, pct), n in sorted(hires.items()):
        if n > 0:
            problem, _ = add_employees(problem, skill, n, pct, prefix=f"T-{skill}-{pct:g}")
    return problem


def short(problem: Problem) -> int:
    """Person-shifts below the minimum in an independent solve (asserted to be proven)."""
    sol = solve(problem, WORK)
    assert sol.has_roster and sol.status == "OPTIMAL", sol.status
    return sum(r.shortfall for r in sm.coverage(problem, roster_of(problem, sol)))


@settings(**RUN)
@given(short_wards())
def test_dropping_any_hire_leaves_demand_uncovered(problem: Problem) -> None:
    answer = stf.find_staffing(problem, POSITIONS, WORK, max_solves=40, step_pct=0)
    assume(answer.status == "covered" and answer.hires)
    assert answer.minimal_proven
    hires = Counter({(h.skill, h.position_pct): h.count for h in answer.hires})
    assert short(with_hires(problem, hires)) == 0  # the answer covers the demand
    for key in hires:
        fewer = hires.copy()
        fewer[key] -= 1
        assert short(with_hires(problem, +fewer)) > 0, f"without one {key} still covered"
    # no more than the missing hours need: every hire but the smallest is needed in full, so
    # the hires' contracts exceed the missing person-hours by less than the largest position
    # plus one shift (hires may work one shift above their contract)
    per_fte = problem.settings.full_time_hours  # the horizon is one week
    missing = sum(answer.uncovered_before.values())
    contracts = sum(h.count * h.position_pct / 100 * per_fte for h in answer.hires)
    assert contracts < missing + max(POSITIONS) / 100 * per_fte
    # each hire's planned hours are shown, within the position (contract + one shift)
    assert len(answer.hired_hours) == answer.heads
    assert all(0 < h.hours <= h.contract + SHIFT_HOURS for h in answer.hired_hours)


def test_room_counts_the_hires_hours_left_within_their_positions() -> None:
    """Demand short while the hires have room is the search's shortfall: grow does not hire on
    it (scheduler.whatif.staffing, step 2); the room is the hires' own, nobody else's."""
    s = Settings(start=date(2026, 6, 1), end=date(2026, 6, 7),
                 sunday_work_permitted_by_nature=True)
    problem = Problem(settings=s, shifts=SHIFTS,
                      employees=(Employee(id="E0", position_pct=100, skills=("nurse",)),),
                      demand=tuple(DemandItem(day=d, shift="D", skill="nurse", minimum=2,
                                              target=2) for d in s.days()))
    search = stf._Search(problem, POSITIONS, WORK, 10, stf._default_solve, None)
    ev = search.evaluate(Counter({("nurse", 50.0): 1}))
    hire = next(e.id for e in ev.problem.employees if e.id.startswith(stf.HIRE_PREFIX))
    totals = {t.employee: t for t in sm.employee_totals(
        s, roster_of(ev.problem, ev.solution), ev.problem.employees)}
    room = totals[hire].contract + SHIFT_HOURS - totals[hire].hours  # one shift above contract
    assert search.spare_hours(ev) == {"nurse": max(0.0, room)}
    assert search.spare_hours(search.evaluate(Counter())) == {}  # no hires, no room


def fit_ward() -> Problem:
    """One full-time nurse for a week of 7 day shifts and 3 evening shifts: five short."""
    s = Settings(start=date(2026, 6, 1), end=date(2026, 6, 7),
                 sunday_work_permitted_by_nature=True)
    days = list(s.days())
    demand = [DemandItem(day=d, shift="D", skill="nurse", minimum=1, target=1) for d in days]
    demand += [DemandItem(day=d, shift="E", skill="nurse", minimum=1, target=1) for d in days[:3]]
    return Problem(settings=s, shifts=SHIFTS, demand=tuple(demand),
                   employees=(Employee(id="E0", position_pct=100, skills=("nurse",)),))


def test_fit_moves_each_hire_to_the_smallest_position_holding_its_hours() -> None:
    """The fit move (scheduler.whatif.staffing, step 3): each hire at the smallest position on
    the step's grid whose contract plus one shift holds the hours it plans on shifts a minimum
    needs, in one move."""
    problem = fit_ward()
    search = stf._Search(problem, [100.0], WORK, 10, stf._default_solve, None, step_pct=10)
    ev = search.evaluate(Counter({("nurse", 100.0): 2}))
    hires = [e for e in ev.problem.employees if e.id.startswith(stf.HIRE_PREFIX)]
    totals = {t.employee: t for t in sm.employee_totals(
        problem.settings, roster_of(ev.problem, ev.solution), hires)}
    slack = max(st.paid_minutes() for st in SHIFTS) / 60
    rows = {(r.day, r.shift): r for r in sm.coverage(ev.problem, roster_of(ev.problem,
                                                                          ev.solution))}
    expected: Counter[tuple[str, float]] = Counter()
    for e in hires:
        t = totals[e.id]
        mine = [a for a in ev.solution.assignments if a.employee == e.id]
        needed = [a for a in mine if rows[(a.day, a.shift)].planned <= rows[(a.day, a.shift)]
                  .required]  # a shift above the minimum is not needed
        if not needed:
            continue  # no minimum needs it: dropped
        hours = t.hours * len(needed) / len(mine)
        # the smallest multiple of 10 % whose contract + one shift holds the needed hours
        pct = next(p for p in range(10, 101, 10) if p / 100 * t.contract + slack >= hours)
        expected[("nurse", float(pct))] += 1
    fit = search.fitted(ev)
    assert fit == expected
    assert sum(p * n for (_, p), n in fit.items()) < 200  # smaller than the two full positions
    assert search.solves == 1  # fitting reads the roster: no solve


def test_fit_leaves_the_default_budget_to_prove_the_answer_minimal() -> None:
    """With only full-time positions offered and a 10 % step, the answer is fitted to the
    hours in one move and every neighbour is solved within the default 10 solves: proven
    minimal (one step at a time, the trim spent all ten and left it unproven)."""
    answer = stf.find_staffing(fit_ward(), [100.0], WORK, max_solves=10, step_pct=10)
    assert answer.status == "covered"
    assert answer.solves <= 10
    assert answer.minimal_proven
    assert all(n.tried and n.proven for n in answer.searched)
    # each hire dropped, and each lowered one step (a 10 % hire has no step below it)
    assert len(answer.searched) == len(answer.hires) + sum(h.position_pct > 10
                                                           for h in answer.hires)
    assert answer.fte < 2  # below the two full-time hires the grow step took
    assert len(answer.hired_hours) == answer.heads
    assert all(0 < h.hours <= h.contract + SHIFT_HOURS for h in answer.hired_hours)
