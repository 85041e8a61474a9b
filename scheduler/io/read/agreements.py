"""The Agreements sheet (Avtaler): agreement tiers and parameters per rule family."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from constraints import limits
from scheduler.io import cells as C
from scheduler.io import sheets as S
from scheduler.io.read import agreement_check
from scheduler.io.read.book import Book, plain
from scheduler.io.read.table import Row, Table, missing_columns
from scheduler.model import Agreement, Tier

TIER_ALIASES: dict[str, Tier] = {
    "t0": Tier.T0_DEFAULT, "default": Tier.T0_DEFAULT, "lov": Tier.T0_DEFAULT,
    "t1": Tier.T1_EMPLOYER, "employer": Tier.T1_EMPLOYER, "arbeidsgiver": Tier.T1_EMPLOYER,
    "t2": Tier.T2_INDIVIDUAL, "individual": Tier.T2_INDIVIDUAL, "individuell": Tier.T2_INDIVIDUAL,
    "t3": Tier.T3_TARIFF_REPS, "tillitsvalgte": Tier.T3_TARIFF_REPS,
    "t3b": Tier.T3b_NONTARIFF_REPS,
    "t4": Tier.T4_UNION_INNSTILLINGSRETT, "innstillingsrett": Tier.T4_UNION_INNSTILLINGSRETT,
    "t5": Tier.T5_ARBEIDSTILSYNET, "arbeidstilsynet": Tier.T5_ARBEIDSTILSYNET,
}


def read_agreements(bk: Book) -> None:
    table = bk.table("agreements")
    if table is None:
        return
    if not missing_columns(table, S.AGREEMENTS, bk.out):
        return
    groups: dict[tuple[str | None, str, Tier], list[tuple[Row, str | None, Any]]] = {}
    dates: dict[tuple[str | None, str, Tier], dict[str, tuple[date, str]]] = {}
    for row in table.rows:
        scope_text = C.text(row.get("scope"))
        scope: str | None
        ok = True
        if scope_text is None or S.norm(scope_text) in {S.norm(x) for x in S.SITE_WORDS}:
            scope = None
        elif scope_text in bk.ids:
            scope = scope_text
        elif bk.employees_unread:  # the Employees sheet's own error says why
            scope, ok = None, False
        else:
            bk.out.add(f"unknown employee {scope_text!r} (write site for a site-wide "
                       "agreement)", table.title, row.ref("scope"))
            scope, ok = None, False
        fam = family_of(row.get("family"))
        if fam is None:
            bk.out.add("the rule family is missing", table.title, row.ref("family"))
            ok = False
        elif fam not in limits.FAMILIES:
            known = ", ".join(limits.FAMILIES)
            bk.out.add(f"unknown rule family {C.text(row.get('family'))!r} "
                       f"(known: {known})", table.title, row.ref("family"))
            ok = False
        tier = row_tier(bk, table, row)
        if tier is None:
            ok = False
        param = C.text(row.get("parameter"))
        if param is not None:
            param = "_".join(param.lower().split())
        raw_value = row.get("value")
        value: Any = None
        if param is None and not C.is_empty(raw_value):
            bk.out.add("a value without a parameter name", table.title,
                       row.ref("parameter"))
            ok = False
        elif param is not None:
            if C.is_empty(raw_value):
                bk.out.add(f"the parameter {param!r} has no value", table.title,
                           row.ref("value"))
                ok = False
            else:
                p = limits.FAMILIES[fam].params.get(param) if fam in limits.FAMILIES else None
                w = bk.at(table, row, "value")
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
        vf = C.parse_date(row.get("valid_from"), bk.at(table, row, "valid_from"),
                          **bk.date_kw())
        vt = C.parse_date(row.get("valid_to"), bk.at(table, row, "valid_to"),
                          **bk.date_kw())
        if vf is not None and vt is not None and vt < vf:
            bk.out.add(f"valid_to {vt.isoformat()} is before valid_from "
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
                bk.out.add(f"this agreement already has {fld} "
                           f"{known_dates[fld][0].isoformat()} (in "
                           f"{known_dates[fld][1]})", table.title, row.ref(fld))
                clash = True
            else:
                known_dates.setdefault(fld, (d, row.ref(fld)))
        if clash:
            continue
        group = groups.setdefault(key, [])
        if param is not None and any(p == param for _, p, _ in group):
            bk.out.add(f"the parameter {param!r} is given twice for this agreement",
                       table.title, row.ref("parameter"))
            continue
        group.append((row, param, value))
    tariff = bk.settings_values.get("tariff_bound", True)
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
                bk.out.add(plain(err), table.title, first.ref("value"))
            continue
        agreement, problems = agreement_check.review(agreement, rows, bk.settings_values)
        for message, ref in problems:
            bk.out.add(message, table.title, ref)
        if tier == Tier.T3_TARIFF_REPS and tariff is False:
            bk.out.add("T3_TARIFF_REPS needs an employer bound by a collective agreement "
                       "(tariff_bound is no in Settings); use T3b_NONTARIFF_REPS",
                       table.title, first.ref("tier"))
            continue
        if tier == Tier.T3b_NONTARIFF_REPS and tariff is not False:
            bk.out.add("T3b_NONTARIFF_REPS is only for an employer without a collective "
                       "agreement (set tariff_bound to no in Settings)", table.title,
                       first.ref("tier"))
            continue
        if not problems:
            bk.agreements.append(agreement)


def row_tier(bk: Book, table: Table, row: Row) -> Tier | None:
    raw = C.text(row.get("tier"))
    if raw is None:
        bk.out.add("the tier is missing", table.title, row.ref("tier"))
        return None
    found = tier_of(raw)
    if found is None:
        known = ", ".join(t.value for t in Tier)
        bk.out.add(f"unknown tier {raw!r} (known: {known})", table.title, row.ref("tier"))
    return found


def tier_of(text: str) -> Tier | None:
    """A tier from its name (``T3_TARIFF_REPS``) or a short name (``T3``, ``tillitsvalgte``)."""
    n = S.norm(text)
    for t in Tier:
        if S.norm(t.value) == n:
            return t
    return TIER_ALIASES.get(n)


def family_of(raw: Any) -> str | None:
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
