"""Check one ``Agreements`` agreement against the statute's table of tier powers.

The reader groups the rows of one agreement (same scope, family and tier) and hands them here.
:func:`review` returns the agreement as it will be used (read with the Settings' reading of
UNCONFIRMED powers) and every problem with the cell it is about:

* a tier that may not relax the named parameter — e.g. three Sundays/holidays in a row on a
  T3 row — is an input error at that row's ``tier`` cell, worded from the statute (§, the tier
  that may, rule id) in the workbook's language;
* a ``T2_INDIVIDUAL`` agreement without an employee (scope ``site``) is an input error: a T2
  agreement is signed by one employee, so it needs one row (set) per employee;
* a value beyond the tier's bound, an unknown parameter or a non-number, as
  :func:`constraints.limits.problems` words them.

A valid agreement at a tier whose power is open is not an input error; the checker warns about
it (rule ``AML-10-12-4-union`` / ``AML-10-12-6-7-inspectorate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from constraints import limits
from scheduler import i18n
from scheduler.io import cells as C
from scheduler.model import Agreement, Tier

READINGS = ("protective", "broad")
_READING_WORDS = {"protective": "protective", "vernende": "protective", "strict": "protective",
                  "streng": "protective", "broad": "broad", "vid": "broad", "wide": "broad"}


class _Row(Protocol):
    def ref(self, fld: str | None) -> str: ...


def parse_reading(value: Any, where: C.Where) -> str | None:
    """The Settings value ``open_tier_powers``: ``protective`` (default) or ``broad``."""
    text = (C.text(value) or "").strip().lower()
    if not text:
        return None
    reading = _READING_WORDS.get(text)
    if reading is None:
        where.problem(f"expected protective or broad (vernende / vid), found {value!r}")
    return reading


def review(
    agreement: Agreement,
    rows: Sequence[tuple[_Row, str | None, Any]],
    settings_values: dict[str, Any],
) -> tuple[Agreement, list[tuple[str, str]]]:
    """The agreement with its reading, and its problems as (message, cell)."""
    reading = settings_values.get("open_tier_powers") or "protective"
    lang = i18n.language(settings_values.get("language"))
    agreement = agreement.model_copy(update={"reading": reading})
    first = rows[0][0]
    out: list[tuple[str, str]] = []
    if agreement.tier == Tier.T2_INDIVIDUAL and agreement.employee is None:
        out.append((i18n.text("agreements.t2_site", lang), first.ref("scope")))
    for p in limits.problems(agreement):
        row = next((r for r, name, _ in rows if name is not None and name == p.param), first)
        if p.kind == "power":
            out.append((power_message(agreement, p.param or "", lang), row.ref("tier")))
        elif p.kind in ("family", "tier"):
            out.append((p.text, first.ref(p.kind)))
        elif p.kind == "parameter":
            out.append((p.text, row.ref("parameter")))
        else:
            out.append((p.text, row.ref("value")))
    return agreement, out


def power_message(agreement: Agreement, name: str, lang: str) -> str:
    """"§ 10-8 (4): red_days_in_a_row = 3 needs a written agreement with the employee (T2), not
    T3_TARIFF_REPS" — in ``lang``, with the spec's rule id and, for an open power, the hint."""
    fam = limits.FAMILIES[agreement.family]
    p = fam.params[name]
    nb = lang == "nb"
    who = [f"{limits.TIER_WORDS[t][1 if nb else 0]} ({limits.TIER_SHORT[t]})"
           for t in limits.tiers_that_relax(p, agreement.reading)]
    needed = (" eller " if nb else " or ").join(who) if who else i18n.text("agreements.no_tier",
                                                                           lang)
    power = p.power(agreement.tier)
    hint = ""
    if power is not None and power.open and agreement.reading == "protective" \
            and power.broad is not None and p.permits(agreement.tier,
                                                      agreement.params[name], "broad"):
        hint = i18n.text("agreements.open_hint", lang, paragraph=power.paragraph)
    return i18n.text("agreements.tier_power", lang, paragraph=p.paragraph, param=name,
                     value=_shown(agreement.params[name]), needed=needed,
                     tier=agreement.tier.value, rule=p.rule) + hint


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
