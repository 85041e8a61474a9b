"""§ 10-4 (1) Normal working hours: planned hours per 24 hours and per 7 days.

Paragraph: arbeidsmiljøloven § 10-4 (1) (normal hours must not exceed 9 per 24 hours and 40 per
7 days); § 10-4 (4)/(5) lower the week to 38 or 36; § 10-5 (averaging agreements) raises the daily
and single-week limits.

What is measured: the *planned* hours (work periods of kind ``planned``; overtime and extra
hours are not normal hours) of one employee

* ``AML-10-4-1-daily-normal`` — in each continuous work period (planned and overtime periods that
  touch are one work period; only its planned hours count) and in each fixed 24-hour window from
  the day boundary. Strict mode adds every rolling 24 hours (findings only strict mode finds are
  warnings). A day window whose hours all come from one work period that is already reported is
  not reported a second time.
* ``AML-10-4-1-weekly-normal`` — in each fixed 7-day window from the week start (strict: every
  rolling 7 days); and, while a § 10-5 averaging agreement is in force, the 8-week average.

Limits (the tier in force is the most permissive § 10-5 agreement in force on the window's first
day, from :mod:`constraints.limits`):

=================  =========  ====================  ===================
tier (§ 10-5)      per 24 h   any single week       8-week average
=================  =========  ====================  ===================
T0 default         9          40 (38/36 by site)    — (not averaged)
T2 § 10-5 (1)      10         50                    48
T3 § 10-5 (2)      12.5       54                    48
T5 § 10-5 (3)      13 (*)     54 (UNCONFIRMED)      48
T4 § 10-12 (4)     16 (**)    54                    48
=================  =========  ====================  ===================

(*) § 10-5 (3) limits *total* hours to 13; the total is also judged by ``AML-10-6-8-total-24h``.
(**) outer value seen in a central agreement; UNCONFIRMED.

The site-wide § 10-4 limit comes from the ``10-4`` family (``weekly_normal_hours``,
``daily_normal_hours``); a ``10-4`` agreement row can only make it *stricter* (38 or 36 where
§ 10-4 (4)/(5) applies) — a higher value is ignored. Under averaging, the long-run average over the
whole averaging period is judged by the § 10-5 rules (``constraints.averaging``); this package
carries the single-week cap and the 8-week average of 48.

Each finding names the tier that would have permitted the value (``allowed_by``): for the day,
the least § 10-5 tier whose daily ceiling covers it (10 → T2, 12.5 → T3, 13 → T5, 16 → T4); for
the week, the least tier whose single-week ceiling covers it (50 → T2, 54 → T3).

Edge cases:

* Time is real elapsed time (Europe/Oslo). A 22:00–07:00 shift on the night the clocks go back
  (24→25 Oct 2026) is 10 h and breaks the 9 h default; on 28→29 Mar 2026 it is 8 h. The fixed day
  window of the DST day itself is 23 or 25 real hours (a calendar døgn).
* A night shift crossing the day boundary is one work period: splitting it between two days does
  not let it exceed the daily limit (spec § 0.2).
* Fixed 8-week blocks tile from the week start on or before the averaging agreement's
  ``valid_from`` (or the overtime year, see ``measure.year_anchor``). A block that runs past the
  horizon is reported only when the hours already planned exceed 48 × 8 (certain breach).

UNCONFIRMED readings (spec § 0.2, § 3 and open question 5): fixed windows are the default; rolling
windows (strict) are the conservative alternative and give warnings only. DST nights count real
elapsed time (open question 10).
"""

from constraints.base import RuleSpec

RULES: list[RuleSpec] = [
    RuleSpec(
        id="AML-10-4-1-daily-normal",
        paragraph="§ 10-4 (1)",
        family="10-4",
        title="Normal hours per 24 hours and per continuous work period",
    ),
    RuleSpec(
        id="AML-10-4-1-weekly-normal",
        paragraph="§ 10-4 (1)",
        family="10-4",
        title="Normal hours per 7 days (single week and 8-week average under averaging)",
    ),
]
