"""§ 10-10 — Sunday and public-holiday work.

Paragraph
    AML § 10-10 (1) defines the protected window, § 10-10 (2) allows work in it only where the
    nature of the work requires it, § 10-10 (4) (T3) for an exceptional, time-limited need,
    § 10-10 (5) (T2) against equivalent days off on the employee's own religious holidays,
    § 10-12 (6) (T5) for particular cases.

``AML-10-10-1-window`` (not a check)
    The window runs from 18:00 the day before a Sunday or holiday (15:00 before Christmas Day,
    Easter Sunday and Whit Sunday; 22:00 before a plain 1 or 17 May) to 22:00 on the last of a
    run of consecutive red days. It is computed once in :mod:`scheduler.calendar` and reaches the
    checks as ``CheckContext.windows.sunday`` (merged windows) and ``CheckContext.windows.red`` (one
    segment per red day); nothing here re-derives it. Windows are half-open: a shift Sunday
    22:00 → Monday 07:00 is not Sunday work, Saturday 21:45 → Sunday 07:45 is.

``AML-10-10-2-permitted`` — § 10-10 (2)
    Measured: worked minutes of each employee in each merged window that reaches into the horizon
    (any work, also a short stint or overtime). Default: none unless the site records
    ``Settings.sunday_work_permitted_by_nature = True`` (hospitals and care qualify by nature).
    Relaxation: any ``"10-10"`` agreement in force for the employee that sets
    ``sunday_work_agreed`` (the T3, T2 and T5 tiers all do by default) permits the work.
    * ``True``  → nothing to judge.
    * ``False`` → one violation per employee per window with work and no agreement in force
      (``allowed_by`` T2 — the least tier that could permit it).
    * ``None`` (not recorded) → one warning for the whole check, employee ``None``, saying that
      Sunday/holiday work was found but not judged; only when such work exists.
    The agreement is looked up on the date the window opens.
    Process duties (§ 10-10 (3), discuss with the representatives) are not machine-checkable.

Exempt employees (§ 10-12 (1)/(2)) are skipped.
"""

from __future__ import annotations

from constraints.base import RuleSpec

PERMITTED = RuleSpec(
    id="AML-10-10-2-permitted",
    paragraph="§ 10-10 (2)",
    family="10-10",
    title="Sunday/holiday work only where the nature of the work requires it or agreed",
)

RULES: list[RuleSpec] = [PERMITTED]
