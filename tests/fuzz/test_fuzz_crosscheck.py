"""Dedicated run: 200 generated instances through the solver, each roster through the checker
(zero new violations), and 200 more comparing the solver's soft_legal tier with the checker's
soft warnings. See ``tests/reliability/test_reliability_crosscheck.py`` for the contract and the fast sample."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from scheduler.model import Problem
from tests import budgets
from tests.fuzz.problemgen import cross_check, describe, problems
from tests.reliability.test_reliability_crosscheck import assert_soft_tier_matches

OPTIONS = budgets.options(0.6, seed=11)
RUN = settings(max_examples=200, deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@RUN
@given(problems(max_days=14))
def test_200_instances_every_roster_passes_the_checker(problem: Problem) -> None:
    cc = cross_check(problem, OPTIONS)
    assert cc.new_violations == [], describe(problem, cc)


@RUN
@given(problems(max_days=14))
def test_200_instances_soft_tier_matches_the_checker(problem: Problem) -> None:
    assert_soft_tier_matches(problem, OPTIONS)
