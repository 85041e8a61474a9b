"""§ 10-12 (1)/(2) Exemptions: senior and particularly independent positions.

Paragraph: arbeidsmiljøloven § 10-12 (1) (*ledende stilling*) and (2) (*særlig uavhengig
stilling*). For such employees all of chapter 10 is disapplied except § 10-2 (1), (2) and (4)
(a sound arrangement; the rights to be excused from night work and to reduced hours).

What is measured: nothing — this rule documents the exemption. The input flag is
``Employee.exempt_10_12`` (both (1) and (2); the law looks at the actual role, not the title, and
the flag is the planner's statement that the role qualifies). The checker engine
(``constraints.checker``) drops, for a flagged employee, every finding of a rule whose
``RuleSpec.applies_to_exempt`` is ``False`` — all hour limits, rest, breaks, Sunday and night
rules of chapter 10. Rules outside chapter 10 still apply: the chapter 11 youth rules have
``applies_to_exempt=True``.

No tiers. Edge case: an under-18 flagged as exempt is still judged by the youth rules.
UNCONFIRMED (spec § 10): whether exempt staff must be in the § 10-7 time records; not judged.

§ 10-12 (4) (T4, a union with *innstillingsrett*) and § 10-12 (6)/(7) (T5, Arbeidstilsynet)
powers whose outer limits the spec marks UNCONFIRMED: ``AML-10-12-4-union`` and
``AML-10-12-6-7-inspectorate`` give one warning per agreement in force at such a tier, naming
the parameters concerned, the reading used (``Agreement.reading``: ``protective`` by default —
T4 reads as T3's powers — or ``broad``) and the values it gives. The table of powers is
``constraints.limits`` (published as ``docs/agreement-tiers.md``).
"""

from constraints.base import RuleSpec

RULES: list[RuleSpec] = [
    RuleSpec(
        id="AML-10-12-1-senior",
        paragraph="§ 10-12 (1)",
        family="10-12",
        title="Senior or particularly independent position: chapter 10 hour rules do not apply",
        hard=False,
        applies_to_exempt=True,
    ),
    RuleSpec(
        id="AML-10-12-4-union",
        paragraph="§ 10-12 (4)",
        family="10-12",
        title="Agreement with a union with innstillingsrett: its outer limits are unconfirmed",
        hard=False,
    ),
    RuleSpec(
        id="AML-10-12-6-7-inspectorate",
        paragraph="§ 10-12 (6)",
        family="10-12",
        title="Arbeidstilsynet consent: some of its limits are unconfirmed",
        hard=False,
    ),
]
