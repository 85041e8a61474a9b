"""The parameters of § 10-8 daily and weekly rest: their statutory defaults and each tier's power (rows of
the table of agreement tiers, :mod:`constraints.limits`), and :class:`RestLimits`, the limits in
force as typed fields (``Effective.p``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from constraints.limits.tiers import (
    COMP_REST,
    T2,
    T3,
    T5,
    T5_REST,
    Param,
    Power,
    T3b,
    family_of,
    open_t4,
)

FAMILY = family_of(
    "10-8", "Daily and weekly rest", "Daglig og ukentlig arbeidsfri",
    Param("daily_rest_hours", 11.0, "floor", "hours", "§ 10-8 (1)",
          "AML-10-8-1-daily-rest", (
              Power(T3, 8.0, "§ 10-8 (3)", "AML-10-8-1-daily-rest", COMP_REST),
              Power(T3b, 8.0, "§ 10-8 (3)", "AML-10-8-1-daily-rest",
                    ("only work in the rest period needed to avoid serious "
                     "operational disruption",
                     "bare arbeid i hviletiden for å unngå alvorlig driftsforstyrrelse")),
              Power(T5, 8.0, "§ 10-12 (6)", "AML-10-12-6-7-inspectorate", T5_REST,
                    open=True),
              open_t4(8.0),
          )),
    Param("weekly_rest_hours", 35.0, "floor", "hours", "§ 10-8 (2)",
          "AML-10-8-2-weekly-rest", (
              Power(T3, 28.0, "§ 10-8 (3)", "AML-10-8-2-weekly-rest",
                    ("with compensatory rest; never below 28 h in any single week",
                     "med kompenserende hvile; aldri under 28 t i en enkelt uke")),
              Power(T5, 28.0, "§ 10-12 (6)", "AML-10-12-6-7-inspectorate", T5_REST,
                    open=True),
              open_t4(28.0),
          )),
    Param("red_days_in_a_row", 1.0, "ceiling", "days", "§ 10-8 (4)",
          "AML-10-8-4-next-sunday-off", (
              Power(T2, 3.0, "§ 10-8 (4)", "AML-10-8-4-next-sunday-off",
                    ("a plan of at most 26 weeks with, on average, every other "
                     "Sunday/holiday off (the checker warns when the checked period "
                     "falls short) and the weekly 24 h off on a Sunday/holiday at least "
                     "every 4th week (not checked)",
                     "en plan over høyst 26 uker med i gjennomsnitt annenhver søn- og "
                     "helgedag fri (kontrollen varsler når den kontrollerte perioden "
                     "ikke når dit) og ukefridøgnet på en søn- eller helgedag minst "
                     "hver 4. uke (kontrolleres ikke)")),
              open_t4(1.0, 3.0),
          ),
          note=("Sundays/holidays worked in a row; § 10-8 (3) (agreements with the "
                "representatives) covers daily and weekly rest only",
                "søn- og helgedager arbeidet på rad; § 10-8 (3) (avtale med "
                "tillitsvalgte) gjelder bare daglig og ukentlig hvile")),
    Param("weekly_rest_window", "clip", "flag", "", "§ 10-8 (2)",
          "AML-10-8-2-weekly-rest", setting=True,
          note=("rest straddling a week boundary: 'clip' (counted only inside the week, "
                "employee-protective default) or 'overlap' (counted in full)",
                "hvile over ukeskillet: 'clip' (telles bare innenfor uken, vernende "
                "standard) eller 'overlap' (telles helt)")),
)


@dataclass(frozen=True, slots=True)
class RestLimits:
    """The § 10-8 daily and weekly rest limits in force for one employee (read ``ctx.limits(...).p``)."""

    KEY: ClassVar[str] = "10-8"
    daily_rest_hours: float
    weekly_rest_hours: float
    red_days_in_a_row: float
    weekly_rest_window: str
