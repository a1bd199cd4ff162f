"""Names of public bodies and criminal groups, built around a head word (``data/org_words.txt``).

Agencies are named by a head noun with modifiers and a place: "Antwerp Criminal Court",
"Federal Judicial Police Antwerp", "U.S. Attorney's Office for the Eastern District of
Pennsylvania", "Tribunal judiciaire de Lille", "police judiciaire du Havre", "douane belge",
"Openbaar Ministerie Rotterdam", "correctionele rechtbank van Antwerpen". The rule takes a head
word that is capitalised (or, in French and Dutch, lower case followed by one of the usual
adjectives: ``data/org_modifiers.txt``), widens it left over capitalised words and right over
capitalised words, those adjectives and "de/du/van/of + Name", and keeps spans of two words or more.

Criminal groups are named by a capitalised word before a group noun ("the Blom organisation",
"Kinahan Organized Crime Group"), by a quoted or capitalised name after "known as" / "dite" /
"genaamd" following a group noun ("the network known as "les Quatre Vents""), or after
"member of" / "membre de" / "lid van" ("lid van De Kadewachters").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from graph.ids import fold
from nlp.components.common import EDGE_WORDS, doc_text, sentence_bounds, trim
from nlp.resources import (
    country_names,
    first_names,
    known_organizations,
    place_gazetteer,
    port_gazetteer,
    word_list,
)

MAX_TOKENS = 12
_CONNECT = frozenset("de du des d' d’ la l' l’ van of for the voor".split())
_PLACE_OF = frozenset("de du d' d’ van".split())
_MONTHS = frozenset("""January February March April May June July August September October November December""".split())
_AND = frozenset(("and", "&"))
# messaging services written before "network": no criminal group ("the EncroChat network")
_PLATFORMS = frozenset("encrochat sky ecc anom an0m signal whatsapp telegram threema matrix ghost exclu phantom".split())
# ranks written between a body and an officer's name: they end the body's name
_RANKS = frozenset("""detective sergeant inspector superintendent constable officer officers agent agents spokesman
    spokeswoman spokesperson investigator commander commissioner deputy assistant""".split())
_PERSON_HEADS = frozenset("douanier douanière prosecutor prosecutors procureur".split())
_GROUP_NOUNS = frozenset("""organisation organization organisatie gang bende bande clan cartel kartel network netwerk
    réseau syndicate crime group groep groupe mafia""".split())
_NAMED = re.compile(
    r"\b(?:gang|network|organi[sz]ation|group|cartel|clan|syndicate|bande|réseau|organisation|groupe|bende"
    r"|organisatie|netwerk|groep)\b(?:\s+\S+){0,3}?\s+(?:known as|called|dubbed|named|dite?|surnommée?|baptisée?"
    r"|appelée?|genaamd|bekend als|met de naam)\s+[\"«“'‘]?\s*((?:(?:les|le|la|los|las|de|het|the|el)\s+)?"
    r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:[A-ZÀ-Ý][\w'’-]*|du|de|des|van|of|der|del|la|le))*)")
_MEMBER = re.compile(r"\b(?:members? of|leaders? of|membres? (?:de|du|des)|lid van|leden van|leider van)\s+"
                     r"((?:(?:the|la|le|les|de|het)\s+)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)*)")


@cache
def _heads() -> frozenset[str]:
    words = frozenset(w for w in word_list("org_words.txt") if " " not in w)
    return words - _GROUP_NOUNS - _PERSON_HEADS - {"crime", "criminal", "group's"}


@cache
def _modifiers() -> frozenset[str]:
    return frozenset(word_list("org_modifiers.txt"))


def _country_after(doc: Doc, k: int, end: int) -> bool:
    """Whether the capitalised words from ``doc[k]`` name a country ("the United Kingdom", "the Netherlands")."""
    m = k
    while m < end and m - k < 4 and _cap(doc[m]):
        m += 1
    return m > k and doc[k:m].text in country_names()


def _known_after(doc: Doc, k: int, end: int) -> bool:
    """Whether a known body's name ("Douane", "Europol") stands alone from ``doc[k]``."""
    m = k
    while m < end and m - k < 4 and _cap(doc[m]):
        m += 1
    return m > k and doc[k:m].text in known_organizations() and (m >= end or not _cap(doc[m]))


def _cap(tok: Token) -> bool:
    text = tok.text
    return bool(text) and (text[0].isupper() or (text[0].isdigit() and tok.i > 0)) and not tok.is_punct


def _name_word(tok: Token) -> bool:
    if tok.text in ("'s", "’s"):  # "Prosecutor's Office", not "Europol's director"
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        prev = tok.doc[tok.i - 1].text if tok.i > 0 else ""
        # "Revenue's Customs Service": a body of its own before "'s" owns the next one
        return nxt is not None and nxt.lower_ in _heads() and prev not in known_organizations()
    if tok.like_num or tok.text in _MONTHS:
        return False
    return _cap(tok) or tok.text in ("-", "&") or tok.text.startswith(("'", "’"))


