"""Crew named by their rank: "the ship's bosun, Wilmer Arocha", "chief officer Goran Mikulic", "X, the
second engineer,", "de kok Rolando Bautista", "Andriy K. was als tweede stuurman ... aangemonsterd op de
bulkcarrier Y". The annotation guide ties a crew member to their ship (``WORKS_AT``).

The rank must be the person's own (right before the name, an apposition right after it, or "als/as/comme"
+ rank after it), read from ``data/crew_ranks.tsv``. The ship is the one vessel named in the sentence; a
sentence naming none ("The second engineer, Ruslan Tkachenko, was questioned") takes the one vessel the text
has named before, and only when the text has named exactly one so far: with two ships in the story a rank
alone does not say which. Such a relation records the rank phrase as the reference it resolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.relation_rules import negated
from nlp.resources import _rows

_ARTICLE = r"(?:(?:the|a|an|its|her|his|le|la|l['’]|un|une|son|de|het|een|zijn)\s*)?"
_SHIP_OWNER = r"(?:(?:the\s+)?(?:ship|vessel|boat|freighter|tanker)['’]s\s+|(?:du|de la)\s+(?:navire|bateau)\s+|van het schip\s+)?"
# "de kapitein van het schip, X", "the master of the vessel, X": the ship named by a noun after the rank
_OF_SHIP = (r"(?:\s+(?:of|van|du|de)\s+(?:the\s+|het\s+|de\s+|le\s+|la\s+)?(?:ship|vessel|boat|schip|vaartuig"
            r"|navire|bateau|cargo|vraquier))?")
_ADJ = r"(?:(?:senior|junior|former|filipino|ukrainian|russian|turkish|[a-z]+ian|[a-z]+ese)\s+)?"


# a rank that points to the ship of the story: "the ship's bosun", "The second engineer", "de kok"
_DEFINITE = re.compile(r"(?:\b(?:the|its|her|le|la|de|het)\s+|\bl['’]|['’]s\s+)(?:[a-z]+\s+)?$", re.I)


@cache
def _rank(lang: str) -> str | None:
    rows = [row[1] for row in _rows("crew_ranks.tsv") if len(row) >= 2 and row[0] == lang]
    return "(?:" + "|".join(f"(?:{r})" for r in rows) + ")" if rows else None


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(rank before the name, rank after the name) for ``lang``."""
    rank = _rank(lang)
    if rank is None:
        return None
    before = re.compile(r"(?:^(?:['’]s\s+)?|[\s,;:(])" + _ARTICLE + _SHIP_OWNER + _ADJ + r"(?P<rank>" + rank + r")"
                        + _OF_SHIP + r"\s*,?\s*$", re.I)
    after = re.compile(r"^\s*(?:\(\d{1,3}\)|,\s*\d{1,3})?\s*(?:,\s*" + _ARTICLE + _SHIP_OWNER + _ADJ
                       + r"(?P<rank>" + rank + r")\s*(?:[,;)]|$|\s+(?:and|et|en|who|qui|die|was|is|had|a|est|werd|heeft))"
                       + r"|\s+(?:(?:was|is|had been|werd|was|served|serves|had served)\s+)?(?:als|as|comme|en tant que)\s+"
                       + r"(?:a\s+|an\s+)?" + _ADJ + r"(?P<rank2>" + rank + r")\b"
                       # "X served as the vessel's second officer; Y was its bosun": the rank of the story's ship
                       + r"|\s+(?:was|is|had been|served|serves|had served|remained)\s+(?:as\s+)?(?:its\s+|her\s+|the\s+"
                       + r"(?:ship|vessel|boat|freighter|tanker)['’]s\s+)" + _ADJ + r"(?P<rank3>" + rank + r")\b)", re.I)
    return before, after


def crew_ranks(text: str, refs: Sequence, s_start: int, lang: str) -> list[tuple[int, int, int]]:
    """``(person index, rank start, rank end)`` for each person of the sentence named with a crew rank."""
    pats = _patterns(lang)
    if pats is None:
        return []
    before, after = pats
    out = []
    for i, ref in enumerate(refs):
        if ref.type != "PERSON" or ref.anaphor:
            continue
        floor = max([s_start] + [r.end for r in refs[:i] if r.end <= ref.start and not (r.anaphor and r.type == "VESSEL")])
        head = text[floor:ref.start]
        found = before.search(head)
        if found is not None and not negated(lang, head[found.start():]):
            out.append((i, floor + found.start("rank"), floor + found.end("rank")))
            continue
        ceiling = min([len(text)] + [r.start for r in refs[i + 1:] if r.start >= ref.end
                                     and not (r.anaphor and r.type == "VESSEL")])
        tail = text[ref.end:ceiling]
        found = after.match(tail)
        if found is not None and not negated(lang, tail[:found.end()]):
            group = next(g for g in ("rank", "rank2", "rank3") if found.group(g))
            out.append((i, ref.end + found.start(group), ref.end + found.end(group)))
    return out


def misread_vessels(text: str, refs: Sequence, lang: str) -> set[tuple[int, int]]:
    """Spans of the sentence's vessel mentions written with a crew rank of their own ("Peralta Ruiz, the
    ship's chief engineer,", "de kapitein van het schip, Pavlo D."): a person's name read as a ship, which
    no crew member works aboard."""
    pats = _patterns(lang)
    if pats is None:
        return set()
    return {(r.target_start, r.target_end) for r in refs
            if r.type == "VESSEL" and not r.anaphor and (pats[1].match(text[r.end:r.end + 60])
                                                         or pats[0].search(text[max(0, r.start - 60):r.start]))}


def crew_relations(text: str, refs: Sequence, typed: set[tuple[int, int]], s_start: int, lang: str,
                   vessels_before: Sequence, misread: set[tuple[int, int]] = frozenset()  # type: ignore[assignment]
                   ) -> list[tuple[int, int | None, tuple[int, int]]]:
    """``(person index, vessel index or None, rank span)`` for the crew of one sentence.

    The vessel index points into ``refs`` when the sentence names one vessel; None means the one vessel
    of ``vessels_before`` (the named vessels of the text so far, all one ship), which the caller links
    through the rank span as a resolved reference. A sentence whose ship is one of ``misread`` gives nothing.
    """
    misread = set(misread) | misread_vessels(text, refs, lang)
    if any((r.target_start, r.target_end) in misread for r in refs if r.type == "VESSEL"):
        return []
    ships = {(r.target_start, r.target_end): k for k, r in enumerate(refs) if r.type == "VESSEL"}
    names = {text[s:e] for s, e in ships} if ships else {text[r.target_start:r.target_end] for r in vessels_before}
    if len(names) != 1:
        return []
    out: list[tuple[int, int | None, tuple[int, int]]] = []
    for i, start, end in crew_ranks(text, refs, s_start, lang):
        k = next(iter(ships.values())) if ships else None
        if k is None and not _DEFINITE.search(text[max(s_start, start - 20):start]):
            continue  # "Ivan D., second officer," in a list of defendants: no "the" that points to a ship
        if k is not None and (min(i, k), max(i, k)) in typed:
            continue
        out.append((i, k, (start, end)))
    return out
