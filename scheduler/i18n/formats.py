"""Dates, weekdays and numbers as people read them, from Babel's CLDR data (``en`` / ``nb``).

* :func:`day` — ``2026-01-01`` (en, ISO as the workbook's date cells) or ``01.01.2026`` (nb);
* :func:`weekday` — the short weekday: ``Fri`` / ``fre``;
* :func:`decimal` — a number with a fixed count of decimals: ``1,234.5`` / ``1 234,5``;
* :func:`number` — ``format(value, spec)`` in the language (the message catalogues' numbers);
* :func:`day_header_format` — the Excel number format of a grid's date head (in Norwegian with
  the weekday as literal text, so Excel and LibreOffice both show ``fre 01.01``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

_LOCALES = {"en": "en_GB", "nb": "nb_NO"}


@cache
def locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES.get(lang, "en_GB"))


def day(d: date, lang: str = "en") -> str:
    """A date: ISO ``2026-01-01`` in English, ``01.01.2026`` in Norwegian."""
    return d.isoformat() if lang != "nb" else format_date(d, "dd.MM.y", locale=locale(lang))


def weekday(d: date, lang: str = "en") -> str:
    """The short weekday: ``Fri`` (en) / ``fre`` (nb)."""
    return format_date(d, "EEE", locale=locale(lang)).rstrip(".")


def decimal(value: float, decimals: int = 2, lang: str = "en", *, grouping: bool = True) -> str:
    """``value`` with exactly ``decimals`` decimals in the language's notation: decimal comma
    and a (no-break) space between thousands in Norwegian."""
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=locale(lang))


# Norwegian typography (Språkrådet) spaces numbers of five digits and more (10 000), not four.
GROUP_FROM = 10_000
_PLAIN_SPEC = re.compile(r"(?P<sign>\+?)(?:\.(?P<decimals>\d+)f|(?P<general>g?))")


def number(value: float, spec: str, lang: str = "en") -> str:
    """``format(value, spec)`` in the language: in Norwegian a decimal comma and, from
    :data:`GROUP_FROM`, a space between thousands (Babel's symbols). Specs other than ``.Nf``,
    ``g`` and the empty one (optionally with ``+``) get the decimal comma only."""
    out = format(value, spec)
    if lang != "nb":
        return out
    m = _PLAIN_SPEC.fullmatch(spec)
    if m is None or abs(value) < GROUP_FROM or out.lstrip("+-")[:1].isalpha() or "e" in out:
        return out.replace(".", ",")
    if m["decimals"] is not None:
        text = decimal(abs(value), int(m["decimals"]), lang)
    else:  # g / plain: as many decimals as Python's own formatting shows
        frac = out.partition(".")[2]
        text = decimal(abs(value), len(frac), lang)
    sign = "-" if value < 0 else ("+" if m["sign"] else "")
    return sign + text


def day_header_format(d: date, lang: str = "en") -> str:
    """Number format of the grid's head for day ``d``: weekday and day.month, in the language.

    In Norwegian the weekday is written into the format as literal text (``"fre" dd.mm``): the
    cell stays a date, and Excel and LibreOffice show Babel's ``fre`` whatever their own locale
    (LibreOffice's own Norwegian abbreviation would be ``fr.``)."""
    if lang == "en":
        return "ddd dd.mm"
    return f'"{weekday(d, lang)}" dd.mm'
