"""Overtime and extra hours (*merarbeid*) in a roster: which shift they belong to, and their cost.

A roster carries overtime and extra hours as work periods of kind ``overtime`` / ``extra``. The
solver (:mod:`scheduler.solver.overtime`) writes them as the tail of a shift: the shift's planned
period (with the shift code) is followed, touching, by an ``extra`` and then an ``overtime``
period without a code, so the checker sees one continuous work period. A stretch belongs to the
shift of its continuous work period (touching periods joined): the roster grid, the Hours and
Summary sheets and what-if use :func:`stretches` to find it. A period of another kind that
touches no coded period belongs to no shift (``shift=""``, ``day`` = its start day).

How much: :func:`ledger` is the one measure of a roster's overtime and extra hours, per employee
and in any time window. The Summary sheet (totals and cost), the Hours sheet (per week) and the
Headroom sheet (per employee) all read it, so they agree to the minute. Overtime is measured as
the checker measures it for the § 10-6 caps (``constraints.overtime.counted.overtime_spans``: the
§ 10-9 (2) break taken off), extra hours as their worked minutes; History is left out (it is not
part of this roster). Hours planned above a contract but not recorded as extra hours are not
extra hours: a turnus averages its agreed hours over the plan (the deviation column shows them).

Cost: hours × ``Employee.hourly_cost`` × (1 + ``Settings.overtime_premium_pct`` / 100) for
overtime (§ 10-6 (11): at least 40 %), × (1 + ``extra_hours_supplement_pct`` / 100) for extra
hours. A cost is ``None`` when an employee with such hours has no hourly cost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from constraints.spans import Span
from scheduler.clock import TZ
from scheduler.model import (
    Agreement,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Roster,
    Settings,
    WorkPeriod,
)
from scheduler.solution import ExtraTime

KINDS = (PeriodKind.overtime, PeriodKind.extra)


def _blocks(periods: Iterable[WorkPeriod]) -> list[list[WorkPeriod]]:
    """Continuous work periods (touching or overlapping periods joined) of one employee."""
    out: list[list[WorkPeriod]] = []
    end = None
    for p in sorted(periods, key=lambda p: (p.start, p.end)):
        if out and end is not None and p.start <= end:
            out[-1].append(p)
            end = max(end, p.end)
        else:
            out.append([p])
            end = p.end
    return out


def stretches(roster: Roster) -> list[ExtraTime]:
    """Every overtime / extra period of the roster, with the shift it belongs to."""
    by_emp: dict[str, list[WorkPeriod]] = defaultdict(list)
    for p in roster.periods:
        by_emp[p.employee].append(p)
    out: list[ExtraTime] = []
    for emp in sorted(by_emp):
        for block in _blocks(by_emp[emp]):
            coded = next((p for p in block if p.shift is not None), None)
            for p in block:
                if p.kind not in KINDS:
                    continue
                owner = coded or p
                out.append(ExtraTime(
                    employee=emp,
                    day=owner.start.astimezone(TZ).date(),
                    shift=coded.shift if coded is not None and coded.shift else "",
                    kind=p.kind.value,
                    start=p.start,
                    end=p.end,
                    minutes=p.work_minutes,
                ))
    return out


def by_shift_day(items: Iterable[ExtraTime]) -> dict[tuple[str, date], dict[str, int]]:
    """(employee, day of the shift) -> {kind: minutes}."""
    out: dict[tuple[str, date], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for x in items:
        out[(x.employee, x.day)][x.kind] += x.minutes
    return {k: dict(v) for k, v in out.items()}


@dataclass(frozen=True)
class Costs:
    overtime_hours: float
    extra_hours: float
    overtime_cost: float | None  # base pay + premium
    overtime_premium_cost: float | None  # the premium alone
    extra_cost: float | None  # base pay + tariff supplement


def costs(problem: Problem, items: Iterable[ExtraTime] | Ledger) -> Costs:
    """Hours and cost of the overtime and extra hours (``None`` where a cost is unknown)."""
    if isinstance(items, Ledger):
        hours = {k.value: {e: m / 60 for e, m in items.by_employee(k).items()} for k in KINDS}
    else:
        hours = {k.value: defaultdict(float) for k in KINDS}
        for x in items:
            hours[x.kind][x.employee] += x.minutes / 60
    return _priced(problem, hours)


def _priced(problem: Problem, hours: Mapping[str, Mapping[str, float]]) -> Costs:
    s = problem.settings
    rate = {e.id: e.hourly_cost for e in problem.employees}

    def priced(kind: PeriodKind, pct: float) -> float | None:
        per = hours[kind.value]
        if any(rate.get(emp) is None for emp, h in per.items() if h > 0):
            return None
        return round(sum(h * (rate[emp] or 0.0) * (1 + pct / 100) for emp, h in per.items()), 2)

    full = priced(PeriodKind.overtime, s.overtime_premium_pct)
    base = priced(PeriodKind.overtime, 0.0)
    return Costs(
        overtime_hours=sum(hours["overtime"].values()),
        extra_hours=sum(hours["extra"].values()),
        overtime_cost=full,
        overtime_premium_cost=None if full is None or base is None else round(full - base, 2),
        extra_cost=priced(PeriodKind.extra, s.extra_hours_supplement_pct),
    )


# --------------------------------------------------------------------------------------------
# The one measure of a roster's overtime and extra hours (Summary, Hours and Headroom sheets)


@dataclass(frozen=True)
class Ledger:
    """Each employee's overtime and extra-hour spans in the roster (History left out)."""

    spans: dict[str, dict[PeriodKind, list[Span]]] = field(default_factory=dict)

    def minutes(self, employee: str, kind: PeriodKind, start: int | None = None,
                end: int | None = None) -> float:
        """Worked minutes of ``kind`` (overtime or extra) of ``employee``, inside the window
        ``[start, end)`` of epoch minutes when one is given (an unpaid break pro rata)."""
        mine = self.spans.get(employee, {}).get(kind, [])
        if start is None or end is None:
            return float(sum(s.work for s in mine))
        return sum(s.worked_in(start, end) for s in mine)

    def by_employee(self, kind: PeriodKind) -> dict[str, float]:
        """Minutes of ``kind`` per employee (employees without any left out)."""
        out = {e: self.minutes(e, kind) for e in self.spans}
        return {e: m for e, m in out.items() if m > 0}

    def total(self, kind: PeriodKind) -> float:
        return sum(self.by_employee(kind).values())


