"""The parameters of § 10-5 averaging of normal hours: their statutory defaults and each tier's power (rows of
the table of agreement tiers, :mod:`constraints.limits`), and :class:`AveragingLimits`, the limits in
force as typed fields (``Effective.p``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from constraints.limits.normal_hours import STATUTORY_DAY_HOURS, STATUTORY_WEEK_HOURS
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
    "10-5", "Averaging of normal hours", "Gjennomsnittsberegning",
    Param("daily_limit_hours", STATUTORY_DAY_HOURS, "ceiling", "hours", "§ 10-4 (1)",
          "AML-10-4-1-daily-normal", (
              Power(T2, 10.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
              Power(T3, 12.5, "§ 10-5 (2)", "AML-10-5-2-avg-tariff",
                    ("above 10 h: particular weight on health and welfare",
                     "over 10 t: særlig vekt på helse og velferd")),
              Power(T5, 13.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection",
                    ("total hours; period at most 26 weeks",
                     "samlet arbeidstid; periode høyst 26 uker")),
              open_t4(12.5, 16.0, "AML-10-5-x-beyond"),
          ),
          note=("T4 broad reading: 16 h, the value of the 2020 NSF-Spekter agreement",
                "T4 vid lesning: 16 t, verdien i NSF-Spekter-avtalen fra 2020")),
    Param("weekly_limit_hours", STATUTORY_WEEK_HOURS, "ceiling", "hours", "§ 10-4 (1)",
          "AML-10-4-1-weekly-normal", (
              Power(T2, 48.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
              Power(T3, 48.0, "§ 10-5 (2)", "AML-10-5-2-avg-tariff"),
              Power(T5, 48.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection"),
              open_t4(48.0),
          ),
          note=("hours per 7 days on the 8-week average",
                "timer per 7 dager i snitt over 8 uker")),
    Param("weekly_max_hours", STATUTORY_WEEK_HOURS, "ceiling", "hours", "§ 10-4 (1)",
          "AML-10-4-1-weekly-normal", (
              Power(T2, 50.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
              Power(T3, 54.0, "§ 10-5 (2)", "AML-10-5-2-avg-tariff"),
              Power(T5, 54.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection",
                    ("no single-week cap stated: T3's 54 h is kept",
                     "ingen ukegrense oppgitt: T3s 54 t brukes"),
                    open=True, broad=91.0),
              open_t4(54.0),
          ),
          note=("any single week while averaging; T5 broad reading: only the 13 h "
                "daily cap binds (7 x 13 = 91 h)",
                "hver enkelt uke ved gjennomsnittsberegning; T5 vid lesning: bare "
                "13 t-grensen per døgn gjelder (7 x 13 = 91 t)")),
    Param("average_weeks", 8.0, "ceiling", "weeks", "§ 10-5 (1)-(3)",
          "AML-10-5-1-avg-individual",
          note=("the 48 h may be averaged over 8 weeks at every tier (fixed)",
                "48 t kan gjennomsnittsberegnes over 8 uker på alle nivåer (fast)")),
    Param("period_weeks", 0.0, "ceiling", "weeks", "§ 10-5", "AML-10-5-1-avg-individual", (
        Power(T2, 52.0, "§ 10-5 (1)", "AML-10-5-1-avg-individual"),
        Power(T3, 52.0, "§ 10-5 (2)", "AML-10-5-2-avg-tariff"),
        Power(T5, 26.0, "§ 10-5 (3)", "AML-10-5-3-avg-labour-inspection"),
        open_t4(52.0),
    ), note=("length of the averaging period", "lengden på gjennomsnittsperioden")),
)


@dataclass(frozen=True, slots=True)
class AveragingLimits:
    """The § 10-5 averaging of normal hours limits in force for one employee (read ``ctx.limits(...).p``)."""

    KEY: ClassVar[str] = "10-5"
    daily_limit_hours: float
    weekly_limit_hours: float
    weekly_max_hours: float
    average_weeks: float
    period_weeks: float
