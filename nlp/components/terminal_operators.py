"""``OPERATES`` for a firm that runs "the terminal" or "the dock" named before: "X, which runs the dock",
"the company that runs the container berth at Tilbury", "X, qui exploite le terminal", "Le terminal est
exploité par X".

The terminal is the port named right after the noun ("at Tilbury") or else the last terminal, dock or quay
the text named before it (within 1,500 characters; a city's port is not "the terminal"). A negation in the
clause blocks it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.components.common import doc_text
from nlp.components.same_place import TERMINAL_NAME
from nlp.relation_rules import negated

_PLACE = r"(?:(?:container|fruit|reefer|ro-ro|bulk|conteneurs?|fruitier) )?(?:terminal|dock|docks|berth|quay|wharf|quai|bassin)"
# firm first: the clause after the firm's name (lower case)
_ACTIVE = {
    "en": re.compile(r"^,? ?(?:(?:which|that) |the (?:company|firm|operator) (?:which|that) )?(?:also |now |still )?"
                     r"(?:runs|ran|operates|operated|manages|managed) the " + _PLACE + r"\b"),
    "fr": re.compile(r"^,? ?(?:qui |la société qui )?(?:exploite|exploitait|gère|gérait|opère|opérait) (?:le |la |l['’])"
                     + _PLACE + r"\b"),
}
# terminal first: "the terminal is operated by X", "le terminal est exploité par X" (lower case, right before the firm)
_PASSIVE = {
    "en": re.compile(r"\bthe " + _PLACE + r" (?:is|was|has been|had been) (?:operated|run|managed) by (?:the )?$"),
    "fr": re.compile(r"\b(?:le|la|ce) " + _PLACE + r" (?:est|était|a été) (?:exploitée?|gérée?|opérée?) par (?:la société |l['’]entreprise )?$"),
}
_AT = re.compile(r"^ (?:at|in|of|à|au|de|du) (?:the |le |la |l['’])?(?:port of |port de |port du )?$")
MAX_BACK = 1500


def terminal_operators(doc: Doc, lang: str) -> list:  # type: ignore[type-arg]
    """``RelationHit`` objects for firms that run the terminal named before (or right after the noun)."""
    from nlp.components.relations import RelationHit

    active, passive = _ACTIVE.get(lang), _PASSIVE.get(lang)
    if active is None or passive is None:
        return []
    text = doc_text(doc)
    spans = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans.get("hg_entities", []))
    ports = [(a, b) for a, b, t in spans if t == "PORT"]
    out = []
    for a, b, label in spans:
        if label not in ("COMPANY", "ORGANIZATION"):
            continue
        sent = next((s for s in doc.sents if s.start_char <= a < s.end_char), None)
        if sent is None:
            continue
        after = text[b:sent.end_char].lower()
        before = text[max(sent.start_char, a - 80):a].lower()
        m = active.match(after)
        clause_end = b + (m.end() if m else 0)
        if m is None:
            m2 = passive.search(before)
            if m2 is None:
                continue
            clause_start = a - (len(before) - m2.start())
        else:
            clause_start = a
        if negated(lang, text[clause_start:clause_end].lower()):
            continue
        # the port named right after the noun ("runs the container berth at Tilbury"), else the last one before
        nxt = next(((p, q) for p, q in ports if p >= clause_end), None) if m is not None else None
        target = nxt if nxt is not None and _AT.match(text[clause_end:nxt[0]].lower()) else None
        if target is None:
            # only a port whose name says terminal, dock or quay: "the terminal" is no city's port
            before_ports = [(p, q) for p, q in ports if q <= min(a, clause_start) and min(a, clause_start) - q <= MAX_BACK
                            and TERMINAL_NAME.search(text[p:q])]
            target = before_ports[-1] if before_ports else None
        if target is None:
            continue
        inside = sent.start_char <= target[0] and target[1] <= sent.end_char
        reference = (clause_start, clause_end) if clause_start < a else (b, clause_end)
        out.append(RelationHit("OPERATES", (a, b), target, min(a, target[0]) if inside else min(a, reference[0]),
                               max(b, target[1]) if inside else max(b, reference[1]), sent.start_char, sent.end_char,
                               "rule", 0.6, f"{lang}:terminal-operator", () if inside else ((target, reference),)))
    return out
