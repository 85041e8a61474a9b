"""The parameters of § 10-4 normal working hours: their statutory defaults and each tier's power (rows of
the table of agreement tiers, :mod:`constraints.limits`), and :class:`NormalHoursLimits`, the limits in
force as typed fields (``Effective.p``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from constraints.limits.tiers import (
    T3,
    T5,
    Param,
    Power,
    family_of,
    open_t4,
)

# § 10-4 (1): normal working hours at most 9 h per 24 h and 40 h per 7 days (the statutory
# defaults of every normal-hours parameter; ``constraints.kernel.normal_limits`` reads them here).
STATUTORY_DAY_HOURS = 9.0
STATUTORY_WEEK_HOURS = 40.0

FAMILY = family_of(
    "10-4", "Normal working hours", "Alminnelig arbeidstid",
    Param("daily_normal_hours", STATUTORY_DAY_HOURS, "ceiling", "hours", "§ 10-4 (1)",
          "AML-10-4-1-daily-normal",
          note=("longer days only through § 10-5 averaging (family 10-5)",
                "lengre dager bare ved gjennomsnittsberegning etter § 10-5")),
    Param("weekly_normal_hours", STATUTORY_WEEK_HOURS, "ceiling", "hours", "§ 10-4 (1)",
          "AML-10-4-1-weekly-normal",
          note=("38 or 36 h where § 10-4 (4)/(5) applies; may only be set lower",
                "38 eller 36 t når § 10-4 (4)/(5) gjelder; kan bare settes lavere")),
    Param("passive_day_hours", 11.0, "ceiling", "hours", "§ 10-4 (2)",
          "AML-10-4-2-passive", (
              Power(T5, 13.0, "§ 10-4 (2)", "AML-10-4-2-passive",
                    ("particularly passive work: normal hours up to 13 h per 24 h",
                     "arbeid av særlig passiv karakter: alminnelig arbeidstid inntil "
                     "13 t per 24 t")),
          ),
          note=("normal hours per 24 h / work period with passive time: 9 h + half the "
                "passive time, at most + 2 h (the week: + 10 h, never above 48 h)",
                "alminnelig arbeidstid per 24 t / arbeidsperiode med passiv tid: 9 t + "
                "halve den passive tiden, høyst + 2 t (uken: + 10 t, aldri over 48 t)")),
    Param("standby_share", 1 / 7, "floor", "share", "§ 10-4 (3)",
          "AML-10-4-3-standby", (
              Power(T3, 0.0, "§ 10-4 (3)", "AML-10-4-3-standby",
                    ("a written agreement may set another share",
                     "skriftlig avtale kan fastsette en annen andel")),
              Power(T5, 0.0, "§ 10-4 (3)", "AML-10-4-3-standby",
                    ("another method of calculation, on application",
                     "en annen beregningsmåte, etter søknad")),
              open_t4(0.0),
          ),
          note=("share of on-call time away from the workplace counted as working "
                "time; call-outs count in full; an agreement row must state its share",
                "andel av beredskapsvakt utenfor arbeidsstedet som regnes som "
                "arbeidstid; utrykning teller fullt; avtaleraden må oppgi andelen"),
          explicit=True),
)


@dataclass(frozen=True, slots=True)
class NormalHoursLimits:
    """The § 10-4 normal working hours limits in force for one employee (read ``ctx.limits(...).p``)."""

    KEY: ClassVar[str] = "10-4"
    daily_normal_hours: float
    weekly_normal_hours: float
    passive_day_hours: float
    standby_share: float
