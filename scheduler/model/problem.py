"""The planning problem: settings, shift types, staff, demand, requests, fixed shifts, History
and weights, checked against each other."""

from __future__ import annotations

from datetime import date

from pydantic import model_validator

from scheduler.model.kinds import Frozen
from scheduler.model.needs import (
    DemandItem,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    Request,
)
from scheduler.model.settings import Settings, Weights
from scheduler.model.staff import Agreement, Contract, Employee, ShiftType


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
