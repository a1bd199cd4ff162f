"""Plain data classes shared by every layer: documents, entities, relations, evidence.

spaCy types never reach this module; ``nlp/`` turns a ``Doc`` into an :class:`Extraction`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: How a fact was obtained; kept on every piece of evidence.
METHODS = ("rule", "dependency", "cooccurrence", "structured", "analyst", "header")


@dataclass
class Document:
    """One case file, identified by the SHA-256 of its bytes."""

    doc_id: str
    text: str
    title: str = ""
    source: str = ""
    lang: str = "en"
    format: str = "txt"
    date: str | None = None
    grading: str | None = None
    handling: str | None = None
    pages: list[int] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def id_for_bytes(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def page_at(self, offset: int) -> int | None:
        """1-based page number holding character ``offset`` (None without page breaks)."""
        if not self.pages:
            return None
        page = 0
        for i, start in enumerate(self.pages):
            if start <= offset:
                page = i
            else:
                break
        return page + 1

    def info(self) -> dict[str, Any]:
        """Everything but the text."""
        data = asdict(self)
        data.pop("text")
        data["length"] = len(self.text)
        return data


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a document span and the sentence around it."""

    doc_id: str
    start: int
    end: int
    sentence: str = ""
    method: str = "cooccurrence"
    extractor: str = ""
    confidence: float = 1.0
    weight: float = 1.0
    date: str | None = None
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Entity:
    """A real-world thing: person, firm, vessel, port, phone..."""

    entity_id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "type": self.type,
            "name": self.name,
            "aliases": sorted(set(self.aliases)),
            "identifiers": dict(self.identifiers),
            "properties": dict(self.properties),
        }


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a document (a MENTIONS edge)."""

    entity_id: str
    text: str
    type: str
    start: int
    end: int
    doc_id: str = ""


@dataclass(frozen=True)
class IdentifierMention:
    """A hard identifier found in text, valid or not."""

    text: str
    type: str
    value: str
    start: int
    end: int
    valid: bool
    entity_id: str | None = None


@dataclass
class Relation:
    """A typed edge with the evidence that supports it."""

    source: str
    target: str
    type: str
    evidence: list[Evidence] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def weight(self) -> float:
        return sum(e.weight for e in self.evidence) or 0.0

    def to_dict(self) -> dict[str, Any]:
        dates = sorted(e.date for e in self.evidence if e.date)
        return {
            "source": self.source,
            "target": self.target,
            "type": self.type,
            "weight": self.weight,
            "count": len(self.evidence),
            "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None,
            "properties": dict(self.properties),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class Extraction:
    """What one document yields: the input of a store write."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    identifiers: list[IdentifierMention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: the extraction before entity resolution rewrote its ids (kept so merges can be undone)
    raw: Extraction | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The ``havengraph extract --json`` shape (see design, interfaces)."""
        return {
            "document": {"doc_id": self.document.doc_id, "lang": self.document.lang,
                         "title": self.document.title, "source": self.document.source},
            "entities": [
                {"text": m.text, "type": m.type, "start": m.start, "end": m.end, "entity_id": m.entity_id}
                for m in self.mentions
            ],
            "identifiers": [
                {"text": i.text, "type": i.type, "value": i.value, "start": i.start, "end": i.end,
                 "valid": i.valid, "entity_id": i.entity_id}
                for i in self.identifiers
            ],
            "relations": [
                {"source": r.source, "target": r.target, "type": r.type,
                 "evidence": [{"start": e.start, "end": e.end, "sentence": e.sentence, "method": e.method}
                              for e in r.evidence]}
                for r in self.relations
            ],
        }


def extraction_to_record(ex: Extraction) -> dict[str, Any]:
    """Lossless JSON-ready form of an extraction (kept with its document; used by resolution and migration).

    Each object becomes a new dict of its fields (the same keys and values as ``dataclasses.asdict``),
    but field values are not deep-copied: lists and dicts inside (aliases, properties...) are the
    extraction's own, so serialise the record rather than change it in place. ``asdict``'s deep
    copies were the largest cost of writing a document to the embedded store.
    """
    return {
        "document": dict(vars(ex.document)),
        "entities": [dict(vars(e)) for e in ex.entities],
        "mentions": [dict(vars(m)) for m in ex.mentions],
        "identifiers": [dict(vars(i)) for i in ex.identifiers],
        "relations": [{**vars(r), "evidence": [dict(vars(e)) for e in r.evidence]} for r in ex.relations],
    }


def extraction_from_record(record: dict[str, Any], document: Document | None = None) -> Extraction:
    """Inverse of :func:`extraction_to_record`; ``document`` replaces the stored one when given."""
    return Extraction(
        document=document or Document(**record["document"]),
        entities=[Entity(**e) for e in record["entities"]],
        mentions=[Mention(**m) for m in record["mentions"]],
        identifiers=[IdentifierMention(**i) for i in record["identifiers"]],
        relations=[
            Relation(source=r["source"], target=r["target"], type=r["type"],
                     evidence=[Evidence(**e) for e in r["evidence"]], properties=r.get("properties", {}))
            for r in record["relations"]
        ],
    )


@dataclass
class Subgraph:
    """Entities and the relations among them, as returned by neighbourhood and path queries."""

    nodes: list[Entity] = field(default_factory=list)
    edges: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": [n.to_dict() for n in self.nodes], "edges": [e.to_dict() for e in self.edges]}
