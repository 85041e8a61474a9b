"""Input errors of the roster readers in Norwegian (issue 22, the messages added for items 1-5):
every one is a catalogue entry, rendered in nb with no English catalogue text in it."""

from __future__ import annotations

import ast
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from scheduler.cli.paths import guard_outputs
from scheduler.errors import InputError
from scheduler.io.roster.load import load_check_input
from tests.english_text import english_in

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("scheduler/io/used.py", "scheduler/io/roster/grid/__init__.py",
           "scheduler/io/roster/grid/header.py", "scheduler/io/roster/grid/cells.py", "scheduler/io/roster/timesheet.py",
           "scheduler/io/roster/source.py", "scheduler/io/read/near_miss.py",
           "scheduler/cli/paths.py", "scheduler/io/roster/load.py", "scheduler/io/roster/values.py")


def _is_text(node: ast.AST) -> bool:
    """A string literal, an f-string, or text glued together with +."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.BinOp) and (_is_text(node.left) or _is_text(node.right))


@pytest.mark.parametrize("module", MODULES)
def test_no_problem_text_bypasses_the_catalogues(module: str) -> None:
    """Every problem these readers report (``Collector.add``, ``Issue(...)``, a ``(cell,
    message)`` pair) is a catalogue entry, never English text written in place."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        if name in ("add", "Issue", "problem") and _is_text(node.args[0]):
            if name == "add" and isinstance(f, ast.Attribute) and getattr(f.value, "id", "") in (
                    "seen", "read_cols", "out_cells"):
                continue  # a set, not a collector
            bad.append(f"{module}:{node.lineno}")
        if name == "append" and node.args and isinstance(node.args[0], ast.Tuple) \
                and any(_is_text(x) for x in node.args[0].elts[1:]):
            bad.append(f"{module}:{node.lineno}")
    assert bad == []


# --------------------------------------------------------------------------------------------
# Each error, rendered in Norwegian


SHIFTS = [("code", "start", "end"), ("D", time(7), time(15)), ("N", time(22), time(7))]


def _grid(path: Path, header: list[object], rows: list[list[object]],
          merge: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(header)
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    sh = wb.create_sheet("Shifts")
    for r in SHIFTS:
        sh.append(list(r))
    wb.save(path)
    return path


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _nb(exc: pytest.ExceptionInfo[InputError]) -> str:
    text = exc.value.render("nb")
    assert exc.value.issues
    assert english_in(text) == [], text
    return text


CASES = {
    "grid: date twice, two rows, unknown code, no id, no date, reserved": lambda p: _grid(
        p / "g.xlsx", ["Employee", "2026-03-02", "2026-03-02", "2026-03-03", "note"],
        [["E1", "D", None, "Q", "N"], ["E1", "D"], [None, "D"]]),
    "grid: no header row": lambda p: _grid(p / "g.xlsx", ["Employee", "hello"], [["E1", "D"]]),
    "grid: merged cells": lambda p: _grid(
        p / "g.xlsx", ["Employee", "2026-03-02", "2026-03-03"], [["E1", "D", None]], "B2:C2"),
    "grid: one range merged over too many cells": lambda p: _grid(
        p / "g.xlsx", ["Employee", "2026-03-02"], [["E1", "D"]], "E5:CZ200"),
    "csv: fields, order and overlap": lambda p: _csv(
        p / "t.csv", "employee,start,end,break_minutes,kind\n"
        ",2026-03-03T07:30,2026-03-03T15:30,30,planned\n"
        "E1,yesterday,2026-03-04T15:30,30,planned\n"
        "E1,2026-03-05T15:30,2026-03-05T07:30,30,planned\n"
        "E1,2026-03-06T07:30,2026-03-06T15:30,lots,holiday\n"
        "E1,2026-03-07T07:30,2026-03-07T08:00,30,planned\n"
        "E2,2026-03-02T07:30,2026-03-02T15:30,0,planned\n"
        "E2,2026-03-02T15:00,2026-03-02T18:00,0,planned\n"),
    "csv: missing columns": lambda p: _csv(p / "t.csv", "who,from\nE1,2026-03-02T07:30\n"),
    "csv: not UTF-8": lambda p: (p / "t.csv").write_bytes(
        "employee,start,end\nB\xf8rre,2026-03-02T07:30,2026-03-02T09:00\n".encode("latin-1"))
        and p / "t.csv",
    "unsupported file": lambda p: _csv(p / "t.txt", "hello"),
    "missing file": lambda p: p / "nowhere.xlsx",
}


@pytest.mark.parametrize("case", list(CASES))
def test_reader_errors_in_norwegian(tmp_path: Path, case: str) -> None:
    path = CASES[case](tmp_path)
    with pytest.raises(InputError) as exc:
        load_check_input(path)
    text = _nb(exc)
    assert "problem" in text.splitlines()[0] and "i inndata" in text.splitlines()[0]


def test_work_outside_the_period_in_norwegian(tmp_path: Path) -> None:
    path = _grid(tmp_path / "g.xlsx", ["Employee", "2026-03-02", "2026-04-02"],
                 [["E1", "D", "D"]])
    with pytest.raises(InputError) as exc:
        load_check_input(path, start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert "utenfor kontrollperioden" in _nb(exc)


def test_output_over_an_input_and_a_missing_folder_in_norwegian(tmp_path: Path) -> None:
    book = tmp_path / "in.xlsx"
    book.write_bytes(b"x")
    with pytest.raises(InputError) as exc:
        guard_outputs({"the roster": book, "the report": tmp_path / "no" / "r.xlsx"},
                      {"the workbook": book})
    text = _nb(exc)
    assert "erstatter aldri inndata" in text and "finnes ikke" in text


def test_near_miss_names_in_norwegian(make_xlsx) -> None:
    from scheduler.io.read.workbook import read_problem

    sheets = {
        "Innstillinger": [["Nøkkel", "Verdi"], ["Måned", "2027-01"], ["Språk", "nb"]],
        "Vakter": [["Kode", "Start", "Slutt"], ["D", "07:00", "15:00"]],
        "Ansatte": [["Ansattnr", "Nattarbeid tilatt"], ["1001", "nei"]],
        "Bemaning": [["Dato", "Vakt", "Min"], ["man", "D", 1]],
    }
    with pytest.raises(InputError) as exc:
        read_problem(make_xlsx(sheets))
    assert exc.value.lang == "nb"  # the workbook's own language, for the CLI
    text = _nb(exc)
    assert "mente du" in text


def test_check_shows_reader_errors_in_the_problem_workbooks_language(tmp_path: Path,
                                                                     make_xlsx) -> None:
    """``roster check`` without --lang: the language of the --problem workbook's Settings."""
    from click.testing import CliRunner

    from scheduler.cli import main

    problem = make_xlsx({
        "Innstillinger": [["Nøkkel", "Verdi"], ["Måned", "2026-03"], ["Språk", "nb"]],
        "Vakter": [["Kode", "Start", "Slutt"], ["D", "07:00", "15:00"]],
        "Ansatte": [["Ansattnr"], ["E1"]],
    }, name="plan.xlsx")
    grid = _grid(tmp_path / "g.xlsx", ["Employee", "2026-03-02", "2026-03-02"],
                 [["E1", "D", None], ["E1", "D"]])
    result = CliRunner().invoke(main, ["check", str(grid), "--problem", str(problem)])
    assert result.exit_code == 2, result.output
    assert "problemer i inndata" in result.output and "står to ganger" in result.output
    assert english_in(result.output) == [], result.output
