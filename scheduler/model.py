"""Domain model: the planning problem and the roster, validated with pydantic v2.

Everything that crosses a boundary (workbook, CLI, JSON, Dask) is one of these models. The hot
CP-SAT paths convert them to plain ints once (see ``scheduler.geometry``).

Time: dates are calendar dates; clock times are local Europe/Oslo wall-clock times. A work period
in a roster carries timezone-aware datetimes; durations are real elapsed time (DST-safe).
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scheduler.clock import TZ, elapsed_minutes


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tier(StrEnum):
    """Permission tiers of ``aml-rules.md`` section 0.1 (who may relax a rule)."""

    T0_DEFAULT = "T0_DEFAULT"
    T1_EMPLOYER = "T1_EMPLOYER"
    T2_INDIVIDUAL = "T2_INDIVIDUAL"
    T3_TARIFF_REPS = "T3_TARIFF_REPS"
    T3b_NONTARIFF_REPS = "T3b_NONTARIFF_REPS"
    T4_UNION_INNSTILLINGSRETT = "T4_UNION_INNSTILLINGSRETT"
    T5_ARBEIDSTILSYNET = "T5_ARBEIDSTILSYNET"


class PeriodKind(StrEnum):
    planned = "planned"
    overtime = "overtime"
    extra = "extra"


class OnCall(StrEnum):
    """Where an on-call (standby) shift is spent (§ 10-4 (3))."""

    site = "site"
    home = "home"


class RequestKind(StrEnum):
    unavailable = "unavailable"  # hard
    day_off = "day_off"  # wish
    shift_wish = "shift_wish"  # wish to work a given shift
    avoid_shift = "avoid_shift"  # wish not to work a given shift


# --------------------------------------------------------------------------------------------
# Shift types


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


class Problem(Frozen):
    settings: Settings
    shifts: tuple[ShiftType, ...]
    employees: tuple[Employee, ...]
    demand: tuple[DemandItem, ...] = ()
    requests: tuple[Request, ...] = ()
    fixed: tuple[FixedAssignment, ...] = ()
    history: tuple[HistoryPeriod, ...] = ()
    employee_history: tuple[EmployeeHistory, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    contracts: tuple[Contract, ...] = ()
    weights: Weights = Weights()

    @model_validator(mode="after")
    def _references(self) -> Problem:
        problems: list[str] = []
        codes = [s.code for s in self.shifts]
        if len(set(codes)) != len(codes):
            problems.append("duplicate shift code")
        ids = [e.id for e in self.employees]
        if len(set(ids)) != len(ids):
            problems.append("duplicate employee id")
        code_set, id_set = set(codes), set(ids)
        for d in self.demand:
            if d.shift not in code_set:
                problems.append(f"demand names unknown shift {d.shift!r}")
        for r in self.requests:
            if r.employee not in id_set:
                problems.append(f"request names unknown employee {r.employee!r}")
            if r.shift and r.shift not in code_set:
                problems.append(f"request names unknown shift {r.shift!r}")
        for f in self.fixed:
            if f.employee not in id_set:
                problems.append(f"fixed assignment names unknown employee {f.employee!r}")
            if f.shift != "OFF" and f.shift not in code_set:
                problems.append(f"fixed assignment names unknown shift {f.shift!r}")
        contract_ids = {c.id for c in self.contracts}
        for e in self.employees:
            if e.contract is not None and e.contract not in contract_ids:
                problems.append(f"employee {e.id!r} names unknown contract {e.contract!r}")
        for a in self.agreements:
            if a.employee is not None and a.employee not in id_set:
                problems.append(f"agreement names unknown employee {a.employee!r}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def shift(self, code: str) -> ShiftType:
        for s in self.shifts:
            if s.code == code:
                return s
        raise KeyError(code)

    def employee(self, emp_id: str) -> Employee:
        for e in self.employees:
            if e.id == emp_id:
                return e
        raise KeyError(emp_id)

    def days(self) -> list[date]:
        return self.settings.days()


# --------------------------------------------------------------------------------------------
# The roster


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
    fields = dict(employee=employee, start=start, end=end, shift=st.code,
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
