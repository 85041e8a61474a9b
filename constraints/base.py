"""The rule interface shared by the checker and the solver.

A rule family is a package ``constraints/<family>/``:

* ``__init__.py`` — the module docstring (paragraph, what is measured, default and each tier's
  limit, edge cases, the reading chosen where the spec says UNCONFIRMED) and ``RULES``, a list of
  :class:`RuleSpec` with the canonical rule ids of ``aml-rules.md``;
* ``check.py`` — ``CHECKS: dict[rule_id, Callable[[CheckContext], list[Finding]]]``: measures a
  concrete roster on real clock time, never asking the solver;
* ``post.py`` — ``POSTS: dict[rule_id, Callable[[PostContext], None]]``: adds the rule to a
  CP-SAT model (see ``scheduler.solver``).

Limits and tiers come from :mod:`constraints.limits`; time windows from ``ctx.windows``, the
problem's :class:`constraints.windows.TimeWindows` (the solver's geometry holds the same). Rule
code never re-derives either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from constraints import limits
from constraints.finding import Finding, Severity
from constraints.spans import ShareFn, Span, employee_spans, standby_shares
from constraints.windows import TimeWindows, time_windows
from scheduler import calendar as cal
from scheduler import i18n
from scheduler.clock import from_minutes, to_minutes
from scheduler.i18n import Msg
from scheduler.model import (
    Agreement,
    Contract,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    Request,
    Roster,
    Settings,
    ShiftType,
    Tier,
)

RULESET_VERSION = "aml-ch10-2026.1"


@dataclass(frozen=True)
class RuleSpec:
    id: str  # canonical id from aml-rules.md, e.g. "AML-10-8-1-daily-rest"
    paragraph: str  # "§ 10-8 (1)"
    family: str  # key in constraints.limits.FAMILIES, or a free key ("10-9", "11", "TAR")
    title: str
    hard: bool = True  # the solver posts it as a hard constraint (else soft, with a penalty)
    applies_to_exempt: bool = False  # still applies to § 10-12 (1)/(2) exempt employees
    opt_in: bool = False  # only when switched on (e.g. the TAR-* hospital profile)


CheckFn = Callable[["CheckContext"], list[Finding]]
PostFn = Callable[[Any], None]


# --------------------------------------------------------------------------------------------
# The check context


@dataclass
class CheckContext:
    """Everything a rule's ``check`` needs, computed once per check run."""

    settings: Settings
    roster: Roster
    employees: dict[str, Employee] = field(default_factory=dict)
    agreements: tuple[Agreement, ...] = ()
    employee_history: dict[str, EmployeeHistory] = field(default_factory=dict)
    history: tuple[HistoryPeriod, ...] = ()
    strict: bool = False
    tariff_profile: bool = False  # switch on the opt-in TAR-* rules
    contracts: dict[str, Contract] = field(default_factory=dict)  # contract rules (not AML)
    shifts: dict[str, ShiftType] = field(default_factory=dict)  # shift types, when known
    requests: tuple[Request, ...] = ()  # the planner's requests (REQ-unavailable), when known
    # Filled in by __post_init__:
    timelines: dict[str, list[Span]] = field(init=False)
    horizon_start: int = field(init=False)
    horizon_end: int = field(init=False)
    windows: TimeWindows = field(init=False)  # the problem's windows (constraints.windows)
    breaks_recorded: bool = field(init=False)
    _language: str = field(init=False, repr=False)
    _instants: dict[int, datetime] = field(init=False, repr=False)
    _minute_of_instant: dict[int, int] = field(init=False, repr=False)
    _default_employees: dict[str, Employee] = field(init=False, repr=False)
    standby_share: ShareFn = field(init=False, repr=False)

    def __post_init__(self) -> None:
        s = self.settings
        self._language = i18n.language(s.language)
        self._instants = {}
        self._minute_of_instant = {}
        self._default_employees = {}
        # the § 10-4 (3) share of on-call time from home counted for an employee on a day
        self.standby_share = standby_shares(self.agreements)
        self.timelines = employee_spans(self.roster.periods, self.history, self.standby_share)
        # The windows reach back over the history carry-in (the one extent of the solver too).
        self.windows = time_windows(
            s,
            (h.start.date() for h in self.history),
            (h.last_sunday_worked for h in self.employee_history.values() if h.last_sunday_worked),
            self.agreements,
        )
        self.horizon_start = self.windows.horizon_start
        self.horizon_end = self.windows.horizon_end
        self.breaks_recorded = any(p.break_minutes is not None for p in self.roster.periods)

    # -- lookups ---------------------------------------------------------------------------

    def employee(self, emp_id: str) -> Employee:
        """The employee's record, or a default one for ids the input does not describe."""
        e = self.employees.get(emp_id)
        if e is None:
            e = self._default_employees.get(emp_id)
            if e is None:
                e = self._default_employees[emp_id] = Employee(id=emp_id)
        return e

    def contract_of(self, emp_id: str) -> Contract | None:
        cid = self.employee(emp_id).contract
        return self.contracts.get(cid) if cid is not None else None

    def nominal_minutes(self, span: Span) -> int:
        """The shift type's paid minutes (DST-independent, for contract totals), else real work."""
        st = self.shifts.get(span.shift) if span.shift else None
        return st.paid_minutes() if st is not None else span.work

    def day_index(self, minute: int) -> int:
        """Horizon day number (0 = settings.start) of the local date an instant falls on."""
        return (from_minutes(minute).date() - self.settings.start).days

    def employee_ids(self) -> list[str]:
        return sorted(set(self.timelines) | set(self.employees))

    def limits(self, family: str, emp_id: str | None, on: date | None = None) -> limits.Effective:
        return limits.effective(family, self.agreements, emp_id, on)

    def in_horizon(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` reach into the horizon? (Windows entirely in the past are history.)"""
        return end > self.horizon_start and start < self.horizon_end

    def windows_in_horizon(self, windows: list[cal.Window]) -> list[cal.Window]:
        return [w for w in windows if self.in_horizon(w.start, w.end)]

    # -- building findings ----------------------------------------------------------------

    def finding(
        self,
        spec: RuleSpec,
        employee: str | None,
        start: int | None,
        end: int | None,
        message: str | Msg | None = None,
        *,
        measured: float | None = None,
        limit: float | None = None,
        unit: str = "hours",
        severity: Severity = Severity.violation,
        allowed_by: Tier | None = None,
        message_key: str | None = None,
        message_args: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding; the message is a catalogue entry (a :class:`~scheduler.i18n.Msg`, or
        ``message_key`` + ``message_args``) worded in ``settings.language`` when it is read, or
        plain text."""
        text: str | None = None
        if isinstance(message, Msg):
            message_key, message_args = message.key, message.args
        elif message is not None:
            text, message_key, message_args = message, None, None
        if text is None and message_key is None:
            raise ValueError("a finding needs a message or a message_key")
        return Finding(
            rule=spec.id,
            paragraph=spec.paragraph,
            severity=severity,
            employee=employee,
            window_start=None if start is None else self._instant(start),
            window_end=None if end is None else self._instant(end),
            measured=None if measured is None else round(measured, 2),
            limit=None if limit is None else round(limit, 2),
            unit=unit,
            allowed_by=allowed_by,
            text=text,
            message_key=message_key,
            message_args=message_args or {},
            language=self._language,
        )

    def _instant(self, minute: int) -> datetime:
        """``from_minutes``, once per minute (findings of many employees share their windows)."""
        dt = self._instants.get(minute)
        if dt is None:
            dt = self._instants[minute] = from_minutes(minute)
            self._minute_of_instant[id(dt)] = minute
        return dt

    def minute_of(self, dt: datetime) -> int:
        """``to_minutes(dt)``; looked up for the instants of this context's findings (which it
        keeps alive, so their ids stay theirs)."""
        minute = self._minute_of_instant.get(id(dt))
        return minute if minute is not None else to_minutes(dt)
