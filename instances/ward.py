"""``ward.xlsx`` (a hospital medical ward, April 2026) and its ``ward_changes.xlsx``.

What the ward holds and why its agreements are as they are: :mod:`instances.generate`'s
docstring; the changes workbook is the input of ``roster replan`` (docs/replan.md).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from openpyxl import Workbook

from instances.sheet_kit import (
    _EMP_FIELDS,
    _dt,
    _header_row,
    _keys,
    _names,
    _rows,
    _settings,
    _table,
)
from scheduler.io import sheets as S
from scheduler.io.excel import cell_text
from scheduler.io.scenarios_template import write_scenarios_sheet


def build_ward() -> Workbook:
    rng = random.Random(20260401)
    lang = "en"
    start, end = date(2026, 4, 1), date(2026, 4, 30)
    wb = Workbook()
    wb.remove(wb.active)
    _keys(wb, S.SETTINGS, lang, S.SETTING_KEYS,
          _settings(lang, "Medical ward 4B", "2026-04", 35.5, True, True))
    _table(wb, S.SHIFTS, lang, ("code", "name", "start", "end", "break_minutes",
                                "break_counts_as_work"), [
        ["D", "Day", time(7, 30), time(15, 30), 30, "yes"],
        ["E", "Evening", time(15, 0), time(22, 30), 30, "yes"],
        ["N", "Night", time(22, 0), time(8, 0), 30, "yes"],
    ])
    # Night groups are listed first so their position sizes are fixed; the rest is shuffled.
    rn_night, hca_night = [100, 100, 80, 80, 75], [100, 100, 80, 75, 50]
    rn_day = [100] * 5 + [80] * 2 + [75] * 2 + [50] * 2
    hca_day = [100] * 3 + [80] * 3 + [75] * 2 + [50] * 1
    rng.shuffle(rn_day)
    rng.shuffle(hca_day)
    staff: list[tuple[str, int, bool]] = (
        [("RN", p, True) for p in rn_night] + [("RN", p, False) for p in rn_day]
        + [("HCA", p, True) for p in hca_night] + [("HCA", p, False) for p in hca_day]
    )
    names = _names(rng, len(staff))
    employees = []
    night_ids: list[str] = []
    exempt = {7, 22}  # two day-only staff with a § 10-2 exemption from night work
    for i, ((skill, pct, nights), name) in enumerate(zip(staff, names, strict=True), start=1):
        emp_id = f"W{i:02d}"
        if nights:
            night_ids.append(emp_id)
        employees.append([emp_id, name, pct, skill, "no" if i in exempt else "yes"])
    _table(wb, S.EMPLOYEES, lang, _EMP_FIELDS, employees)
    ws = wb.create_sheet("Demand")
    _header_row(ws, ["Day", "D:RN", "D:HCA", "E:RN", "E:HCA", "N:RN", "N:HCA", "Notes"])
    weekday = [3, 3, 3, 2, 1, 1]
    weekend = [2, 2, 2, 1, 1, 1]
    rows: list[list[Any]] = [[d, *weekday] for d in S.WEEKDAY_EN[:5]]
    rows += [["Sat", *weekend], ["Sun", *weekend, "weekend level"],
             ["Holiday", *weekend, "public holidays use this row"]]
    _rows(ws, rows)
    day_ids = [e[0] for e in employees if e[0] not in night_ids]
    requests = [
        [day_ids[2], None, date(2026, 4, 13), date(2026, 4, 19), "unavailable", None, None],
        [day_ids[9], None, date(2026, 4, 20), date(2026, 4, 24), "unavailable", None, None],
        [day_ids[4], date(2026, 4, 10), None, None, "day_off", None, 2],
        [day_ids[11], date(2026, 4, 17), None, None, "day_off", None, 1],
        [night_ids[1], date(2026, 4, 25), None, None, "day_off", None, 1],
        [day_ids[6], date(2026, 4, 8), None, None, "shift_wish", "D", 1],
        [day_ids[13], date(2026, 4, 22), None, None, "avoid_shift", "E", 1],
    ]
    _table(wb, S.REQUESTS, lang, ("employee", "date", "from", "to", "kind", "shift", "weight"),
           [[r[0], *(None if v is None else (datetime.combine(v, time()) if isinstance(v, date)
                                                else v) for v in r[1:])] for r in requests])
    fixed = [
        [day_ids[0], datetime(2026, 4, 21), "D"],
        [day_ids[1], datetime(2026, 4, 17), "OFF"],
        [night_ids[6], datetime(2026, 4, 24), "OFF"],
    ]
    _table(wb, S.FIXED, lang, ("employee", "date", "shift"), fixed)
    last = date(2026, 3, 31)
    history: list[list[Any]] = [
        [night_ids[0], _dt(last - timedelta(days=1), 22), _dt(last, 8), "planned", 30, 12,
         date(2026, 3, 29)],
        [night_ids[0], _dt(last, 22), _dt(last + timedelta(days=1), 8), "planned", 30, None,
         None],
        [night_ids[5], _dt(last, 22), _dt(last + timedelta(days=1), 8), "planned", 30, None,
         date(2026, 3, 29)],
        [day_ids[3], _dt(last, 15), _dt(last, 22, 30), "planned", 30, 4.5, None],
        [day_ids[8], _dt(last, 7, 30), _dt(last, 15, 30), "planned", 30, None,
         date(2026, 3, 29)],
        [day_ids[8], _dt(last, 15, 30), _dt(last, 17, 30), "overtime", 0, 20, None],
    ]
    _table(wb, S.HISTORY, lang, ("employee", "start", "end", "kind", "break_minutes",
                                 "overtime_ytd_hours", "last_sunday_worked"),
           [[*r[:6], None if r[6] is None else datetime.combine(r[6], time())]
            for r in history])
    # § 10-8 (4): up to three Sundays/holidays in a row needs a written agreement with each
    # employee (T2) — one row per employee who signed; every employee of the ward has.
    # The § 10-8 (3) agreement with the representatives keeps the statutory rest (the what-if
    # "Quick returns: 10 h rest" changes it).
    agreements: list[list[Any]] = [
        [e[0], "10-8", "T2_INDIVIDUAL", "red_days_in_a_row", 3, None, None] for e in employees
    ] + [
        ["site", "10-8", "T3_TARIFF_REPS", "daily_rest_hours", 11, None, None],
        ["site", "10-8", "T3_TARIFF_REPS", "weekly_rest_hours", 35, None, None],
    ]
    for emp_id in night_ids:
        agreements += [
            [emp_id, "10-5", "T2_INDIVIDUAL", "daily_limit_hours", 10,
             datetime(2026, 1, 1), datetime(2026, 12, 31)],
            [emp_id, "10-5", "T2_INDIVIDUAL", "weekly_limit_hours", 40, None, None],
            [emp_id, "10-5", "T2_INDIVIDUAL", "weekly_max_hours", 48, None, None],
        ]
    ws = _table(wb, S.AGREEMENTS, lang, ("scope", "family", "tier", "parameter", "value",
                                         "valid_from", "valid_to"), agreements)
    for r in range(2, len(agreements) + 2):
        ws.cell(row=r, column=2).number_format = "@"
    write_scenarios_sheet(wb, [  # what-if scenarios for `roster whatif` (docs/whatif.md)
        ["Two fewer RN", "remove_employees", "RN", 2, None, None, None, None,
         "the last two RNs in the Employees sheet"],
        ["Local averaging agreement (T3)", "agreement", "10-5", "T3_TARIFF_REPS", None, "site",
         None, None, "replaces the individual § 10-5 agreements"],
        ["Weekend demand +10 %", "scale_demand", "weekend", "110 %"],
        ["Three on sick leave in week 2", "sick_leave", "W07, W12, W24", None, None, None,
         date(2026, 4, 6), date(2026, 4, 12)],
        ["Hire an RN at 80 %", "add_employees", "RN", 1, 80],
        ["Quick returns: 10 h rest", "parameter", "10-8 daily_rest_hours", 10, None, "site"],
    ])
    assert start < end
    return wb


def build_ward_changes() -> Workbook:
    """``ward_changes.xlsx``: changes to the ward's published April roster for ``roster
    replan`` (docs/replan.md): W04 sick for a week, one more RN on a day shift, W16 given a
    day off, re-planned on 10 April at noon."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Changes"
    rows: list[list[object]] = [
        ["kind", "employee", "from", "to", "date", "shift", "skill", "change"],
        ["now", None, None, None, datetime(2026, 4, 10, 12, 0), None, None, None],
        ["sick", "W04", date(2026, 4, 13), date(2026, 4, 19), None, None, None, None],
        ["demand", None, None, None, date(2026, 4, 21), "D", "RN", 1],
        ["pin", "W16", None, None, date(2026, 4, 25), "OFF", None, None],
    ]
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(row=r, column=c, value=cell_text(v) if isinstance(v, str) else v)
    return wb
