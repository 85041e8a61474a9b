"""Dedicated fuzz run of every command on damaged inputs (≥ 1,000 generated cases in all).

validate 450 + check (grids and xlsx timesheets) 300 + check with a damaged --problem 100 +
CSV timesheets 300 + solve 120 = 1,270 cases. The contract per case is in ``cases.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import cases
from tests.fuzz.mutate import (
    CHECK_SEEDS,
    PLANNING_SEEDS,
    csv_delimiters,
    csv_encodings,
    csv_ops,
    seeds,
    wb_ops,
)

_BASE = settings(deadline=None, print_blob=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def many(n: int) -> settings:
    return settings(_BASE, max_examples=n)


@many(450)
@given(seed=st.sampled_from(PLANNING_SEEDS), ops=st.lists(wb_ops, min_size=1, max_size=8))
def test_validate(seed: str, ops: list) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.validate_case(Path(d), seeds()[seed], ops)


@many(300)
@given(seed=st.sampled_from(CHECK_SEEDS), ops=st.lists(wb_ops, min_size=1, max_size=8),
       fmt=st.sampled_from(["json", "xlsx", "table"]))
def test_check_grids_and_timesheets(seed: str, ops: list, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.check_case(Path(d), seeds()[seed], ops, fmt)


@many(100)
@given(ops=st.lists(wb_ops, max_size=4), problem_ops=st.lists(wb_ops, min_size=1, max_size=6),
       problem=st.sampled_from(["plan", "ward", "care_home"]))
def test_check_with_a_damaged_problem(ops: list, problem_ops: list, problem: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.check_case(Path(d), seeds()["grid"], ops, "json", problem=seeds()[problem],
                         problem_ops=problem_ops)


@many(300)
@given(ops=st.lists(csv_ops, max_size=10), delimiter=csv_delimiters, encoding=csv_encodings,
       fmt=st.sampled_from(["json", "xlsx", "table"]))
def test_csv_timesheets(ops: list, delimiter: str, encoding: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.csv_case(Path(d), ops, delimiter, encoding, fmt)


@many(120)
@given(ops=st.lists(wb_ops, min_size=1, max_size=5),
       work_limit=st.sampled_from([0.3, 0.6]))
def test_solve_small_workbooks(ops: list, work_limit: float) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.solve_case(Path(d), seeds()["plan"], ops, work_limit=work_limit)
