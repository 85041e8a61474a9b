"""The Employees sheet (Ansatte): one row per employee."""

from __future__ import annotations

from typing import Any

from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read.book import Book
from scheduler.io.read.table import missing_columns
from scheduler.model import Employee


def read_employees(bk: Book, required: bool) -> None:
    table = bk.table("employees")
    if table is None:
        bk.employees_unread = True
        if required:
            bk.require_sheet("employees")
        return
    if not missing_columns(table, S.EMPLOYEES, bk.out):
        bk.employees_unread = True
        return
    pct_header = ""
    if "position_pct" in table.cols:
        pct_header = table.headers[table.cols["position_pct"]][0]
    fraction_ok = any(x in S.norm(pct_header) for x in ("%", "pct", "prosent", "andel"))
    seen: dict[str, str] = {}
    for row in table.rows:
        ident = C.text(row.get("id"))
        if ident is None:
            bk.out.add("the employee id is missing", table.title, row.ref("id"))
            continue
        if ident in seen:
            bk.out.add(f"duplicate employee id {ident!r} (also in {seen[ident]})",
                       table.title, row.ref("id"))
            continue
        seen[ident] = row.ref("id")
        kw: dict[str, Any] = {"id": ident, "name": C.text(row.get("name")) or ""}
        pcell = row.cell("position_pct")
        pct = C.parse_percent(
            row.get("position_pct"), bk.at(table, row, "position_pct"),
            fraction_ok=fraction_ok,
            cell_is_percent=pcell is not None and "%" in str(pcell.number_format),
        )
        if pct is not None:
            kw["position_pct"] = pct
        hours = C.parse_number(row.get("weekly_hours"), bk.at(table, row, "weekly_hours"),
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
            kw[fld] = C.parse_bool(row.get(fld), bk.at(table, row, fld), default=default)
        born = C.parse_date(row.get("birth_date"), bk.at(table, row, "birth_date"),
                            **bk.date_kw())
        if born is not None:
            kw["birth_date"] = born
        cost = C.parse_number(row.get("hourly_cost"), bk.at(table, row, "hourly_cost"),
                              minimum=0, what="a cost per hour")
        if cost is not None:
            kw["hourly_cost"] = cost
        contract = C.text(row.get("contract"))
        if contract is not None:
            if contract in bk.contract_ids:
                kw["contract"] = contract
            else:
                known = ", ".join(sorted(bk.contract_ids)) or "none"
                bk.out.add(f"unknown contract {contract!r} (not in the Contracts sheet; "
                           f"known: {known})", table.title, row.ref("contract"))
        emp = bk.build(Employee, kw, table, row, default_field="id")
        if emp is not None:
            bk.employees.append(emp)
            bk.skills.update(emp.skills)
    bk.ids = set(seen)
