"""§ 10-9 (1) Breaks: a break when the working day exceeds 5.5 hours, 30 minutes from 8 hours.

Paragraph: arbeidsmiljøloven § 10-9 (1). (The § 10-9 (2) overtime break is handled where it
matters, in the overtime sums of ``constraints.overtime``.)

What is measured: each continuous work period (planned, overtime and extra periods that touch are
one work period) that reaches into the horizon. Its working time is the sum of the worked minutes
of its periods (elapsed time less an unpaid break); its breaks are the sum of the recorded
``break_minutes`` of its periods.

* ``AML-10-9-1-break-required`` — working time strictly more than 5.5 h (the law says "exceeds";
  some guides say "at least") needs at least one break: recorded break minutes > 0.
* ``AML-10-9-1-break-30`` — working time of 8 h or more needs breaks of at least 30 minutes in
  total (they may be split).

No relaxation tiers: the law only lets the break be moved when circumstances require.

What the input does not record is not judged: a work period with any period whose
``break_minutes`` is ``None`` (not recorded) is skipped, and the check run carries one
``warning`` under ``AML-10-9-1-break-required`` (employee ``None``, no window) saying how many
work periods were not checked for breaks — never one finding per shift.

Edge cases: the law sets no minimum length for the first break below 8 h (the inspectorate's
informal 20 minutes is not enforced). Whether a break counts as working time is decided per period
(``break_counts_as_work``) and only changes the worked minutes, not whether a break was given.
"""

from constraints.base import RuleSpec

BREAK_REQUIRED_ABOVE_MINUTES = 330  # 5.5 h, strictly more
BREAK_30_FROM_MINUTES = 480  # 8 h or more
BREAK_30_MINUTES = 30

RULES: list[RuleSpec] = [
    RuleSpec("AML-10-9-1-break-required", "§ 10-9 (1)", "10-9",
             "A break when working time exceeds 5.5 hours"),
    RuleSpec("AML-10-9-1-break-30", "§ 10-9 (1)", "10-9",
             "Breaks of at least 30 minutes when working time is 8 hours or more"),
]
