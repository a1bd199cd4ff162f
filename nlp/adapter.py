"""The one place where spaCy output becomes the graph's model: ``Doc`` chunks -> :class:`Extraction`.

Mentions are grouped into entities by a normalised key per type (a port by its UN/LOCODE, a
person by the set of name words so that "VAN AKEN Jordy" is "Jordy Van Aken", a firm without
its legal form, a short surname by the full name it ends). Identifiers are attached where the
text puts them: an IMO or MMSI to the vessel named next to it, a VAT number or LEI to the
nearest firm, a LOCODE to the port it follows. Phones, e-mails, accounts and containers are
entities of their own (``valid`` kept as a property).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.identifiers import REGISTRY
from graph.ids import entity_id, fold
from graph.model import Document, Entity, Evidence, Extraction, IdentifierMention, Mention, Relation
from graph.schema import SCHEMA
from nlp.components.organizations import classify_org
from nlp.resources import port_gazetteer

VERSION = "1.0"
EXTRACTOR = {"rule": f"havengraph.relations@{VERSION}", "dependency": f"havengraph.relations@{VERSION}",
             "cooccurrence": f"havengraph.cooccurrence@{VERSION}"}
IDENTIFIER_NODE = {"PHONE": "PHONE", "EMAIL": "EMAIL", "IBAN": "BANK_ACCOUNT", "CONTAINER": "CONTAINER"}
_VESSEL_PREFIXES = ("MV ", "M/V ", "M.V. ", "MT ", "M/T ", "MS ", "SS ", "FV ")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    type: str
    locode: str = ""
    key: tuple[Any, ...] = ()
    part_of: str = ""  # the UN/LOCODE of the port a terminal, pier or basin belongs to


@dataclass
class _Group:
    type: str
    mentions: list[_Mention] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)


#: surname particles: "Van Damme" is one surname, the one of "Joris van Damme"
_PARTICLES = frozenset({"van", "de", "der", "den", "ten", "ter", "het", "le", "la", "du", "des", "von", "di", "da", "del",
                        "dos", "das", "el", "al"})


def _words(text: str) -> frozenset[str]:
    """The words of a name that tell it apart; a name of initials only ("K.D.") is its letters together,
    so that "K.D." and "M.B." stay two people."""
    words = frozenset(w for w in fold(text).replace(".", " ").split() if len(w) > 1)
    return words or frozenset({"".join(fold(text).replace(".", " ").split())})


def _key(m: _Mention) -> tuple[Any, ...]:
    if m.type == "PORT" and m.locode:
        return ("PORT", m.locode)
    if m.type == "PERSON":
        return ("PERSON", _words(m.text))
    text = m.text
    if m.type == "VESSEL":
        for prefix in _VESSEL_PREFIXES:
            if text.upper().startswith(prefix):
                text = text[len(prefix):]
    if m.type == "COMPANY":
        words = text.split()
        if len(words) > 1 and classify_org(words[-1])[0] == "COMPANY" and classify_org(words[-1])[1] and \
                words[-1].lower() not in ("logistics", "shipping", "transport"):
            text = " ".join(words[:-1])
    return (m.type, fold(text))


def _stray_period(text: str) -> bool:
    """A sentence's full stop glued to a name by the tokenizer ("Blauwhoeve Logistics BV.")."""
    if not text.endswith(".") or len(text) < 3:
        return False
    last = text.split()[-1]
    return len(last) > 2 and last.count(".") == 1 and last not in _DOTTED_FORMS


_DOTTED_FORMS = {"Inc.", "Ltd.", "Co.", "Corp.", "Lda.", "Bros.", "St.", "Jr.", "Sr."}


def _collect(chunks: Sequence[tuple[int, Any]]) -> tuple[list[_Mention], list[Any], list[Any]]:
    """Mentions, identifier hits and relation hits of all chunks, offsets into the document."""
    from nlp.components.relations import RelationHit
    from nlp.identifiers import IdentifierHit

    mentions: list[_Mention] = []
    idents: list[IdentifierHit] = []
    relations: list[RelationHit] = []
    for offset, doc in chunks:
        moved: dict[tuple[int, int], tuple[int, int]] = {}
        for s in doc.spans.get("hg_entities", []):
            text, end = s.text, s.end_char
            if _stray_period(text):
                text, end = text[:-1], end - 1
                moved[(s.start_char, s.end_char)] = (s.start_char, end)
            kb = s.kb_id_
            part_of = kb[len("part-of:"):] if kb.startswith("part-of:") else ""
            locode = "" if kb.startswith("part-of:") else kb
            mentions.append(_Mention(s.start_char + offset, end + offset, text, s.label_, locode, part_of=part_of))
        for h in doc._.hg_identifiers or []:
            idents.append(IdentifierHit(h.type, h.text, h.value, h.start + offset, h.end + offset, h.valid))
        for r in doc._.hg_relations or []:
            src, tgt = moved.get(r.source, r.source), moved.get(r.target, r.target)
            relations.append(RelationHit(r.type, (src[0] + offset, src[1] + offset),
                                         (tgt[0] + offset, tgt[1] + offset), r.start + offset,
                                         r.end + offset, r.sent_start + offset, r.sent_end + offset, r.method,
                                         r.confidence, r.rule, tuple(
                                             (_shift(moved.get(a, a), offset), _shift(ref, offset) if ref else None)
                                             for a, ref in r.resolved)))
    return mentions, idents, relations


