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

from nlp.components.co_accused import _SHORT_ASIDE, _lists, _Ref
from nlp.resources import _rows


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = [r[1] for r in _rows("kin_groups.tsv") if len(r) >= 2 and r[0] == lang]
    kin = "|".join(sorted(words, key=len, reverse=True)) or "(?!)"
    before = re.compile(r"(?:^|[\s,;:(])(?:(?:the|both|les|deux|de|beide|twee)\s+)?(?:" + kin + r")\s*,?\s*$", re.I)
    # "A, 54, and B, 29, father and son, ...": the asides of the last member (age, home town) may stand before
    after = re.compile(r"^(?:" + _SHORT_ASIDE + r")*\s*,\s*(?:(?:a|an|the|two|both|all|des|deux|tous deux|les|de|twee|een|beide"
                       r"|beiden)\s+)?(?:[\w-]+\s+)?(?:" + kin + r")\b", re.I)
    return before, after


# "A cousin of Arriaga's, Celia Navarro, ...", "Le fils de Karim B., Rachid B., ...", "De zoon van Jan de B., Kees S."
_KIN_NOUNS = (r"brother|sister|son|daughter|father|mother|cousin|nephew|niece|uncle|aunt|wife|husband|brother-in-law"
              r"|sister-in-law|son-in-law|father-in-law|stepson|grandson|frère|sœur|soeur|fils|fille|père|mère|cousine?|neveu"
              r"|nièce|oncle|tante|épouse|époux|mari|beau-frère|gendre|broer|zus|zoon|dochter|vader|moeder|neef|nicht|oom"
              r"|tante|echtgenote|echtgenoot|zwager|schoonzoon")
_KIN_OF = re.compile(r"\b(?:a|an|the|one|un|une|le|la|l['’]|de|het|een)\s*(?:" + _KIN_NOUNS + r")\s+(?:of|de|du|d['’]|van)\s*$",
                     re.I)
_APPOSED = re.compile(r"^(?:['’]s)?\s*,\s*$")
# "A and B, his nephew, were arrested", "A et B, son gendre, ...", "A en B, zijn zwager, ...": of two, the second is the
# kin of the first
_POSSESSED_KIN = re.compile(r"^(?:" + _SHORT_ASIDE + r")*\s*,\s*(?:his|her|son|sa|zijn|haar)\s+(?:[\w-]+\s+)?(?:" + _KIN_NOUNS
                            + r"|stepfather|stepdaughter|half-brother|beau-père|demi-frère|stiefzoon|schoonvader|schoonbroer)\s*,",
                            re.I)


def kin_pairs(text: str, refs: Sequence[_Ref], s_start: int, s_end: int, lang: str) -> list[tuple[int, int]]:
    """Pairs of persons of one sentence that a kin noun names as one family, or that an apposition names as the
    kin of the person before it ("A cousin of A's, B, ...")."""
    before_re, after_re = _patterns(lang)
    out = []
    people = [k for k, r in enumerate(refs) if r.type == "PERSON" and s_start <= r.start and r.end <= s_end]
    for a, b in zip(people, people[1:], strict=False):
        if _KIN_OF.search(text[max(s_start, refs[a].start - 40):refs[a].start]) and _APPOSED.match(
                text[refs[a].end:refs[b].start]):
            out.append((a, b))
    for group in _lists(text, refs):
        people = [k for k in group if refs[k].type == "PERSON" and s_start <= refs[k].start and refs[k].end <= s_end]
        if len(people) < 2 or len(people) != len(group):
            continue
        first, last = refs[group[0]], refs[group[-1]]
        previous = max([r.end for r in refs if r.end <= first.start] + [s_start])
        if before_re.search(text[previous:first.start]) or after_re.match(text[last.end:s_end]):
            out.extend((a, b) for x, a in enumerate(people) for b in people[x + 1:])
        elif len(people) == 2 and _POSSESSED_KIN.match(text[last.end:s_end]) and re.fullmatch(
                r"(?:" + _SHORT_ASIDE + r")*\s*,?\s*(?:and|et|en)\s+", text[first.end:last.start], re.I):
            out.append((people[0], people[1]))
    return out
