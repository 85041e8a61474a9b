"""The base of every domain model (frozen pydantic models) and the enumerations: agreement tiers,
kinds of work period, on-call kinds and request kinds."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tier(StrEnum):
    """Permission tiers of ``aml-rules.md`` section 0.1 (who may relax a rule)."""

    T0_DEFAULT = "T0_DEFAULT"
    T1_EMPLOYER = "T1_EMPLOYER"
    T2_INDIVIDUAL = "T2_INDIVIDUAL"
    T3_TARIFF_REPS = "T3_TARIFF_REPS"
    T3b_NONTARIFF_REPS = "T3b_NONTARIFF_REPS"
    T4_UNION_INNSTILLINGSRETT = "T4_UNION_INNSTILLINGSRETT"
    T5_ARBEIDSTILSYNET = "T5_ARBEIDSTILSYNET"


class PeriodKind(StrEnum):
    planned = "planned"
    overtime = "overtime"
    extra = "extra"


class OnCall(StrEnum):
    """Where an on-call (standby) shift is spent (§ 10-4 (3))."""

    site = "site"
    home = "home"


class RequestKind(StrEnum):
    unavailable = "unavailable"  # hard
    day_off = "day_off"  # wish
    shift_wish = "shift_wish"  # wish to work a given shift
    avoid_shift = "avoid_shift"  # wish not to work a given shift


# --------------------------------------------------------------------------------------------
# Shift types
