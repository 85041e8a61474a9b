"""Rule parameters per paragraph family, their statutory defaults and each tier's legal bound.

One table, used three ways:

* the workbook reader validates an ``Agreements`` row (a parameter outside the bound of its tier
  is an input error naming the cell);
* the rule modules ask :func:`effective` for the limits in force for one employee (the most
  permissive tier among the agreements in force, site-wide or individual);
* a finding asks :func:`allowed_by` which tier would have permitted the measured value.

A bound is a ``ceiling`` (the tier may raise the value up to it) or a ``floor`` (the tier may
lower it down to it). ``None`` as a bound means "not settable under this tier". Values the spec
marks UNCONFIRMED use the conservative bound and say so in ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from scheduler.model import Agreement, Tier

Direction = Literal["ceiling", "floor", "flag"]

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


@dataclass(frozen=True)
class Param:
    name: str
    default: float | bool | str
    direction: Direction
    unit: str
    bounds: dict[Tier, float | bool | None] = field(default_factory=dict)
    note: str = ""

    def bound(self, tier: Tier) -> float | bool | None:
        """The most permissive value this tier allows (default when the tier adds nothing)."""
        if tier in self.bounds:
            return self.bounds[tier]
        return self.default

    def permits(self, tier: Tier, value: float | bool) -> bool:
        b = self.bound(tier)
        if b is None:
            return value == self.default
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
    tiers: tuple[Tier, ...]  # tiers that can relax this family (T0 always allowed)


def _family(key: str, title: str, tiers: tuple[Tier, ...], *params: Param) -> Family:
    return Family(key, title, {p.name: p for p in params}, (Tier.T0_DEFAULT, *tiers))


T1 = Tier.T1_EMPLOYER
T2 = Tier.T2_INDIVIDUAL
T3 = Tier.T3_TARIFF_REPS
T3b = Tier.T3b_NONTARIFF_REPS
T4 = Tier.T4_UNION_INNSTILLINGSRETT
T5 = Tier.T5_ARBEIDSTILSYNET

FAMILIES: dict[str, Family] = {
    f.key: f
    for f in (
        _family(
            "10-4",
            "Normal working hours",
            (),
            Param("daily_normal_hours", 9.0, "ceiling", "hours"),
            Param("weekly_normal_hours", 40.0, "ceiling", "hours",
                  note="38 or 36 h where § 10-4 (4)/(5) applies; the site may only set it lower"),
        ),
        _family(
            "10-5",
            "Averaging of normal hours",
            (T2, T3, T5, T4),
            Param("daily_limit_hours", 9.0, "ceiling", "hours",
                  {T2: 10.0, T3: 12.5, T5: 13.0, T4: 16.0},
                  note="T4 ceiling 16 h is the outer value seen in a central agreement (UNCONFIRMED)"),
            Param("weekly_limit_hours", 40.0, "ceiling", "hours",
                  {T2: 48.0, T3: 48.0, T5: 48.0, T4: 48.0},
                  note="hours per 7 days on the 8-week average"),
            Param("weekly_max_hours", 40.0, "ceiling", "hours",
                  {T2: 50.0, T3: 54.0, T5: 54.0, T4: 54.0},
                  note="any single week while averaging; T5 uses the T3 value (UNCONFIRMED)"),
            Param("average_weeks", 8.0, "ceiling", "weeks", {T2: 8.0, T3: 8.0, T5: 8.0, T4: 8.0}),
            Param("period_weeks", 0.0, "ceiling", "weeks", {T2: 52.0, T3: 52.0, T5: 26.0, T4: 52.0}),
        ),
        _family(
            "10-6",
            "Overtime and total working time",
            (T3, T5, T4),
            Param("overtime_7d_hours", 10.0, "ceiling", "hours", {T3: 20.0, T5: 25.0, T4: 25.0}),
            Param("overtime_4w_hours", 25.0, "ceiling", "hours", {T3: 50.0, T5: 50.0, T4: 50.0},
                  note="T5 states no 4-week cap; the T3 value is kept (conservative, UNCONFIRMED)"),
            Param("overtime_52w_hours", 200.0, "ceiling", "hours", {T3: 300.0, T5: 200.0, T4: 300.0},
                  note="T5: 200 h per 26 weeks"),
            Param("total_24h_hours", 13.0, "ceiling", "hours", {T3: 16.0, T4: 16.0}),
            Param("total_7d_hours", 48.0, "ceiling", "hours", {T3: 48.0, T5: 48.0, T4: 48.0},
                  note="averaged over 8 weeks"),
            Param("total_max_week_hours", 69.0, "ceiling", "hours", {T3: 69.0, T4: 69.0}),
        ),
        _family(
            "10-8",
            "Daily and weekly rest",
            (T2, T3, T3b, T5, T4),
            Param("daily_rest_hours", 11.0, "floor", "hours", {T3: 8.0, T3b: 8.0, T5: 8.0, T4: 8.0},
                  note="T5/T4 floors are UNCONFIRMED; 8 h is kept as the conservative floor"),
            Param("weekly_rest_hours", 35.0, "floor", "hours", {T3: 28.0, T3b: 28.0, T5: 28.0, T4: 28.0},
                  note="never below 28 h in any single week (guidance)"),
            Param("red_days_in_a_row", 1.0, "ceiling", "days", {T2: 3.0, T3: 3.0, T4: 3.0},
                  note="§ 10-8 (4): Sunday/holiday days worked in a row; T2 plan over <= 26 weeks"),
            Param("weekly_rest_window", "clip", "flag", "",
                  note="rest straddling a week boundary: 'clip' (counted only inside the week, "
                       "employee-protective default) or 'overlap' (counted in full)"),
        ),
        _family(
            "10-10",
            "Sunday and public-holiday work",
            (T2, T3, T5),
            Param("sunday_work_agreed", False, "flag", "", {T3: True, T2: True, T5: True}),
        ),
        _family(
            "10-11",
            "Night work",
            (T2, T3),
            Param("night_work_agreed", False, "flag", "", {T3: True}),
            Param("night_avg_hours", 8.0, "ceiling", "hours", {T3: 13.0},
                  note="§ 10-11 (9): T3 may depart; 13 h (the total cap) is the outer value"),
            Param("night_risk_hours", 8.0, "ceiling", "hours", {T3: 13.0}),
            Param("night_regular_share", 1 / 3, "ceiling", "share",
                  note="§ 10-11 (6) 'regularly' (UNCONFIRMED): share of work periods in a 4-week "
                       "block with > 3 h at night; may only be set lower (stricter)"),
        ),
    )
}


def family(key: str) -> Family:
    return FAMILIES[key]


def validate(agreement: Agreement) -> list[str]:
    """Plain-language problems with an agreement (unknown family/parameter, beyond the tier)."""
    fam = FAMILIES.get(agreement.family)
    if fam is None:
        known = ", ".join(sorted(FAMILIES))
        return [f"unknown rule family {agreement.family!r} (known: {known})"]
    out: list[str] = []
    if agreement.tier not in fam.tiers:
        allowed = ", ".join(t.value for t in fam.tiers)
        out.append(f"tier {agreement.tier.value} cannot relax § {fam.key} (allowed: {allowed})")
        return out
    for name, value in agreement.params.items():
        p = fam.params.get(name)
        if p is None:
            known = ", ".join(sorted(fam.params))
            out.append(f"§ {fam.key} has no parameter {name!r} (known: {known})")
            continue
        if p.direction != "flag" and not isinstance(value, int | float):
            out.append(f"{name} must be a number, got {value!r}")
            continue
        if not p.permits(agreement.tier, value):  # type: ignore[arg-type]
            b = p.bound(agreement.tier)
            word = "above the ceiling" if p.direction == "ceiling" else "below the floor"
            better = allowed_by(fam.key, name, value)  # type: ignore[arg-type]
            hint = f"; {better.value} would allow it" if better else ""
            out.append(
                f"{name} = {value} is {word} of {b} {p.unit} that {agreement.tier.value} "
                f"allows under § {fam.key}{hint}"
            )
    return out


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
    """Limits in force for one employee under one family."""

    family: str
    tier: Tier
    values: dict[str, float | bool | str]

    def __getitem__(self, name: str) -> float | bool | str:
        return self.values[name]

    def num(self, name: str) -> float:
        return float(self.values[name])


def effective(
    key: str,
    agreements: tuple[Agreement, ...] | list[Agreement],
    employee: str | None = None,
    on: date | None = None,
    overrides: dict[str, float | bool | str] | None = None,
) -> Effective:
    """The limits in force: the most permissive tier among agreements in force.

    A tier in force without a parameter value gives the tier's bound (e.g. a T2 averaging
    agreement alone allows 10 h per 24 h). An explicit parameter in the agreement is used as
    written (it was validated against the tier on reading). ``overrides`` are site settings
    that may only make a limit *stricter* than the tier allows (never looser).
    """
    fam = FAMILIES[key]
    in_force = [a for a in agreements if a.family == key and _in_force(a, employee, on)]
    tier = Tier.T0_DEFAULT
    for a in in_force:
        if TIER_ORDER.index(a.tier) > TIER_ORDER.index(tier) and a.tier in fam.tiers:
            tier = a.tier
    values: dict[str, float | bool | str] = {}
    for name, p in fam.params.items():
        b = p.bound(tier)
        values[name] = p.default if b is None else b
    for a in in_force:  # explicit values, individual agreements last so they win
        if a.tier == tier:
            for name, v in a.params.items():
                if name in fam.params:
                    values[name] = v
    for a in in_force:
        if a.tier == tier and a.employee is not None:
            for name, v in a.params.items():
                if name in fam.params:
                    values[name] = v
    if overrides:
        for name, v in overrides.items():
            p = fam.params.get(name)
            if p is None:
                continue
            if p.direction == "ceiling" and float(v) < float(values[name]):  # type: ignore[arg-type]
                values[name] = v
            elif p.direction == "floor" and float(v) > float(values[name]):  # type: ignore[arg-type]
                values[name] = v
    return Effective(key, tier, values)


def allowed_by(key: str, name: str, measured: float | bool) -> Tier | None:
    """The least permissive tier whose bound would permit ``measured``, or ``None``."""
    fam = FAMILIES[key]
    p = fam.params[name]
    for tier in TIER_ORDER:
        if tier in fam.tiers and tier != Tier.T0_DEFAULT and p.permits(tier, measured):
            b = p.bound(tier)
            if b is not None and b != p.default:
                return tier
    return None
