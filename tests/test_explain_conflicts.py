"""Issue 14 item 7: exit 3 lists every independent conflict in one run (up to a limit)."""

from __future__ import annotations

from datetime import timedelta

from scheduler.model import FixedAssignment, Problem
from scheduler.solver import explain, solve
from tests.test_solver import D, L, demand, opts, settings, staff

REST = "AML-10-8-1-daily-rest"


def _problem() -> Problem:
    s = settings(14)

    def pins(emp: str, first: int) -> list[FixedAssignment]:  # L then D: 8.5 h rest
        return [FixedAssignment(employee=emp, day=s.start + timedelta(days=first), shift="L"),
                FixedAssignment(employee=emp, day=s.start + timedelta(days=first + 1),
                                shift="D")]

    fixed = [*pins("E1", 0), *pins("E1", 7), *pins("E0", 3)]
    return Problem(settings=s, shifts=(D, L), employees=staff(3), demand=demand(s, "D"),
                   fixed=tuple(fixed))


def test_two_conflicts_of_one_employee_and_one_of_another_in_one_run() -> None:
    p = _problem()
    sol = solve(p, opts(workers=1))
    assert sol.status == "INFEASIBLE"
    start = p.settings.start
    got = sorted((c.rule, c.employee, [(d - start).days for d in c.days]) for c in sol.conflicts)
    assert got == [(REST, "E0", [3, 4]), (REST, "E1", [0, 1]), (REST, "E1", [7, 8])]


def test_the_list_stops_at_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(explain, "MAX_CONFLICTS", 2)
    sol = solve(_problem(), opts(workers=1))
    assert sol.status == "INFEASIBLE" and len(sol.conflicts) == 2


def test_a_single_conflict_is_listed_once() -> None:
    p = _problem()
    p = p.model_copy(update={"fixed": p.fixed[:2]})
    sol = solve(p, opts(workers=1))
    assert [(c.employee, c.rule) for c in sol.conflicts] == [("E1", REST)]
