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

Sheet names, headers, the legend and the summary are in ``Settings.language`` (``en``, or
``nb``: ``Turnus``, ``Dekning``, ``Timer``, ``Brudd``, ``Sammendrag``), from the catalogues of
:mod:`scheduler.i18n`; the returned title map stays keyed by the English names.

Every user-supplied text goes through :func:`scheduler.workbook.excel.cell_text`, so a name like
``=HYPERLINK(...)`` stays text. The file is written atomically by
:func:`scheduler.workbook.excel.safe_save`.

Limitation: openpyxl keeps cell values, styles, formulas, merged cells, data validation and
defined names of the planner's sheets, but not images or charts that were already in the input.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from constraints.base import RULESET_VERSION, Finding, Severity
from scheduler import __version__, dayoff, i18n, request_results, weekends
from scheduler import extra_time as xt
from scheduler import summary as sm
from scheduler.calendar import public_holidays
from scheduler.clock import TZ
from scheduler.i18n import formats
from scheduler.model import PeriodKind, Problem, RequestKind, Roster
from scheduler.solution import Solution, SolveOptions, roster_of
from scheduler.turnus_marks import Marks, turnus_marks
from scheduler.whatif import metrics
from scheduler.workbook import printing
from scheduler.workbook import styles as st
from scheduler.workbook.excel import cell_text, safe_save, set_text

MARKER = "AmlRosterOutput"
OUTPUT_SHEETS: tuple[str, ...] = ("Roster", "Coverage", "Hours", "Violations", "Summary")
_MAX_TITLE = 31

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Day-off codes explained in the legend (roster solve writes F1, F2, F3, FE and UT itself).
LEGEND_CODES: tuple[str, ...] = (*dayoff.F_CODES, dayoff.VACATION, dayoff.UNAVAILABLE)


def _labels(keys: Sequence[str], lang: str = "en") -> tuple[str, ...]:
    return tuple(i18n.text(k, lang) for k in keys)


def language_of(problem: Problem) -> str:
    """The output language: ``Settings.language`` (``en`` or ``nb``)."""
    return i18n.language(problem.settings.language)


@dataclass(frozen=True)
class RunInfo:
    """How the roster was made (for the Summary sheet)."""

    input_path: Path
    input_sha256: str
    options: SolveOptions = field(default_factory=SolveOptions)
    interrupted: bool = False  # the planner stopped the search (Ctrl-C)
    written_at: datetime | None = None
    # The input's bytes as read once at the start (``roster solve``): the output is built from
    # them, so a workbook saved during the solve never mixes into it.
    input_bytes: bytes | None = field(default=None, repr=False)


# --------------------------------------------------------------------------------------------
# Public API


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
    titles = _make_room(wb, lang)
    roster = roster_of(problem, solution)
    rows = sm.coverage(problem, roster)
    marks = turnus_marks(problem, roster)
    _write_roster_sheet(_new_sheet(wb, titles["Roster"]), problem, roster, marks, lang)
    _write_coverage_sheet(_new_sheet(wb, titles["Coverage"]), problem, rows, lang,
                          allow_overtime=run.options.allow_overtime
                          or problem.settings.allow_overtime, roster=roster)
    extra = xt.ledger(problem, roster)  # one measure of overtime / extra hours for three sheets
    _write_hours_sheet(_new_sheet(wb, titles["Hours"]), problem, roster, lang, extra)
    _write_violations_sheet(_new_sheet(wb, titles["Violations"]), findings, lang)
    _write_summary_sheet(_new_sheet(wb, titles["Summary"]), problem, solution, findings, rows, run,
                         lang, extra)
    if shows_overtime(problem, roster, run):
        titles["Headroom"] = _free_title(wb, "Headroom", lang)
        _write_headroom_sheet(_new_sheet(wb, titles["Headroom"]), problem, roster, lang, extra)
    wishes = request_results.results(problem, roster)
    if wishes:
        titles["Wishes"] = _free_title(wb, "Wishes", lang)
        _write_wishes_sheet(_new_sheet(wb, titles["Wishes"]), wishes, lang)
    _print_setup(wb, titles, problem, lang)
    _activate(wb, titles["Roster"])
    return wb, titles


# How each of our sheets prints: the Roster's month on one landscape page with the header row
# and id/name columns on every page; the Summary on one page; the rest one page wide.
PAGES: dict[str, printing.Page] = {
    "Roster": printing.Page(pages_tall=1, title_cols=2),
    "Summary": printing.Page(landscape=False, pages_tall=1),
    "Coverage": printing.Page(),
    "Hours": printing.Page(title_cols=2),
    "Violations": printing.Page(),
    "Headroom": printing.Page(title_cols=2),
    "Wishes": printing.Page(),
}


def _print_setup(wb: Workbook, titles: dict[str, str], problem: Problem, lang: str) -> None:
    """Widths from content, heights of wrapped rows, and the page setup of each of our sheets
    (:mod:`scheduler.workbook.printing`)."""
    s = problem.settings
    for name, title in titles.items():
        ws = wb[title]
        if name != "Roster":  # the Roster sizes its day columns itself
            printing.fit_widths(ws)
        printing.wrap_heights(ws)
        printing.setup_page(ws, PAGES[name], unit=s.site_name, start=s.start, end=s.end,
                            lang=lang)


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