def _shift(span: tuple[int, int], offset: int) -> tuple[int, int]:
    return span[0] + offset, span[1] + offset


def _nearest(mentions: list[_Mention], type_: str, start: int, end: int, reach: int) -> _Mention | None:
    best, best_gap = None, reach + 1
    for m in mentions:
        if m.type != type_:
            continue
        gap = start - m.end if m.end <= start else m.start - end if m.start >= end else 0
        if 0 <= gap < best_gap:
            best, best_gap = m, gap
    return best


def _group_mentions(mentions: list[_Mention]) -> dict[tuple[Any, ...], _Group]:
    groups: dict[tuple[Any, ...], _Group] = {}
    for m in mentions:
        m.key = _key(m)
    # a surname alone ("Kasteleyn", "Van Damme") joins the one longer name that holds it: the one the text
    # has named so far, or, before any, the only one it names; two candidates leave it a person of its own
    persons = [m for m in mentions if m.type == "PERSON"]
    full = {m.key for m in persons if len(m.key[1] - _PARTICLES) >= 2}
    first_seen: dict[tuple[Any, ...], int] = {}
    for m in persons:
        if m.key in full:
            first_seen[m.key] = min(first_seen.get(m.key, m.start), m.start)
    for m in persons:
        if len(m.key[1] - _PARTICLES) == 1:
            # an initial must fit too: "R. Kasteleyn" is not Milan Kasteleyn
            initials = {w for w in fold(m.text).replace(".", " ").split() if len(w) == 1}
            holders = [k for k in full if m.key[1] <= k[1]
                       and all(any(w[0] == i for w in k[1] - m.key[1]) for i in initials)]
            named_before = [k for k in holders if first_seen[k] < m.start]
            candidates = named_before or holders
            if len({frozenset(k[1]) for k in candidates}) == 1:
                m.key = candidates[0]
    # a shorter firm name that starts a longer one of the same doc ("Blauwhoeve" / "Blauwhoeve Logistics")
    firms = {m.key for m in mentions if m.type == "COMPANY"}
    for m in mentions:
        if m.type == "COMPANY":
            longer = [k for k in firms if k != m.key and k[1].startswith(m.key[1] + " ")]
            if len(longer) == 1:
                m.key = longer[0]
    for m in mentions:
        group = groups.setdefault(m.key, _Group(m.type))
        group.mentions.append(m)
        if m.part_of:
            group.properties.setdefault("part_of", m.part_of)
    return groups


def _name(group: _Group) -> str:
    if group.type == "PORT" and group.mentions[0].locode:
        return port_gazetteer().names.get(group.mentions[0].locode, group.mentions[0].text)
    texts = [m.text for m in group.mentions]
    # the fullest form, preferring "Jordy Van Aken" to the registry's "VAN AKEN Jordy"
    return max(texts, key=lambda t: (len(t.split()), -sum(w.isupper() and len(w) > 1 for w in t.split()), len(t)))


