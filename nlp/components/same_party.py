"""``SHIPPED_IN`` for a box sent "by the same exporter" / "van dezelfde verzender" / "par le même expéditeur":
the firm named earlier in the text with that role (a shipping verb or role noun right before its name) is
the party of this box too.

Shippers and consignees are told apart: "the same exporter" looks back for "shipped by X" or "shipper X",
"the same consignee" for "consigned to X" or "consignee X". The last such firm before the sentence wins;
none, no relation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.components.common import doc_text

_SAME = {
    "en": re.compile(r"\b(?:by|from|of|to) the same (?:[\w-]+ )?(?P<role>exporter|shipper|consignee|importer|receiver)\b", re.I),
    "fr": re.compile(r"\b(?:par|du|de|au|à) (?:le |la |l['’])?même (?:[\w-]+ )?(?P<role>expéditeur|exportateur|destinataire"
                     r"|importateur)\b", re.I),
    "nl": re.compile(r"\b(?:van|door|aan|voor) dezelfde (?:[\w-]+ )?(?P<role>verzender|exporteur|ontvanger|importeur"
                     r"|geadresseerde)\b", re.I),
}
_SENDERS = {"exporter", "shipper", "expéditeur", "exportateur", "verzender", "exporteur"}
# the words right before a firm's name that give it the role
_ROLE_BEFORE = {
    "send": re.compile(r"(?:\b(?:shipped|exported|sent|dispatched|expédiée?s?|exportée?s?|verscheept|verzonden|geëxporteerd)"
                       r" (?:\w+ ){0,2}?(?:by|par|door)|\b(?:shipper|exporter|expéditeur|exportateur|verzender|exporteur)s?\b"
                       r"[^.;\n]{0,30}?)\s*(?:the |la |le |l['’]|de |het |la société |het bedrijf )?$", re.I),
    "receive": re.compile(r"(?:\b(?:consigned|addressed|destined|destinée?s?|adressée?s?|bestemd|geadresseerd) (?:\w+ ){0,2}?"
                          r"(?:to|for|à|voor|aan)|\b(?:consignee|importer|receiver|destinataire|importateur|ontvanger"
                          r"|importeur|geadresseerde)s?\b[^.;\n]{0,30}?)\s*(?:the |la |le |l['’]|de |het |la société "
                          r"|het bedrijf )?$", re.I),
}


_STOP = re.compile(r"[.;!?]\s")


def same_party(doc: Doc, lang: str) -> list:  # type: ignore[type-arg]
    """``RelationHit`` objects tying the box of a "same exporter / consignee" sentence to that earlier firm."""
    from nlp.components.relations import RelationHit

    pattern = _SAME.get(lang)
    boxes = [(h.start, h.end) for h in doc._.hg_identifiers or [] if h.type == "CONTAINER"]
    if pattern is None or not boxes:
        return []
    text = doc_text(doc)
    firms = sorted((s.start_char, s.end_char) for s in doc.spans.get("hg_entities", []) if s.label_ == "COMPANY")
    out = []
    for sent in doc.sents:
        for match in pattern.finditer(text, sent.start_char, sent.end_char):
            kind = "send" if match.group("role").lower() in _SENDERS else "receive"
            earlier = [f for f in firms if f[1] <= match.start()
                       and _ROLE_BEFORE[kind].search(text[max(0, f[0] - 60):f[0]])]
            # the box of the same clause (a sentence the splitter left whole may hold the first box too)
            in_sent = [b for b in boxes if sent.start_char <= b[0] and b[1] <= sent.end_char
                       and not _STOP.search(text[min(b[1], match.end()):max(b[0], match.start())])]
            if not earlier or len(in_sent) != 1:
                continue
            firm, box = earlier[-1], in_sent[0]
            span = (sent.start_char + match.start() - sent.start_char, match.end())
            out.append(RelationHit("SHIPPED_IN", firm, box, min(box[0], span[0]), max(box[1], span[1]),
                                   sent.start_char, sent.end_char, "rule", 0.6, f"{lang}:same-party",
                                   ((firm, span),)))
    return out
