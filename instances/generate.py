"""Build the example planning workbooks (``python -m instances.generate`` rebuilds all).

Every workbook is generated from a fixed seed, so its content is the same on every run (the
files differ only in the save timestamp openpyxl writes into the package properties).

``ward.xlsx`` — a hospital medical ward, April 2026 (Easter: Maundy Thursday 2 April to Easter
    Monday 6 April), 30 staff (16 RN, 14 HCA; 100/80/75/50 %), full time 35.5 h (three-shift
    rota). Shifts D 07:30-15:30, E 15:00-22:30, N 22:00-08:00 (breaks counted as work). Demand
    is a weekday pattern with a Holiday row, by shift and skill (wide layout, ``D:RN`` columns).
    Agreements:

    * the night shift is 10 h, above the 9 h normal-hours limit of § 10-4 (1), so the five RNs
      and five HCAs who work nights each have an individual § 10-5 averaging agreement
      (``T2_INDIVIDUAL``, ``daily_limit_hours`` 10, ``weekly_limit_hours`` 40 on average,
      ``weekly_max_hours`` 48); nobody else can be given N legally;
    * every employee has an individual written agreement under § 10-8 (4)
      (``T2_INDIVIDUAL``, ``red_days_in_a_row`` 3: up to three Sunday/holiday days in a row,
      one Agreements row per employee). § 10-8 (4) gives this relaxation to the employee
      alone; an agreement with the representatives (T3) cannot. Without it Easter is
      impossible to staff: an E shift on Maundy Thursday or Easter Sunday ends at 22:30, inside
      the next holiday's window, so it alone is two holidays in a row;
    * a site agreement with the representatives under § 10-8 (3) (``T3_TARIFF_REPS``) states
      ``daily_rest_hours`` 11 and ``weekly_rest_hours`` 35, so it does **not** allow quick
      returns: E (ends 22:30) followed by D (07:30) is a 9 h rest and stays illegal; the roster
      must avoid it. (The what-if "Quick returns: 10 h rest" changes this agreement.)

``care_home.xlsx`` — a care home, May 2026 (1 May, Ascension 14 May, 17 May on a Sunday, Whit
    Monday 25 May), 15 staff (5 nurses "SP", 10 care workers "HF"; mostly 50-80 %), day and
    evening shifts only (D 07:30-15:00, E 14:30-22:00). Norwegian sheet and column names, long
    demand layout with weekday rows, a Holiday row, minimum and target. The same individual
    § 10-8 (4) agreements (T2, one row per employee) on Sunday/holiday days in a row; rest
    stays at 11 h / 35 h.

``call_centre.xlsx`` — a customer-service centre, June 2026 (no public holidays), 60 agents
    (100/80/60/50 %), five day shifts of 8 h with an unpaid 30-minute break, open Monday to
    Saturday (Saturday shifts end by 18:00, before the Sunday window opens), demand by date in
    the wide layout, no agreements. Sunday and night work are not permitted by the nature of
    the work.

``planner_month(night_agreement)`` — a ward planner's first month (issue 14), January 2027, in
    Norwegian: 25 nurses (``SYP``) and specialist nurses (``SPL``, also ``SYP``) at 40-100 %,
    D 07:00-15:00, A 14:30-22:00 and a 9.5 h N 21:30-07:00, a weekday demand pattern, vacations
    and wishes, and a History sheet with the December Sundays and a New Year night (employee 1011
    worked Sunday 27 December and the night into 1 January, so History alone breaks § 10-8 (4)).
    Without ``night_agreement`` the night shift is longer than the 9 h daily limit for everyone,
    so no night can be covered; with it, the night staff have an individual § 10-5 agreement.
    Built in tests (not written by :func:`generate`).

Demand is sized at about 75-80 % of contracted hours for each skill group, so a legal roster
(11 h daily rest, 35 h weekly rest, hours at or below contract) can cover it.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from scheduler.calendar import public_holidays
from scheduler.io import sheets as S
from scheduler.io.excel import cell_text, safe_save
from scheduler.io.scenarios_template import write_scenarios_sheet

HERE = Path(__file__).resolve().parent
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_HEADER_FONT = Font(bold=True, color="FFFFFF")

FIRST = ("Kari", "Ola", "Ingrid", "Lars", "Sofie", "Magnus", "Nora", "Henrik", "Emma", "Jonas",
         "Sara", "Andreas", "Ida", "Eirik", "Marte", "Sindre", "Thea", "Kristian", "Hanne",
         "Tobias", "Silje", "Mathias", "Ane", "Fredrik", "Maja", "Sander", "Julie", "Even",
         "Hilde", "Petter", "Linn", "Vegard", "Amalie", "Øyvind", "Tuva", "Håkon", "Aisha",
         "Mohammed", "Zofia", "Tomasz")
LAST = ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
        "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg",
        "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen",
        "Halvorsen", "Henriksen", "Lund", "Sørensen", "Bakken", "Moen", "Gundersen",
        "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Ali",
        "Nowak", "Kowalski")


def _names(rng: random.Random, n: int) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# ---------------------------------------------------------------------------------------------
# Writing helpers


def _header_row(ws: Any, labels: Sequence[str]) -> None:
    for i, label in enumerate(labels, start=1):
        c = ws.cell(row=1, column=i, value=cell_text(label))
        c.font = _HEADER_FONT
        c.fill = _HEADER_FILL
        ws.column_dimensions[c.column_letter].width = max(11, len(label) + 3)
    ws.freeze_panes = "A2"


def _rows(ws: Any, rows: Sequence[Sequence[Any]]) -> None:
    for r, values in enumerate(rows, start=2):
        for i, v in enumerate(values, start=1):
            if v is None:
                continue
            c = ws.cell(row=r, column=i, value=cell_text(v))
            if isinstance(v, datetime):
                c.number_format = "yyyy-mm-dd hh:mm" if v.time() != time(0) else "yyyy-mm-dd"
            elif isinstance(v, time):
                c.number_format = "hh:mm"


def _table(wb: Workbook, spec: S.SheetSpec, lang: str, fields: Sequence[str],
           rows: Sequence[Sequence[Any]]) -> Any:
    ws = wb.create_sheet(spec.label(lang))
    _header_row(ws, [spec.column(f).label(lang) for f in fields])
    _rows(ws, rows)
    return ws


def _keys(wb: Workbook, spec: S.SheetSpec, lang: str, keys: Sequence[S.Key],
          values: Sequence[tuple[str, Any]]) -> Any:
    ws = wb.create_sheet(spec.label(lang))
    by = {k.key: k for k in keys}
    _header_row(ws, [c.label(lang) for c in spec.columns])
    _rows(ws, [[by[k].label(lang), v] for k, v in values])
    ws.column_dimensions["A"].width = 34
    return ws


def _dt(d: date, h: int, m: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, h, m)


def _yes(lang: str, v: bool) -> str:
    return ("ja" if v else "nei") if lang == "nb" else ("yes" if v else "no")


def _settings(lang: str, site: str, month: str, full_time: float, sunday: bool,
              night: bool) -> list[tuple[str, Any]]:
    return [
        ("site_name", site),
        ("month", month),
        ("day_boundary", "00:00"),
        ("week_start", "mandag" if lang == "nb" else "Monday"),
        ("night_start", "21:00"),
        ("night_end", "06:00"),
        ("full_time_hours", full_time),
        ("tariff_bound", _yes(lang, True)),
        ("sunday_work_permitted_by_nature", _yes(lang, sunday)),
        ("night_work_permitted_by_nature", _yes(lang, night)),
        ("language", lang),
    ]


_EMP_FIELDS = ("id", "name", "position_pct", "skills", "night_work_allowed")


# ---------------------------------------------------------------------------------------------
# Ward


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


# ---------------------------------------------------------------------------------------------
# Care home (Norwegian names)


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


# ---------------------------------------------------------------------------------------------
# Call centre


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


# ---------------------------------------------------------------------------------------------
# A planner's first month (issue 14)


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


BUILDERS = {
    "ward.xlsx": build_ward,
    "care_home.xlsx": build_care_home,
    "call_centre.xlsx": build_call_centre,
}


def generate(out_dir: Path = HERE) -> list[Path]:
    """Write every example workbook into ``out_dir`` (atomically); return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in BUILDERS.items():
        wb = build()
        wb.properties.creator = "aml-roster instances.generate"
        wb.properties.created = datetime(2026, 1, 1)
        paths.append(safe_save(wb, out_dir / name))
    return paths


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


EXAMPLES = {"ward_changes.xlsx": build_ward_changes}  # inputs that are not planning workbooks


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]) if args else HERE
    for p in generate(out):
        print(f"wrote {p}")
    for name, build in EXAMPLES.items():
        wb = build()
        wb.properties.creator = "aml-roster instances.generate"
        wb.properties.created = datetime(2026, 1, 1)
        print(f"wrote {safe_save(wb, out / name)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
