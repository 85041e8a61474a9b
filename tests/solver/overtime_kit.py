"""Small weeks and helpers shared by the overtime tests (tests/solver/test_overtime_solver.py, test_overtime_output.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from constraints.checker import check_problem
from constraints.overtime.counted import ot_rate, ot_year_rate
from constraints.windows import fixed_blocks
from scheduler.clock import TZ, to_minutes
from scheduler.headroom import context
from scheduler.model import (
    Agreement,
    DemandItem,
    Employee,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Settings,
    ShiftType,
    Tier,
)
from scheduler.solution import Solution
from tests import budgets

D = ShiftType(code="D", start=time(7), end=time(15), break_minutes=30)  # 8 h, paid break
X = ShiftType(code="X", start=time(7), end=time(17), break_minutes=30)  # 10 h: 1 h over a day
Z = ShiftType(code="Z", start=time(7), end=time(20), break_minutes=30)  # 13 h
# X on a Saturday, ending at 13:00 so that the weekly rest (Saturday 13:00 - Monday) is 35 h.
XS = ShiftType(code="X", start=time(3), end=time(13), break_minutes=30)  # 10 h
MON = date(2026, 6, 8)
T3 = Agreement(family="10-6", tier=Tier.T3_TARIFF_REPS)
OT = budgets.options(3.0, seed=0, allow_overtime=True)
NO_OT = budgets.options(3.0, seed=0)


def _settings(days: int = 7, **kw: object) -> Settings:
    return Settings(start=MON, end=MON + timedelta(days=days - 1),
                    sunday_work_permitted_by_nature=True, night_work_permitted_by_nature=True,
                    **kw)  # type: ignore[arg-type]


def _week(plan: dict[int, ShiftType], *, emp: Employee | None = None, **kw: object) -> Problem:
    """One employee, one week; ``plan`` = weekday -> the shift demanded that day (minimum 1)."""
    shifts = tuple({st.code: st for st in plan.values()}.values())
    demand = tuple(DemandItem(day=MON + timedelta(days=wd), shift=st.code, minimum=1)
                   for wd, st in sorted(plan.items()))
    kw.setdefault("settings", _settings())
    return Problem(shifts=shifts, employees=(emp or Employee(id="A"),),  # type: ignore[arg-type]
                   demand=demand, **kw)


def _ten_hours() -> dict[int, ShiftType]:
    """Mon-Fri 8 h days and a 10 h Saturday: 50 h, so exactly 10 h of overtime (T0's cap).
    (Not Sunday: working the week's only Sunday lowers the week to 38 h, § 10-4 (4) (c).)"""
    return {0: D, 1: D, 2: D, 3: D, 4: D, 5: XS}


def _twenty_hours() -> dict[int, ShiftType]:
    """Four 13 h days and an 8 h Friday: 60 h, so exactly 20 h of overtime (T3's cap)."""
    return {0: Z, 1: Z, 2: Z, 3: Z, 4: D}


def _one_minute_longer(st: ShiftType) -> ShiftType:
    end = (datetime.combine(MON, st.end) + timedelta(minutes=1)).time()
    return st.model_copy(update={"end": end})


def _clean(p: Problem, sol: Solution) -> None:
    assert sol.status in ("OPTIMAL", "FEASIBLE")
    report = check_problem(p, sol.roster)
    assert report.violations == [], [f.message for f in report.violations]


def _checker_ot(p: Problem, sol: Solution, weeks: int) -> float:
    """Overtime minutes the checker counts in the fixed window of ``weeks`` holding the week."""
    ctx = context(p, sol.roster)
    if weeks == 1:
        a = to_minutes(datetime.combine(MON, time(0), tzinfo=TZ))
        return ot_rate(ctx, "A").between(a, a + 7 * 24 * 60)
    block = next(b for b in fixed_blocks(p.settings, MON - timedelta(weeks=60), weeks)
                 if b.start <= to_minutes(datetime.combine(MON, time(12), tzinfo=TZ)) < b.end)
    rate = ot_year_rate(ctx, "A") if weeks == 52 else ot_rate(ctx, "A")
    return rate.between(block.start, block.end)


def _ot_history(minutes: list[int]) -> tuple[HistoryPeriod, ...]:
    """Overtime worked on Tuesdays and Thursdays of the three weeks before the horizon (in the
    same 4-week block, at most 20 h a week)."""
    out = []
    assert len(minutes) <= 6
    for i, m in enumerate(minutes):
        day = date(2026, 5, 19) + timedelta(weeks=i // 2, days=2 * (i % 2))
        start = datetime.combine(day, time(16), tzinfo=TZ)
        out.append(HistoryPeriod(employee="A", start=start, end=start + timedelta(minutes=m),
                                 kind=PeriodKind.overtime))
    return tuple(out)
