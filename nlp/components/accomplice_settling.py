"""One tie per pair and sentence: an accomplice charged with the other is ``CO_ACCUSED`` only.

The annotation guide keeps ``ASSOCIATE_OF`` for accomplices and associates who are not already
paired as ``CO_ACCUSED`` in the same sentence. The sentence rules drop the associate tie when they
find the co-accused pair themselves, but the clause runs ("A a été condamné à douze ans ; son
complice B, à huit ans") and the bullet lists add ``CO_ACCUSED`` after the sentence pass, so the
accomplice tie of "son complice" stayed beside it. This step runs last and removes it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def settle_accomplices(hits: list) -> list:  # type: ignore[type-arg]
    """The hits without an ``ASSOCIATE_OF`` whose pair a ``CO_ACCUSED`` hit already ties in a
    stretch of text that holds the associate's sentence; every other hit is kept in order."""
    co_accused = [(frozenset((h.source, h.target)), h.sent_start, h.sent_end) for h in hits if h.type == "CO_ACCUSED"]

    def paired(h) -> bool:  # type: ignore[no-untyped-def]
        pair = frozenset((h.source, h.target))
        return any(p == pair and start <= h.sent_start and h.sent_end <= end for p, start, end in co_accused)

    return [h for h in hits if h.type != "ASSOCIATE_OF" or not paired(h)]


@Language.component("havengraph_accomplices_v1")
def accomplices_component(doc: Doc) -> Doc:
    """Drop the associate ties that duplicate a co-accused pair of the same sentence."""
    if doc._.hg_relations:
        doc._.hg_relations = settle_accomplices(list(doc._.hg_relations))
    return doc
