"""A planner's first month (issue 14): January 2027, Norwegian sheets, built in memory.

Used by the planner-month tests and ``benchmarks/planner_month.py``; see
:mod:`instances.generate`'s docstring.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from openpyxl import Workbook

from instances.sheet_kit import _EMP_FIELDS, _dt, _keys, _names, _settings, _table
from scheduler.io import sheets as S


def build_planner_month(night_agreement: bool = True, staff: int = 25) -> Workbook:
    """January 2027, Norwegian sheets (see the module docstring)."""
    rng = random.Random(20270101)
    lang = "nb"
    wb = Workbook()
    wb.remove(wb.active)
    _keys(wb, S.SETTINGS, lang, S.SETTING_KEYS,
          _settings(lang, "Kirurgisk sengepost 3", "2027-01", 35.5, True, True))
    _table(wb, S.SHIFTS, lang, ("code", "name", "start", "end", "break_minutes",
                                "break_counts_as_work"), [
        ["D", "Dagvakt", "07:00", "15:00", 30, "ja"],
        ["A", "Aftenvakt", "14:30", "22:00", 30, "ja"],
        ["N", "Nattvakt", "21:30", "07:00", 30, "ja"],
    ])
    pcts = [100, 100, 100, 100, 100, 100, 80, 80, 80, 80, 75, 75, 75, 75, 60, 60, 60, 60, 50,
            50, 50, 50, 40, 40, 40]
    assert len(pcts) >= staff
    pcts = pcts[:staff]
    rng.shuffle(pcts)
    names = _names(rng, staff)
    ids = [str(1001 + i) for i in range(staff)]
    spl = set(ids[::4])  # every fourth is a specialist nurse
    night = set(ids[1::3])  # the night staff
    no_nights = {ids[2], ids[8]}  # § 10-2 exemptions from night work
    employees = [[e, n, f"{p} %", "SPL, SYP" if e in spl else "SYP",
                  "nei" if e in no_nights else "ja"]
                 for e, n, p in zip(ids, names, pcts, strict=True)]
    _table(wb, S.EMPLOYEES, lang, _EMP_FIELDS, employees)
    demand: list[list[Any]] = []
    for day in S.WEEKDAY_NB[:5]:
        demand += [[day, "D", "SYP", 3, 4], [day, "D", "SPL", 1, None],
                   [day, "A", "SYP", 3, None], [day, "N", "SYP", 2, None]]
    for day in ("lør", "søn", "Helligdag"):
        demand += [[day, "D", "SYP", 2, None], [day, "D", "SPL", 1, None],
                   [day, "A", "SYP", 2, None], [day, "N", "SYP", 2, None]]
    _table(wb, S.DEMAND, lang, ("date", "shift", "skill", "min", "target"), demand)
    requests = [
        [ids[4], None, "2027-01-04", "2027-01-10", "ferie", None, None],
        [ids[9], None, "2027-01-18", "2027-01-24", "ferie", None, None],
        [ids[13], None, "2027-01-25", "2027-01-31", "utilgjengelig", None, None],
        [ids[6], "2027-01-08", None, None, "fri", None, 2],
        [ids[15], "2027-01-15", None, None, "fri", None, 1],
        [ids[3], "2027-01-12", None, None, "ønsket vakt", "D", 1],
        [ids[20], "2027-01-20", None, None, "unngå vakt", "A", 1],
    ]
    _table(wb, S.REQUESTS, lang, ("employee", "date", "from", "to", "kind", "shift", "weight"),
           requests)
    history: list[list[Any]] = []
    dec = [date(2026, 12, d) for d in (20, 27)]
    for k, e in enumerate(ids[::3]):  # December Sundays
        history.append([e, _dt(dec[k % 2], 7), _dt(dec[k % 2], 15), "planlagt", 30, None,
                        None])
    # 1011 worked Sunday 27 December and then the New Year night: History alone breaks
    # § 10-8 (4) on New Year's Day.
    history.append([ids[10], _dt(dec[1], 7), _dt(dec[1], 15), "planlagt", 30, None, None])
    history.append([ids[10], _dt(date(2026, 12, 31), 21, 30), _dt(date(2027, 1, 1), 7),
                    "planlagt", 30, None, None])
    _table(wb, S.HISTORY, lang, ("employee", "start", "end", "kind", "break_minutes",
                                 "overtime_ytd_hours", "last_sunday_worked"), history)
    if night_agreement:
        rows: list[list[Any]] = []
        for e in sorted(night - no_nights):
            rows += [[e, "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 10, None, None],
                     [e, "10-5", "T2_INDIVIDUAL", "weekly_limit_hours", 40, None, None]]
        ws = _table(wb, S.AGREEMENTS, lang, ("scope", "family", "tier", "parameter", "value",
                                             "valid_from", "valid_to"), rows)
        for r in range(2, len(rows) + 2):
            ws.cell(row=r, column=2).number_format = "@"
    return wb