def is_output_sheet(ws: Any) -> bool:
    """Was this sheet written by us (it carries the marker name)?"""
    names = getattr(ws, "defined_names", None)
    return bool(names) and MARKER in names


# --------------------------------------------------------------------------------------------
# Sheet bookkeeping


def _make_room(wb: Workbook, lang: str = "en") -> dict[str, str]:
    """Drop our earlier output sheets; pick a free title for each of ours (``{English name:
    title}``; the titles are in the output language)."""
    for ws in list(wb.worksheets):
        if is_output_sheet(ws):
            wb.remove(ws)
    taken = {name.casefold() for name in wb.sheetnames}
    titles: dict[str, str] = {}
    for name in OUTPUT_SHEETS:
        label = i18n.text(f"sheet.name.{name}", lang)
        title = label
        n = 1
        while title.casefold() in taken:
            suffix = (i18n.text("sheet.solved_suffix", lang) if n == 1
                      else i18n.text("sheet.solved_suffix_n", lang, n=n))
            title = label[: _MAX_TITLE - len(suffix)] + suffix
            n += 1
        taken.add(title.casefold())
        titles[name] = title
    return titles


def _new_sheet(wb: Workbook, title: str) -> Worksheet:
    ws = wb.create_sheet(title)
    quoted = title.replace("'", "''")
    ws.defined_names[MARKER] = DefinedName(MARKER, attr_text=f"'{quoted}'!$A$1", hidden=True)
    return ws


def _activate(wb: Workbook, title: str) -> None:
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == title
    wb.active = wb.sheetnames.index(title)


# --------------------------------------------------------------------------------------------
# Cell helpers


def put_text(ws: Worksheet, row: int, col: int, value: object) -> Cell:
    """Write user-supplied text so that it is never taken as a formula."""
    cell = set_text(ws.cell(row=row, column=col), value)
    if cell.data_type == "f":  # belt and braces: never a formula from user text
        cell.data_type = "s"
    return cell


def put(ws: Worksheet, row: int, col: int, value: object, fmt: str | None = None) -> Cell:
    """Write a value of ours (numbers, dates, fixed labels; text that may carry a file name goes
    through :func:`cell_text` too)."""
    cell = ws.cell(row=row, column=col, value=cell_text(value) if isinstance(value, str) else value)
    if fmt:
        cell.number_format = fmt
    return cell


def _header(ws: Worksheet, row: int, labels: Sequence[str], start_col: int = 1) -> None:
    for i, label in enumerate(labels):
        c = put(ws, row, start_col + i, label)
        c.font = st.HEADER_FONT
        c.fill = st.HEADER_FILL
        c.alignment = st.CENTER


def _widths(ws: Worksheet, widths: dict[int, float]) -> None:
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = w


def _local_naive(dt: datetime | None) -> datetime | None:
    """Excel stores no time zone: write Europe/Oslo wall-clock time."""
    return None if dt is None else dt.astimezone(TZ).replace(tzinfo=None)


def _hours(x: float) -> float:
    return round(x, 2)


# --------------------------------------------------------------------------------------------
# Roster


ROSTER_MARGIN_KEYS = (
    "sheet.roster.shifts", "sheet.roster.hours", "sheet.roster.contract", "sheet.roster.deviation",
)
ROSTER_MARGIN = _labels(ROSTER_MARGIN_KEYS)


