"""The property of ``tests/solver/test_property_solver_checker.py`` (every returned roster passes the
checker) on new random problems each run: the suite runs a fixed sample, this explores."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from scheduler.model import Problem
from tests.solver.test_property_solver_checker import assert_roster_passes, problems


@settings(max_examples=200, deadline=None, print_blob=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(problems())
def test_random_problems_roster_passes_the_checker(problem: Problem) -> None:
    assert_roster_passes(problem)
