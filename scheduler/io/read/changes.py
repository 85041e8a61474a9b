"""The Changes sheet (Norwegian ``Endringer``) of ``roster replan``: what changed since the
roster was published.

The sheet is in the planning workbook, or in its own file (``--changes``): an ``.xlsx`` whose
sheet is called Changes/Endringer (else its first sheet), or a ``.csv`` (``,`` or ``;``, UTF-8
with or without BOM; cells are named spreadsheet-style, ``B3`` = line 3, column 2). One row per
change; the ``kind`` column says which:

==========================================  ===================================================
kind (English / Norwegian)                  columns
==========================================  ===================================================
sick / syk, leave / permisjon, course/kurs  employee, from, to (whole days; ``to`` empty: one day)
demand / bemanning                          date, shift, skill (empty: anyone), change (+n / -n)
pin / fast                                  employee, date, shift (a code, or OFF / fri)
now / nå                                    date: the moment of re-planning (date and time)
==========================================  ===================================================

``date`` and ``from`` may stand for each other. Every problem is collected with its sheet and
cell and raised together (:class:`~scheduler.errors.InputError`); nothing is skipped silently.
"""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from pydantic import ValidationError

from scheduler import dayoff, i18n
from scheduler.clock import TZ
from scheduler.errors import Collector, InputError, Issue
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import plain
from scheduler.io.read.table import Row, Table, read_table
from scheduler.io.used import load_used
from scheduler.model import Problem
from scheduler.replan.changes import Absence, AbsenceKind, Changes, DemandChange, Pin

CHANGES = S.SheetSpec(
    "changes", "Changes", "Endringer",
    (
        S.Col("kind", "kind", "Type", ("art", "change kind", "endringstype", "hva"),
              required=True),
        S.Col("employee", "employee", "Ansatt", ("id", "ansattnr")),
        S.Col("from", "from", "Fra", ("start", "fra dato", "fom", "from date")),
        S.Col("to", "to", "Til", ("end", "slutt", "til dato", "tom", "to date")),
        S.Col("date", "date", "Dato", ("dag", "day", "when", "når", "tidspunkt", "moment")),
        S.Col("shift", "shift", "Vakt", ("kode", "code")),
        S.Col("skill", "skill", "Kompetanse", ("skills", "ferdighet")),
        S.Col("change", "change", "Endring", ("delta", "n", "antall", "±n", "+/-")),
    ),
    ("endringer", "changes sheet"),
)

