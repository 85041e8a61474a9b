"""Figures about a roster for people: hours per employee per week, coverage against demand.

These are *display* figures for the roster workbook and the CLI summary, not legal judgements
(the checker in ``constraints`` judges). Every time window comes from :mod:`scheduler.calendar`
and every duration from :mod:`scheduler.clock` (through the checker's own span helpers in
:mod:`constraints.base`), so a figure here always agrees with what the checker measures.

Hours per employee per fixed week window (``Settings.week_start`` / ``week_start_time``):

* ``hours`` — all worked minutes inside the week window (planned + overtime + extra), real
  elapsed time less unpaid breaks (an unpaid break is spread pro rata over a period that crosses
  a window edge, as the checker does);
* ``contract`` — contracted weekly hours × days of the week inside the horizon / 7, leaving out
  the days the employee is ``unavailable`` (leave, as in the Requests sheet; the solver's
  contract target does the same), so a week of leave is not shown as hours short;
* ``deviation`` — ``hours - contract``;
* ``overtime`` and ``extra`` (*merarbeid*) — the roster's overtime and extra hours inside the
  week window, from :func:`scheduler.extra_time.ledger`, the one measure the Summary and Headroom
  sheets use too (overtime as the checker counts it for the § 10-6 caps). Planned hours above
  the contract are not extra hours (a turnus averages its agreed hours over the plan; the
  deviation shows them), and planned hours above the normal-hours limit are a violation for the
  checker, not overtime;
* ``night`` — worked minutes inside the § 10-11 night windows (``Settings.night_start/end``);
* ``sunday`` — worked minutes inside the merged § 10-10 Sunday/public-holiday windows.

A shift that starts on the last day of the horizon and ends after it lands (partly) in the week
window after the horizon; that week is listed (with 0 days in the horizon) only when it holds
hours, so no worked hour disappears from the table.

Coverage per demand row (day × shift × skill): ``planned`` counts the employees with a period of
that shift (of any kind: a shift worked as overtime covers too) starting on that day who have the
skill (any employee when the skill is blank). An
employee with two skills counts towards both rows of the same shift; coverage % is planned
person-shifts within the minimum (``min(planned, required)``) over the total minimum.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from constraints.spans import Span, employee_spans, standby_shares
from scheduler import calendar as cal
from scheduler import extra_time as xt
from scheduler import i18n
from scheduler.clock import TZ
from scheduler.model import (
    Agreement,
    Employee,
    PeriodKind,
    Problem,
    RequestKind,
    Roster,
    Settings,
)
from scheduler.solution import INTERRUPTED, WALL_CLOCK, Solution


@dataclass(frozen=True, slots=True)
class WeekHours:
    """One employee's hours in one fixed week window."""

    employee: str
    week_start: date  # first calendar day of the week window
    days_in_horizon: int
    hours: float
    contract: float
    overtime: float
    extra: float
    night: float
    sunday: float

    @property
    def deviation(self) -> float:
        return self.hours - self.contract


@dataclass(frozen=True, slots=True)
class EmployeeTotals:
    """One employee over the whole horizon."""

    employee: str
    shifts: int
    hours: float
    contract: float
    night: float
    sunday: float

    @property
    def deviation(self) -> float:
        return self.hours - self.contract


@dataclass(frozen=True, slots=True)
class CoverageRow:
    day: date
    shift: str
    skill: str
    required: int  # the minimum
    target: int  # the target (the minimum when none is given)
    planned: int

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.planned)


# --------------------------------------------------------------------------------------------
# Helpers


def _worked(spans: Iterable[Span], start: int, end: int, kinds: set[PeriodKind] | None = None) -> float:
    """Worked minutes of the given kinds inside ``[start, end)``."""
    return sum(s.worked_in(start, end) for s in spans if kinds is None or s.kind in kinds)


def _worked_in_windows(spans: Sequence[Span], windows: Sequence[cal.Window], start: int, end: int) -> float:
    """Worked minutes inside the (disjoint) windows, clipped to ``[start, end)``."""
    total = 0.0
    for w in windows:
        lo, hi = max(w.start, start), min(w.end, end)
        if lo < hi:
            total += _worked(spans, lo, hi)
    return total