def _write_roster_sheet(
    ws: Worksheet, problem: Problem, roster: Roster, marks: Marks | None = None, lang: str = "en"
) -> None:
    marks = marks or {}
    days = problem.days()
    hols = public_holidays(days[0], days[-1])
    colours = st.shift_colours([s.code for s in problem.shifts])
    grid: dict[tuple[str, date], list[str]] = {}
    for p in roster.periods:
        if p.shift is None:
            continue
        grid.setdefault((p.employee, sm.start_day(p.start)), []).append(p.shift)
    extra_time = xt.by_shift_day(xt.stretches(roster))  # overtime / extra hours per shift day

    first_day_col = 3
    margin_col = first_day_col + len(days)
    _header(ws, 1, _labels(("sheet.roster.employee", "sheet.roster.name"), lang))
    for j, d in enumerate(days):
        c = put(ws, 1, first_day_col + j, d, formats.day_header_format(d, lang))
        c.font = st.HEADER_FONT
        c.alignment = st.UPRIGHT
        c.fill = st.HEADER_FILL
        if d in hols:
            c.fill = st.fill(st.HOLIDAY)
            c.font = st.BOLD
            name = hols[d] if lang == "en" else i18n.red_day_name(d, lang)
            c.comment = Comment(i18n.text("sheet.roster.holiday_comment", lang, name=name),
                                "roster")
        elif d.weekday() >= 5:
            c.fill = st.fill(st.WEEKEND)
            c.font = st.BOLD
    _header(ws, 1, _labels(ROSTER_MARGIN_KEYS, lang), margin_col)
    for k in range(len(ROSTER_MARGIN_KEYS)):
        ws.cell(row=1, column=margin_col + k).alignment = st.UPRIGHT
    ws.row_dimensions[1].height = st.UPRIGHT_HEADER_POINTS

    away = sm.unavailable_days(problem)
    totals = {t.employee: t for t in sm.employee_totals(
        problem.settings, roster, problem.employees, away, problem.agreements)}
    for i, emp in enumerate(problem.employees):
        r = 2 + i
        put_text(ws, r, 1, emp.id).font = st.BOLD
        put_text(ws, r, 2, emp.name)
        for j, d in enumerate(days):
            col = first_day_col + j
            codes = grid.get((emp.id, d), [])
            cell = ws.cell(row=r, column=col)
            cell.alignment = st.CENTER
            cell.border = st.GRID
            if codes:
                put_text(ws, r, col, "+".join(codes))
                cell.fill = st.fill(colours.get(codes[0], "FFFFFF"))
                _mark_extra_time(cell, extra_time.get((emp.id, d)), lang)
                continue
            if d in away.get(emp.id, ()):  # FE / UT win over any F-code: none in an absence
                vacation = _absence(problem, emp.id, d, lang, cell)
                put(ws, r, col, dayoff.VACATION if vacation else dayoff.UNAVAILABLE
                    ).font = st.DAY_OFF_FONT
                continue
            if d in hols:
                cell.fill = st.fill(st.HOLIDAY)
            elif d.weekday() >= 5:
                cell.fill = st.fill(st.WEEKEND)
            mark = marks.get((emp.id, d))
            if mark:
                put(ws, r, col, mark).font = st.DAY_OFF_FONT
        t = totals[emp.id]
        put(ws, r, margin_col, t.shifts)
        put(ws, r, margin_col + 1, _hours(t.hours), st.HOURS_FMT)
        put(ws, r, margin_col + 2, _hours(t.contract), st.HOURS_FMT)
        dev = put(ws, r, margin_col + 3, _hours(t.deviation), st.HOURS_FMT)
        if t.deviation < -0.005:
            dev.font = st.RED_TEXT

    # Legend below the grid.
    r = 3 + len(problem.employees)
    put(ws, r, 1, i18n.text("sheet.legend.title", lang)).font = st.BOLD
    _header(ws, r + 1, _labels(("sheet.legend.shift", "sheet.legend.name", "sheet.legend.start",
                                "sheet.legend.end", "sheet.legend.hours"), lang))
    for k, s in enumerate(problem.shifts):
        row = r + 2 + k
        put_text(ws, row, 1, s.code).fill = st.fill(colours[s.code])
        put_text(ws, row, 2, s.name)
        put(ws, row, 3, s.start.strftime("%H:%M"))
        put(ws, row, 4, s.end.strftime("%H:%M"))
        put(ws, row, 5, _hours(s.paid_minutes() / 60), st.HOURS_FMT)
    row = r + 2 + len(problem.shifts)
    put(ws, row, 1, i18n.text("sheet.legend.weekend", lang)).fill = st.fill(st.WEEKEND)
    put(ws, row + 1, 1, i18n.text("sheet.legend.holiday", lang)).fill = st.fill(st.HOLIDAY)
    put(ws, row + 2, 1, i18n.text("sheet.legend.colours", lang))
    if extra_time:
        put(ws, row + 3, 1, i18n.text("sheet.legend.extra_time", lang)).font = st.EXTRA_TIME_FONT
    _write_code_legend(ws, row + 4, lang)

    ws.freeze_panes = ws.cell(row=2, column=first_day_col)
    # Id and name as wide as the longest (the legend below spills right, so it does not count);
    # day columns as wide as the longest code in them (the heads stand upright).
    printing.fit_widths(ws, (1, 2))
    for j in range(len(days)):
        col = first_day_col + j
        longest = max((len(str(ws.cell(row=2 + i, column=col).value or ""))
                       for i in range(len(problem.employees))), default=0)
        ws.column_dimensions[get_column_letter(col)].width = max(st.DAY_WIDTH, longest + 2)
    for k in range(len(ROSTER_MARGIN)):
        ws.column_dimensions[get_column_letter(margin_col + k)].width = 8


VACATION_FILL = "C6E0B4"  # green: a vacation day (FE)
UNAVAILABLE_FILL = "BFBFBF"  # grey: a day away for another reason (UT: leave, a course …)


def _absence(problem: Problem, emp: str, day: date, lang: str, cell: Cell) -> bool:
    """Fill and comment an absence cell (the request(s) that make ``emp`` away on ``day``, by
    their number in the Requests sheet); True when it is a vacation (every request that day is
    one), else another absence."""
    hits = [(i, r) for i, r in enumerate(problem.requests, start=1)
            if r.employee == emp and r.kind == RequestKind.unavailable and r.start <= day <= r.end]
    vacation = bool(hits) and all(r.vacation for _, r in hits)
    cell.fill = st.fill(VACATION_FILL if vacation else UNAVAILABLE_FILL)
    lines = [i18n.text("sheet.roster.absence_request", lang, number=i, start=r.start.isoformat(),
                       end=r.end.isoformat(), what=i18n.text(
                           "sheet.roster.absence_vacation" if r.vacation
                           else "sheet.roster.absence_unavailable", lang))
             for i, r in hits]
    cell.comment = Comment("\n".join(lines), "roster")
    return vacation


