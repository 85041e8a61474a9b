"""A roster: work periods on real clock time (timezone-aware, DST-safe), and turning
(employee, day) -> shift code assignments into them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import Field, model_validator

from scheduler.clock import elapsed_minutes
from scheduler.model.kinds import Frozen, OnCall, PeriodKind
from scheduler.model.problem import Problem
from scheduler.model.staff import ShiftType


class WorkPeriod(Frozen):
    """One stretch of work on real clock time: ``[start, end)``, Europe/Oslo, timezone-aware."""

    employee: str
    start: datetime
    end: datetime
    shift: str | None = None
    break_minutes: int | None = 0  # None = not recorded (breaks are then not judged)
    break_counts_as_work: bool = True
    kind: PeriodKind = PeriodKind.planned
    passive_minutes: Annotated[int, Field(ge=0)] = 0  # § 10-4 (2), from the shift type
    on_call: OnCall | None = None  # § 10-4 (3), from the shift type

    @model_validator(mode="after")
    def _check(self) -> WorkPeriod:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("work period times must be timezone-aware")
        if self.end.timestamp() <= self.start.timestamp():  # instants, not wall clock
            raise ValueError("work period ends before it starts")
        return self

    @property
    def elapsed_minutes(self) -> int:
        return elapsed_minutes(self.start, self.end)

    @property
    def work_minutes(self) -> int:
        """Elapsed time less an unpaid break."""
        unpaid = 0 if (self.break_counts_as_work or not self.break_minutes) else self.break_minutes
        return max(0, self.elapsed_minutes - unpaid)


class Roster(Frozen):
    periods: tuple[WorkPeriod, ...]
    # Day-off marks from a roster grid: (employee, day, code) with code F1..F5, FE, Ferie or OFF
    # (scheduler.dayoff); constraints.turnus_codes checks the F1/F3 marks.
    day_marks: tuple[tuple[str, date, str], ...] = ()

    def for_employee(self, emp_id: str) -> list[WorkPeriod]:
        return sorted((p for p in self.periods if p.employee == emp_id), key=lambda p: p.start)


def shift_period(employee: str, st: ShiftType, start: datetime, end: datetime, *,
                 trusted: bool = False) -> WorkPeriod:
    """The planned work period of shift type ``st`` worked by ``employee`` from ``start`` to
    ``end`` (its break, whether the break is work, its passive time and on-call kind).

    ``trusted``: the caller has checked the interval (aware, end after start by instant), so
    the period is built without re-validation (big grids)."""
    fields: dict[str, Any] = dict(employee=employee, start=start, end=end, shift=st.code,
                  break_minutes=st.break_minutes, break_counts_as_work=st.break_counts_as_work,
                  kind=PeriodKind.planned,
                  passive_minutes=st.passive_minutes,  # § 10-4 (2)
                  on_call=st.on_call)  # § 10-4 (3)
    return WorkPeriod.model_construct(**fields) if trusted else WorkPeriod(**fields)


def roster_from_assignments(problem: Problem, assignments: dict[tuple[str, date], str]) -> Roster:
    """Turn (employee, day) -> shift code into real work periods."""
    periods = []
    for (emp, day), code in sorted(assignments.items()):
        st = problem.shift(code)
        periods.append(shift_period(emp, st, *st.interval_on(day)))
    return Roster(periods=tuple(periods))
