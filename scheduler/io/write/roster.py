"""The ``Roster`` sheet: employees × dates, one fill colour per shift type, weekends and public
holidays shaded, absences (FE / UT) with the request behind them, turnus day-off codes, the
hours against contract in the right margin, and a legend below."""

from __future__ import annotations

from datetime import date

from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler import dayoff, i18n
from scheduler import extra_time as xt
from scheduler import summary as sm
from scheduler.calendar import public_holidays
from scheduler.i18n import formats
from scheduler.io.write import printing
from scheduler.io.write import styles as st
from scheduler.io.write.cells import (
    header,
    labels,
    put,
    put_text,
    round_hours,
)
from scheduler.model import Problem, RequestKind, Roster
from scheduler.turnus_marks import Marks

LEGEND_CODES: tuple[str, ...] = (*dayoff.F_CODES, dayoff.VACATION, dayoff.UNAVAILABLE)


ROSTER_MARGIN_KEYS = (
    "sheet.roster.shifts", "sheet.roster.hours", "sheet.roster.contract", "sheet.roster.deviation",
)
ROSTER_MARGIN = labels(ROSTER_MARGIN_KEYS)


def write_roster_sheet(
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
    header(ws, 1, labels(("sheet.roster.employee", "sheet.roster.name"), lang))
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
    header(ws, 1, labels(ROSTER_MARGIN_KEYS, lang), margin_col)
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
        put(ws, r, margin_col + 1, round_hours(t.hours), st.HOURS_FMT)
        put(ws, r, margin_col + 2, round_hours(t.contract), st.HOURS_FMT)
        dev = put(ws, r, margin_col + 3, round_hours(t.deviation), st.HOURS_FMT)
        if t.deviation < -0.005:
            dev.font = st.RED_TEXT

    # Legend below the grid.
    r = 3 + len(problem.employees)
    put(ws, r, 1, i18n.text("sheet.legend.title", lang)).font = st.BOLD
    header(ws, r + 1, labels(("sheet.legend.shift", "sheet.legend.name", "sheet.legend.start",
                                "sheet.legend.end", "sheet.legend.hours"), lang))
    for k, s in enumerate(problem.shifts):
        row = r + 2 + k
        put_text(ws, row, 1, s.code).fill = st.fill(colours[s.code])
        put_text(ws, row, 2, s.name)
        put(ws, row, 3, s.start.strftime("%H:%M"))
        put(ws, row, 4, s.end.strftime("%H:%M"))
        put(ws, row, 5, round_hours(s.paid_minutes() / 60), st.HOURS_FMT)
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
    header(ws, row + 1, labels(("sheet.legend.code", "sheet.legend.meaning"), lang))
    fills = {dayoff.VACATION: VACATION_FILL, dayoff.UNAVAILABLE: UNAVAILABLE_FILL}
    for k, code in enumerate(LEGEND_CODES):
        c = put(ws, row + 2 + k, 1, code)
        c.font = st.DAY_OFF_FONT
        if code in fills:
            c.fill = st.fill(fills[code])
        put(ws, row + 2 + k, 2, i18n.text(f"dayoff.{code}", lang))
    put(ws, row + 2 + len(LEGEND_CODES), 2, i18n.text("dayoff.blank", lang))