def _mark_extra_time(cell: Cell, minutes: dict[str, int] | None, lang: str) -> None:
    """A shift with overtime or extra hours: distinct font and a comment with the hours."""
    if not minutes:
        return
    lines = [i18n.text(f"sheet.roster.{key}_comment", lang, hours=minutes[kind] / 60)
             for kind, key in (("overtime", "ot"), ("extra", "extra")) if minutes.get(kind)]
    cell.font = st.EXTRA_TIME_FONT
    cell.comment = Comment("\n".join(lines), "roster")


def _write_code_legend(ws: Worksheet, row: int, lang: str) -> None:
    """The day-off codes: what F1-F5 and FE mean, and that other days off are blank."""
    put(ws, row, 1, i18n.text("sheet.legend.codes", lang)).font = st.BOLD
    _header(ws, row + 1, _labels(("sheet.legend.code", "sheet.legend.meaning"), lang))
    fills = {dayoff.VACATION: VACATION_FILL, dayoff.UNAVAILABLE: UNAVAILABLE_FILL}
    for k, code in enumerate(LEGEND_CODES):
        c = put(ws, row + 2 + k, 1, code)
        c.font = st.DAY_OFF_FONT
        if code in fills:
            c.fill = st.fill(fills[code])
        put(ws, row + 2 + k, 2, i18n.text(f"dayoff.{code}", lang))
    put(ws, row + 2 + len(LEGEND_CODES), 2, i18n.text("dayoff.blank", lang))


# --------------------------------------------------------------------------------------------
# Coverage


COVERAGE_KEYS = tuple(f"sheet.coverage.{k}" for k in (
    "date", "weekday", "shift", "skill", "required", "target", "planned", "shortfall", "why"))
DAILY_KEYS = ("sheet.coverage.date", "sheet.coverage.required", "sheet.coverage.planned")
COVERAGE_HEADERS = _labels(COVERAGE_KEYS)
DAILY_HEADERS = _labels(DAILY_KEYS)


def _write_coverage_sheet(
    ws: Worksheet, problem: Problem, rows: Sequence[sm.CoverageRow], lang: str = "en",
    *, allow_overtime: bool = False, roster: Roster | None = None,
) -> None:
    """Coverage per demand row; a shortfall no one may legally work says why (the paragraph and
    the reason, from :mod:`scheduler.feasibility`)."""
    _header(ws, 1, _labels(COVERAGE_KEYS, lang))
    analysis = None
    if any(r.shortfall for r in rows):
        from scheduler import feasibility

        analysis = feasibility.analyse(problem, allow_overtime)
    for i, row in enumerate(rows):
        r = 2 + i
        put(ws, r, 1, row.day, st.DATE_FMT)
        put(ws, r, 2, i18n.text(f"weekday_short.{row.day.weekday()}", lang))
        put_text(ws, r, 3, row.shift)
        put_text(ws, r, 4, row.skill or i18n.text("sheet.coverage.any_skill", lang))
        put(ws, r, 5, row.required)
        put(ws, r, 6, row.target)
        put(ws, r, 7, row.planned)
        short = put(ws, r, 8, row.shortfall)
        if row.shortfall:
            for col in range(1, 9):
                ws.cell(row=r, column=col).fill = st.fill(st.SHORTFALL)
            short.font = st.RED_TEXT
            ws.cell(row=r, column=7).font = st.RED_TEXT
            if analysis is not None:
                why = (analysis.reason_for(row.day, row.shift, row.skill, lang) if roster is None
                       else feasibility.after_solve(problem, roster, analysis, row.day, row.shift,
                                                    row.skill, allow_overtime, lang))
                put_text(ws, r, 9, why)
    if not rows:
        put(ws, 2, 1, i18n.text("sheet.coverage.no_demand", lang))
    else:
        ws.auto_filter.ref = f"A1:I{1 + len(rows)}"
    ws.freeze_panes = "A2"
    _widths(ws, {1: 12, 2: 9, 3: 9, 4: 14, 5: 10, 6: 9, 7: 9, 8: 10, 9: 60})

    daily = sm.daily_coverage(rows)
    col0 = len(COVERAGE_HEADERS) + 2  # one blank column between the tables
    _header(ws, 1, _labels(DAILY_KEYS, lang), col0)
    for i, (d, req, got) in enumerate(daily):
        put(ws, 2 + i, col0, d, st.DATE_FMT)
        put(ws, 2 + i, col0 + 1, req)
        put(ws, 2 + i, col0 + 2, got)
    _widths(ws, {col0: 12, col0 + 1: 10, col0 + 2: 10})
    if daily:
        chart = BarChart()
        chart.type = "col"
        chart.title = i18n.text("sheet.coverage.chart_title", lang)
        chart.y_axis.title = i18n.text("sheet.coverage.chart_y", lang)
        chart.x_axis.title = i18n.text("sheet.coverage.chart_x", lang)
        chart.x_axis.number_format = "dd.mm"
        chart.x_axis.delete = False  # openpyxl 3.1 otherwise leaves the axes hidden in Excel
        chart.y_axis.delete = False
        data = Reference(ws, min_col=col0 + 1, max_col=col0 + 2, min_row=1, max_row=1 + len(daily))
        cats = Reference(ws, min_col=col0, min_row=2, max_row=1 + len(daily))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(cats)
        chart.legend.position = "b"  # below the plot: the series names are never cut
        chart.width = max(16.0, 0.6 * len(daily))
        chart.height = 8.0
        ws.add_chart(chart, f"{get_column_letter(col0 + 4)}2")


