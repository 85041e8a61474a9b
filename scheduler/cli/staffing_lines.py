"""The console lines of ``roster staffing`` in the language in force (issue 15).

:mod:`scheduler.whatif.staffing` keeps its answer in fields, its sentences as catalogue entries
with their arguments; this module lays them out for a person, indented under each answer.
"""

from __future__ import annotations

from collections.abc import Callable

from scheduler import i18n
from scheduler.whatif.staffing import Neighbour, StaffingAnswer


def neighbour_words(n: Neighbour, lang: str = "en") -> str:
    """How a neighbour of the answer fared (one hire dropped or lowered)."""
    if not n.tried:
        return i18n.text("staffing.not_tried", lang)
    if n.short is None:
        return i18n.text("staffing.no_roster", lang, status=n.status)
    how = i18n.text("staffing.proven" if n.proven else "staffing.not_proven", lang)
    within = "" if n.within_positions else i18n.text("staffing.above_position", lang)
    return i18n.text("staffing.short", lang, n=n.short, within=within, status=n.status, how=how)


def lines(a: StaffingAnswer, lang: str = "en") -> list[str]:
    """The summary first, then the details, indented."""
    tier = i18n.text(f"staffing.tier.{a.tier}", lang) if a.tier else ""
    out = [(f"[{a.tier}] {tier}: " if a.tier else "") + a.summary(lang)]
    if a.status != "covered":
        out += ["    " + i18n.text("staffing.still_short", lang, line=r.render(lang))
                for r in a.remaining]
    out += ["    " + i18n.text("staffing.planned", lang, employee=h.employee, hours=h.hours,
                               contract=h.contract) for h in a.hired_hours]
    if a.searched:
        how = i18n.text("staffing.proven" if a.minimal_proven else "staffing.not_proven", lang)
        out.append("    " + i18n.text("staffing.minimal", lang, how=how))
        out += [f"      {n.change.render(lang)}: {neighbour_words(n, lang)}" for n in a.searched]
    return out


def solves_line(a: StaffingAnswer, lang: str = "en") -> str:
    return "    " + i18n.text("staffing.solves", lang, n=a.solves, seconds=a.seconds)


def violations_line(a: StaffingAnswer, lang: str = "en") -> str:
    return "    " + i18n.text("staffing.violations", lang, n=a.violations)


def progress(lang: str, say: Callable[[str], None]) -> Callable[[i18n.Msg], None]:
    """``say`` with the search's progress lines rendered in ``lang``."""
    return lambda m: say(m.render(lang))


__all__ = ["lines", "neighbour_words", "progress", "solves_line", "violations_line"]
