"""Read the planning workbook into a :class:`~scheduler.model.Problem`.

Every problem in the workbook is collected (file, sheet, A1 cell, a plain sentence) and raised
together as one :class:`~scheduler.errors.InputError`; nothing stops at the first mistake and no
traceback escapes. The file itself is only read (see :func:`excel.load_workbook_safely`), and
only the cells that hold data are kept (:mod:`scheduler.workbook.used`).

Sheet and column names are matched case- and space-insensitively, in English or Norwegian (see
:mod:`scheduler.workbook.sheets`). Unknown extra sheets and columns are ignored; empty rows are
skipped. The format is described for users in ``docs/workbook-format.md``.

* :func:`read_problem` — the whole planning problem; Settings, Shifts, Employees and Demand
  are required.
* :func:`read_parts` — a lenient read for ``roster check``: only the sheets present are read and
  none is required; :meth:`WorkbookParts.settings` builds the settings once the horizon is known.
"""

from __future__ import annotations

import calendar as _calendar
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, ValidationError

from constraints import limits
from scheduler import dayoff
from scheduler.calendar import public_holidays
from scheduler.errors import Collector, InputError
from scheduler.model import (
    MAX_WEIGHT,
    Agreement,
    Contract,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    PeriodKind,
    Problem,
    Request,
    RequestKind,
    Settings,
    ShiftType,
    Tier,
    Weights,
)
from scheduler.workbook import agreement_check, near_miss
from scheduler.workbook import cells as C
from scheduler.workbook import sheets as S
from scheduler.workbook.used import UsedBook, UsedSheet, load_used, refuse_huge_merges

# ---------------------------------------------------------------------------------------------
# Tables: a header row and the data rows under it


@dataclass
class Row:
    r: int
    cells: dict[int, Any]  # column index -> openpyxl cell
    cols: dict[str, int]  # field -> column index (shared with the table)

    def cell(self, fld: str) -> Any | None:
        col = self.cols.get(fld)
        return None if col is None else self.cells.get(col)

    def get(self, fld: str) -> Any:
        c = self.cell(fld)
        if c is None:
            return None
        v = c.value
        if isinstance(v, str) and not C.clean(v):
            return None
        return v

    def ref(self, fld: str | None) -> str:
        c = self.cell(fld) if fld else None
        if c is not None:
            return str(c.coordinate)
        if fld in self.cols:  # an empty cell of a known column (only used cells are kept)
            return f"{_col_letter(self.cols[fld])}{self.r}"
        first = min(self.cells) if self.cells else 1
        return f"{_col_letter(first)}{self.r}"


def _col_letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(col))


@dataclass
class Table:
    title: str
    header_row: int
    cols: dict[str, int]
    headers: dict[int, tuple[str, str]]  # column index -> (header text, A1 of the header cell)
    rows: list[Row]


_NOTE_HEADERS = {
    S.norm(x)
    for x in ("note", "notes", "comment", "comments", "kommentar", "merknad", "merknader",
              "sum", "total", "totalt", "help", "hjelp", "description", "forklaring")
}


def _read_table(
    ws: Any, spec: S.SheetSpec, out: Collector, *, row_filter_extra: bool = False
) -> Table | None:
    """Find the header row, map its cells to ``spec`` columns, and collect non-empty rows."""
    title = ws.title
    all_rows = list(ws.iter_rows())  # only the rows that hold data (see scheduler.workbook.used)
    at = next((i for i, row_cells in enumerate(all_rows)
               if any(not C.is_empty(c.value) for c in row_cells)), None)
    if at is None:
        return Table(title, 0, {}, {}, [])
    header_row = all_rows[at][0].row
    lookup: dict[str, str] = {}
    for col in spec.columns:
        for n in col.names():
            lookup.setdefault(n, col.field)
    cols: dict[str, int] = {}
    headers: dict[int, tuple[str, str]] = {}
    for c in all_rows[at]:
        if C.is_empty(c.value) or getattr(c, "merged_from", None):
            continue  # a merged header is refused (_merge_issues), never read twice
        label = C.text(c.value) or ""
        headers[c.column] = (label, c.coordinate)
        fld = lookup.get(S.norm(label))
        if fld is None:
            continue
        if fld in cols:
            out.add(f"the column {label!r} appears twice (as {spec.column(fld).en!r})", title,
                    c.coordinate)
            continue
        cols[fld] = c.column
    rows: list[Row] = []
    # The wide Demand layout also reads column A, whose header cell may be left blank.
    keep = set(headers) | ({1} if row_filter_extra else set())
    watched = keep if row_filter_extra else set(cols.values())
    for row_cells in all_rows[at + 1:]:
        cells = {c.column: c for c in row_cells if c.column in keep}
        if all(C.is_empty(c.value) for col, c in cells.items() if col in watched):
            continue
        rows.append(Row(row_cells[0].row, cells, cols))
    return Table(title, header_row, cols, headers, rows)


def _merge_issues(ws: UsedSheet, table: Table, out: Collector, *, wide: bool = False) -> None:
    """Merged ranges a table refuses, each named (docs/workbook-format.md, "Merged cells").

    The loader already reads a merged range as its value in every covered cell
    (:mod:`scheduler.workbook.used`); that is what a planner means by "no" merged down the
    night-work column over three nurses. Refused instead, since one value cannot be meant
    for each: a range that touches the header row (each column needs its own header), and a
    range in the data rows across two or more columns that are read (two fields, or two
    shifts of the wide Demand layout). Ranges only in columns that are not read are ignored."""
    if not table.header_row:
        return
    if wide and not ("shift" in table.cols or "min" in table.cols):  # as read_demand decides
        mapped = set(table.cols.values())
        read = {table.cols.get("date", 1)} | {
            c for c, (label, _) in table.headers.items()
            if S.norm(label) not in _NOTE_HEADERS and c not in mapped}
    else:
        read = set(table.cols.values())
    for m in getattr(ws, "merged", ()):
        covered = {c for c in read if m.min_col <= c <= m.max_col}
        if m.max_row < table.header_row or not covered:
            continue
        if m.min_row <= table.header_row:
            out.add(f"the cells {m.ref} are merged over the header row; unmerge them so that "
                    "each column has its own header", table.title, m.ref)
        elif len(covered) > 1:
            out.add(f"the cells {m.ref} are merged across {len(covered)} columns that are "
                    "read; unmerge them and give each column its own value", table.title,
                    m.ref)
        else:
            continue
        for row in table.rows:  # a refused range's copies are not read (no follow-on issues)
            row.cells = {c: cell for c, cell in row.cells.items()
                         if getattr(cell, "merged_from", None) != m.ref}


def _missing_columns(table: Table, spec: S.SheetSpec, out: Collector,
                     needed: tuple[str, ...] | None = None) -> bool:
    """Report required columns that are absent; True when all are there."""
    ok = True
    fields = needed if needed is not None else tuple(c.field for c in spec.columns if c.required)
    for fld in fields:
        if fld not in table.cols:
            col = spec.column(fld)
            anchor = f"A{table.header_row}" if table.header_row else "A1"
            out.add(f"the required column {col.en!r} (Norwegian {col.nb!r}) is missing",
                    table.title, anchor)
            ok = False
    return ok


# ---------------------------------------------------------------------------------------------
# The result of a lenient read


