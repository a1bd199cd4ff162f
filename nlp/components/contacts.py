"""Calls and messages between two named parties: "calls between X and Y", "échanges entre X et Y",
"gesprekken tussen X en Y", and two parties that are together the subject of a contact verb:
"Kuipers and Blom spoke by telephone", "A et B ont échangé des messages", "A en B hadden contact".

The noun of a communication and "between" stand before the first name, or the verb after the
second, so the text between the two names holds only the conjunction; the cue rules, which read
that text, do not see it. The word lists are in ``data/contact_nouns.tsv`` and
``data/contact_reciprocal.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.components.coreference import Ref
from nlp.components.holder_frames import registered_holders, relative_tied_holders, tied_holders
from nlp.components.holders import holders
from nlp.components.relation_settling import ATTRIBUTED_BEFORE
from nlp.relation_rules import negated
from nlp.resources import _rows

_AND = re.compile(r"\s+(?:and|et|en|&)\s+", re.I)
_SPACES = re.compile(r"\s+")
_PARTIES = ("PERSON", "COMPANY", "PHONE", "EMAIL")


@cache
def _before(lang: str) -> re.Pattern[str] | None:
    nouns = [row[1] for row in _rows("contact_nouns.tsv") if len(row) >= 2 and row[0] == lang]
    if not nouns:
        return None
    between = {"en": "between", "fr": "entre", "nl": "tussen"}[lang]
    return re.compile(r"\b(?:" + "|".join(nouns) + r")\s+(?:[\w'’-]+\s+){0,3}?" + between + r"\s+(?:the\s+|le\s+|la\s+|de\s+)?$",
                      re.I)


@cache
def _reciprocal(lang: str) -> re.Pattern[str] | None:
    phrases = [row[1] for row in _rows("contact_reciprocal.tsv") if len(row) >= 2 and row[0] == lang]
    if not phrases:
        return None
    return re.compile(r"^,?\s*(?:[\w'’.-]+\s+){0,6}?(?:" + "|".join(phrases) + r")\b", re.I)


_CLAUSE_END = re.compile(r"[.;:!?\n]")
_WITH_NEXT = re.compile(r"^\s*(?:[\w'’-]+\s+){0,2}?(?:with|avec|met)\b(?!\s+(?:elkaar|each other|one another))", re.I)
_WITH_AFTER = re.compile(r"\b(?:with|to|from|avec|à|de|met|aan|naar|van)\s*(?:the |le |la |l'|de |het )?$", re.I)
# a preposition or a contact noun right before the first name makes the pair an object, not the subject
_OBJECT_BEFORE = re.compile(r"\b(?:with|between|to|from|of|by|avec|entre|à|de|par|met|tussen|aan|van|door)\s+$", re.I)


# between two subjects: "A, B", "A and B", "A and his cousin B" (the possessive is A's own)
_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|et|en|&))\s*(?:(?:his|her|their|son|sa|ses|leur|leurs|zijn|haar|hun)\s+"
                  r"(?:[\w'’-]+\s+){1,2}?)?", re.I)


def _subjects(text: str, refs: Sequence[Ref], i: int) -> list[int]:
    """The indices of the list of parties that starts at ``i``: "A, B and C", "A en zijn neef B"."""
    members = [i]
    k = i
    while True:
        nxt = k + 1
        while nxt < len(refs) and refs[nxt].anaphor and refs[nxt].start >= refs[k].end \
                and (refs[nxt].target_start, refs[nxt].target_end) == (refs[k].target_start, refs[k].target_end):
            nxt += 1  # the subject's own "his" of "A and his cousin B"
        if nxt < len(refs) and refs[nxt].type in _PARTIES and not refs[nxt].anaphor \
                and _GAP.fullmatch(text[refs[k].end:refs[nxt].start]):
            members.append(nxt)
            k = nxt
        else:
            return members


def _together(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
              lang: str, done: set[tuple[int, int]] | None = None) -> list[tuple[str, int, int, str]]:
    """``("CONTACTED", i, j, rule)`` for a list of parties that is the subject of a reciprocal contact verb.
    A pair another rule typed otherwise (co-accused, kin) may be in contact all the same: only the pairs in
    ``done`` (already in contact) are skipped; ``typed`` gets the new pairs."""
    verb = _reciprocal(lang)
    if verb is None:
        return []
    done = typed if done is None else done
    out = []
    i = 0
    while i < len(refs):
        members = _subjects(text, refs, i) if refs[i].type in _PARTIES and not refs[i].anaphor else [i]
        j = members[-1]
        if j > i and not _OBJECT_BEFORE.search(text[max(s_start, refs[i].start - 20):refs[i].start]):
            rest = text[refs[j].end:]
            clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
            # the body the sentence cites ("A en B hadden volgens het OM contact") is no third party
            nxt = [r.start for r in refs[j + 1:] if not ATTRIBUTED_BEFORE.search(text[max(0, r.start - 25):r.start])]
            third = bool(nxt) and nxt[0] - refs[j].end < len(clause)
            if third:
                clause = clause[:max(0, nxt[0] - refs[j].end)]
            words = _SPACES.sub(" ", clause.lower())
            found = verb.match(words)
            # "A and B were in contact with C": the verb ties them to a third party, not to each other
            if found and (third and _WITH_AFTER.search(words[found.end():]) or _WITH_NEXT.match(words[found.end():])):
                found = None  # "A and B were in close contact with police": someone else, named or not
            if found and not negated(lang, words[:found.end()]):
                for n, x in enumerate(members):
                    for y in members[n + 1:]:
                        if (x, y) not in done and refs[x].type in ("PERSON", "COMPANY") and refs[y].type in ("PERSON", "COMPANY"):
                            typed.add((x, y))
                            done.add((x, y))
                            out.append(("CONTACTED", x, y, f"{lang}:contact-together"))
        i = j + 1
    return out


@cache
def _from_to(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """("calls from" before the first party, "to" between the two): "messages from X to Y", "appels de X à Y"."""
    nouns = [row[1] for row in _rows("contact_nouns.tsv") if len(row) >= 2 and row[0] == lang]
    words = {"en": (r"from", r"to"), "fr": (r"de|d'|d’", r"à|vers"), "nl": (r"van", r"aan|naar")}.get(lang)
    if not nouns or words is None:
        return None
    before = re.compile(r"\b(?:" + "|".join(nouns) + r")\s+(?:[\w'’-]+\s+){0,2}?(?:" + words[0] + r")\s*$", re.I)
    return before, re.compile(r"\s*(?:" + words[1] + r")\s+(?:the\s+|le\s+|la\s+|de\s+)?", re.I)


def _sent_from_to(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                  lang: str) -> list[tuple[str, int, int, str]]:
    """``("CONTACTED", i, i + 1, rule)`` for "calls from X to Y", "berichten van X aan Y"."""
    found = _from_to(lang)
    if found is None:
        return []
    before, between = found
    return _adjacent_pairs(text, refs, typed, s_start, before, between, f"{lang}:contact-from-to")


def _adjacent_pairs(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                    before: re.Pattern[str], between: re.Pattern[str], rule: str) -> list[tuple[str, int, int, str]]:
    """``("CONTACTED", i, i + 1, rule)`` for two named parties next to each other when the text between them
    is all ``between`` and ``before`` ends the text just before the first ("calls between X and Y")."""
    out = []
    for i in range(len(refs) - 1):
        a, b = refs[i], refs[i + 1]
        if a.type not in _PARTIES or b.type not in _PARTIES or (i, i + 1) in typed or a.anaphor or b.anaphor:
            continue
        if between.fullmatch(text[a.end:b.start]) and before.search(text[max(s_start, a.start - 80):a.start]):
            typed.add((i, i + 1))
            out.append(("CONTACTED", i, i + 1, rule))
    return out


# Dutch inversion: "Volgens het OM stuurde X vanaf het nummer ... berichten naar Y" -- the verb before the sender
_NL_VERB_BEFORE = re.compile(r"\b(?:stuurde|stuurden|verstuurde|zond|stuurt|belde|belden|appte|appten|mailde|sms'te"
                             r"|wisselde|wisselden)\s+$", re.I)
_NL_TO = re.compile(r"^\s*(?:[\w'’.+-]+\s+){0,6}?(?:(?:versleutelde\s+)?(?:berichten|bericht|sms'jes|sms|mails?|e-mails?)"
                    r"(?:\s+[\w'’-]+){0,2}?\s+)?(?:naar|aan|met)\s+$", re.I)


def _inverted(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
              lang: str) -> list[tuple[str, int, int, str]]:
    """``("CONTACTED", i, j, rule)`` for Dutch sentences that put the verb before the sender."""
    if lang != "nl":
        return []
    out = []
    for i, a in enumerate(refs[:-1]):
        if a.type != "PERSON" or a.anaphor or not _NL_VERB_BEFORE.search(text[max(s_start, a.start - 20):a.start]):
            continue
        for j in range(i + 1, len(refs)):
            b = refs[j]
            if b.type == "PERSON":
                if not b.anaphor and (i, j) not in typed and _NL_TO.match(
                        re.sub(r"\s+", " ", text[a.end:b.start])) and not negated(lang, text[a.end:b.start].lower()):
                    typed.add((i, j))
                    out.append(("CONTACTED", i, j, f"{lang}:contact-inverted"))
                break
    return out


# "calls placed from X's phone, N, to Y", "messages from X's handset to Y": the owner of the phone is the caller
_FROM_OWNER_BEFORE = re.compile(r"\b(?:calls?|messages?|texts?|text messages|e-mails?|emails?|sms)\s+(?:\S+\s+){0,2}?from\s+$", re.I)
_OWNERS_PHONE_TO = re.compile(r"(?:'s|’s)\s+(?:\S+\s+)?(?:phone|handset|mobile|number|line|device|account|address)\s*,?\s*"
                              r"(?:\S*\s*,\s*)?to\s+(?:the\s+)?", re.I)


def _from_owners_phone(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                       lang: str) -> list[tuple[str, int, int, str]]:
    """``("CONTACTED", i, j, rule)`` for "calls placed from X's phone, N, to Y" (English)."""
    if lang != "en":
        return []
    out = []
    for i, a in enumerate(refs[:-1]):
        if a.type != "PERSON" or a.anaphor or not _FROM_OWNER_BEFORE.search(text[max(s_start, a.start - 40):a.start]):
            continue
        j = i + 1
        while j < len(refs) and refs[j].type in ("PHONE", "EMAIL"):
            j += 1  # the number of the phone, named in between
        if j >= len(refs) or refs[j].type not in ("PERSON", "COMPANY") or refs[j].anaphor or (i, j) in typed:
            continue
        gap = text[a.end:refs[j].start]
        for k in range(i + 1, j):  # the identifier stands for a word of the gap
            gap = gap.replace(text[refs[k].start:refs[k].end], "N")
        before = text[max(s_start, a.start - 40):a.start].lower()
        if _OWNERS_PHONE_TO.fullmatch(gap) and not negated(lang, before) and not re.search(r"\bno\b", before):
            typed.add((i, j))
            out.append(("CONTACTED", i, j, f"{lang}:contact-from-owners-phone"))
    return out


def contact_pairs(text: str, refs: Sequence[Ref], typed: set[tuple[int, int]], s_start: int,
                  lang: str, done: set[tuple[int, int]] | None = None) -> list[tuple[str, int, int, str]]:
    """``("CONTACTED", i, j, rule)`` for two parties joined by "and" after a communication noun and "between",
    or before a reciprocal contact verb (:func:`_together`); the holders of identifiers named by a noun
    before them come along (:func:`nlp.components.holders.holders`)."""
    out = (_together(text, refs, typed, s_start, lang, done) + holders(text, refs, typed, s_start, lang)
           + tied_holders(text, refs, typed, s_start, lang) + registered_holders(text, refs, typed, s_start, lang)
           + relative_tied_holders(text, refs, typed, s_start, lang)
           + _sent_from_to(text, refs, typed, s_start, lang) + _inverted(text, refs, typed, s_start, lang)
           + _from_owners_phone(text, refs, typed, s_start, lang))
    before = _before(lang)
    if before is None:
        return out
    return out + _adjacent_pairs(text, refs, typed, s_start, before, _AND, f"{lang}:contact-between")
