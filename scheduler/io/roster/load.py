"""Reading a roster to check: a roster grid workbook or a timesheet (``roster check``).

Two input shapes become one :class:`~scheduler.model.Roster` of real work periods:

* **A roster grid** (a workbook with a sheet named ``Roster`` or ``Turnus``, any case): one row
  per employee (the first column is the employee id, an optional name column may follow), one
  column per date. The header row is the first row (of the first 20) that has a date in it; a date
  header is a real Excel date, ISO text (``2026-03-01``), Norwegian text (``01.03.2026``) or an
  Excel serial number. Every header cell that is a date is a date column. Every row with an id is
  an employee row, also below blank rows (there, a row counts when its date cells hold codes or
  text, so totals and the legend ``roster solve`` writes are not employees). What is not read is
  listed in the report's coverage with its cells, and a code that cannot be placed (no id in its
  row, no date above it, merged cells) is an input error: see :mod:`scheduler.io.roster.grid`. A
  cell is a shift code from the ``Shifts`` sheet (same workbook or ``--problem``; exact match
  first, then case-insensitive), or a day off: blank,
  ``-``, ``F1``…``F5``, ``FE``, ``Ferie`` or ``OFF`` (any case; :mod:`scheduler.dayoff`), kept
  as ``Roster.day_marks``; a shift type whose code is one of these is an input error. A night
  shift (end at or before its start) becomes one period that ends the next day, measured in
  real elapsed time (a 22–07 night is 10 h when the clocks go back). Unknown codes are input
  errors naming the cell. Days of the period checked that the grid has no date column for are
  listed in the coverage as not read.
* **A timesheet** in long format: a ``.csv`` file (``,`` or ``;`` delimited, UTF-8 with or
  without BOM) or a workbook without a Roster sheet (the sheet ``Timesheet``/``Timeliste``, else
  the first sheet). Columns ``employee``, ``start``, ``end`` and optional ``break_minutes``,
  ``kind`` (``planned|overtime|extra``; Norwegian ``planlagt|overtid|merarbeid|mertid``; on call
  ``on_call_home|on_call_site``, ``hjemmevakt|tilstedevakt``) and ``passive_minutes`` (§ 10-4
  (2) minutes of mainly passive work in the row, whole minutes or ``h:mm``; empty = none). Headers
  match case-insensitively; a few Norwegian headers are built in (``ansatt``, ``fra``, ``til``,
  ``pause``, ``type``, ``passiv tid``) and ``--columns employee=Ansatt,start=Fra,...`` maps any other. Times are
  ISO 8601 date-times with or without an offset, ``dd.mm.yyyy hh:mm`` text, or Excel date-times;
  a time without an offset is Europe/Oslo wall-clock time (in the autumn DST hour the first of the
  two instants). No break column means breaks were not recorded (``break_minutes=None``: breaks
  are then not judged); an empty break cell means the same for that row. A recorded break counts
  as working time (the employee-protective reading: the hours are not shortened by it).
  Two rows of one employee that overlap are an input error (their hours would count twice),
  and so are two shifts of one employee in a grid that overlap (``D+D``). Times are compared
  as instants; a start or end that is only a date, or a wall-clock time that does not exist
  (the spring DST gap), is an input error. Timesheets are streamed (:mod:`scheduler.io.roster.timesheet`)
  and refused past ``scheduler.io.roster.timesheet.MAX_ROWS`` rows (250,000: the check stays under 2 GiB).

Everything else the checker needs (Settings, Shifts, Employees, Agreements, History) comes from
the same workbook or from ``--problem`` via :func:`scheduler.io.read.workbook.read_parts`. Each
kind of sheet is taken from ``--problem`` when that workbook has it, else from the roster
workbook itself.

The horizon is ``--start``/``--end`` when given, else the Settings sheet's start/end, else the
roster's own span; work outside it is an input error unless ``exclude_outside``
(:mod:`scheduler.io.roster.horizon`).

``input_sha256`` is the SHA-256 of the input file's bytes; with ``--problem`` it is the SHA-256
of the two files' SHA-256 digests (input first, then problem), so it changes when either does.

All input problems are collected (file, sheet, cell — for CSV the cell is the spreadsheet-style
reference of line and column, and the message names both) and raised together as
:class:`~scheduler.errors.InputError`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.utils.datetime import WINDOWS_EPOCH

from scheduler import i18n
from scheduler.errors import Collector, InputError, Issue
from scheduler.io.roster.grid import find_grid_sheet, find_sheet, read_grid
from scheduler.io.roster.horizon import date_runs, horizon, settings_file, split_at_horizon
from scheduler.io.roster.source import Coverage, Part, RosterInput, part
from scheduler.io.roster.timesheet import read_csv_timesheet, read_sheet_timesheet
from scheduler.io.roster.values import (
    CONTEXT_SHEETS,
    CSV_SUFFIXES,
    TIMESHEET_SHEETS,
    WORKBOOK_SUFFIXES,
    parse_break,
    parse_columns,
    parse_datetime,
    parse_day,
    parse_kind,
)
from scheduler.io.used import UsedBook, open_used
from scheduler.model import (
    Agreement,
    Contract,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    Roster,
    Settings,
    ShiftType,
)

__all__ = [
    "CheckInput", "Coverage", "Part", "RosterInput", "file_sha256", "find_grid_sheet",
    "load_check_input", "parse_break", "parse_columns", "parse_datetime", "parse_day",
    "parse_kind", "read_csv_timesheet", "read_grid", "read_sheet_timesheet",
]


@dataclass
class CheckInput:
    """Everything ``run_check`` needs, plus the source for rendering the report."""

    settings: Settings
    roster: Roster  # periods that reach into the horizon
    employees: tuple[Employee, ...]
    agreements: tuple[Agreement, ...]
    history: tuple[HistoryPeriod, ...]
    employee_history: tuple[EmployeeHistory, ...]
    source: RosterInput
    input_sha256: str
    shifts: tuple[ShiftType, ...] = ()
    contracts: tuple[Contract, ...] = ()

    @property
    def coverage(self) -> Coverage:
        assert self.source.coverage is not None
        return self.source.coverage


def file_sha256(path: Path, problem: Path | None = None) -> str:
    """SHA-256 of the input file; with ``problem``, of the two files' digests concatenated."""
    digest = hashlib.sha256(path.read_bytes())
    if problem is None:
        return digest.hexdigest()
    other = hashlib.sha256(problem.read_bytes())
    return hashlib.sha256(digest.digest() + other.digest()).hexdigest()


