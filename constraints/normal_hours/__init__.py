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
  ``valid_from`` (or the overtime year, see ``constraints.windows.year_anchor``). A block that runs past the
  horizon is reported only when the hours already planned exceed 48 × 8 (certain breach).

§ 10-4 (4), (5), (6): the reduced weeks (``constraints.kernel.reduced_week``)
-------------------------------------------------------------------------------

What is measured: the same planned hours per fixed 7-day window (strict: rolling) as
``AML-10-4-1-weekly-normal``, against the *lowest* § 10-4 limit that applies to the employee in
the period (the work periods of all kinds that start inside the horizon). Each week is judged once;
the finding goes to the rule whose limit that is and names the condition that made it apply.

=============================  =========================================================  ======
rule id                        applies when (any of)                                      limit
=============================  =========================================================  ======
AML-10-4-4-weekly-38           (a)/(b) the unit's rota (Settings ``rota_10_4_4``, "Turnus  38 h
                               10-4 (4)"); (c) the employee works at least every third
                               Sunday: worked Sundays × 3 ≥ Sundays in the period, a
                               Sunday worked when any work touches its § 10-10 (1) window
                               segment (``calendar.red_days``); (d) mainly at night: at
                               least 3/4 of the hours in the § 10-11 night window
                               (21:00–06:00 by default)
AML-10-4-5-weekly-36           Settings ``continuous_rota`` = yes; or (``continuous_rota``  36 h
                               empty) the guidance test: ≥ 539 night hours (night window)
                               and ≥ 231 "Sunday" hours (Saturday 22:00–Sunday 22:00,
                               ``calendar.guidance_sunday_windows``) per year, pro rata
                               for the horizon (days / 365). ``continuous_rota`` = no
                               switches the test off.
AML-10-4-6-three-shift         a 38 h condition holds, the employee works night hours and  36–38 h
                               the guidance test is only partly met: 38 − 2 × (min(1, night
                               h / night threshold) + min(1, Sunday h / Sunday
                               threshold)) / 2 (the solver plans within exactly this week:
                               ``post_reduced.post_6``)
=============================  =========================================================  ======

Relaxations: none of its own; under a § 10-5 agreement the single week follows the tier's
``weekly_max_hours`` (as for 40 h) and the averaging period's average is judged against the
reduced limit (``constraints.averaging`` uses :func:`check.base_weekly_limit`). The daily limit
stays 9 h (§ 10-4 (1)).

Readings chosen (protective; parameters in ``reduced.py``):

* UNCONFIRMED (open question 7) how to count "every third Sunday": over the horizon's Sundays,
  any work in the Sunday's § 10-10 (1) segment (Saturday 18:00 or 15:00 – Sunday 22:00) makes it
  a worked Sunday (``SUNDAY_EVERY``); moveable holidays are not counted as Sundays.
* UNCONFIRMED the pro rata scaling of the 539/231 h test for plans shorter than a year
  (``PRO_RATA``): scaled by days / 365, so that a short plan can qualify at all. The guidance's
  "hours at varying times of day" is not required (protective).
