"""Output text in English (``en``, the default) and Norwegian bokmål (``nb``).

Every sentence the program writes for people — finding messages, sheet names and column headers
of the roster workbook, the legend, the summary, the check report, the template's help — lives in
one catalogue per language: :mod:`scheduler.i18n.en` and :mod:`scheduler.i18n.nb`, each a flat
``MESSAGES: dict[key, template]``. Both catalogues have the same keys and each key the same
placeholders (``tests/domain/test_i18n.py`` fails otherwise). Rule ids, JSON keys, enum values in JSON
and the English wording stay as they are; only the text people read changes with the language.

Templates use :meth:`str.format` syntax (``"{hours:.2f} h"``). An argument is a plain value
(string or number; numbers get a decimal comma in Norwegian) or one of these language-neutral
references, rendered in the language in force:

* :func:`term` — another catalogue entry (with its own arguments), for sentence parts;
* :func:`at` — an instant (epoch minutes), written ``Sat 04 Apr 2026 15:00`` /
  ``lør 04.04.2026 kl. 15:00``;
* :func:`length` — a duration in minutes, written ``7.5 h`` / ``7,5 t``;
* :func:`red_days` — Sundays/public holidays, written ``2026-04-05 (Easter Sunday)`` /
  ``2026-04-05 (Første påskedag)``;
* :func:`joined` — several parts (each plain, a :class:`Msg` or a reference) in a row, e.g.
  the reasons of a message separated by ``; ``.

So a :class:`~constraints.base.Finding` keeps its ``message_key`` and ``message_args`` (never
language-specific) and can be rendered again in the other language with :func:`render`.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "nb")
DEFAULT_LANGUAGE = "en"
_ALIASES = {
    "en": "en", "eng": "en", "english": "en", "engelsk": "en",
    "nb": "nb", "no": "nb", "nob": "nb", "norsk": "nb", "bokmål": "nb", "bokmal": "nb",
    "norwegian": "nb", "nn": "nb", "nynorsk": "nb",  # as the workbook reader reads them
}
# Keys of the reference dictionaries (unlikely in user text: a "$" never starts an argument name).
_TERM, _ARGS, _AT, _LENGTH, _RED = "$t", "$a", "$at", "$len", "$red"
_JOIN, _SEP = "$join", "$sep"

WEEKDAYS_NB = ("man", "tir", "ons", "tor", "fre", "lør", "søn")


def language(value: str | None) -> str:
    """``en`` or ``nb`` for a language name or code (``no``, ``norsk``, ``bokmål`` → ``nb``);
    anything unknown reads as the English default."""
    if value in LANGUAGES:
        return value
    if not value:
        return DEFAULT_LANGUAGE
    return _ALIASES.get(str(value).strip().lower(), DEFAULT_LANGUAGE)


def catalogue(lang: str) -> Mapping[str, str]:
    """The message catalogue of a language (``en`` for an unknown one)."""
    return _catalogues()[language(lang)]


@cache
def _catalogues() -> dict[str, dict[str, str]]:
    from scheduler.i18n import en, nb

    return {"en": en.MESSAGES, "nb": nb.MESSAGES}


# --------------------------------------------------------------------------------------------
# Language-neutral argument values


@dataclass(frozen=True)
class Msg:
    """A catalogue key with its arguments: what ``CheckContext.finding`` takes as a message."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return render(self.key, self.args, lang)

    def __str__(self) -> str:  # in English where no language is at hand (logs, explain)
        return self.render(DEFAULT_LANGUAGE)


def msg(key: str, **args: Any) -> Msg:
    return Msg(key, args)


def term(key: str, **args: Any) -> dict[str, Any]:
    """A sentence part taken from the catalogue (rendered in the language in force)."""
    return {_TERM: key, _ARGS: args}


def at(minute: int) -> dict[str, Any]:
    """An instant (epoch minutes) written as a local date and clock time."""
    return {_AT: int(minute)}


def length(minutes: float) -> dict[str, Any]:
    """A duration written in hours with up to two decimals (``7.5 h`` / ``7,5 t``)."""
    return {_LENGTH: float(minutes)}


def red_days(days: Iterable[date]) -> dict[str, Any]:
    """Sundays/public holidays written as ``ISO date (name)``, comma-separated."""
    return {_RED: [d.isoformat() for d in days]}


def joined(parts: Iterable[Any], sep: str = "; ") -> dict[str, Any]:
    """Parts (plain values, :class:`Msg` or references) written one after another with
    ``sep`` between them, each in the language in force."""
    return {_JOIN: list(parts), _SEP: sep}


_WHAT = {
    "work period": "term.work_period",
    "24 h window": "term.24h_window",
    "rolling 24 h window": "term.rolling_24h_window",
}


def what_term(what: str) -> dict[str, Any] | str:
    """The term for a window word of ``constraints.kernel.scans.over_daily``."""
    key = _WHAT.get(what)
    return term(key) if key is not None else what


# --------------------------------------------------------------------------------------------
# Rendering


def text(key: str, lang: str = DEFAULT_LANGUAGE, **args: Any) -> str:
    """The catalogue entry ``key`` in ``lang``, filled in with ``args``."""
    return render(key, args, lang)


def render(key: str, args: Mapping[str, Any] | None, lang: str) -> str:
    lang = language(lang)
    template = catalogue(lang).get(key)
    if template is None:
        template = catalogue(DEFAULT_LANGUAGE)[key]  # KeyError names a missing key loudly
    if not args:
        return template.format_map({})
    return template.format_map({k: _value(v, lang) for k, v in args.items()})


