"""The Shifts sheet (Vakter): one row per shift type."""

from __future__ import annotations

from typing import Any

from scheduler import dayoff
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book
from scheduler.io.read.table import missing_columns
from scheduler.model import ShiftType

_ON_CALL = {S.norm(k): v for k, v in (
    ("site", "site"), ("on site", "site"), ("på stedet", "site"), ("tilstedevakt", "site"),
    ("home", "home"), ("from home", "home"), ("hjemme", "home"), ("hjemmevakt", "home"),
)}


def read_shifts(bk: Book, required: bool) -> None:
    table = bk.table("shifts")
    if table is None:
        if required:
            bk.require_sheet("shifts")
        return
    if not missing_columns(table, S.SHIFTS, bk.out):
        return
    seen: dict[str, str] = {}
    seen_as: dict[str, str] = {}  # lower-case code -> the code as written
    for row in table.rows:
        code = C.text(row.get("code"))
        if code is None:
            bk.out.add("the shift code is missing", table.title, row.ref("code"))
            continue
        w = bk.at(table, row, "code")
        if S.norm(code) in {S.norm(x) for x in S.OFF_WORDS} or dayoff.reserved(code):
            w.problem(f"{code!r} is reserved for a day off and cannot be a shift code "
                      "(day-off codes: OFF, FRI, F1-F5, FE, Ferie, -)")
            continue
        if any(ch in code for ch in ":,;"):
            w.problem(f"the shift code {code!r} must not contain ':', ',' or ';'")
            continue
        if code.lower() in seen:
            w.problem(f"the shift code {code!r} is already used in {seen[code.lower()]}")
            continue
        seen[code.lower()] = row.ref("code")
        seen_as[code.lower()] = code
        start = C.parse_time(row.get("start"), bk.at(table, row, "start"))
        end = C.parse_time(row.get("end"), bk.at(table, row, "end"))
        if row.get("start") is None:
            bk.out.add("the start time is missing", table.title, row.ref("start"))
        if row.get("end") is None:
            bk.out.add("the end time is missing", table.title, row.ref("end"))
        brk = C.parse_number(row.get("break_minutes"), bk.at(table, row, "break_minutes"),
                             integer=True, minimum=0, maximum=240, what="minutes")
        paid = C.parse_bool(row.get("break_counts_as_work"),
                            bk.at(table, row, "break_counts_as_work"), default=True)
        if start is None or end is None:
            continue
        kwargs: dict[str, Any] = {"code": code, "name": C.text(row.get("name")) or "",
                                  "start": start, "end": end,
                                  "break_counts_as_work": bool(paid)}
        if brk is not None:
            kwargs["break_minutes"] = brk
        passive = C.parse_number(row.get("passive_minutes"),
                                 bk.at(table, row, "passive_minutes"), integer=True,
                                 minimum=0, maximum=1440, what="minutes")
        if passive:
            kwargs["passive_minutes"] = passive
        on_call = C.text(row.get("on_call"))
        if on_call:
            kind = _ON_CALL.get(S.norm(on_call))
            if kind is None:
                bk.at(table, row, "on_call").problem(
                    f"expected site or home (på stedet / hjemme), found {on_call!r}")
                continue
            kwargs["on_call"] = kind
        st = bk.build(ShiftType, kwargs, table, row, default_field="break_minutes")
        if st is not None:
            bk.shifts.append(st)
            bk.codes[st.code] = st.code
            bk.codes.setdefault(st.code.lower(), st.code)
    # A code whose row has an error (a bad time, break …) is not "unknown" where it is used.
    bk.broken_codes.update(c for code in seen for c in (code, seen_as[code])
                           if code not in bk.codes)
    if not bk.shifts and required and not table.rows:
        bk.out.add("no shift types are defined", table.title, f"A{table.header_row + 1}")
