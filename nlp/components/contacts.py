"""Calls and messages between two named parties: "calls between X and Y", "échanges entre X et Y",
"gesprekken tussen X en Y".

The noun of a communication and "between" stand before the first name, so the text between the two
names holds only the conjunction; the cue rules, which read that text, do not see it. The lemma lists
are in ``data/contact_nouns.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.coreference import Ref
from nlp.resources import _rows

_AND = re.compile(r"\s+(?:and|et|en|&)\s+", re.I)
_PARTIES = ("PERSON", "COMPANY", "PHONE", "EMAIL")


@cache
def _before(lang: str) -> re.Pattern[str] | None:
    nouns = [row[1] for row in _rows("contact_nouns.tsv") if len(row) >= 2 and row[0] == lang]
    if not nouns:
        return None
    between = {"en": "between", "fr": "entre", "nl": "tussen"}[lang]
    return re.compile(r"\b(?:" + "|".join(nouns) + r")\s+(?:[\w'’-]+\s+){0,3}?" + between + r"\s+(?:the\s+|le\s+|la\s+|de\s+)?$",
                      re.I)


def contact_pairs(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                  lang: str) -> list[tuple[str, int, int, str]]:
    """``("CONTACTED", i, j, rule)`` for two parties joined by "and" after a communication noun and "between"."""
    before = _before(lang)
    if before is None:
        return []
    out = []
    for i in range(len(refs) - 1):
        a, b = refs[i], refs[i + 1]
        if a.type not in _PARTIES or b.type not in _PARTIES or (i, i + 1) in typed or a.anaphor or b.anaphor:
            continue
        if _AND.fullmatch(text[a.end:b.start]) and before.search(text[max(s_start, a.start - 80):a.start]):
            typed.add((i, i + 1))
            out.append(("CONTACTED", i, i + 1, f"{lang}:contact-between"))
    return out
