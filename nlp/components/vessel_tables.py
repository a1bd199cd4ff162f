"""Relations stated by the columns of a table: a header row names what each column holds.

A seizure record or a port-call list often gives its facts as a table ("Container | Declared goods |
Shipper | Consignee", "Vessel | Operator | Owner"); cells are split by "|", tabs or two spaces. Under
that header, each row ties:

- the firm or person in a shipper, consignee or importer column to the container number of its row
  (``SHIPPED_IN``);
- the firm or body in an operator, manager or carrier column to the ship of its row (``OPERATES``);
- the firm, body or person in an owner column to the ship of its row (``OWNS``).

The table ends at the first line with fewer cells than its header (a blank line, a sentence).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from nlp.components.common import doc_text
from nlp.components.vessels import table_cells

_HEADERS = {
    "SHIPPER": r"(?:shippers?|consignees?|importers?(?: of record)?|exporters?|receivers?|notify party|expéditeurs?"
               r"|destinataires?|importateurs?|exportateurs?|verzenders?|ontvangers?|importeurs?|exporteurs?"
               r"|geadresseerden?)(?: \(?(?:name|nom|naam)\)?)?",
    "CONTAINER": r"(?:containers?|boxe?s?|conteneurs?|containernummers?|container(?:s)? (?:no\.?|number|nr\.?|n°)"
                 r"|n° (?:de )?conteneur|numéro de conteneur)",
    "VESSEL": r"(?:vessels?|ships?|vessel name|ship name|navires?|nom du navire|schepen|schip|vaartuig|naam schip)",
    "OPERATOR": r"(?:operators?|ship ?managers?|managers?|carriers?|shipping lines?|exploitants?|gestionnaires?|armateurs?"
                r"|rederij|beheerders?|exploitanten)",
    "OWNER": r"(?:owners?|registered owners?|beneficial owners?|shipowners?|propriétaires?|eigenaars?|eigenaren)",
}
_HEADER_RE = {kind: re.compile(rf"{pattern}", re.I) for kind, pattern in _HEADERS.items()}
# column kind of the party -> (relation, column kind of the other end, types of the party, types of the other end)
_TIES = {
    "SHIPPER": ("SHIPPED_IN", "CONTAINER", {"COMPANY", "PERSON"}, {"CONTAINER"}),
    "OPERATOR": ("OPERATES", "VESSEL", {"COMPANY", "ORGANIZATION"}, {"VESSEL"}),
    "OWNER": ("OWNS", "VESSEL", {"COMPANY", "ORGANIZATION", "PERSON"}, {"VESSEL"}),
}


def _kind(cell: str) -> str | None:
    words = re.sub(r"[.:()*]+$", "", cell.strip()).strip().lower()
    return next((kind for kind, rx in _HEADER_RE.items() if rx.fullmatch(words)), None)


def _rows(text: str):  # type: ignore[no-untyped-def]
    """(line offset, line, cells, header kinds) of every row under a header that names a party column."""
    header: list[str | None] | None = None
    offset = 0
    for line in text.split("\n"):
        cells = table_cells(line)
        kinds = [_kind(line[a:b]) for a, b in cells]
        if len(cells) >= 2 and any(_TIES.get(k or "", ("", "", set(), set()))[1] in kinds for k in kinds):
            header = kinds  # a party column and the column of what it is tied to
        elif header is not None and len(cells) == len(header):
            yield offset, line, cells, header
        else:
            header = None
        offset += len(line) + 1


_EMPTY_CELL = re.compile(r"(?i)^(?:none|n/?a|unknown|nil|-+|—|–|not declared|none declared|néant|inconnu|onbekend|geen)\b")


def party_cells(doc: Doc, first_names: frozenset[str] | set[str]) -> list[Span]:
    """Firms written in a party column of such a table ("Shipper", "Operator", "Owner"): the whole cell, when it
    opens with a capital and is no given name, no "none declared"."""
    from nlp.components.organizations import classify_org

    out = []
    for offset, line, cells, header in _rows(doc_text(doc)):
        for i, kind in enumerate(header):
            if kind not in _TIES:
                continue
            a, b = cells[i]
            cell = line[a:b].strip()
            if not cell[:1].isupper() or _EMPTY_CELL.match(cell) or cell.split()[0] in first_names:
                continue
            span = doc.char_span(offset + a, offset + b, alignment_mode="contract")
            if span is None or len(span) < 2 or not span[-1].text[:1].isalnum() and span[-1].text != ".":
                continue
            out.append(Span(doc, span.start, span.end, label=classify_org(cell)[0] or "COMPANY"))
    return out


def table_relations(doc: Doc) -> list:  # type: ignore[type-arg]
    """``RelationHit`` objects for the rows of tables whose header names a party column and the column of
    what it is tied to (a container or a ship)."""
    from nlp.components.relations import RelationHit

    text = doc_text(doc)
    mentions = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get("hg_entities", [])]
    mentions += [(h.start, h.end, h.type) for h in doc._.hg_identifiers or [] if h.type == "CONTAINER"]
    out = []
    for offset, line, cells, header in _rows(text):
        def inside(col: int, types: set[str], a0: int = offset,
                   row: list[tuple[int, int]] = cells) -> list[tuple[int, int]]:
            a, b = row[col]
            return [(s, e) for s, e, t in mentions if a0 + a <= s and e <= a0 + b and t in types]

        for i, kind in enumerate(header):
            if kind not in _TIES:
                continue
            type_, other, party_types, end_types = _TIES[kind]
            for party in inside(i, party_types):
                for end in inside(header.index(other), end_types):
                    out.append(RelationHit(type_, party, end, min(party[0], end[0]), max(party[1], end[1]),
                                           offset, offset + len(line), "rule", 0.6, f"table-column:{kind.lower()}"))
    return out
