"""The run's settings (horizon, language, rule switches) and the objective's weights."""

from __future__ import annotations

import calendar as _calendar
from datetime import date, time, timedelta
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from scheduler.model.kinds import Frozen


class Settings(Frozen):
    site_name: str = ""
    start: date
    end: date  # inclusive last day of the horizon
    day_boundary: time = time(0, 0)
    week_start: int = Field(0, ge=0, le=6)  # 0 = Monday
    week_start_time: time = time(0, 0)
    night_start: time = time(21, 0)
    night_end: time = time(6, 0)
    full_time_hours: Annotated[float, Field(gt=0, le=48)] = 37.5
    tariff_bound: bool = True
    open_tier_powers: Literal["protective", "broad"] = "protective"  # constraints.limits
    sunday_work_permitted_by_nature: bool | None = None
    night_work_permitted_by_nature: bool | None = None
    allow_split_duties: bool = False
    strict: bool = False
    language: str = "en"
    apply_aml: bool = True  # False only for pure contract-rule problems (benchmarks)
    # Overtime and extra hours as priced decisions (scheduler.solver.overtime); off by default.
    allow_overtime: bool = False
    overtime_premium_pct: Annotated[float, Field(ge=40, le=1000)] = 40.0  # § 10-6 (11) >= 40 %
    extra_hours_supplement_pct: Annotated[float, Field(ge=0, le=1000)] = 0.0  # tariff, if any
    # § 10-4 (4) (a)/(b): the unit runs round-the-clock shift work that stops on Sundays and
    # holidays, or two-shift work regularly on Sundays/holidays (the roster alone cannot tell).
    rota_10_4_4: bool = False
    # § 10-4 (5): fully continuous (24/7) rota. True = 36 h applies; False = it does not (the
    # guidance test is not applied); None = judge each employee by the guidance test.
    continuous_rota: bool | None = None
    # § 10-9 (2): presume an unrecorded overtime break was taken (off = protective reading).
    presume_breaks: bool = False
    # § 11-2: school-free periods (first day, last day), inclusive, for children in school.
    school_holidays: tuple[tuple[date, date], ...] = ()
    # Planned hours stay within this many shifts of the contract over the horizon (issue 14).
    contract_tolerance_shifts: Annotated[float, Field(ge=0, le=31)] = 1.0
    # At most one weekend in this many (soft, fairness tier; 0 = no rhythm) (issue 14).
    weekend_rhythm: Annotated[int, Field(ge=0, le=10)] = 3
    # A shift from the day before may end on the first morning of a vacation at or before this
    # clock time (constraints.requests); None = none may (protective default) (issue 14).
    vacation_first_morning_until: time | None = None

    @model_validator(mode="after")
    def _horizon(self) -> Settings:
        if self.end < self.start:
            raise ValueError("the horizon ends before it starts")
        if (self.end - self.start).days > 400:
            raise ValueError("the horizon is longer than 400 days")
        if self.start.year < 1901 or self.end.year > 2198:  # room for history and week blocks
            raise ValueError("the horizon must lie within the years 1901-2198")
        return self

    @classmethod
    def for_month(cls, year: int, month: int, **kw: Any) -> Settings:
        last = _calendar.monthrange(year, month)[1]
        return cls(start=date(year, month, 1), end=date(year, month, last), **kw)

    def days(self) -> list[date]:
        n = (self.end - self.start).days
        return [self.start + timedelta(days=i) for i in range(n + 1)]


# The largest objective weight: with it every objective term still fits CP-SAT's 64-bit sums
# (10^15 made the model invalid on a two-nurse fortnight).
MAX_WEIGHT = 1_000_000_000
Weight = Annotated[int, Field(ge=0, le=MAX_WEIGHT)]


class Weights(Frozen):
    """Objective weights, in clear tiers (editable in the workbook's ``Weights`` sheet); each
    0 .. :data:`MAX_WEIGHT`."""

    # All >= 0: every tier is then >= 0, which the two-phase solve's bound relies on.
    uncovered: Weight = 100_000  # per missing person-shift below minimum
    soft_legal: Weight = 10_000  # per soft legal-rule breach
    below_target: Weight = 1_000  # per person-shift below target (above minimum)
    contract_deviation: Weight = 100  # per hour away from contracted hours over the horizon
    request: Weight = 50  # per unit of request weight not granted
    fairness: Weight = 20  # per unit of spread (nights, weekends, Sunday/holiday shifts)
    pattern: Weight = 5  # isolated days, long runs, backward rotation
    overstaffing: Weight = 1  # per person-shift above target


# --------------------------------------------------------------------------------------------
# The problem
