"""``havengraph_contact_ends_v1``: a stated contact is between two named parties, never a bare number.

Cue rules read "the number X, used by A, called Y" or a "Cc:" line holding only an address as a
contact of the number or address itself. The annotation guide counts calls and messages between
named parties, so each end of a ``CONTACTED`` hit that is a phone number or an e-mail address is
replaced by its holder where a ``HAS_PHONE``/``HAS_EMAIL`` hit ties one to it inside the same
evidence sentence (the sentence still names both ends); a contact whose end has no holder there is
dropped, since it would name no party.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.relations import RelationHit

_HOLDS = {"PHONE": "HAS_PHONE", "EMAIL": "HAS_EMAIL"}


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


class ContactEnds:
    def __call__(self, doc: Doc) -> Doc:
        hits = list(doc._.hg_relations or [])
        if not any(h.type == "CONTACTED" for h in hits):
            return doc
        identifiers = {(i.start, i.end): i.type for i in doc._.hg_identifiers or [] if i.type in _HOLDS}
        doc._.hg_relations = settle_contact_ends(hits, identifiers)
        return doc


@Language.factory("havengraph_contact_ends_v1", assigns=["doc._.hg_relations"])
def make_contact_ends(nlp: Language, name: str) -> ContactEnds:
    return ContactEnds()
