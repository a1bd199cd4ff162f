"""People and firms named together as charged, arrested or sentenced: ``CO_ACCUSED`` pairs.

Indictments, sentencing releases and police statements name co-defendants as one list: "A, 41,
of Miami, B and C were charged", "police arrested A and B", "A en B werden veroordeeld", "A, B
et C ont été mis en examen". A *list* is a run of PERSON and COMPANY mentions joined only by
commas, "and"/"et"/"en"/"&", "along with"/"samen met"/"avec" (and "his co-defendant", "its
director" before a member), with ages, home towns ("of Miami, Florida"), aliases, short role
appositions ("a crane operator") and brackets as asides. A list is co-accused when a word of
the criminal process (``data/charge_words.tsv``) follows its last member before any other
mention, or stands right before its first member. Every pair of the list is a ``CO_ACCUSED``.

The reading is over the surface, so it is the same for the three languages (Dutch has no
parser); it gives up lists that a verb interrupts ("sentenced A to ten years and B to eight").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from nlp.resources import _rows

MEMBER_TYPES = frozenset({"PERSON", "COMPANY"})
MAX_GAP_AFTER = 70

_ASIDE = (r"(?:,?\s*\(\s*(?:aged\s+)?\d{1,3}(?:\s*(?:ans|jaar|years?))?\s*\)"
          r"|,\s*(?:aged\s+)?\d{1,3}(?:\s*(?:ans|jaar|years? old))?(?=\s*[,;])"
          r"|,\s*(?:of|from|de|d['’]|uit|van|wonende te|domicilié à|both of|all of|tous deux de|beiden uit)\s+[^,;()]{1,40}"
          r"(?:,\s*[A-Z][\w. ]{1,25})?(?=\s*[,;])"
          r"|,\s*(?:also known as|a\.k\.a\.|aka|alias|dit|dite|genaamd|bijgenaamd)\s+[^,;]{1,40}(?=\s*[,;])"
          r"|,\s*(?:a|an|the|un|une|le|la|een|de|het)\s+[^,;()]{1,60}(?=\s*[,;])"
          r"|\s*\([^()]{1,60}\))")
_KIN_ROLE = (r"co-?defendants?|co-?accused|co-?conspirators?|brothers?|sisters?|sons?|father|wife|husband|partner|director"
             r"|manager|associates?|accomplices?|cousins?|nephews?|employees?|complices?|frères?|fils|gérant|épouse"
             r"|co-?prévenus?|acolytes?|comparses?|broers?|zoons?|zaakvoerder|bestuurder|handlangers?|kompanen|kompaan"
             r"|medeverdachten?|neef|vrouw")
_SEPARATOR = re.compile(
    r"^(?:" + _ASIDE + r")*\s*(?:,|;|,?\s*(?:and|et|en|&|as well as|ainsi que|alsook|along with|together with|avec"
    r"|samen met|met)(?:\s+(?:his|her|its|their|son|sa|ses|leur|zijn|haar|hun)(?:\s+[\w-]+){0,2}?\s+(?:" + _KIN_ROLE
    + r")\s*,?)?)(?:\s+(?:la société|l['’]entreprise|la firme|the company|the firm|het bedrijf|de firma"
    r"|de vennootschap))?\s*$", re.I)
_TAIL = re.compile(r"^(?:" + _ASIDE + r")*", re.I)
_CLAUSE = re.compile(r"[.;:!?\n]")


class _Ref(Protocol):
    start: int
    end: int
    type: str
    anaphor: bool


@cache
def _charge_words(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    after, before = [], []
    for row in _rows("charge_words.tsv"):
        if len(row) >= 3 and row[0] == lang:
            if row[1] in ("after", "both"):
                after.append(row[2])
            if row[1] in ("before", "both"):
                before.append(row[2])
    after_re = re.compile(r"\b(?:" + "|".join(after or ["(?!)"]) + r")\b")
    before_re = re.compile(r"\b(?:" + "|".join(before or ["(?!)"]) + r")\b(?:\s+(?:the|les|de)?\s*"
                           r"(?:defendants?|suspects?|men|women|individuals|persons|people|following|hommes|personnes"
                           r"|mannen|personen|verdachten))?\s*[:,]?\s*(?:the |les |de )?$")
    return after_re, before_re


def _lists(text: str, refs: Sequence[_Ref]) -> list[list[int]]:
    """Runs of PERSON/COMPANY mentions (indices into ``refs``) joined by list separators."""
    groups: list[list[int]] = []
    current: list[int] = []
    last = -1
    for k, ref in enumerate(refs):
        if ref.type not in MEMBER_TYPES or ref.anaphor:
            continue
        if current and _SEPARATOR.match(text[refs[last].end:ref.start]):
            current.append(k)
        else:
            if len(current) >= 2:
                groups.append(current)
            current = [k]
        last = k
    if len(current) >= 2:
        groups.append(current)
    return groups


def co_accused_pairs(text: str, refs: Sequence[_Ref], s_start: int, s_end: int, lang: str) -> list[tuple[int, int]]:
    """``(i, j)`` index pairs (i < j) of the mentions of one sentence that are named as co-accused."""
    after_re, before_re = _charge_words(lang)
    out: list[tuple[int, int]] = []
    for group in _lists(text, refs):
        first, last = refs[group[0]], refs[group[-1]]
        following = [r.start for r in refs if r.start >= last.end and not r.anaphor]
        stop = min(following + [s_end])
        tail = text[last.end:stop]
        tail = tail[_TAIL.match(tail).end():]  # type: ignore[union-attr]
        tail = _CLAUSE.split(tail, maxsplit=1)[0][:MAX_GAP_AFTER].lower()
        previous = [r.end for r in refs if r.end <= first.start and not r.anaphor]
        head = text[max(previous + [s_start]):first.start].lower()
        if not (after_re.search(tail) or before_re.search(head)):
            continue
        out.extend((a, b) for x, a in enumerate(group) for b in group[x + 1:])
    return out
