"""What the sheets of one planning workbook have read so far, and the issues found.

Each sheet's reader fills its part (the horizon, shift codes, employee ids, skills ...) and
the later sheets check their references against it; every issue goes to one collector.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from scheduler.errors import Collector
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.table import Row, Table, merge_issues, read_table
from scheduler.io.used import UsedBook, load_used, refuse_huge_merges
from scheduler.model import (
    Agreement,
    Contract,
    DemandItem,
    Employee,
    EmployeeHistory,
    FixedAssignment,
    HistoryPeriod,
    Request,
    ShiftType,
    Weights,
)


def plain(err: Any) -> str:
    msg = str(err.get("msg", "invalid value"))
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            msg = msg[len(prefix):]
    loc = [str(x) for x in err.get("loc", ()) if not isinstance(x, int)]
    return f"{loc[0]}: {msg}" if loc else msg


class Book:
    """A workbook being read: its sheets, what the sheets read so far and the issues."""

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
        # Codes (exact and lower-case) of Shifts rows with an error: reported once, at that row;
        # a row elsewhere that uses the code gets no second "unknown shift code" error.
        self.broken_codes: set[str] = set()
        # The Employees sheet could not be read (missing, misspelt, a required column missing):
        # that is reported once; ids and skills used elsewhere are then not called unknown.
        self.employees_unread = False
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
        table = read_table(ws, S.SHEETS_BY_KEY[key], self.out, row_filter_extra=extra)
        if table is not None:
            merge_issues(ws, table, self.out, wide=extra)
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
                self.out.add(plain(err), table.title, row.ref(col))
            return None

    def emp_id(self, table: Table, row: Row, fld: str) -> str | None:
        """A known employee id from a cell, or an issue."""
        raw = row.get(fld)
        ident = C.text(raw)
        if ident is None:
            self.out.add("the employee id is missing", table.title, row.ref(fld))
            return None
        if ident not in self.ids and self.employees_unread:
            return None  # the Employees sheet's own error says why
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
        if found is None and (code in self.broken_codes or code.lower() in self.broken_codes):
            return None  # its Shifts row has an error, reported there
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
