"""Helpers shared by the `roster check` command tests (tests/cli/test_check_*.py): the command, small roster grids."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook

from scheduler.cli import main
from scheduler.io.excel import cell_text

FINDING_KEYS = [
    "rule",
    "paragraph",
    "severity",
    "employee",
    "window_start",
    "window_end",
    "measured",
    "limit",
    "unit",
    "allowed_by",
    "message",
    "source",
]

SHIFTS = [
    ("code", "name", "start", "end", "break_minutes"),
    ("D", "Day", time(8, 0), time(15, 30), 30),
    ("E", "Evening", time(15, 0), time(22, 30), 30),
    ("L", "Long", time(7, 0), time(21, 0), 30),
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def roster_workbook(path: Path, rows: list[list[object]], days: list[date]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Employee", "Name", *days])
    for r in rows:
        ws.append([cell_text(v) for v in r])
    sh = wb.create_sheet("Shifts")
    for r in SHIFTS:
        sh.append(list(r))
    wb.save(path)
    return path


WEEK = [date(2026, 3, 2 + i) for i in range(7)]  # Monday 2 March .. Sunday 8 March 2026


def clean_roster_file(path: Path) -> Path:
    """A week with nothing wrong (the ``clean_roster`` fixture)."""
    return roster_workbook(path, [["E1", "Kari", "D", "D", "D", "D", "D", "F1", "F2"]], WEEK)


def bad_roster_file(path: Path) -> Path:
    """A week with known breaches (the ``bad_roster`` fixture).

    E1: evening then day (quick return, 9.5 h rest). E2: a 14 h day (normal hours, total
    hours). E3 has nothing wrong.
    """
    return roster_workbook(
        path,
        [
            ["E1", "Kari", "E", "D", None, "-", None, None, None],
            ["E2", "=Ola", "L", None, None, None, None, None, None],
            ["E3", "Per", "D", None, None, None, None, None, None],
        ],
        WEEK,
    )
