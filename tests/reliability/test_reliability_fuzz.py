"""Fuzzed inputs never crash a command (the fast sample of ``make test``; ``make fuzz`` runs the
same cases at ≥ 1,000 examples, see ``tests/fuzz/``).

Every case starts from a valid file (``roster template`` output, ``instances/*.xlsx``, a small
planning workbook, a roster grid, a timesheet) and damages it (``tests/fuzz/mutate.py``); every
run must end in a result or a clean input error (exit 2 naming file and place), with the input
unchanged and no temporary file left (``tests/fuzz/cases.py``).
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

_BASE = settings(deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fast(n: int) -> settings:
    return settings(_BASE, max_examples=n)


@fast(18)
@given(seed=st.sampled_from(PLANNING_SEEDS), ops=st.lists(wb_ops, min_size=1, max_size=5))
def test_validate_survives_mutated_workbooks(seed: str, ops: list) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.validate_case(Path(d), seeds()[seed], ops)


@fast(12)
@given(seed=st.sampled_from(CHECK_SEEDS), ops=st.lists(wb_ops, min_size=1, max_size=5),
       fmt=st.sampled_from(["json", "xlsx", "table"]))
def test_check_survives_mutated_grids_and_timesheets(seed: str, ops: list, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.check_case(Path(d), seeds()[seed], ops, fmt)


@fast(5)
@given(ops=st.lists(wb_ops, max_size=3), problem_ops=st.lists(wb_ops, min_size=1, max_size=4))
def test_check_survives_a_mutated_problem_workbook(ops: list, problem_ops: list) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.check_case(Path(d), seeds()["grid"], ops, "json", problem=seeds()["plan"],
                         problem_ops=problem_ops)


@fast(12)
@given(ops=st.lists(csv_ops, max_size=6), delimiter=csv_delimiters, encoding=csv_encodings,
       fmt=st.sampled_from(["json", "xlsx"]))
def test_check_survives_mutated_csv_timesheets(ops: list, delimiter: str, encoding: str,
                                               fmt: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.csv_case(Path(d), ops, delimiter, encoding, fmt)


@fast(6)
@given(ops=st.lists(wb_ops, min_size=1, max_size=3))
def test_solve_survives_mutated_small_workbooks(ops: list) -> None:
    with tempfile.TemporaryDirectory() as d:
        cases.solve_case(Path(d), seeds()["plan"], ops, work_limit=0.15)


def test_the_unmutated_seeds_are_valid() -> None:
    """The seeds themselves pass: the damage, not the seed, causes the input errors."""
    with tempfile.TemporaryDirectory() as d:
        for name in PLANNING_SEEDS:
            if name.startswith("template"):
                continue  # the template's example rows are a valid but tiny problem
            sub = Path(d) / name
            sub.mkdir()
            assert cases.validate_case(sub, seeds()[name], []).result.exit_code == 0, name
        for name in CHECK_SEEDS:
            sub = Path(d) / name
            sub.mkdir()
            assert cases.check_case(sub, seeds()[name], []).result.exit_code in (0, 1), name
        sub = Path(d) / "csv"
        sub.mkdir()
        assert cases.csv_case(sub, [], ",", "utf-8").result.exit_code in (0, 1)
        sub = Path(d) / "solve"
        sub.mkdir()
        assert cases.solve_case(sub, seeds()["plan"], []).result.exit_code == 0