class AgencyFinder:
    def __init__(self, lang: str):
        self.lang = lang
        self.first_names = first_names()

    def _head_ok(self, doc: Doc, tok: Token) -> bool:
        if tok.lower_ not in _heads():
            return False
        if _cap(tok):
            return True
        if self.lang not in ("fr", "nl") or tok.i + 1 >= len(doc):
            return False
        nxt, prev = doc[tok.i + 1], doc[tok.i - 1] if tok.i > 0 else None
        # "police judiciaire", "le parquet de Dunkerque", "het parket van Antwerpen", "federale politie"
        if _cap(nxt) and (port_gazetteer().lookup(nxt.text) or fold(doc[tok.i + 1:tok.i + 3].text) in place_gazetteer()
                          or fold(nxt.text) in place_gazetteer()):
            return True  # "gerechtshof Den Haag", "rechtbank Rotterdam": a court named by its seat
        return (nxt.lower_ in _modifiers() or (prev is not None and prev.lower_ in _modifiers())
                or (nxt.lower_ in _PLACE_OF and tok.i + 2 < len(doc) and (_cap(doc[tok.i + 2])
                    or doc[tok.i + 2].lower_ in _modifiers()) and not doc[tok.i + 2].like_num))

    def _right(self, doc: Doc, i: int, end: int) -> int:
        j = i + 1
        while j < end and j - i < MAX_TOKENS:
            tok = doc[j]
            if tok.text in ("-", "—", "–") and tok.whitespace_:
                break
            if tok.lower_ in _RANKS or (tok.lower_ == "special" and j + 1 < end and doc[j + 1].lower_ in _RANKS):
                break  # "Garda Detective Sergeant X", "DEA Special Agent X": a rank opens the officer's name
            if tok.text in self.first_names and j > i + 1 or tok.text in self.first_names and not tok.is_upper:
                break  # "Prosecutor Loes van Wees": a title before a name
            if _name_word(tok) or tok.lower_ in _modifiers() or tok.lower_ in _heads() and _cap(doc[j - 1]):
                j += 1
                continue
            if tok.lower_ in _AND and doc[j - 1].lower_ not in _heads():
                k = self._joined_head(doc, j + 1, end)
                if k:
                    j = k  # "Garda National Drugs and Organised Crime Bureau": one body, its head after "and"
                    continue
            if tok.lower_ in _CONNECT:
                k = j
                while k < end and doc[k].lower_ in _CONNECT:
                    k += 1
                ok = k < end and k - j <= 3 and not doc[k].is_punct and not doc[k].like_num and (
                    _cap(doc[k]) or doc[k].lower_ in _heads() or (doc[k].lower_ in _modifiers() and tok.lower_ in ("d'", "d’")))
                if ok and any(t.lower_ == "the" for t in doc[j:k]) and _country_after(doc, k, end):
                    ok = False  # "National Crime Agency of the United Kingdom": the country is no part of the name
                if ok and _known_after(doc, k, end):
                    ok = False  # "Team Bijzondere Bijstand van de Douane": a known body of its own follows
                if ok and any(t.lower_ == "the" for t in doc[j:k]):
                    # "Central Narcotics Brigade of the Policia Nacional": two bodies, not one
                    m = k
                    while m < end and _name_word(doc[m]):
                        m += 1
                    ok = not any(t.lower_ in _heads() for t in doc[k:m])
                if ok:
                    j = k + 1
                    continue
            break
        return j

    @staticmethod
    def _joined_head(doc: Doc, k: int, end: int) -> int:
        """The end of a capitalised run after "and" that closes on a head word ("and Organised Crime
        Bureau"), or 0. Called only where the word before "and" is no head itself: "Kent Police and
        Border Force" are two bodies."""
        m = k
        while m < end and m - k < 4 and _cap(doc[m]) and not doc[m].like_num and doc[m].lower_ not in _RANKS:
            m += 1
        return m if m - k >= 2 and doc[m - 1].lower_ in _heads() else 0

    def _left(self, doc: Doc, i: int, floor: int) -> int:
        j = i
        while j > floor and i - j < 5 and doc[j - 1].text not in ("-", "—", "–") and (
                not doc[j - 1].is_stop or doc[j - 1].text in ("'s", "’s")) and (
                _name_word(doc[j - 1]) or doc[j - 1].lower_ in _modifiers()):
            j -= 1
        while j < i and (doc[j].lower_ in EDGE_WORDS or doc[j].is_punct or (j == floor and doc[j].is_stop)):
            j += 1
        return j

    def agencies(self, doc: Doc) -> list[Span]:
        out: list[Span] = []
        taken = -1
        for tok in doc:
            if tok.i <= taken or not self._head_ok(doc, tok):
                continue
            s_start, s_end = sentence_bounds(tok)
            left = self._left(doc, tok.i, s_start)
            right = self._right(doc, tok.i, s_end)
            while right > tok.i + 1 and (doc[right - 1].lower_ in _CONNECT or doc[right - 1].is_punct):
                right -= 1
            span = trim(Span(doc, left, right, label="ORGANIZATION"))
            if span is None or len(span) < 2 or "\n" in span.text:
                continue
            out.append(span)
            taken = right - 1
        return out

    def groups(self, doc: Doc) -> list[Span]:
        out: list[Span] = []
        for tok in doc:
            if tok.lower_ in ("organisation", "organization", "organisatie", "gang", "bende", "clan", "cartel", "network",
                              "netwerk", "syndicate") and tok.i > 0:
                prev = doc[tok.i - 1]
                adjective = prev.lower_.endswith(("ese", "ische", "aanse", "ian", "ish", "ais", "aise", "an"))
                if _cap(prev) and not prev.is_stop and not adjective and prev.i > sentence_bounds(prev)[0] \
                        and prev.lower_ not in _PLATFORMS:
                    out.append(Span(doc, prev.i, tok.i + 1, label="ORGANIZATION"))
        text = doc_text(doc)
        for pattern in (_NAMED, _MEMBER):
            for match in pattern.finditer(text):
                span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
                span = trim(Span(doc, span.start, span.end, label="ORGANIZATION")) if span is not None else None
                if span is not None and 0 < len(span) <= 6:
                    out.append(span)
        return out

    def __call__(self, doc: Doc) -> list[Span]:
        return self.agencies(doc) + self.groups(doc)
