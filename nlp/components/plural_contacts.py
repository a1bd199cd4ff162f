"""Two people named in one sentence and said to have been in touch in the next, under a plural subject:
"A and B were arrested on Monday. The two men had spoken by phone the day before", "Ils échangeaient des
messages depuis des semaines", "Beide mannen stonden met elkaar in contact".

The plural subject ("the two men", "both", "they", "les deux hommes", "ils", "de twee mannen", "zij") must
open the sentence, the last sentence that named anyone must have named exactly two people, and a reciprocal
contact phrase (``data/contact_reciprocal.tsv``) must follow the subject. Both ends are recorded as resolved
by the plural subject, so the evidence sentence shows where they come from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.components.age_references import OFFICIAL_TITLE
from nlp.components.contacts import _reciprocal
from nlp.components.coreference import Ref
from nlp.relation_rules import negated

_HEAD = {
    "en": re.compile(r"\s*(?:They|Both(?:\s+(?:men|women|suspects|defendants))?|The\s+(?:two|pair\s+of)\s+(?:men|women"
                     r"|suspects|defendants|dockers|longshoremen|workers|brothers)|The\s+pair)\b"),
    "fr": re.compile(r"\s*(?:Ils|Elles|Les\s+deux\s+(?:hommes|femmes|suspects|prévenus|mis\s+en\s+cause|dockers|frères)"
                     r"|Tous\s+(?:les\s+)?deux)\b"),
    "nl": re.compile(r"\s*(?:Zij|Ze|Beiden|Zij\s+beiden|(?:Beide|De\s+twee)\s+(?:mannen|vrouwen|verdachten|dokwerkers"
                     r"|havenarbeiders|broers))\b"),
}
# "They were arrested", "Ils ont été interpellés": the plural subject is in the news, not in touch
_STOP = re.compile(r"\b(?:police|officers|investigators|agents|politie|rechercheurs|enquêteurs|policiers)\b", re.I)


def plural_contacts(text: str, s_start: int, s_end: int, lang: str, in_sent: Sequence[Ref],
                    last_named: Sequence[Ref]) -> list[tuple[Ref, Ref]]:
    """The two (anaphoric) ends of a contact stated under a plural subject, or nothing."""
    head = _HEAD.get(lang)
    verb = _reciprocal(lang)
    found = head.match(text, s_start, s_end) if head is not None else None
    if found is None or verb is None:
        return []
    people = list(dict.fromkeys((r.target_start, r.target_end) for r in last_named if r.type == "PERSON"))
    if len(people) != 2 or any(r.type in ("PERSON", "COMPANY", "ORGANIZATION") and not r.anaphor for r in in_sent):
        return []
    if any(OFFICIAL_TITLE.search(text[max(0, r.start - 40):r.start]) for r in last_named):
        return []
    clause = re.split(r"[.;:!?\n]", text[found.end():s_end], maxsplit=1)[0]
    words = re.sub(r"\s+", " ", clause.lower())
    match = verb.match(words)
    if match is None or negated(lang, words[:match.end()]) or _STOP.search(words[:match.end()]):
        return []
    if re.match(r"\s*(?:with|avec|met)\b(?!\s+(?:each other|one another|elkaar))", words[match.end():]):
        return []  # "They were in contact with a broker": someone else
    start = s_start + (len(found.group(0)) - len(found.group(0).lstrip()))
    return [(Ref(start, found.end(), "PERSON", *people[0], anaphor=True),
             Ref(start, found.end(), "PERSON", *people[1], anaphor=True))]
