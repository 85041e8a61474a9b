"""The parameters of § 10-10 Sunday and public-holiday work: their statutory defaults and each tier's power (rows of
the table of agreement tiers, :mod:`constraints.limits`), and :class:`SundayLimits`, the limits in
force as typed fields (``Effective.p``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from constraints.limits.tiers import (
    T2,
    T3,
    T5,
    Param,
    Power,
    family_of,
    open_t4,
)

FAMILY = family_of(
    "10-10", "Sunday and public-holiday work", "Søn- og helgedagsarbeid",
    Param("sunday_work_agreed", False, "flag", "", "§ 10-10 (2)",
          "AML-10-10-2-permitted", (
              Power(T2, True, "§ 10-10 (5)", "AML-10-10-2-permitted",
                    ("in return for equivalent days off on the employee's own "
                     "religious holidays", "mot tilsvarende fri på arbeidstakerens egne "
                     "religiøse helligdager")),
              Power(T3, True, "§ 10-10 (4)", "AML-10-10-2-permitted",
                    ("an exceptional, time-limited need",
                     "særlig og tidsavgrenset behov")),
              Power(T5, True, "§ 10-12 (6)", "AML-10-10-2-permitted",
                    ("long commutes or shared workplaces with coordinated rotas, with "
                     "compensatory rest", "lang reisevei eller felles arbeidsplass med "
                     "samordnet turnus, med kompenserende fri")),
              open_t4(True),
          ),
          note=("needed only where the nature of the work does not require Sunday work",
                "trengs bare når arbeidets art ikke gjør søndagsarbeid nødvendig")),
)


@dataclass(frozen=True, slots=True)
class SundayLimits:
    """The § 10-10 Sunday and public-holiday work limits in force for one employee (read ``ctx.limits(...).p``)."""

    KEY: ClassVar[str] = "10-10"
    sunday_work_agreed: bool
