"""The ``Hours`` sheet: per employee per week hours, contract, deviation, extra, overtime, night
and Sunday/holiday hours, and the weekends worked beside them."""

from __future__ import annotations

from datetime import date

from openpyxl.worksheet.worksheet import Worksheet

from scheduler import extra_time as xt
from scheduler import i18n, weekends
from scheduler import summary as sm
from scheduler.io.write import styles as st
from scheduler.io.write.cells import (
    header,
    labels,
    put,
    put_text,
    round_hours,
    widths,
)
from scheduler.model import Problem, Roster

HOURS_KEYS = tuple(f"sheet.hours.{k}" for k in (
    "employee", "name", "week_start", "days", "hours", "contract", "deviation", "extra",
    "overtime", "night", "sunday"))
HOURS_HEADERS = labels(HOURS_KEYS)


def write_hours_sheet(ws: Worksheet, problem: Problem, roster: Roster, lang: str = "en",
                      extra: xt.Ledger | None = None) -> None:
    header(ws, 1, labels(HOURS_KEYS, lang))
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
            put(ws, r, 5 + k, v if k in (3, 4) else round_hours(v), st.HOURS_FMT)
        if w.overtime > 0.005:
            ws.cell(row=r, column=9).font = st.RED_TEXT
    if weeks:
        ws.auto_filter.ref = f"A1:K{1 + len(weeks)}"
    ws.freeze_panes = "C2"
    widths(ws, {1: 12, 2: 22, 3: 14, 4: 10, 5: 9, 6: 9, 7: 10, 8: 9, 9: 10, 10: 11, 11: 12})
    _write_weekends_table(ws, problem, roster, len(HOURS_KEYS) + 2, lang)


def _write_weekends_table(ws: Worksheet, problem: Problem, roster: Roster, col0: int,
                          lang: str) -> None:
    """Weekends worked per employee, beside the weekly hours (:mod:`scheduler.weekends`)."""
    days = problem.days()
    n = len(weekends.weekends(days))
    starts: dict[str, set[date]] = {}
    for p in roster.periods:
        starts.setdefault(p.employee, set()).add(sm.start_day(p.start))
    header(ws, 1, [i18n.text(k, lang) for k in (
        "sheet.hours.employee", "sheet.weekends.worked", "sheet.weekends.total")], col0)
    for i, emp in enumerate(problem.employees):
        put_text(ws, 2 + i, col0, emp.id)
        put(ws, 2 + i, col0 + 1, sum(weekends.worked(days, starts.get(emp.id, set()))))
        put(ws, 2 + i, col0 + 2, n)
    widths(ws, {col0: 12, col0 + 1: 16, col0 + 2: 12})
