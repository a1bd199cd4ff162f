"""Co-accused counted by a release's headline or lead: ``CO_ACCUSED`` across the sentences of one case.

A sentencing or arrest release often names one defendant per sentence ("A was sentenced to 108
months. B received 87 months.") under a headline that counts them: "Three Port Newark Dockworkers
Sentenced", "Deux dockers écroués", "Twee havenarbeiders veroordeeld", or a lead "Three members of
the crew were sentenced this week". Two sentences that each charge a man are no proof of one case
(a release may report several), so the count is the proof: when the people the text charges one
by one (:func:`nlp.components.co_accused_runs.subject_runs`) are exactly as many as the headline
or the lead counts, they are the case's defendants and every pair is ``CO_ACCUSED``. One more or
one fewer (a fourth defendant who pleaded earlier, a man named in another story) and nothing is
paired. Returns groups as ``(indices into refs, evidence start, evidence end)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from nlp.components.co_accused import (
    _NOT_ACCUSED_AFTER,
    _NOT_ACCUSED_BEFORE,
    _NUMBER_WORDS,
    _WITNESS_AFTER,
    _WITNESS_BEFORE,
    _Ref,
    charged_sentence,
)
from nlp.resources import _rows

MAX_COUNT = 12
_NUMBERS = {w: n for n, words in enumerate(
    ["", "one un een", "two deux twee", "three trois drie", "four quatre vier", "five cinq vijf", "six zes", "seven sept zeven",
     "eight huit acht", "nine neuf negen", "ten dix tien", "eleven onze elf", "twelve douze twaalf"]) for w in words.split()}
HEAD_CHARS = 200  # a headline is one short line
_ONE_MORE = re.compile(r"\s+(?:and|et|en)\s+(?:a|an|one|un|une|een|één)\s+", re.I)


@cache
def _count_pattern(lang: str) -> re.Pattern[str]:
    nouns = [w for row in _rows("defendant_nouns.tsv") if len(row) >= 2 and row[0] == lang for w in row[1].split()]
    return re.compile(r"\b(?P<n>" + _NUMBER_WORDS + r"|\d{1,2})\s+(?:[\w'’-]+\s+){0,4}?(?:" + "|".join(nouns or ["(?!)"])
                      + r")\b", re.I)


def _count(line: str, lang: str) -> int | None:
    """The number of people a headline or lead counts as charged, or None."""
    if not charged_sentence(line, lang):
        return None
    subset = _subset_count(line)
    if subset is not None:
        return subset  # "Quatre prévenus comparaissaient ; trois ont été condamnés": the convicted are counted
    matches = list(_count_pattern(lang).finditer(line))
    counts = {int(m.group("n")) if m.group("n").isdigit() else _NUMBERS.get(m.group("n").lower(), 0) for m in matches}
    counts = {n for n in counts if 2 <= n <= MAX_COUNT}
    if len(counts) != 1:
        return None
    # "Two Dockworkers and a Truck Driver Indicted", "deux dockers et un chauffeur", "twee zeelieden en een kapitein"
    return counts.pop() + (1 if _ONE_MORE.match(line, matches[0].end()) else 0)


def counted_case(text: str, refs: Sequence[_Ref], sentence_starts: Sequence[int], lang: str, charged: Sequence[int],
                 same: Callable[[int, int], bool]) -> list[tuple[list[int], int, int]]:
    """The people charged in ``charged`` (indices into ``refs``, in text order) as one group when their number is
    the one the headline or the lead counts; ``same`` tells two mentions of one person apart from two people."""
    if not sentence_starts:
        return []
    counts = {c for c in (_count(h.lower(), lang) for h in _heads(text, sentence_starts)) if c is not None}
    counts |= {c for c in (_body_count(text[a:b].lower(), lang) for a, b in zip(
        sentence_starts, [*sentence_starts[1:], len(text)], strict=True)) if c is not None}
    if len(counts) != 1:
        return []  # no count, or counts that disagree ("Two ... jailed" over "the three men")
    count = counts.pop()
    people: list[int] = []
    for k in charged:
        if refs[k].type == "PERSON" and not any(same(k, j) for j in people):
            people.append(k)
    if len(people) != count:
        return []
    return [(people, 0, max(refs[k].end for k in people))]


_ALL_OF_THEM = re.compile(r"\b(?:(?:all|tous les|toutes les|alle|allen|de|les|the)\s+(?P<n>" + _NUMBER_WORDS + r")\s+"
                          r"(?:(?:men|women|defendants|suspects|hommes|prévenus|suspects|mannen|verdachten)\b)?"
                          r"|(?P<two>both|tous (?:les )?deux|toutes (?:les )?deux|beiden|allebei))", re.I)


# a bare number as the subject of a charge verb, after a count of those tried: "...; six ont été condamnés",
# "..., five of them were convicted", "...; vijf van hen werden veroordeeld"
_COUNTED_SUBJECT = re.compile(r"(?:[;:,]|\bdont|\bof whom|\bvan wie|\bwaarvan)\s+(?P<n>" + _NUMBER_WORDS + r"|\d{1,2})\s+"
                              r"(?:d['’]entre (?:eux|elles)\s+|of them\s+|van hen\s+)?(?:were|have been|ont été|sont|werden|zijn)"
                              r"\s+(?:\w+\s+)?(?:convicted|sentenced|found guilty|condamnée?s|reconnue?s coupables|veroordeeld"
                              r"|schuldig bevonden)\b", re.I)


def _subset_count(sentence: str) -> int | None:
    subset = _COUNTED_SUBJECT.search(sentence)
    if subset is None:
        return None
    n = int(subset.group("n")) if subset.group("n").isdigit() else _NUMBERS.get(subset.group("n").lower(), 0)
    return n if 2 <= n <= MAX_COUNT else None


def _body_count(sentence: str, lang: str) -> int | None:
    """A count of the body that opens a sentence of the criminal process: "All three were sentenced", "Both were
    charged", "Les deux hommes ont été écroués", "Beiden werden veroordeeld"; or a counted noun ("three men")."""
    if not charged_sentence(sentence, lang):
        return None
    subset = _subset_count(sentence)
    if subset is not None:  # "Sept prévenus comparaissaient ; six ont été condamnés": the six are the case's convicted
        return subset
    opening = _ALL_OF_THEM.match(sentence.lstrip(" \t\n\"'“-–—"))
    if opening is not None:
        n = 2 if opening.group("two") else _NUMBERS.get(opening.group("n").lower(), 0)
        return n if 2 <= n <= MAX_COUNT else None
    return None


