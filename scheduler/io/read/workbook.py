"""Read the planning workbook into a :class:`~scheduler.model.Problem`.

Every problem in the workbook is collected (file, sheet, A1 cell, a plain sentence) and raised
together as one :class:`~scheduler.errors.InputError`; nothing stops at the first mistake and no
traceback escapes. The file itself is only read (see :func:`excel.load_workbook_safely`), and
only the cells that hold data are kept (:mod:`scheduler.io.used`).

Sheet and column names are matched case- and space-insensitively, in English or Norwegian (see
:mod:`scheduler.io.sheets`). Unknown extra sheets and columns are ignored; empty rows are
skipped. The format is described for users in ``docs/workbook-format.md``; each sheet has its
reader in :mod:`scheduler.io.read` (one module per sheet, in the order of that page).

* :func:`read_problem` — the whole planning problem; Settings, Shifts, Employees and Demand
  are required.
* :func:`read_parts` — a lenient read for ``roster check``: only the sheets present are read and
  none is required; :meth:`WorkbookParts.settings` builds the settings once the horizon is known.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from scheduler.errors import Collector, InputError
from scheduler.io import sheets as S
from scheduler.io.read import near_miss
from scheduler.io.read.agreements import read_agreements
from scheduler.io.read.book import Book, plain
from scheduler.io.read.contracts import read_contracts
from scheduler.io.read.demand import read_demand, wide_demand_headers
from scheduler.io.read.employees import read_employees
from scheduler.io.read.fixed import read_fixed
from scheduler.io.read.history import read_history
from scheduler.io.read.requests import read_requests
from scheduler.io.read.settings import read_settings
from scheduler.io.read.shifts import read_shifts
from scheduler.io.read.table import NOTE_HEADERS
from scheduler.io.read.weights import read_weights
from scheduler.io.used import UsedBook
from scheduler.model import (
    Agreement,
    Contract,
    Employee,
    EmployeeHistory,
    HistoryPeriod,
    Problem,
    Settings,
    ShiftType,
    Weights,
)


def read_problem(path: str | os.PathLike[str], data: bytes | None = None) -> Problem:
    """Read the whole planning problem; raise :class:`InputError` with every issue found.

    ``data``: the file's bytes, when the caller read them already (then ``path`` only names
    the file in messages)."""
    return _problem(Book(path, data))


def read_parts(path: str | os.PathLike[str], book: UsedBook | None = None) -> WorkbookParts:
    """Read only the sheets present (for ``roster check``); raise :class:`InputError` on issues.

    ``book``: the workbook at ``path`` when the caller has opened it already
    (:func:`scheduler.io.used.open_used`; ``roster check`` reads its roster from it too)."""
    return _parts(Book(path, book=book))


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
                out.add(plain(err), self.found.get("settings", "Settings"))
            raise InputError(out.issues) from None


def _problem(bk: Book) -> Problem:
    read_settings(bk, required=True)
    read_shifts(bk, required=True)
    read_contracts(bk)
    read_employees(bk, required=True)
    read_agreements(bk)
    read_weights(bk)
    read_history(bk)
    read_demand(bk)
    read_requests(bk)
    read_fixed(bk)
    _raise_if_any(bk)
    assert bk.start is not None and bk.end is not None
    try:
        settings = Settings(start=bk.start, end=bk.end, **bk.settings_values)
        return Problem(
            settings=settings,
            shifts=tuple(bk.shifts),
            employees=tuple(bk.employees),
            demand=tuple(bk.demand),
            requests=tuple(bk.requests),
            fixed=tuple(bk.fixed),
            history=tuple(bk.history),
            employee_history=tuple(bk.employee_history),
            agreements=tuple(bk.agreements),
            contracts=tuple(bk.contracts),
            weights=bk.weights,
        )
    except ValidationError as exc:  # should not happen: every reference was checked above
        for err in exc.errors():
            bk.out.add(plain(err))
        raise InputError(bk.out.issues, bk.out.lang) from None


def _parts(bk: Book) -> WorkbookParts:
    read_settings(bk, required=False)
    read_shifts(bk, required=False)
    read_contracts(bk)
    read_employees(bk, required=False)
    read_agreements(bk)
    read_weights(bk)
    read_history(bk)
    _raise_if_any(bk)
    return WorkbookParts(
        path=bk.file,
        sheet_names=bk.titles,
        found=dict(bk.found),
        settings_values=dict(bk.settings_values),
        shifts=tuple(bk.shifts),
        employees=tuple(bk.employees),
        agreements=tuple(bk.agreements),
        contracts=tuple(bk.contracts),
        history=tuple(bk.history),
        employee_history=tuple(bk.employee_history),
        weights=bk.weights,
        start=bk.start,
        end=bk.end,
    )


def _raise_if_any(bk: Book) -> None:
    """Raise every issue, ordered as the workbook is: sheet order, then row, then column."""
    near_miss.check(bk.out, bk.titles, bk.found, [
        (t.title, spec, t.headers, t.cols,
         NOTE_HEADERS | (wide_demand_headers(
             t, bk.codes | {c: c for c in bk.broken_codes}) if spec is S.DEMAND else set()))
        for spec, t in bk.tables_read])
    if not bk.out.issues:
        return
    order = {title: i for i, title in enumerate(bk.titles)}

    def key(issue: Any) -> tuple[int, int, int]:
        row, col = _cell_position(issue.cell)
        return (order.get(issue.sheet, -1), row, col)

    raise InputError(sorted(bk.out.issues, key=key), bk.out.lang)


def _cell_position(ref: str) -> tuple[int, int]:
    """(row, column) of an A1 reference, (0, 0) when there is none."""
    m = re.match(r"^([A-Z]+)(\d+)$", ref or "")
    if not m:
        return (0, 0)
    col = 0
    for ch in m[1]:
        col = col * 26 + ord(ch) - 64
    return (int(m[2]), col)


__all__: list[str] = ["WorkbookParts", "read_parts", "read_problem"]
