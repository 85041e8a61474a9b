"""Outputs never replace inputs (issue #22, item 5).

Every command refuses an output path that names an input (also through a symlink or a hard
link) and a missing or read-only output folder, before it reads or solves anything. ``solve``
reads its input once: a workbook saved during the solve does not leak into the output, and
``--in-place`` never writes over a newer save or over the backup of the original.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from scheduler.cli import main, solve_thread
from scheduler.cli.paths import same_file
from tests import budgets
from tests.cli.test_cli_solve import FAST, make_workbook
from tests.whatif.test_whatif_kit import workbook as whatif_workbook


def run(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def no_solving(monkeypatch: pytest.MonkeyPatch) -> None:
    """A guard must act before the solver: calling it fails the test."""
    def fail(*a: object, **k: object) -> None:
        raise AssertionError("the solver ran before the output path was refused")

    monkeypatch.setattr(solve_thread, "run_solver", fail)
    import scheduler.whatif.runner as runner

    monkeypatch.setattr(runner, "run_sweep", fail)


def test_same_file_sees_through_symlinks_hard_links_and_dots(tmp_path: Path) -> None:
    a = tmp_path / "a.xlsx"
    a.write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.xlsx").symlink_to(a)
    os.link(a, tmp_path / "hard.xlsx")
    assert same_file(tmp_path / "link.xlsx", a)
    assert same_file(tmp_path / "hard.xlsx", a)
    assert same_file(tmp_path / "sub" / ".." / "a.xlsx", a)
    assert not same_file(tmp_path / "b.xlsx", a)


def test_whatif_output_onto_the_scenarios_file_is_refused(tmp_path: Path, no_solving) -> None:
    plan = whatif_workbook(tmp_path / "plan.xlsx")
    ideas = whatif_workbook(tmp_path / "ideas.xlsx", [["Busy", "scale_demand", None, 2]])
    before = digest(ideas)
    res = run("whatif", plan, "--scenarios", ideas, "-o", ideas)
    assert res.exit_code == 2, res.output
    assert "over an input file (--scenarios" in res.output
    assert digest(ideas) == before


def test_whatif_output_through_a_symlink_to_the_workbook_is_refused(tmp_path: Path,
                                                                    no_solving) -> None:
    plan = whatif_workbook(tmp_path / "plan.xlsx", [["Busy", "scale_demand", None, 2]])
    (tmp_path / "out.xlsx").symlink_to(plan)
    before = digest(plan)
    res = run("whatif", plan, "-o", tmp_path / "out.xlsx")
    assert res.exit_code == 2 and "over an input file (WORKBOOK" in res.output
    assert digest(plan) == before


def test_whatif_rosters_never_replace_an_input_named_like_one(tmp_path: Path,
                                                              no_solving) -> None:
    plan = whatif_workbook(tmp_path / "01-Baseline.xlsx", [["Busy", "scale_demand", None, 2]])
    before = digest(plan)
    res = run("whatif", plan, "--rosters", tmp_path)
    assert res.exit_code == 2, res.output
    assert "--rosters file 01-Baseline.xlsx would be written over an input file" in res.output
    assert digest(plan) == before


def test_check_report_onto_the_problem_workbook_is_refused(tmp_path: Path) -> None:
    plan = make_workbook(tmp_path / "ward.xlsx")
    grid = tmp_path / "ward.csv"
    grid.write_text("employee,start,end\nE1,2026-06-01 07:00,2026-06-01 15:00\n")
    problem = tmp_path / "ward.check.xlsx"  # the default name of the xlsx report of ward.csv
    os.replace(plan, problem)
    before = digest(problem)
    res = run("check", grid, "--problem", problem, "--format", "xlsx")
    assert res.exit_code == 2, res.output
    assert "over an input file (--problem" in res.output
    assert digest(problem) == before


def test_solve_output_through_a_symlink_is_refused(tmp_path: Path, no_solving) -> None:
    ward = make_workbook(tmp_path / "ward.xlsx")
    (tmp_path / "out.xlsx").symlink_to(ward)
    before = digest(ward)
    res = run("solve", ward, "-o", tmp_path / "out.xlsx")
    assert res.exit_code == 2 and "--in-place" in res.output
    assert digest(ward) == before


def test_a_read_only_output_folder_is_found_before_solving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_solving
) -> None:
    """Read-only is simulated (the tests may run as root, for whom a 0555 folder is writable):
    creating a file in that folder fails with EROFS, as on a read-only mount."""
    ward = make_workbook(tmp_path / "ward.xlsx")
    locked = tmp_path / "locked"
    locked.mkdir()
    real = tempfile.mkstemp

    def mkstemp(*a: object, dir: object = None, **k: object) -> tuple[int, str]:  # noqa: A002
        if dir is not None and Path(str(dir)).resolve() == locked.resolve():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dir))
        return real(*a, dir=dir, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    for argv in (["solve", ward, "-o", locked / "r.xlsx"],
                 ["check", ward, "--format", "json", "-o", locked / "r.json"],
                 ["template", locked / "t.xlsx"],
                 ["whatif", ward, "-o", locked / "w.xlsx"]):
        res = run(*argv)
        assert res.exit_code == 2, (argv, res.output)
        assert "cannot be written (Read-only file system)" in res.output, res.output
    assert list(locked.iterdir()) == []


def _save_during_solve(monkeypatch: pytest.MonkeyPatch, ward: Path) -> None:
    """The planner saves the workbook while the solver runs: a new sheet, a renamed nurse."""
    real = solve_thread.run_solver

    def saving(problem, options, control):  # noqa: ANN001, ANN202
        wb = openpyxl.load_workbook(ward)
        wb["Employees"]["B3"] = "Renamed later"
        wb.create_sheet("Saved later")
        wb.save(ward)
        return real(problem, options, control)

    monkeypatch.setattr(solve_thread, "run_solver", saving)


def test_solve_builds_the_output_from_the_bytes_it_read(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    ward = make_workbook(tmp_path / "ward.xlsx")
    original = digest(ward)
    _save_during_solve(monkeypatch, ward)
    out = tmp_path / "out.xlsx"
    res = run("solve", ward, "-o", out, *FAST, "--json")
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out)
    assert "Saved later" not in wb.sheetnames
    assert wb["Employees"]["B3"].value == "Bo"
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}
    assert summary["Input SHA-256"] == original
    assert digest(ward) != original  # the planner's save is kept as saved


def test_in_place_twice_keeps_the_original_backup(tmp_path: Path) -> None:
    ward = make_workbook(tmp_path / "ward.xlsx")
    original = ward.read_bytes()
    assert run("solve", ward, "--in-place", *FAST).exit_code == 0
    first_output = ward.read_bytes()
    assert run("solve", ward, "--in-place", *FAST).exit_code == 0
    assert (tmp_path / "ward.bak.xlsx").read_bytes() == original
    assert (tmp_path / "ward.bak-2.xlsx").read_bytes() == first_output


def test_in_place_never_writes_over_a_save_made_during_the_solve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ward = make_workbook(tmp_path / "ward.xlsx")
    _save_during_solve(monkeypatch, ward)
    res = run("solve", ward, "--in-place", *FAST)
    assert res.exit_code == 0, res.output
    assert "was changed while the roster was being made" in res.output
    saved = openpyxl.load_workbook(ward)
    assert "Saved later" in saved.sheetnames and "Roster" not in saved.sheetnames
    out = openpyxl.load_workbook(tmp_path / "ward.roster.xlsx")
    assert "Roster" in out.sheetnames and "Saved later" not in out.sheetnames
    assert not (tmp_path / "ward.bak.xlsx").exists()


def test_whatif_builds_its_outputs_from_the_bytes_it_read(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import scheduler.whatif.runner as runner

    plan = whatif_workbook(tmp_path / "plan.xlsx", [["Busy", "scale_demand", None, 1]])
    original = digest(plan)
    real = runner.run_sweep

    def saving(*a: object, **k: object) -> object:
        wb = openpyxl.load_workbook(plan)
        wb.create_sheet("Saved later")
        wb.save(plan)
        return real(*a, **k)

    monkeypatch.setattr(runner, "run_sweep", saving)
    out, rosters = tmp_path / "out.xlsx", tmp_path / "rosters"
    res = run("whatif", plan, *budgets.cli(0.2, workers=None), "--jobs", "1", "-q", "-o", out,
              "--rosters", rosters)
    assert res.exit_code == 0, res.output
    assert "Saved later" not in openpyxl.load_workbook(out).sheetnames
    baseline = openpyxl.load_workbook(rosters / "01-Baseline.xlsx")
    assert "Saved later" not in baseline.sheetnames
    summary = {r[0]: r[1] for r in baseline["Summary"].iter_rows(values_only=True) if r and r[0]}
    assert summary["Input SHA-256"] == original
