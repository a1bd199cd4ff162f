"""A person named again by age or job at the head of a sentence: "The 38-year-old works for X", "De
31-jarige werkt bij X", "Ce docker de 34 ans travaillait pour X", "L'homme de 41 ans".

Such a phrase stands for the person named before only when the last sentence that named anyone named
one person alone: after "A and B were arrested", "the 38-year-old" could be either, and a relation
given to the wrong one is worse than none. The phrase becomes a reference (:class:`Ref`, ``anaphor``)
to that person, so relations read from it record what they resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.components.coreference import Ref

_AGE_HEAD = {
    "en": re.compile(r"\s*(?:the|The)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old(?:\s+(?:man|woman|docker|dockworker"
                     r"|longshoreman|driver|father|mother|suspect|defendant))?\b"),
    "nl": re.compile(r"\s*(?:De|de)\s+\d{1,3}-jarige(?:\s+(?:man|vrouw|verdachte|havenarbeider|Rotterdammer"
                     r"|Antwerpenaar|chauffeur))?\b"),
    "fr": re.compile(r"\s*(?:Ce|Cet|Cette|Le|La|L['’])\s*(?:[a-zéèêàç-]+\s+){0,2}?(?:de|âgée? de)\s+\d{1,3}\s+ans\b"),
}


def age_reference(text: str, s_start: int, s_end: int, lang: str, in_sent: Sequence,
                  last_named: Sequence) -> Ref | None:
    """A reference for the age phrase that opens the sentence ``text[s_start:s_end]``, or None.

    ``last_named`` holds the person mentions of the last sentence that named anyone; the phrase
    resolves only when they are all one person and the sentence itself names no person before it.
    """
    pattern = _AGE_HEAD.get(lang)
    match = pattern.match(text, s_start, s_end) if pattern is not None else None
    if match is None or not last_named:
        return None
    if len({(r.target_start, r.target_end) for r in last_named}) != 1:
        return None
    if any(r.type == "PERSON" and r.start < match.end() for r in in_sent):
        return None
    ante = last_named[-1]
    return Ref(s_start + (len(match.group(0)) - len(match.group(0).lstrip())), match.end(), "PERSON",
               ante.target_start, ante.target_end, anaphor=True)
