"""The Contracts sheet (Kontrakter): per-contract shift counts, runs and successions."""

from __future__ import annotations

import re
from typing import Any

from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book
from scheduler.io.read.table import Row, Table, missing_columns
from scheduler.model import Contract


def read_contracts(bk: Book) -> None:
    """The Contracts sheet (optional; read after Shifts, before Employees)."""
    table = bk.table("contracts")
    if table is None:
        return
    if not missing_columns(table, S.CONTRACTS, bk.out):
        return
    seen: dict[str, str] = {}
    for row in table.rows:
        ident = C.text(row.get("id"))
        if ident is None:
            bk.out.add("the contract id is missing", table.title, row.ref("id"))
            continue
        if ident in seen:
            bk.out.add(f"duplicate contract id {ident!r} (also in {seen[ident]})",
                       table.title, row.ref("id"))
            continue
        seen[ident] = row.ref("id")
        contract = contract_row(bk, table, row, ident)
        if contract is not None:
            bk.contracts.append(contract)
    bk.contract_ids = {c.id for c in bk.contracts} | set(seen)


def contract_row(bk: Book, table: Table, row: Row, ident: str) -> Contract | None:
    before = len(bk.out.issues)
    kw: dict[str, Any] = {"id": ident}
    kw["max_shifts"] = contract_max_shifts(bk, table, row)
    hours: dict[str, float] = {}
    for fld in ("min_hours", "max_hours"):
        x = C.parse_number(row.get(fld), bk.at(table, row, fld), minimum=0,
                           maximum=24 * 401, what="a number of hours")
        if x is not None:
            hours[fld] = x
            kw[fld.replace("hours", "total_minutes")] = round(x * 60)
    if len(hours) == 2 and hours["min_hours"] > hours["max_hours"]:
        bk.out.add(f"the minimum hours ({hours['min_hours']:g}) are above the maximum "
                   f"({hours['max_hours']:g})", table.title, row.ref("min_hours"))
    counts: dict[str, int] = {}
    for fld, what in (("max_consecutive_shifts", "a number of days"),
                      ("min_consecutive_shifts", "a number of days"),
                      ("min_consecutive_days_off", "a number of days"),
                      ("max_weekends", "a number of weekends")):
        x = C.parse_number(row.get(fld), bk.at(table, row, fld), integer=True, minimum=0,
                           maximum=400, what=what)
        if x is not None:
            counts[fld] = int(x)
            kw[fld] = int(x)
    lo, hi = counts.get("min_consecutive_shifts"), counts.get("max_consecutive_shifts")
    if lo is not None and hi is not None and lo > hi:
        bk.out.add(f"the minimum working days in a row ({lo}) is above the maximum ({hi})",
                   table.title, row.ref("min_consecutive_shifts"))
    kw["forbidden_successions"] = contract_successions(bk, table, row)
    if len(bk.out.issues) > before:
        return None
    return bk.build(Contract, kw, table, row, default_field="id")


def contract_pairs(bk: Book, table: Table, row: Row, fld: str,
                   sep: str) -> list[tuple[str, str]]:
    """The ``LEFT<sep>RIGHT`` items of a cell, separated by ``|`` (or ``,``/``;``)."""
    raw = C.text(row.get(fld))
    if raw is None:
        return []
    where = bk.at(table, row, fld)
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


def contract_max_shifts(bk: Book, table: Table, row: Row) -> dict[str, int]:
    where = bk.at(table, row, "max_shifts")
    out: dict[str, int] = {}
    for left, right in contract_pairs(bk, table, row, "max_shifts", "="):
        code = bk.shift_code(left, where)
        n = C.parse_number(right, where, integer=True, minimum=0, maximum=400,
                           what=f"a whole number of {left} shifts")
        if code is None or n is None:
            continue
        if code in out:
            where.problem(f"the shift {code!r} is given twice")
        out[code] = int(n)
    return out


def contract_successions(bk: Book, table: Table, row: Row) -> tuple[tuple[str, str], ...]:
    where = bk.at(table, row, "forbidden_successions")
    out: dict[tuple[str, str], None] = {}
    for left, right in contract_pairs(bk, table, row, "forbidden_successions", ">"):
        a, b = bk.shift_code(left, where), bk.shift_code(right, where)
        if a is not None and b is not None:
            out[(a, b)] = None
    return tuple(out)
