"""The Demand sheet (Bemanning): long (date | shift | skill | min) or wide layout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError

from scheduler.calendar import public_holidays
from scheduler.errors import Collector
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book, plain
from scheduler.io.read.table import NOTE_HEADERS, Table, missing_columns
from scheduler.model import DemandItem


def read_demand(bk: Book) -> None:
    table = bk.table("demand", extra=True)
    if table is None:
        bk.require_sheet("demand")
        return
    if not table.headers:
        bk.out.add("the Demand sheet is empty", table.title, "A1")
        return
    entries: list[DemandEntry] = []
    if "shift" in table.cols or "min" in table.cols:
        if not missing_columns(table, S.DEMAND, bk.out):
            return
        demand_long(bk, table, entries)
    else:
        demand_wide(bk, table, entries)
    if bk.start is None or bk.end is None or not bk.shifts:
        return
    expand_demand(bk, table, entries)


def day_key(bk: Book, raw: Any, w: C.Where) -> date | int | None:
    if C.is_empty(raw):
        w.problem("the date (or weekday) is missing")
        return None
    if isinstance(raw, str):
        wd = S.weekday_of(raw)
        if wd is not None:
            return wd
        d = C.parse_date(raw, C.Where(Collector(), "", ""))
        if d is None:
            w.problem(f"expected a date (2026-04-01), a weekday (Mon..Sun, man..søn) or "
                      f"Holiday, found {C.clean(raw)!r}")
        return d
    return C.parse_date(raw, w, **bk.date_kw())


def check_skill(bk: Book, skill: str, w: C.Where) -> bool:
    if skill and skill not in bk.skills and not bk.employees_unread:
        w.problem(f"no employee has the skill {skill!r}")
        return False
    return True


def demand_long(bk: Book, table: Table, entries: list[DemandEntry]) -> None:
    for row in table.rows:
        key = day_key(bk, row.get("date"), bk.at(table, row, "date"))
        code_raw = row.get("shift")
        code = None
        if C.is_empty(code_raw):
            bk.out.add("the shift code is missing", table.title, row.ref("shift"))
        else:
            code = bk.shift_code(code_raw, bk.at(table, row, "shift"))
        skill = C.text(row.get("skill")) or ""
        skill_ok = check_skill(bk, skill, bk.at(table, row, "skill"))
        if C.is_empty(row.get("min")):
            bk.out.add("the minimum number of staff is missing", table.title,
                       row.ref("min"))
            continue
        mn = C.parse_number(row.get("min"), bk.at(table, row, "min"), integer=True,
                            minimum=0, maximum=10_000, what="a whole number of staff")
        tg = C.parse_number(row.get("target"), bk.at(table, row, "target"), integer=True,
                            minimum=0, maximum=10_000, what="a whole number of staff")
        wt = C.parse_number(row.get("weight"), bk.at(table, row, "weight"), minimum=0)
        if mn is not None and tg is not None and tg < mn:
            bk.out.add(f"the target {tg} is below the minimum {mn}", table.title,
                       row.ref("target"))
            continue
        if key is None or code is None or mn is None or not skill_ok:
            continue
        if C.is_empty(row.get("target")) is False and tg is None:
            continue
        if C.is_empty(row.get("weight")) is False and wt is None:
            continue
        entries.append(DemandEntry(key, code, skill, int(mn),
                                    None if tg is None else int(tg), wt,
                                    table.title, row.ref("date"), row.ref("shift")))


def demand_wide(bk: Book, table: Table, entries: list[DemandEntry]) -> None:
    day_col = table.cols.get("date", 1)  # the first column holds the day
    columns: dict[int, tuple[str, str]] = {}  # col -> (code, skill)
    for col, (label, ref) in sorted(table.headers.items()):
        if col == day_col or S.norm(label) in NOTE_HEADERS:
            continue
        if col in table.cols.values() and col != day_col:
            continue  # skill/weight/target columns make no sense here; ignore
        code_part, _, skill = label.partition(":")
        w = bk.where(table.title, ref)
        code = bk.shift_code(code_part.strip(), w)
        skill = skill.strip()
        if code is None or not check_skill(bk, skill, w):
            continue
        if (code, skill) in columns.values():
            w.problem(f"the column {label!r} appears twice")
            continue
        columns[col] = (code, skill)
    for row in table.rows:
        day_cell = row.cells.get(day_col)
        if all(C.is_empty(row.cells[c].value) for c in columns if c in row.cells) \
                and (day_cell is None or C.is_empty(day_cell.value)):
            continue
        ref = day_cell.coordinate if day_cell is not None else f"A{row.r}"
        key = day_key(bk, day_cell.value if day_cell is not None else None,
                           bk.where(table.title, ref))
        for col, (code, skill) in columns.items():
            cell = row.cells.get(col)
            if cell is None or C.is_empty(cell.value):
                continue
            mn = C.parse_number(cell.value, bk.where(table.title, cell.coordinate),
                                integer=True, minimum=0, maximum=10_000,
                                what="a whole number of staff")
            if mn is None or key is None:
                continue
            entries.append(DemandEntry(key, code, skill, int(mn), None, None,
                                        table.title, ref, cell.coordinate))


def expand_demand(bk: Book, table: Table, entries: list[DemandEntry]) -> None:
    assert bk.start is not None and bk.end is not None
    pattern: dict[tuple[int, str, str], DemandEntry] = {}
    dated: dict[tuple[date, str, str], DemandEntry] = {}
    for e in entries:
        if isinstance(e.key, date):
            if not bk.in_horizon(e.key, bk.where(e.sheet, e.day_ref)):
                continue
            k = (e.key, e.shift, e.skill)
            if k in dated:
                bk.out.add(f"demand for {e.shift}{':' + e.skill if e.skill else ''} on "
                           f"{e.key.isoformat()} is already given in {dated[k].ref}",
                           e.sheet, e.ref)
                continue
            dated[k] = e
        else:
            pk = (e.key, e.shift, e.skill)
            if pk in pattern:
                day = "Holiday" if e.key == S.HOLIDAY else S.WEEKDAY_EN[e.key]
                bk.out.add(f"demand for {e.shift}{':' + e.skill if e.skill else ''} on "
                           f"{day} is already given in {pattern[pk].ref}", e.sheet, e.ref)
                continue
            pattern[pk] = e
    hols = public_holidays(bk.start, bk.end)
    has_holiday_row = any(k[0] == S.HOLIDAY for k in pattern)
    items: dict[tuple[date, str, str], DemandEntry] = {}
    for day in _days(bk.start, bk.end):
        key = S.HOLIDAY if (day in hols and has_holiday_row) else day.weekday()
        for (k, code, skill), e in pattern.items():
            if k == key:
                items[day, code, skill] = e
    items.update(dated)
    order = {s.code: i for i, s in enumerate(bk.shifts)}
    for (day, code, skill), e in sorted(items.items(),
                                        key=lambda kv: (kv[0][0], order[kv[0][1]], kv[0][2])):
        if e.minimum == 0 and not e.target:
            continue
        try:
            bk.demand.append(DemandItem(day=day, shift=code, skill=skill, minimum=e.minimum,
                                        target=e.target, weight=e.weight))
        except ValidationError as exc:
            for err in exc.errors():
                bk.out.add(plain(err), e.sheet, e.ref)


@dataclass(frozen=True)
class DemandEntry:
    key: date | int  # a date, a weekday 0..6 or sheets.HOLIDAY
    shift: str
    skill: str
    minimum: int
    target: int | None
    weight: float | None
    sheet: str
    day_ref: str
    ref: str


def wide_demand_headers(table: Table, codes: dict[str, str]) -> set[str]:
    """Headers of the wide Demand layout (a shift code, or CODE:SKILL): known, not near misses."""
    return {label for label, _ in table.headers.values()
            if label in codes or label.split(":")[0].strip() in codes}


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
