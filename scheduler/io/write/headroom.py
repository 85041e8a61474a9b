"""The ``Headroom`` sheet: remaining overtime per employee under each § 10-6 cap after the
horizon, and the overtime and extra hours of this roster per employee."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from scheduler import extra_time as xt
from scheduler import i18n
from scheduler.io.write import styles as st
from scheduler.io.write.cells import (
    header,
    labels,
    local_naive,
    put,
    put_text,
    round_hours,
    widths,
)
from scheduler.model import PeriodKind, Problem, Roster

HEADROOM_KEYS = tuple(f"sheet.headroom.{k}" for k in (
    "employee", "name", "cap", "window_start", "window_end", "limit", "used", "remaining", "note",
    "roster_overtime", "roster_extra"))


def write_headroom_sheet(ws: Worksheet, problem: Problem, roster: Roster, lang: str,
                         extra: xt.Ledger | None = None) -> None:
    """Remaining overtime per employee under each § 10-6 cap after the horizon, and the
    overtime and extra hours of this roster per employee (the measure the Summary and Hours
    sheets use)."""
    from scheduler.headroom import headroom

    extra = extra if extra is not None else xt.ledger(problem, roster)
    header(ws, 1, labels(HEADROOM_KEYS, lang))
    names = {e.id: e.name for e in problem.employees}
    rows = headroom(problem, roster)
    for i, h in enumerate(rows):
        r = 2 + i
        put_text(ws, r, 1, h.employee)
        put_text(ws, r, 2, names.get(h.employee, ""))
        put(ws, r, 3, i18n.text(f"sheet.headroom.cap_{h.cap}", lang))
        put(ws, r, 4, local_naive(h.window_start), st.DATETIME_FMT)
        put(ws, r, 5, local_naive(h.window_end), st.DATETIME_FMT)
        put(ws, r, 6, round_hours(h.limit), st.HOURS_FMT)
        put(ws, r, 7, round_hours(h.used), st.HOURS_FMT)
        left = put(ws, r, 8, round_hours(h.remaining), st.HOURS_FMT)
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
    widths(ws, {1: 12, 2: 22, 3: 22, 4: 17, 5: 17, 6: 9, 7: 12, 8: 11, 9: 50, 10: 14, 11: 14})