def _days_in_horizon(settings: Settings, week_start: date) -> int:
    first = max(settings.start, week_start)
    last = min(settings.end, week_start + timedelta(days=6))
    return max(0, (last - first).days + 1)


def _available_days(settings: Settings, first: date, last: date, away: AbstractSet[date]) -> int:
    """Days in ``[first, last]`` inside the horizon that are not in ``away``."""
    lo, hi = max(settings.start, first), min(settings.end, last)
    n = (hi - lo).days + 1
    return max(0, n - sum(1 for d in away if lo <= d <= hi))


def unavailable_days(problem: Problem) -> dict[str, set[date]]:
    """Days each employee is unavailable (hard ``unavailable`` requests) inside the horizon."""
    out: dict[str, set[date]] = defaultdict(set)
    s = problem.settings
    for r in problem.requests:
        if r.kind == RequestKind.unavailable:
            out[r.employee].update(d for d in r.days() if s.start <= d <= s.end)
    return dict(out)


def contract_hours(employee: Employee, settings: Settings, days: int) -> float:
    """Contracted hours for ``days`` days (weekly contract pro rata)."""
    return employee.contracted_weekly_hours(settings.full_time_hours) * days / 7.0


def _employee_list(employees: Sequence[Employee], roster: Roster) -> list[Employee]:
    known = {e.id: e for e in employees}
    out = list(employees)
    for p in roster.periods:
        if p.employee not in known:
            known[p.employee] = Employee(id=p.employee)
            out.append(known[p.employee])
    return out


# --------------------------------------------------------------------------------------------
# Hours


def weekly_hours(
    settings: Settings,
    roster: Roster,
    employees: Sequence[Employee],
    agreements: Sequence[Agreement] = (),
    unavailable: Mapping[str, AbstractSet[date]] | None = None,
    ledger: xt.Ledger | None = None,
) -> list[WeekHours]:
    """Hours per employee per fixed week window, in employee order then week order.

    ``ledger`` is the roster's overtime and extra hours (:func:`scheduler.extra_time.ledger`,
    which also counts History that touches the roster); measured here without History when
    not given."""
    away = unavailable or {}
    if ledger is None:
        ledger = xt.measure(settings, roster, employees, agreements)
    spans = employee_spans(roster.periods, share_of=standby_shares(agreements))
    # One extra day so the tail of a night shift on the last day has a week to land in.
    weeks = cal.week_windows(
        settings.start, settings.end + timedelta(days=1), settings.week_start,
        settings.week_start_time,
    )
    first_day, last_day = weeks[0].label, weeks[-1].label
    nights = cal.night_windows(
        date.fromisoformat(first_day), date.fromisoformat(last_day) + timedelta(days=7),
        settings.night_start, settings.night_end,
    )
    sundays = cal.sunday_holiday_windows(
        date.fromisoformat(first_day), date.fromisoformat(last_day) + timedelta(days=7)
    )
    out: list[WeekHours] = []
    for emp in _employee_list(employees, roster):
        mine = spans.get(emp.id, [])
        for w in weeks:
            wk = date.fromisoformat(w.label)
            days = _days_in_horizon(settings, wk)
            total = _worked(mine, w.start, w.end) / 60
            if days == 0 and total == 0:
                continue
            contract = contract_hours(
                emp, settings, _available_days(settings, wk, wk + timedelta(days=6),
                                               away.get(emp.id, set())))
            out.append(
                WeekHours(
                    employee=emp.id,
                    week_start=wk,
                    days_in_horizon=days,
                    hours=total,
                    contract=contract,
                    overtime=ledger.minutes(emp.id, PeriodKind.overtime, w.start, w.end) / 60,
                    extra=ledger.minutes(emp.id, PeriodKind.extra, w.start, w.end) / 60,
                    night=_worked_in_windows(mine, nights, w.start, w.end) / 60,
                    sunday=_worked_in_windows(mine, sundays, w.start, w.end) / 60,
                )
            )
    return out


