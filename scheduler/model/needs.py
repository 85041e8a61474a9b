"""What the planner asks for besides the staff: demand per day, shift and skill, requests
(wishes and absences), fixed shifts and the History before the horizon."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated

from pydantic import Field, model_validator

from scheduler.model.kinds import Frozen, PeriodKind, RequestKind


class DemandItem(Frozen):
    day: date
    shift: str
    skill: str = ""  # "" = any qualified employee
    minimum: Annotated[int, Field(ge=0, le=10_000)]
    target: Annotated[int | None, Field(ge=0, le=10_000)] = None
    weight: Annotated[float | None, Field(ge=0)] = None  # price per person below target
    over_weight: Annotated[float | None, Field(ge=0)] = None  # price per person above target

    @model_validator(mode="after")
    def _target_at_least_min(self) -> DemandItem:
        if self.target is not None and self.target < self.minimum:
            raise ValueError("target is below the minimum")
        return self


class Request(Frozen):
    employee: str
    start: date
    end: date  # inclusive
    kind: RequestKind
    shift: str | None = None
    weight: Annotated[float, Field(ge=0)] = 1.0
    # An ``unavailable`` request that is a vacation (``FE`` in the grid; Settings
    # ``vacation_first_morning_until`` applies to its first morning).
    vacation: bool = False

    @model_validator(mode="after")
    def _check(self) -> Request:
        if self.end < self.start:
            raise ValueError("request ends before it starts")
        if self.vacation and self.kind != RequestKind.unavailable:
            raise ValueError("only an unavailable request can be a vacation")
        if self.kind in (RequestKind.shift_wish, RequestKind.avoid_shift) and not self.shift:
            raise ValueError(f"a {self.kind.value} request needs a shift code")
        return self

    def days(self) -> list[date]:
        n = (self.end - self.start).days
        return [self.start + timedelta(days=i) for i in range(n + 1)]


class FixedAssignment(Frozen):
    employee: str
    day: date
    shift: str  # a shift code, or "OFF" for a pinned day off


class HistoryPeriod(Frozen):
    """A shift worked before the horizon (carries rest, caps and the Sunday rule in)."""

    employee: str
    start: datetime
    end: datetime
    kind: PeriodKind = PeriodKind.planned
    break_minutes: int = 0

    @model_validator(mode="after")
    def _order(self) -> HistoryPeriod:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("history times must be timezone-aware")
        if self.end.timestamp() <= self.start.timestamp():  # instants, not wall clock
            raise ValueError("history period ends before it starts")
        return self


class EmployeeHistory(Frozen):
    employee: str
    overtime_ytd_hours: Annotated[float, Field(ge=0)] = 0.0
    last_sunday_worked: date | None = None


# --------------------------------------------------------------------------------------------
# Settings, weights, horizon
