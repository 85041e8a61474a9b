"""pandas DataFrames of a roster, its coverage, hours and the checker's findings (notebooks).

>>> from scheduler import frames
>>> frames.roster_frame(problem, solution)            # one row per work period
>>> frames.coverage_frame(problem, solution)          # date × shift × skill
>>> frames.hours_frame(problem, solution)             # one row per employee
>>> frames.findings_frame(report.findings)            # one row per finding

Each function takes a :class:`~scheduler.solution.Solution` or a
:class:`~scheduler.model.Roster`; the figures are the ones the roster workbook shows (from
:mod:`scheduler.summary`), so a notebook and the workbook agree. Times are Europe/Oslo,
timezone-aware; dates are :class:`datetime.date`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from constraints.base import Finding
from scheduler import summary as sm
from scheduler.model import Problem, Roster
from scheduler.solution import Solution, roster_of

ROSTER_COLUMNS = ("employee", "date", "shift", "start", "end", "hours", "kind")
COVERAGE_COLUMNS = ("date", "shift", "skill", "required", "target", "planned", "shortfall")
HOURS_COLUMNS = ("employee", "name", "shifts", "hours", "contract", "deviation", "night_hours",
                 "sunday_hours")
FINDING_COLUMNS = ("severity", "rule", "paragraph", "employee", "window_start", "window_end",
                   "measured", "limit", "unit", "allowed_by", "message", "source")


def _roster(problem: Problem, of: Solution | Roster) -> Roster:
    return of if isinstance(of, Roster) else roster_of(problem, of)


def roster_frame(problem: Problem, of: Solution | Roster) -> pd.DataFrame:
    """The roster in long form: one row per work period, in employee and start order.

    ``date`` is the local day the period starts on (the day it is rostered on); ``hours`` the
    worked hours (elapsed less an unpaid break); ``kind`` planned, overtime or extra.
    """
    periods = sorted(_roster(problem, of).periods, key=lambda p: (p.employee, p.start))
    rows = [(p.employee, sm.start_day(p.start), p.shift, p.start, p.end, p.work_minutes / 60,
             p.kind.value) for p in periods]
    return pd.DataFrame(rows, columns=list(ROSTER_COLUMNS))


def coverage_frame(problem: Problem, of: Solution | Roster) -> pd.DataFrame:
    """Planned against required per demand row (date × shift × skill); ``skill`` is empty when
    the demand row asks for anyone."""
    rows = [(r.day, r.shift, r.skill, r.required, r.target, r.planned, r.shortfall)
            for r in sm.coverage(problem, _roster(problem, of))]
    return pd.DataFrame(rows, columns=list(COVERAGE_COLUMNS))


def hours_frame(problem: Problem, of: Solution | Roster) -> pd.DataFrame:
    """Hours per employee over the horizon against the contract (the Roster sheet's margin)."""
    names = {e.id: e.name for e in problem.employees}
    totals = sm.employee_totals(problem.settings, _roster(problem, of), problem.employees,
                                sm.unavailable_days(problem), problem.agreements)
    rows = [(t.employee, names.get(t.employee, ""), t.shifts, t.hours, t.contract, t.deviation,
             t.night, t.sunday) for t in totals]
    return pd.DataFrame(rows, columns=list(HOURS_COLUMNS))


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """The checker's findings, one row each, with the JSON report's fields (severity, tier and
    source as their plain string values)."""
    rows = []
    for f in findings:
        rows.append((f.severity.value, f.rule, f.paragraph, f.employee, f.window_start,
                     f.window_end, f.measured, f.limit, f.unit,
                     f.allowed_by.value if f.allowed_by else None, f.message, f.source.value))
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
