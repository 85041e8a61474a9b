"""English catalogue text that must never appear in Norwegian output (a test helper).

A fragment is a run of the English template between its placeholders with at least two words,
which no Norwegian template contains: when it turns up in a Norwegian message, an English
entry (or an English f-string copied from it) was used.
"""

from __future__ import annotations

import re
import string
from functools import cache

from scheduler.i18n import catalogue


@cache
def fragments() -> frozenset[str]:
    nb = catalogue("nb")
    nb_text = "\n".join(nb.values())
    out: set[str] = set()
    for key, template in catalogue("en").items():
        if nb.get(key) == template:
            continue
        for literal, *_ in string.Formatter().parse(template):
            for part in re.split(r"[():;,.\n]", literal):
                part = part.strip()
                if len(re.findall(r"[A-Za-z]{2,}", part)) >= 2 and part not in nb_text:
                    out.add(part)
    return frozenset(out)


def english_in(text: str) -> list[str]:
    """The English fragments found in ``text``."""
    return sorted(f for f in fragments() if f in text)