def to_extraction(document: Document, chunks: Sequence[tuple[int, Any]]) -> Extraction:
    """Build the :class:`Extraction` of ``document`` from its processed chunks ``(offset, Doc)``."""
    mentions, idents, rel_hits = _collect(chunks)
    groups = _group_mentions(mentions)
    by_key = {m.key: groups[m.key] for m in mentions}
    id_mentions: list[IdentifierMention] = []
    extra_entities: dict[str, Entity] = {}
    attached: dict[int, tuple[Any, ...]] = {}  # identifier hit -> key of the entity it belongs to

    def attach(group: _Group, scheme: str, value: str, valid: bool) -> None:
        if valid:
            group.identifiers.setdefault(scheme, value)
        else:
            group.properties.setdefault(f"invalid_{scheme.lower()}", value)

    for i, h in enumerate(idents):
        owner_type = {"IMO": "VESSEL", "MMSI": "VESSEL", "VAT": "COMPANY", "LEI": "COMPANY", "LOCODE": "PORT"}.get(h.type)
        if owner_type is None:
            continue
        reach = {"VESSEL": 80, "COMPANY": 200, "PORT": 25}[owner_type]
        owner = _nearest(mentions, owner_type, h.start, h.end, reach)
        if owner is not None and (owner_type != "PORT" or owner.locode == h.value or not owner.locode):
            attach(by_key[owner.key], h.type, h.value, h.valid)
            attached[i] = owner.key

    entities: dict[tuple[Any, ...], Entity] = {}
    for key, group in groups.items():
        name = _name(group)
        idents_of = dict(group.identifiers)
        if group.type == "PORT" and group.mentions[0].locode:
            idents_of["LOCODE"] = group.mentions[0].locode
        eid = entity_id(group.type, name, identifiers=idents_of)
        aliases = sorted({m.text for m in group.mentions} - {name})
        entities[key] = Entity(eid, group.type, name, aliases, idents_of, dict(group.properties))

    out_mentions = [Mention(entities[m.key].entity_id, m.text, m.type, m.start, m.end, document.doc_id)
                    for m in sorted(mentions, key=lambda m: m.start)]
    ident_ids: dict[tuple[int, int], str] = {}
    for i, h in enumerate(idents):
        node_type = IDENTIFIER_NODE.get(h.type)
        eid: str | None = None
        if node_type is not None:
            eid = REGISTRY[h.type].node_id(h.value)
            ent = extra_entities.get(eid)
            if ent is None:
                ent = extra_entities[eid] = Entity(eid, node_type, h.value, [], {h.type: h.value}, {"valid": h.valid})
            if h.text != h.value and h.text not in ent.aliases:
                ent.aliases.append(h.text)
            ident_ids[(h.start, h.end)] = eid
        elif i in attached:
            eid = entities[attached[i]].entity_id
        elif h.valid and h.type in ("IMO", "LOCODE"):
            node = "VESSEL" if h.type == "IMO" else "PORT"
            name = f"IMO {h.value}" if h.type == "IMO" else port_gazetteer().names.get(h.value, h.value)
            eid = entity_id(node, name, identifiers={h.type: h.value})
            extra_entities.setdefault(eid, Entity(eid, node, name, [], {h.type: h.value}, {}))
        id_mentions.append(IdentifierMention(h.text, h.type, h.value, h.start, h.end, h.valid, eid))

    span_ids = {(m.start, m.end): entities[m.key].entity_id for m in mentions}
    span_ids.update(ident_ids)
    types = {e.entity_id: e.type for e in list(entities.values()) + list(extra_entities.values())}
    relations = _relations(document, rel_hits, span_ids, types)
    return Extraction(document, list(entities.values()) + list(extra_entities.values()), out_mentions,
                      id_mentions, relations)


def _relations(document: Document, hits: list[Any], span_ids: dict[tuple[int, int], str],
               types: dict[str, str]) -> list[Relation]:
    merged: dict[tuple[str, str, str], Relation] = {}
    for h in hits:
        src, tgt = span_ids.get(h.source), span_ids.get(h.target)
        if src is None or tgt is None or src == tgt:
            continue
        rel_type = SCHEMA.relation(h.type)
        if not rel_type.allows(types[src], types[tgt]):
            continue
        if rel_type.symmetric and tgt < src:
            src, tgt = tgt, src
        sentence = document.text[h.sent_start:h.sent_end].strip()
        extractor = (f"havengraph.records@{VERSION}" if h.rule.startswith("record:")
                     else f"havengraph.document@{VERSION}" if h.rule.startswith("document:") else EXTRACTOR[h.method])
        evidence = Evidence(document.doc_id, h.start, h.end, sentence, h.method, extractor,
                            h.confidence, 1.0, document.date, document.page_at(h.start))
        rel = merged.setdefault((src, tgt, h.type), Relation(src, tgt, h.type))
        rel.evidence.append(evidence)
        for antecedent, reference in getattr(h, "resolved", ()):
            if antecedent in span_ids:  # the reference ("he", "the firm") and the mention it stands for
                rel.properties.setdefault("resolved", []).append(
                    {"entity_id": span_ids[antecedent], "antecedent": list(antecedent),
                     "reference": list(reference) if reference else None})
    typed = {frozenset((s, t)) for s, t, ty in merged if ty != "CO_MENTIONED"}
    return [r for (s, t, ty), r in merged.items() if ty != "CO_MENTIONED" or frozenset((s, t)) not in typed]
