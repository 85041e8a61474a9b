"""Reading a roster to check: a roster grid workbook or a timesheet (``roster check``).

Two input shapes become one :class:`~scheduler.model.Roster` of real work periods:

* **A roster grid** (a workbook with a sheet named ``Roster`` or ``Turnus``, any case): one row
  per employee (the first column is the employee id, an optional name column may follow), one
  column per date. The header row is the first row (of the first 20) that has a date in it; a date
  header is a real Excel date, ISO text (``2026-03-01``), Norwegian text (``01.03.2026``) or an
  Excel serial number. The date columns run from the first date header to the first header that is
  not a date, so the margin columns ``roster solve`` writes after the dates are ignored. The grid
  ends at the first row with an empty id cell. A cell is a shift code from the ``Shifts`` sheet
  (same workbook or ``--problem``; exact match first, then case-insensitive), or a day off: blank,
  ``-``, ``F1``…``F5``, ``FE``, ``Ferie`` or ``OFF`` (any case; :mod:`scheduler.dayoff`), kept
  as ``Roster.day_marks``; a shift type whose code is one of these is an input error. A night
  shift (end at or before its start) becomes one period that ends the next day, measured in
  real elapsed time (a 22–07 night is 10 h when the clocks go back). Unknown codes are input errors naming the cell.
* **A timesheet** in long format: a ``.csv`` file (``,`` or ``;`` delimited, UTF-8 with or
  without BOM) or a workbook without a Roster sheet (the sheet ``Timesheet``/``Timeliste``, else
  the first sheet). Columns ``employee``, ``start``, ``end`` and optional ``break_minutes`` and
  ``kind`` (``planned|overtime|extra``; Norwegian ``planlagt|overtid|merarbeid|mertid``; on-call
  time ``on_call_home|on_call_site``, ``hjemmevakt|tilstedevakt``: planned hours of which, from
  home, the § 10-4 (3) share counts). Headers
  match case-insensitively; a few Norwegian headers are built in (``ansatt``, ``fra``, ``til``,
  ``pause``, ``type``) and ``--columns employee=Ansatt,start=Fra,...`` maps any other. Times are
  ISO 8601 date-times with or without an offset, ``dd.mm.yyyy hh:mm`` text, or Excel date-times;
  a time without an offset is Europe/Oslo wall-clock time (in the autumn DST hour the first of the
  two instants). No break column means breaks were not recorded (``break_minutes=None``: breaks
  are then not judged); an empty break cell means the same for that row. A recorded break counts
  as working time (the employee-protective reading: the hours are not shortened by it).
  Two rows of one employee that overlap are an input error (their hours would count twice).

Everything else the checker needs (Settings, Shifts, Employees, Agreements, History) comes from
the same workbook or from ``--problem`` via :func:`scheduler.workbook.reader.read_parts`. Each
kind of sheet is taken from ``--problem`` when that workbook has it, else from the roster
workbook itself.

The horizon is ``--start``/``--end`` when given, else the Settings sheet's start/end, else the
roster's own span: the grid's first to last date column, or a timesheet's first to last day
worked. Roster periods that lie entirely before the horizon become history (carry-in for windows
that reach back); periods entirely after it are left out.

``input_sha256`` is the SHA-256 of the input file's bytes; with ``--problem`` it is the SHA-256
of the two files' SHA-256 digests (input first, then problem), so it changes when either does.

All input problems are collected (file, sheet, cell — for CSV the cell is the spreadsheet-style
reference of line and column, and the message names both) and raised together as
:class:`~scheduler.errors.InputError`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from scheduler import dayoff
from scheduler.clock import TZ, elapsed_minutes
from scheduler.errors import Collector, InputError, Issue
from scheduler.model import (
    Agreement,
    Contract,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    OnCall,
    PeriodKind,
    Roster,
    Settings,
    ShiftType,
    WorkPeriod,
)

GRID_SHEETS = ("roster", "turnus")
TIMESHEET_SHEETS = ("timesheet", "timeliste")
# Sheets read by read_parts (never taken as "the first sheet" of a timesheet workbook).
CONTEXT_SHEETS = frozenset(
    {
        "settings", "innstillinger", "shifts", "vakter", "employees", "ansatte", "demand",
        "bemanning", "requests", "ønsker", "fixed", "faste", "history", "historikk",
        "agreements", "avtaler", "weights", "vekter", "contracts", "kontrakter",
    }
)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")

# Days off in a grid (any case): see scheduler.dayoff for what each code means.
OFF_CODES = frozenset(c.lower() for c in dayoff.RESERVED_CODES) | {""}

CANONICAL_COLUMNS = ("employee", "start", "end", "break_minutes", "kind")
REQUIRED_COLUMNS = ("employee", "start", "end")
# Built-in header aliases (lower case). --columns adds to these.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "employee": ("employee", "employee_id", "ansatt", "ansattnr", "ansatt_id"),
    "start": ("start", "fra"),
    "end": ("end", "slutt", "til"),
    "break_minutes": ("break_minutes", "break", "pause", "pause_minutter"),
    "kind": ("kind", "type"),
}
KIND_WORDS: dict[str, PeriodKind] = {
    "": PeriodKind.planned,
    "planned": PeriodKind.planned,
    "plan": PeriodKind.planned,
    "planlagt": PeriodKind.planned,
    "ordinær": PeriodKind.planned,
    "overtime": PeriodKind.overtime,
    "overtid": PeriodKind.overtime,
    "extra": PeriodKind.extra,
    "merarbeid": PeriodKind.extra,
    "mertid": PeriodKind.extra,
}
HEADER_SCAN_ROWS = 20
# Excel serial numbers accepted as dates in a grid header: 1950-01-01 .. 2149-12-31.
_SERIAL_MIN, _SERIAL_MAX = 18264, 91311

SourceKind = Literal["grid", "timesheet"]


# --------------------------------------------------------------------------------------------
# Results


@dataclass
class RosterInput:
    """The roster as read, with where each (employee, day) sits in the source grid."""

    path: Path
    kind: SourceKind
    roster: Roster
    sheet: str = ""  # source sheet ("" for CSV)
    days: list[date] = field(default_factory=list)  # grid date columns (grid only)
    employee_order: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    cells: dict[tuple[str, date], str] = field(default_factory=dict)  # A1 of each grid cell
    codes: dict[tuple[str, date], str] = field(default_factory=dict)  # cell text (grid only)

    def span(self) -> tuple[date, date] | None:
        """The roster's own span: grid date columns, or first to last day worked."""
        if self.kind == "grid" and self.days:
            return self.days[0], self.days[-1]
        if not self.roster.periods:
            return None
        first = min(p.start for p in self.roster.periods).astimezone(TZ).date()
        last = max(p.end - timedelta(minutes=1) for p in self.roster.periods).astimezone(TZ).date()
        return first, last


