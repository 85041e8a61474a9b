"""Scores any roster by the Curtois & Qu objective, independently of the CP-SAT objective.

The objective (README of the instances): for every shift-on request not granted and every
shift-off request not respected, its weight; for every (day, shift) cover line,
``under × max(0, req − y) + over × max(0, y − req)``. Hard-rule breaches are the contract rules'
own checks (``constraints/contract/check.py``) plus the fixed days off and one shift per day.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from constraints.base import CheckContext, Finding
from constraints.contract.check import CHECKS
from scheduler.model import Problem, RequestKind, roster_from_assignments


@dataclass
class Evaluation:
    objective: int
    cover_penalty: int
    request_penalty: int
    breaches: list[str] = field(default_factory=list)

    @property
    def feasible(self) -> bool:
        return not self.breaches


def evaluate(problem: Problem, assignments: dict[tuple[str, date], str]) -> Evaluation:
    """Score ``(employee, day) -> shift code`` on the benchmark's own terms."""
    breaches: list[str] = []
    cover = Counter((day, code) for (_, day), code in assignments.items())
    cover_pen = 0
    for d in problem.demand:
        y = cover.get((d.day, d.shift), 0)
        req = d.target if d.target is not None else d.minimum
        cover_pen += int(d.weight or 0) * max(0, req - y) + int(d.over_weight or 0) * max(0, y - req)
    req_pen = 0
    for r in problem.requests:
        for day in r.days():
            got = assignments.get((r.employee, day))
            if r.kind == RequestKind.shift_wish and got != r.shift:
                req_pen += int(r.weight)
            elif r.kind == RequestKind.avoid_shift and got == r.shift:
                req_pen += int(r.weight)
            elif r.kind == RequestKind.day_off and got is not None:
                req_pen += int(r.weight)
            elif r.kind == RequestKind.unavailable and got is not None:
                breaches.append(f"{r.employee} works on fixed day off {day.isoformat()}")
    days = set(problem.days())
    for (emp, day), _ in assignments.items():
        if day not in days:
            breaches.append(f"{emp} has a shift outside the horizon on {day.isoformat()}")
    roster = roster_from_assignments(problem, assignments)
    ctx = CheckContext(
        settings=problem.settings,
        roster=roster,
        employees={e.id: e for e in problem.employees},
        contracts={c.id: c for c in problem.contracts},
        shifts={s.code: s for s in problem.shifts},
    )
    findings: list[Finding] = []
    for check in CHECKS.values():
        findings.extend(check(ctx))
    breaches.extend(f"{f.rule} {f.employee}: {f.message}" for f in findings)
    return Evaluation(cover_pen + req_pen, cover_pen, req_pen, breaches)
