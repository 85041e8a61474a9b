"""``care_home.xlsx``: a care home, May 2026, Norwegian sheets (see :mod:`instances.generate`).
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from openpyxl import Workbook

from instances.sheet_kit import _EMP_FIELDS, _dt, _keys, _names, _settings, _table
from scheduler.io import sheets as S


def build_care_home() -> Workbook:
    rng = random.Random(20260501)
    lang = "nb"
    wb = Workbook()
    wb.remove(wb.active)
    _keys(wb, S.SETTINGS, lang, S.SETTING_KEYS,
          _settings(lang, "Solbakken sykehjem, avd. 2", "2026-05", 35.5, True, True))
    _table(wb, S.SHIFTS, lang, ("code", "name", "start", "end", "break_minutes",
                                "break_counts_as_work"), [
        ["D", "Dagvakt", "07:30", "15:00", 30, "ja"],
        ["A", "Aftenvakt", "14:30", "22:00", 30, "ja"],
    ])
    sp = [100, 80, 80, 75, 60]
    hf = [100, 80, 75, 75, 60, 60, 50, 50, 50, 50]
    staff = [("SP", p) for p in sp] + [("HF", p) for p in hf]
    rng.shuffle(staff)
    names = _names(rng, len(staff))
    employees = [[f"S{i:02d}", n, f"{p} %", s, "ja"]
                 for i, ((s, p), n) in enumerate(zip(staff, names, strict=True), start=1)]
    _table(wb, S.EMPLOYEES, lang, _EMP_FIELDS, employees)
    demand: list[list[Any]] = []
    for day in (*S.WEEKDAY_NB[:5],):
        demand += [[day, "D", "SP", 1, None], [day, "D", "HF", 2, None],
                   [day, "A", "SP", 1, None], [day, "A", "HF", 1, 2]]
    for day in ("lør", "søn", "Helligdag"):
        demand += [[day, "D", "SP", 1, None], [day, "D", "HF", 2, None],
                   [day, "A", "SP", 1, None], [day, "A", "HF", 1, None]]
    _table(wb, S.DEMAND, lang, ("date", "shift", "skill", "min", "target"), demand)
    ids = [e[0] for e in employees]
    requests = [
        [ids[3], None, "2026-05-11", "2026-05-15", "utilgjengelig", None, None],
        [ids[6], "2026-05-08", None, None, "fri", None, 2],
        [ids[9], "2026-05-20", None, None, "ønsket vakt", "A", 1],
        [ids[12], "2026-05-27", None, None, "unngå vakt", "D", 1],
    ]
    _table(wb, S.REQUESTS, lang, ("employee", "date", "from", "to", "kind", "shift", "weight"),
           requests)
    _table(wb, S.FIXED, lang, ("employee", "date", "shift"), [
        [ids[0], "2026-05-05", "D"],
        [ids[1], "2026-05-29", "FRI"],
    ])
    last = date(2026, 4, 30)
    _table(wb, S.HISTORY, lang, ("employee", "start", "end", "kind", "break_minutes",
                                 "overtime_ytd_hours", "last_sunday_worked"), [
        [ids[2], _dt(last, 14, 30), _dt(last, 22), "planlagt", 30, None, "2026-04-26"],
        [ids[4], _dt(last, 7, 30), _dt(last, 15), "planlagt", 30, 6, None],
        [ids[7], None, None, None, None, None, "2026-04-26"],
    ])
    # § 10-8 (4): one individual (T2) agreement per employee on Sundays/holidays in a row.
    rows = [[i, "10-8", "T2_INDIVIDUAL", "red_days_in_a_row", 3] for i in ids]
    ws = _table(wb, S.AGREEMENTS, lang, ("scope", "family", "tier", "parameter", "value"), rows)
    for r in range(2, len(rows) + 2):
        ws.cell(row=r, column=2).number_format = "@"
    return wb
