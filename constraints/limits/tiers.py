"""The machinery of the table of agreement tiers: the tiers, what one tier may agree to for one
parameter (:class:`Power`), a parameter with its statutory default and powers (:class:`Param`),
a family's parameters (:class:`Family`), and :func:`typed`, a family's limits in force as its
typed parameters.

The rows themselves live one module per family (:mod:`constraints.limits.normal_hours`,
``averaging``, ``overtime``, ``rest``, ``sunday``, ``night``); :mod:`constraints.limits.table`
assembles them into the one table. See :mod:`constraints.limits` for the readings.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal, TypeVar

from scheduler.model import Tier

Direction = Literal["ceiling", "floor", "flag"]
Reading = Literal["protective", "broad"]
Value = float | bool | str

# Tier order from least to most permissive (used to pick "the most permissive tier in force").
TIER_ORDER: tuple[Tier, ...] = (
    Tier.T0_DEFAULT,
    Tier.T1_EMPLOYER,
    Tier.T2_INDIVIDUAL,
    Tier.T3_TARIFF_REPS,
    Tier.T3b_NONTARIFF_REPS,
    Tier.T5_ARBEIDSTILSYNET,
    Tier.T4_UNION_INNSTILLINGSRETT,
)

T0 = Tier.T0_DEFAULT
T1 = Tier.T1_EMPLOYER
T2 = Tier.T2_INDIVIDUAL
T3 = Tier.T3_TARIFF_REPS
T3b = Tier.T3b_NONTARIFF_REPS
T4 = Tier.T4_UNION_INNSTILLINGSRETT
T5 = Tier.T5_ARBEIDSTILSYNET

# Where a tier's power comes from, in words a union representative reads (English, bokmål).
TIER_WORDS: dict[Tier, tuple[str, str]] = {
    T0: ("no agreement (the statute)", "ingen avtale (loven)"),
    T1: ("the employer alone", "arbeidsgiver alene"),
    T2: ("a written agreement with the employee", "skriftlig avtale med arbeidstakeren"),
    T3: ("a written agreement with the elected representatives (collective agreement)",
         "skriftlig avtale med tillitsvalgte (tariffbundet virksomhet)"),
    T3b: ("a written agreement with the employee representatives (no collective agreement)",
          "skriftlig avtale med tillitsvalgte (ikke tariffbundet)"),
    T4: ("a collective agreement with a union with innstillingsrett (§ 10-12 (4))",
         "tariffavtale med fagforening med innstillingsrett (§ 10-12 (4))"),
    T5: ("consent from Arbeidstilsynet", "samtykke fra Arbeidstilsynet"),
}
TIER_SHORT: dict[Tier, str] = {T0: "T0", T1: "T1", T2: "T2", T3: "T3", T3b: "T3b", T4: "T4",
                               T5: "T5"}


@dataclass(frozen=True)
class Power:
    """What one tier may agree to for one parameter, and where the statute says so."""

    tier: Tier
    value: float | bool  # the protective reading (the only one unless ``open``)
    paragraph: str  # "§ 10-5 (1)"
    rule: str  # the spec row, e.g. "AML-10-5-1-avg-individual"
    condition: tuple[str, str] = ("", "")  # (English, bokmål): the statute's terms, if any
    open: bool = False  # the spec marks this power UNCONFIRMED
    broad: float | bool | None = None  # the other reading of an open power (None: no other)

    def bound(self, reading: Reading = "protective") -> float | bool:
        if reading == "broad" and self.broad is not None:
            return self.broad
        return self.value


@dataclass(frozen=True)
class Param:
    name: str
    default: Value
    direction: Direction
    unit: str
    paragraph: str  # the paragraph that sets the default
    rule: str  # the spec row of the limit itself
    powers: tuple[Power, ...] = ()
    note: tuple[str, str] = ("", "")  # (English, bokmål)
    setting: bool = False  # a reading the site chooses, not a relaxation
    # The tiers' powers work only through a value the row states (the statute gives no bound to
    # fall back on: "another share" says nothing about which); a row without it changes nothing.
    explicit: bool = False

    def power(self, tier: Tier) -> Power | None:
        for p in self.powers:
            if p.tier == tier:
                return p
        return None

    def relaxes(self, tier: Tier, reading: Reading = "protective") -> bool:
        """Does ``tier`` have a power that moves this parameter beyond the default?"""
        p = self.power(tier)
        return p is not None and p.bound(reading) != self.default

    def bound(self, tier: Tier, reading: Reading = "protective") -> Value:
        """The most permissive value ``tier`` may agree to (the default if it has no power)."""
        p = self.power(tier)
        return self.default if p is None else p.bound(reading)

    def permits(self, tier: Tier, value: Value, reading: Reading = "protective") -> bool:
        if self.setting and isinstance(self.default, str):
            return True
        b = self.bound(tier, reading)
        if self.direction == "ceiling":
            return float(value) <= float(b) + 1e-9
        if self.direction == "floor":
            return float(value) >= float(b) - 1e-9
        return bool(value) == bool(b) or bool(value) == bool(self.default)


@dataclass(frozen=True)
class Family:
    key: str  # "10-5"
    title: str
    params: dict[str, Param]
    tiers: tuple[Tier, ...]  # T0 and every tier with a power over some parameter
    title_nb: str = ""


def family_of(key: str, title: str, title_nb: str, *params: Param) -> Family:
    found = {p.tier for prm in params for p in prm.powers}
    tiers = tuple(t for t in TIER_ORDER if t in found)
    return Family(key, title, {p.name: p for p in params}, (T0, *tiers), title_nb)


def open_t4(value: float | bool, broad: float | bool | None = None,
             rule: str = "AML-10-12-4-union") -> Power:
    """A § 10-12 (4) power: the protective reading is ``value`` (T3's own power, or none)."""
    return Power(T4, value, "§ 10-12 (4)", rule, open=True, broad=broad,
                 condition=("outer limits UNCONFIRMED",
                            "ytre grenser ikke bekreftet"))


COMP_REST = ("only with compensatory rest (or other suitable protection)",
              "bare med kompenserende hvile (eller annet passende vern)")
T5_REST = ("§ 10-12 (6)/(7) consent; its numeric limits are UNCONFIRMED",
            "samtykke etter § 10-12 (6)/(7); tallgrensene er ikke bekreftet")


P = TypeVar("P")


_CONVERTERS: dict[type, list[tuple[str, Any]]] = {}


def typed(cls: type[P], fam: Family, values: dict[str, Value]) -> P:
    """``values`` of ``fam`` as its typed parameters ``cls`` (a dataclass with one field per
    parameter): numbers as ``float`` (as ``Effective.num``), flags as ``bool``, readings as
    ``str``."""
    conv = _CONVERTERS.get(cls)
    if conv is None:
        conv = _CONVERTERS[cls] = [
            (f.name, _converter(fam.params[f.name].default))
            for f in fields(cls)  # type: ignore[arg-type]
        ]
    return cls(**{name: c(values[name]) for name, c in conv})


def _converter(default: Value) -> Any:
    return str if isinstance(default, str) else bool if isinstance(default, bool) else float
