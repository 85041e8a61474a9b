"""§ 10-5 Averaging of normal hours: the long-run average over the averaging period.

Paragraph: arbeidsmiljøloven § 10-5 (1) (written individual agreement, tier T2), § 10-5 (2)
(agreement with the elected representatives in a tariff-bound undertaking, T3) and § 10-5 (3)
(consent from Arbeidstilsynet, T5). An averaging arrangement lets single days and weeks go above
§ 10-4 as long as, over the averaging period, the average stays within the § 10-4 limit.

What is measured: planned (normal) hours of one employee in each block of the averaging period
(``period_weeks`` of the agreement, or the tier's bound), divided by the number of weeks. The
block tiles from the week start on or before the agreement's ``valid_from`` (the overtime year
when it has none, see ``constraints.windows.year_anchor``); strict mode adds every
rolling window of the same length (warnings).

Limits: the average must stay within the § 10-4 weekly limit — 40 h, or the site's stricter 38/36
from the ``10-4`` family. Averaging period: T2 ≤ 52 weeks, T3 ≤ 52 weeks, T5 ≤ 26 weeks.

Which finding carries which id (decided here, see the brief):

* ``AML-10-5-1-avg-individual`` / ``-2-avg-tariff`` / ``-3-avg-labour-inspection`` — the long-run
  average over the averaging period, under the id of the tier in force (T2 / T3 / T5). A § 10-12
  (4) union agreement (T4) reports under ``AML-10-5-2-avg-tariff`` (a collective agreement).
* The daily ceiling (10 / 12.5 / 13 h), the single-week cap (50 / 54 h) and the 8-week average of
  48 h are the normal-hours limits *in force* and are reported as ``AML-10-4-1-daily-normal`` /
  ``AML-10-4-1-weekly-normal`` (``constraints.normal_hours``), naming the tier in the message.

Edge cases and readings:

* A roster usually covers only part of an averaging period (a month of a 52-week period). The
  average cannot be judged from part of a block without inventing the rest, so a block is
  reported only when the hours already planned in it (history carry-in included) exceed the
  limit × the block's weeks — then the breach is certain, whatever the rest of the block holds.
  For a block wholly inside the known data this is exactly the average test.
* Fixed blocks or rolling windows for the averaging period: UNCONFIRMED (spec § 3); fixed blocks
  are the default, rolling windows the strict (warning-only) alternative.
* Unplanned hours inside an averaging period (the detailed overtime threshold under averaging) are
  UNCONFIRMED; overtime is whatever the time records mark as overtime.
"""

from constraints.base import RuleSpec

RULES: list[RuleSpec] = [
    RuleSpec(
        id="AML-10-5-1-avg-individual",
        paragraph="§ 10-5 (1)",
        family="10-5",
        title="Averaging by individual agreement: average within the § 10-4 limit",
    ),
    RuleSpec(
        id="AML-10-5-2-avg-tariff",
        paragraph="§ 10-5 (2)",
        family="10-5",
        title="Averaging by agreement with the representatives: average within the § 10-4 limit",
    ),
    RuleSpec(
        id="AML-10-5-3-avg-labour-inspection",
        paragraph="§ 10-5 (3)",
        family="10-5",
        title="Averaging with Arbeidstilsynet's consent: average within the § 10-4 limit",
    ),
]
