"""``havengraph_shipments_v1``: a ``SHIPPED_IN`` relation names who shipped, received or imported a box.

The annotation guide of the extraction data reads ``SHIPPED_IN`` as "named shipper, consignee or
importer to a written container number"; texts written by people who never saw the rules annotate
it that way, and a ship that carried the box is not its shipper. The sentence and record frames
still find the ship ("discharged from the X", "Vessel: X"); this last step keeps those pairs as
weak co-mentions, so the graph still shows the box beside its ship without a typed claim.
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc

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
    doc._.hg_relations = [
        dataclasses.replace(h, type="CO_MENTIONED", method="cooccurrence", confidence=0.3, rule=f"carrier:{h.rule}")
        if h.type == "SHIPPED_IN" and types.get(h.source) not in SHIPPERS else h
        for h in hits
    ]
    return doc


@Language.factory("havengraph_shipments_v1", assigns=["doc._.hg_relations"])
def make_shipments(nlp: Language, name: str) -> object:
    return shipper_relations
