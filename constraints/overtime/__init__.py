"""§ 10-6 Overtime and total working time (with the § 10-9 (2) overtime break).

Paragraph: arbeidsmiljøloven § 10-6 (4)–(10); § 10-9 (2).

What is measured, per employee (overtime = work periods of kind ``overtime``; extra hours,
*merarbeid*, count to the total only; total = planned + overtime + extra):

=============================  =====================================  =========  ===============
rule id                        measured                               default    tiers
=============================  =====================================  =========  ===============
AML-10-6-4-ot-7d               overtime per 7-day window              10 h       T3 20, T5 25
AML-10-6-4-ot-4w               overtime per 4-week block              25 h       T3 50 (T5: 50,
                                                                                 UNCONFIRMED)
AML-10-6-4-ot-52w              overtime per 52-week block             200 h      T3 300;
                                                                                 T5 200 per 26 w
AML-10-6-7-consent             overtime above 10 / 25 / 200 without   —          none
                               the employee's consent
AML-10-6-8-total-24h           total per continuous work period and   13 h       T3 16 (§ 10-6 (9))
                               per 24 h window
AML-10-6-8-total-7d            total per week on the 8-week average   48 h       —
AML-10-6-8-total-max-week      total in any single 7-day window       69 h       —
AML-10-6-10-excuse             overtime or extra hours given to an    none       —
                               employee excused from them
=============================  =====================================  =========  ===============

Windows: default mode uses fixed 7-day windows from the week start and fixed 4/8/26/52-week
blocks tiled from the week start on or before 1 January of the horizon's first year (the
"overtime year", ``constraints.windows.year_anchor``); strict mode adds every rolling window of the same
length (findings only strict mode finds are warnings). Which reading the law requires (fixed or
rolling) is UNCONFIRMED (spec open question 5).

Carry-in: history periods of kind ``overtime`` count in every window that reaches back. The
year-to-date figure ``EmployeeHistory.overtime_ytd_hours`` is taken as the overtime worked in the
current 52-week block *before the horizon*; history periods in that part of the block may be part
of it, so the block counts ``max(ytd, history overtime before the horizon)`` — never both (no
double count), never less than either (protective). The YTD figure counts only towards the
52-week (or T5 26-week) cap.

§ 10-9 (2) overtime break (``AML-10-9-2-ot-break``): when overtime runs more than 2 h past the
end of the normal hours of the same continuous work period, a break of 30 minutes is due; it is
working time but does not count towards the § 10-6 (4) caps. The minutes taken off the overtime
are the break actually recorded on those overtime periods (capped at 30); a break already unpaid
(deducted from the worked minutes) is not deducted twice. The break stays in the total-hours sums.

Unrecorded breaks (spec preamble: what the input does not record is reported once as unchecked):
when the timesheet records no break (no break column, or an empty cell), whether the break was
taken is unknown, so it is *not* presumed taken: the overtime is counted in full against the
caps (protective). ``AML-10-9-2-ot-break`` then gives one warning per employee naming how many
cap findings (``AML-10-6-4-*``, ``AML-10-6-7-consent``) hold only because of it — findings that
would fall away with the break taken — so a representative can ask for the break records.
Settings ``presume_breaks`` (or ``roster check --presume-breaks``) restores the earlier reading:
an unrecorded break is presumed taken (30 minutes off), and no warning is given.

Readings chosen (protective, parameters in ``check.py``):

* ``AML-10-6-8-total-max-week``: the law states the 69 h cap for a § 10-5 (2) arrangement combined
  with § 10-6 (5) overtime. No other combination of tiers legally reaches 69 h except T2 averaging
  (50 h) with T5 overtime (25 h); the cap is applied to every employee
  (``TOTAL_MAX_WEEK_FOR_EVERYONE = True``) as the employee-protective reading.
* ``AML-10-6-7-consent``: per-employee flag ``Employee.overtime_consent`` (the law wants consent
  each time; the input has no per-event flag). Overtime above a default cap without the flag is a
  violation even where a T3/T5 tier allows the hours. The window is the cap's window.
* ``AML-10-6-10-excuse``: an employee flagged ``excused_overtime`` who has any overtime or extra
  period in the horizon: one violation per period.
* § 10-6 (8) total 48 h is averaged over 8 weeks by statute (no agreement needed): only the
  8-week average is judged. A block running past the horizon is reported only when the known
  hours already exceed 8 × 48.
* Overtime for under-18s (spec § 4, UNCONFIRMED) is not judged here.
"""

from constraints.base import RuleSpec

RULES: list[RuleSpec] = [
    RuleSpec("AML-10-6-4-ot-7d", "§ 10-6 (4)", "10-6", "Overtime per 7 days"),
    RuleSpec("AML-10-6-4-ot-4w", "§ 10-6 (4)", "10-6", "Overtime per 4 weeks"),
    RuleSpec("AML-10-6-4-ot-52w", "§ 10-6 (4)", "10-6", "Overtime per 52 weeks"),
    RuleSpec("AML-10-6-7-consent", "§ 10-6 (7)", "10-6",
             "Overtime above the default caps needs the employee's consent"),
    RuleSpec("AML-10-6-8-total-24h", "§ 10-6 (8)", "10-6", "Total working time per 24 hours"),
    RuleSpec("AML-10-6-8-total-7d", "§ 10-6 (8)", "10-6",
             "Total working time per 7 days on the 8-week average"),
    RuleSpec("AML-10-6-8-total-max-week", "§ 10-6 (8)", "10-6",
             "Total working time in any single week (69 h)"),
    RuleSpec("AML-10-6-10-excuse", "§ 10-6 (10)", "10-6",
             "No overtime or extra hours for an employee who is excused"),
    RuleSpec("AML-10-9-2-ot-break", "§ 10-9 (2)", "10-6",
             "The overtime break: findings that depend on an unrecorded break (warning)"),
]
