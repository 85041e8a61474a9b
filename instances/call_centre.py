"""``call_centre.xlsx``: a call centre, June 2026 (see :mod:`instances.generate`).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl import Workbook

from instances.sheet_kit import (
    _EMP_FIELDS,
    _days,
    _dt,
    _header_row,
    _keys,
    _names,
    _rows,
    _settings,
    _table,
)
from scheduler.calendar import public_holidays
from scheduler.io import sheets as S


def build_call_centre() -> Workbook:
    rng = random.Random(20260601)
    lang = "en"
    start, end = date(2026, 6, 1), date(2026, 6, 30)
    assert not public_holidays(start, end)
    wb = Workbook()
    wb.remove(wb.active)
    settings = _settings(lang, "Customer service centre", "2026-06", 37.5, False, False)
    _keys(wb, S.SETTINGS, lang, S.SETTING_KEYS, settings)
    codes = ["A", "B", "C", "L", "K"]
    _table(wb, S.SHIFTS, lang, ("code", "name", "start", "end", "break_minutes",
                                "break_counts_as_work"), [
        ["A", "Early", "07:00", "15:00", 30, "no"],
        ["B", "Morning", "08:00", "16:00", 30, "no"],
        ["C", "Mid", "10:00", "18:00", 30, "no"],
        ["L", "Late", "12:00", "20:00", 30, "no"],
        ["K", "Evening", "13:00", "21:00", 30, "no"],
    ])
    pcts = [100] * 30 + [80] * 15 + [60] * 10 + [50] * 5
    rng.shuffle(pcts)
    names = _names(rng, len(pcts))
    employees = []
    for i, (p, n) in enumerate(zip(pcts, names, strict=True), start=1):
        skills = "agent, team lead" if i % 12 == 0 else "agent"
        employees.append([f"C{i:02d}", n, p, skills, "no"])
    _table(wb, S.EMPLOYEES, lang, _EMP_FIELDS, employees)
    ws = wb.create_sheet("Demand")
    _header_row(ws, ["Date", *codes, "Notes"])
    weekday = {"A": 6, "B": 10, "C": 8, "L": 7, "K": 5}
    saturday = {"A": 4, "B": 6, "C": 5, "L": 0, "K": 0}  # closes 18:00 on Saturdays
    rows: list[list[Any]] = []
    for d in _days(start, end):
        if d.weekday() == 6:
            continue
        level = saturday if d.weekday() == 5 else dict(weekday)
        if d.weekday() == 0:  # Mondays are busier, Fridays quieter
            level = {**level, "B": level["B"] + 1, "K": level["K"] - 1}
        elif d.weekday() == 4:
            level = {**level, "L": level["L"] - 1, "A": level["A"] + 1}
        note = "Saturday: open 07-18" if d.weekday() == 5 else None
        rows.append([datetime.combine(d, time()), *[level[c] for c in codes], note])
    _rows(ws, rows)
    ids = [e[0] for e in employees]
    requests: list[list[Any]] = []
    for k in range(8):  # summer holidays at the end of June
        first = date(2026, 6, 22) + timedelta(days=rng.randrange(0, 3))
        requests.append([ids[k * 7], None, first, date(2026, 6, 30), "unavailable", None, None])
    for k in range(6):
        day = start + timedelta(days=rng.randrange(0, 20))
        requests.append([ids[3 + k * 9], day, None, None, "day_off", None, 1])
    requests.append([ids[5], date(2026, 6, 9), None, None, "shift_wish", "A", 1])
    requests.append([ids[11], date(2026, 6, 10), None, None, "avoid_shift", "K", 1])
    _table(wb, S.REQUESTS, lang, ("employee", "date", "from", "to", "kind", "shift", "weight"),
           [[r[0], *(datetime.combine(v, time()) if isinstance(v, date) else v
                     for v in r[1:])] for r in requests])
    _table(wb, S.FIXED, lang, ("employee", "date", "shift"), [
        [ids[1], datetime(2026, 6, 3), "B"],
        [ids[2], datetime(2026, 6, 12), "OFF"],
    ])
    sat = date(2026, 5, 30)
    _table(wb, S.HISTORY, lang, ("employee", "start", "end", "kind", "break_minutes"), [
        [ids[k], _dt(sat, 8), _dt(sat, 16), "planned", 30] for k in range(0, 12, 2)
    ])
    return wb
