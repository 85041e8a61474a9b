"""Data safety: inputs are never changed, outputs appear whole or not at all.

* every command leaves its input files byte-for-byte unchanged (and ``roster template`` refuses
  to overwrite an existing file without ``--force``);
* the planner's own sheets come back unchanged in the solved workbook (values, merged cells,
  colours);
* every output is written to a temporary file in the target's folder and renamed over the
  target;
* a failure half-way through writing (disk full after part of the file is written, an
  exception in the writer, Ctrl-C) leaves no partial output and no temporary file, and an output
  file that existed before is left exactly as it was; the command ends without a traceback.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill
from openpyxl.workbook.workbook import Workbook

from scheduler.io.write import workbook as rw
from tests import budgets
from tests.fuzz import cases
from tests.fuzz.mutate import CSV_SEED, seeds, write_csv

SOLVE = [*budgets.cli(0.3), "-q"]


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    """Copies of the seeds in this test's folder (so that outputs land beside them)."""
    out = {}
    for name in ("plan", "grid", "timesheet"):
        p = tmp_path / f"{name}.xlsx"
        p.write_bytes(seeds()[name].read_bytes())
        out[name] = p
    out["csv"] = write_csv(CSV_SEED, tmp_path / "timesheet.csv", ";", "utf-8-sig")
    return out


def _commands(i: dict[str, Path], tmp: Path) -> list[list[object]]:
    return [
        ["validate", i["plan"]],
        ["validate", i["plan"], "--json"],
        ["check", i["grid"]],
        ["check", i["grid"], "--format", "xlsx"],
        ["check", i["grid"], "--problem", i["plan"], "--format", "json", "-o", tmp / "f.json"],
        ["check", i["timesheet"], "--format", "xlsx", "-o", tmp / "t.xlsx"],
        ["check", i["csv"], "--format", "table", "-o", tmp / "t.txt", "--strict"],
        ["solve", i["plan"], *SOLVE],
        ["solve", i["plan"], "-o", tmp / "o.xlsx", *SOLVE],
        ["template", i["plan"]],  # refuses: the file exists
        ["template", i["plan"], "--lang", "nb"],
    ]


def test_no_command_changes_its_input(tmp_path: Path, inputs: dict[str, Path]) -> None:
    before = {p: (cases.sha256(p), p.stat().st_mtime_ns) for p in inputs.values()}
    for argv in _commands(inputs, tmp_path):
        result = cases.invoke(argv)
        cases.assert_no_traceback(result)
        assert result.exit_code in (0, 1, 2), cases.describe(result)
        for p, (digest, mtime) in before.items():
            assert cases.sha256(p) == digest, (argv, p)
            assert p.stat().st_mtime_ns == mtime, (argv, p)
    assert cases.leftover_temps(tmp_path) == []


def test_template_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.xlsx"
    target.write_bytes(b"my own notes, not a workbook")
    result = cases.invoke(["template", target])
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert target.read_bytes() == b"my own notes, not a workbook"
    result = cases.invoke(["template", target, "--force"])
    assert result.exit_code == 0
    assert openpyxl.load_workbook(target).sheetnames  # now a workbook


def test_the_planners_sheets_come_back_unchanged(tmp_path: Path) -> None:
    """Merged cells, colours, notes columns and an extra sheet survive ``roster solve``."""
    wb = openpyxl.load_workbook(seeds()["plan"])
    emp = wb["Employees"]
    emp["F1"] = "Merknad"
    emp["F2"] = "ferie i juli — avtalt med leder"
    emp.merge_cells("F3:G4")
    emp["F3"] = "sammenslått"
    emp["A3"].fill = PatternFill("solid", fgColor="FFC7CE")
    notes = wb.create_sheet("Notater")
    notes["A1"] = "=SUM(1,2)"  # the planner's own formula stays the planner's formula
    notes["B2"] = "Åse Ødegård 👩‍⚕️"
    src = tmp_path / "ward.xlsx"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    result = cases.invoke(["solve", src, "-o", out, *SOLVE])
    assert result.exit_code == 0, cases.describe(result)
    a = openpyxl.load_workbook(src)
    b = openpyxl.load_workbook(out)
    for ws in a.worksheets:
        other = b[ws.title]
        assert sorted(map(str, ws.merged_cells.ranges)) == sorted(
            map(str, other.merged_cells.ranges))
        for row in ws.iter_rows():
            for c in row:
                d = other[c.coordinate]
                assert d.value == c.value, (ws.title, c.coordinate)
                assert d.fill.fgColor.rgb == c.fill.fgColor.rgb, (ws.title, c.coordinate)
    assert b.sheetnames[: len(a.sheetnames)] == a.sheetnames