@dataclass
class CheckInput:
    """Everything ``run_check`` needs, plus the source for rendering the report."""

    settings: Settings
    roster: Roster  # periods that reach into the horizon
    employees: tuple[Employee, ...]
    agreements: tuple[Agreement, ...]
    history: tuple[HistoryPeriod, ...]
    employee_history: tuple[EmployeeHistory, ...]
    source: RosterInput
    input_sha256: str
    shifts: tuple[ShiftType, ...] = ()
    contracts: tuple[Contract, ...] = ()


# --------------------------------------------------------------------------------------------
# Value parsing (shared by grid and timesheet)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_day(value: Any) -> date | None:
    """A grid header value as a date, or None when it is not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if _SERIAL_MIN <= value <= _SERIAL_MAX:
            return from_excel(value).date()
        return None
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                pass
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return None
    return None


def _localise(dt: datetime) -> datetime:
    """Naive = Europe/Oslo wall clock; aware = the same instant shown in Europe/Oslo."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=TZ)
    return dt.astimezone(TZ)


def parse_datetime(value: Any) -> datetime:
    """A timesheet start/end as an aware Europe/Oslo datetime; ValueError with a plain reason."""
    if isinstance(value, datetime):
        return _localise(value)
    if isinstance(value, date):
        raise ValueError(f"{value.isoformat()} is a date without a time of day")
    if isinstance(value, bool) or value is None:
        raise ValueError("it is empty")
    if isinstance(value, int | float):
        if not _SERIAL_MIN <= value <= _SERIAL_MAX:  # also NaN; a fraction < 1 is a bare time
            raise ValueError(f"{value!r} is not an Excel date-time between 1950 and 2149")
        return _localise(from_excel(value))
    text = str(value).strip()
    if not text:
        raise ValueError("it is empty")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is not None:
        if len(text) <= 10 and "T" not in text and " " not in text:
            raise ValueError(f"{text!r} is a date without a time of day")
        return _localise(parsed)
    for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y kl. %H:%M"):
        try:
            return _localise(datetime.strptime(text, fmt))
        except ValueError:
            pass
    try:
        serial = float(text.replace(",", "."))
    except ValueError:
        serial = None
    if serial is not None and _SERIAL_MIN <= serial <= _SERIAL_MAX:
        return _localise(from_excel(serial))
    raise ValueError(
        f"{text!r} is not a date and time (use ISO 8601 such as 2026-03-01T07:30 or "
        "2026-03-01T07:30+01:00)"
    )