def placeholders(template: str) -> set[str]:
    """The argument names a template uses (for the catalogue tests)."""
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


class _DecimalComma(float):
    """A number that formats with a decimal comma and spaced thousands (Norwegian)."""

    def __format__(self, spec: str) -> str:
        from scheduler.i18n import formats

        return formats.number(float(self), spec, "nb")


def _value(value: Any, lang: str) -> Any:
    """An argument ready for :meth:`str.format_map` in ``lang`` (templates use plain names)."""
    if isinstance(value, dict):
        return _reference(value, lang)
    if isinstance(value, Msg):  # a nested catalogue entry (e.g. a parser's reason)
        return value.render(lang)
    if isinstance(value, bool):
        return str(value)
    if lang == "nb" and isinstance(value, int | float):
        return _DecimalComma(value) if isinstance(value, float) else _IntComma(value)
    return value


class _IntComma(int):
    def __format__(self, spec: str) -> str:
        from scheduler.i18n import formats

        return formats.number(int(self), spec, "nb")


def _reference(value: dict[str, Any], lang: str) -> str:
    if _TERM in value:
        return render(value[_TERM], value.get(_ARGS, {}), lang)
    if _AT in value:
        return clock(value[_AT], lang)
    if _LENGTH in value:
        return hours_text(value[_LENGTH], lang)
    if _JOIN in value:
        return value[_SEP].join(str(_value(p, lang)) for p in value[_JOIN])
    if _RED in value:
        return ", ".join(
            f"{iso} ({red_day_name(date.fromisoformat(iso), lang)})" for iso in value[_RED]
        )
    raise ValueError(f"unknown message argument {value!r}")


def clock(minute: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """``Sat 04 Apr 2026 15:00`` (en) or ``lør 04.04.2026 kl. 15:00`` (nb)."""
    return _clock(minute, language(lang))


@lru_cache(maxsize=8192)  # findings of many employees share their instants (week starts, ...)
def _clock(minute: int, lang: str) -> str:
    from scheduler.clock import from_minutes

    t = from_minutes(minute)
    if lang == "nb":
        return f"{WEEKDAYS_NB[t.weekday()]} {t:%d.%m.%Y} kl. {t:%H:%M}"
    return t.strftime("%a %d %b %Y %H:%M")


def hours_text(minutes: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """``7.5 h`` (en) or ``7,5 t`` (nb): hours with at most two decimals."""
    value = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
    if language(lang) == "nb":
        return value.replace(".", ",") + " t"
    return value + " h"


def number(value: float, spec: str, lang: str) -> str:
    """A number formatted with ``spec``, with a decimal comma in Norwegian."""
    from scheduler.i18n import formats

    return formats.number(value, spec, language(lang))


def red_day_name(day: date, lang: str = DEFAULT_LANGUAGE) -> str:
    """The name of a Sunday or public holiday (``Sunday; Pentecost`` when both)."""
    from scheduler import calendar as cal

    if language(lang) == "nb":
        hols = _norwegian_holidays(day.year)
        names = hols.get(day, [])
        parts = (["søndag"] if day.weekday() == cal.SUNDAY else []) + names
        return "; ".join(parts) if parts else day.isoformat()
    hit = [r for r in cal.red_days(day, day) if r.day == day]
    return hit[0].name if hit else day.isoformat()


@cache
def _norwegian_holidays(year: int) -> dict[date, list[str]]:
    import holidays

    table = holidays.Norway(years=year, language="no")
    return {d: table.get_list(d) for d in table}


def rule_title(rule_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A rule's short title in ``lang`` (``Daily rest`` / ``Daglig arbeidsfri``); the rule id
    itself for an id the catalogue has no title for."""
    key = f"rule.{rule_id}"
    return text(key, lang) if key in catalogue(DEFAULT_LANGUAGE) else rule_id


def rule_title_term(rule_id: str) -> dict[str, Any] | str:
    """:func:`rule_title` as a message argument (rendered in the language in force)."""
    key = f"rule.{rule_id}"
    return term(key) if key in catalogue(DEFAULT_LANGUAGE) else rule_id


def paragraph(rule_id: str, written: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A rule's paragraph as people read it: as ``written`` (``§ 10-8 (1)``), or the
    catalogue's wording of a paragraph in words (a tariff or contract rule: ``contract`` /
    ``kontrakt``)."""
    key = f"paragraph.{rule_id}"
    return text(key, lang) if key in catalogue(DEFAULT_LANGUAGE) else written


def paragraph_term(rule_id: str, written: str) -> dict[str, Any] | str:
    """:func:`paragraph` as a message argument (rendered in the language in force)."""
    key = f"paragraph.{rule_id}"
    return term(key) if key in catalogue(DEFAULT_LANGUAGE) else written


def severity(value: str, lang: str) -> str:
    """A severity (``violation``/``warning``) as people read it."""
    return text(f"severity.{value}", lang)


def unit(value: str, lang: str) -> str:
    """A finding's unit for display (the JSON keeps the English unit)."""
    if not value:
        return ""
    cat = catalogue(lang)
    key = "unit." + value.replace(" ", "_")
    if key in cat:
        return cat[key]
    prefix = "hours per week ("
    if value.startswith(prefix) and value.endswith("-week average)"):
        weeks = value[len(prefix):-len("-week average)")]
        return render("unit.hours_per_week_avg", {"weeks": weeks}, lang)
    return value
