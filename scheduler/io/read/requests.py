"""The Requests sheet (Ønsker): wishes and unavailability."""

from __future__ import annotations

from datetime import date
from typing import Any

from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book
from scheduler.io.read.table import Row, Table, missing_columns
from scheduler.model import Request, RequestKind


def read_requests(bk: Book) -> None:
    table = bk.table("requests")
    if table is None:
        return
    if not missing_columns(table, S.REQUESTS, bk.out):
        return
    if "date" not in table.cols and "from" not in table.cols:
        bk.out.add("the Requests sheet needs a date column, or from and to columns",
                   table.title, f"A{table.header_row}")
        return
    for row in table.rows:
        emp = bk.emp_id(table, row, "employee")
        kind_text = C.text(row.get("kind"))
        kind: str | None = None
        if kind_text is None:
            bk.out.add("the kind of request is missing (unavailable, day_off, shift_wish "
                       "or avoid_shift)", table.title, row.ref("kind"))
        else:
            kind = S.match_word(kind_text, S.REQUEST_KINDS)
            if kind is None:
                bk.out.add(f"unknown kind of request {kind_text!r} (use unavailable, "
                           "day_off, shift_wish or avoid_shift)", table.title,
                           row.ref("kind"))
        code = None
        if not C.is_empty(row.get("shift")):
            code = bk.shift_code(row.get("shift"), bk.at(table, row, "shift"))
            if code is None:
                continue
        if kind in ("shift_wish", "avoid_shift") and code is None:
            bk.out.add(f"a {kind} request needs a shift code", table.title,
                       row.ref("shift"))
            continue
        first, last = request_days(bk, table, row)
        weight = C.parse_number(row.get("weight"), bk.at(table, row, "weight"), minimum=0)
        if C.is_empty(row.get("weight")) is False and weight is None:
            continue
        if emp is None or kind is None or first is None or last is None:
            continue
        if bk.start is not None and bk.end is not None:
            if last < bk.start or first > bk.end:
                bk.out.add(f"the request ({first.isoformat()} to {last.isoformat()}) lies "
                           f"outside the horizon {bk.start.isoformat()} to "
                           f"{bk.end.isoformat()}", table.title,
                           row.ref("date" if "date" in table.cols and
                                     not C.is_empty(row.get("date")) else "from"))
                continue
            first, last = max(first, bk.start), min(last, bk.end)
        kw: dict[str, Any] = {"employee": emp, "start": first, "end": last,
                              "kind": RequestKind(S.request_kind(kind)), "shift": code,
                              "vacation": kind == "vacation"}
        if weight is not None:
            kw["weight"] = weight
        req = bk.build(Request, kw, table, row,
                       fields={"start": "from", "end": "to"}, default_field="kind")
        if req is not None:
            bk.requests.append(req)
            bk.request_rows.append((req, row.r))


def request_days(bk: Book, table: Table, row: Row) -> tuple[date | None, date | None]:
    kw = bk.date_kw()
    one = row.get("date")
    frm, to = row.get("from"), row.get("to")
    if not C.is_empty(one):
        if not C.is_empty(frm) or not C.is_empty(to):
            bk.out.add("give either date, or from and to, not both", table.title,
                       row.ref("date"))
            return None, None
        d = C.parse_date(one, bk.at(table, row, "date"), **kw)
        return d, d
    if C.is_empty(frm):
        bk.out.add("the date is missing (give date, or from and to)", table.title,
                   row.ref("date" if "date" in table.cols else "from"))
        return None, None
    a = C.parse_date(frm, bk.at(table, row, "from"), **kw)
    b = C.parse_date(to, bk.at(table, row, "to"), **kw) if not C.is_empty(to) else a
    if a is not None and b is not None and b < a:
        bk.out.add(f"the request ends ({b.isoformat()}) before it starts "
                   f"({a.isoformat()})", table.title, row.ref("to"))
        return None, None
    return a, b
