"""Relation cue rules (``data/relation_cues.tsv``) and negation cues, compiled once.

A rule says: in language ``lang``, when the text between two mentions of one sentence matches
``regex`` in full, and the first and second mentions have the listed types, the sentence states
relation ``type`` (``dir`` ``ab``: the first mention is the source; ``ba``: the second one is).
A rule whose pattern holds `` @ `` also reads the clause after the second mention: it is matched
against "between @ after", for verb-final Dutch ("X, waarvan hij alle aandelen bezit") and for
"X is charged as its leader".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.resources import _rows

MACROS = {
    "{A}": r"(?:(?:the|a|an|his|her|its|their|le|la|les|un|une|son|sa|ses|leur|de|het|een|zijn|haar|hun|du|des|au|aux) |l'|l’)?",
    "{FIRM}": r"(?:(?:company|firm|business|société|entreprise|firme|bedrijf|firma|vennootschap|onderneming) )?",
    "{F2}": r"(?:\S+ ){0,2}?",
    "{F3}": r"(?:\S+ ){0,3}?",
    "{F4}": r"(?:\S+ ){0,4}?",
    "{F6}": r"(?:\S+ ){0,6}?",
}

NEGATION = {
    "en": re.compile(r"\b(?:not|never|no longer|neither|nor|denied|denies|deny|denying)\b|n't\b"),
    "fr": re.compile(r"\b(?:ne|pas|jamais|aucun|aucune|ni|nie|niait|nié|dément|démentait)\b|\bn['’]"),
    "nl": re.compile(r"\b(?:niet|geen|nooit|noch|ontkent|ontkende|ontkend)\b"),
}


@dataclass(frozen=True)
class CueRule:
    lang: str
    type: str
    reverse: bool
    source_types: frozenset[str]
    target_types: frozenset[str]
    regex: re.Pattern[str]
    tail: bool = False

    def first_types(self) -> frozenset[str]:
        return self.target_types if self.reverse else self.source_types

    def second_types(self) -> frozenset[str]:
        return self.source_types if self.reverse else self.target_types


def _expand(pattern: str) -> str:
    for macro, value in MACROS.items():
        pattern = pattern.replace(macro, value)
    return pattern


@cache
def cue_rules(lang: str) -> tuple[CueRule, ...]:
    """The compiled rules of one language."""
    rules = []
    for row in _rows("relation_cues.tsv"):
        if len(row) < 6 or row[0] != lang:
            continue
        reverse = row[2] == "ba"
        first, second = frozenset(row[3].split("|")), frozenset(row[4].split("|"))
        rules.append(CueRule(
            lang=row[0],
            type=row[1],
            reverse=reverse,
            source_types=second if reverse else first,
            target_types=first if reverse else second,
            regex=re.compile(_expand(row[5])),
            tail=" @ " in row[5],
        ))
    return tuple(rules)


def negated(lang: str, text: str) -> bool:
    """Whether ``text`` (lower case) holds a negation cue of ``lang``."""
    pattern = NEGATION.get(lang)
    return bool(pattern and pattern.search(text))
