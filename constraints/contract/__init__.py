"""Contract rules: everyday rostering limits that are not AML (planners and the Curtois benchmark).

Measured per employee on the horizon's days (a shift belongs to the day it starts on), with the
limits of the employee's ``Contract`` (``None`` = no limit):

* ``CONTRACT-max-shifts`` — shifts of one type over the horizon ≤ ``max_shifts[type]``
  (0 = the employee may not work that type).
* ``CONTRACT-max-total-minutes`` / ``CONTRACT-min-total-minutes`` — worked minutes over the
  horizon (the shift type's paid minutes).
* ``CONTRACT-max-consecutive-shifts`` — a block of consecutive worked days is at most the limit;
  days outside the horizon count as off.
* ``CONTRACT-min-consecutive-shifts`` — a block of worked days with a day off on both sides
  *inside* the horizon has at least the limit; blocks touching either end are exempt.
* ``CONTRACT-min-consecutive-days-off`` — the same for blocks of days off.
* ``CONTRACT-max-weekends`` — weekends (Saturday + Sunday of each full week from the horizon
  start) with any work ≤ the limit.
* ``CONTRACT-forbidden-succession`` — shift A on day d may not be followed by B on day d+1.

These are hard rules for the solver. They apply to § 10-12 exempt employees too (a contract is
not chapter 10).
"""

from constraints.base import RuleSpec

_P = "contract"

RULES: list[RuleSpec] = [
    RuleSpec("CONTRACT-max-shifts", _P, "contract", "Maximum shifts per shift type", applies_to_exempt=True),
    RuleSpec("CONTRACT-max-total-minutes", _P, "contract", "Maximum total minutes", applies_to_exempt=True),
    RuleSpec("CONTRACT-min-total-minutes", _P, "contract", "Minimum total minutes", applies_to_exempt=True),
    RuleSpec("CONTRACT-max-consecutive-shifts", _P, "contract", "Maximum consecutive working days", applies_to_exempt=True),
    RuleSpec("CONTRACT-min-consecutive-shifts", _P, "contract", "Minimum consecutive working days", applies_to_exempt=True),
    RuleSpec("CONTRACT-min-consecutive-days-off", _P, "contract", "Minimum consecutive days off", applies_to_exempt=True),
    RuleSpec("CONTRACT-max-weekends", _P, "contract", "Maximum worked weekends", applies_to_exempt=True),
    RuleSpec("CONTRACT-forbidden-succession", _P, "contract", "Forbidden shift successions", applies_to_exempt=True),
]
