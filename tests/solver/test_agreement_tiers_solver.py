"""The solver posts each agreement row only at its tiers (the checker side: tests/law/test_agreement_tiers.py)."""

from __future__ import annotations

import pytest

from constraints.checker import check_problem
from scheduler.solver import solve
from tests import budgets
from tests.law.test_agreement_tiers import CASES, _problem


@pytest.mark.parametrize(("row", "tier", "reading"), CASES,
                         ids=lambda x: "-".join(x) if isinstance(x, tuple) else str(x))
def test_solver_posts_the_row_only_at_its_tiers(row, tier, reading):
    problem, rule, allowed = _problem(row, tier, reading)
    sol = solve(problem, budgets.options(0.1, seed=1))  # optimal or infeasible at 0.000 units
    if allowed:
        assert sol.has_roster and len(sol.assignments) == len(problem.fixed)
        assert check_problem(problem, sol.roster).violations == []
    else:
        assert sol.status == "INFEASIBLE"
        assert rule in {c.rule for c in sol.conflicts}