@dataclass(frozen=True)
class WorkbookParts:
    """What a workbook holds, read leniently (only the sheets present)."""

    path: str
    sheet_names: tuple[str, ...]  # every sheet title, in workbook order
    found: dict[str, str]  # canonical sheet key ("shifts", ...) -> its title in this workbook
    settings_values: dict[str, Any]  # Settings fields given (start/end excluded)
    shifts: tuple[ShiftType, ...] = ()
    employees: tuple[Employee, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    contracts: tuple[Contract, ...] = ()
    history: tuple[HistoryPeriod, ...] = ()
    employee_history: tuple[EmployeeHistory, ...] = ()
    weights: Weights = field(default_factory=Weights)
    start: date | None = None  # the horizon, when the Settings sheet gives one
    end: date | None = None

    def settings(self, start: date | None = None, end: date | None = None) -> Settings:
        """Settings for a horizon (defaults to the workbook's own horizon)."""
        s, e = start or self.start, end or self.end
        out = Collector(self.path)
        if s is None or e is None:
            out.add("the planning horizon is unknown: give month, or start and end, in the "
                    "Settings sheet", self.found.get("settings", "Settings"))
            out.raise_if_any()
        try:
            return Settings(start=s, end=e, **self.settings_values)
        except ValidationError as exc:
            for err in exc.errors():
                out.add(_plain(err), self.found.get("settings", "Settings"))
            raise InputError(out.issues) from None


def _plain(err: Any) -> str:
    msg = str(err.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix):]
    loc = [str(x) for x in err.get("loc", ()) if not isinstance(x, int)]
    return f"{loc[0]}: {msg}" if loc else msg


# ---------------------------------------------------------------------------------------------
# The reader


_HEADER_KEYS = {S.norm(x) for x in ("key", "setting", "innstilling", "nøkkel", "weight", "vekt",
                                    "name", "navn", "parameter")}
_NOT_KNOWN = {S.norm(x) for x in ("unknown", "ukjent", "?")}
# § 10-4 (3) on-call kinds in the Shifts sheet (English and Norwegian).
_ON_CALL = {S.norm(k): v for k, v in (
    ("site", "site"), ("on site", "site"), ("på stedet", "site"), ("tilstedevakt", "site"),
    ("home", "home"), ("from home", "home"), ("hjemme", "home"), ("hjemmevakt", "home"),
)}
_TIER_ALIASES: dict[str, Tier] = {
    "t0": Tier.T0_DEFAULT, "default": Tier.T0_DEFAULT, "lov": Tier.T0_DEFAULT,
    "t1": Tier.T1_EMPLOYER, "employer": Tier.T1_EMPLOYER, "arbeidsgiver": Tier.T1_EMPLOYER,
    "t2": Tier.T2_INDIVIDUAL, "individual": Tier.T2_INDIVIDUAL, "individuell": Tier.T2_INDIVIDUAL,
    "t3": Tier.T3_TARIFF_REPS, "tillitsvalgte": Tier.T3_TARIFF_REPS,
    "t3b": Tier.T3b_NONTARIFF_REPS,
    "t4": Tier.T4_UNION_INNSTILLINGSRETT, "innstillingsrett": Tier.T4_UNION_INNSTILLINGSRETT,
    "t5": Tier.T5_ARBEIDSTILSYNET, "arbeidstilsynet": Tier.T5_ARBEIDSTILSYNET,
}
_LANGUAGES = {
    "en": "en", "english": "en", "engelsk": "en",
    "nb": "nb", "no": "nb", "norsk": "nb", "norwegian": "nb", "bokmål": "nb", "bokmal": "nb",
    "nn": "nb", "nynorsk": "nb",
}


