"""The Fixed sheet (Faste): assignments the solver must keep."""

from __future__ import annotations

from datetime import date

from scheduler import dayoff
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book
from scheduler.io.read.table import missing_columns
from scheduler.model import FixedAssignment, RequestKind


def read_fixed(bk: Book) -> None:
    table = bk.table("fixed")
    if table is None:
        return
    if not missing_columns(table, S.FIXED, bk.out):
        return
    seen: dict[tuple[str, date], str] = {}
    unavailable = {
        (r.employee, d): rr for r, rr in bk.request_rows
        if r.kind == RequestKind.unavailable for d in r.days()
    }
    off_words = {S.norm(x) for x in S.OFF_WORDS}
    for row in table.rows:
        emp = bk.emp_id(table, row, "employee")
        raw_day = row.get("date")
        day = None
        if C.is_empty(raw_day):
            bk.out.add("the date is missing", table.title, row.ref("date"))
        else:
            day = C.parse_date(raw_day, bk.at(table, row, "date"), **bk.date_kw())
            if day is not None and not bk.in_horizon(day, bk.at(table, row, "date")):
                day = None
        code_text = C.text(row.get("shift"))
        code: str | None = None
        if code_text is None:
            bk.out.add("the shift code is missing (a code, or OFF for a day off)",
                       table.title, row.ref("shift"))
        elif (S.norm(code_text) in off_words or dayoff.reserved(code_text)) \
                and code_text not in bk.codes:
            code = "OFF"
        else:
            code = bk.shift_code(code_text, bk.at(table, row, "shift"))
        if emp is None or day is None or code is None:
            continue
        if (emp, day) in seen:
            bk.out.add(f"{emp!r} is already fixed on {day.isoformat()} (in "
                       f"{seen[emp, day]})", table.title, row.ref("date"))
            continue
        seen[emp, day] = row.ref("date")
        if code != "OFF" and (emp, day) in unavailable:
            bk.out.add(f"{emp!r} is fixed to {code} on {day.isoformat()} but is "
                       f"unavailable that day (Requests row {unavailable[emp, day]})",
                       table.title, row.ref("shift"))
            continue
        bk.fixed.append(FixedAssignment(employee=emp, day=day, shift=code))
