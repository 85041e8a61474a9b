"""TAR-* — hospital collective-agreement profile (NSF / Spekter / KS). Opt-in, not statute.

Paragraph
    Spec § 12. These values are agreement level: they run only when the tariff profile is
    switched on (``RuleSpec.opt_in``; ``CheckContext.tariff_profile``) and their numbers live in
    :data:`PROFILE` below, never in the statutory limits table.

What is measured
    Clock time on epoch minutes over the horizon (``[horizon_start, horizon_end)``); *normal
    hours* are periods of kind planned and extra (overtime is outside the tariff week). Sunday
    hours are hours in the § 10-10 (1) windows (``ctx.windows.sunday``), night hours are hours in
    the § 10-11 (1) windows (``ctx.windows.night``).

``TAR-week-336`` — three-shift reduction (KS HTA 4.2.3–4.2.4, NSF)
    Applies to an employee whose horizon plan is three-shift work as NSF qualifies it: work
    periods of all three kinds — day (starting 05:00–10:59), evening (11:00–18:59) and night
    (any other start) — at least every third Sunday worked, and at least 1/4 of the normal hours
    in day and evening work periods. Each normal hour in a Sunday window counts 1 h 10 min, each
    in a night window 1 h 15 min, only the higher uplift for an hour in both (night). The
    reduced week is ``37.5 × hours / weighted hours``, floored at 33.6 and capped at 35.5. The
    check: the average normal hours per week over the horizon (hours ÷ horizon weeks) must not
    exceed that reduced week. One violation per employee, window = the horizon.

``TAR-week-355`` — rota work (NSF table)
    Applies to an employee who is not three-shift but works at least every third Sunday in the
    horizon or has any work between 20:00 and 06:00 (the NSF FAQ's tariff night, kept separate
    from the § 10-11 window). The average normal hours per week must not exceed 35.5. The KS
    threshold of "1.39 night hours per week" is UNCONFIRMED and not used (any night work
    qualifies — the reading that gives the lower week).
    Both week rules compare with the full-time week; part-time shares are a contract matter.

``TAR-daily-125`` — NSF, § 10-5 (2) local agreements
    A continuous work period with more than 12.5 worked hours → violation, unless a ``"10-5"``
    agreement of tier T4 (central union approval under § 10-12 (4)) is in force for the
    employee on that day (``allowed_by`` T4). Exactly 12.5 h passes.

``TAR-weekend-freq`` — Spekter practice, soft (UNCONFIRMED as a clause: always a warning)
    A weekend is the Saturday and Sunday fixed day windows (from the day boundary; a Friday
    night shift running into Saturday counts). Weekend work more often than every third
    weekend — a worked weekend when either of the two weekends before it was worked — gives one
    warning for that weekend. History periods count; only weekends reaching into the horizon
    are reported.

Sundays counted for "every third Sunday" are the Sundays (not other holidays) whose § 10-10
segment lies in the horizon, worked when any work falls in the segment. Exempt employees are
skipped.
"""

from __future__ import annotations

from constraints.base import RuleSpec

PROFILE: dict[str, float] = {
    "day_week_hours": 37.5,
    "rota_week_hours": 35.5,
    "three_shift_floor_hours": 33.6,
    "sunday_uplift": 10 / 60,  # an hour in the Sunday window counts 1 h 10 min
    "night_uplift": 15 / 60,  # an hour in the night window counts 1 h 15 min
    "max_shift_hours": 12.5,
    "weekend_every": 3,  # at most one weekend in this many
    "sunday_every": 3,  # "at least every third Sunday"
    "day_evening_share": 0.25,
}

WEEK_336 = RuleSpec(
    id="TAR-week-336",
    paragraph="KS HTA 4.2.3–4.2.4 / NSF",
    family="TAR",
    title="Three-shift rota: weighted week between 33.6 and 35.5 h",
    opt_in=True,
)
WEEK_355 = RuleSpec(
    id="TAR-week-355",
    paragraph="NSF (Spekter / KS)",
    family="TAR",
    title="Rota work: at most 35.5 h per week",
    opt_in=True,
)
DAILY_125 = RuleSpec(
    id="TAR-daily-125",
    paragraph="NSF (§ 10-5 (2) local agreement)",
    family="TAR",
    title="Shifts of at most 12.5 h without central approval",
    opt_in=True,
)
WEEKEND_FREQ = RuleSpec(
    id="TAR-weekend-freq",
    paragraph="Spekter hospitals (practice)",
    family="TAR",
    title="Weekend work at most every third weekend",
    hard=False,
    opt_in=True,
)

RULES: list[RuleSpec] = [WEEK_355, WEEK_336, DAILY_125, WEEKEND_FREQ]
