"""``havengraph_contact_ends_v1``: a stated contact is between two named parties, never a bare number.

Cue rules read "the number X, used by A, called Y" or a "Cc:" line holding only an address as a
contact of the number or address itself. The annotation guide counts calls and messages between
named parties, so each end of a ``CONTACTED`` hit that is a phone number or an e-mail address is
replaced by its holder where a ``HAS_PHONE``/``HAS_EMAIL`` hit ties one to it inside the same
evidence sentence (the sentence still names both ends); a contact whose end has no holder there is
dropped, since it would name no party.

Two cue readings are undone here as well (words in ``contact_speech.tsv``): a party that only
*said* something to a body ("Prosecutor X told NOS") made no call to it, and a party whose clause
reports another person's call ("Gardaí say Rossiter phoned Gudaitis": two words before the verb let
the cue reach back past Rossiter) is not the caller.

A number is not given to the person called: a holder that is the object of a call verb standing
near it ("belde hij met Kevin S. via het nummer X", "met Andriy K., via het nummer X dat hij gebruikte"), or one named
only by an object pronoun ("Delacourt l'a appelé depuis le +32 ..."), loses the ``HAS_PHONE`` /
``HAS_EMAIL`` the cue gave it. An identifier held "in the name of Ainscough's partner, Leanne
Mayhew" is Mayhew's, not the possessor's.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.common import doc_text
from nlp.components.operator_ends import nearer_operated
from nlp.components.relations import RelationHit
from nlp.resources import cues

_HOLDS = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL"}
_HELD = frozenset({"HAS_PHONE", "HAS_EMAIL", "HAS_ACCOUNT"})


def settle_contact_ends(hits: list[RelationHit], identifiers: dict[tuple[int, int], str]) -> list[RelationHit]:
    """``hits`` with every ``CONTACTED`` end that is an identifier span put on its holder in the same
    sentence, and the contacts left with an unheld identifier end (or with one party twice) removed."""
    holders: dict[tuple[int, int], list[RelationHit]] = {}
    for h in hits:
        if h.type in _HOLDS.values():
            holders.setdefault(h.target, []).append(h)
    out: list[RelationHit] = []
    for h in hits:
        if h.type != "CONTACTED" or (h.source not in identifiers and h.target not in identifiers):
            out.append(h)
            continue
        ends = []
        for end in (h.source, h.target):
            if end not in identifiers:
                ends.append(end)
                continue
            held = [g.source for g in holders.get(end, [])
                    if g.type == _HOLDS[identifiers[end]] and h.sent_start <= g.source[0] and g.source[1] <= h.sent_end]
            ends.append(held[0] if len(set(held)) == 1 else None)
        src, tgt = ends
        if src is None or tgt is None or src == tgt:
            continue
        out.append(RelationHit(h.type, src, tgt, h.start, h.end, h.sent_start, h.sent_end, h.method,
                               h.confidence, h.rule + "+holder", h.resolved))
    return out


_ARTICLE = re.compile(r"\s+(?:the|le|la|les|l['’]|het|de|au|aux)$")
_PLAIN_WORDS = re.compile(r"[a-zà-ÿ'’-]+(?: [a-zà-ÿ'’-]+){0,2}")


def _misread(hit: RelationHit, text: str, labels: dict[tuple[int, int], str], lang: str) -> bool:
    """True when a cue's ``CONTACTED`` pair is a statement to a body, or when a person standing
    between the two after plain words (no list word) is the one who made the contact."""
    if ":CONTACTED:" not in hit.rule:
        return False
    first, second = sorted((hit.source, hit.target))
    words = " ".join(text[first[1]:second[0]].lower().split())
    if labels.get(second) == "ORGANIZATION":
        spoken = _ARTICLE.sub("", words)
        if any(spoken == p or spoken.endswith(" " + p) for p in cues("contact_speech.tsv", lang, "statement")):
            return True
    if _NAMING_CALL.search(words) and _NAMING_AFTER.match(text[second[1]:second[1] + 40].lower()):
        return True  # "called Ben Cole a liar", "called X as a witness": a name given, not a phone call
    if _SENT.search(words) and _SENT_AWAY.match(text[second[1]:second[1] + 30].lower()):
        return True  # "the judge sent Smith to prison", "sent Kelly back": a person sent somewhere, no message
    inner = sorted(span for span, label in labels.items()
                   if label == "PERSON" and first[1] <= span[0] and span[1] <= second[0])
    if not inner:
        return False
    gap = " ".join(text[first[1]:inner[0][0]].lower().split())
    return bool(_PLAIN_WORDS.fullmatch(gap)) and gap not in cues("contact_speech.tsv", lang, "join")


_NAMING_CALL = re.compile(r"\b(?:called|calls|call|calling|had called)(?: the| his| her)?$")
_NAMING_AFTER = re.compile(r"^,?\s+(?:as (?:a |an |the |his |her )?(?:[\w-]+ )?witness|an? (?:[\w-]+ )?(?:liar|fraud|thief"
                           r"|criminal|cheat|snitch|rat|grass|informant|informer|traitor|idiot|hero|genius|mastermind|boss"
                           r"|friend|brother)\b)")


_SENT = re.compile(r"\bsent$")
_SENT_AWAY = re.compile(r"^,?\s+(?:to|back|away|home|abroad|down|off|into|out|for|on)\b")


_OBJECT_PRONOUNS = frozenset({"l'", "l’", "le", "la", "les", "lui", "hem", "haar", "him", "her"})


_ON_THEIR = re.compile(r"\s*(?:on|at|sur|op) (?:his|her|their|son|sa|leur|zijn|haar|hun) (?:[\w-]+ ){0,2}?"
                       r"(?:mobile|phone|number|cell|line|portable|téléphone|numéro|ligne|gsm|telefoon|nummer)\b")


def _callee_holds(hit: RelationHit, text: str, lang: str,
                  labels: dict[tuple[int, int], str] | None = None) -> bool:
    """True when a cue's ``HAS_PHONE``/``HAS_EMAIL`` holder is the person called, not the caller, or
    when the number follows "called B on his mobile" (the caller or B: the text does not say)."""
    if f":{hit.type}:" not in hit.rule:
        return False
    if any(ref is not None and text[ref[0]:ref[1]].lower() in _OBJECT_PRONOUNS for _, ref in hit.resolved):
        return True
    if hit.source[1] > hit.target[0]:
        return False
    if labels is not None and any(
            label == "PERSON" and hit.source[1] < span[0] and span[1] <= hit.target[0]
            and _ON_THEIR.match(text[span[1]:hit.target[0]]) for span, label in labels.items()):
        return True  # "Walsh called Byrne on his mobile, X": whose mobile the text leaves open
    gap = re.findall(r"[\w'’-]+", text[hit.source[1]:hit.target[0]].lower())
    before = re.findall(r"[\w'’-]+", text[hit.sent_start:hit.source[0]].lower())
    return bool(before) and before[-1] in cues("contact_speech.tsv", lang, "object") \
        and any(w in cues("contact_speech.tsv", lang, "call") for w in before[-6:] + gap)


_POSSESSED = re.compile(r"(?:'s|’s) (?:[a-z-]+ ){0,2}?[a-z-]+, $")


def _possessor_holds(hit: RelationHit, text: str, labels: dict[tuple[int, int], str]) -> RelationHit | None:
    """``hit`` unchanged, or, when its holder named after the identifier is only a possessor ("held in
    the name of Ainscough's partner, Leanne Mayhew"), the hit given to the person in apposition to the
    possessed noun; ``None`` when no such person is named in the sentence."""
    if hit.type not in _HELD or hit.source[0] < hit.target[1] or not text[hit.source[1]:].startswith(("'s ", "’s ")):
        return hit
    for span in sorted(labels):
        if labels[span] == "PERSON" and span[0] > hit.source[1] and span[1] <= hit.sent_end \
                and _POSSESSED.fullmatch(text[hit.source[1]:span[0]]):
            return RelationHit(hit.type, span, hit.target, hit.start, max(hit.end, span[1]), hit.sent_start,
                               hit.sent_end, hit.method, hit.confidence, hit.rule + "+possessed", hit.resolved)
    return None


class ContactEnds:
    """Runs last, once every cue has spoken: the end checks above, and :func:`nearer_operated`."""

    def __call__(self, doc: Doc) -> Doc:
        hits = list(doc._.hg_relations or [])
        if not hits:
            return doc
        text, lang = doc_text(doc), doc.lang_
        labels = {(s.start_char, s.end_char): s.label_ for s in doc.spans.get("hg_entities", [])}
        hits = [h for h in hits if h.type not in _HOLDS.values() or not _callee_holds(h, text, lang, labels)]
        identifiers = {(i.start, i.end): i.type for i in doc._.hg_identifiers or [] if i.type in _HOLDS}
        hits = nearer_operated(hits, text, labels)
        hits = [g for g in (_possessor_holds(h, text, labels) for h in hits) if g is not None]
        hits = [h for h in hits if h.type != "CONTACTED" or not _misread(h, text, labels, lang)]
        doc._.hg_relations = settle_contact_ends(hits, identifiers)
        return doc


@Language.factory("havengraph_contact_ends_v1", assigns=["doc._.hg_relations"])
def make_contact_ends(nlp: Language, name: str) -> ContactEnds:
    return ContactEnds()