# --------------------------------------------------------------------------------------------
# Hours


HOURS_KEYS = tuple(f"sheet.hours.{k}" for k in (
    "employee", "name", "week_start", "days", "hours", "contract", "deviation", "extra",
    "overtime", "night", "sunday"))
HOURS_HEADERS = _labels(HOURS_KEYS)


def _write_hours_sheet(ws: Worksheet, problem: Problem, roster: Roster, lang: str = "en",
                       extra: xt.Ledger | None = None) -> None:
    _header(ws, 1, _labels(HOURS_KEYS, lang))
    names = {e.id: e.name for e in problem.employees}
    weeks = sm.weekly_hours(problem.settings, roster, problem.employees, problem.agreements,
                            sm.unavailable_days(problem),
                            extra if extra is not None else xt.ledger(problem, roster))
    for i, w in enumerate(weeks):
        r = 2 + i
        put_text(ws, r, 1, w.employee)
        put_text(ws, r, 2, names.get(w.employee, ""))
        put(ws, r, 3, w.week_start, st.DATE_FMT)
        put(ws, r, 4, w.days_in_horizon)
        values = (w.hours, w.contract, w.deviation, w.extra, w.overtime, w.night, w.sunday)
        for k, v in enumerate(values):
            # Extra hours and overtime unrounded: the weeks add up to the Summary to the minute.
            put(ws, r, 5 + k, v if k in (3, 4) else _hours(v), st.HOURS_FMT)
        if w.overtime > 0.005:
            ws.cell(row=r, column=9).font = st.RED_TEXT
    if weeks:
        ws.auto_filter.ref = f"A1:K{1 + len(weeks)}"
    ws.freeze_panes = "C2"
    _widths(ws, {1: 12, 2: 22, 3: 14, 4: 10, 5: 9, 6: 9, 7: 10, 8: 9, 9: 10, 10: 11, 11: 12})
    _write_weekends_table(ws, problem, roster, len(HOURS_KEYS) + 2, lang)


def _write_weekends_table(ws: Worksheet, problem: Problem, roster: Roster, col0: int,
                          lang: str) -> None:
    """Weekends worked per employee, beside the weekly hours (:mod:`scheduler.weekends`)."""
    days = problem.days()
    n = len(weekends.weekends(days))
    starts: dict[str, set[date]] = {}
    for p in roster.periods:
        starts.setdefault(p.employee, set()).add(sm.start_day(p.start))
    _header(ws, 1, [i18n.text(k, lang) for k in (
        "sheet.hours.employee", "sheet.weekends.worked", "sheet.weekends.total")], col0)
    for i, emp in enumerate(problem.employees):
        put_text(ws, 2 + i, col0, emp.id)
        put(ws, 2 + i, col0 + 1, sum(weekends.worked(days, starts.get(emp.id, set()))))
        put(ws, 2 + i, col0 + 2, n)
    _widths(ws, {col0: 12, col0 + 1: 16, col0 + 2: 12})


# --------------------------------------------------------------------------------------------
# Wishes (the Requests sheet's wishes: granted or not, and why)


WISH_KEYS = tuple(f"sheet.wishes.{k}" for k in (
    "number", "employee", "date", "kind", "shift", "weight", "granted", "reason"))


def _write_wishes_sheet(ws: Worksheet, wishes: Sequence[request_results.WishResult],
                        lang: str = "en") -> None:
    _header(ws, 1, _labels(WISH_KEYS, lang))
    for i, w in enumerate(wishes):
        r = 2 + i
        put(ws, r, 1, w.number)
        put_text(ws, r, 2, w.employee)
        put(ws, r, 3, w.day, st.DATE_FMT)
        put(ws, r, 4, i18n.text(f"sheet.wishes.kind.{w.kind.value}", lang))
        put_text(ws, r, 5, w.shift or "")
        put(ws, r, 6, w.weight)
        granted = put(ws, r, 7, i18n.text("sheet.wishes.yes" if w.granted else "sheet.wishes.no",
                                          lang))
        if not w.granted:
            granted.font = st.RED_TEXT
        put_text(ws, r, 8, w.text(lang)).alignment = st.WRAP
    ws.auto_filter.ref = f"A1:H{1 + len(wishes)}"
    ws.freeze_panes = "A2"
    _widths(ws, {1: 6, 2: 12, 3: 12, 4: 16, 5: 8, 6: 8, 7: 10, 8: 80})


# --------------------------------------------------------------------------------------------
# Violations