class _Reader:
    def __init__(self, path: str | os.PathLike[str], data: bytes | None = None,
                 book: UsedBook | None = None) -> None:
        self.file = str(path)
        if book is None:
            book = load_used(path, data)
        else:  # an open book: only the sheets read are kept (the roster is streamed)
            refuse_huge_merges(book)
        self.wb = book
        self.out = Collector(self.file)
        self.epoch = getattr(self.wb, "epoch", None)
        self.titles: tuple[str, ...] = tuple(self.wb.sheetnames)
        self.found: dict[str, str] = {}
        for spec in S.SHEETS:
            title = S.find_sheet(list(self.titles), spec)
            if title is not None:
                self.found[spec.key] = title
        # filled while reading
        self.settings_values: dict[str, Any] = {}
        self.setting_refs: dict[str, str] = {}
        self.start: date | None = None
        self.end: date | None = None
        self.shifts: list[ShiftType] = []
        self.codes: dict[str, str] = {}  # exact code and lower-case code -> code
        self.employees: list[Employee] = []
        self.ids: set[str] = set()
        self.skills: set[str] = set()
        self.agreements: list[Agreement] = []
        self.contracts: list[Contract] = []
        self.contract_ids: set[str] = set()
        self.history: list[HistoryPeriod] = []
        self.employee_history: list[EmployeeHistory] = []
        self.weights = Weights()
        self.demand: list[DemandItem] = []
        self.requests: list[Request] = []
        self.request_rows: list[tuple[Request, int]] = []
        self.fixed: list[FixedAssignment] = []
        self.tables_read: list[tuple[S.SheetSpec, Table]] = []  # for near_miss

    # --- helpers ------------------------------------------------------------------------------

    def where(self, sheet: str, ref: str) -> C.Where:
        return C.Where(self.out, sheet, ref)

    def at(self, table: Table, row: Row, fld: str) -> C.Where:
        return C.Where(self.out, table.title, row.ref(fld))

    def date_kw(self) -> dict[str, Any]:
        return {"epoch": self.epoch} if self.epoch is not None else {}

    def ws(self, key: str) -> Any | None:
        title = self.found.get(key)
        return None if title is None else self.wb[title]

    def table(self, key: str, *, extra: bool = False) -> Table | None:
        ws = self.ws(key)
        if ws is None:
            return None
        table = _read_table(ws, S.SHEETS_BY_KEY[key], self.out, row_filter_extra=extra)
        if table is not None:
            _merge_issues(ws, table, self.out, wide=extra)
            self.tables_read.append((S.SHEETS_BY_KEY[key], table))
        return table

    def require_sheet(self, key: str) -> None:
        if key not in self.found:
            spec = S.SHEETS_BY_KEY[key]
            self.out.add(f"the required sheet {spec.en!r} (Norwegian {spec.nb!r}) is missing")

    def build(
        self,
        model: type[BaseModel],
        kwargs: dict[str, Any],
        table: Table,
        row: Row,
        *,
        fields: dict[str, str] | None = None,
        default_field: str | None = None,
    ) -> Any | None:
        """Construct a pydantic model; each validation error becomes an issue at its cell."""
        try:
            return model(**kwargs)
        except ValidationError as exc:
            for err in exc.errors():
                loc = [x for x in err.get("loc", ()) if isinstance(x, str)]
                fld = loc[0] if loc else None
                col = (fields or {}).get(fld, fld) if fld else None
                if col not in table.cols:
                    col = default_field
                self.out.add(_plain(err), table.title, row.ref(col))
            return None

    def emp_id(self, table: Table, row: Row, fld: str) -> str | None:
        """A known employee id from a cell, or an issue."""
        raw = row.get(fld)
        ident = C.text(raw)
        if ident is None:
            self.out.add("the employee id is missing", table.title, row.ref(fld))
            return None
        if ident not in self.ids:
            self.out.add(f"unknown employee {ident!r} (not in the Employees sheet)",
                         table.title, row.ref(fld))
            return None
        return ident

    def shift_code(self, raw: Any, where: C.Where) -> str | None:
        code = C.text(raw)
        if code is None:
            return None
        found = self.codes.get(code) or self.codes.get(code.lower())
        if found is None:
            known = ", ".join(s.code for s in self.shifts) or "none"
            where.problem(f"unknown shift code {code!r} (known: {known})")
        return found

    def in_horizon(self, d: date, where: C.Where, what: str = "the date") -> bool:
        if self.start is None or self.end is None:
            return True
        if self.start <= d <= self.end:
            return True
        where.problem(f"{what} {d.isoformat()} is outside the horizon "
                      f"{self.start.isoformat()} to {self.end.isoformat()}")
        return False

    # --- Settings -----------------------------------------------------------------------------

    def key_values(self, ws: Any, keys: Any, what: str) -> dict[str, tuple[Any, str]]:
        """A key | value sheet (Settings, Weights): known key -> (raw value, A1 of the value).

        A header row ("key | value", "nøkkel | verdi") is skipped; unknown and repeated keys are
        reported at their cell."""
        lookup = {n: k.key for k in keys for n in k.names()}
        raw: dict[str, tuple[Any, str]] = {}
        for row in ws.iter_rows(min_col=1, max_col=2):
            by_col = {c.column: c for c in row}  # only used cells: B may be absent
            kcell, vcell = by_col.get(1), by_col.get(2)
            if kcell is None or C.is_empty(kcell.value):
                continue
            label = C.text(kcell.value) or ""
            n = S.norm(label)
            if n in _HEADER_KEYS and (vcell is None or S.norm(vcell.value or "") in
                                      {S.norm("value"), S.norm("verdi"), ""}):
                continue
            key = lookup.get(n)
            if key is None:
                known = ", ".join(k.key for k in keys)
                self.out.add(f"unknown {what} {label!r} (known: {known})", ws.title,
                             kcell.coordinate)
                continue
            if key in raw:
                self.out.add(f"the {what} {key!r} is given twice", ws.title, kcell.coordinate)
                continue
            ref = vcell.coordinate if vcell is not None else f"B{kcell.row}"
            raw[key] = (vcell.value if vcell is not None else None, ref)
        return raw

    def read_settings(self, required: bool) -> None:
        ws = self.ws("settings")
        if ws is None:
            if required:
                self.require_sheet("settings")
            return
        title = ws.title
        raw = self.key_values(ws, S.SETTING_KEYS, "setting")
        values: dict[str, Any] = {}
        for key, (value, ref) in raw.items():
            self.setting_refs[key] = ref
            w = self.where(title, ref)
            if key in ("start", "end", "month"):
                continue
            parsed = self.parse_setting(key, value, w)
            if parsed is not _SKIP:
                values[key] = parsed
        self.settings_values = values
        self.read_horizon(title, raw, required)
        # validate the settings fields we have (horizon filled in with a dummy if unknown)
        probe_start = self.start or date(2000, 1, 1)
        probe_end = self.end or probe_start
        try:
            Settings(start=probe_start, end=probe_end, **values)
        except ValidationError as exc:
            for err in exc.errors():
                loc = [x for x in err.get("loc", ()) if isinstance(x, str)]
                ref = self.setting_refs.get(loc[0], "") if loc else ""
                if loc and loc[0] in ("start", "end"):
                    continue
                self.out.add(_plain(err), title, ref)
            self.settings_values = {k: v for k, v in values.items()
                                    if not any(k in e.get("loc", ()) for e in exc.errors())}

    def parse_setting(self, key: str, value: Any, w: C.Where) -> Any:
        if key == "site_name":
            return C.text(value) or ""
        if key in ("day_boundary", "week_start_time", "night_start", "night_end",
                   "vacation_first_morning_until"):
            t = C.parse_time(value, w)
            return _SKIP if t is None else t
        if key == "week_start":
            if C.is_empty(value):
                return _SKIP
            if isinstance(value, str) and C.clean(value).isdigit():
                value = int(C.clean(value))
            if isinstance(value, int | float) and not isinstance(value, bool):
                if float(value).is_integer() and 0 <= value <= 6:
                    return int(value)
            else:
                wd = S.weekday_of(str(value))
                if wd is not None and wd != S.HOLIDAY:
                    return wd
            w.problem(f"expected a weekday (Monday..Sunday, mandag..søndag) or 0-6 "
                      f"(0 = Monday), found {value!r}")
            return _SKIP
        if key == "full_time_hours":
            x = C.parse_number(value, w, minimum=1, maximum=48, what="hours per week")
            return _SKIP if x is None else x
        if key == "weekend_rhythm":
            x = C.parse_number(value, w, minimum=0, maximum=10, what="a number of weekends")
            if x is not None and not float(x).is_integer():
                w.problem(f"expected a whole number of weekends, found {value!r}")
                return _SKIP
            return _SKIP if x is None else int(x)
        if key == "contract_tolerance_shifts":
            x = C.parse_number(value, w, minimum=0, maximum=31, what="a number of shifts")
            return _SKIP if x is None else x
        if key in ("overtime_premium_pct", "extra_hours_supplement_pct"):
            low = 40 if key == "overtime_premium_pct" else 0
            x = C.parse_number(value, w, minimum=low, maximum=1000, what="a percentage")
            return _SKIP if x is None else x
        if key in ("rota_10_4_4", "presume_breaks"):
            b = C.parse_bool(value, w)
            return _SKIP if b is None else b
        if key == "continuous_rota":
            if isinstance(value, str) and S.norm(value) in _NOT_KNOWN:
                return None
            return C.parse_bool(value, w, default=None)
        if key == "school_holidays":
            return self.parse_periods(value, w)
        if key in ("tariff_bound", "allow_split_duties", "strict", "allow_overtime"):
            b = C.parse_bool(value, w)
            return _SKIP if b is None else b
        if key in ("sunday_work_permitted_by_nature", "night_work_permitted_by_nature"):
            if isinstance(value, str) and S.norm(value) in _NOT_KNOWN:
                return None
            return C.parse_bool(value, w, default=None)
        if key == "open_tier_powers":
            return agreement_check.parse_reading(value, w) or _SKIP
        if key == "language":
            lang = _LANGUAGES.get((C.text(value) or "").lower())
            if lang is None:
                w.problem(f"unknown language {value!r} (use en or nb)")
                return _SKIP
            self.out.lang = lang  # problems are shown in the workbook's language
            return lang
        raise AssertionError(key)  # pragma: no cover - every key is handled above

    def parse_periods(self, value: Any, w: C.Where) -> Any:
        """``first..last`` date periods separated by ``;`` or new lines (a single date is a
        one-day period)."""
        if C.is_empty(value):
            return _SKIP
        if isinstance(value, date | int | float) and not isinstance(value, bool):
            day = C.parse_date(value, w, **self.date_kw())
            return _SKIP if day is None else ((day, day),)
        out = []
        for part in re.split(r"[;\n]+", str(value)):
            if not part.strip():
                continue
            ends = [x.strip() for x in part.split("..")]
            days = [C.parse_date(x, w, **self.date_kw()) for x in ends]
            if len(ends) > 2 or any(d is None for d in days):
                if len(ends) > 2:
                    w.problem(f"expected first..last, found {part.strip()!r}")
                return _SKIP
            first, last = days[0], days[-1]
            if last < first:
                w.problem(f"the period {part.strip()!r} ends before it starts")
                return _SKIP
            out.append((first, last))
        return tuple(out)

    def read_horizon(self, title: str, raw: dict[str, tuple[Any, str]], required: bool) -> None:
        month = raw.get("month")
        start = raw.get("start")
        end = raw.get("end")
        given = lambda item: item is not None and not C.is_empty(item[0])  # noqa: E731
        s = C.parse_date(start[0], self.where(title, start[1]), **self.date_kw()) \
            if given(start) else None  # type: ignore[index]
        e = C.parse_date(end[0], self.where(title, end[1]), **self.date_kw()) \
            if given(end) else None  # type: ignore[index]
        if given(month):
            value, ref = month  # type: ignore[misc]
            if given(start) or given(end):
                self.out.add("give either month or start/end, not both", title, ref)
                return
            ym = _parse_month(value)
            if ym is None:
                self.out.add(f"expected a month like 2026-04, found {value!r}", title, ref)
                return
            last = _calendar.monthrange(*ym)[1]
            self.start, self.end = date(ym[0], ym[1], 1), date(ym[0], ym[1], last)
            return
        if given(end) and not given(start):
            self.out.add("the horizon has an end but no start", title, end[1])  # type: ignore[index]
            return
        if not given(start):
            if required:
                self.out.add("the planning horizon is missing: give month (e.g. 2026-04), or "
                             "start and end", title, "A1")
            return
        if s is None or (given(end) and e is None):
            return  # already reported
        if e is None:
            e = _add_month(s) - timedelta(days=1)
        if e < s:
            self.out.add(f"the horizon ends ({e.isoformat()}) before it starts "
                         f"({s.isoformat()})", title, end[1])  # type: ignore[index]
            return
        if (e - s).days > 400:
            self.out.add("the horizon is longer than 400 days", title,
                         end[1] if end else start[1])  # type: ignore[index]
            return
        self.start, self.end = s, e

    # --- Shifts -------------------------------------------------------------------------------

    def read_shifts(self, required: bool) -> None:
        table = self.table("shifts")
        if table is None:
            if required:
                self.require_sheet("shifts")
            return
        if not _missing_columns(table, S.SHIFTS, self.out):
            return
        seen: dict[str, str] = {}
        for row in table.rows:
            code = C.text(row.get("code"))
            if code is None:
                self.out.add("the shift code is missing", table.title, row.ref("code"))
                continue
            w = self.at(table, row, "code")
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
            start = C.parse_time(row.get("start"), self.at(table, row, "start"))
            end = C.parse_time(row.get("end"), self.at(table, row, "end"))
            if row.get("start") is None:
                self.out.add("the start time is missing", table.title, row.ref("start"))
            if row.get("end") is None:
                self.out.add("the end time is missing", table.title, row.ref("end"))
            brk = C.parse_number(row.get("break_minutes"), self.at(table, row, "break_minutes"),
                                 integer=True, minimum=0, maximum=240, what="minutes")
            paid = C.parse_bool(row.get("break_counts_as_work"),
                                self.at(table, row, "break_counts_as_work"), default=True)
            if start is None or end is None:
                continue
            kwargs: dict[str, Any] = {"code": code, "name": C.text(row.get("name")) or "",
                                      "start": start, "end": end,
                                      "break_counts_as_work": bool(paid)}
            if brk is not None:
                kwargs["break_minutes"] = brk
            passive = C.parse_number(row.get("passive_minutes"),
                                     self.at(table, row, "passive_minutes"), integer=True,
                                     minimum=0, maximum=1440, what="minutes")
            if passive:
                kwargs["passive_minutes"] = passive
            on_call = C.text(row.get("on_call"))
            if on_call:
                kind = _ON_CALL.get(S.norm(on_call))
                if kind is None:
                    self.at(table, row, "on_call").problem(
                        f"expected site or home (på stedet / hjemme), found {on_call!r}")
                    continue
                kwargs["on_call"] = kind
            st = self.build(ShiftType, kwargs, table, row, default_field="break_minutes")
            if st is not None:
                self.shifts.append(st)
                self.codes[st.code] = st.code
                self.codes.setdefault(st.code.lower(), st.code)
        if not self.shifts and required and not table.rows:
            self.out.add("no shift types are defined", table.title, f"A{table.header_row + 1}")

    # --- Employees ----------------------------------------------------------------------------

    def read_employees(self, required: bool) -> None:
        table = self.table("employees")
        if table is None:
            if required:
                self.require_sheet("employees")
            return
        if not _missing_columns(table, S.EMPLOYEES, self.out):
            return
        pct_header = ""
        if "position_pct" in table.cols:
            pct_header = table.headers[table.cols["position_pct"]][0]
        fraction_ok = any(x in S.norm(pct_header) for x in ("%", "pct", "prosent", "andel"))
        seen: dict[str, str] = {}
        for row in table.rows:
            ident = C.text(row.get("id"))
            if ident is None:
                self.out.add("the employee id is missing", table.title, row.ref("id"))
                continue
            if ident in seen:
                self.out.add(f"duplicate employee id {ident!r} (also in {seen[ident]})",
                             table.title, row.ref("id"))
                continue
            seen[ident] = row.ref("id")
            kw: dict[str, Any] = {"id": ident, "name": C.text(row.get("name")) or ""}
            pcell = row.cell("position_pct")
            pct = C.parse_percent(
                row.get("position_pct"), self.at(table, row, "position_pct"),
                fraction_ok=fraction_ok,
                cell_is_percent=pcell is not None and "%" in str(pcell.number_format),
            )
            if pct is not None:
                kw["position_pct"] = pct
            hours = C.parse_number(row.get("weekly_hours"), self.at(table, row, "weekly_hours"),
                                   minimum=0, maximum=80, what="hours per week")
            if hours is not None:
                kw["weekly_hours"] = hours
            skills_text = C.text(row.get("skills"))
            if skills_text:
                parts = [p.strip() for p in skills_text.replace(";", ",").replace("/", ",")
                         .split(",")]
                kw["skills"] = tuple(dict.fromkeys(p for p in parts if p))
            for fld, default in (("under_18", False), ("in_school", False),
                                 ("night_work_allowed", True), ("exempt_10_12", False),
                                 ("excused_overtime", False), ("overtime_consent", False),
                                 ("high_risk_night", False)):
                kw[fld] = C.parse_bool(row.get(fld), self.at(table, row, fld), default=default)
            born = C.parse_date(row.get("birth_date"), self.at(table, row, "birth_date"),
                                **self.date_kw())
            if born is not None:
                kw["birth_date"] = born
            cost = C.parse_number(row.get("hourly_cost"), self.at(table, row, "hourly_cost"),
                                  minimum=0, what="a cost per hour")
            if cost is not None:
                kw["hourly_cost"] = cost
            contract = C.text(row.get("contract"))
            if contract is not None:
                if contract in self.contract_ids:
                    kw["contract"] = contract
                else:
                    known = ", ".join(sorted(self.contract_ids)) or "none"
                    self.out.add(f"unknown contract {contract!r} (not in the Contracts sheet; "
                                 f"known: {known})", table.title, row.ref("contract"))
            emp = self.build(Employee, kw, table, row, default_field="id")
            if emp is not None:
                self.employees.append(emp)
                self.skills.update(emp.skills)
        self.ids = set(seen)

    # --- Contracts ----------------------------------------------------------------------------

    def read_contracts(self) -> None:
        """The Contracts sheet (optional; read after Shifts, before Employees)."""
        table = self.table("contracts")
        if table is None:
            return
        if not _missing_columns(table, S.CONTRACTS, self.out):
            return
        seen: dict[str, str] = {}
        for row in table.rows:
            ident = C.text(row.get("id"))
            if ident is None:
                self.out.add("the contract id is missing", table.title, row.ref("id"))
                continue
            if ident in seen:
                self.out.add(f"duplicate contract id {ident!r} (also in {seen[ident]})",
                             table.title, row.ref("id"))
                continue
            seen[ident] = row.ref("id")
            contract = self.contract_row(table, row, ident)
            if contract is not None:
                self.contracts.append(contract)
        self.contract_ids = {c.id for c in self.contracts} | set(seen)

    def contract_row(self, table: Table, row: Row, ident: str) -> Contract | None:
        before = len(self.out.issues)
        kw: dict[str, Any] = {"id": ident}
        kw["max_shifts"] = self.contract_max_shifts(table, row)
        hours: dict[str, float] = {}
        for fld in ("min_hours", "max_hours"):
            x = C.parse_number(row.get(fld), self.at(table, row, fld), minimum=0,
                               maximum=24 * 401, what="a number of hours")
            if x is not None:
                hours[fld] = x
                kw[fld.replace("hours", "total_minutes")] = round(x * 60)
        if len(hours) == 2 and hours["min_hours"] > hours["max_hours"]:
            self.out.add(f"the minimum hours ({hours['min_hours']:g}) are above the maximum "
                         f"({hours['max_hours']:g})", table.title, row.ref("min_hours"))
        counts: dict[str, int] = {}
        for fld, what in (("max_consecutive_shifts", "a number of days"),
                          ("min_consecutive_shifts", "a number of days"),
                          ("min_consecutive_days_off", "a number of days"),
                          ("max_weekends", "a number of weekends")):
            x = C.parse_number(row.get(fld), self.at(table, row, fld), integer=True, minimum=0,
                               maximum=400, what=what)
            if x is not None:
                counts[fld] = int(x)
                kw[fld] = int(x)
        lo, hi = counts.get("min_consecutive_shifts"), counts.get("max_consecutive_shifts")
        if lo is not None and hi is not None and lo > hi:
            self.out.add(f"the minimum working days in a row ({lo}) is above the maximum ({hi})",
                         table.title, row.ref("min_consecutive_shifts"))
        kw["forbidden_successions"] = self.contract_successions(table, row)
        if len(self.out.issues) > before:
            return None
        return self.build(Contract, kw, table, row, default_field="id")

    def contract_pairs(self, table: Table, row: Row, fld: str,
                       sep: str) -> list[tuple[str, str]]:
        """The ``LEFT<sep>RIGHT`` items of a cell, separated by ``|`` (or ``,``/``;``)."""
        raw = C.text(row.get(fld))
        if raw is None:
            return []
        where = self.at(table, row, fld)
        example = "N=5|D=20" if sep == "=" else "N>D|E>D"
        out = []
        for part in re.split(r"[|,;]", raw):
            left, found, right = (x.strip() for x in part.partition(sep))
            if not part.strip():
                continue
            if not found or not left or not right:
                where.problem(f"cannot read {part.strip()!r}: write it like {example}")
                continue
            out.append((left, right))
        return out

    def contract_max_shifts(self, table: Table, row: Row) -> dict[str, int]:
        where = self.at(table, row, "max_shifts")
        out: dict[str, int] = {}
        for left, right in self.contract_pairs(table, row, "max_shifts", "="):
            code = self.shift_code(left, where)
            n = C.parse_number(right, where, integer=True, minimum=0, maximum=400,
                               what=f"a whole number of {left} shifts")
            if code is None or n is None:
                continue
            if code in out:
                where.problem(f"the shift {code!r} is given twice")
            out[code] = int(n)
        return out

    def contract_successions(self, table: Table, row: Row) -> tuple[tuple[str, str], ...]:
        where = self.at(table, row, "forbidden_successions")
        out: dict[tuple[str, str], None] = {}
        for left, right in self.contract_pairs(table, row, "forbidden_successions", ">"):
            a, b = self.shift_code(left, where), self.shift_code(right, where)
            if a is not None and b is not None:
                out[(a, b)] = None
        return tuple(out)

    # --- Agreements ---------------------------------------------------------------------------

    def read_agreements(self) -> None:
        table = self.table("agreements")
        if table is None:
            return
        if not _missing_columns(table, S.AGREEMENTS, self.out):
            return
        groups: dict[tuple[str | None, str, Tier], list[tuple[Row, str | None, Any]]] = {}
        dates: dict[tuple[str | None, str, Tier], dict[str, tuple[date, str]]] = {}
        for row in table.rows:
            scope_text = C.text(row.get("scope"))
            scope: str | None
            ok = True
            if scope_text is None or S.norm(scope_text) in {S.norm(x) for x in S.SITE_WORDS}:
                scope = None
            elif scope_text in self.ids:
                scope = scope_text
            else:
                self.out.add(f"unknown employee {scope_text!r} (write site for a site-wide "
                             "agreement)", table.title, row.ref("scope"))
                scope, ok = None, False
            fam = _family(row.get("family"))
            if fam is None:
                self.out.add("the rule family is missing", table.title, row.ref("family"))
                ok = False
            elif fam not in limits.FAMILIES:
                known = ", ".join(limits.FAMILIES)
                self.out.add(f"unknown rule family {C.text(row.get('family'))!r} "
                             f"(known: {known})", table.title, row.ref("family"))
                ok = False
            tier = self.tier(table, row)
            if tier is None:
                ok = False
            param = C.text(row.get("parameter"))
            if param is not None:
                param = "_".join(param.lower().split())
            raw_value = row.get("value")
            value: Any = None
            if param is None and not C.is_empty(raw_value):
                self.out.add("a value without a parameter name", table.title,
                             row.ref("parameter"))
                ok = False
            elif param is not None:
                if C.is_empty(raw_value):
                    self.out.add(f"the parameter {param!r} has no value", table.title,
                                 row.ref("value"))
                    ok = False
                else:
                    p = limits.FAMILIES[fam].params.get(param) if fam in limits.FAMILIES else None
                    w = self.at(table, row, "value")
                    if p is not None and p.direction == "flag" and isinstance(p.default, str):
                        value = (C.text(raw_value) or "").lower()
                    elif p is not None and p.direction == "flag":
                        value = C.parse_bool(raw_value, w)
                    elif p is not None:
                        value = C.parse_number(raw_value, w)
                    else:
                        value = C.text(raw_value)
                    if value is None:
                        ok = False
            vf = C.parse_date(row.get("valid_from"), self.at(table, row, "valid_from"),
                              **self.date_kw())
            vt = C.parse_date(row.get("valid_to"), self.at(table, row, "valid_to"),
                              **self.date_kw())
            if vf is not None and vt is not None and vt < vf:
                self.out.add(f"valid_to {vt.isoformat()} is before valid_from "
                             f"{vf.isoformat()}", table.title, row.ref("valid_to"))
                ok = False
            if not ok or fam is None or tier is None:
                continue
            key = (scope, fam, tier)
            known_dates = dates.setdefault(key, {})
            clash = False
            for fld, d in (("valid_from", vf), ("valid_to", vt)):
                if d is None:
                    continue
                if fld in known_dates and known_dates[fld][0] != d:
                    self.out.add(f"this agreement already has {fld} "
                                 f"{known_dates[fld][0].isoformat()} (in "
                                 f"{known_dates[fld][1]})", table.title, row.ref(fld))
                    clash = True
                else:
                    known_dates.setdefault(fld, (d, row.ref(fld)))
            if clash:
                continue
            group = groups.setdefault(key, [])
            if param is not None and any(p == param for _, p, _ in group):
                self.out.add(f"the parameter {param!r} is given twice for this agreement",
                             table.title, row.ref("parameter"))
                continue
            group.append((row, param, value))
        tariff = self.settings_values.get("tariff_bound", True)
        for (scope, fam, tier), rows in groups.items():
            first = rows[0][0]
            params = {p: v for _, p, v in rows if p is not None}
            d = dates.get((scope, fam, tier), {})
            try:
                agreement = Agreement(
                    family=fam, tier=tier, employee=scope, params=params,
                    valid_from=d["valid_from"][0] if "valid_from" in d else None,
                    valid_to=d["valid_to"][0] if "valid_to" in d else None,
                )
            except ValidationError as exc:
                for err in exc.errors():
                    self.out.add(_plain(err), table.title, first.ref("value"))
                continue
            agreement, problems = agreement_check.review(agreement, rows, self.settings_values)
            for message, ref in problems:
                self.out.add(message, table.title, ref)
            if tier == Tier.T3_TARIFF_REPS and tariff is False:
                self.out.add("T3_TARIFF_REPS needs an employer bound by a collective agreement "
                             "(tariff_bound is no in Settings); use T3b_NONTARIFF_REPS",
                             table.title, first.ref("tier"))
                continue
            if tier == Tier.T3b_NONTARIFF_REPS and tariff is not False:
                self.out.add("T3b_NONTARIFF_REPS is only for an employer without a collective "
                             "agreement (set tariff_bound to no in Settings)", table.title,
                             first.ref("tier"))
                continue
            if not problems:
                self.agreements.append(agreement)

    def tier(self, table: Table, row: Row) -> Tier | None:
        raw = C.text(row.get("tier"))
        if raw is None:
            self.out.add("the tier is missing", table.title, row.ref("tier"))
            return None
        n = S.norm(raw)
        for t in Tier:
            if S.norm(t.value) == n:
                return t
        if n in _TIER_ALIASES:
            return _TIER_ALIASES[n]
        known = ", ".join(t.value for t in Tier)
        self.out.add(f"unknown tier {raw!r} (known: {known})", table.title, row.ref("tier"))
        return None

    # --- Weights ------------------------------------------------------------------------------

    def read_weights(self) -> None:
        ws = self.ws("weights")
        if ws is None:
            return
        values: dict[str, int] = {}
        for key, (value, ref) in self.key_values(ws, S.WEIGHT_KEYS, "weight").items():
            if C.is_empty(value):
                self.out.add(f"the weight {key!r} has no value", ws.title, ref)
                continue
            x = C.parse_number(value, self.where(ws.title, ref), integer=True, minimum=0,
                               maximum=MAX_WEIGHT, what="a whole number")
            if x is not None:
                values[key] = int(x)
        self.weights = Weights(**values)

    # --- History ------------------------------------------------------------------------------

    def read_history(self) -> None:
        table = self.table("history")
        if table is None:
            return
        if not _missing_columns(table, S.HISTORY, self.out):
            return
        summary: dict[str, dict[str, Any]] = {}
        summary_refs: dict[tuple[str, str], str] = {}
        for row in table.rows:
            emp = self.emp_id(table, row, "employee")
            if emp is None:
                continue
            has_period = not C.is_empty(row.get("start")) or not C.is_empty(row.get("end"))
            if has_period:
                self.history_period(table, row, emp)
            for fld in ("overtime_ytd_hours", "last_sunday_worked"):
                raw = row.get(fld)
                if C.is_empty(raw):
                    continue
                w = self.at(table, row, fld)
                if (emp, fld) in summary_refs:
                    w.problem(f"{fld} for {emp!r} is already given in {summary_refs[emp, fld]}")
                    continue
                summary_refs[emp, fld] = row.ref(fld)
                if fld == "overtime_ytd_hours":
                    x = C.parse_number(raw, w, minimum=0, maximum=10_000, what="hours")
                    if x is not None:
                        summary.setdefault(emp, {})[fld] = x
                else:
                    d = C.parse_date(raw, w, **self.date_kw())
                    if d is None:
                        continue
                    hols = public_holidays(d, d)
                    if d.weekday() != 6 and d not in hols:
                        w.problem(f"{d.isoformat()} is neither a Sunday nor a public holiday")
                        continue
                    if self.start is not None and d >= self.start:
                        w.problem(f"{d.isoformat()} is not before the horizon, which starts "
                                  f"{self.start.isoformat()}")
                        continue
                    summary.setdefault(emp, {})[fld] = d
        for emp in sorted(summary):
            self.employee_history.append(EmployeeHistory(employee=emp, **summary[emp]))

    def history_period(self, table: Table, row: Row, emp: str) -> None:
        if C.is_empty(row.get("start")):
            self.out.add("the start is missing", table.title, row.ref("start"))
            return
        if C.is_empty(row.get("end")):
            self.out.add("the end is missing", table.title, row.ref("end"))
            return
        start = C.parse_datetime(row.get("start"), self.at(table, row, "start"), **self.date_kw())
        raw_end = row.get("end")
        end_w = self.at(table, row, "end")
        end: datetime | None
        if start is not None and _looks_like_time(raw_end):
            t = C.parse_time(raw_end, end_w)
            if t is None:
                return
            end = datetime.combine(start.date(), t, tzinfo=start.tzinfo)
            if end <= start:
                end = datetime.combine(start.date() + timedelta(days=1), t, tzinfo=start.tzinfo)
        else:
            end = C.parse_datetime(raw_end, end_w, **self.date_kw())
        kind_text = C.text(row.get("kind"))
        kind = PeriodKind.planned
        if kind_text is not None:
            k = S.match_word(kind_text, S.PERIOD_KINDS)
            if k is None:
                self.out.add(f"unknown kind {kind_text!r} (use planned, overtime or extra)",
                             table.title, row.ref("kind"))
                return
            kind = PeriodKind(k)
        brk = C.parse_number(row.get("break_minutes"), self.at(table, row, "break_minutes"),
                             integer=True, minimum=0, maximum=240, what="minutes")
        if start is None or end is None:
            return
        if end <= start:
            end_w.problem(f"the end ({end.strftime('%Y-%m-%d %H:%M')}) is not after the start "
                          f"({start.strftime('%Y-%m-%d %H:%M')})")
            return
        if self.start is not None and start.date() >= self.start:
            self.out.add(f"history must start before the horizon ({self.start.isoformat()})",
                         table.title, row.ref("start"))
            return
        kw: dict[str, Any] = {"employee": emp, "start": start, "end": end, "kind": kind}
        if brk is not None:
            kw["break_minutes"] = brk
        hp = self.build(HistoryPeriod, kw, table, row, default_field="end")
        if hp is not None:
            self.history.append(hp)

    # --- Demand -------------------------------------------------------------------------------

    def read_demand(self) -> None:
        table = self.table("demand", extra=True)
        if table is None:
            self.require_sheet("demand")
            return
        if not table.headers:
            self.out.add("the Demand sheet is empty", table.title, "A1")
            return
        entries: list[_DemandEntry] = []
        if "shift" in table.cols or "min" in table.cols:
            if not _missing_columns(table, S.DEMAND, self.out):
                return
            self.demand_long(table, entries)
        else:
            self.demand_wide(table, entries)
        if self.start is None or self.end is None or not self.shifts:
            return
        self.expand_demand(table, entries)

    def day_key(self, raw: Any, w: C.Where) -> date | int | None:
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
        return C.parse_date(raw, w, **self.date_kw())

    def check_skill(self, skill: str, w: C.Where) -> bool:
        if skill and skill not in self.skills:
            w.problem(f"no employee has the skill {skill!r}")
            return False
        return True

    def demand_long(self, table: Table, entries: list[_DemandEntry]) -> None:
        for row in table.rows:
            key = self.day_key(row.get("date"), self.at(table, row, "date"))
            code_raw = row.get("shift")
            code = None
            if C.is_empty(code_raw):
                self.out.add("the shift code is missing", table.title, row.ref("shift"))
            else:
                code = self.shift_code(code_raw, self.at(table, row, "shift"))
            skill = C.text(row.get("skill")) or ""
            skill_ok = self.check_skill(skill, self.at(table, row, "skill"))
            if C.is_empty(row.get("min")):
                self.out.add("the minimum number of staff is missing", table.title,
                             row.ref("min"))
                continue
            mn = C.parse_number(row.get("min"), self.at(table, row, "min"), integer=True,
                                minimum=0, maximum=10_000, what="a whole number of staff")
            tg = C.parse_number(row.get("target"), self.at(table, row, "target"), integer=True,
                                minimum=0, maximum=10_000, what="a whole number of staff")
            wt = C.parse_number(row.get("weight"), self.at(table, row, "weight"), minimum=0)
            if mn is not None and tg is not None and tg < mn:
                self.out.add(f"the target {tg} is below the minimum {mn}", table.title,
                             row.ref("target"))
                continue
            if key is None or code is None or mn is None or not skill_ok:
                continue
            if C.is_empty(row.get("target")) is False and tg is None:
                continue
            if C.is_empty(row.get("weight")) is False and wt is None:
                continue
            entries.append(_DemandEntry(key, code, skill, int(mn),
                                        None if tg is None else int(tg), wt,
                                        table.title, row.ref("date"), row.ref("shift")))

    def demand_wide(self, table: Table, entries: list[_DemandEntry]) -> None:
        day_col = table.cols.get("date", 1)  # the first column holds the day
        columns: dict[int, tuple[str, str]] = {}  # col -> (code, skill)
        for col, (label, ref) in sorted(table.headers.items()):
            if col == day_col or S.norm(label) in _NOTE_HEADERS:
                continue
            if col in table.cols.values() and col != day_col:
                continue  # skill/weight/target columns make no sense here; ignore
            code_part, _, skill = label.partition(":")
            w = self.where(table.title, ref)
            code = self.shift_code(code_part.strip(), w)
            skill = skill.strip()
            if code is None or not self.check_skill(skill, w):
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
            key = self.day_key(day_cell.value if day_cell is not None else None,
                               self.where(table.title, ref))
            for col, (code, skill) in columns.items():
                cell = row.cells.get(col)
                if cell is None or C.is_empty(cell.value):
                    continue
                mn = C.parse_number(cell.value, self.where(table.title, cell.coordinate),
                                    integer=True, minimum=0, maximum=10_000,
                                    what="a whole number of staff")
                if mn is None or key is None:
                    continue
                entries.append(_DemandEntry(key, code, skill, int(mn), None, None,
                                            table.title, ref, cell.coordinate))

    def expand_demand(self, table: Table, entries: list[_DemandEntry]) -> None:
        assert self.start is not None and self.end is not None
        pattern: dict[tuple[int, str, str], _DemandEntry] = {}
        dated: dict[tuple[date, str, str], _DemandEntry] = {}
        for e in entries:
            if isinstance(e.key, date):
                if not self.in_horizon(e.key, self.where(e.sheet, e.day_ref)):
                    continue
                k = (e.key, e.shift, e.skill)
                if k in dated:
                    self.out.add(f"demand for {e.shift}{':' + e.skill if e.skill else ''} on "
                                 f"{e.key.isoformat()} is already given in {dated[k].ref}",
                                 e.sheet, e.ref)
                    continue
                dated[k] = e
            else:
                pk = (e.key, e.shift, e.skill)
                if pk in pattern:
                    day = "Holiday" if e.key == S.HOLIDAY else S.WEEKDAY_EN[e.key]
                    self.out.add(f"demand for {e.shift}{':' + e.skill if e.skill else ''} on "
                                 f"{day} is already given in {pattern[pk].ref}", e.sheet, e.ref)
                    continue
                pattern[pk] = e
        hols = public_holidays(self.start, self.end)
        has_holiday_row = any(k[0] == S.HOLIDAY for k in pattern)
        items: dict[tuple[date, str, str], _DemandEntry] = {}
        for day in _days(self.start, self.end):
            key = S.HOLIDAY if (day in hols and has_holiday_row) else day.weekday()
            for (k, code, skill), e in pattern.items():
                if k == key:
                    items[day, code, skill] = e
        items.update(dated)
        order = {s.code: i for i, s in enumerate(self.shifts)}
        for (day, code, skill), e in sorted(items.items(),
                                            key=lambda kv: (kv[0][0], order[kv[0][1]], kv[0][2])):
            if e.minimum == 0 and not e.target:
                continue
            try:
                self.demand.append(DemandItem(day=day, shift=code, skill=skill, minimum=e.minimum,
                                              target=e.target, weight=e.weight))
            except ValidationError as exc:
                for err in exc.errors():
                    self.out.add(_plain(err), e.sheet, e.ref)

    # --- Requests and fixed assignments -------------------------------------------------------

    def read_requests(self) -> None:
        table = self.table("requests")
        if table is None:
            return
        if not _missing_columns(table, S.REQUESTS, self.out):
            return
        if "date" not in table.cols and "from" not in table.cols:
            self.out.add("the Requests sheet needs a date column, or from and to columns",
                         table.title, f"A{table.header_row}")
            return
        for row in table.rows:
            emp = self.emp_id(table, row, "employee")
            kind_text = C.text(row.get("kind"))
            kind: str | None = None
            if kind_text is None:
                self.out.add("the kind of request is missing (unavailable, day_off, shift_wish "
                             "or avoid_shift)", table.title, row.ref("kind"))
            else:
                kind = S.match_word(kind_text, S.REQUEST_KINDS)
                if kind is None:
                    self.out.add(f"unknown kind of request {kind_text!r} (use unavailable, "
                                 "day_off, shift_wish or avoid_shift)", table.title,
                                 row.ref("kind"))
            code = None
            if not C.is_empty(row.get("shift")):
                code = self.shift_code(row.get("shift"), self.at(table, row, "shift"))
                if code is None:
                    continue
            if kind in ("shift_wish", "avoid_shift") and code is None:
                self.out.add(f"a {kind} request needs a shift code", table.title,
                             row.ref("shift"))
                continue
            first, last = self.request_days(table, row)
            weight = C.parse_number(row.get("weight"), self.at(table, row, "weight"), minimum=0)
            if C.is_empty(row.get("weight")) is False and weight is None:
                continue
            if emp is None or kind is None or first is None or last is None:
                continue
            if self.start is not None and self.end is not None:
                if last < self.start or first > self.end:
                    self.out.add(f"the request ({first.isoformat()} to {last.isoformat()}) lies "
                                 f"outside the horizon {self.start.isoformat()} to "
                                 f"{self.end.isoformat()}", table.title,
                                 row.ref("date" if "date" in table.cols and
                                         not C.is_empty(row.get("date")) else "from"))
                    continue
                first, last = max(first, self.start), min(last, self.end)
            kw: dict[str, Any] = {"employee": emp, "start": first, "end": last,
                                  "kind": RequestKind(S.request_kind(kind)), "shift": code,
                                  "vacation": kind == "vacation"}
            if weight is not None:
                kw["weight"] = weight
            req = self.build(Request, kw, table, row,
                             fields={"start": "from", "end": "to"}, default_field="kind")
            if req is not None:
                self.requests.append(req)
                self.request_rows.append((req, row.r))

    def request_days(self, table: Table, row: Row) -> tuple[date | None, date | None]:
        kw = self.date_kw()
        one = row.get("date")
        frm, to = row.get("from"), row.get("to")
        if not C.is_empty(one):
            if not C.is_empty(frm) or not C.is_empty(to):
                self.out.add("give either date, or from and to, not both", table.title,
                             row.ref("date"))
                return None, None
            d = C.parse_date(one, self.at(table, row, "date"), **kw)
            return d, d
        if C.is_empty(frm):
            self.out.add("the date is missing (give date, or from and to)", table.title,
                         row.ref("date" if "date" in table.cols else "from"))
            return None, None
        a = C.parse_date(frm, self.at(table, row, "from"), **kw)
        b = C.parse_date(to, self.at(table, row, "to"), **kw) if not C.is_empty(to) else a
        if a is not None and b is not None and b < a:
            self.out.add(f"the request ends ({b.isoformat()}) before it starts "
                         f"({a.isoformat()})", table.title, row.ref("to"))
            return None, None
        return a, b

    def read_fixed(self) -> None:
        table = self.table("fixed")
        if table is None:
            return
        if not _missing_columns(table, S.FIXED, self.out):
            return
        seen: dict[tuple[str, date], str] = {}
        unavailable = {
            (r.employee, d): rr for r, rr in self.request_rows
            if r.kind == RequestKind.unavailable for d in r.days()
        }
        off_words = {S.norm(x) for x in S.OFF_WORDS}
        for row in table.rows:
            emp = self.emp_id(table, row, "employee")
            raw_day = row.get("date")
            day = None
            if C.is_empty(raw_day):
                self.out.add("the date is missing", table.title, row.ref("date"))
            else:
                day = C.parse_date(raw_day, self.at(table, row, "date"), **self.date_kw())
                if day is not None and not self.in_horizon(day, self.at(table, row, "date")):
                    day = None
            code_text = C.text(row.get("shift"))
            code: str | None = None
            if code_text is None:
                self.out.add("the shift code is missing (a code, or OFF for a day off)",
                             table.title, row.ref("shift"))
            elif (S.norm(code_text) in off_words or dayoff.reserved(code_text)) \
                    and code_text not in self.codes:
                code = "OFF"
            else:
                code = self.shift_code(code_text, self.at(table, row, "shift"))
            if emp is None or day is None or code is None:
                continue
            if (emp, day) in seen:
                self.out.add(f"{emp!r} is already fixed on {day.isoformat()} (in "
                             f"{seen[emp, day]})", table.title, row.ref("date"))
                continue
            seen[emp, day] = row.ref("date")
            if code != "OFF" and (emp, day) in unavailable:
                self.out.add(f"{emp!r} is fixed to {code} on {day.isoformat()} but is "
                             f"unavailable that day (Requests row {unavailable[emp, day]})",
                             table.title, row.ref("shift"))
                continue
            self.fixed.append(FixedAssignment(employee=emp, day=day, shift=code))

    # --- Whole reads --------------------------------------------------------------------------

    def raise_if_any(self) -> None:
        """Raise every issue, ordered as the workbook is: sheet order, then row, then column."""
        near_miss.check(self.out, self.titles, self.found, [
            (t.title, spec, t.headers, t.cols,
             _NOTE_HEADERS | (_wide_demand_headers(t, self.codes) if spec is S.DEMAND else set()))
            for spec, t in self.tables_read])
        if not self.out.issues:
            return
        order = {title: i for i, title in enumerate(self.titles)}

        def key(issue: Any) -> tuple[int, int, int]:
            row, col = _cell_position(issue.cell)
            return (order.get(issue.sheet, -1), row, col)

        raise InputError(sorted(self.out.issues, key=key), self.out.lang)

    def problem(self) -> Problem:
        self.read_settings(required=True)
        self.read_shifts(required=True)
        self.read_contracts()
        self.read_employees(required=True)
        self.read_agreements()
        self.read_weights()
        self.read_history()
        self.read_demand()
        self.read_requests()
        self.read_fixed()
        self.raise_if_any()
        assert self.start is not None and self.end is not None
        try:
            settings = Settings(start=self.start, end=self.end, **self.settings_values)
            return Problem(
                settings=settings,
                shifts=tuple(self.shifts),
                employees=tuple(self.employees),
                demand=tuple(self.demand),
                requests=tuple(self.requests),
                fixed=tuple(self.fixed),
                history=tuple(self.history),
                employee_history=tuple(self.employee_history),
                agreements=tuple(self.agreements),
                contracts=tuple(self.contracts),
                weights=self.weights,
            )
        except ValidationError as exc:  # should not happen: every reference was checked above
            for err in exc.errors():
                self.out.add(_plain(err))
            raise InputError(self.out.issues) from None

    def parts(self) -> WorkbookParts:
        self.read_settings(required=False)
        self.read_shifts(required=False)
        self.read_contracts()
        self.read_employees(required=False)
        self.read_agreements()
        self.read_weights()
        self.read_history()
        self.raise_if_any()
        return WorkbookParts(
            path=self.file,
            sheet_names=self.titles,
            found=dict(self.found),
            settings_values=dict(self.settings_values),
            shifts=tuple(self.shifts),
            employees=tuple(self.employees),
            agreements=tuple(self.agreements),
            contracts=tuple(self.contracts),
            history=tuple(self.history),
            employee_history=tuple(self.employee_history),
            weights=self.weights,
            start=self.start,
            end=self.end,
        )