def _heads(text: str, sentence_starts: Sequence[int]) -> list[str]:
    """The headline (a short first line) and the lead (the first sentence after it)."""
    newline = text.find("\n")
    heads = []
    if 0 < newline <= HEAD_CHARS and text[:newline].strip():
        heads.append(text[:newline])
    body = [k for k, s in enumerate(sentence_starts) if s > (newline if heads else -1) and text[s:s + 1].strip()]
    if body:
        k = body[0]
        heads.append(text[sentence_starts[k]:sentence_starts[k + 1] if k + 1 < len(sentence_starts) else len(text)])
    return heads


# what clears or sets aside a person named before a counted body: "was found not guilty", "n'est pas mis en cause",
# "werd vrijgelaten", "as a witness"
_SET_ASIDE = re.compile(r"\b(?:not guilty|acquitted|cleared|released without charge|not (?:been )?(?:charged|suspected|arrested)"
                        r"|no (?:further )?(?:action|suspicion)|sans poursuites?|zonder vervolging|witness(?:es)?|testified"
                        r"|relaxée?s?|acquittée?s?|n['’](?:est|a|ont|sont)"
                        r"\s+(?:pas|jamais)|témoins?|témoigné|vrijgesproken|vrijgelaten|niet (?:verdacht|vervolgd|aangehouden)"
                        r"|getuigen?|geen (?:verdachte|aanwijzing))\b", re.I)


def counted_body(text: str, refs: Sequence[_Ref], sentence_starts: Sequence[int], lang: str,
                 same: Callable[[int, int], bool], official: Callable[[_Ref], bool]) -> list[tuple[list[int], int, int]]:
    """The people named before a sentence that opens on a counted body charged together ("Les six personnes ont été
    mises en examen", "The three men were charged", "De twee verdachten werden voorgeleid") as one group, when they are
    exactly as many as it counts. Officials, lawyers, witnesses and anyone the text clears are not counted; one more or one fewer and nothing is paired, and a counting sentence that names people itself
    pairs nothing here (its own list does). The evidence runs from the first of them to the end of the counting sentence."""
    bounds = list(sentence_starts) + [len(text)]
    for s, e in zip(bounds, bounds[1:], strict=False):
        sentence = text[s:e]
        opening = _ALL_OF_THEM.match(sentence.lstrip(" \t\n\"'“-–—"))
        if opening is None or opening.group("two") or not charged_sentence(sentence.lower(), lang):
            continue
        count = _NUMBERS.get(opening.group("n").lower(), 0)
        if not 2 <= count <= MAX_COUNT:
            continue
        if any(r.type == "PERSON" and s <= r.start < e for r in refs):
            return []  # "The three men were charged: A, B and C": the sentence names its own list
        people: list[int] = []
        for k, ref in enumerate(refs):
            if ref.end > s:
                break
            if ref.type != "PERSON" or ref.anaphor or official(ref) or any(same(k, j) for j in people):
                continue
            people.append(k)
        cleared = set()
        for k in people:
            sent = max((b for b in bounds if b <= refs[k].start), default=0)
            clause = text[refs[k].end:min(e, text.find(".", refs[k].end) + 1 or e)]
            before = text[sent:refs[k].start]
            if (_SET_ASIDE.search(clause[:120]) or _WITNESS_BEFORE.search(before.lower()) or _WITNESS_AFTER.match(clause.lower())
                    or _NOT_ACCUSED_BEFORE.search(before[-60:]) or _NOT_ACCUSED_AFTER.match(clause)):
                cleared.add(k)
        people = [k for k in people if k not in cleared and not any(same(k, j) for j in cleared)]
        if len(people) == count:
            return [(people, refs[people[0]].start, e)]
        return []  # the first counted body decides: a later one may count a different group
    return []