def ledger(problem: Problem, roster: Roster) -> Ledger:
    """Overtime (as the checker measures it for the § 10-6 caps) and extra hours per employee."""
    return measure(problem.settings, roster, problem.employees, problem.agreements,
                   problem.history, problem.employee_history)


def measure(settings: Settings, roster: Roster, employees: Iterable[Employee] = (),
            agreements: Iterable[Agreement] = (), history: Iterable[HistoryPeriod] = (),
            employee_history: Iterable[EmployeeHistory] = ()) -> Ledger:
    """:func:`ledger` from the parts of a problem (History joins a roster period it touches)."""
    from constraints.base import CheckContext
    from constraints.overtime.counted import overtime_spans

    ctx = CheckContext(settings=settings, roster=roster, employees={e.id: e for e in employees},
                       agreements=tuple(agreements), history=tuple(history),
                       employee_history={h.employee: h for h in employee_history})
    out: dict[str, dict[PeriodKind, list[Span]]] = {}
    for emp, spans in ctx.timelines.items():
        extra = [s for s in spans if s.kind == PeriodKind.extra and not s.history]
        if not extra and not any(s.kind == PeriodKind.overtime and not s.history for s in spans):
            continue
        ot = [s for s in overtime_spans(ctx, emp) if not s.history]
        out[emp] = {PeriodKind.overtime: ot, PeriodKind.extra: extra}
    return Ledger(out)