def employee_totals(
    settings: Settings,
    roster: Roster,
    employees: Sequence[Employee],
    unavailable: Mapping[str, AbstractSet[date]] | None = None,
    agreements: Sequence[Agreement] = (),
) -> list[EmployeeTotals]:
    """Totals per employee over the horizon (all of each period counts, wherever it ends; on
    call from home at the § 10-4 (3) share the ``agreements`` set, as the checker counts it)."""
    away = unavailable or {}
    spans = employee_spans(roster.periods, share_of=standby_shares(agreements))
    first, last = settings.start - timedelta(days=1), settings.end + timedelta(days=2)
    nights = cal.night_windows(first, last, settings.night_start, settings.night_end)
    sundays = cal.sunday_holiday_windows(first, last)
    out = []
    for emp in _employee_list(employees, roster):
        mine = spans.get(emp.id, [])
        lo = min((s.start for s in mine), default=0)
        hi = max((s.end for s in mine), default=0)
        out.append(
            EmployeeTotals(
                employee=emp.id,
                shifts=sum(1 for s in mine if s.shift is not None),
                hours=sum(s.work for s in mine) / 60,
                contract=contract_hours(
                    emp, settings,
                    _available_days(settings, settings.start, settings.end,
                                    away.get(emp.id, set()))),
                night=_worked_in_windows(mine, nights, lo, hi) / 60,
                sunday=_worked_in_windows(mine, sundays, lo, hi) / 60,
            )
        )
    return out


# --------------------------------------------------------------------------------------------
# Coverage


def start_day(moment: datetime) -> date:
    """The local calendar day a period starts on (the day its shift is rostered on)."""
    return moment.astimezone(TZ).date()


def coverage(problem: Problem, roster: Roster) -> list[CoverageRow]:
    """Planned against required for every demand row, in day, shift, skill order."""
    skills = {e.id: set(e.skills) for e in problem.employees}
    on: dict[tuple[date, str], list[str]] = defaultdict(list)
    for p in roster.periods:
        # Any kind: a shift worked entirely as overtime or extra hours covers demand too.
        staff = on[(start_day(p.start), p.shift)] if p.shift is not None else None
        if staff is not None and p.employee not in staff:
            staff.append(p.employee)
    rows = []
    for d in problem.demand:
        staff = on.get((d.day, d.shift), [])
        n = len(staff) if not d.skill else sum(1 for e in staff if d.skill in skills.get(e, ()))
        rows.append(
            CoverageRow(
                day=d.day,
                shift=d.shift,
                skill=d.skill,
                required=d.minimum,
                target=d.target if d.target is not None else d.minimum,
                planned=n,
            )
        )
    rows.sort(key=lambda r: (r.day, r.shift, r.skill))
    return rows


def coverage_pct(rows: Sequence[CoverageRow]) -> float:
    """Planned person-shifts within the minimum over the total minimum, in percent."""
    required = sum(r.required for r in rows)
    if required == 0:
        return 100.0
    return 100.0 * sum(min(r.planned, r.required) for r in rows) / required


def daily_coverage(rows: Sequence[CoverageRow]) -> list[tuple[date, int, int]]:
    """(day, required, planned within the rows) per day, for the coverage chart."""
    req: dict[date, int] = defaultdict(int)
    got: dict[date, int] = defaultdict(int)
    for r in rows:
        req[r.day] += r.required
        got[r.day] += r.planned
    return [(d, req[d], got[d]) for d in sorted(req)]


# --------------------------------------------------------------------------------------------
# How the search ended (issue 18: docs/reliability.md, "Reproducible by design")


def search_outcome(solution: Solution, time_limit: float, lang: str = "en") -> tuple[str, str]:
    """(why the search ended, whether the roster is reproducible and how), in words."""
    stopped = solution.stopped_by or WALL_CLOCK
    reason = i18n.text(f"search.{stopped}", lang, work=solution.work,
                       limit=solution.work_limit or 0, seconds=time_limit,
                       target=solution.target_gap_pct or 0)
    if solution.reproducible:
        repro = i18n.text("search.reproducible", lang, seed=solution.seed,
                          limit=solution.work_limit or 0)
    elif stopped == INTERRUPTED:
        repro = i18n.text("search.not_reproducible.interrupted", lang)
    elif solution.work_limit is None:
        repro = i18n.text("search.not_reproducible.no_budget", lang)
    elif stopped == WALL_CLOCK or solution.workers == 1:
        repro = i18n.text("search.not_reproducible.wall_clock", lang)
    else:
        repro = i18n.text("search.not_reproducible.workers", lang, workers=solution.workers)
    return reason, repro
