"""Requests the planner made hard: no work while an employee is away (not AML).

``REQ-unavailable``: on the days of an ``unavailable`` request (vacation, leave, a course …) the
employee does no work, judged in clock time: a shift that starts the day before and ends on the
first day (a night ending on the first morning of a vacation) is work on that day, and is never
planned (protective reading).

Settings ``vacation_first_morning_until`` (default empty: none) lets a shift from the day before
end on the first morning of a *vacation* at or before that clock time (``07:30``: a night ending
07:30 is allowed, one ending 07:31 is not). It applies to vacations only (``Request.vacation``,
the kind ``ferie``/``vacation`` in the Requests sheet); other absences keep the protective
reading. When a vacation and another absence start on the same day, the other absence rules.

The solver forbids such cells in its domain phase (:mod:`constraints.requests.post`), the checker
reports work in them (:mod:`constraints.requests.check`); both judge with
:func:`constraints.requests.measure.blocked`. It applies to § 10-12 exempt employees too (a
request is not chapter 10).
"""

from constraints.base import RuleSpec

UNAVAILABLE = RuleSpec("REQ-unavailable", "", "request",
                       "No work while away (vacation or unavailable)", applies_to_exempt=True)

RULES: list[RuleSpec] = [UNAVAILABLE]
