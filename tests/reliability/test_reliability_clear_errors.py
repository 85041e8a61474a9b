"""Tracebacks that became clear outcomes (issue #22, item 6).

Control characters reach a written workbook visibly instead of crashing openpyxl; text that
looks like rich markup is shown as written; dates in the years 0001 or 9999 and weights of
10^15 are input errors (exit 2) at their cell; Ctrl-C at any moment exits 130 and an internal
error exits 70 with one plain line. Exit 1 keeps its meaning: violations found (check) or no
usable roster (solve).
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from rich.console import Console

from scheduler.cli import main
from scheduler.cli import solve as cli_solve
from scheduler.cli import validate as cli_validate
from scheduler.cli.common import EXIT_INTERNAL, EXIT_INTERRUPTED
from scheduler.errors import InputError
from scheduler.io.excel import cell_text, visible_controls
from scheduler.io.read.workbook import read_problem
from tests import budgets
from tests.cli.test_cli_solve import FAST, make_workbook
from tests.conftest import base_sheets, write_xlsx
from tests.whatif.test_whatif_kit import workbook as whatif_workbook

REPO = Path(__file__).resolve().parents[2]


def run(*args: object) -> object:  # an English locale: the last words' fallback (issue 15)
    return CliRunner(env={"LC_ALL": "C.UTF-8"}).invoke(main, [str(a) for a in args])


def assert_plain(res: object) -> None:
    assert "Traceback" not in res.output, res.output  # type: ignore[attr-defined]
    exc = res.exception  # type: ignore[attr-defined]
    assert exc is None or isinstance(exc, SystemExit), repr(exc)


# --------------------------------------------------------------------------------------------
# Control characters


def test_control_characters_become_visible_and_nothing_is_dropped() -> None:
    assert visible_controls("A\x01B\x1fC\tD\nE") == "A\u2401B\u241fC\tD\nE"
    assert str(cell_text("=\x07x")) == "=\u2407x"  # still text, never a formula
    wb = openpyxl.Workbook()
    wb.active["A1"] = cell_text("bell\x07")  # openpyxl raised IllegalCharacterError
    assert wb.active["A1"].value == "bell\u2407"


def test_solve_writes_a_file_name_with_a_control_character(tmp_path: Path) -> None:
    ward = make_workbook(tmp_path / "ward\x01.xlsx")
    out = tmp_path / "out.xlsx"
    res = run("solve", ward, "-o", out, *FAST)
    assert_plain(res)
    assert res.exit_code == 0, res.output
    summary = [r for r in openpyxl.load_workbook(out)["Summary"].iter_rows(values_only=True)]
    assert any(v == "ward\u2401.xlsx" for row in summary for v in row)


def test_check_report_of_an_id_with_a_control_character(tmp_path: Path) -> None:
    grid = tmp_path / "t.csv"
    rows = ["employee,start,end"] + [  # openpyxl raised IllegalCharacterError on the id
        f"Bell\x07,2026-06-{d:02d} 07:00,2026-06-{d:02d} 20:00" for d in range(1, 9)]
    grid.write_text("\n".join(rows) + "\n")
    out = tmp_path / "r.xlsx"
    res = run("check", grid, "--format", "xlsx", "-o", out)
    assert_plain(res)
    assert res.exit_code == 1, res.output  # 13 h days: violations, the report is written
    cells = [v for ws in openpyxl.load_workbook(out).worksheets
             for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert any("Bell\u2407" in v for v in cells)


# --------------------------------------------------------------------------------------------
# Markup-like text in console tables


def test_validate_table_shows_markup_like_names_as_written(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture) -> None:
    sheets = base_sheets()
    sheets["Employees"][3][3] = "[red]"  # a skill: rich took it as a style and showed nothing
    sheets["Shifts"][1][1] = "[/b] [week 2] day"  # a shift name: rich raised MarkupError
    problem = read_problem(write_xlsx(tmp_path / "w.xlsx", sheets))
    cli_validate._rich(cli_validate._sections(cli_validate.summarise(problem)))
    shown = capsys.readouterr().out
    assert "[red]" in shown and "[/b] [week 2] day" in shown


def test_whatif_table_shows_markup_like_scenario_names_uncut(tmp_path: Path) -> None:
    path = whatif_workbook(tmp_path / "w.xlsx", [["[/b]", "scale_demand", None, 1],
                                                 ["[week 2]", "scale_demand", None, 1]])
    res = run("whatif", path, *budgets.cli(0.2, workers=None), "--jobs", "1", "-q")
    assert_plain(res)
    assert res.exit_code == 0, res.output
    assert "[/b]" in res.output and "[week 2]" in res.output


def test_check_table_shows_a_markup_like_employee_as_written(tmp_path: Path) -> None:
    from constraints.checker import run_check
    from scheduler.io.report import text as rp
    from scheduler.io.roster.load import load_check_input

    grid = tmp_path / "t.csv"
    rows = ["employee,start,end"] + [
        f"[/b],2026-06-{d:02d} 07:00,2026-06-{d:02d} 20:00" for d in range(1, 9)]
    grid.write_text("\n".join(rows) + "\n")
    data = load_check_input(grid)
    result = run_check(data.settings, data.roster, employees=data.employees)
    buf = io.StringIO()
    rp.print_table(result, Console(file=buf, width=120), "t.csv")
    assert result.violations and "[/b]" in buf.getvalue()


# --------------------------------------------------------------------------------------------
# Dates far out and huge weights


@pytest.mark.parametrize("where", ["settings", "history", "agreement", "birth", "request"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_years_0001_and_9999_are_input_errors_at_their_cell(tmp_path: Path, where: str,
                                                            day: str) -> None:
    sheets = base_sheets()
    if where == "settings":
        sheets["Settings"] = [["key", "value"], ["start", day]]
    elif where == "history":
        sheets["History"] = [["employee", "start", "end"], ["A", f"{day} 07:00", f"{day} 15:00"]]
    elif where == "agreement":
        sheets["Agreements"] = [["family", "tier", "employee", "valid_from"], ["10-5", "T2", "A", day]]
    elif where == "birth":
        sheets["Employees"][0].append("birth_date")
        sheets["Employees"][1].append(day)
    else:
        sheets["Requests"] = [["employee", "from", "to", "kind"], ["A", "2026-04-02", day, "day_off"]]
    path = write_xlsx(tmp_path / "w.xlsx", sheets)
    with pytest.raises(InputError) as err:
        read_problem(path)
    assert any(f"the date {day} is outside the years 1900-2199" in i.message
               for i in err.value.issues), err.value
    res = run("solve", path, *FAST, "-o", tmp_path / "o.xlsx")  # solve crashed on some
    assert_plain(res)
    assert res.exit_code == 2


def test_check_with_a_horizon_in_9999_is_an_input_error(tmp_path: Path) -> None:
    grid = tmp_path / "t.csv"
    grid.write_text("employee,start,end\nE1,2026-06-01 07:00,2026-06-01 15:00\n")
    res = run("check", grid, "--start", "9999-12-31", "--end", "9999-12-31")
    assert_plain(res)
    assert res.exit_code == 2 and "1901-2198" in res.output


@pytest.mark.parametrize("value, ok", [(10**9, True), (10**9 + 1, False), (10**15, False)])
def test_weights_are_bounded_where_the_model_stays_valid(tmp_path: Path, value: int,
                                                         ok: bool) -> None:
    sheets = base_sheets()
    sheets["Weights"] = [["key", "value"], ["contract_deviation", value]]
    path = write_xlsx(tmp_path / "w.xlsx", sheets)
    if ok:
        assert read_problem(path).weights.contract_deviation == value
        return
    with pytest.raises(InputError) as err:
        read_problem(path)
    assert [(i.sheet, i.cell) for i in err.value.issues] == [("Weights", "B2")]
    assert "above the largest allowed value 1000000000" in err.value.issues[0].message


# --------------------------------------------------------------------------------------------
# Ctrl-C and internal errors


def test_an_internal_error_exits_70_with_one_plain_line(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*a: object, **k: object) -> None:
        raise ValueError("injected")

    monkeypatch.setattr(cli_solve, "read_problem", broken)
    res = run("solve", make_workbook(tmp_path / "ward.xlsx"), *FAST)
    assert_plain(res)
    assert res.exit_code == EXIT_INTERNAL == 70
    assert "Internal error (a bug in aml-roster, not in your input): ValueError: injected" \
        in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ward.xlsx"]


def test_ctrl_c_while_reading_exits_130_and_writes_nothing(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*a: object, **k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_solve, "read_problem", interrupted)
    res = run("solve", make_workbook(tmp_path / "ward.xlsx"), *FAST)
    assert_plain(res)
    assert res.exit_code == EXIT_INTERRUPTED == 130
    assert "Interrupted" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ward.xlsx"]


def test_ctrl_c_while_the_commands_load_exits_130_without_a_traceback(tmp_path: Path) -> None:
    """A real SIGINT, sent by the process to itself while ``scheduler.cli`` imports the solve
    command (the first second of ``roster solve``): deterministic, whatever the speed."""
    ward = make_workbook(tmp_path / "ward.xlsx")
    code = (
        "import os, signal, sys, importlib.abc\n"
        "class Hook(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'scheduler.cli.solve':\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Hook())\n"
        "from scheduler.cli import main\n"
        f"main(['solve', {str(ward)!r}])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8"})
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr and "Interrupted" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ward.xlsx"]
    assert signal.getsignal(signal.SIGINT) is not None  # this process is untouched