VIOLATION_KEYS = tuple(f"findings.{k}" for k in (
    "severity", "rule", "paragraph", "employee", "window_start", "window_end", "measured",
    "limit", "unit", "allowed_by", "message", "source"))
VIOLATION_HEADERS = _labels(VIOLATION_KEYS)


def _write_violations_sheet(ws: Worksheet, findings: Sequence[Finding], lang: str = "en") -> None:
    _header(ws, 1, _labels(VIOLATION_KEYS, lang))
    if not findings:
        put(ws, 2, 1, i18n.text("findings.none", lang))
        put(ws, 2, 11, i18n.text("findings.nothing", lang))
    for i, f in enumerate(findings):
        r = 2 + i
        put(ws, r, 1, i18n.severity(f.severity.value, lang))
        put(ws, r, 2, f.rule)
        put(ws, r, 3, f.paragraph)
        put_text(ws, r, 4, f.employee or "")
        put(ws, r, 5, _local_naive(f.window_start), st.DATETIME_FMT)
        put(ws, r, 6, _local_naive(f.window_end), st.DATETIME_FMT)
        put(ws, r, 7, f.measured)
        put(ws, r, 8, f.limit)
        put(ws, r, 9, i18n.unit(f.unit, lang))
        put(ws, r, 10, f.allowed_by.value if f.allowed_by else "")
        put_text(ws, r, 11, f.message).alignment = st.WRAP
        put(ws, r, 12, i18n.text(f"findings.source.{f.source.value}", lang))
        colour = st.VIOLATION if f.severity == Severity.violation else st.WARNING
        ws.cell(row=r, column=1).fill = st.fill(colour)
    if findings:
        ws.auto_filter.ref = f"A1:L{1 + len(findings)}"
    ws.freeze_panes = "A2"
    _widths(ws, {1: 10, 2: 30, 3: 12, 4: 12, 5: 17, 6: 17, 7: 10, 8: 8, 9: 8, 10: 20, 11: 80,
                 12: 10})


# --------------------------------------------------------------------------------------------
# Summary


def _write_summary_sheet(
    ws: Worksheet,
    problem: Problem,
    solution: Solution,
    findings: Sequence[Finding],
    rows: Sequence[sm.CoverageRow],
    run: RunInfo,
    lang: str = "en",
    extra: xt.Ledger | None = None,
) -> None:
    """What a planner asks first (coverage, every shortfall, violations and warnings, requests
    granted, overtime, the largest deviations from contract hours, weekends and nights per
    person), then the solver's figures in a section at the bottom."""
    def t(key: str, **args: object) -> str:
        return i18n.text(f"sheet.summary.{key}", lang, **args)

    roster = roster_of(problem, solution)
    _header(ws, 1, [t("item"), t("value")])
    n_viol = sum(1 for f in findings if f.severity == Severity.violation)
    granted, wished = metrics.requests_granted(problem, roster)
    items: list[tuple[str, object, str | None]] = [
        (t("horizon_start"), problem.settings.start, st.DATE_FMT),
        (t("horizon_end"), problem.settings.end, st.DATE_FMT),
        (t("coverage"), round(sm.coverage_pct(rows), 2), None),
        (t("shortfall"), sum(r.shortfall for r in rows), None),
        (t("violations"), n_viol, None),
        (t("warnings"), len(findings) - n_viol, None),
        (t("requests_granted"), granted, None),
        (t("requests_total"), wished, None),
    ]
    items += _overtime_items(problem, roster, run, t, extra)
    r = _items(ws, 2, items)
    r = _texts(ws, r, ((t("site"), problem.settings.site_name),))
    r = _shortfall_table(ws, r + 1, rows, lang)
    r = _deviation_table(ws, r + 1, problem, roster, lang)
    r = _per_person_table(ws, r + 1, problem, roster, lang)
    if solution.conflicts:
        put(ws, r + 1, 1, t("conflicts")).font = st.BOLD
        _header(ws, r + 2, [t("conflict_rule"), t("conflict_employee"), t("conflict_days"),
                            t("conflict_explanation")])
        for k, con in enumerate(solution.conflicts):
            put(ws, r + 3 + k, 1, con.rule)
            put_text(ws, r + 3 + k, 2, con.employee or "")
            put(ws, r + 3 + k, 3, ", ".join(d.isoformat() for d in con.days))
            put_text(ws, r + 3 + k, 4, con.message)
        r += 3 + len(solution.conflicts)

    # The solver's figures, at the bottom.
    search = sm.search_outcome(solution, run.options.time_limit, lang)
    solver: list[tuple[str, object, str | None]] = [
        (t("status"), _status(solution.status, lang) + (t("stopped") if run.interrupted else ""),
         None),
        (t("objective"), solution.objective, None),
    ]
    for tier, value in solution.objective_by_tier.items():
        solver.append((t("objective_tier", tier=_known(f"sheet.summary.tier.{tier}", tier, lang)),
                       value, None))
    solver += [
        (t("best_bound"), solution.best_bound, None),
        (t("gap"), None if solution.gap_pct is None else round(solution.gap_pct, 3), None),
        (t("wall_time"), round(solution.wall_seconds, 2), None),
        (t("first_solution"),
         None if solution.first_solution_seconds is None else round(solution.first_solution_seconds, 2),
         None),
        (t("time_limit"), run.options.time_limit, None),
        (t("work_limit"), solution.work_limit, None),
        (t("work"), round(solution.work, 4), None),
        (t("stopped_by"), search[0], None),
        (t("reproducible"), search[1], None),
        (t("seed"), solution.seed, None),
        (t("workers"), solution.workers, None),
        (t("ruleset"), RULESET_VERSION, None),
        (t("version"), __version__, None),
        (t("sha"), run.input_sha256, None),
    ]
    if run.written_at is not None:
        solver.append((t("written_at"), _local_naive(run.written_at), st.DATETIME_FMT))
    _header(ws, r + 1, [t("solver_section"), ""])
    r = _items(ws, r + 2, solver)
    _texts(ws, r, ((t("input_file"), run.input_path.name),))
    _widths(ws, {1: 40, 2: 40})


