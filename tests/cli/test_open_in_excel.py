"""A workbook open in Excel or LibreOffice (its lock file lies beside it): `solve` warns about an
open input and refuses to write over an open output unless --force (issue #15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scheduler.cli import main
from scheduler.cli.paths import lock_files
from tests.cli.test_cli_solve import FAST, make_workbook
from tests.cli.test_output_guards import no_solving  # noqa: F401  (fixture)


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize(("name", "lock"), [
    ("ward.xlsx", "~$ward.xlsx"),
    ("Document.xlsx", "~$cument.xlsx"),  # Excel drops the first two characters of long names
    ("ward.xlsx", ".~lock.ward.xlsx#"),  # LibreOffice
])
def test_lock_files_found_beside_the_workbook(tmp_path: Path, name: str, lock: str) -> None:
    book = tmp_path / name
    assert lock_files(book) == []
    (tmp_path / lock).write_bytes(b"owner")
    assert lock_files(book) == [tmp_path / lock]
    assert lock_files(tmp_path / "other.xlsx") == []


def test_open_output_is_refused_before_solving(tmp_path: Path, no_solving: None) -> None:  # noqa: F811
    ward = make_workbook(tmp_path / "ward.xlsx")
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"the planner's open copy")
    (tmp_path / "~$out.xlsx").write_bytes(b"owner")
    res = run("solve", ward, "-o", out)
    assert res.exit_code == 2, res.output
    assert "open in Excel or LibreOffice" in res.output and "--force" in res.output
    assert "~$out.xlsx" in res.output
    assert out.read_bytes() == b"the planner's open copy"


def test_force_writes_over_an_open_output(tmp_path: Path) -> None:
    ward = make_workbook(tmp_path / "ward.xlsx")
    out = tmp_path / "out.xlsx"
    (tmp_path / "~$out.xlsx").write_bytes(b"owner")
    res = run("solve", ward, "-o", out, "--force", "--quiet", *FAST)
    assert res.exit_code in (0, 1), res.output
    assert "open in Excel" not in res.output
    assert out.exists()


def test_open_input_is_a_warning(tmp_path: Path) -> None:
    ward = tmp_path / "ward.xlsx"
    ward.write_bytes(b"not a workbook")  # read after the warning: exit 2 on the bad input
    (tmp_path / "~$ward.xlsx").write_bytes(b"owner")
    res = run("solve", ward, "-o", tmp_path / "out.xlsx")
    assert res.exit_code == 2
    assert "warning:" in res.output and "is open in Excel or LibreOffice" in res.output
    assert "~$ward.xlsx" in res.output

