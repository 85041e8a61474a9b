"""The parameters of § 10-11 night work: their statutory defaults and each tier's power (rows of
the table of agreement tiers, :mod:`constraints.limits`), and :class:`NightLimits`, the limits in
force as typed fields (``Effective.p``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from constraints.limits.tiers import (
    COMP_REST,
    T3,
    Param,
    Power,
    family_of,
    open_t4,
)

FAMILY = family_of(
    "10-11", "Night work", "Nattarbeid",
    Param("night_work_agreed", False, "flag", "", "§ 10-11 (2)",
          "AML-10-11-2-permitted", (
              Power(T3, True, "§ 10-11 (4)", "AML-10-11-2-permitted",
                    ("an exceptional, time-limited need",
                     "særlig og tidsavgrenset behov")),
              open_t4(True),
          ),
          note=("needed only where the nature of the work does not require night work",
                "trengs bare når arbeidets art ikke gjør nattarbeid nødvendig")),
    Param("night_avg_hours", 8.0, "ceiling", "hours", "§ 10-11 (6)",
          "AML-10-11-6-night-avg", (
              Power(T3, 13.0, "§ 10-11 (9)", "AML-10-11-6-night-avg", COMP_REST),
              open_t4(13.0),
          ),
          note=("T3 may depart; 13 h (the § 10-6 (8) total cap) is the outer value",
                "T3 kan fravike; 13 t (grensen i § 10-6 (8)) er ytterverdien")),
    Param("night_risk_hours", 8.0, "ceiling", "hours", "§ 10-11 (7)",
          "AML-10-11-7-night-risk", (
              Power(T3, 13.0, "§ 10-11 (9)", "AML-10-11-7-night-risk", COMP_REST),
              open_t4(13.0),
          )),
    Param("night_regular_share", 1 / 3, "ceiling", "share", "§ 10-11 (6)",
          "AML-10-11-6-night-avg", setting=True,
          note=("'regularly' (UNCONFIRMED): share of work periods in a 4-week block "
                "with > 3 h at night; may only be set lower (stricter)",
                "'regelmessig' (ikke bekreftet): andel arbeidsperioder i en 4-ukers "
                "blokk med > 3 t om natten; kan bare settes lavere (strengere)")),
)


@dataclass(frozen=True, slots=True)
class NightLimits:
    """The § 10-11 night work limits in force for one employee (read ``ctx.limits(...).p``)."""

    KEY: ClassVar[str] = "10-11"
    night_work_agreed: bool
    night_avg_hours: float
    night_risk_hours: float
    night_regular_share: float
