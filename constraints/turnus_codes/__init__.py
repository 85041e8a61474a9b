"""Turnus day-off codes (F1–F5) — how a Norwegian plan marks its days off, checked against it.

Paragraph
    The AML prescribes no marking; the codes are tariff practice in the KS and Spekter areas
    (see :mod:`scheduler.dayoff`). ``F1`` (*ukefridag*) marks the weekly day off that carries
    the weekly rest of § 10-8 (2); ``F3`` (*helgedagsfri*) a Sunday/holiday kept off because of
    § 10-8 (4). These checks read the marks of a roster grid (``ctx.roster.day_marks``); they
    run only when the grid uses F-codes at all (a grid with none of ``F1``…``F5`` is not judged
    on marking), and every finding here is a **warning**: a marking error is not in itself a
    breach of the Act — the statutory weekly rest is judged by ``AML-10-8-2-weekly-rest`` in
    :mod:`constraints.rest`, on the work alone.

Weeks and days
    The fixed 7-day windows of ``ctx.windows.week`` (``Settings.week_start``); a day is its fixed
    24 h window from the day boundary (``ctx.windows.day``), and a mark belongs to the week its
    day starts in. Only weeks wholly inside the horizon are judged on a missing F1 (the F1 of a
    partial first or last week may lie in the neighbouring plan); two F1 in any week are judged.

``TAR-f1-weekly-rest-marking`` — one F1 per week
    A full week in which the employee starts at least one work period and no day is marked
    ``F1`` gives one warning (measured 0, limit 1, unit ``F1 marks``); a week with two or more
    ``F1`` gives one warning naming the days. A week without work needs no F1.

The rest around an F1 — reported as ``AML-10-8-2-weekly-rest``, severity warning
    The rest that contains an F1 is the off-duty gap that overlaps the F1 day (the longest, if
    work splits the day), measured whole: from the end of the last work period before it to the
    start of the next one, across the week boundary and the day boundary alike (a night shift
    ending on the F1 morning starts the rest then). It must reach the weekly rest in force of
    the ``"10-8"`` family (35 h; 28 h where a § 10-8 (3) agreement is in force), exactly 35 h
    passing. A shorter one is reported under the rule id of § 10-8 (2), because the hours are
    those of that paragraph, but as a **warning**: the day the plan calls the weekly day off
    does not carry the weekly rest. Whether the week holds a lawful weekly rest somewhere else
    is the ``AML-10-8-2-weekly-rest`` check's own (violation) finding, so a breach of the Act is
    never counted twice and a lawful plan with a misplaced F1 is never called unlawful. A gap
    that runs past the data given (no work known before or after it) is not judged, as
    everywhere in § 10-8. ``allowed_by`` names the tier that would allow the measured rest.

``TAR-f3-not-red-day`` — F3 lies on a Sunday or public holiday
    ``F3`` on a day that is neither a Sunday nor a public holiday (``ctx.windows.red``) gives one
    warning for that day.

F2, F4, F5, FE/Ferie and OFF are days off with no length or placement requirement here (F2's
"next to F1 where possible" is a planning wish, F4/F5 are tariff entitlements the input does
not record). Exempt employees (§ 10-12 (1)/(2)) are skipped, as by every § 10-8 rule.
"""

from __future__ import annotations

from constraints.base import RuleSpec

F1_MARKING = RuleSpec(
    id="TAR-f1-weekly-rest-marking",
    paragraph="§ 10-8 (2) (tariff marking)",
    family="TAR",
    title="One F1 (weekly day off) per week in a plan marked with F-codes",
    hard=False,
)
F3_NOT_RED_DAY = RuleSpec(
    id="TAR-f3-not-red-day",
    paragraph="§ 10-8 (4) (tariff marking)",
    family="TAR",
    title="F3 (Sunday/holiday off) lies on a Sunday or public holiday",
    hard=False,
)

RULES: list[RuleSpec] = [F1_MARKING, F3_NOT_RED_DAY]
