"""Small hand-built extractions shared by store, analysis and API tests."""

from __future__ import annotations

from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation


def _doc(text: str, name: str) -> Document:
    return Document(doc_id=Document.id_for_bytes(text.encode()), text=text, title=name, source=name, lang="en")


def _ent(type_: str, name: str, **idents: str) -> Entity:
    return Entity(entity_id=entity_id(type_, name, idents), type=type_, name=name, identifiers=dict(idents))


def _rel(doc: Document, src: Entity, tgt: Entity, type_: str, needle: str, method: str = "rule") -> Relation:
    start = doc.text.index(needle)
    return Relation(src.entity_id, tgt.entity_id, type_,
                    [Evidence(doc.doc_id, start, start + len(needle), needle, method, weight=1.0)])


def _mentions(doc: Document, *entities: Entity) -> list[Mention]:
    out = []
    for e in entities:
        start = doc.text.find(e.name)
        if start >= 0:
            out.append(Mention(e.entity_id, e.name, e.type, start, start + len(e.name), doc.doc_id))
    return out


JAN = _ent("PERSON", "Jan Peeters")
ZL = _ent("COMPANY", "Zeebrugge Logistics BVBA")
ELBA = _ent("VESSEL", "Maersk Elba", IMO="9074729")
ANR = _ent("PORT", "Antwerp", LOCODE="BEANR")
RUDI = _ent("PERSON", "Rüdiger Maës")
PHONE = _ent("PHONE", "+32470123456", PHONE="+32470123456")


def doc_one() -> Extraction:
    doc = _doc("Jan Peeters is the director of Zeebrugge Logistics BVBA. "
               "Zeebrugge Logistics BVBA operates the Maersk Elba. The Maersk Elba called at Antwerp.", "one.txt")
    return Extraction(
        document=doc, entities=[JAN, ZL, ELBA, ANR], mentions=_mentions(doc, JAN, ZL, ELBA, ANR),
        relations=[_rel(doc, JAN, ZL, "DIRECTOR_OF", "Jan Peeters is the director of Zeebrugge Logistics BVBA"),
                   _rel(doc, ZL, ELBA, "OPERATES", "Zeebrugge Logistics BVBA operates the Maersk Elba"),
                   _rel(doc, ELBA, ANR, "CALLED_AT", "The Maersk Elba called at Antwerp")])


def doc_two() -> Extraction:
    doc = _doc("Rüdiger Maës called Jan Peeters on +32470123456. Rüdiger Maës uses +32470123456.", "two.txt")
    return Extraction(
        document=doc, entities=[RUDI, JAN, PHONE], mentions=_mentions(doc, RUDI, JAN, PHONE),
        relations=[_rel(doc, RUDI, JAN, "CONTACTED", "Rüdiger Maës called Jan Peeters"),
                   _rel(doc, RUDI, PHONE, "HAS_PHONE", "Rüdiger Maës uses +32470123456"),
                   _rel(doc, JAN, RUDI, "CO_MENTIONED", "Rüdiger Maës called Jan Peeters on +32470123456",
                        method="cooccurrence")])


_LINKS = {"PHONE": "HAS_PHONE", "ADDRESS": "HAS_ADDRESS", "COMPANY": "EMPLOYED_BY"}


def named_doc(key: str, *names: tuple, lang: str = "en") -> Extraction:
    """A document naming ``(type, name, {identifiers}, {properties}, [linked names])`` entities."""
    document = Document(Document.id_for_bytes(key.encode()), key, title=key, source=key, lang=lang)
    entities: dict[str, Entity] = {}
    relations, mentions = [], []
    for type_, name, *rest in names:
        idents, props, links = (list(rest) + [{}, {}, []])[:3]
        e = Entity(entity_id(type_, name, idents), type_, name, identifiers=dict(idents), properties=dict(props))
        entities.setdefault(e.entity_id, e)
        mentions.append(Mention(e.entity_id, name, type_, 0, len(name), document.doc_id))
        for link_type, value in links:
            ids = {"PHONE": value} if link_type == "PHONE" else {}
            target = Entity(entity_id(link_type, value, ids), link_type, value, identifiers=ids)
            entities.setdefault(target.entity_id, target)
            relations.append(Relation(e.entity_id, target.entity_id, _LINKS[link_type],
                                      [Evidence(document.doc_id, 0, 1, key, "rule")]))
    return Extraction(document, list(entities.values()), mentions, relations=relations)
