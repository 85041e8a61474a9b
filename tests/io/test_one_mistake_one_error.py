"""One mistake gives one error (issue #15): a broken Shifts row or a missing Employees sheet is
reported once, not again at every row that uses the shift code, the skill or the employee id."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli_solve import make_workbook


def test_a_bad_time_in_a_shifts_row_is_one_error_not_one_per_row_using_it(tmp_path: Path) -> None:
    """Issue #15: the Evening shift's start 25:99 is reported at its cell; the seven Demand rows
    that use E are not reported again as "unknown shift code"."""
    from openpyxl import load_workbook

    from scheduler.errors import InputError
    from scheduler.io.read.workbook import read_problem

    bad = make_workbook(tmp_path / "bad.xlsx", bad_time=True)
    wb = load_workbook(bad)
    wb["Demand"]["B3"] = "e"  # the lower-case spelling is the same code
    wb.save(bad)
    with pytest.raises(InputError) as err:
        read_problem(bad)
    text = str(err.value)
    assert "sheet 'Shifts', cell C3" in text and "25:99" in text
    assert "unknown shift code" not in text
    assert len(err.value.issues) == 1


def test_an_unknown_code_is_still_an_error_beside_a_broken_shift(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from scheduler.errors import InputError
    from scheduler.io.read.workbook import read_problem

    bad = make_workbook(tmp_path / "bad.xlsx", bad_time=True)
    wb = load_workbook(bad)
    wb["Demand"]["B2"] = "X"
    wb.save(bad)
    with pytest.raises(InputError) as err:
        read_problem(bad)
    assert "unknown shift code 'X'" in str(err.value)
    assert len(err.value.issues) == 2


def test_a_misspelt_employees_sheet_is_two_errors_not_one_per_skill_and_id(
        tmp_path: Path) -> None:
    """The sheet is missing (did you mean 'Employees'?); the Demand skills and the Agreements'
    employee ids are not each reported as unknown on top."""
    from openpyxl import load_workbook

    from scheduler.errors import InputError
    from scheduler.io.read.workbook import read_problem

    src = Path(__file__).resolve().parents[2] / "instances" / "ward.xlsx"
    wb = load_workbook(src)
    wb["Employees"].title = "Emplyees"
    bad = tmp_path / "misspelt.xlsx"
    wb.save(bad)
    with pytest.raises(InputError) as err:
        read_problem(bad)
    text = str(err.value)
    assert "did you mean 'Employees'?" in text
    assert "the required sheet 'Employees'" in text
    assert "unknown employee" not in text and "no employee has the skill" not in text
    assert len(err.value.issues) == 2