KINDS: dict[str, str] = {
    **{S.norm(w): AbsenceKind.sick.value
       for w in ("sick", "sickness", "syk", "sykdom", "sykmeldt", "egenmelding")},
    **{S.norm(w): AbsenceKind.leave.value for w in ("leave", "permisjon", "perm")},
    **{S.norm(w): AbsenceKind.course.value for w in ("course", "kurs", "opplæring", "training")},
    **{S.norm(w): "demand" for w in ("demand", "bemanning", "behov", "demand change")},
    **{S.norm(w): "pin" for w in ("pin", "pinned", "fixed", "fast", "låst", "fastsatt")},
    **{S.norm(w): "now" for w in ("now", "nå", "replan at", "tidspunkt")},
}
CSV_SUFFIXES = (".csv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def find_changes_sheet(names: list[str]) -> str | None:
    return S.find_sheet(names, CHANGES)


def read_changes(path: str | os.PathLike[str], problem: Problem, *,
                 in_planning: bool = False) -> Changes:
    """The changes in ``path``: its Changes sheet (a workbook; with ``in_planning`` only that
    sheet, and none is no change), or the file itself (a CSV). Raises InputError with every
    problem found."""
    path = Path(path)
    out = Collector(str(path))
    out.lang = i18n.language(problem.settings.language)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError([Issue(i18n.msg("input.roster.no_file"), str(path))], out.lang)
    date_kw: dict[str, Any] = {}
    if suffix in CSV_SUFFIXES:
        ws = _csv_sheet(path, out)
    elif suffix in WORKBOOK_SUFFIXES:
        book = load_used(path)
        if book.epoch is not None:
            date_kw["epoch"] = book.epoch
        title = find_changes_sheet(list(book.sheetnames))
        if title is None and in_planning:
            return Changes()
        if title is None:
            title = book.sheetnames[0]
        ws = book[title]
    else:
        raise InputError([Issue(i18n.msg("replan.input.suffix", suffix=suffix or "-"),
                                str(path))], out.lang)
    if ws is None:
        out.raise_if_any()
        return Changes()
    table = read_table(ws, CHANGES, out)
    changes = _rows(table, problem, out, date_kw) if table is not None else Changes()
    out.raise_if_any()
    return changes


def _csv_sheet(path: Path, out: Collector) -> Any:
    """The CSV's lines as a sheet (text cells), so the table reader names cells as in Excel."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        out.add(i18n.msg("replan.input.not_utf8"))
        return None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    wb = Workbook()
    ws = wb.active
    ws.title = path.stem[:31] or "csv"
    for r, line in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        for c, value in enumerate(line, start=1):
            if value.strip():
                ws.cell(row=r, column=c, value=value)
    return ws


def _rows(table: Table, problem: Problem, out: Collector, date_kw: dict[str, Any]) -> Changes:
    if "kind" not in table.cols:
        out.add(i18n.msg("replan.input.no_kind_column"), table.title,
                f"A{table.header_row or 1}")
        return Changes()
    ids = {e.id for e in problem.employees}
    codes = {s.code: s.code for s in problem.shifts} | {s.code.lower(): s.code
                                                        for s in problem.shifts}
    skills = {k for e in problem.employees for k in e.skills}
    s = problem.settings
    absences: list[Absence] = []
    demand: list[DemandChange] = []
    pins: list[Pin] = []
    now: list[tuple[datetime, str]] = []

    def where(row: Row, fld: str) -> C.Where:
        return C.Where(out, table.title, row.ref(fld))

    def need(row: Row, fld: str) -> Any:
        v = row.get(fld)
        if C.is_empty(v):
            out.add(i18n.msg("replan.input.missing", column=CHANGES.column(fld).label(out.lang)),
                    table.title, row.ref(fld))
            return None
        return v

    def employee(row: Row) -> str | None:
        raw = need(row, "employee")
        ident = C.text(raw) if raw is not None else None
        if ident is not None and ident not in ids:
            out.add(i18n.msg("replan.input.unknown_employee", employee=ident), table.title,
                    row.ref("employee"))
            return None
        return ident

    def day(row: Row, fld: str, *, required: bool = True) -> date | None:
        other = "from" if fld == "date" else "date"
        use = fld if not C.is_empty(row.get(fld)) or C.is_empty(row.get(other)) else other
        raw = need(row, use) if required else row.get(use)
        if C.is_empty(raw):
            return None
        d = C.parse_date(raw, where(row, use), **date_kw)
        if d is not None and not s.start <= d <= s.end:
            out.add(i18n.msg("replan.input.outside", day=d.isoformat(), start=s.start.isoformat(),
                             end=s.end.isoformat()), table.title, row.ref(use))
            return None
        return d

    def shift(row: Row, *, off: bool = False) -> str | None:
        raw = need(row, "shift")
        code = C.text(raw) if raw is not None else None
        if code is None:
            return None
        if off and (S.norm(code) in {S.norm(w) for w in S.OFF_WORDS} or dayoff.reserved(code)) \
                and code not in codes:
            return "OFF"
        found = codes.get(code) or codes.get(code.lower())
        if found is None:
            out.add(i18n.msg("replan.input.unknown_shift", code=code,
                             known=", ".join(x.code for x in problem.shifts)),
                    table.title, row.ref("shift"))
        return found

    def build(model: type, row: Row, fld: str, **kw: Any) -> Any:
        try:
            return model(**kw, ref=f"{table.title}!{row.ref('kind')}")
        except ValidationError as exc:
            for err in exc.errors():
                out.add(plain(err), table.title, row.ref(fld))
            return None

    for row in table.rows:
        raw_kind = C.text(row.get("kind"))
        if raw_kind is None:
            out.add(i18n.msg("replan.input.missing", column=CHANGES.column("kind").label(out.lang)),
                    table.title,
                    row.ref("kind"))
            continue
        kind = KINDS.get(S.norm(raw_kind))
        if kind is None:
            out.add(i18n.msg("replan.input.unknown_kind", kind=raw_kind), table.title,
                    row.ref("kind"))
            continue
        if kind == "now":
            use = "date" if not C.is_empty(row.get("date")) else "from"
            raw = need(row, use)
            if raw is not None:
                moment = C.parse_datetime(raw, where(row, use), **date_kw)
                if moment is not None:
                    now.append((moment, row.ref(use)))
        elif kind == "demand":
            d, code = day(row, "date"), shift(row)
            skill = C.text(row.get("skill")) or ""
            if skill and skill not in skills:
                out.add(i18n.msg("replan.input.unknown_skill", skill=skill), table.title,
                        row.ref("skill"))
                continue
            raw = need(row, "change")
            n = (C.parse_number(str(raw).replace("±", "").strip() if isinstance(raw, str)
                                else raw, where(row, "change"), integer=True,
                                what="a whole number like +1 or -1")
                 if raw is not None else None)
            if d is not None and code is not None and n is not None:
                made = build(DemandChange, row, "change", day=d, shift=code, skill=skill,
                             delta=int(n))
                if made is not None:
                    demand.append(made)
        elif kind == "pin":
            emp, d, code = employee(row), day(row, "date"), shift(row, off=True)
            if emp is not None and d is not None and code is not None:
                made = build(Pin, row, "shift", employee=emp, day=d, shift=code)
                if made is not None:
                    pins.append(made)
        else:
            emp, a = employee(row), day(row, "from")
            b = day(row, "to", required=False) if not C.is_empty(row.get("to")) else a
            if emp is not None and a is not None and b is not None:
                made = build(Absence, row, "to", employee=emp, start=a, end=b, kind=kind)
                if made is not None:
                    absences.append(made)
    if len(now) > 1:
        for _, ref in now[1:]:
            out.add(i18n.msg("replan.input.two_nows", first=now[0][1]), table.title, ref)
    moment = now[0][0] if now else None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=TZ)
    return Changes(absences=tuple(absences), demand=tuple(demand), pins=tuple(pins),
                   now=moment)


def parse_now(text: str) -> datetime | None:
    """``--now``: ISO 8601 (``2026-04-10T12:00``, with or without an offset; without one it
    is Oslo wall-clock time), ``dd.mm.yyyy hh:mm``, or a date alone (its start)."""
    try:
        moment: datetime | None = datetime.fromisoformat(text.strip())
    except ValueError:
        moment = C.datetime_from_text(text.strip())
    if moment is None:
        d = C.date_from_text(text.strip())
        if d is None:
            return None
        moment = datetime.combine(d, time(0, 0))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=TZ)
