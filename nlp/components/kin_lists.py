"""Kin named as a group before or after a list of people: ``FAMILY_OF`` for every pair of the list.

"The brothers Declan and Martin Furlong", "Father and son A and B were arrested", "Les frères A et B",
"De broers A en B", "A and B, a married couple from Cork, ...": a plural kin noun (or a pair of kin
nouns) stands right before the list, or right after it as an apposition. The list is read as
:func:`nlp.components.co_accused._lists` reads co-defendants. The kin words are in
``data/kin_groups.tsv``. Returns index pairs ``(i, j)`` into ``refs`` (i < j).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.co_accused import _lists, _Ref
from nlp.resources import _rows


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = [r[1] for r in _rows("kin_groups.tsv") if len(r) >= 2 and r[0] == lang]
    kin = "|".join(sorted(words, key=len, reverse=True)) or "(?!)"
    before = re.compile(r"(?:^|[\s,;:(])(?:(?:the|both|les|deux|de|beide|twee)\s+)?(?:" + kin + r")\s*,?\s*$", re.I)
    after = re.compile(r"^\s*,\s*(?:(?:a|an|the|two|both|des|deux|les|de|twee|een|beide)\s+)?(?:[\w-]+\s+)?(?:" + kin
                       + r")\b", re.I)
    return before, after


def kin_pairs(text: str, refs: Sequence[_Ref], s_start: int, s_end: int, lang: str) -> list[tuple[int, int]]:
    """Pairs of persons of one sentence that a kin noun names as one family."""
    before_re, after_re = _patterns(lang)
    out = []
    for group in _lists(text, refs):
        people = [k for k in group if refs[k].type == "PERSON" and s_start <= refs[k].start and refs[k].end <= s_end]
        if len(people) < 2 or len(people) != len(group):
            continue
        first, last = refs[group[0]], refs[group[-1]]
        previous = max([r.end for r in refs if r.end <= first.start] + [s_start])
        if before_re.search(text[previous:first.start]) or after_re.match(text[last.end:s_end]):
            out.extend((a, b) for x, a in enumerate(people) for b in people[x + 1:])
    return out
