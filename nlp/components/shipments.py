"""``havengraph_shipments_v1``: a ``SHIPPED_IN`` relation names who shipped, received or imported a box.

The annotation guide of the extraction data reads ``SHIPPED_IN`` as "named shipper, consignee or
importer to a written container number"; texts written by people who never saw the rules annotate
it that way, and a ship that carried the box is not its shipper. The sentence and record frames
still find the ship ("discharged from the X", "Vessel: X"); this last step keeps those pairs as
weak co-mentions, so the graph still shows the box beside its ship without a typed claim. A firm whose
name the entity step cut at a hyphen ("Ferracci Import" of "Ferracci Import-Export") is kept as a co-mention too.

It also reads the shippers, consignees and importers of sentences that name no container number
("The container was consigned to X", "De ontvanger was X"): they get the box of the sentence before
(:func:`nlp.components.consignees.earlier_boxes`), also where the party is the sentence's only mention.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components import contact_ends  # noqa: F401  (registers havengraph_contact_ends_v1, run last)
from nlp.components.common import doc_text, sentence_starts
from nlp.components.consignees import earlier_boxes
from nlp.components.coreference import Ref
from nlp.components.same_party import same_party
from nlp.components.terminal_operators import terminal_operators
from nlp.components.vessel_tables import table_relations
from nlp.components.voyage_refs import ship_references

# "Ferracci Import-Export" read as "Ferracci Import": a firm's name cut at a hyphen names no firm
_CUT_NAME = re.compile(r"-[A-ZÀ-Ý]")

#: the ends a shipper relation may have: a person or firm, to a container
SHIPPERS = frozenset({"PERSON", "COMPANY"})


def _types(doc: Doc) -> dict[tuple[int, int], str]:
    types = {(s.start_char, s.end_char): s.label_ for s in doc.spans.get("hg_entities", [])}
    types.update({(h.start, h.end): h.type for h in doc._.hg_identifiers or []})
    return types


def shipper_relations(doc: Doc) -> Doc:
    """``doc`` with every ``SHIPPED_IN`` whose source is not a person or firm turned into a ``CO_MENTIONED``."""
    hits = doc._.hg_relations
    if not hits or not any(h.type == "SHIPPED_IN" for h in hits):
        return doc
    types = _types(doc)
    text = doc_text(doc)
    doc._.hg_relations = [
        dataclasses.replace(h, type="CO_MENTIONED", method="cooccurrence", confidence=0.3, rule=f"carrier:{h.rule}")
        if h.type == "SHIPPED_IN" and types.get(h.source) not in SHIPPERS else
        dataclasses.replace(h, type="CO_MENTIONED", method="cooccurrence", confidence=0.3, rule=f"cut-name:{h.rule}")
        if h.type == "SHIPPED_IN" and _CUT_NAME.match(text, h.source[1]) else h
        for h in hits
    ]
    return doc


def earlier_box_relations(doc: Doc, lang: str) -> list:  # type: ignore[type-arg]
    """``SHIPPED_IN`` hits for parties of sentences without a container number, tied to the box(es) of the
    sentence before (a ``RelationHit`` per pair, the box recorded as a resolved reference)."""
    from nlp.components.relations import RelationHit

    text = doc_text(doc)
    parties = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans.get("hg_entities", [])
                     if s.label_ in SHIPPERS)
    if not parties or not any(h.type == "CONTAINER" for h in doc._.hg_identifiers or []):
        return []
    boxes = [(h.start, h.end) for h in doc._.hg_identifiers or [] if h.type == "CONTAINER"]
    bounds = [doc[i].idx for i in sentence_starts(doc)] + [len(text)]
    out = []
    for s_start, s_end in zip(bounds, bounds[1:], strict=False):
        refs = [Ref(a, b, label, a, b) for a, b, label in parties if s_start <= a and b <= s_end]
        if not refs or any(s_start <= a < s_end for a, _ in boxes):
            continue
        for type_, i, k, rule in earlier_boxes(text, refs, set(), s_start, s_end, lang):
            party, box = refs[i], refs[k]
            out.append(RelationHit(type_, (party.start, party.end), (box.target_start, box.target_end),
                                   min(party.start, box.start), max(party.end, box.end), s_start, s_end, "rule", 0.6,
                                   rule, (((box.target_start, box.target_end), (box.start, box.end)),)))
    return out


class Shipments:
    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc = shipper_relations(doc)
        found = earlier_box_relations(doc, self.lang) + ship_references(doc, self.lang) + table_relations(doc) \
            + terminal_operators(doc, self.lang) + same_party(doc, self.lang)
        if found:
            known = {(h.type, h.source, h.target) for h in doc._.hg_relations or []}
            added = []
            for h in found:
                if (h.type, h.source, h.target) not in known:
                    known.add((h.type, h.source, h.target))
                    added.append(h)
            doc._.hg_relations = list(doc._.hg_relations or []) + added
        return doc


@Language.factory("havengraph_shipments_v1", assigns=["doc._.hg_relations"])
def make_shipments(nlp: Language, name: str) -> Shipments:
    return Shipments(nlp.lang)
