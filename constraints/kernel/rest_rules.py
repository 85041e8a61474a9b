"""The § 10-8 (1)/(2) rule specs, in the kernel because other families measure against them.

The rest family (:mod:`constraints.rest`) lists them in its ``RULES``; the solver's window caps
bound a window's sum by the daily rest in force (:mod:`constraints.kernel.window_caps`), and the
turnus codes report an ``F1`` day off without the weekly rest under the weekly-rest rule
(:mod:`constraints.turnus_codes`).
"""

from __future__ import annotations

from constraints.base import RuleSpec

DAILY_REST = RuleSpec(
    id="AML-10-8-1-daily-rest",
    paragraph="§ 10-8 (1)",
    family="10-8",
    title="Daily rest of at least 11 h in each 24 h",
)
WEEKLY_REST = RuleSpec(
    id="AML-10-8-2-weekly-rest",
    paragraph="§ 10-8 (2)",
    family="10-8",
    title="Weekly rest of at least 35 h in each 7 days",
)