def parse_break(value: Any) -> int | None:
    """Break minutes: a whole number of minutes or ``h:mm``; empty = not recorded (None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    if isinstance(value, bool):
        raise ValueError("it is not a number of minutes")
    if isinstance(value, int | float):
        minutes = float(value)
    else:
        text = str(value).strip()
        m = re.fullmatch(r"(\d+):(\d{2})", text)
        if m:
            minutes = int(m.group(1)) * 60 + int(m.group(2))
        else:
            try:
                minutes = float(text.replace(",", "."))
            except ValueError:
                raise ValueError(f"{text!r} is not a number of minutes") from None
    if not math.isfinite(minutes) or minutes < 0 or minutes != int(minutes):
        raise ValueError(f"{value!r} is not a whole, non-negative number of minutes")
    if minutes > 24 * 60:
        raise ValueError(f"{value!r} minutes is longer than a day")
    return int(minutes)


# § 10-4 (3): a timesheet row of on-call time (planned hours; from home a share counts).
ON_CALL_WORDS: dict[str, OnCall] = {
    "on_call_home": OnCall.home, "on call home": OnCall.home, "hjemmevakt": OnCall.home,
    "on_call_site": OnCall.site, "on call site": OnCall.site, "tilstedevakt": OnCall.site,
}


def parse_kind(value: Any) -> PeriodKind:
    text = _as_text(value).lower()
    if text in KIND_WORDS:
        return KIND_WORDS[text]
    raise ValueError(
        f"{text!r} is not a kind of hours (planned, overtime, extra, on_call_home or "
        "on_call_site; planlagt, overtid, merarbeid, hjemmevakt or tilstedevakt)"
    )


def parse_columns(spec: str | None) -> dict[str, str]:
    """``"employee=Ansatt,start=Fra"`` -> ``{"employee": "Ansatt", "start": "Fra"}``."""
    if not spec:
        return {}
    out: dict[str, str] = {}
    issues: list[Issue] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, header = part.partition("=")
        key, header = key.strip().lower(), header.strip()
        if not sep or not header:
            issues.append(Issue(f"--columns: {part.strip()!r} is not of the form field=Header"))
        elif key not in CANONICAL_COLUMNS:
            issues.append(
                Issue(
                    f"--columns: {key!r} is not a timesheet field "
                    f"(one of {', '.join(CANONICAL_COLUMNS)})"
                )
            )
        else:
            out[key] = header
    if issues:
        raise InputError(issues)
    return out


# --------------------------------------------------------------------------------------------
# Roster grid


def _find_sheet(names: Iterable[str], wanted: Sequence[str]) -> str | None:
    for name in names:
        if name.strip().lower() in wanted:
            return name
    return None


def _shift_lookup(shifts: Sequence[ShiftType]) -> tuple[dict[str, ShiftType], dict[str, list[ShiftType]]]:
    exact = {s.code: s for s in shifts}
    folded: dict[str, list[ShiftType]] = {}
    for s in shifts:
        folded.setdefault(s.code.lower(), []).append(s)
    return exact, folded


def _resolve_codes(
    text: str, exact: dict[str, ShiftType], folded: dict[str, list[ShiftType]]
) -> list[ShiftType] | None:
    """The shift(s) a cell names: one code, or several joined by ``+`` (as ``roster solve``
    writes two shifts on one day). Exact match first, then case-insensitive when unambiguous."""

    def one(code: str) -> ShiftType | None:
        st = exact.get(code)
        if st is None:
            matches = folded.get(code.lower(), [])
            st = matches[0] if len(matches) == 1 else None
        return st

    st = one(text)
    if st is not None:
        return [st]
    if "+" in text:
        parts = [one(c.strip()) for c in text.split("+")]
        if all(p is not None for p in parts):
            return [p for p in parts if p is not None]
    return None


def find_grid_sheet(wb: Any) -> str | None:
    """The roster grid sheet: the one ``roster solve`` wrote (it carries its marker name), else
    a sheet called Roster or Turnus."""
    from scheduler.workbook.roster_writer import is_output_sheet

    for ws in wb.worksheets:
        if is_output_sheet(ws) and ws.title.strip().lower().startswith(GRID_SHEETS):
            return str(ws.title)
    return _find_sheet(wb.sheetnames, GRID_SHEETS)


def _report_reserved_codes(
    codes: Sequence[str], rows: Sequence[Sequence[Any]], header_idx: int, date_cols: Sequence[int],
    sheet: str, col: Collector,
) -> None:
    """A shift code that is also a day-off code (F1..F5, FE, Ferie, OFF, -) is an input error:
    the grid cell would be ambiguous. Named at the first grid cell holding it (else the sheet)."""
    for code in codes:
        where = ""
        for r in range(header_idx + 1, len(rows)):
            row = rows[r]
            hit = next((j for j in date_cols if j < len(row)
                        and _as_text(row[j]).lower() == code.strip().lower()), None)
            if hit is not None:
                where = f"{get_column_letter(hit + 1)}{r + 1}"
                break
        col.add(
            f"the shift code {code!r} (Shifts sheet) is also the day-off code "
            f"{dayoff.mark_of(code) or code!r}: F1-F5, FE, Ferie, OFF and - are days off in a "
            "roster grid, never shift codes; rename the shift type",
            sheet,
            where,
        )


def read_grid(
    ws: Any,
    path: Path,
    shifts: Sequence[ShiftType],
    col: Collector,
    *,
    report_missing_shifts: bool = True,
) -> RosterInput:
    """Read a roster grid sheet (openpyxl worksheet) into work periods; issues go to ``col``."""
    sheet = ws.title
    rows = list(ws.iter_rows(values_only=True))
    header_idx = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if any(parse_day(v) is not None for v in row[1:]):
            header_idx = i
            break
    if header_idx is None:
        col.add(
            "no header row with dates found (the first rows must have the employee id column "
            "followed by one column per date)",
            sheet,
        )
        return RosterInput(path, "grid", Roster(periods=()), sheet)
    header = rows[header_idx]
    id_col = next((j for j, v in enumerate(header) if _as_text(v)), 0)
    first_date_col = next(j for j, v in enumerate(header) if j > 0 and parse_day(v) is not None)
    if first_date_col <= id_col:
        id_col = 0
    date_cols: list[tuple[int, date]] = []
    for j in range(first_date_col, len(header)):
        d = parse_day(header[j])
        if d is None:
            break
        date_cols.append((j, d))
    seen_days: dict[date, int] = {}
    hrow = header_idx + 1
    for j, d in date_cols:
        if d in seen_days:
            col.add(
                f"date {d.isoformat()} appears twice in the header "
                f"(also in {get_column_letter(seen_days[d] + 1)}{hrow})",
                sheet,
                f"{get_column_letter(j + 1)}{hrow}",
            )
        seen_days.setdefault(d, j)
    for (_, a), (j, b) in zip(date_cols, date_cols[1:], strict=False):
        if b < a:
            col.add(
                f"the dates in the header are not in order ({b.isoformat()} after {a.isoformat()})",
                sheet,
                f"{get_column_letter(j + 1)}{hrow}",
            )
            break
    name_col = None
    between = list(range(id_col + 1, first_date_col))
    for j in between:
        if _as_text(header[j]).lower() in ("name", "navn", "employee name", "ansattnavn"):
            name_col = j
            break
    if name_col is None and between:
        name_col = between[0]

    clashing = [st.code for st in shifts if dayoff.reserved(st.code)]
    if clashing:
        _report_reserved_codes(clashing, rows, header_idx, [j for j, _ in date_cols], sheet, col)
        shifts = [st for st in shifts if not dayoff.reserved(st.code)]
    exact, folded = _shift_lookup(shifts)
    periods: list[WorkPeriod] = []
    marks: list[tuple[str, date, str]] = []
    order: list[str] = []
    names: dict[str, str] = {}
    cells: dict[tuple[str, date], str] = {}
    codes: dict[tuple[str, date], str] = {}
    seen_emps: dict[str, int] = {}
    missing_shifts_reported = False
    letters = {j: get_column_letter(j + 1) for j, _ in date_cols}
    resolved: dict[str, list[ShiftType] | None] = {}
    intervals: dict[tuple[str, date], tuple[datetime, datetime, bool]] = {}
    for r in range(header_idx + 1, len(rows)):
        row = rows[r]
        emp = _as_text(row[id_col]) if id_col < len(row) else ""
        if not emp:
            break
        excel_row = r + 1
        if emp in seen_emps:
            col.add(
                f"employee {emp!r} has two rows (also row {seen_emps[emp]})",
                sheet,
                f"{get_column_letter(id_col + 1)}{excel_row}",
            )
            continue
        seen_emps[emp] = excel_row
        order.append(emp)
        if name_col is not None and name_col < len(row):
            names[emp] = _as_text(row[name_col])
        for j, d in date_cols:
            ref = f"{letters[j]}{excel_row}"
            cells[(emp, d)] = ref
            raw = row[j] if j < len(row) else None
            text = _as_text(raw)
            codes[(emp, d)] = text
            mark = dayoff.mark_of(text)
            if mark is not None:
                if mark:
                    marks.append((emp, d, mark))
                continue
            if text not in resolved:
                resolved[text] = _resolve_codes(text, exact, folded)
            found = resolved[text]
            if found is None:
                if not shifts:
                    if report_missing_shifts and not missing_shifts_reported:
                        col.add(
                            f"shift code {text!r} found, but there is no Shifts sheet in the "
                            "roster workbook or in --problem to say what it means",
                            sheet,
                            ref,
                        )
                        missing_shifts_reported = True
                    continue
                known = ", ".join(sorted(exact)) or "none"
                col.add(
                    f"unknown shift code {text!r} for employee {emp!r} on {d.isoformat()} "
                    f"(known codes: {known}; days off: blank, -, F1-F5, FE, Ferie)",
                    sheet,
                    ref,
                )
                continue
            for st in found:
                key = (st.code, d)
                if key not in intervals:
                    a, b = st.interval_on(d)
                    intervals[key] = (a, b, elapsed_minutes(a, b) > 0)
                start, end, has_duration = intervals[key]
                if not has_duration:  # e.g. a shift inside the DST gap
                    col.add(
                        f"shift {st.code!r} on {d.isoformat()} has no real duration on that day "
                        "(the clocks change during it)",
                        sheet,
                        ref,
                    )
                    continue
                # Built from a validated ShiftType, aware and end > start (checked above), so
                # the WorkPeriod invariants hold; skipping re-validation keeps big grids fast.
                periods.append(
                    WorkPeriod.model_construct(
                        employee=emp,
                        start=start,
                        end=end,
                        shift=st.code,
                        break_minutes=st.break_minutes,
                        break_counts_as_work=st.break_counts_as_work,
                        kind=PeriodKind.planned,
                        passive_minutes=st.passive_minutes,  # § 10-4 (2)
                        on_call=st.on_call,  # § 10-4 (3)
                    )
                )
    periods.sort(key=lambda p: (p.employee, p.start))
    return RosterInput(
        path=path,
        kind="grid",
        roster=Roster(periods=tuple(periods), day_marks=tuple(sorted(marks))),
        sheet=sheet,
        days=[d for _, d in sorted(date_cols, key=lambda x: x[1])],
        employee_order=order,
        names=names,
        cells=cells,
        codes=codes,
    )


# --------------------------------------------------------------------------------------------
# Timesheet


def _map_header(
    header: Sequence[Any], columns: dict[str, str], where: Any, col: Collector, sheet: str
) -> dict[str, int] | None:
    """Field -> column index; reports missing required columns. ``where(j)`` gives the cell."""
    folded = [_as_text(h).lower() for h in header]
    out: dict[str, int] = {}
    for fld in CANONICAL_COLUMNS:
        wanted = (columns[fld].lower(),) if fld in columns else COLUMN_ALIASES[fld]
        for j, h in enumerate(folded):
            if h in wanted:
                out[fld] = j
                break
        else:
            if fld in columns:
                col.add(
                    f"--columns names the header {columns[fld]!r} for {fld}, but the header row "
                    f"has no such column (it has: {', '.join(repr(_as_text(h)) for h in header if _as_text(h))})",
                    sheet,
                    where(None),
                )
    missing = [f for f in REQUIRED_COLUMNS if f not in out and f not in columns]
    if missing:
        col.add(
            "the timesheet has no column for "
            + ", ".join(missing)
            + " (expected headers employee, start, end and optionally break_minutes, kind; "
            "map other headers with --columns employee=Ansatt,start=Fra,end=Til)",
            sheet,
            where(None),
        )
    if any(f not in out for f in REQUIRED_COLUMNS):
        return None
    return out


def _timesheet_rows(
    rows: Iterable[tuple[int, Sequence[Any]]],
    header: Sequence[Any],
    mapping: dict[str, int],
    path: Path,
    sheet: str,
    col: Collector,
    csv_mode: bool,
) -> RosterInput:
    periods: list[WorkPeriod] = []
    rows_of: dict[int, tuple[str, int]] = {}  # period index -> where (for overlap messages)

    def ref(line: int, fld: str) -> tuple[str, str]:
        j = mapping[fld]
        a1 = f"{get_column_letter(j + 1)}{line}"
        name = _as_text(header[j])
        prefix = f"line {line}, column {name!r}: " if csv_mode else f"column {name!r}: "
        return a1, prefix

    has_break = "break_minutes" in mapping
    order: list[str] = []
    for line, row in rows:
        vals = {f: (row[j] if j < len(row) else None) for f, j in mapping.items()}
        if all(_as_text(v) == "" for v in row):
            continue
        ok = True
        emp = _as_text(vals["employee"])
        if not emp:
            a1, pre = ref(line, "employee")
            col.add(pre + "the employee is empty", sheet, a1)
            ok = False
        parsed: dict[str, Any] = {}
        for fld in ("start", "end"):
            try:
                parsed[fld] = parse_datetime(vals[fld])
            except ValueError as exc:
                a1, pre = ref(line, fld)
                col.add(f"{pre}the {fld} time is not usable: {exc}", sheet, a1)
                ok = False
        brk: int | None = None
        if has_break:
            try:
                brk = parse_break(vals["break_minutes"])
            except ValueError as exc:
                a1, pre = ref(line, "break_minutes")
                col.add(f"{pre}the break is not usable: {exc}", sheet, a1)
                ok = False
        kind = PeriodKind.planned
        on_call = ON_CALL_WORDS.get(_as_text(vals.get("kind")).lower()) if "kind" in mapping else None
        if "kind" in mapping and on_call is None:
            try:
                kind = parse_kind(vals["kind"])
            except ValueError as exc:
                a1, pre = ref(line, "kind")
                col.add(pre + str(exc), sheet, a1)
                ok = False
        if ok and parsed["end"] <= parsed["start"]:
            a1, pre = ref(line, "end")
            col.add(
                f"{pre}the end {parsed['end'].isoformat()} is not after the start "
                f"{parsed['start'].isoformat()}",
                sheet,
                a1,
            )
            ok = False
        if ok and brk is not None and brk * 60 >= (parsed["end"] - parsed["start"]).total_seconds():
            a1, pre = ref(line, "break_minutes")
            col.add(f"{pre}the break of {brk} min is as long as the work period", sheet, a1)
            ok = False
        if not ok:
            continue
        if emp not in order:
            order.append(emp)
        rows_of[len(periods)] = (ref(line, "start")[0], line)
        periods.append(
            WorkPeriod(
                employee=emp,
                start=parsed["start"],
                end=parsed["end"],
                break_minutes=brk,
                break_counts_as_work=True,
                kind=kind,
                on_call=on_call,
            )
        )
    # Overlapping rows of one employee would count the same hours twice.
    by_emp: dict[str, list[int]] = {}
    for i, p in enumerate(periods):
        by_emp.setdefault(p.employee, []).append(i)
    for emp, idx in by_emp.items():
        idx.sort(key=lambda i: (periods[i].start, periods[i].end))
        for a, b in zip(idx, idx[1:], strict=False):
            if periods[b].start < periods[a].end:
                a1, line = rows_of[b]
                where = f"line {line}: " if csv_mode else ""
                col.add(
                    f"{where}employee {emp!r} works {periods[b].start:%Y-%m-%d %H:%M}–"
                    f"{periods[b].end:%H:%M}, which overlaps the row at "
                    f"{'line' if csv_mode else 'row'} {rows_of[a][1]}; the same hours would "
                    "count twice",
                    sheet,
                    a1,
                )
    periods.sort(key=lambda p: (p.employee, p.start))
    return RosterInput(
        path=path,
        kind="timesheet",
        roster=Roster(periods=tuple(periods)),
        sheet=sheet,
        employee_order=sorted(order),
    )


def read_csv_timesheet(path: Path, columns: dict[str, str], col: Collector) -> RosterInput:
    from scheduler.workbook.excel import MAX_BYTES

    size = path.stat().st_size
    if size > MAX_BYTES:
        col.add(f"the file {path.name} is {size / 1024 / 1024:.1f} MB; timesheets larger than "
                f"{MAX_BYTES // (1024 * 1024)} MB are refused")
        return RosterInput(path, "timesheet", Roster(periods=()))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col.add(
            f"line {line}: the file is not UTF-8 text (save it as 'CSV UTF-8' from Excel)",
            "",
            "",
        )
        return RosterInput(path, "timesheet", Roster(periods=()))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    body: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if header is None:
                if not any(c.strip() for c in row):
                    continue
                header = [c.strip() for c in row]
                continue
            body.append((reader.line_num, row))
    except csv.Error as exc:  # a NUL byte, a field over the csv module's size limit, ...
        col.add(f"line {reader.line_num}: this line cannot be read as CSV ({exc})")
        return RosterInput(path, "timesheet", Roster(periods=()))
    if header is None:
        col.add("the CSV file is empty")
        return RosterInput(path, "timesheet", Roster(periods=()))
    mapping = _map_header(header, columns, lambda j: "", col, "")
    if mapping is None:
        return RosterInput(path, "timesheet", Roster(periods=()))
    return _timesheet_rows(body, header, mapping, path, "", col, csv_mode=True)


def read_sheet_timesheet(
    ws: Any, path: Path, columns: dict[str, str], col: Collector
) -> RosterInput:
    sheet = ws.title
    rows = list(ws.iter_rows(values_only=True))
    start = next((i for i, r in enumerate(rows) if any(_as_text(v) for v in r)), None)
    if start is None:
        col.add("the timesheet sheet is empty", sheet)
        return RosterInput(path, "timesheet", Roster(periods=()), sheet)
    header = list(rows[start])
    mapping = _map_header(header, columns, lambda j: f"A{start + 1}", col, sheet)
    if mapping is None:
        return RosterInput(path, "timesheet", Roster(periods=()), sheet)
    body = [(i + 1, list(rows[i])) for i in range(start + 1, len(rows))]
    return _timesheet_rows(body, header, mapping, path, sheet, col, csv_mode=False)


# --------------------------------------------------------------------------------------------
# Putting it together


def file_sha256(path: Path, problem: Path | None = None) -> str:
    """SHA-256 of the input file; with ``problem``, of the two files' digests concatenated."""
    digest = hashlib.sha256(path.read_bytes())
    if problem is None:
        return digest.hexdigest()
    other = hashlib.sha256(problem.read_bytes())
    return hashlib.sha256(digest.digest() + other.digest()).hexdigest()


