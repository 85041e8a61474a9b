"""Issue 14 item 7: exit 3 lists every independent conflict in one run (up to a limit)."""

from __future__ import annotations

from datetime import timedelta

from scheduler.model import FixedAssignment, Problem
from scheduler.solver import explain, solve
from tests import budgets
from tests.solver.test_solver import D, L, demand, opts, settings, staff

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


def test_solve_exit_3_names_both_planted_conflicts_in_one_run(make_xlsx) -> None:
    from click.testing import CliRunner

    from scheduler.cli import main

    sheets = {
        "Settings": [["key", "value"], ["month", "2026-04"]],
        "Shifts": [["code", "start", "end", "break_minutes"], ["D", "07:00", "15:00", 30],
                   ["L", "14:30", "22:30", 30]],
        "Employees": [["id", "position_pct"], ["A", 100], ["B", 100]],
        "Demand": [["date", "shift", "min"], ["Mon", "D", 1]],
        "Fixed": [["employee", "date", "shift"], ["A", "2026-04-14", "L"],
                  ["A", "2026-04-15", "D"], ["B", "2026-04-21", "L"], ["B", "2026-04-22", "D"]],
    }
    # infeasibility and both explanations take next to no work (0.000 units measured)
    result = CliRunner().invoke(main, ["solve", str(make_xlsx(sheets)), *budgets.cli(0.1)])
    assert result.exit_code == 3, result.output
    lines = [x for x in result.output.splitlines() if x.startswith("  - ")]
    assert len(lines) == 2
    assert "employee A on 2026-04-14, 2026-04-15" in lines[0]
    assert "employee B on 2026-04-21, 2026-04-22" in lines[1]
