"""English catalogue text that must never appear in Norwegian output (a test helper).

A fragment is a run of the English template between its placeholders with at least two words,
which no Norwegian template contains: when it turns up in a Norwegian message, an English
entry (or an English f-string copied from it) was used.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
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


# English words of the program's own text that are not Norwegian words too (a second net for text
# written outside the catalogue: the fragments above only find catalogue text). Left out as
# Norwegian words as well: at, by, to, rest, start, extra, tariff, scenario, status, total.
ENGLISH_WORDS = frozenset("""
the of and is are was not with on from this that which when where what who
week weeks day days hours hour shift shifts employee employees rules none yes fixed
planned coverage demand violation violations warning warnings contract agreement agreements
overtime night nights sunday sundays weekend weekends requests request granted written
objective bound gap seed threads limit solver search solve names sheet found missing short
uncovered kind end break minutes skill skills position count value values
average deviation holiday holidays off worked changes baseline
better worse within tolerance cost pay cell cells level levels tier tiers legend summary
report findings measured allowed message unit window marking local practice hospitals
""".split())


def english_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """Words of :data:`ENGLISH_WORDS` in ``text``, outside rule ids and the ``allowed`` words
    (the input's own text: names, codes, a scenario the user named in English)."""
    known = {w.lower() for w in allowed}
    text = re.sub(r"\b(AML|TAR|CONTRACT|REQ|FIXED)-[\w-]+", "", text)  # rule ids
    text = re.sub(r"roster \w+", "", text)  # the command's own name: roster solve, ...
    text = re.sub(r"--[\w-]+|\S*[/\\]\S*", "", text)  # options and paths
    return sorted({w for w in re.findall(r"[A-Za-z]+", text)
                   if w.lower() in ENGLISH_WORDS and w.lower() not in known
                   and not w.isupper()})  # codes and the solver's statuses (OFF, FEASIBLE)
