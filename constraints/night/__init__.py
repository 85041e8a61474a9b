"""§ 10-11 — night work (and the § 10-2 right to be excused from it).

Paragraph
    AML § 10-11 (1) night window (21:00–06:00 unless a T3 agreement sets another ≥ 8 h window
    that includes 00:00–06:00; ``Settings.night_start``/``night_end``, computed once in
    :mod:`scheduler.calendar` as ``CheckContext.windows.night`` — the ``AML-10-11-1-window``),
    § 10-11 (2) night work only where the nature of the work requires it, § 10-11 (4) T3 for an
    exceptional, time-limited need, § 10-11 (6) the 8 h average for regular night workers,
    § 10-11 (7) the 8 h cap for risky or straining night work, § 10-11 (9) T3 may depart from
    (6) and (7). Limits come from the ``"10-11"`` family of :mod:`constraints.limits`.

What is measured
    Working minutes (an unpaid break spread pro rata) on real clock time (epoch minutes, so a
    22:00–06:00 shift lasts 9 h on the night the clocks go back and 7 h when they go forward).
    A *work period* is a continuous block of touching periods (planned, overtime, extra); it
    "works more than 3 h at night" when more than 180 worked minutes fall in night windows.

``AML-10-11-2-permitted`` — § 10-11 (2)
    Work in a night window that reaches into the horizon when
    ``Settings.night_work_permitted_by_nature`` is ``False`` and no ``"10-11"`` agreement with
    ``night_work_agreed`` (T3) is in force for the employee on the night's date → one violation
    per employee per night window (``allowed_by`` T3). ``None`` (not recorded) → one warning for
    the whole check (employee ``None``), only if night work exists. ``True`` → nothing. The
    § 10-11 (3) 21:00–23:00 own-initiative agreement (T2) is not modelled: work then counts.

``AML-10-2-night-exempt`` — § 10-2
    An employee with ``night_work_allowed = False`` (excused for health, social or other weighty
    welfare reasons) who works in a night window → one violation per night window. This right
    survives the § 10-12 exemptions, so the rule applies to exempt employees too.

``AML-10-11-6-night-avg`` — § 10-11 (6)
    Blocks: fixed 4-week blocks from the week start of the horizon's first day
    (``scheduler.calendar.week_windows(..., weeks=4)``), clipped to the horizon.
    *Regularly* (spec open question 8, UNCONFIRMED) — parameter ``night_regular_share`` of the
    ``"10-11"`` family, default 1/3: an employee works regularly at night in a block when at
    least that share of their work periods starting in the block has more than 3 h at night
    (so a three-shift D/E/N rota qualifies; the value may only be set lower, i.e. stricter).
    Measured: normal hours (kinds planned and extra; overtime is not normal hours) in the block.
    Limit: ``night_avg_hours`` (default 8, T3 up to 13) per 24 h, where the statutory 35 h
    weekly rest is left out of the denominator (derived, UNCONFIRMED): a 4-week block allows
    ``8 × (672 − 4 × 35) / 24 ≈ 177.3`` h. A block only partly inside the horizon is scaled
    pro rata to its length inside the horizon (``8 × (L − L/7d × 35 h) / 24 h``) and reported
    as a **warning** (the law's average is over 4 weeks; the rest of the block is not in the
    roster). ``allowed_by`` names the tier whose bound would permit the average.

``AML-10-11-7-night-risk`` — § 10-11 (7)
    For an employee with ``high_risk_night`` who works more than 3 h at night in a work period:
    that work period, and every fixed 24 h day window (from the day boundary) that it touches,
    must hold at most ``night_risk_hours`` (default 8 h, T3 up to 13) of work (all kinds — it is
    a cap on working time, not an average). Strict mode adds the rolling 24 h windows around each
    such work period, as warnings, where the work period itself was within the cap.

Exempt employees (§ 10-12 (1)/(2)) are skipped except by ``AML-10-2-night-exempt``.
"""

from __future__ import annotations

from constraints import limits
from constraints.base import RuleSpec
from constraints.limits.rest import RestLimits

# A work period (or shift) "works at night" when more than 3 h fall in the § 10-11 night windows:
# constraints.windows.is_night_shift (NIGHT_SHIFT_MINUTES), the one predicate of the
# § 10-11 (6)/(7) checks and posts, the solver's fairness and the what-if figures.
# § 10-11 (6): the statutory weekly rest (§ 10-8 (2), from the limits table) is left out of the
# 24 h periods the night-work average is taken over.
WEEKLY_REST_OUT_MINUTES = round(float(limits.family(RestLimits.KEY).params["weekly_rest_hours"].default) * 60)

PERMITTED = RuleSpec(
    id="AML-10-11-2-permitted",
    paragraph="§ 10-11 (2)",
    family="10-11",
    title="Night work only where the nature of the work requires it or agreed",
)
NIGHT_EXEMPT = RuleSpec(
    id="AML-10-2-night-exempt",
    paragraph="§ 10-2",
    family="10-2",
    title="No night work for an employee excused from it",
    applies_to_exempt=True,
)
NIGHT_AVG = RuleSpec(
    id="AML-10-11-6-night-avg",
    paragraph="§ 10-11 (6)",
    family="10-11",
    title="Regular night workers: at most 8 h per 24 h on average over 4 weeks",
)
NIGHT_RISK = RuleSpec(
    id="AML-10-11-7-night-risk",
    paragraph="§ 10-11 (7)",
    family="10-11",
    title="Risky or straining night work: at most 8 h per 24 h",
)

RULES: list[RuleSpec] = [PERMITTED, NIGHT_EXEMPT, NIGHT_AVG, NIGHT_RISK]
