"""Rule parameters, their statutory defaults, and which tier may relax each one — and how far.

This module is the project's **table of agreement tiers**, written from the rule specification
(``aml-rules.md`` sections 0.1-9). For every parameter it records the statutory default and, per
tier, a :class:`Power`: the value that tier may agree to, the paragraph that gives the power and
the spec row (rule id) it comes from. A tier without a power for a parameter cannot relax it (it
may still state a stricter value). ``docs/agreement-tiers.md`` is generated from this table
(``python -m constraints.tier_table``), so the published table cannot drift from the code.

The table is used four ways:

* the workbook reader refuses an ``Agreements`` row whose tier may not relax the parameter, or
  whose value is beyond the tier's bound (:func:`problems`, with the cell; see
  :mod:`constraints.tier_review`);
* the rule modules (check and post alike) ask :func:`effective` for the limits in force for one
  employee: **per parameter**, the most permissive tier in force that has a power over it;
* a finding asks :func:`allowed_by` which tier would have permitted the measured value;
* the checker warns about agreements at a tier whose power the spec leaves open.

Open (UNCONFIRMED) powers. The spec leaves the outer limits of a § 10-12 (4) union agreement
(T4) and several numbers of an Arbeidstilsynet consent (T5, § 10-12 (6)/(7)) unconfirmed. Such a
power is marked ``open``. Its ``value`` is the **protective reading** (the default): for T4 what
a local tariff agreement (T3) may agree to — a § 10-12 (4) agreement certainly reaches that far
— and for T5 the value the other tiers' rows make safe. Its ``broad`` value is the other reading
(the outer value seen in practice), used only for agreements read with
``Agreement.reading == "broad"`` (the workbook's Settings key ``open_tier_powers``).

A bound is a ``ceiling`` (the tier may raise the value up to it) or a ``floor`` (the tier may
lower it down to it); a ``flag`` is a yes/no permission. A ``setting`` parameter is a reading the
site chooses (any row may state it; numeric ones only stricter), not a relaxation.

The package: :mod:`~constraints.limits.tiers` (the tiers, ``Power``, ``Param``, ``Family``), one
module of rows per family with its typed parameters (:mod:`~constraints.limits.normal_hours`
``NormalHoursLimits``, :mod:`~constraints.limits.averaging`, :mod:`~constraints.limits.overtime`,
:mod:`~constraints.limits.rest`, :mod:`~constraints.limits.sunday`,
:mod:`~constraints.limits.night`), :mod:`~constraints.limits.table` (the one table) and
:mod:`~constraints.limits.effective` (validation, the limits in force, ``allowed_by``).
"""

from constraints.limits.effective import (
    Effective,
    Problem,
    allowed_by,
    effective,
    problems,
    validate,
)
from constraints.limits.normal_hours import STATUTORY_DAY_HOURS, STATUTORY_WEEK_HOURS
from constraints.limits.table import FAMILIES, TYPED, family, tiers_that_relax
from constraints.limits.tiers import (
    T0,
    T1,
    T2,
    T3,
    T4,
    T5,
    TIER_ORDER,
    TIER_SHORT,
    TIER_WORDS,
    Direction,
    Family,
    Param,
    Power,
    Reading,
    T3b,
    Tier,
    Value,
)

__all__ = [
    "FAMILIES", "STATUTORY_DAY_HOURS", "STATUTORY_WEEK_HOURS", "T0", "T1", "T2", "T3", "T3b",
    "T4", "T5", "TIER_ORDER", "TIER_SHORT", "TIER_WORDS", "TYPED", "Direction", "Effective",
    "Family", "Param", "Power", "Problem", "Reading", "Tier", "Value", "allowed_by", "effective",
    "family", "problems", "tiers_that_relax", "validate",
]
