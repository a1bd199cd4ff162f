"""Choosing among the relation types the rules gave one pair of mentions, and dropping the readings
that a closer look at the sentence refutes (a public body as a network, a constituency
as a party, a number called rather than used, a role that belongs to someone named before).
"""

from __future__ import annotations

import re
from functools import cache

from nlp.components.appositions import NOUN_OF_BEFORE, PUBLIC_BODY, _singular
from nlp.components.coreference import Ref
from nlp.resources import _rows, place_gazetteer

# law enforcement and public bodies: heading or belonging to one is a job, not a network tie
AUTHORITY = re.compile(r"police|politie|polizei|customs|douane|garda|court|tribunal|rechtbank|parquet|parket|prosecut"
                        r"|minist|agency|agence|brigade|bureau|office|directorate|direction|guard|navy|marine nationale"
                        r"|europol|interpol|eurojust|frontex|\bDEA\b|\bFBI\b|\bNCA\b|FIOD|OFAST|DNRED|gendarmerie", re.I)
_CO_DEFENDANT = re.compile(r"\b(?:co-?defendants?|co-?accused|co-?accusée?s?|coprévenue?s?|co-prévenue?s?|medeverdachten?)\b")
_FIRM_BEFORE = re.compile(r"\b(?:société|entreprise|firme|company|firm|bedrijf|firma|vennootschap|\w+bedrijf)\s+$", re.I)
_PLACE_FIRST = re.compile(r"^[A-Z][a-z]+ (?:North|South|East|West|Central|and)\b")
# "director of A and manager of B": the second role is the subject's, A holds none over B
_COORDINATED_ROLE = re.compile(r"^\s*,?\s*(?:and|et|en|as well as|ainsi que|alsook|evenals)\s", re.I)
HELD_ROLES = {"DIRECTOR_OF", "OWNS", "EMPLOYED_BY", "WORKS_AT", "MEMBER_OF"}
# "called B from the number N", "belde hij B vanaf het nummer N": N is the caller's, not B's
_CALLED_BEFORE = re.compile(r"\b(?:call(?:ed|s)?|phoned|rang|texted|messaged|contacted|belde|belt|appte|sms'te|contacteerde"
                            r"|appel(?:é|ait|le)|contacté|joint|téléphoné à|écrit à)(?:\s+[^\s,;.:]+){0,5}\s+$",
                            re.I)
_FROM_NUMBER = re.compile(r"^\s*,?\s*(?:\S+\s+){0,2}?(?:vanaf|from|depuis)\b", re.I)


_ARTICLES = {"a", "an", "the", "his", "her", "their", "un", "une", "le", "la", "son", "sa", "een", "de", "het", "zijn", "haar"}


@cache
def _role_nouns(lang: str) -> re.Pattern[str] | None:
    rows = [row[2] for row in _rows("role_words.tsv") if len(row) >= 3 and row[0] == lang]
    return re.compile("|".join(f"(?:{r})" for r in rows), re.I) if rows else None


def singular_role(lang: str, cue: str) -> bool:
    """Whether ``cue`` (the words after a list of names) opens with a role noun in the singular:
    "A, B and C, zaakvoerder van X" names C's role alone; "both members of", "dockers at" are the list's."""
    if re.match(r"^\W*(?:a|an|un|une|een)\s", cue, re.I):
        return True  # "A, B and C, a lorry driver for X": one indefinite role is C's alone, whatever its noun
    words = [w for w in cue.replace(",", " ").split() if w.lower() not in _ARTICLES]
    nouns = _role_nouns(lang)
    if not words or nouns is None:
        return False
    first = words[0].lower()
    return bool(nouns.fullmatch(first)) and _singular(first)


def place_named(word: str) -> bool:
    """Whether ``word`` is a known place name (the place gazetteer, folded)."""
    from graph.ids import fold

    return fold(word) in place_gazetteer()


#: the source a sentence cites for what it states: "according to the NCA", "selon le parquet", "volgens het OM"
ATTRIBUTED_BEFORE = re.compile(r"\b(?:according to|selon|d['’]après|volgens)\s+(?:the\s+|le\s+|la\s+|l['’]|les\s+|het\s+|de\s+)?$",
                               re.I)


def settle(found: list[tuple[str, bool, str]], a: Ref, b: Ref, text: str) -> list[tuple[str, bool, str]]:
    """Choose among the types the rules gave one pair.

    "works at" a firm is EMPLOYED_BY (a terminal operator too), WORKS_AT is kept for ports,
    terminals and vessels; public bodies are nobody's network (no MEMBER_OF a police force).
    ``a`` and ``b`` are the two mentions in text order.
    """
    out = []
    owned = any(t == "OWNS" for t, _r, _n in found)
    if any(ATTRIBUTED_BEFORE.search(text[max(0, r.start - 25):r.start]) for r in (a, b) if not r.anaphor):
        return []  # "Volgens het OM stuurde X berichten naar Y": the body the sentence cites is no party to it
    for type_, reverse, rule in found:
        if type_ == "ASSOCIATE_OF" and owned:
            continue  # "gérant et associé unique de X": a partner in the firm, no accomplice of it
        tgt = a if reverse else b
        tgt_text = text[tgt.target_start:tgt.target_end]
        if type_ == "WORKS_AT" and tgt.type in ("COMPANY", "ORGANIZATION"):
            type_ = "EMPLOYED_BY"  # a firm employs; WORKS_AT is the port, terminal or vessel (annotation guide)
        if type_ == "ASSOCIATE_OF" and _CO_DEFENDANT.search(text[a.end:min(len(text), b.end + 80)].lower()):
            type_ = "CO_ACCUSED"  # "his co-defendant X", "A and B are co-defendants", "coaccusé de X"
        if type_ == "MEMBER_OF" and _PLACE_FIRST.match(tgt_text) and place_named(tgt_text.split()[0]):
            continue  # "(Aberdeen South)": a constituency, not a party
        if type_ == "MEMBER_OF" and AUTHORITY.search(tgt_text):
            continue
        if type_ == "MEMBER_OF" and _FIRM_BEFORE.search(text[max(0, tgt.start - 25):tgt.start]):
            continue  # "la société Eurofos, dirigée par X": a firm read as a group has no members
        if type_ in HELD_ROLES and a.type in ("COMPANY", "ORGANIZATION") and not a.anaphor \
                and _COORDINATED_ROLE.match(text[a.end:b.start]) and NOUN_OF_BEFORE.search(text[max(0, a.start - 40):a.start]):
            continue  # "administrateur de A et le gérant de B": both roles are the subject's
        if type_ in ("HAS_PHONE", "HAS_EMAIL") and not reverse and _FROM_NUMBER.match(text[a.end:b.start]) \
                and _CALLED_BEFORE.search(text[max(0, a.start - 60):a.start]):
            continue  # "belde hij B vanaf het nummer N": the caller's number
        ends = text[a.target_start:a.target_end] + " " + text[b.target_start:b.target_end]
        if type_ == "ASSOCIATE_OF" and (AUTHORITY.search(ends) or PUBLIC_BODY.search(ends)):
            continue  # "Border Force worked alongside the AFP": agencies cooperate, they are no network
        if (type_, reverse) not in {(t, r) for t, r, _n in out}:
            out.append((type_, reverse, rule))
    return out
