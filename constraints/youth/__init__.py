"""Chapter 11 Young workers (under 18): hours, night work, rest and breaks.

Paragraphs: arbeidsmiljøloven § 11-2 (working hours), § 11-3 (night work), § 11-5 (rest and
breaks). These are not chapter 10, so § 10-12 exempt status does not switch them off
(``applies_to_exempt=True``).

Who: an employee who is a minor on the day judged (``Employee.is_minor_on``: from
``birth_date`` when given, else the ``under_18`` flag). Two groups:

* *child* — under 15 (known only from ``birth_date``) or still in compulsory school
  (``in_school``);
* *teen* — 15 to 18 and not in school.

What is measured (all hours: planned, overtime and extra; hours with other employers are not in
the input and cannot be added):

=============================  ==========================================  ======  =======
rule id                        measured                                    teen    child
=============================  ==========================================  ======  =======
AML-11-2-youth-hours           hours per work period and per fixed 24 h    8 h     2 h (7 h
                               window (strict: rolling 24 h)                       no school)
                               hours per fixed 7-day window (strict:       40 h    12 h (35 h
                               rolling 7 days)                                     no school)
AML-11-3-youth-night           work inside the night 23:00–06:00 (teen)    0       0
                               or 20:00–06:00 (child); teen: the off
                               stretch around 23:00–06:00 ≥ 8 h; teen:
                               work 21:00–23:00 where the site says night
                               work is *not* required by the nature of
                               the work
AML-11-5-youth-daily-rest      longest off stretch in the 24 h from each   12 h    14 h
                               work period's start
AML-11-5-youth-weekly-rest     longest off stretch inside each fixed       48 h    48 h
                               7-day window (strict: the 7 days from each
                               work period's start)
AML-11-5-1-youth-break         breaks in a work period of more than 4.5 h  ≥ 30    ≥ 30 min
AML-11-youth-overtime          hours in periods marked overtime            0       0
=============================  ==========================================  ======  =======

No relaxation tiers are modelled for chapter 11.

Readings chosen (protective; parameters in ``check.py``):

* § 11-2 for a *child*: 2 h per day and 12 h per week on days and in weeks with teaching
  (``CHILD_DAY_HOURS``/``CHILD_WEEK_HOURS``); 7 h / 35 h (``CHILD_FREE_DAY_HOURS``/
  ``CHILD_FREE_WEEK_HOURS``) on Saturdays, Sundays, public holidays and school holidays. School
  holidays come from the Settings list ``school_holidays`` (periods of first and last day); a
  weekday outside it is assumed to be a school day (protective). A day limit is that of the day
  the window or work period starts; a week (fixed or rolling) has teaching when any day it
  touches is a school day, so a week with one school day keeps the 12 h limit (protective).
* Overtime for under-18s (``AML-11-youth-overtime``, spec § 4: UNCONFIRMED, open question 12):
  the protective reading bans it (``NO_OVERTIME_FOR_MINORS``). Every timesheet period marked
  overtime of an employee under 18 on its first day is a violation (measured: its hours; limit
  0); extra hours (*merarbeid*) are not overtime and stay within the § 11-2 hours. The solver
  gives minors no overtime tail (``scheduler.solver.overtime``; the rule's post pins any tail
  to 0).
* Teen work 21:00–23:00 counts as night work for under-18s and is allowed only when the nature of
  the work requires it or for an exceptional, time-limited need. It is reported only where
  ``Settings.night_work_permitted_by_nature`` is explicitly ``False``; unknown (``None``) is left to
  the § 10-11 rules' single "not judged" notice.
* Rest stretches are clipped to the window judged (rest before or after it does not count).
* Breaks are judged only where recorded (``break_minutes`` not ``None``), like § 10-9.
"""

from constraints.base import RuleSpec

RULES: list[RuleSpec] = [
    RuleSpec("AML-11-2-youth-hours", "§ 11-2", "11",
             "Under-18s: hours per day and per week", applies_to_exempt=True),
    RuleSpec("AML-11-3-youth-night", "§ 11-3", "11",
             "Under-18s: no night work", applies_to_exempt=True),
    RuleSpec("AML-11-5-youth-daily-rest", "§ 11-5", "11",
             "Under-18s: daily rest of 12 h (14 h for children and pupils)", applies_to_exempt=True),
    RuleSpec("AML-11-5-youth-weekly-rest", "§ 11-5", "11",
             "Under-18s: weekly rest of 48 h", applies_to_exempt=True),
    RuleSpec("AML-11-5-1-youth-break", "§ 11-5 (1)", "11",
             "Under-18s: a 30-minute break when working more than 4.5 hours",
             applies_to_exempt=True),
    RuleSpec("AML-11-youth-overtime", "ch. 11", "11",
             "Under-18s: no overtime (UNCONFIRMED; protective reading)", applies_to_exempt=True),
]
