"""The checker run on one employee's work: which violations taking a shift adds or worsens.

Every rule judges one employee at a time, so the check runs on the candidate's own work (their
periods, day marks, History and requests); :mod:`scheduler.replan.candidates` has why that is
the same as checking the whole roster.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import Any

from constraints.checker import run_check
from constraints.finding import Finding, Severity
from scheduler.model import (
    Problem,
    Roster,
    WorkPeriod,
)


def _excess(f: Finding) -> float:
    if f.measured is None or f.limit is None:
        return 0.0
    return abs(f.measured - f.limit)


class _Judge:
    """Runs the checker on one employee's work (their periods, marks, History, requests)."""

    def __init__(self, problem: Problem, roster: Roster, tariff_profile: bool = False) -> None:
        self.problem = problem
        self.tariff_profile = tariff_profile
        self.periods: dict[str, list[WorkPeriod]] = {}
        for p in roster.periods:
            self.periods.setdefault(p.employee, []).append(p)
        self.marks: dict[str, list[tuple[str, date, str]]] = {}
        for m in roster.day_marks:
            self.marks.setdefault(m[0], []).append(m)
        self.runs = 0
        self._base: dict[str, list[Finding]] = {}

    def findings(self, emp: str, periods: Iterable[WorkPeriod],
                 marks: Iterable[tuple[str, date, str]]) -> list[Finding]:
        p = self.problem
        self.runs += 1
        report = run_check(
            p.settings, Roster.model_construct(periods=tuple(periods), day_marks=tuple(marks)),
            employees=p.employees, agreements=p.agreements,
            history=[h for h in p.history if h.employee == emp],
            employee_history=[h for h in p.employee_history if h.employee == emp],
            strict=p.settings.strict, tariff_profile=self.tariff_profile, _attribute=False,
            contracts={c.id: c for c in p.contracts}, shifts={s.code: s for s in p.shifts},
            requests=tuple(r for r in p.requests if r.employee == emp))
        return [f for f in report.findings if f.employee in (emp, None)]

    def base(self, emp: str) -> list[Finding]:
        if emp not in self._base:
            self._base[emp] = self.findings(emp, self.periods.get(emp, []),
                                            self.marks.get(emp, []))
        return self._base[emp]

    def added(self, emp: str, day: date,
              new: list[WorkPeriod]) -> tuple[list[tuple[Finding, float | None]], list[str]]:
        """(violations that are new or worse, each with the measure it had before; rules of
        new warnings) when ``emp`` also works ``new`` (a day mark on ``day`` gives way)."""
        before = self.base(emp)
        marks = [m for m in self.marks.get(emp, []) if m[1] != day]
        after = self.findings(emp, [*self.periods.get(emp, []), *new], marks)
        worst: dict[tuple[Any, ...], tuple[float, float | None]] = {}
        seen: set[tuple[Any, ...]] = set()
        for f in before:
            key = (f.rule, f.employee, f.window_start, f.window_end)
            if f.severity == Severity.violation and (
                    key not in worst or _excess(f) > worst[key][0]):
                worst[key] = (_excess(f), f.measured)
            seen.add((*key, f.measured, f.severity))
        bad: list[tuple[Finding, float | None]] = []
        warn: list[str] = []
        for f in after:
            key = (f.rule, f.employee, f.window_start, f.window_end)
            if f.severity == Severity.violation:
                if key not in worst:
                    bad.append((f, None))
                elif _excess(f) > worst[key][0] + 1e-9:
                    bad.append((f, worst[key][1]))
            elif (*key, f.measured, f.severity) not in seen:
                warn.append(f.rule)
        return bad, sorted(set(warn))


def _rules(bad: list[tuple[Finding, float | None]]) -> list[str]:
    return sorted({f.rule for f, _ in bad})


def _overtime_needed(bad: list[tuple[Finding, float | None]]) -> int | None:
    """Minutes of the shift that must be overtime so no normal-hours limit (§ 10-4) is passed
    further, when only normal-hours limits measured in hours were passed; else None."""
    need = 0.0
    for f, before in bad:
        if not f.rule.startswith("AML-10-4") or f.measured is None or f.limit is None \
                or f.unit not in ("h", "hours"):
            return None
        need = max(need, f.measured - max(f.limit, before if before is not None else f.limit))
    return math.ceil(need * 60 - 1e-6)
