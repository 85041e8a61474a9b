"""One fuzz case per command: run it in-process and assert the reliability contract.

Each case writes its files into ``folder`` (an empty temporary folder the caller owns).

Every run ends in a result or a clean input error (exit 2, the file named and the sheet, cell,
line or column where the problem is), never a traceback; the input file is byte-for-byte
unchanged; no temporary file is left behind; an output workbook holds no formula that came from
user text and no macros.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result
from hypothesis import event
from hypothesis.control import currently_in_test_context

from scheduler.cli import main
from tests import budgets
from tests.fuzz.mutate import (
    CSV_SEED,
    CsvOp,
    WbOp,
    apply_csv_ops,
    mutate_workbook,
    write_csv,
)

# Words that place an input problem (English and Norwegian messages).
PLACE_WORDS = ("sheet", "cell", "line", "column", "ark", "celle", "linje", "kolonne")
LOUD_SOLVER_BUG = "hard violations in the solver's roster"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def invoke(args: Sequence[object]) -> Result:
    """Run ``roster ARGS`` in-process; exceptions are caught so that they can be asserted on."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)


def describe(result: Result) -> str:
    import traceback

    tb = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
    return f"exit {result.exit_code}\n{result.output[-3000:]}\n{tb[-4000:]}"


def assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), describe(result)


def issue_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("  - ")]


def assert_clean_input_error(result: Result, names: Sequence[str]) -> None:
    """Exit 2 lists every problem, each naming one of the input files, and at least one
    problem says where in the file it is (sheet, cell, line or column)."""
    lines = issue_lines(result)
    assert lines, describe(result)
    for line in lines:
        assert any(n in line for n in names), (line, describe(result))
    assert any(w in line.lower() for line in lines for w in PLACE_WORDS), describe(result)
    assert "Traceback" not in result.output


def leftover_temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


_FORMULA = re.compile(rb"<(?:\w+:)?f[ >]")


def our_sheet_titles(path: Path) -> list[str]:
    """Titles of the sheets ``roster solve`` added (they carry its marker name)."""
    import openpyxl

    from scheduler.io.write.workbook import is_output_sheet

    wb = openpyxl.load_workbook(path)
    return [ws.title for ws in wb.worksheets if is_output_sheet(ws)]


def formula_sheets(path: Path, only: Sequence[str] | None = None) -> list[str]:
    """Worksheet parts of an .xlsx that hold a formula (``<f>`` element); ``only`` limits the
    check to the sheets with these titles (openpyxl writes sheet N as ``sheetN.xml``)."""
    import openpyxl

    keep: set[str] | None = None
    if only is not None:
        wb = openpyxl.load_workbook(path, read_only=True)
        titles = wb.sheetnames
        wb.close()
        keep = {f"xl/worksheets/sheet{i + 1}.xml" for i, t in enumerate(titles) if t in only}
    out = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not name.startswith("xl/worksheets/sheet"):
                continue
            if keep is not None and name not in keep:
                continue
            if _FORMULA.search(zf.read(name)):
                out.append(name)
    return out


def has_macros(path: Path) -> bool:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
    return any("vbaProject" in n for n in names) or "macroEnabled" in types


@dataclass
class Outcome:
    result: Result
    input_path: Path
    folder: Path


def _contract(result: Result, inputs: Sequence[Path], digests: Sequence[str],
              allowed: set[int], folder: Path) -> None:
    assert_no_traceback(result)
    if currently_in_test_context():
        event(f"exit {result.exit_code}")
    assert result.exit_code in allowed, describe(result)
    for p, d in zip(inputs, digests, strict=True):
        assert sha256(p) == d, f"{p} was changed"
    assert leftover_temps(folder) == [], leftover_temps(folder)
    if result.exit_code == 2:
        assert_clean_input_error(result, [p.name for p in inputs])


# --------------------------------------------------------------------------------------------
# The cases


def validate_case(folder: Path, seed: Path, ops: Sequence[WbOp]) -> Outcome:
    f = mutate_workbook(seed, ops, folder / "in.xlsx")
    digest = sha256(f)
    result = invoke(["validate", f, "--json"])
    _contract(result, [f], [digest], {0, 2}, folder)
    if result.exit_code == 0:
        summary = json.loads(result.stdout)
        assert summary["days"] >= 1
    return Outcome(result, f, folder)


def check_case(folder: Path, seed: Path, ops: Sequence[WbOp], fmt: str = "json",
               problem: Path | None = None, problem_ops: Sequence[WbOp] = ()) -> Outcome:
    """``roster check`` of a mutated roster grid or xlsx timesheet (optionally with a mutated
    ``--problem`` workbook)."""
    f = mutate_workbook(seed, ops, folder / "in.xlsx")
    inputs = [f]
    args: list[object] = ["check", f, "--format", fmt]
    if problem is not None:
        pf = mutate_workbook(problem, problem_ops, folder / "problem.xlsx")
        inputs.append(pf)
        args += ["--problem", pf]
    out = folder / "report.xlsx"
    if fmt == "xlsx":
        args += ["-o", out]
    digests = [sha256(p) for p in inputs]
    result = invoke(args)
    _contract(result, inputs, digests, {0, 1, 2}, folder)
    _check_output(result, fmt, out)
    return Outcome(result, f, folder)


def csv_case(folder: Path, ops: Sequence[CsvOp], delimiter: str, encoding: str,
             fmt: str = "json") -> Outcome:
    f = write_csv(apply_csv_ops(CSV_SEED, ops), folder / "timesheet.csv", delimiter, encoding)
    digest = sha256(f)
    out = folder / "report.xlsx"
    args: list[object] = ["check", f, "--format", fmt]
    if fmt == "xlsx":
        args += ["-o", out]
    result = invoke(args)
    _contract(result, [f], [digest], {0, 1, 2}, folder)
    _check_output(result, fmt, out)
    return Outcome(result, f, folder)


def _check_output(result: Result, fmt: str, out: Path) -> None:
    if result.exit_code not in (0, 1):
        assert not out.exists()
        return
    if fmt == "json":
        report = json.loads(result.stdout)
        assert {"findings", "summary", "input_sha256"} <= set(report)
    elif fmt == "xlsx":
        assert out.exists(), describe(result)
        assert formula_sheets(out) == []
        assert not has_macros(out)


def solve_case(folder: Path, seed: Path, ops: Sequence[WbOp], work_limit: float = 0.3) -> Outcome:
    f = mutate_workbook(seed, ops, folder / "in.xlsx")
    digest = sha256(f)
    out = folder / "out.xlsx"
    result = invoke(["solve", f, "-o", out, *budgets.cli(work_limit), "--quiet"])
    _contract(result, [f], [digest], {0, 1, 2, 3}, folder)
    assert LOUD_SOLVER_BUG not in result.output, describe(result)
    if result.exit_code in (2, 3):
        assert not out.exists()
    if out.exists():
        ours = our_sheet_titles(out)
        assert len(ours) >= 5, ours  # Roster, Coverage, Hours, Violations, Summary, ...
        assert formula_sheets(out, only=ours) == []
        assert not has_macros(out)
    return Outcome(result, f, folder)


# --------------------------------------------------------------------------------------------
# Real processes


def roster_argv() -> list[str]:
    """The installed ``roster`` console script beside this Python, else the same entry point
    through ``python -c`` (a source checkout without ``pip install -e``)."""
    import sys

    script = Path(sys.executable).with_name("roster")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from scheduler.cli import main; sys.exit(main())"]


def subprocess_env() -> dict[str, str]:
    import os

    root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env