# --------------------------------------------------------------------------------------------
# Atomic writes


@pytest.fixture
def renames(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record every os.replace (and still do it)."""
    seen: list[tuple[str, str]] = []
    real = os.replace

    def replace(src: Any, dst: Any, *a: Any, **kw: Any) -> None:
        seen.append((str(src), str(dst)))
        real(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", replace)
    return seen


@pytest.mark.parametrize(
    "make_argv, output",
    [
        (lambda i, t: ["solve", i["plan"], "-o", t / "o.xlsx", *SOLVE], "o.xlsx"),
        (lambda i, t: ["solve", i["plan"], *SOLVE], "plan.roster.xlsx"),
        (lambda i, t: ["check", i["grid"], "--format", "xlsx"], "grid.check.xlsx"),
        (lambda i, t: ["check", i["grid"], "--format", "json", "-o", t / "f.json"], "f.json"),
        (lambda i, t: ["check", i["csv"], "-o", t / "f.txt"], "f.txt"),
        (lambda i, t: ["template", t / "new.xlsx"], "new.xlsx"),
    ],
    ids=["solve-o", "solve-beside", "check-xlsx", "check-json", "check-table", "template"],
)
def test_outputs_are_written_to_a_temp_file_and_renamed(
    tmp_path: Path, inputs: dict[str, Path], renames: list[tuple[str, str]],
    make_argv: Callable[..., list[object]], output: str,
) -> None:
    result = cases.invoke(make_argv(inputs, tmp_path))
    assert result.exit_code in (0, 1), cases.describe(result)
    target = tmp_path / output
    assert target.exists()
    moves = [(Path(s), Path(d)) for s, d in renames if Path(d) == target]
    assert len(moves) == 1, renames
    src = moves[0][0]
    assert src.parent == tmp_path and src.name.startswith(f".{output}.") and src.suffix == ".tmp"
    assert cases.leftover_temps(tmp_path) == []


def test_in_place_backs_up_before_writing_and_both_are_renamed(
    tmp_path: Path, inputs: dict[str, Path], renames: list[tuple[str, str]]
) -> None:
    original = inputs["plan"].read_bytes()
    result = cases.invoke(["solve", inputs["plan"], "--in-place", *SOLVE])
    assert result.exit_code == 0, cases.describe(result)
    backup = tmp_path / "plan.bak.xlsx"
    assert backup.read_bytes() == original
    targets = [Path(d) for _, d in renames]
    assert targets.index(backup) < targets.index(inputs["plan"])  # backup first
    assert cases.leftover_temps(tmp_path) == []


# --------------------------------------------------------------------------------------------
# Failures half-way through writing


def _disk_full_after_part(kind: type[BaseException] = OSError) -> Callable[..., None]:
    """A Workbook.save that writes the first half of the real file, then fails."""
    real_save = Workbook.save

    def save(self: Workbook, filename: Any) -> None:
        buf = io.BytesIO()
        real_save(self, buf)
        data = buf.getvalue()
        with open(filename, "wb") as fh:
            fh.write(data[: len(data) // 2])
        if kind is OSError:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        raise kind("injected")

    return save


@pytest.fixture
def old_output(tmp_path: Path) -> Path:
    p = tmp_path / "existing.xlsx"
    p.write_bytes(b"the previous report, which must survive")
    return p


def _assert_untouched(tmp_path: Path, old: Path, before: set[str]) -> None:
    assert old.read_bytes() == b"the previous report, which must survive"
    assert cases.leftover_temps(tmp_path) == []
    assert {p.name for p in tmp_path.iterdir()} == before


WRITERS = {
    "solve": lambda i, out: ["solve", i["plan"], "-o", out, *SOLVE],
    "check-xlsx": lambda i, out: ["check", i["grid"], "--format", "xlsx", "-o", out],
    "check-timesheet-xlsx": lambda i, out: ["check", i["csv"], "--format", "xlsx", "-o", out],
    "template": lambda i, out: ["template", out, "--force"],
}


@pytest.mark.parametrize("command", sorted(WRITERS))
@pytest.mark.parametrize("failure", [OSError, RuntimeError, KeyboardInterrupt],
                         ids=["disk-full", "exception", "ctrl-c"])
def test_a_failed_save_leaves_no_partial_file_and_keeps_the_old_one(
    tmp_path: Path, inputs: dict[str, Path], old_output: Path, monkeypatch: pytest.MonkeyPatch,
    command: str, failure: type[BaseException],
) -> None:
    before = {p.name for p in tmp_path.iterdir()}
    monkeypatch.setattr(Workbook, "save", _disk_full_after_part(failure))
    result = cases.invoke(WRITERS[command](inputs, old_output))
    assert result.exit_code != 0
    if failure is OSError:  # an environment problem: a plain message, no traceback
        cases.assert_no_traceback(result)
        assert "No space left on device" in result.output, cases.describe(result)
    _assert_untouched(tmp_path, old_output, before)


def test_disk_full_while_writing_a_text_report(
    tmp_path: Path, inputs: dict[str, Path], old_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kw: Any) -> Any:
        fh = real_fdopen(fd, *args, **kw)
        real_write = fh.write

        def write(text: str) -> int:
            real_write(text[: len(text) // 2])
            fh.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        fh.write = write  # type: ignore[method-assign]
        return fh

    before = {p.name for p in tmp_path.iterdir()}
    monkeypatch.setattr(os, "fdopen", fdopen)
    for fmt in ("json", "table"):
        result = cases.invoke(["check", inputs["grid"], "--format", fmt, "-o", old_output])
        cases.assert_no_traceback(result)
        assert result.exit_code == 2, cases.describe(result)
        assert "No space left on device" in result.stderr
        _assert_untouched(tmp_path, old_output, before)


@pytest.mark.parametrize("sheet", ["write_roster_sheet", "write_hours_sheet",
                                   "write_summary_sheet"])
def test_an_exception_in_the_roster_writer_writes_nothing(
    tmp_path: Path, inputs: dict[str, Path], old_output: Path, monkeypatch: pytest.MonkeyPatch,
    sheet: str,
) -> None:
    def boom(*args: Any, **kw: Any) -> None:
        raise RuntimeError("injected writer failure")

    monkeypatch.setattr(rw, sheet, boom)
    before = {p.name for p in tmp_path.iterdir()}
    result = cases.invoke(["solve", inputs["plan"], "-o", old_output, *SOLVE])
    assert result.exit_code != 0
    _assert_untouched(tmp_path, old_output, before)


def test_an_unreadable_input_is_a_plain_error(
    tmp_path: Path, inputs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied on the input (simulated: the tests may run as root) → exit 2."""
    import pathlib

    real = pathlib.Path.read_bytes
    locked = {inputs["plan"].resolve(), inputs["csv"].resolve()}

    def read_bytes(self: Path) -> bytes:
        if self.resolve() in locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    for argv in (["validate", inputs["plan"]], ["check", inputs["csv"]],
                 ["solve", inputs["plan"], *SOLVE]):
        result = cases.invoke(argv)
        cases.assert_no_traceback(result)
        assert result.exit_code == 2, cases.describe(result)
        assert "Permission denied" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "xlsx", "table"])
def test_a_report_into_a_missing_folder_is_a_plain_error(
    tmp_path: Path, inputs: dict[str, Path], fmt: str
) -> None:
    target = tmp_path / "no such folder" / "report.out"
    result = cases.invoke(["check", inputs["grid"], "--format", fmt, "-o", target])
    cases.assert_no_traceback(result)
    assert result.exit_code == 2, cases.describe(result)
    assert "does not exist" in result.stderr and "no such folder" in result.stderr
    assert not target.parent.exists()
