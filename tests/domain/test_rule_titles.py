"""Every rule has a short title in English and Norwegian (issue 15), and the titles are what a
person reads where a rule is named: conflict explanations and the check report's summary."""

from __future__ import annotations

from constraints.registry import rules
from scheduler import i18n
from scheduler.i18n import en, nb
from scheduler.solver import solve
from scheduler.solver.variables import FIXED
from tests.english_text import english_in
from tests.solver.test_explain_conflicts import REST, _problem
from tests.solver.test_solver import opts


def test_every_registered_rule_has_a_title_in_both_languages() -> None:
    ids = [r.spec.id for r in rules()] + [FIXED]
    missing = [(lang, i) for lang, cat in (("en", en.MESSAGES), ("nb", nb.MESSAGES))
               for i in ids if not cat.get(f"rule.{i}", "").strip()]
    assert missing == []
    for lang in i18n.LANGUAGES:  # one title names one rule
        titles = [i18n.rule_title(i, lang) for i in ids]
        assert len(set(titles)) == len(titles), lang
    assert i18n.rule_title(REST, "nb") == "Daglig arbeidsfri"
    assert i18n.rule_title(REST) == "Daily rest"
    untitled = [i for i in ids if english_in(i18n.rule_title(i, "nb"))]
    assert untitled == []
    # every title entry names a registered rule: none is left behind by a renamed id
    stray = sorted(k for k in en.MESSAGES if k.startswith("rule.") and k[5:] not in ids)
    assert stray == []


def test_an_unknown_rule_id_is_its_own_title() -> None:
    assert i18n.rule_title("NO-SUCH-RULE", "nb") == "NO-SUCH-RULE"
    assert i18n.rule_title_term("NO-SUCH-RULE") == "NO-SUCH-RULE"


def test_a_conflict_names_the_rule_by_paragraph_and_title_in_the_language() -> None:
    p = _problem()
    sol = solve(p.model_copy(update={"fixed": p.fixed[:2]}), opts(workers=1))
    (c,) = sol.conflicts
    assert c.rule == REST
    assert "§ 10-8 (1) Daily rest (AML-10-8-1-daily-rest)" in c.text("en")
    assert c.message == c.text("en")  # the JSON's English message
    text = c.text("nb")
    assert "§ 10-8 (1) Daglig arbeidsfri (AML-10-8-1-daily-rest)" in text
    assert english_in(text) == [], text


def test_the_check_reports_summary_names_each_rule_with_its_title() -> None:
    from rich.console import Console

    from constraints.checker import CheckReport
    from scheduler.io.report.text import print_table, render_text

    report = CheckReport(summary={REST: 2})
    for lang, title in (("en", "Daily rest"), ("nb", "Daglig arbeidsfri")):
        assert f"  {REST} ({title}): 2" in render_text(report, lang=lang).splitlines()
        console = Console(record=True, width=120)
        print_table(report, console, lang=lang)
        assert title in console.export_text()


def test_a_paragraph_in_words_reads_in_the_language() -> None:
    """``§ 10-8 (1)`` reads the same in both languages; a paragraph in words (a tariff or
    contract rule) has a catalogue entry, whose English is the spec's own text."""
    import re

    for r in rules():
        spec = r.spec
        key = f"paragraph.{spec.id}"
        if re.search(r"\b[a-z]{2,}\b", spec.paragraph):  # words, not only a § or names
            assert en.MESSAGES.get(key) == spec.paragraph, spec.id
            nb_text = i18n.paragraph(spec.id, spec.paragraph, "nb")
            assert nb_text != spec.paragraph and english_in(nb_text) == [], spec.id
        else:
            assert key not in en.MESSAGES, spec.id
            assert i18n.paragraph(spec.id, spec.paragraph, "nb") == spec.paragraph
    assert i18n.paragraph("CONTRACT-max-weekends", "contract", "nb") == "kontrakt"
    assert i18n.paragraph_term("NO-SUCH-RULE", "§ 1") == "§ 1"


def test_the_check_reports_mode_reads_in_the_language() -> None:
    from constraints.checker import CheckReport
    from scheduler.io.report.text import headline

    assert "modus faste vinduer" in headline(CheckReport(), lang="nb")
    assert "mode fixed" in headline(CheckReport(), lang="en")
    assert "modus streng" in headline(CheckReport(mode="strict"), lang="nb")
