"""One tie per pair and sentence: an accomplice charged with the other is ``CO_ACCUSED`` only.

The annotation guide keeps ``ASSOCIATE_OF`` for accomplices and associates who are not already
paired as ``CO_ACCUSED`` in the same sentence. The sentence rules drop the associate tie when they
find the co-accused pair themselves, but the clause runs ("A a été condamné à douze ans ; son
complice B, à huit ans") and the bullet lists add ``CO_ACCUSED`` after the sentence pass, so the
accomplice tie of "son complice" stayed beside it. This step runs last and removes it.

It also reads kin named as a group for Dutch, which has no parser to call
:func:`nlp.components.kin_lists.kin_pairs` from: "De broers A en B", "A (54) en B (29), vader en
zoon", "A en B, zijn zwager, ..." give ``FAMILY_OF`` to the pairs that no rule typed so already.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.common import doc_text, sentence_starts
from nlp.components.coreference import Ref
from nlp.components.kin_lists import kin_pairs


def settle_accomplices(hits: list) -> list:  # type: ignore[type-arg]
    """The hits without an ``ASSOCIATE_OF`` whose pair a ``CO_ACCUSED`` hit already ties in a
    stretch of text that holds the associate's sentence; every other hit is kept in order."""
    co_accused = [(frozenset((h.source, h.target)), h.sent_start, h.sent_end) for h in hits if h.type == "CO_ACCUSED"]

    def paired(h) -> bool:  # type: ignore[no-untyped-def]
        pair = frozenset((h.source, h.target))
        return any(p == pair and start <= h.sent_start and h.sent_end <= end for p, start, end in co_accused)

    return [h for h in hits if h.type != "ASSOCIATE_OF" or not paired(h)]


def kin_groups_without_parser(doc: Doc, hits: list) -> list:  # type: ignore[type-arg]
    """``FAMILY_OF`` hits for kin named as a group in the sentences of a Dutch text (no parser reads them)."""
    from nlp.components.relations import RelationHit

    text = doc_text(doc)
    refs = sorted((Ref(s.start_char, s.end_char, s.label_, s.start_char, s.end_char)
                   for s in doc.spans.get("hg_entities", []) if any(c.isalpha() for c in s.text)),
                  key=lambda r: (r.start, r.end))
    typed = {frozenset((h.source, h.target)) for h in hits if h.type == "FAMILY_OF"}
    bounds = [doc[k].idx for k in sentence_starts(doc)] + [len(text)]
    out = []
    for s_start, s_end in zip(bounds, bounds[1:], strict=False):
        for i, j in kin_pairs(text, refs, s_start, s_end, "nl"):
            a, b = refs[i], refs[j]
            pair = frozenset(((a.start, a.end), (b.start, b.end)))
            if pair in typed or (a.start, a.end) == (b.start, b.end):
                continue
            typed.add(pair)
            out.append(RelationHit("FAMILY_OF", (a.start, a.end), (b.start, b.end), a.start, b.end, s_start, s_end,
                                   "rule", 0.7, "nl:kin-group"))
    return out


def possessor_not_charged(doc: Doc, hits: list) -> list:  # type: ignore[type-arg]
    """An accomplice tie made ``CO_ACCUSED`` because its sentence charges people is dropped when one end only names
    whose partner the other is ("A's partner, B, and C were charged": A is not charged; the development gold holds
    no associate tie there either)."""
    text = doc_text(doc)
    out = []
    for h in hits:
        ends = sorted({h.source, h.target})
        if h.type == "CO_ACCUSED" and h.rule.endswith("co-accused-accomplice") and not h.resolved and len(ends) == 2 \
                and text[ends[0][1]:ends[0][1] + 2] in ("'s", "’s"):
            continue
        out.append(h)
    return out


@Language.component("havengraph_accomplices_v1")
def accomplices_component(doc: Doc) -> Doc:
    """Drop the associate ties that duplicate a co-accused pair of the same sentence; read Dutch kin groups."""
    if doc.lang_ == "nl" and doc.spans.get("hg_entities"):
        doc._.hg_relations = list(doc._.hg_relations or []) + kin_groups_without_parser(doc, list(doc._.hg_relations or []))
    if doc._.hg_relations:
        doc._.hg_relations = settle_accomplices(possessor_not_charged(doc, list(doc._.hg_relations)))
    return doc
