"""``roster replan``'s output: the Changes sheet (Norwegian ``Endringer``): every cell the
re-plan changed (employee, date, published, new), when the change takes effect and whether it
lies within the 14-day notice of § 10-3 (``AML-10-3-plan``: it then needs the employee's
agreement or a reason the law accepts, and says so); and the marks on the changed cells of the
Roster grid (a fill, and a comment with the published value).
:func:`scheduler.io.write.replan.write_replan_workbook` writes the roster workbook with
both."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from openpyxl.comments import Comment
from openpyxl.worksheet.worksheet import Worksheet

from scheduler import i18n
from scheduler.io.write import styles as st
from scheduler.io.write.cells import header, labels, local_naive, put, put_text
from scheduler.model import Problem
from scheduler.replan.changes import Absence
from scheduler.replan.diff import CellChange

CHANGED_FILL = "FFD966"  # amber: a cell the re-plan changed
WITHIN_FILL = "F8CBAD"  # a change within the § 10-3 notice
FIRST_DAY_COL = 3  # the Roster grid's first date column (write/roster.py)

COLUMNS = ("replan.sheet.employee", "replan.sheet.name", "replan.sheet.date",
           "replan.sheet.old", "replan.sheet.new", "replan.sheet.kind",
           "replan.sheet.effective", "replan.sheet.notice", "replan.sheet.note")


def _shown(code: str | None, lang: str) -> str:
    return code if code is not None else i18n.text("replan.sheet.off", lang)


def _absent(absences: Sequence[Absence], emp: str, day: date) -> Absence | None:
    return next((a for a in absences if a.employee == emp and a.start <= day <= a.end), None)


def write_changes_sheet(ws: Worksheet, problem: Problem, changes: Sequence[CellChange],
                        now: datetime, absences: Sequence[Absence], lang: str) -> None:
    """One row per changed cell, in date then employee order, under a title line."""
    names = {e.id: e.name for e in problem.employees}
    who = {c.employee for c in changes}
    put(ws, 1, 1, i18n.text("replan.sheet.title", lang,
                            now=local_naive(now).strftime("%Y-%m-%d %H:%M"),  # type: ignore[union-attr]
                            changed=len(changes), employees=len(who))).font = st.BOLD
    header(ws, 2, labels(COLUMNS, lang))
    if not changes:
        put(ws, 3, 1, i18n.text("replan.sheet.none", lang))
    for r, c in enumerate(changes, start=3):
        put_text(ws, r, 1, c.employee)
        put_text(ws, r, 2, names.get(c.employee, ""))
        put(ws, r, 3, c.day, st.DATE_FMT)
        put_text(ws, r, 4, _shown(c.old, lang))
        put_text(ws, r, 5, _shown(c.new, lang))
        put(ws, r, 6, i18n.text(f"replan.sheet.kind.{c.kind.value}", lang))
        put(ws, r, 7, local_naive(c.effective), st.DATETIME_FMT)
        flag = put(ws, r, 8, i18n.text("replan.sheet.yes" if c.within_notice
                                       else "replan.sheet.no", lang))
        notes = []
        away = _absent(absences, c.employee, c.day)
        if away is not None and c.new is None:
            notes.append(i18n.text("replan.sheet.absent_note", lang,
                                   kind=i18n.text(f"replan.absence.{away.kind.value}", lang)))
        if c.within_notice:
            flag.fill = st.fill(WITHIN_FILL)
            flag.font = st.BOLD
            notes.append(i18n.text("replan.sheet.within_note", lang))
        put(ws, r, 9, "; ".join(notes)).alignment = st.WRAP
    ws.freeze_panes = ws.cell(row=3, column=1)
    ws.auto_filter.ref = f"A2:I{max(3, 2 + len(changes))}"


def mark_absences(ws: Worksheet, problem: Problem, absences: Sequence[Absence],
                  lang: str) -> None:
    """The comment of each day of a re-plan's absence in the Roster grid names its Changes row
    (the grid's own comment would count it among the Requests sheet's rows)."""
    rows = {e.id: 2 + i for i, e in enumerate(problem.employees)}
    cols = {d: FIRST_DAY_COL + j for j, d in enumerate(problem.days())}
    for ab in absences:
        for day in problem.days():
            r, col = rows.get(ab.employee), cols.get(day)
            if r is None or col is None or not ab.start <= day <= ab.end:
                continue
            cell = ws.cell(row=r, column=col)
            if cell.comment is None:
                continue  # a day the absence leaves alone (a shift that had started)
            cell.comment = Comment(i18n.text(
                "replan.cell_absence", lang,
                kind=i18n.text(f"replan.absence.{ab.kind.value}", lang),
                start=ab.start.isoformat(), end=ab.end.isoformat(), ref=ab.ref), "roster")


def mark_changed_cells(ws: Worksheet, problem: Problem, changes: Sequence[CellChange],
                       lang: str) -> None:
    """Fill each changed cell of the Roster grid and add a comment with its published value
    (after any comment the grid wrote there, e.g. the absence behind a UT)."""
    rows = {e.id: 2 + i for i, e in enumerate(problem.employees)}
    cols = {d: FIRST_DAY_COL + j for j, d in enumerate(problem.days())}
    for c in changes:
        r, col = rows.get(c.employee), cols.get(c.day)
        if r is None or col is None:
            continue
        cell = ws.cell(row=r, column=col)
        cell.fill = st.fill(CHANGED_FILL)
        line = i18n.text("replan.cell_comment", lang, old=_shown(c.old, lang))
        before = cell.comment.text + "\n" if cell.comment is not None else ""
        cell.comment = Comment(before + line, "roster")