_SKIP = object()


@dataclass(frozen=True)
class _DemandEntry:
    key: date | int  # a date, a weekday 0..6 or sheets.HOLIDAY
    shift: str
    skill: str
    minimum: int
    target: int | None
    weight: float | None
    sheet: str
    day_ref: str
    ref: str


def _wide_demand_headers(table: Table, codes: dict[str, str]) -> set[str]:
    """Headers of the wide Demand layout (a shift code, or CODE:SKILL): known, not near misses."""
    return {label for label, _ in table.headers.values()
            if label in codes or label.split(":")[0].strip() in codes}


def _cell_position(ref: str) -> tuple[int, int]:
    """(row, column) of an A1 reference, (0, 0) when there is none."""
    m = re.match(r"^([A-Z]+)(\d+)$", ref or "")
    if not m:
        return (0, 0)
    col = 0
    for ch in m[1]:
        col = col * 26 + ord(ch) - 64
    return (int(m[2]), col)


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _add_month(d: date) -> date:
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return date(y, m, min(d.day, _calendar.monthrange(y, m)[1]))


def _parse_month(value: Any) -> tuple[int, int] | None:
    if isinstance(value, datetime | date):
        return value.year, value.month
    s = C.text(value)
    if s is None:
        return None
    m = re.match(r"^(\d{4})[-/.](\d{1,2})$", s) or None
    if m:
        y, mo = int(m[1]), int(m[2])
    else:
        m = re.match(r"^(\d{1,2})[-/.](\d{4})$", s)
        if not m:
            return None
        mo, y = int(m[1]), int(m[2])
    if not (1 <= mo <= 12 and 1900 <= y <= 9999):
        return None
    return y, mo


