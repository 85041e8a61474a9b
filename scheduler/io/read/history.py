"""The History sheet (Historikk): work before the horizon, and per-employee figures."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from scheduler.calendar import public_holidays
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book
from scheduler.io.read.table import Row, Table, missing_columns
from scheduler.model import EmployeeHistory, HistoryPeriod, PeriodKind


def read_history(bk: Book) -> None:
    table = bk.table("history")
    if table is None:
        return
    if not missing_columns(table, S.HISTORY, bk.out):
        return
    summary: dict[str, dict[str, Any]] = {}
    summary_refs: dict[tuple[str, str], str] = {}
    for row in table.rows:
        emp = bk.emp_id(table, row, "employee")
        if emp is None:
            continue
        has_period = not C.is_empty(row.get("start")) or not C.is_empty(row.get("end"))
        if has_period:
            history_period(bk, table, row, emp)
        for fld in ("overtime_ytd_hours", "last_sunday_worked"):
            raw = row.get(fld)
            if C.is_empty(raw):
                continue
            w = bk.at(table, row, fld)
            if (emp, fld) in summary_refs:
                w.problem(f"{fld} for {emp!r} is already given in {summary_refs[emp, fld]}")
                continue
            summary_refs[emp, fld] = row.ref(fld)
            if fld == "overtime_ytd_hours":
                x = C.parse_number(raw, w, minimum=0, maximum=10_000, what="hours")
                if x is not None:
                    summary.setdefault(emp, {})[fld] = x
            else:
                d = C.parse_date(raw, w, **bk.date_kw())
                if d is None:
                    continue
                hols = public_holidays(d, d)
                if d.weekday() != 6 and d not in hols:
                    w.problem(f"{d.isoformat()} is neither a Sunday nor a public holiday")
                    continue
                if bk.start is not None and d >= bk.start:
                    w.problem(f"{d.isoformat()} is not before the horizon, which starts "
                              f"{bk.start.isoformat()}")
                    continue
                summary.setdefault(emp, {})[fld] = d
    for emp in sorted(summary):
        bk.employee_history.append(EmployeeHistory(employee=emp, **summary[emp]))


def history_period(bk: Book, table: Table, row: Row, emp: str) -> None:
    if C.is_empty(row.get("start")):
        bk.out.add("the start is missing", table.title, row.ref("start"))
        return
    if C.is_empty(row.get("end")):
        bk.out.add("the end is missing", table.title, row.ref("end"))
        return
    start = C.parse_datetime(row.get("start"), bk.at(table, row, "start"), **bk.date_kw())
    raw_end = row.get("end")
    end_w = bk.at(table, row, "end")
    end: datetime | None
    if start is not None and _looks_like_time(raw_end):
        t = C.parse_time(raw_end, end_w)
        if t is None:
            return
        end = datetime.combine(start.date(), t, tzinfo=start.tzinfo)
        if end <= start:
            end = datetime.combine(start.date() + timedelta(days=1), t, tzinfo=start.tzinfo)
    else:
        end = C.parse_datetime(raw_end, end_w, **bk.date_kw())
    kind_text = C.text(row.get("kind"))
    kind = PeriodKind.planned
    if kind_text is not None:
        k = S.match_word(kind_text, S.PERIOD_KINDS)
        if k is None:
            bk.out.add(f"unknown kind {kind_text!r} (use planned, overtime or extra)",
                       table.title, row.ref("kind"))
            return
        kind = PeriodKind(k)
    brk = C.parse_number(row.get("break_minutes"), bk.at(table, row, "break_minutes"),
                         integer=True, minimum=0, maximum=240, what="minutes")
    if start is None or end is None:
        return
    if end <= start:
        end_w.problem(f"the end ({end.strftime('%Y-%m-%d %H:%M')}) is not after the start "
                      f"({start.strftime('%Y-%m-%d %H:%M')})")
        return
    if bk.start is not None and start.date() >= bk.start:
        bk.out.add(f"history must start before the horizon ({bk.start.isoformat()})",
                   table.title, row.ref("start"))
        return
    kw: dict[str, Any] = {"employee": emp, "start": start, "end": end, "kind": kind}
    if brk is not None:
        kw["break_minutes"] = brk
    hp = bk.build(HistoryPeriod, kw, table, row, default_field="end")
    if hp is not None:
        bk.history.append(hp)


def _looks_like_time(value: Any) -> bool:
    if isinstance(value, time):
        return True
    if isinstance(value, int | float) and not isinstance(value, bool):
        return 0 <= value < 1
    if isinstance(value, str):
        s = C.clean(value)
        return len(s) <= 8 and ("-" not in s) and s.count(".") <= 1 and "/" not in s
    return False
