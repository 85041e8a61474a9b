"""``roster solve``'s own console lines in Norwegian (issue 15): the contradicting requirements,
the live progress line and the option checks follow --lang."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from scheduler.cli import main, solve_thread
from tests.cli.test_cli_solve import FAST, make_workbook
from tests.english_text import english_in


def test_contradicting_requirements_in_norwegian(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "pinned.xlsx",
                         fixed=[("E1", date(2026, 6, 2), "E"), ("E1", date(2026, 6, 3), "D")])
    res = CliRunner().invoke(main, ["solve", str(path), *FAST, "--lang", "nb"])
    assert res.exit_code == 3, res.output
    out = res.stdout + res.stderr
    assert english_in(out) == [], out
    assert "Ingen lovlig turnus finnes" in out and "AML-10-8-1-daily-rest (ansatt E1" in out
    assert "og kjør på nytt" in out
    en = CliRunner().invoke(main, ["solve", str(path), *FAST])
    assert "No legal roster exists" in en.stdout and "(employee E1" in en.stdout


def test_progress_line_and_option_checks_in_norwegian(tmp_path: Path) -> None:
    control = solve_thread.SolveControl()
    control.on_solution(0.9, 12345.0, 11000.0)
    view = solve_thread.ProgressView(control, 30, "nb").__rich__().replace("\xa0", " ")
    assert "beste målverdi 12 345" in view and "grense 11 000" in view
    assert english_in(view) == [], view
    path = make_workbook(tmp_path / "w.xlsx")
    both = CliRunner().invoke(main, ["solve", str(path), "--in-place", "-o",
                                     str(tmp_path / "o.xlsx"), "--lang", "nb"])
    assert both.exit_code == 2 and "ikke kombiner det med -o" in both.output
    macros = CliRunner().invoke(main, ["solve", str(path), "-o", str(tmp_path / "o.xlsm"),
                                       "--lang", "nb"])
    assert macros.exit_code == 2 and "makroer blir aldri beholdt" in macros.stderr
