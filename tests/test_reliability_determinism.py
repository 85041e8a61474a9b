"""Determinism and the exit-code path of the real ``roster`` program (fast part).

* The same workbook, seed and one worker give the same roster, cell for cell, through the CLI.
* A few runs of the real entry point in a subprocess: each documented exit code, messages on
  stderr, never a traceback. (``tests/fuzz/test_fuzz_limits.py`` adds determinism on a real
  instance, the time limit measured, and Ctrl-C on a running solve.)
"""

from __future__ import annotations

import json
import subprocess
from datetime import date, time, timedelta
from pathlib import Path

import openpyxl
import pytest

from tests.fuzz import cases
from tests.fuzz.mutate import plan_sheets, seeds, write_sheets


def roster_cells(path: Path, title: str) -> list[tuple[str, object]]:
    ws = openpyxl.load_workbook(path)[title]
    return [(c.coordinate, c.value) for row in ws.iter_rows() for c in row]


def solve_json(src: Path, out: Path, *extra: object) -> dict:
    result = cases.invoke(["solve", src, "-o", out, "--json", "--quiet", *extra])
    assert result.exit_code == 0, cases.describe(result)
    return json.loads(result.stdout)


def _two_week_plan(tmp: Path) -> Path:
    sheets = plan_sheets(days=14)
    sheets["Settings"][3][1] = (date(2026, 4, 6) + timedelta(days=13)).isoformat()
    sheets["Employees"] += [["D1", "Dina", 100, "RN", "yes"], ["E1", "Erik", 60, "RN", "no"],
                            ["F1", "Frida", 100, "HCA", "yes"]]
    sheets["Shifts"].append(["A", "Aften", time(14, 30), time(22, 30), 30, "yes"])
    for i in range(14):
        sheets["Demand"].append([(date(2026, 4, 6) + timedelta(days=i)).isoformat(), "A", "", 1,
                                 2])
    return write_sheets(tmp / "two_weeks.xlsx", sheets)


def test_same_seed_one_worker_gives_the_same_roster(tmp_path: Path) -> None:
    src = _two_week_plan(tmp_path)
    runs = [solve_json(src, tmp_path / f"run{i}.xlsx", "--seed", "7", "--workers", "1",
                       "--time-limit", "0.5") for i in (1, 2)]
    title = runs[0]["sheets"]["Roster"]
    a, b = (roster_cells(tmp_path / f"run{i}.xlsx", title) for i in (1, 2))
    assert len(a) > 14 * 6
    assert sum(1 for _, v in a if v in ("D", "N", "A")) > 14  # a real roster, not an empty one
    assert a == b
    assert runs[0]["objective"] == runs[1]["objective"]


# --------------------------------------------------------------------------------------------
# The real program


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cases.roster_argv(), *map(str, args)], capture_output=True,
                          text=True, timeout=180, env=cases.subprocess_env(), cwd=cwd)


def _infeasible(tmp: Path) -> Path:
    sheets = plan_sheets()
    sheets["Fixed"] = [["employee", "date", "shift"], ["A", "2026-04-06", "N"],
                       ["A", "2026-04-07", "D"]]  # 7 h rest between a night and a day shift
    return write_sheets(tmp / "impossible.xlsx", sheets)


@pytest.mark.parametrize(
    "argv, code, where",
    [
        (lambda t: ["validate", seeds()["plan"]], 0, "stdout"),
        (lambda t: ["check", seeds()["timesheet"]], 1, "stdout"),
        (lambda t: ["validate", t / "missing.xlsx"], 2, "stderr"),
        (lambda t: ["check", t / "garbage.xlsx"], 2, "stderr"),
        (lambda t: ["solve", _infeasible(t), "--time-limit", "2", "--workers", "1"], 3, "stdout"),
    ],
    ids=["validate-ok", "check-violations", "missing-file", "not-a-workbook", "infeasible"],
)
def test_exit_codes_of_the_real_program(tmp_path: Path, argv, code: int, where: str) -> None:  # noqa: ANN001
    (tmp_path / "garbage.xlsx").write_bytes(b"\x00garbage" * 50)
    proc = run(*argv(tmp_path), cwd=tmp_path)
    assert proc.returncode == code, (proc.stdout[-2000:], proc.stderr[-2000:])
    assert "Traceback" not in proc.stdout + proc.stderr
    assert (proc.stdout if where == "stdout" else proc.stderr).strip()
    if code == 2:
        assert "problem" in proc.stderr and tmp_path.name in proc.stderr


def test_the_real_program_refuses_a_huge_file_quickly(tmp_path: Path) -> None:
    from tests.fuzz.hostile import MB, sparse_file

    big = sparse_file(tmp_path / "huge.xlsx", 200 * MB)
    proc = run("solve", big, "--time-limit", "1", cwd=tmp_path)
    assert proc.returncode == 2
    assert "200.0 MB" in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["huge.xlsx"]
