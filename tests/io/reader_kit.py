"""Helpers shared by the planning-workbook reader tests (tests/io/test_workbook_reader*.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scheduler.errors import InputError
from scheduler.io.read.workbook import read_problem


def issues_of(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(InputError) as exc:
        read_problem(path)
    return [(i.sheet, i.cell, i.message) for i in exc.value.issues]


def demand_map(problem) -> dict[tuple[date, str, str], tuple[int, int | None]]:
    return {(d.day, d.shift, d.skill): (d.minimum, d.target) for d in problem.demand}


# ---------------------------------------------------------------------------------------------
