"""Agreements against the table: what is wrong with one (:func:`problems`), the limits in force
per parameter (:func:`effective`, typed as ``Effective.p``) and the least tier that would allow a
measured value (:func:`allowed_by`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from constraints.limits.table import FAMILIES, TYPED, tiers_that_relax
from constraints.limits.tiers import T0, TIER_ORDER, Reading, Value, typed
from scheduler.model import Agreement, Tier


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an agreement: ``kind`` says which cell it is about."""

    kind: Literal["family", "tier", "parameter", "type", "power", "bound"]
    text: str
    param: str | None = None


def problems(agreement: Agreement) -> list[Problem]:
    """Everything wrong with an agreement (unknown family/parameter, a tier without the power,
    a value beyond the tier's bound)."""
    fam = FAMILIES.get(agreement.family)
    if fam is None:
        known = ", ".join(sorted(FAMILIES))
        return [Problem("family", f"unknown rule family {agreement.family!r} (known: {known})")]
    if agreement.tier not in fam.tiers:
        allowed = ", ".join(t.value for t in fam.tiers)
        return [Problem("tier", f"tier {agreement.tier.value} cannot relax § {fam.key} "
                                f"(allowed: {allowed})")]
    reading: Reading = agreement.reading
    out: list[Problem] = []
    for name, value in agreement.params.items():
        p = fam.params.get(name)
        if p is None:
            known = ", ".join(sorted(fam.params))
            out.append(Problem("parameter", f"§ {fam.key} has no parameter {name!r} "
                                            f"(known: {known})", name))
            continue
        if p.direction != "flag" and not isinstance(value, int | float):
            out.append(Problem("type", f"{name} must be a number, got {value!r}", name))
            continue
        if p.permits(agreement.tier, value, reading):
            continue
        if agreement.tier != T0 and not p.relaxes(agreement.tier, reading):
            tiers = [t.value for t in tiers_that_relax(p, reading)]
            who = tiers[0] if len(tiers) == 1 else f"one of {', '.join(tiers)}" if tiers \
                else "an agreement no tier may make"
            out.append(Problem("power", f"{p.paragraph}: {name} = {value} needs {who}, not "
                                        f"{agreement.tier.value} (rule {p.rule})", name))
            continue
        b = p.bound(agreement.tier, reading)
        word = "above the ceiling" if p.direction == "ceiling" else "below the floor"
        better = allowed_by(fam.key, name, value, reading)  # type: ignore[arg-type]
        hint = f"; {better.value} would allow it" if better else ""
        out.append(Problem("bound", f"{name} = {value} is {word} of {b} {p.unit} that "
                                    f"{agreement.tier.value} allows under § {fam.key}{hint}",
                           name))
    return out


def validate(agreement: Agreement) -> list[str]:
    """Plain-language problems with an agreement (see :func:`problems`)."""
    return [p.text for p in problems(agreement)]


def _in_force(a: Agreement, employee: str | None, on: date | None) -> bool:
    if a.employee is not None and a.employee != employee:
        return False
    if on is not None:
        if a.valid_from is not None and on < a.valid_from:
            return False
        if a.valid_to is not None and on > a.valid_to:
            return False
    return True


@dataclass(frozen=True)
class Effective:
    """Limits in force for one employee under one family.

    ``tier`` is the most permissive tier in force for the family (an averaging or overtime
    arrangement as a whole); ``tiers`` names, per parameter, the tier whose power set its value.
    """

    family: str
    tier: Tier
    values: dict[str, Value]
    tiers: dict[str, Tier] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Value:
        return self.values[name]

    def num(self, name: str) -> float:
        return float(self.values[name])

    @property
    def p(self) -> Any:
        """The limits in force as the family's typed parameters (``NormalHoursLimits``, …),
        built once per object."""
        got = self.__dict__.get("_p")
        if got is None:
            got = typed(TYPED[self.family], FAMILIES[self.family], self.values)
            object.__setattr__(self, "_p", got)
        return got


def _rank(t: Tier) -> int:
    return TIER_ORDER.index(t)


def effective(
    key: str,
    agreements: tuple[Agreement, ...] | list[Agreement],
    employee: str | None = None,
    on: date | None = None,
    overrides: dict[str, Value] | None = None,
) -> Effective:
    """The limits in force, parameter by parameter.

    For each parameter the tier is the most permissive one in force that has a power over it
    (so a site T3 agreement on rest and an individual T2 agreement on Sundays in a row both
    apply, and a T3 agreement never relaxes Sundays in a row). That tier's bound applies (e.g. a
    T2 averaging agreement alone allows 10 h per 24 h); an explicit value in an agreement at
    that tier is used as written (it was validated on reading), an individual one over a site
    one. ``overrides`` are site settings that may only make a limit *stricter*.
    """
    fam = FAMILIES[key]
    in_force = [a for a in agreements if a.family == key and _in_force(a, employee, on)]
    tier = T0
    for a in in_force:
        if a.tier in fam.tiers and _rank(a.tier) > _rank(tier):
            tier = a.tier
    values: dict[str, Value] = {}
    tiers: dict[str, Tier] = {}
    for name, p in fam.params.items():
        t = T0
        stating = [a for a in in_force if name in a.params] if p.explicit else in_force
        for a in stating:
            if _rank(a.tier) > _rank(t) and (p.setting or p.relaxes(a.tier, a.reading)):
                t = a.tier
        at_t = [a for a in stating if a.tier == t]
        reading: Reading = "broad" if any(a.reading == "broad" for a in at_t) else "protective"
        values[name] = p.bound(t, reading)
        tiers[name] = t
        for a in sorted(at_t, key=lambda a: a.employee is not None):  # individual last: wins
            if name in a.params:
                values[name] = a.params[name]
    if overrides:
        for name, v in overrides.items():
            param = fam.params.get(name)
            if param is None:
                continue
            if param.direction == "ceiling" and float(v) < float(values[name]):
                values[name] = v
            elif param.direction == "floor" and float(v) > float(values[name]):
                values[name] = v
    return Effective(key, tier, values, tiers)


def allowed_by(key: str, name: str, measured: float | bool,
               reading: Reading = "protective") -> Tier | None:
    """The least permissive tier whose power would permit ``measured``, or ``None``."""
    p = FAMILIES[key].params[name]
    for tier in TIER_ORDER:
        if p.relaxes(tier, reading) and p.permits(tier, measured, reading):
            return tier
    return None
