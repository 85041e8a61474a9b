"""The figures that compare scenarios, computed from one scenario's problem and solution.

Hours, coverage and the overtime / extra-hours split come from :mod:`scheduler.summary` (the
same figures the roster workbook shows); this module only adds them up per scenario:

* ``coverage_pct`` — planned person-shifts within the minimum over the total minimum;
* ``uncovered_hours`` — person-hours below the minimum per skill (``any`` for rows open to
  everyone): missing people × the shift's paid hours;
* ``overtime_hours`` / ``extra_hours`` — the overtime and extra hours (*merarbeid*) the solver
  decided (only when the scenario allows overtime; otherwise none is ever planned);
* ``overtime_premium_cost`` — the premium part of the overtime pay (§ 10-6 (11), the rate in
  Settings), ``None`` when an hourly cost is missing;
* ``overtime_headroom_hours`` — per cap (``7d``, ``4w``, ``52w`` or ``26w``), the overtime hours
  still allowed at the end of the horizon, summed over the employees who may work overtime
  (``scheduler.headroom``); only when the scenario allows overtime;
* ``labour_cost`` — worked hours × ``hourly_cost``, overtime hours with the premium on top;
  ``None`` when no employee has an hourly cost (``employees_without_cost`` says how many were
  left out when only some have one);
* ``contract_deviation_hours`` — Σ |worked − contracted hours| over employees (contract pro rata
  for unavailable days, as the solver's target);
* ``requests_granted_pct`` — request-days of wishes (day off, shift wish, avoid shift) inside the
  horizon that the roster grants; ``None`` when there are none;
* ``nights_spread`` — max − min night shifts among the employees who work at least one night
  shift (a shift with more than 3 h in the § 10-11 night window, as the solver's fairness term);
  ``weekend_spread`` — max − min shifts starting on a Saturday or Sunday among employees who work
  at all. Raw counts: a 50 % position naturally has fewer.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, ConfigDict

from constraints.windows import time_windows
from scheduler import summary as sm
from scheduler.clock import to_minutes
from scheduler.model import Problem, RequestKind, Roster
from scheduler.solution import Solution, roster_of

OVERTIME_SUPPLEMENT = 0.40  # § 10-6 (11): at least 40 % on top of the hourly pay
ANY = "any"


class Figures(BaseModel):
    model_config = ConfigDict(frozen=True)

    employees: int
    coverage_pct: float
    shortfall_person_shifts: int
    uncovered_hours: dict[str, float]
    planned_hours: float
    overtime_hours: float
    extra_hours: float
    overtime_premium_cost: float | None = None
    overtime_headroom_hours: dict[str, float] = {}
    labour_cost: float | None = None
    employees_without_cost: int = 0
    contract_deviation_hours: float
    requests_granted_pct: float | None = None
    nights_spread: int | None = None
    weekend_spread: int | None = None
    violations: int | None = None  # hard violations the roster causes (must be 0; History's own left out)

    @property
    def uncovered_total(self) -> float:
        return round(sum(self.uncovered_hours.values()), 2)


def _r(x: float, nd: int = 2) -> float:
    return round(x + 0.0, nd)


def uncovered_hours(problem: Problem, rows: list[sm.CoverageRow]) -> dict[str, float]:
    """Person-hours below the minimum per skill (every demand skill listed, 0 when covered)."""
    paid = {s.code: s.paid_minutes() / 60 for s in problem.shifts}
    out: dict[str, float] = {}
    for d in problem.demand:
        out.setdefault(d.skill or ANY, 0.0)
    for r in rows:
        if r.shortfall:
            key = r.skill or ANY
            out[key] = out.get(key, 0.0) + r.shortfall * paid.get(r.shift, 0.0)
    return {k: _r(v) for k, v in sorted(out.items())}


def requests_granted(problem: Problem, roster: Roster) -> tuple[int, int]:
    """(granted, total) request-days of wishes inside the horizon."""
    worked: dict[tuple[str, object], set[str]] = defaultdict(set)
    for p in roster.periods:
        if p.shift is not None:
            worked[(p.employee, sm.start_day(p.start))].add(p.shift)
    s = problem.settings
    granted = total = 0
    for r in problem.requests:
        if r.kind == RequestKind.unavailable:
            continue
        for day in r.days():
            if not s.start <= day <= s.end:
                continue
            total += 1
            on = worked.get((r.employee, day), set())
            if r.kind == RequestKind.day_off:
                granted += not on
            elif r.kind == RequestKind.shift_wish:
                granted += r.shift in on
            elif r.kind == RequestKind.avoid_shift:
                granted += r.shift not in on
    return granted, total


def shift_counts(problem: Problem, roster: Roster) -> tuple[dict[str, int], dict[str, int]]:
    """Night shifts and weekend shifts per employee (planned periods with a shift code)."""
    windows = time_windows(problem.settings)
    nights: dict[str, int] = defaultdict(int)
    weekends: dict[str, int] = defaultdict(int)
    seen: set[tuple[str, object]] = set()
    for p in roster.periods:
        # A shift worked entirely as overtime keeps its code; its planned part comes first.
        if p.shift is None or (p.employee, p.start) in seen:
            continue
        seen.add((p.employee, p.start))
        a, b = to_minutes(p.start), to_minutes(p.end)
        if windows.is_night_shift(windows.night_minutes(a, b)):
            nights[p.employee] += 1
        if windows.is_weekend(sm.start_day(p.start)):
            weekends[p.employee] += 1
    return dict(nights), dict(weekends)


def _spread(counts: dict[str, int], pool: set[str]) -> int | None:
    values = [counts.get(e, 0) for e in pool]
    return (max(values) - min(values)) if values else None


def figures(problem: Problem, solution: Solution, roster: Roster | None = None,
            violations: int | None = None, allow_overtime: bool = False) -> Figures:
    """The comparison figures of one solved scenario (``roster`` defaults to the solution's)."""
    roster = roster if roster is not None else roster_of(problem, solution)
    rows = sm.coverage(problem, roster)
    away = sm.unavailable_days(problem)
    totals = sm.employee_totals(problem.settings, roster, problem.employees, away,
                                problem.agreements)
    overtime: dict[str, float] = defaultdict(float)
    for x in solution.extra_time:
        if x.kind == "overtime":
            overtime[x.employee] += x.minutes / 60
    premium = max(OVERTIME_SUPPLEMENT, problem.settings.overtime_premium_pct / 100)
    cost_of = {e.id: e.hourly_cost for e in problem.employees if e.hourly_cost is not None}
    with_cost = [t for t in totals if t.employee in cost_of]
    cost = None
    if with_cost:
        cost = sum(t.hours * cost_of[t.employee]
                   + premium * overtime[t.employee] * cost_of[t.employee]
                   for t in with_cost)
    room: dict[str, float] = {}
    if allow_overtime or solution.extra_time:
        from scheduler.headroom import headroom

        for h in headroom(problem, roster):
            room[h.cap] = room.get(h.cap, 0.0) + h.remaining
    granted, wishes = requests_granted(problem, roster)
    nights, weekends = shift_counts(problem, roster)
    working = {t.employee for t in totals if t.shifts > 0}
    return Figures(
        employees=len(problem.employees),
        coverage_pct=_r(sm.coverage_pct(rows)),
        shortfall_person_shifts=sum(r.shortfall for r in rows),
        uncovered_hours=uncovered_hours(problem, rows),
        planned_hours=_r(sum(t.hours for t in totals)),
        overtime_hours=_r(solution.overtime_hours),
        extra_hours=_r(solution.extra_hours),
        overtime_premium_cost=(None if solution.overtime_premium_cost is None
                               else _r(solution.overtime_premium_cost)),
        overtime_headroom_hours={k: _r(v) for k, v in sorted(room.items())},
        labour_cost=None if cost is None else _r(cost),
        employees_without_cost=(len(totals) - len(with_cost)) if with_cost else 0,
        contract_deviation_hours=_r(sum(abs(t.deviation) for t in totals)),
        requests_granted_pct=None if wishes == 0 else _r(100.0 * granted / wishes),
        nights_spread=_spread(nights, {e for e in working if nights.get(e, 0) > 0}),
        weekend_spread=_spread(weekends, working),
        violations=violations,
    )


__all__ = ["Figures", "figures", "requests_granted", "shift_counts", "uncovered_hours"]
