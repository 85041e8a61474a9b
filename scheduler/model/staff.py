"""Shift types and the people who work them: employees with their contracts and the agreements
that relax a rule for them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from scheduler.clock import TZ
from scheduler.model.kinds import Frozen, OnCall, Tier


class ShiftType(Frozen):
    code: Annotated[str, Field(min_length=1, max_length=16)]
    name: str = ""
    start: time
    end: time
    break_minutes: Annotated[int, Field(ge=0, le=240)] = 0
    break_counts_as_work: bool = True
    # § 10-4 (2): minutes of mainly passive work in the shift (e.g. a sleeping night watch).
    passive_minutes: Annotated[int, Field(ge=0, le=1440)] = 0
    # § 10-4 (3): an on-call shift, on site (working time in full) or from home (a share counts).
    on_call: OnCall | None = None

    @field_validator("code")
    @classmethod
    def _code_clean(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("shift code is empty")
        return v

    @property
    def crosses_midnight(self) -> bool:
        """End <= start means the shift ends on the next calendar day."""
        return self.end <= self.start

    def interval_on(self, day: date) -> tuple[datetime, datetime]:
        """Real [start, end) of this shift when it starts on ``day`` (aware, Europe/Oslo)."""
        start = datetime.combine(day, self.start, tzinfo=TZ)
        end_day = day + timedelta(days=1) if self.crosses_midnight else day
        end = datetime.combine(end_day, self.end, tzinfo=TZ)
        return start, end

    def nominal_minutes(self) -> int:
        """Clock length on a day without a DST change (for display and contract hours)."""
        s = self.start.hour * 60 + self.start.minute
        e = self.end.hour * 60 + self.end.minute
        length = e - s if e > s else e + 24 * 60 - s
        return length

    def paid_minutes(self) -> int:
        """Nominal working minutes (unpaid break deducted)."""
        unpaid = 0 if self.break_counts_as_work else self.break_minutes
        return self.nominal_minutes() - unpaid

    @model_validator(mode="after")
    def _break_fits(self) -> ShiftType:
        if self.break_minutes >= self.nominal_minutes():
            raise ValueError("break is as long as the shift")
        if self.passive_minutes > self.nominal_minutes():
            raise ValueError("passive time is longer than the shift")
        return self


# --------------------------------------------------------------------------------------------
# Employees and agreements


class Agreement(Frozen):
    """An agreement in force: a relaxation tier for one rule family, optionally with parameters.

    ``family`` is a paragraph family such as ``"10-5"``, ``"10-6"``, ``"10-8"``, ``"10-10"`` or
    ``"10-11"`` (see ``constraints.limits``). ``employee`` is ``None`` for a site-wide agreement.
    """

    family: str
    tier: Tier
    employee: str | None = None
    params: dict[str, float | int | str | bool] = Field(default_factory=dict)
    valid_from: date | None = None
    valid_to: date | None = None
    # How an UNCONFIRMED tier power is read (constraints.limits): "protective" (the default)
    # or "broad" (the outer value seen in practice); from Settings ``open_tier_powers``.
    reading: Literal["protective", "broad"] = "protective"


class Contract(Frozen):
    """Contract rules (not AML): everyday rostering limits a planner or a benchmark sets.

    ``None`` means "no limit". Consecutive-day rules follow the Curtois & Qu convention: blocks
    touching either end of the horizon are exempt from the minimums.
    """

    id: Annotated[str, Field(min_length=1)]
    max_shifts: dict[str, int] = Field(default_factory=dict)  # per shift code
    min_total_minutes: int | None = None
    max_total_minutes: int | None = None
    min_consecutive_shifts: int | None = None
    max_consecutive_shifts: int | None = None
    min_consecutive_days_off: int | None = None
    max_weekends: int | None = None
    forbidden_successions: tuple[tuple[str, str], ...] = ()  # (shift on day d, shift on d+1)


class Employee(Frozen):
    id: Annotated[str, Field(min_length=1)]
    name: str = ""
    position_pct: Annotated[float | None, Field(ge=0, le=100)] = None
    weekly_hours: Annotated[float | None, Field(ge=0, le=80)] = None
    skills: tuple[str, ...] = ()
    under_18: bool = False
    birth_date: date | None = None
    in_school: bool = False
    night_work_allowed: bool = True
    exempt_10_12: bool = False
    excused_overtime: bool = False
    overtime_consent: bool = False
    high_risk_night: bool = False
    hourly_cost: Annotated[float | None, Field(ge=0)] = None
    contract: str | None = None  # id of a Contract in Problem.contracts

    @field_validator("id")
    @classmethod
    def _id_clean(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("employee id is empty")
        return v

    def is_minor_on(self, day: date) -> bool:
        if self.birth_date is not None:
            eighteenth = _add_years(self.birth_date, 18)
            return day < eighteenth
        return self.under_18

    def contracted_weekly_hours(self, full_time_hours: float) -> float:
        if self.weekly_hours is not None:
            return self.weekly_hours
        pct = 100.0 if self.position_pct is None else self.position_pct
        return full_time_hours * pct / 100.0


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


# --------------------------------------------------------------------------------------------
# Demand, requests, fixed assignments, history
