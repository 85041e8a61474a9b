"""Tiny builders for rule tests: work periods, rosters, settings, employees, agreements.

Times are written as local Europe/Oslo wall-clock strings, ``"2026-04-06 07:30"``::

    from tests.rosterkit import period, roster, settings, employee, agreement, history

    r = roster(period("E1", "2026-04-06 07:30", "2026-04-06 15:30"))
    s = settings("2026-04-06", "2026-04-12")

Keep this module small and stable: other engineers' tests use it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from scheduler.clock import TZ
from scheduler.model import (
    Agreement,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    PeriodKind,
    Roster,
    Settings,
    Tier,
    WorkPeriod,
)


def dt(text: str) -> datetime:
    """``"2026-04-06 07:30"`` -> aware Europe/Oslo datetime (first instant if ambiguous)."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


def day(text: str) -> date:
    return date.fromisoformat(text)


def period(
    emp: str,
    start: str,
    end: str,
    *,
    kind: PeriodKind | str = PeriodKind.planned,
    break_minutes: int | None = 0,
    break_counts_as_work: bool = True,
    shift: str | None = None,
) -> WorkPeriod:
    return WorkPeriod(
        employee=emp,
        start=dt(start),
        end=dt(end),
        shift=shift,
        kind=PeriodKind(kind),
        break_minutes=break_minutes,
        break_counts_as_work=break_counts_as_work,
    )


def lasting(
    emp: str,
    start: str,
    hours: float,
    *,
    kind: PeriodKind | str = PeriodKind.planned,
    break_minutes: int | None = 0,
    break_counts_as_work: bool = True,
) -> WorkPeriod:
    """A period of ``hours`` real elapsed hours from ``start`` (DST-safe)."""
    begin = dt(start)
    end = (begin.astimezone(UTC) + timedelta(minutes=round(hours * 60))).astimezone(TZ)
    return WorkPeriod(
        employee=emp, start=begin, end=end, kind=PeriodKind(kind),
        break_minutes=break_minutes, break_counts_as_work=break_counts_as_work,
    )


def roster(*periods: WorkPeriod) -> Roster:
    return Roster(periods=tuple(periods))


def settings(start: str = "2026-04-06", end: str | None = None, **kw: object) -> Settings:
    """Horizon ``start``..``end`` inclusive (default: one week from ``start``)."""
    s = day(start)
    e = day(end) if end is not None else date.fromordinal(s.toordinal() + 6)
    return Settings(start=s, end=e, **kw)  # type: ignore[arg-type]


def employee(emp_id: str, **kw: object) -> Employee:
    return Employee(id=emp_id, **kw)  # type: ignore[arg-type]


def agreement(
    family: str,
    tier: Tier | str,
    employee: str | None = None,
    *,
    valid_from: str | None = None,
    valid_to: str | None = None,
    **params: float | int | str | bool,
) -> Agreement:
    return Agreement(
        family=family,
        tier=Tier(tier),
        employee=employee,
        params=params,
        valid_from=day(valid_from) if valid_from else None,
        valid_to=day(valid_to) if valid_to else None,
    )


def history(
    emp: str,
    start: str,
    end: str,
    *,
    kind: PeriodKind | str = PeriodKind.planned,
    break_minutes: int = 0,
) -> HistoryPeriod:
    return HistoryPeriod(
        employee=emp, start=dt(start), end=dt(end), kind=PeriodKind(kind),
        break_minutes=break_minutes,
    )


def employee_history(emp: str, overtime_ytd_hours: float = 0.0, **kw: object) -> EmployeeHistory:
    return EmployeeHistory(employee=emp, overtime_ytd_hours=overtime_ytd_hours, **kw)  # type: ignore[arg-type]
