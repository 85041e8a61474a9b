"""§ 10-8 — daily rest, weekly rest, and the Sunday/holiday rules of § 10-8 (4).

Paragraph
    AML § 10-8 (1) daily rest, § 10-8 (2) weekly rest, § 10-8 (3) shorter rest by agreement,
    § 10-8 (4) Sunday/holiday off-duty. Limits come from the ``"10-8"`` family of
    :mod:`constraints.limits`; windows from :mod:`scheduler.calendar` via ``CheckContext``.

What is measured (clock time, epoch minutes, DST-safe)
    *Off-duty* is every minute outside a continuous work block (touching planned, overtime and
    extra periods are one block; a break inside a period is not rest).

``AML-10-8-1-daily-rest`` — § 10-8 (1)
    The 24 real hours that start at each continuous work block's start must contain a
    continuous off-duty stretch of at least the required rest (clipped to the window). Default
    11 h; T3 / T3b (and T5, T4, whose floors are UNCONFIRMED) down to 8 h. A split duty
    (07–11 + 15–19) passes because the 24 h from 07:00 still hold 19:00–07:00; a late shift
    ending 20:30 followed by 07:00 fails (10.5 h).
    *Gap check.* Main work periods are blocks joined across gaps shorter than the rest in force,
    so a split duty is one main period and its inner gap is never taken as the rest. The rest
    between two main periods must begin within ``24 h − rest`` of the first one's start — that
    is exactly the window anchored at the main period's start, and every main-period start is a
    block start, so the window check covers the gap check; each finding names the gap (the
    longest off-duty stretch, with its real start and end) and the main periods it separates.
    *Dedupe.* Overlapping windows whose best rest is the same gap give one finding (one per
    offending rest), carrying the first such window and the longest rest measured in it.
    ``allowed_by`` is T3 when the measured rest is at least 8 h.
    *Compensatory rest (spec fixture 2).* A rest shortened under a tier in force is not
    reported, but the hour-for-hour compensation is checked: the shortfall below the statutory
    11 h must be added to the rest right after the following main work period (that rest must be
    at least ``11 h + shortfall``), unless the short rest itself already runs that long past the
    window. A missing or short compensatory rest is a **warning** (the law allows "other suitable
    protection" where rest is impossible, which the input cannot show). Strict mode adds nothing
    here: the window already starts at every work period (an arbitrary rolling 24 h would fail
    lawful 12 h shift patterns).

``AML-10-8-2-weekly-rest`` — § 10-8 (2)
    Each fixed 7-day window from the week start (``ctx.windows.week``) must contain a continuous
    off-duty stretch of at least 35 h (T3/T3b/T5/T4: 28 h, never lower). A rest that straddles
    the week boundary is read per the ``weekly_rest_window`` parameter of the ``"10-8"`` family:
    ``"clip"`` (default, employee-protective: only the part inside the week counts) or
    ``"overlap"`` (a rest that overlaps the week counts in full). Any other value reads as
    ``"clip"``. The reading is set like any ``"10-8"`` parameter, on an Agreements row of the
    tier in force (a ``T0_DEFAULT`` row when no relaxation applies — a site setting). Strict mode (warnings, where no fixed week already failed) reads the
    rolling 7 days as: *within 7 days from the end of one qualifying weekly rest (an off-duty
    stretch of at least 35 h, or the tier's floor), the next one must be complete*. It catches a
    rest early in one fixed week and late in the next (up to 12 days of work between, which the
    fixed weeks pass) and never flags a regular free weekend (a Monday–Friday day worker's rest
    ends Monday morning and the next is complete on Sunday). An arbitrary rolling window placed at
    the worst offset would cut every weekend rest in two; that reading is not used. The warning's
    window is the 7 days from the end of the earlier rest. The compensatory rest
    owed for a T3 28 h rest is not checked (not recorded in the input).

``AML-10-8-4-sunday-in-rest`` — § 10-8 (4), soft, always a warning
    "As far as possible" the weekly rest should include a Sunday or holiday. Measure: in each
    fixed week there must be a red day (its § 10-10 day segment ends inside the week) whose
    whole segment is off duty and lies inside one off-duty stretch of at least the weekly rest
    in force (the whole stretch, not clipped to the week: a Saturday-15:30-to-Monday-07:00 rest
    contains the Sunday). Otherwise one warning for the week.

``AML-10-8-4-next-sunday-off`` — § 10-8 (4)
    A red day (Sunday or public holiday, ``ctx.windows.red``) is *worked* if any work (even a
    short stint, even overtime) falls in its segment of the § 10-10 (1) window. After a worked
    red day the next red day must be off: at most ``red_days_in_a_row`` worked red days in a row
    (default 1; T2 — a plan over ≤ 26 weeks — up to 3). Holidays chain (Easter Sunday worked →
    Easter Monday off). Under a relaxed limit the plan must still give every other red day off
    on average: more than half of the horizon's red days worked is a warning.
    *History.* History periods count, and ``EmployeeHistory.last_sunday_worked`` marks that red
    day worked (red days after it and before the horizon are then off unless history periods
    show work). Firm and eve-only work are told apart by ``RedDay.firm_start`` for history and
    roster alike (checker and solver): history on a holiday's eve plus planned work on the
    holiday itself is a firm worked red day. A finding is made only for a red day whose segment reaches into the horizon.
    *Eve work (spec open question 17, fixture 5).* Work only in the eve part of a segment (before
    midnight of the red day itself) when the red day is a public holiday — e.g. Easter Saturday
    15:00–22:30 inside the Easter Sunday window — counts as working that red day (protective),
    but a finding that depends on it is a **warning**. Eve work before a plain Sunday (Saturday
    18:00–24:00) is firm Sunday work (spec § 10-8 (4) example, fixture 3).

Edges of the data
    Time the input does not cover — before the first history or roster period, and after the
    horizon — is taken as off duty (not judged), so a partial first or last week, or a 24 h
    window running past the horizon, is judged only on the work the input shows. History periods
    count for every window that reaches into the horizon; a window entirely before it is never
    reported.

Exempt employees (§ 10-12 (1)/(2)) are skipped by every rule here.
"""

from __future__ import annotations

from constraints.base import RuleSpec
from constraints.kernel.rest_rules import DAILY_REST, WEEKLY_REST

SUNDAY_IN_REST = RuleSpec(
    id="AML-10-8-4-sunday-in-rest",
    paragraph="§ 10-8 (4)",
    family="10-8",
    title="Weekly rest includes a Sunday or holiday as far as possible",
    hard=False,
)
NEXT_SUNDAY_OFF = RuleSpec(
    id="AML-10-8-4-next-sunday-off",
    paragraph="§ 10-8 (4)",
    family="10-8",
    title="After Sunday/holiday work the next Sunday/holiday is off",
)

RULES: list[RuleSpec] = [DAILY_REST, WEEKLY_REST, SUNDAY_IN_REST, NEXT_SUNDAY_OFF]