def _looks_like_time(value: Any) -> bool:
    if isinstance(value, time):
        return True
    if isinstance(value, int | float) and not isinstance(value, bool):
        return 0 <= value < 1
    if isinstance(value, str):
        s = C.clean(value)
        return len(s) <= 8 and ("-" not in s) and s.count(".") <= 1 and "/" not in s
    return False


def _family(raw: Any) -> str | None:
    """A family key such as '10-5' from a cell (Excel may have turned 10-5 into a date)."""
    if C.is_empty(raw):
        return None
    if isinstance(raw, datetime | date):
        if raw.month == 10:
            return f"10-{raw.day}"
        if raw.day == 10:
            return f"10-{raw.month}"
        return raw.isoformat()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        s = str(raw)
    else:
        s = str(raw)
    s = C.clean(s).replace("§", "").replace("AML", "").replace("aml", "")
    s = s.replace("\u2011", "-").replace("\u2013", "-").replace(".", "-").replace(" ", "")
    if s not in limits.FAMILIES and s + "0" in limits.FAMILIES:
        s += "0"
    return s


def read_problem(path: str | os.PathLike[str], data: bytes | None = None) -> Problem:
    """Read the whole planning problem; raise :class:`InputError` with every issue found.

    ``data``: the file's bytes, when the caller read them already (then ``path`` only names
    the file in messages)."""
    return _Reader(path, data).problem()


def read_parts(path: str | os.PathLike[str], book: UsedBook | None = None) -> WorkbookParts:
    """Read only the sheets present (for ``roster check``); raise :class:`InputError` on issues.

    ``book``: the workbook at ``path`` when the caller has opened it already
    (:func:`scheduler.workbook.used.open_used`; ``roster check`` reads its roster from it too)."""
    return _Reader(path, book=book).parts()


__all__: list[str] = ["WorkbookParts", "read_parts", "read_problem"]