def _items(ws: Worksheet, row: int, items: Sequence[tuple[str, object, str | None]]) -> int:
    """Label/value rows from ``row``; returns the next free row."""
    for i, (label, value, fmt) in enumerate(items):
        put(ws, row + i, 1, label).font = st.BOLD
        put(ws, row + i, 2, value, fmt).alignment = st.WRAP
    return row + len(items)


def _texts(ws: Worksheet, row: int, items: Sequence[tuple[str, str]]) -> int:
    """Label/user-text rows (written as text, never a formula); returns the next free row."""
    for i, (label, text) in enumerate(items):
        put(ws, row + i, 1, label).font = st.BOLD
        put_text(ws, row + i, 2, text)
    return row + len(items)


def _table(ws: Worksheet, row: int, title: str, headers: Sequence[str],
           body: Sequence[Sequence[tuple[object, str | None]]], empty: str = "") -> int:
    """A titled table from ``row`` (user text in the first two columns goes in as text);
    returns the row after it."""
    put(ws, row, 1, title).font = st.BOLD
    _header(ws, row + 1, headers)
    if not body and empty:
        put(ws, row + 2, 1, empty)
        return row + 3
    for i, values in enumerate(body):
        for k, (value, fmt) in enumerate(values):
            if isinstance(value, str):
                put_text(ws, row + 2 + i, 1 + k, value)
            else:
                put(ws, row + 2 + i, 1 + k, value, fmt)
    return row + 2 + len(body)


def _shortfall_table(ws: Worksheet, row: int, rows: Sequence[sm.CoverageRow], lang: str) -> int:
    """Every demand row below its minimum: date, shift, skill, how many are missing."""
    body = [[(r.day, st.DATE_FMT), (r.shift, None),
             (r.skill or i18n.text("sheet.coverage.any_skill", lang), None), (r.shortfall, None)]
            for r in rows if r.shortfall]
    end = _table(ws, row, i18n.text("sheet.summary.shortfalls", lang),
                 _labels(("sheet.coverage.date", "sheet.coverage.shift", "sheet.coverage.skill",
                          "sheet.coverage.shortfall"), lang),
                 body, i18n.text("sheet.summary.no_shortfalls", lang))
    for k in range(len(body)):
        ws.cell(row=row + 2 + k, column=4).font = st.RED_TEXT
    return end


SUMMARY_DEVIATIONS = 5  # the largest deviations from contract hours shown in the Summary


def _deviation_table(ws: Worksheet, row: int, problem: Problem, roster: Roster, lang: str) -> int:
    """The employees furthest from their contract hours (largest |hours - contract| first)."""
    totals = sm.employee_totals(problem.settings, roster, problem.employees,
                                sm.unavailable_days(problem), problem.agreements)
    names = {e.id: e.name for e in problem.employees}
    top = sorted(totals, key=lambda t: (-abs(t.deviation), t.employee))[:SUMMARY_DEVIATIONS]
    body = [[(t.employee, None), (names.get(t.employee, ""), None),
             (_hours(t.hours), st.HOURS_FMT), (_hours(t.contract), st.HOURS_FMT),
             (_hours(t.deviation), st.HOURS_FMT)] for t in top]
    return _table(ws, row, i18n.text("sheet.summary.deviations", lang),
                  _labels(("sheet.roster.employee", "sheet.roster.name", "sheet.roster.hours",
                           "sheet.roster.contract", "sheet.roster.deviation"), lang), body)


def _per_person_table(ws: Worksheet, row: int, problem: Problem, roster: Roster,
                      lang: str) -> int:
    """Weekends worked and night shifts per employee (the solver's fairness measures)."""
    days = problem.days()
    starts: dict[str, set[date]] = {}
    for p in roster.periods:
        starts.setdefault(p.employee, set()).add(sm.start_day(p.start))
    nights, _ = metrics.shift_counts(problem, roster)
    body = [[(e.id, None), (e.name, None),
             (sum(weekends.worked(days, starts.get(e.id, set()))), None),
             (nights.get(e.id, 0), None)] for e in problem.employees]
    return _table(ws, row, i18n.text("sheet.summary.per_person", lang),
                  _labels(("sheet.roster.employee", "sheet.roster.name", "sheet.weekends.worked",
                           "sheet.summary.nights"), lang), body)