def _read_parts(path: Path, issues: list[Issue]) -> Any:
    from scheduler.workbook.reader import read_parts

    try:
        return read_parts(path)
    except InputError as exc:
        issues.extend(exc.issues)
        return None


_PART_SHEET = {
    "shifts": "shifts",
    "employees": "employees",
    "agreements": "agreements",
    "contracts": "contracts",
    "history": "history",
    "employee_history": "history",
}


def _pick(primary: Any, secondary: Any, attr: str) -> Any:
    """Take a kind of sheet from ``primary`` (--problem) when it has one, else ``secondary``."""
    for parts in (primary, secondary):
        if parts is not None and _PART_SHEET[attr] in parts.found:
            return getattr(parts, attr)
    return ()


def load_check_input(
    path: Path | str,
    *,
    problem: Path | str | None = None,
    columns: dict[str, str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> CheckInput:
    """Read a roster (grid or timesheet) and its context; raise InputError with all problems."""
    path = Path(path)
    problem_path = Path(problem) if problem is not None else None
    columns = columns or {}
    col = Collector(str(path))
    issues: list[Issue] = []
    for p in (path, problem_path):
        if p is not None and not p.is_file():
            raise InputError([Issue("the file does not exist", str(p))])
    suffix = path.suffix.lower()
    problem_parts = _read_parts(problem_path, issues) if problem_path is not None else None
    own_parts = None
    source: RosterInput
    if suffix in WORKBOOK_SUFFIXES:
        from scheduler.workbook.excel import load_workbook_safely

        wb = load_workbook_safely(path)
        grid_sheet = find_grid_sheet(wb)
        own_parts = _read_parts(path, issues)
        if grid_sheet is not None:
            shifts = _pick(problem_parts, own_parts, "shifts")
            # When a Shifts sheet failed to read, its own issues say so; do not add "missing".
            source = read_grid(wb[grid_sheet], path, shifts, col, report_missing_shifts=not issues)
        else:
            ts = _find_sheet(wb.sheetnames, TIMESHEET_SHEETS) or next(
                (n for n in wb.sheetnames if n.strip().lower() not in CONTEXT_SHEETS), None
            )
            if ts is None:
                issues.append(
                    Issue(
                        "this workbook has no Roster (Turnus) sheet and no timesheet "
                        "(Timesheet/Timeliste) sheet: give the roster or timesheet to check as "
                        "PATH, and a planning workbook like this one as --problem",
                        str(path),
                    )
                )
                raise InputError(issues)
            source = read_sheet_timesheet(wb[ts], path, columns, col)
    elif suffix in CSV_SUFFIXES:
        source = read_csv_timesheet(path, columns, col)
    else:
        raise InputError(
            [
                Issue(
                    f"cannot read a {suffix or 'suffix-less'} file: give a roster workbook (.xlsx) "
                    "or a timesheet (.xlsx or .csv)",
                    str(path),
                )
            ]
        )
    issues.extend(col.issues)
    if issues:
        raise InputError(issues)

    # Settings (and its horizon) from --problem when it has a Settings sheet, else our own.
    settings_parts = next(
        (p for p in (problem_parts, own_parts) if p is not None and "settings" in p.found), None
    )
    span = source.span()
    h_start = start or (settings_parts.start if settings_parts else None) or (span[0] if span else None)
    h_end = end or (settings_parts.end if settings_parts else None) or (span[1] if span else None)
    if h_start is None or h_end is None:
        raise InputError(
            [
                Issue(
                    "the roster has no work in it and no horizon is set: give --start and --end "
                    "or a Settings sheet with start and end",
                    str(path),
                )
            ]
        )
    if h_end < h_start:
        raise InputError(
            [Issue(f"the horizon ends ({h_end}) before it starts ({h_start})", str(path))]
        )
    if settings_parts is not None:
        settings = settings_parts.settings(h_start, h_end)
    else:
        try:
            settings = Settings(start=h_start, end=h_end)
        except ValueError as exc:
            raise InputError(
                [Issue(f"the horizon {h_start}..{h_end} is not usable: {exc}", str(path))]
            ) from None

    h0 = datetime.combine(settings.start, settings.day_boundary, tzinfo=TZ)
    h1 = datetime.combine(settings.end + timedelta(days=1), settings.day_boundary, tzinfo=TZ)
    inside: list[WorkPeriod] = []
    carried: list[HistoryPeriod] = []
    for p in source.roster.periods:
        if p.end <= h0:
            carried.append(
                HistoryPeriod(
                    employee=p.employee,
                    start=p.start,
                    end=p.end,
                    kind=p.kind,
                    break_minutes=p.break_minutes or 0,
                )
            )
        elif p.start < h1:
            inside.append(p)
    marks = tuple(m for m in source.roster.day_marks if settings.start <= m[1] <= settings.end)
    roster = Roster(periods=tuple(inside), day_marks=marks)
    history = tuple(_pick(problem_parts, own_parts, "history")) + tuple(carried)
    return CheckInput(
        settings=settings,
        roster=roster,
        employees=tuple(_pick(problem_parts, own_parts, "employees")),
        agreements=tuple(_pick(problem_parts, own_parts, "agreements")),
        history=tuple(sorted(history, key=lambda h: (h.employee, h.start))),
        employee_history=tuple(_pick(problem_parts, own_parts, "employee_history")),
        source=source,
        input_sha256=file_sha256(path, problem_path),
        shifts=tuple(_pick(problem_parts, own_parts, "shifts")),
        contracts=tuple(_pick(problem_parts, own_parts, "contracts")),
    )