* UNCONFIRMED § 10-4 (6) (text not retrieved): ``THREE_SHIFT_PROPORTIONAL`` lowers the 38 h of a
  three-shift rota worker (a 38 h condition and some night hours) towards 36 h in proportion to
  the mean of the two guidance shares reached (the statute's probable "scale between 38 and 36 by
  the Sunday and night hours"; both shares full gives the 36 h of (5)).
* Edge cases: with no Sunday in the horizon (c) cannot hold; an employee with no hours meets no
  condition; a site ``10-4`` agreement row lower than the reduced limit is reported under
  ``AML-10-4-1-weekly-normal``.

§ 10-4 (2) passive time and § 10-4 (3) on-call
-----------------------------------------------

A shift type may carry ``passive_minutes`` (mainly passive work, e.g. a sleeping night watch) and
``on_call`` (``site`` or ``home``); the Shifts sheet columns ``passive_minutes`` / "Passiv tid" and
``on_call`` / "Beredskap" (site/home, på stedet/hjemme). Work periods built from the shift carry
both; a timesheet row marks on-call time in its ``kind`` column (``on_call_home`` /
``hjemmevakt``, ``on_call_site`` / ``tilstedevakt``) and passive time in its ``passive_minutes``
column ("Passiv tid", "passiv"; whole minutes or ``h:mm``, at most the row's length; empty: none).

* ``AML-10-4-2-passive``: passive time is working time, but the § 10-4 limits (default tier) of a
  window or work period are extended by half its passive minutes (pro rata to the part in the
  window), at most + 2 h per 24 h / work period and + 10 h per 7 days, and never above 48 h
  normal hours per 7 days (``passive.py``). A window with passive time is judged only against
  the extended limit, and its breach is reported under this rule (measured, and the limit with
  the extension).

  ======================  =====================================================================
  tier (``10-4`` row)     24 h / work period with passive time (``passive_day_hours``)
  ======================  =====================================================================
  T0 default              9 h + half the passive time, at most 11 h (a row may set it lower)
  T5 § 10-4 (2) consent   up to 13 h (or the consent's own value) as soon as the window or work
                          period holds any passive time ("particularly passive work")
  ======================  =====================================================================

  The week keeps + 10 h and 48 h under a T5 consent. Edge cases: exactly 11 h (13 h under T5)
  is within; a window without passive time keeps 9 h even under a T5 consent. Reading chosen
  (the spec gives only "up to 13 h per 24 h"): the consent replaces the half-the-passive-time
  bound, as the statute's "beyond this" does. Not modelled: the extension on top of a § 10-5
  averaging tier's ceilings (those are not extended).
* ``AML-10-4-3-standby``: on call from home, 1/7 of the period counts as working time
  (``constraints.spans.STANDBY_SHARE``, rounded up to whole minutes) in every hour limit, in the
  checker and in the solver alike (``constraints.spans.counted_work``); on call on site counts in
  full. A call-out recorded as its own work period (a timesheet row of its own, the on-call
  rows split around it, as rows of one employee must not overlap) counts in full. The on-call
  period is still busy time for the rest rules (protective). The rule gives one warning per
  employee with on-call from home, naming the hours counted and the share, so the reading is
  visible. UNCONFIRMED whether 1/7 is statutory or practice.

  An agreement's own share is the ``10-4`` parameter ``standby_share`` (a decimal, 1/7 by
  default): a T3 written agreement or a T5 decision may set any share (down to 0), any row a
  higher (stricter) one; the row must state the share (a T3 row without it changes nothing). The
  share in force on the day an on-call period starts applies (``CheckContext.standby_share``).
  In the solver the geometry counts every on-call cell from home at the highest share any row
  states and ``constraints.kernel.standby`` scales each employee's own lower share back in
  (window sums and the single-shift DOMAIN checks), rounded up, so the solver never counts less
  than the checker.

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
    RuleSpec(
        id="AML-10-4-4-weekly-38",
        paragraph="§ 10-4 (4)",
        family="10-4",
        title="38 hours per 7 days for Sunday, night and rota work",
    ),
    RuleSpec(
        id="AML-10-4-5-weekly-36",
        paragraph="§ 10-4 (5)",
        family="10-4",
        title="36 hours per 7 days for fully continuous (24/7) rota work",
    ),
    RuleSpec(
        id="AML-10-4-6-three-shift",
        paragraph="§ 10-4 (6)",
        family="10-4",
        title="Proportional reduction for three-shift and rota work (UNCONFIRMED reading)",
    ),
    RuleSpec(
        id="AML-10-4-2-passive",
        paragraph="§ 10-4 (2)",
        family="10-4",
        title="Normal hours extended by half the passive time (+2 h per 24 h, +10 h per 7 days; "
              "T5 consent: up to 13 h per 24 h)",
    ),
    RuleSpec(
        id="AML-10-4-3-standby",
        paragraph="§ 10-4 (3)",
        family="10-4",
        title="On call from home: 1/7 (or an agreement's share) counts as working time (warning "
              "naming the hours counted)",
    ),
]
