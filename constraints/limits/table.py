"""The one table of agreement tiers: every family's parameters (one module per family) by key.
"""

from __future__ import annotations

from typing import Any

from constraints.limits import averaging, night, normal_hours, overtime, rest, sunday
from constraints.limits.tiers import TIER_ORDER, Family, Param, Reading, Tier

_MODULES = (normal_hours, averaging, overtime, rest, sunday, night)

FAMILIES: dict[str, Family] = {m.FAMILY.key: m.FAMILY for m in _MODULES}

# Each family's typed parameters (``Effective.p``), by key.
TYPED: dict[str, Any] = {
    "10-4": normal_hours.NormalHoursLimits,
    "10-5": averaging.AveragingLimits,
    "10-6": overtime.OvertimeLimits,
    "10-8": rest.RestLimits,
    "10-10": sunday.SundayLimits,
    "10-11": night.NightLimits,
}


def family(key: str) -> Family:
    return FAMILIES[key]


def tiers_that_relax(param: Param, reading: Reading = "protective") -> list[Tier]:
    return [t for t in TIER_ORDER if param.relaxes(t, reading)]