def _read_parts(path: Path, issues: list[Issue], book: UsedBook | None = None,
                langs: list[str] | None = None) -> Any:
    """The planning sheets of ``path`` (None when they have problems: added to ``issues``);
    the workbook's Settings language is added to ``langs``."""
    from scheduler.io.read.workbook import read_parts

    try:
        parts = read_parts(path, book)
    except InputError as exc:
        issues.extend(exc.issues)
        if langs is not None:
            langs.append(exc.lang)
        return None
    if langs is not None:
        langs.append(parts.settings_values.get("language", "en"))
    return parts


def _language(langs: list[str]) -> str:
    """The language input errors are shown in: the first workbook's that is not English."""
    return next((x for x in langs if x != "en"), "en")


_PART_SHEET = {
    "shifts": "shifts",
    "employees": "employees",
    "agreements": "agreements",
    "contracts": "contracts",
    "history": "history",
    "employee_history": "history",
}


def _pick(primary: Any, secondary: Any, attr: str) -> Any:
    """Take a kind of sheet from ``primary`` (--problem) when it has one, else ``secondary``."""
    for parts in (primary, secondary):
        if parts is not None and _PART_SHEET[attr] in parts.found:
            return getattr(parts, attr)
    return ()


def load_check_input(
    path: Path | str,
    *,
    problem: Path | str | None = None,
    columns: dict[str, str] | None = None,
    start: date | None = None,
    end: date | None = None,
    exclude_outside: bool = False,
) -> CheckInput:
    """Read a roster (grid or timesheet) and its context; raise InputError with all problems.

    Work outside the horizon is an input error unless ``exclude_outside``; then it is listed in
    the coverage as excluded (and work before the horizon is carried in as history)."""
    path = Path(path)
    problem_path = Path(problem) if problem is not None else None
    columns = columns or {}
    col = Collector(str(path))
    issues: list[Issue] = []
    for p in (path, problem_path):
        if p is not None and not p.is_file():
            raise InputError([Issue(i18n.msg("input.roster.no_file"), str(p))])
    suffix = path.suffix.lower()
    langs: list[str] = []  # --problem's Settings language, then the roster workbook's
    problem_parts = (_read_parts(problem_path, issues, langs=langs)
                     if problem_path is not None else None)
    own_parts = None
    source: RosterInput
    if suffix in WORKBOOK_SUFFIXES:
        wb = open_used(path)  # one read of the file for the roster and its context sheets
        try:
            grid_sheet = find_grid_sheet(wb)
            own_parts = _read_parts(path, issues, wb, langs)
            if grid_sheet is not None:
                shifts = _pick(problem_parts, own_parts, "shifts")
                # When a Shifts sheet failed to read, its own issues say so; do not add "missing".
                source = read_grid(wb[grid_sheet], path, shifts, col,
                                   report_missing_shifts=not issues,
                                   epoch=wb.epoch or WINDOWS_EPOCH)
            else:
                ts = find_sheet(wb.sheetnames, TIMESHEET_SHEETS) or next(
                    (n for n in wb.sheetnames if n.strip().lower() not in CONTEXT_SHEETS), None
                )
                if ts is None:
                    issues.append(
                        Issue(i18n.msg("input.roster.no_sheet"), str(path))
                    )
                    raise InputError(issues, _language(langs))
                source = read_sheet_timesheet(wb[ts], path, columns, col,
                                              epoch=wb.epoch or WINDOWS_EPOCH)
        finally:
            wb.close()
    elif suffix in CSV_SUFFIXES:
        source = read_csv_timesheet(path, columns, col)
    else:
        raise InputError(
            [
                Issue(i18n.msg("input.roster.suffix", suffix=suffix) if suffix
                      else i18n.msg("input.roster.no_suffix"), str(path))
            ]
        )
    issues.extend(col.issues)
    if issues:
        raise InputError(issues, _language(langs))

    # Settings (and its horizon) from --problem when it has a Settings sheet, else our own.
    settings_parts = next(
        (p for p in (problem_parts, own_parts) if p is not None and "settings" in p.found), None
    )
    settings, origin = horizon(path, source, settings_parts, start, end)
    roster, carried = split_at_horizon(path, source, settings, origin, exclude_outside,
                                       settings_file=settings_file(settings_parts, problem_parts,
                                                                   problem_path, path))
    coverage = source.coverage
    assert coverage is not None
    if source.kind == "grid" and source.days:
        have = set(source.days)
        missing = [d for d in settings.days() if d not in have]
        for a, b in date_runs(missing):
            coverage.not_read.append(part(f"{a}..{b}" if a != b else str(a),
                                          "coverage.days_not_in_grid"))
    coverage.period = (settings.start, settings.end)
    coverage.period_from = origin
    coverage.periods_checked = len(roster.periods)
    history = tuple(_pick(problem_parts, own_parts, "history")) + tuple(carried)
    return CheckInput(
        settings=settings,
        roster=roster,
        employees=tuple(_pick(problem_parts, own_parts, "employees")),
        agreements=tuple(_pick(problem_parts, own_parts, "agreements")),
        history=tuple(sorted(history, key=lambda h: (h.employee, h.start.timestamp()))),
        employee_history=tuple(_pick(problem_parts, own_parts, "employee_history")),
        source=source,
        input_sha256=file_sha256(path, problem_path),
        shifts=tuple(_pick(problem_parts, own_parts, "shifts")),
        contracts=tuple(_pick(problem_parts, own_parts, "contracts")),
    )
