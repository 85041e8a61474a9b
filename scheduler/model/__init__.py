"""Domain model: the planning problem and the roster, validated with pydantic v2.

Everything that crosses a boundary (workbook, CLI, JSON, Dask) is one of these models. The hot
CP-SAT paths convert them to plain ints once (see ``scheduler.geometry``).

Time: dates are calendar dates; clock times are local Europe/Oslo wall-clock times. A work period
in a roster carries timezone-aware datetimes; durations are real elapsed time (DST-safe).

One module per part, all imported here (``from scheduler.model import Problem``):
:mod:`.kinds` (the frozen base and the enumerations), :mod:`.staff` (shift types, employees,
contracts, agreements), :mod:`.needs` (demand, requests, fixed shifts, History),
:mod:`.settings` (settings and weights), :mod:`.problem` (the problem) and :mod:`.roster` (work
periods and rosters).
"""

from scheduler.model.kinds import Frozen, OnCall, PeriodKind, RequestKind, Tier
from scheduler.model.needs import (
    DemandItem,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    Request,
)
from scheduler.model.problem import Problem
from scheduler.model.roster import Roster, WorkPeriod, roster_from_assignments, shift_period
from scheduler.model.settings import MAX_WEIGHT, Settings, Weight, Weights
from scheduler.model.staff import Agreement, Contract, Employee, ShiftType

__all__ = [
    "Agreement",
    "Contract",
    "DemandItem",
    "Employee",
    "EmployeeHistory",
    "FixedAssignment",
    "Frozen",
    "HistoryPeriod",
    "MAX_WEIGHT",
    "OnCall",
    "PeriodKind",
    "Problem",
    "Request",
    "RequestKind",
    "Roster",
    "Settings",
    "ShiftType",
    "Tier",
    "Weight",
    "Weights",
    "WorkPeriod",
    "roster_from_assignments",
    "shift_period",
]
