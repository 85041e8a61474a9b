"""Near-miss sheet names and column headers: a typo must not silently drop a column.

The reader ignores sheets and columns it does not know (a planner's own notes, a phone list).
But ``Nattarbeid tilatt`` for ``Nattarbeid tillatt`` would drop a protective flag without a
word, and ``Stillings %`` for ``Stilling %`` would make every part-timer full time. So an unknown
sheet name or header that is *close* to a known one whose sheet or column is absent is an input
error naming the cell and the name meant.

Close means: equal after folding case, spaces, punctuation and diacritics (``ø`` → ``o``,
``å`` → ``a``, ``æ`` → ``ae``, accents dropped), or a :class:`difflib.SequenceMatcher` ratio of at
least :data:`CUTOFF` between the folded names, for names of at least :data:`MIN_LENGTH` folded
characters (short codes such as ``N`` or ``D:RN`` are too short to judge). Truly unrelated
names stay allowed and ignored.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from scheduler import i18n
from scheduler.io import sheets as S

CUTOFF = 0.85  # SequenceMatcher ratio of the folded names
MIN_LENGTH = 4  # folded characters a name needs before closeness is judged
_LIGATURES = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})


def fold(text: object) -> str:
    """:func:`sheets.norm`, then without diacritics (``Nattarbeid tillått`` → ``nattarbeidtillatt``)."""
    base = S.norm(text).translate(_LIGATURES)
    return "".join(ch for ch in unicodedata.normalize("NFKD", base)
                   if not unicodedata.combining(ch))


def closest(name: object, known: Mapping[str, str]) -> str | None:
    """The label meant by ``name`` among ``known`` (folded name → label to show), if close."""
    f = fold(name)
    if len(f) < MIN_LENGTH:
        return None
    if f in known:
        return known[f]
    hit = difflib.get_close_matches(f, list(known), n=1, cutoff=CUTOFF)
    return known[hit[0]] if hit else None


def header_issues(
    title: str,
    spec: S.SheetSpec,
    headers: Mapping[int, tuple[str, str]],
    found: Iterable[str],
    ignore: Iterable[str] = (),
) -> list[tuple[str, str]]:
    """``(cell, message)`` for every header of ``title`` that is no known column of ``spec`` but
    is close to one the sheet lacks. ``found`` are the fields the sheet has; ``ignore`` are folded
    names that are known for another reason (note columns, shift codes of a wide layout)."""
    have = set(found)
    known_names = {fold(n) for c in spec.columns for n in c.names()}
    skip = known_names | {fold(n) for n in ignore}
    missing: dict[str, str] = {}
    for c in spec.columns:
        if c.field in have:
            continue
        for n in (c.en, c.nb, *c.aliases, c.field):
            missing.setdefault(fold(n), n if n != c.field else c.en)
    out = []
    for _col, (label, cell) in sorted(headers.items()):
        if fold(label) in skip:
            continue
        meant = closest(label, missing)
        if meant is not None:
            out.append((cell, i18n.msg("input.near.header", title=title, cell=cell,
                                       label=repr(label), meant=repr(meant))))
    return out


def sheet_issues(titles: Iterable[str], found: Mapping[str, str],
                 other_known: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``(title, message)`` for every sheet that matches no input sheet but is close to one the
    workbook lacks (``found``: sheet key → title). ``other_known`` are names of sheets the program
    knows for another reason (output sheets, the what-if Scenarios sheet)."""
    matched = set(found.values())
    skip = {fold(n) for n in other_known}
    missing: dict[str, str] = {}
    for spec in S.SHEETS:
        if spec.key in found:
            continue
        for n in (spec.en, spec.nb, *spec.aliases, spec.key):
            missing.setdefault(fold(n), n if n != spec.key else spec.en)
    out = []
    for title in titles:
        if title in matched or fold(title) in skip:
            continue
        meant = closest(title, missing)
        if meant is not None:
            out.append((title, i18n.msg("input.near.sheet", title=repr(title),
                                        meant=repr(meant))))
    return out



def other_sheet_names() -> set[str]:
    """Sheets the program knows apart from the planning sheets: the result sheets it writes (in
    either language) and the what-if Scenarios sheet."""
    from scheduler import i18n
    from scheduler.io.read.scenarios import SCENARIOS

    names = set(SCENARIOS.names())
    for lang in i18n.LANGUAGES:
        names |= {v for k, v in i18n.catalogue(lang).items() if k.startswith("sheet.name.")}
    return names


def check(reader_out: Any, titles: Iterable[str], found: Mapping[str, str],
          tables: Iterable[tuple[str, S.SheetSpec, Mapping[int, tuple[str, str]], Iterable[str],
                                 Iterable[str]]]) -> None:
    """Add every near-miss sheet name and header to ``reader_out`` (a
    :class:`~scheduler.errors.Collector`). ``tables`` are (title, spec, headers, fields found,
    names to ignore) of the sheets read."""
    for title, message in sheet_issues(titles, found, other_sheet_names()):
        reader_out.add(message, title)
    for title, spec, headers, fields, ignore in tables:
        for cell, message in header_issues(title, spec, headers, fields, ignore):
            reader_out.add(message, title, cell)
