"""Write a solved roster into a copy of the planner's workbook.

The input workbook is loaded with openpyxl and our sheets are added to it; the planner's own
sheets are kept as they are. Our sheets carry a hidden sheet-scoped defined name
(:data:`MARKER`), so a second run replaces *its own* earlier output sheets and nothing else: a
planner's sheet that happens to be called ``Roster`` is kept and ours is named
``Roster (solved)`` instead.

Sheets written:

* ``Roster`` — employees × dates; one fill colour per shift type; weekends and public holidays
  shaded (holiday name in a header comment); header row and id/name columns frozen; shifts,
  hours, contract hours and the deviation in the right margin; days off marked with the turnus
  codes ``F1``/``F2``/``F3`` (:mod:`scheduler.turnus_marks`, other days off blank); a legend
  below explaining the shift colours and the day-off codes.
* ``Coverage`` — planned against required per date × shift × skill (shortfalls in red), a daily
  table and a native bar chart of required against planned per day.
* ``Hours`` — per employee per week: hours, contract, deviation, extra, overtime, night and
  Sunday/holiday hours (see :mod:`scheduler.summary`).
* ``Violations`` — the checker's findings on this roster.
* ``Summary`` — status, objective by tier, bound, gap, time, work limit and work used, what
  ended the search and whether the roster is reproducible, seed, workers, rule-set version,
  input file and its SHA-256.

Each sheet is written by its own module in :mod:`scheduler.io.write` (``roster``,
``coverage``, ``hours``, ``violations``, ``summary``, ``headroom``, ``wishes``); this module
assembles them into the workbook.

Sheet names, headers, the legend and the summary are in ``Settings.language`` (``en``, or
``nb``: ``Turnus``, ``Dekning``, ``Timer``, ``Brudd``, ``Sammendrag``), from the catalogues of
:mod:`scheduler.i18n`; the returned title map stays keyed by the English names.

Every user-supplied text goes through :func:`scheduler.io.excel.cell_text`, so a name like
``=HYPERLINK(...)`` stays text. The file is written atomically by
:func:`scheduler.io.excel.safe_save`.

Limitation: openpyxl keeps cell values, styles, formulas, merged cells, data validation and
defined names of the planner's sheets, but not images or charts that were already in the input.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from constraints.base import Finding
from scheduler import extra_time as xt
from scheduler import i18n, request_results
from scheduler import summary as sm
from scheduler.clock import TZ
from scheduler.io.excel import safe_save
from scheduler.io.write.book import (
    MARKER,
    OUTPUT_SHEETS,
    activate,
    free_title,
    is_output_sheet,
    make_room,
    new_sheet,
    print_setup,
)
from scheduler.io.write.cells import put, put_text
from scheduler.io.write.coverage import write_coverage_sheet
from scheduler.io.write.headroom import write_headroom_sheet
from scheduler.io.write.hours import write_hours_sheet
from scheduler.io.write.roster import write_roster_sheet
from scheduler.io.write.run import RunInfo, shows_overtime
from scheduler.io.write.summary import write_summary_sheet
from scheduler.io.write.violations import write_violations_sheet
from scheduler.io.write.wishes import write_wishes_sheet
from scheduler.model import Problem
from scheduler.solution import Solution, roster_of
from scheduler.turnus_marks import turnus_marks

# The public API (callers import these from here; the sheets are written in write/).
__all__ = [
    "MARKER", "OUTPUT_SHEETS", "RunInfo", "backup_path", "build_workbook", "default_output_path",
    "free_backup_path", "is_output_sheet", "language_of", "now", "put", "put_text", "roster_of",
    "write_roster_workbook",
]


def language_of(problem: Problem) -> str:
    """The output language: ``Settings.language`` (``en`` or ``nb``)."""
    return i18n.language(problem.settings.language)


def build_workbook(
    problem: Problem,
    solution: Solution,
    findings: Sequence[Finding],
    run: RunInfo,
) -> tuple[Workbook, dict[str, str]]:
    """Load the input workbook and add our sheets; returns it and {our name: sheet title}."""
    # Macros are never kept (nor run): the output is a plain .xlsx (see default_output_path).
    source = io.BytesIO(run.input_bytes) if run.input_bytes is not None else run.input_path
    wb = load_workbook(source, keep_vba=False, keep_links=True)
    lang = language_of(problem)
    titles = make_room(wb, lang)
    roster = roster_of(problem, solution)
    rows = sm.coverage(problem, roster)
    marks = turnus_marks(problem, roster)
    write_roster_sheet(new_sheet(wb, titles["Roster"]), problem, roster, marks, lang)
    write_coverage_sheet(new_sheet(wb, titles["Coverage"]), problem, rows, lang,
                         allow_overtime=run.options.allow_overtime
                         or problem.settings.allow_overtime, roster=roster)
    extra = xt.ledger(problem, roster)  # one measure of overtime / extra hours for three sheets
    write_hours_sheet(new_sheet(wb, titles["Hours"]), problem, roster, lang, extra)
    write_violations_sheet(new_sheet(wb, titles["Violations"]), findings, lang)
    write_summary_sheet(new_sheet(wb, titles["Summary"]), problem, solution, findings, rows, run,
                        lang, extra)
    if shows_overtime(problem, roster, run):
        titles["Headroom"] = free_title(wb, "Headroom", lang)
        write_headroom_sheet(new_sheet(wb, titles["Headroom"]), problem, roster, lang, extra)
    wishes = request_results.results(problem, roster)
    if wishes:
        titles["Wishes"] = free_title(wb, "Wishes", lang)
        write_wishes_sheet(new_sheet(wb, titles["Wishes"]), wishes, lang)
    print_setup(wb, titles, problem, lang)
    activate(wb, titles["Roster"])
    return wb, titles


def write_roster_workbook(
    problem: Problem,
    solution: Solution,
    findings: Sequence[Finding],
    run: RunInfo,
    output_path: Path,
) -> dict[str, str]:
    """Write the input workbook plus our sheets to ``output_path`` (atomically)."""
    wb, titles = build_workbook(problem, solution, findings, run)
    safe_save(wb, output_path)
    return titles


def now() -> datetime:
    return datetime.now(TZ)


def default_output_path(input_path: Path) -> Path:
    """``ward.xlsx`` → ``ward.roster.xlsx`` beside the input (``ward.xlsm`` → ``.xlsx``: no
    macros are written)."""
    return input_path.with_name(f"{input_path.stem}.roster.xlsx")


def backup_path(input_path: Path) -> Path:
    """``ward.xlsx`` → ``ward.bak.xlsx`` beside the input."""
    return input_path.with_name(f"{input_path.stem}.bak{input_path.suffix or '.xlsx'}")


def free_backup_path(input_path: Path) -> Path:
    """The first of ``ward.bak.xlsx``, ``ward.bak-2.xlsx``, ``ward.bak-3.xlsx`` … that does not
    exist: a second ``--in-place`` never replaces the backup of the original."""
    first = backup_path(input_path)
    n = 1
    candidate = first
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = first.with_name(f"{input_path.stem}.bak-{n}{first.suffix}")
    return candidate
