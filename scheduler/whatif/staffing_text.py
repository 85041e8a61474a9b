"""The answer of ``roster staffing`` in words, in the language in force (issue 15).

:mod:`scheduler.whatif.staffing` keeps its answer in fields (hires, coverage, the neighbours
searched) and a few English phrases for the JSON (``summary``, ``message``, ``remaining``, a
neighbour's ``change``, the progress lines). Everything a person reads on the console is
written here from the catalogue (``staffing.*``): from the fields where they exist, and the
English phrases re-worded by their fixed pattern (:data:`_PHRASES`). A phrase that matches no
pattern is shown as it is, so a new phrase in ``staffing.py`` needs a pattern here (the
Norwegian tests find it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from scheduler import i18n
from scheduler.whatif.staffing import Hire, Neighbour, StaffingAnswer


def hire_text(h: Hire, lang: str = "en") -> str:
    return i18n.text("staffing.hire", lang, count=h.count, skill=h.skill, pct=h.position_pct)


def summary(a: StaffingAnswer, lang: str = "en", unstaffable: str = "") -> str:
    """``needs +1 RN at 75 % → coverage 92.9 % → 100.0 %`` (and why not, when not covered).
    ``unstaffable``: the rules that keep everyone off the demand still short, in ``lang``."""
    if a.status == "no_roster":
        return phrase(a.message, lang)
    needs = ", ".join(hire_text(h, lang) for h in a.hires) if a.hires else \
        i18n.text("staffing.no_extra", lang)
    line = i18n.text("staffing.needs", lang, hires=needs)
    if a.coverage_before is not None and a.coverage_after is not None:
        line += i18n.text("staffing.coverage", lang, before=a.coverage_before,
                          after=a.coverage_after)
    if a.status in ("not_coverable", "not_found"):
        line += "; " + phrase(a.message, lang, unstaffable)
    return line


def neighbour_words(n: Neighbour, lang: str = "en") -> str:
    """How a neighbour of the answer fared (one hire dropped or lowered)."""
    if not n.tried:
        return i18n.text("staffing.not_tried", lang)
    if n.short is None:
        return i18n.text("staffing.no_roster", lang, status=n.status)
    how = i18n.text("staffing.proven" if n.proven else "staffing.not_proven", lang)
    within = "" if n.within_positions else i18n.text("staffing.above_position", lang)
    return i18n.text("staffing.short", lang, n=n.short, within=within, status=n.status, how=how)


def lines(a: StaffingAnswer, lang: str = "en", unstaffable: str = "") -> list[str]:
    """The console lines of one answer (the summary first, then the details, indented)."""
    tier = i18n.text(f"staffing.tier.{a.tier}", lang) if a.tier else ""
    out = [(f"[{a.tier}] {tier}: " if a.tier else "") + summary(a, lang, unstaffable)]
    if a.status != "covered":
        out += ["    " + i18n.text("staffing.still_short", lang, line=phrase(r, lang))
                for r in a.remaining]
    out += ["    " + i18n.text("staffing.planned", lang, employee=h.employee, hours=h.hours,
                               contract=h.contract) for h in a.hired_hours]
    if a.searched:
        how = i18n.text("staffing.proven" if a.minimal_proven else "staffing.not_proven", lang)
        out.append("    " + i18n.text("staffing.minimal", lang, how=how))
        out += [f"      {phrase(n.change, lang)}: {neighbour_words(n, lang)}" for n in a.searched]
    return out


def solves_line(a: StaffingAnswer, lang: str = "en") -> str:
    return "    " + i18n.text("staffing.solves", lang, n=a.solves, seconds=a.seconds)


def violations_line(a: StaffingAnswer, lang: str = "en") -> str:
    return "    " + i18n.text("staffing.violations", lang, n=a.violations)


def tier_value_sentence(answers: Sequence[StaffingAnswer], lang: str = "en") -> str:
    """The value of an agreement in heads (as :func:`staffing.tier_value_sentence`)."""
    by = {a.tier: a for a in answers}
    t0 = by.get("T0_DEFAULT")
    others = [a for a in answers if a is not t0]
    if t0 is None or not others:
        return ""

    def need(a: StaffingAnswer) -> str:
        return i18n.text("staffing.need", lang, heads=a.heads, fte=_g(a.fte, lang))

    if t0.status != "covered":
        parts = [i18n.text("staffing.t0_not_covered", lang)]
        for a in others:
            parts.append(i18n.text("staffing.with_tier", lang, tier=a.tier, need=need(a))
                         if a.status == "covered"
                         else i18n.text("staffing.with_tier_not", lang, tier=a.tier))
        return "; ".join(parts) + "."
    parts = []
    for a in others:
        if a.status != "covered":
            parts.append(i18n.text("staffing.tier_not", lang, tier=a.tier))
        else:
            parts.append(i18n.text("staffing.tier_saves", lang, tier=a.tier,
                                   heads=t0.heads - a.heads, fte=_g(t0.fte - a.fte, lang)))
    return "; ".join(parts) + i18n.text("staffing.compared", lang) + "."


def _g(x: float, lang: str) -> str:
    return i18n.number(x, "g", lang)


# --------------------------------------------------------------------------------------------
# The English phrases of staffing.py, re-worded


def _remaining(m: re.Match[str], lang: str, _: str) -> str:
    return i18n.text("staffing.remaining", lang, n=int(m["n"]), shift=m["shift"],
                     skill=m["skill"], days=int(m["days"]), span=m["span"])


def _not_coverable(m: re.Match[str], lang: str, unstaffable: str) -> str:
    return i18n.text("staffing.not_coverable", lang, n=int(m["n"])) + unstaffable


def _not_found(m: re.Match[str], lang: str, _: str) -> str:
    return i18n.text("staffing.not_found", lang, n=int(m["n"]), m=int(m["m"]),
                     solves=int(m["solves"]), limit=_g(float(m["limit"]), lang))


def _no_roster(m: re.Match[str], lang: str, _: str) -> str:
    head = i18n.text("staffing.no_roster_at_all", lang, status=m["status"])
    if m["rest"] == "; try a longer --time-limit":
        return f"{head}; {i18n.text('staffing.try_longer', lang)}"
    return head + m["rest"]  # ": " and the conflicts, as the solver words them


def _drop(m: re.Match[str], lang: str, _: str) -> str:
    return i18n.text("staffing.drop", lang, count=m["count"], skill=m["skill"],
                     pct=_g(float(m["pct"]), lang))


def _lower(m: re.Match[str], lang: str, _: str) -> str:
    return i18n.text("staffing.lower", lang, skill=m["skill"], before=_g(float(m["a"]), lang),
                     after=_g(float(m["b"]), lang))


def _tier(m: re.Match[str], lang: str, _: str) -> str:
    return i18n.text("staffing.progress_tier", lang, tier=m["tier"])


def _solve(m: re.Match[str], lang: str, _: str) -> str:
    hires = m["what"]
    if hires == "as it is":
        hires = i18n.text("staffing.no_extra", lang)
    else:
        hires = ", ".join(
            i18n.text("staffing.hire", lang, count=int(h["count"]), skill=h["skill"],
                      pct=float(h["pct"]))
            for h in re.finditer(r"\+(?P<count>\d+) (?P<skill>\S+) (?P<pct>[\d.]+) %", hires))
    return f"{i18n.text('staffing.solve', lang, n=int(m['n']))}: {hires}"


_Reword = Callable[[re.Match[str], str, str], str]
_PHRASES: list[tuple[re.Pattern[str], _Reword]] = [
    (re.compile(r"(?P<n>\d+) person-shift\(s\) of (?P<shift>\S+) (?P<skill>\S+) "
                r"\((?P<days>\d+) day\(s\), (?P<span>.+)\)"), _remaining),
    (re.compile(r"(?P<n>\d+) person-shift\(s\) stay uncovered: no one may legally work them, "
                r"not even a new hire \(see 'still short'\).*", re.S), _not_coverable),
    (re.compile(r"(?P<n>\d+) person-shift\(s\) stay uncovered although someone may legally "
                r"work (?P<m>\d+) of them: the solver did not find full coverage in "
                r"(?P<solves>\d+) solve\(s\) of (?P<limit>[\d.e+]+) s; try a longer "
                r"--time-limit or more --max-solves"), _not_found),
    (re.compile(r"no roster at all \((?P<status>\w+)\)(?P<rest>.*)", re.S), _no_roster),
    (re.compile(r"drop (?P<count>\d+) (?P<skill>\S+) at (?P<pct>[\d.]+) %"), _drop),
    (re.compile(r"(?P<skill>\S+) (?P<a>[\d.]+) % -> (?P<b>[\d.]+) %"), _lower),
    (re.compile(r"§ 10-5 at (?P<tier>\S+)"), _tier),
    (re.compile(r"solve (?P<n>\d+): (?P<what>.*)"), _solve),
    (re.compile(r"(?P<part>'.*') is not a position percentage"),
     lambda m, lang, _: i18n.text("staffing.positions.not_number", lang, part=m["part"])),
    (re.compile(r"position (?P<part>.+) % is outside 1-100"),
     lambda m, lang, _: i18n.text("staffing.positions.outside", lang, part=m["part"])),
    (re.compile(r"give at least one position percentage, e\.g\. 50,75,100"),
     lambda m, lang, _: i18n.text("staffing.positions.none", lang)),
]


def phrase(text: str, lang: str = "en", unstaffable: str = "") -> str:
    """An English phrase of ``staffing.py`` in ``lang`` (as it is in English, or when no
    pattern knows it). ``unstaffable`` replaces the English list of rules after a
    not-coverable message."""
    if lang == "en" and not unstaffable:
        return text
    for pattern, reword in _PHRASES:
        m = pattern.fullmatch(text)
        if m is not None:
            return reword(m, lang, unstaffable)
    return text


def progress(lang: str, say: Callable[[str], None]) -> Callable[[str], None]:
    """``say`` with the search's progress lines in ``lang``."""
    return lambda m: say(phrase(m, lang))


def unstaffable_text(problem: Any, lang: str) -> str:
    """``: `` and the rules that keep everyone off uncovered demand, in ``lang`` (as
    ``staffing._why_unstaffable`` words it in English)."""
    from scheduler.feasibility import analyse

    found = analyse(problem, problem.settings.allow_overtime).unstaffable
    return ": " + "; ".join(u.text(lang) for u in found) if found else ""


__all__ = ["hire_text", "lines", "neighbour_words", "phrase", "progress", "solves_line",
           "summary", "tier_value_sentence", "unstaffable_text", "violations_line"]
