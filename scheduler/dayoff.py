"""Day-off codes of a Norwegian turnus (KS and Spekter tariff practice; the AML prescribes none).

==========  ====================  ==========================================================
Code        Name                  Meaning
==========  ====================  ==========================================================
``F1``      ukefridag             the weekly day off that carries the § 10-8 (2) weekly rest
                                  (35 h, 28 h where agreed under § 10-8 (3)); one per week
``F2``      ekstra ukefridag      the extra day off of an average five-day week, next to F1
                                  where possible; no length requirement
``F3``      helgedagsfri          a Sunday/holiday off because of § 10-8 (4) (after Sunday or
                                  holiday work the next Sunday/holiday is off)
``F4``      godtgjøringsfri       time off in lieu of holiday compensation (tariff)
``F5``      erstatningsfridag     replacement day when F1 of the original plan falls on a
                                  holiday between two Sundays (tariff)
``FE``      ferie                 vacation (also written ``Ferie``)
``UT``      utilgjengelig         away for another reason than vacation (leave, a course …:
                                  Requests ``unavailable``); ``roster solve`` writes it
``OFF``     fri                   a day off without a tariff code
``-``/blank                       a day off
==========  ====================  ==========================================================

In a roster grid these are days off in any case (``f1`` = ``F1``), never shift codes: a shift
type whose code collides with one of them is an input error (see :func:`reserved`).
"""

from __future__ import annotations

F_CODES: tuple[str, ...] = ("F1", "F2", "F3", "F4", "F5")
VACATION = "FE"
VACATION_WORD = "Ferie"
UNAVAILABLE = "UT"
OFF = "OFF"
# Canonical spelling of every day-off code, by its lower-case form; "" = a plain day off.
_CANONICAL: dict[str, str] = {
    **{c.lower(): c for c in F_CODES},
    VACATION.lower(): VACATION,
    VACATION_WORD.lower(): VACATION_WORD,
    UNAVAILABLE.lower(): UNAVAILABLE,
    OFF.lower(): OFF,
    "": "",
    "-": "",
}
RESERVED_CODES: tuple[str, ...] = (*F_CODES, VACATION, VACATION_WORD, UNAVAILABLE, OFF, "-")


def mark_of(text: str) -> str | None:
    """The canonical day-off mark a grid cell holds (``F1``…``F5``, ``FE``, ``Ferie``, ``OFF``,
    or ``""`` for blank and ``-``), or ``None`` when the cell is not a day-off code."""
    return _CANONICAL.get(text.strip().lower())


def is_day_off(text: str) -> bool:
    return mark_of(text) is not None


def reserved(code: str) -> bool:
    """Is ``code`` (any case, surrounding spaces ignored) a day-off code, so no shift code?"""
    return code.strip().lower() in _CANONICAL and code.strip() != ""