def _known(key: str, fallback: str, lang: str) -> str:
    """The catalogue entry ``key`` in ``lang``, or ``fallback`` (an identifier) without one."""
    return i18n.text(key, lang) if key in i18n.catalogue("en") else fallback


def _status(status: str, lang: str) -> str:
    """The solver status in words (``FEASIBLE`` → ``feasible`` / ``gjennomførbar``)."""
    return _known(f"sheet.summary.status.{status}", status, lang)


# --------------------------------------------------------------------------------------------
# Overtime: Summary lines and the Headroom sheet (scheduler.extra_time, scheduler.headroom)


def shows_overtime(problem: Problem, roster: Roster, run: RunInfo) -> bool:
    """Overtime was allowed, or the roster or the history has overtime or extra hours."""
    s = problem.settings
    return bool(
        run.options.allow_overtime or s.allow_overtime
        or any(p.kind != "planned" for p in roster.periods)
        or any(h.kind == "overtime" for h in problem.history)
        or any(h.overtime_ytd_hours > 0 for h in problem.employee_history)
    )


def _overtime_items(problem: Problem, roster: Roster, run: RunInfo, t: Any,
                    extra: xt.Ledger | None = None) -> list[tuple[str, object, str | None]]:
    if not shows_overtime(problem, roster, run):
        return []
    c = xt.costs(problem, extra if extra is not None else xt.ledger(problem, roster))
    unknown = t("cost_unknown")

    def money(x: float | None) -> object:
        return unknown if x is None else x

    return [
        (t("overtime_hours"), c.overtime_hours, st.HOURS_FMT),
        (t("extra_hours"), c.extra_hours, st.HOURS_FMT),
        (t("overtime_cost"), money(c.overtime_cost), None),
        (t("overtime_premium_cost", pct=problem.settings.overtime_premium_pct),
         money(c.overtime_premium_cost), None),
        (t("extra_cost"), money(c.extra_cost), None),
    ]


def _free_title(wb: Workbook, name: str, lang: str) -> str:
    """A title for one more output sheet that no sheet in ``wb`` has yet."""
    taken = {n.casefold() for n in wb.sheetnames}
    label = i18n.text(f"sheet.name.{name}", lang)
    title, n = label, 1
    while title.casefold() in taken:
        suffix = (i18n.text("sheet.solved_suffix", lang) if n == 1
                  else i18n.text("sheet.solved_suffix_n", lang, n=n))
        title = label[: _MAX_TITLE - len(suffix)] + suffix
        n += 1
    return title


HEADROOM_KEYS = tuple(f"sheet.headroom.{k}" for k in (
    "employee", "name", "cap", "window_start", "window_end", "limit", "used", "remaining", "note",
    "roster_overtime", "roster_extra"))


def _write_headroom_sheet(ws: Worksheet, problem: Problem, roster: Roster, lang: str,
                          extra: xt.Ledger | None = None) -> None:
    """Remaining overtime per employee under each § 10-6 cap after the horizon, and the
    overtime and extra hours of this roster per employee (the measure the Summary and Hours
    sheets use)."""
    from scheduler.headroom import headroom

    extra = extra if extra is not None else xt.ledger(problem, roster)
    _header(ws, 1, _labels(HEADROOM_KEYS, lang))
    names = {e.id: e.name for e in problem.employees}
    rows = headroom(problem, roster)
    for i, h in enumerate(rows):
        r = 2 + i
        put_text(ws, r, 1, h.employee)
        put_text(ws, r, 2, names.get(h.employee, ""))
        put(ws, r, 3, i18n.text(f"sheet.headroom.cap_{h.cap}", lang))
        put(ws, r, 4, _local_naive(h.window_start), st.DATETIME_FMT)
        put(ws, r, 5, _local_naive(h.window_end), st.DATETIME_FMT)
        put(ws, r, 6, _hours(h.limit), st.HOURS_FMT)
        put(ws, r, 7, _hours(h.used), st.HOURS_FMT)
        left = put(ws, r, 8, _hours(h.remaining), st.HOURS_FMT)
        if h.remaining < 0.005:
            left.font = st.RED_TEXT
        note = ("sheet.headroom.no_overtime" if not h.may_work_overtime
                else "sheet.headroom.consent_cap" if h.consent_cap else None)
        if note:
            put(ws, r, 9, i18n.text(note, lang))
        put(ws, r, 10, extra.minutes(h.employee, PeriodKind.overtime) / 60, st.HOURS_FMT)
        put(ws, r, 11, extra.minutes(h.employee, PeriodKind.extra) / 60, st.HOURS_FMT)
    put(ws, 3 + len(rows), 1, i18n.text("sheet.headroom.explain", lang))  # spills right
    if rows:
        ws.auto_filter.ref = f"A1:K{1 + len(rows)}"
    ws.freeze_panes = "C2"
    _widths(ws, {1: 12, 2: 22, 3: 22, 4: 17, 5: 17, 6: 9, 7: 12, 8: 11, 9: 50, 10: 14, 11: 14})


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

