"""How a sheet, a column and a row key are named, and how a name people typed is matched.

The reader matches names with :func:`norm` (case, spaces, underscores and punctuation ignored),
so ``break_minutes``, ``Break minutes`` and ``BREAK-MINUTES`` are the same header, and so are
``Stilling %`` and ``stilling%``. The template writes the English or the Norwegian label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEEP = re.compile(r"[^0-9a-zæøå%]+")


def norm(text: object) -> str:
    """Lower-case, with everything but letters, digits and ``%`` removed."""
    return _KEEP.sub("", str(text).strip().lower())


@dataclass(frozen=True)
class Col:
    """One column: the field it fills, its English and Norwegian labels and other spellings."""

    field: str
    en: str
    nb: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def names(self) -> set[str]:
        return {norm(n) for n in (self.field, self.en, self.nb, *self.aliases)}

    def label(self, language: str) -> str:
        return self.nb if language == "nb" else self.en


@dataclass(frozen=True)
class SheetSpec:
    key: str
    en: str
    nb: str
    columns: tuple[Col, ...] = ()
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {norm(n) for n in (self.key, self.en, self.nb, *self.aliases)}

    def label(self, language: str) -> str:
        return self.nb if language == "nb" else self.en

    def column(self, field: str) -> Col:
        for c in self.columns:
            if c.field == field:
                return c
        raise KeyError(field)


@dataclass(frozen=True)
class Key:
    """A row key of the Settings or Weights sheet."""

    key: str
    nb: str
    aliases: tuple[str, ...] = ()

    def names(self) -> set[str]:
        return {norm(n) for n in (self.key, self.nb, *self.aliases)}

    def label(self, language: str) -> str:
        return self.nb if language == "nb" else self.key


def match_word(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    n = norm(text)
    for key, words in table.items():
        if n == norm(key) or n in {norm(w) for w in words}:
            return key
    return None


def find_sheet(names: list[str], spec: SheetSpec) -> str | None:
    """The title of the workbook sheet that matches ``spec`` (first one), if any."""
    wanted = spec.names()
    for title in names:
        if norm(title) in wanted:
            return title
    return None
