"""Which thing an "operated by" phrase belongs to when a ship and a terminal share the sentence.

"When the ship reached the Garden City Terminal, operated by the Georgia Ports Authority, ...": the
cue reads the authority as the operator of the ship named by "the ship" earlier, while the phrase
qualifies the terminal or port named right before it. The ship's ``OPERATES`` is dropped when another
place stands between the ship's mention and the operator, joined to the operator by the phrase alone.
"""

from __future__ import annotations

import re

from nlp.components.relations import RelationHit

_PLACES = frozenset({"PORT", "LOCATION"})
_OPERATED_BY = re.compile(r",?\s*(?:which is |that is |qui est |dat wordt |die wordt )?"
                          r"(?:operated|run|managed|exploité|exploitée|géré|gérée|geëxploiteerd|beheerd)"
                          r" (?:by|par|door)(?: the| le| la| l['’]| de| het)?\s*", re.I)


def nearer_operated(hits: list[RelationHit], text: str, labels: dict[tuple[int, int], str]) -> list[RelationHit]:
    """``hits`` without each ``OPERATES`` of a ship whose operator follows a port or terminal named
    after the ship's mention, with only "operated by" between them (the phrase is that place's)."""
    places = sorted(span for span, label in labels.items() if label in _PLACES)
    out = []
    for h in hits:
        if h.type == "OPERATES" and labels.get(h.target) == "VESSEL":
            refs = [ref for _, ref in h.resolved if ref is not None]
            ship_end = max([h.target[1]] + [r[1] for r in refs])
            if ship_end <= h.source[0] and any(ship_end <= p[0] and p[1] <= h.source[0]
                                               and _OPERATED_BY.fullmatch(text[p[1]:h.source[0]]) for p in places):
                continue
        out.append(h)
    return out
