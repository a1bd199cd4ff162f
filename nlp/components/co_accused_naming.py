"""Co-accused named in a sentence of their own, next to the sentence that charges them.

Police statements and news reports often charge a group first and name it after: "Three
longshoremen were arrested on Tuesday. They are A, 44, of X; B, 37; and C.", "Police have
named the men as A, B and C. They have been charged with ...", "Het gaat om A (34) en B (41).
Ze werden dinsdag aangehouden.", "Il s'agit de A et de B. Ils ont été mis en examen." The
naming sentence holds a list (as :func:`nlp.components.co_accused._lists` reads it) right after
an identifying phrase ("they are", "named the men as", "il s'agit de", "het gaat om"); the
charge is in the sentence before (which names no one of its own) or in the sentence after,
which opens with a plural pronoun ("They", "Ils", "Ze", "Both"). Every pair of the list is
``CO_ACCUSED``; the evidence runs over both sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from nlp.components.co_accused import _KIN_OF_BEFORE, MEMBER_TYPES, PLURAL, _lists, _Ref, charged_sentence
from nlp.components.co_accused_headline import _count

_NAMING = {
    "en": re.compile(r"(?:\b(?:they|these|those)|\bthe (?:[\w-]+ ){0,3}?(?:men|women|suspects|defendants|individuals|people"
                     r"|persons|pair|trio|accused|arrested|others))\s+(?:are|were|have been named as|were named as"
                     r"|have been identified as|were identified as)\s*:?\s*$"
                     r"|\b(?:named|identified)\s+(?:them|the (?:[\w-]+ ){0,2}?(?:men|women|suspects|pair|trio|defendants))"
                     r"\s+as\s*:?\s*(?:(?:captain|capt\.|master|skipper|mr\.?|mrs\.?|ms\.?|dr\.?)\s+)?$", re.I),
    "fr": re.compile(r"(?:\bil s['’]agit d[e'’]|\bce sont|\bles (?:[\w-]+ ){0,3}?(?:suspects|hommes|femmes|personnes|individus"
                     r"|mis en cause|interpellés) sont|\bidentifiée?s? comme étant)(?:\s+(?:deux|trois|quatre|cinq|des|du)\s+[\w-]+"
                     r"(?:\s+[\w-]+)?\s*,)?\s*:?\s*$", re.I),  # "Il s'agit de deux dockers, A et B"
    "nl": re.compile(r"(?:\bhet gaat om|\bhet betreft|\bdit zijn|\b(?:zij|ze) zijn|\bde (?:[\w-]+ ){0,2}?(?:mannen|vrouwen"
                     r"|verdachten|personen) zijn)(?:\s+(?:de|twee|drie|vier|vijf)\s+[\w-]+)?\s*:?\s*$", re.I),  # "om de havenarbeiders"
}
_PRONOUN_OPENING = re.compile(r"^\W*(?:they|both|all|the (?:men|women|pair|trio|two|three|four|five|suspects|defendants)"
                              r"|ils|elles|tous|toutes|les (?:deux|trois|quatre|hommes|suspects)|ze|zij|beiden|allen"
                              r"|de (?:mannen|verdachten|twee|drie|vier))\b", re.I)

def naming_lists(text: str, refs: Sequence[_Ref], sentence_starts: Sequence[int],
                 lang: str) -> list[tuple[list[int], int, int]]:
    """Lists named by an identifying phrase beside the sentence that charges them: ``(indices, start, end)``."""
    naming = _NAMING.get(lang)
    if naming is None or not sentence_starts:
        return []
    bounds = list(sentence_starts) + [len(text)]
    member_starts = [r.start for r in refs if r.type in MEMBER_TYPES and not r.anaphor]

    def sentence_of(pos: int) -> int:
        return bisect.bisect_right(bounds, pos) - 1

    def names_nobody(k: int) -> bool:
        lo, hi = bisect.bisect_left(member_starts, bounds[k]), bisect.bisect_left(member_starts, bounds[k + 1])
        return lo == hi

    out = []
    for group in _lists(text, refs):
        k = sentence_of(refs[group[0]].start)
        if k < 0 or k + 1 >= len(bounds) or refs[group[-1]].end > bounds[k + 1]:
            continue
        before = text[bounds[k - 1]:bounds[k]] if k > 0 else ""
        after = text[bounds[k + 1]:bounds[k + 2]] if k + 2 < len(bounds) else ""
        if not naming.search(text[bounds[k]:refs[group[0]].start]):
            continue
        if before and names_nobody(k - 1) and charged_sentence(before, lang) and PLURAL.search(before.lower()):
            out.append((group, bounds[k - 1], bounds[k + 1]))
        elif after and _PRONOUN_OPENING.match(after) and charged_sentence(after, lang):
            out.append((group, bounds[k], bounds[k + 2]))
    out.extend(ordinal_lists(text, refs, bounds, lang))
    listed = {k for g, _a, _b in out for k in g}
    for k in range(1, len(bounds) - 1):
        group = counted_naming(text, refs, bounds[k - 1], bounds[k], bounds[k + 1], naming, lang)
        if group and not set(group) <= listed:
            out.append((group, bounds[k - 1], bounds[k + 1]))
    return out


def counted_naming(text: str, refs: Sequence[_Ref], before: int, start: int, end: int, naming: re.Pattern[str],
                   lang: str) -> list[int]:
    """The people of a naming sentence (``start``..``end``) that the sentence before counts as charged: "De politie
    hield vijf verdachten aan. Het gaat om A (38) uit X, die ..., B (31), die ..., en drie mannen: C, D en E."
    Asides (jobs, employers, home towns) break the list apart, so the count is the proof: the sentence must open
    with the identifying phrase, and the distinct persons it names must be exactly as many as the count. Returns
    their indices into ``refs`` (empty when any condition fails)."""
    # "et de R.V. (51 ans), frère de M.B.": a name after a kin noun only says whose kin the one before is
    people = [k for k, r in enumerate(refs) if r.type == "PERSON" and not r.anaphor and start <= r.start and r.end <= end
              and not _KIN_OF_BEFORE.search(text[max(start, r.start - 40):r.start])]
    if len(people) < 2 or not naming.search(text[start:refs[people[0]].start]) \
            or text[start:refs[people[0]].start].strip(" \t\n:").count(" ") > 4:
        return []
    count = _count(text[before:start].lower(), lang)
    distinct = {text[refs[k].start:refs[k].end] for k in people}
    return people if count is not None and len(distinct) == len(people) == count else []



# "The first, A, ...", "The second, B, ...", "Le premier, A", "De tweede verdachte, B", "The other, C"
_ORDINAL_OPENING = re.compile(r"^\W*(?:(?:the|le|la|l['’]|de|het)\s*(?:first|second|third|fourth|fifth|other|last|premier|première"
                              r"|deuxième|second|seconde|troisième|quatrième|autre|dernier|dernière|eerste|tweede|derde|vierde"
                              r"|andere|laatste)|one of them|one of the (?:men|women|two|three)|l['’]un d['’]eux|l['’]une d['’]elles"
                              r"|een van hen|één van hen)\b", re.I)
_OFFICIAL_NEAR = re.compile(r"\b(?:judge|prosecutor|lawyer|solicitor|officer|detective|inspector|minister|juge|procureur|avocate?"
                            r"|enquêteur|rechter|officier|advocaat|rechercheur|woordvoerder|spokes\w+)\W+(?:\w+\W+){0,2}$", re.I)


def ordinal_lists(text: str, refs: Sequence[_Ref], bounds: Sequence[int], lang: str) -> list[tuple[list[int], int, int]]:
    """People introduced one per sentence by an ordinal ("The first, A, ... The second, B, ...") right after a sentence
    that counts them as charged ("arrested two men") and right before one that charges them again as a group ("Both
    have been charged"): one group when the ordinals name exactly as many people."""
    out = []
    for k in range(len(bounds) - 2):
        count = _count(text[bounds[k]:bounds[k + 1]].lower(), lang)
        if count is None:
            continue
        people: list[int] = []
        j = k + 1
        while j + 1 < len(bounds) and _ORDINAL_OPENING.match(text[bounds[j]:bounds[j + 1]]):
            first = next((x for x, r in enumerate(refs) if r.type == "PERSON" and not r.anaphor
                          and bounds[j] <= r.start and r.end <= bounds[j + 1]
                          and not _OFFICIAL_NEAR.search(text[max(bounds[j], r.start - 40):r.start])), None)
            if first is None or refs[first].start - bounds[j] > 160:
                break
            people.append(first)
            j += 1
        names = {text[refs[x].start:refs[x].end] for x in people}
        # the sentence after the ordinals takes them up again as charged: "Both have been charged", "Ils ont été écroués"
        closing = text[bounds[j]:bounds[j + 1]] if j + 1 < len(bounds) else ""
        if (len(people) >= 2 and len(names) == len(people) == count and _PRONOUN_OPENING.match(closing)
                and charged_sentence(closing, lang)):
            out.append((people, bounds[k], bounds[j + 1]))
    return out
