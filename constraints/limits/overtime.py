"""The parameters of § 10-6 overtime and total working time: their statutory defaults and each tier's power (rows of
the table of agreement tiers, :mod:`constraints.limits`), and :class:`OvertimeLimits`, the limits in
force as typed fields (``Effective.p``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from constraints.limits.tiers import (
    COMP_REST,
    T3,
    T5,
    Param,
    Power,
    family_of,
    open_t4,
)

FAMILY = family_of(
    "10-6", "Overtime and total working time", "Overtid og samlet arbeidstid",
    Param("overtime_7d_hours", 10.0, "ceiling", "hours", "§ 10-6 (4)",
          "AML-10-6-4-ot-7d", (
              Power(T3, 20.0, "§ 10-6 (5)", "AML-10-6-4-ot-7d"),
              Power(T5, 25.0, "§ 10-6 (6)", "AML-10-6-4-ot-7d"),
              open_t4(20.0, 25.0),
          )),
    Param("overtime_4w_hours", 25.0, "ceiling", "hours", "§ 10-6 (4)",
          "AML-10-6-4-ot-4w", (
              Power(T3, 50.0, "§ 10-6 (5)", "AML-10-6-4-ot-4w"),
              Power(T5, 50.0, "§ 10-6 (6)", "AML-10-6-4-ot-4w",
                    ("no 4-week cap stated: T3's 50 h is kept",
                     "ingen 4-ukersgrense oppgitt: T3s 50 t brukes"),
                    open=True, broad=100.0),
              open_t4(50.0),
          ),
          note=("T5 broad reading: only the 7-day cap binds (4 x 25 = 100 h)",
                "T5 vid lesning: bare 7-dagersgrensen gjelder (4 x 25 = 100 t)")),
    Param("overtime_52w_hours", 200.0, "ceiling", "hours", "§ 10-6 (4)",
          "AML-10-6-4-ot-52w", (
              Power(T3, 300.0, "§ 10-6 (5)", "AML-10-6-4-ot-52w"),
              Power(T5, 200.0, "§ 10-6 (6)", "AML-10-6-4-ot-52w",
                    ("200 h per 26 weeks (not 52)", "200 t per 26 uker (ikke 52)")),
              open_t4(300.0),
          )),
    Param("total_24h_hours", 13.0, "ceiling", "hours", "§ 10-6 (8)",
          "AML-10-6-8-total-24h", (
              Power(T3, 16.0, "§ 10-6 (9)", "AML-10-6-8-total-24h", COMP_REST),
              open_t4(16.0),
          )),
    Param("total_7d_hours", 48.0, "ceiling", "hours", "§ 10-6 (8)",
          "AML-10-6-8-total-7d",
          note=("averaged over 8 weeks by the statute itself; no tier raises it",
                "gjennomsnitt over 8 uker etter loven selv; ingen kan heve den")),
    Param("total_max_week_hours", 69.0, "ceiling", "hours", "§ 10-6 (8)",
          "AML-10-6-8-total-max-week",
          note=("any single week when T3 averaging and T3 overtime combine",
                "hver enkelt uke når T3-gjennomsnitt og T3-overtid kombineres")),
)


@dataclass(frozen=True, slots=True)
class OvertimeLimits:
    """The § 10-6 overtime and total working time limits in force for one employee (read ``ctx.limits(...).p``)."""

    KEY: ClassVar[str] = "10-6"
    overtime_7d_hours: float
    overtime_4w_hours: float
    overtime_52w_hours: float
    total_24h_hours: float
    total_7d_hours: float
    total_max_week_hours: float
