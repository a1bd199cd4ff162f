"""Rows for the Neo4j backend, built in plain Python before any transaction starts.

``prepare_rows`` checks an extraction against the schema and turns it into parameter rows;
``EntityState`` merges an entity's names, identifiers and properties the way the embedded store
does, so that the write statements only copy finished values.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.errors import InvalidInput
from graph.ids import fold
from graph.model import Entity, Extraction
from graph.schema import SCHEMA
from graph.store import cypher
from graph.store.sqlite import relation_id

__all__ = ["EntityState", "PreparedRows", "chunks", "json_text", "jsonable", "prepare_rows"]


@dataclass
class PreparedRows:
    doc_id: str
    document: dict[str, Any]
    entities: list[tuple[str, Entity]]
    mentions: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    #: False for the second and later parts of a document written in several transactions
    creates_document: bool = True

    @property
    def size(self) -> int:
        return 1 + len(self.entities) + len(self.mentions) + len(self.relations) + len(self.evidence)

    def parts(self, rows: int) -> list[PreparedRows]:
        """This document cut into parts of about ``rows`` rows: entities, then mentions, then relations.

        The first part creates the document, marked incomplete; a relation travels with all of its
        evidence, so that each part's aggregates are exact.
        """
        evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for ev in self.evidence:
            evidence[ev["rel_id"]].append(ev)
        out = [PreparedRows(self.doc_id, {**self.document, "incomplete": True}, [], [], [], [])]
        used = 1

        def room(cost: int) -> PreparedRows:
            nonlocal used
            if used + cost > rows and used:
                out.append(PreparedRows(self.doc_id, self.document, [], [], [], [], creates_document=False))
                used = 0
            used += cost
            return out[-1]

        for entity in self.entities:
            room(1).entities.append(entity)
        for mention in self.mentions:
            room(1).mentions.append(mention)
        for rel in self.relations:
            carried = evidence.pop(rel["rel_id"], [])
            part = room(1 + len(carried))
            part.relations.append(rel)
            part.evidence += carried
        return out


def prepare_rows(ex: Extraction) -> PreparedRows:
    """Check types and build the rows of one extraction; raises ``InvalidInput`` before anything is written."""
    doc = ex.document
    record = _record(ex.raw if ex.raw is not None else ex)
    entities = []
    for entity in ex.entities:
        for scheme in entity.identifiers:
            SCHEMA.identifier(scheme)
        entities.append((SCHEMA.node_name(entity.type), entity))
    mentions = list({(m.start, m.end, m.entity_id): {"entity_id": m.entity_id, "start": m.start, "end": m.end,
                                                     "text": m.text, "type": m.type}
                     for m in reversed(ex.mentions)}.values())[::-1]  # first of each span wins
    relations, evidence = [], []
    for rel in ex.relations:
        spec = SCHEMA.relation(rel.type)
        if spec.name == cypher.MENTIONS:
            raise InvalidInput("MENTIONS links a document to an entity: put it in Extraction.mentions")
        source, target = rel.source, rel.target
        if spec.symmetric and target < source:
            source, target = target, source
        rid = relation_id(source, spec.name, target)
        relations.append({"type": spec.name, "rel_id": rid, "source": source, "target": target,
                          "properties": json_text(rel.properties)})
        for e in rel.evidence:
            doc_id = e.doc_id or doc.doc_id
            evidence.append({"rel_id": rid, "type": spec.name, "doc_id": doc_id, "start": int(e.start),
                             "end": int(e.end), "sentence": e.sentence, "method": e.method, "extractor": e.extractor,
                             "confidence": float(e.confidence), "weight": float(e.weight), "date": e.date,
                             "page": None if e.page is None else int(e.page)})
    row = {"doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "lang": doc.lang, "format": doc.format,
           "date": doc.date, "grading": doc.grading, "handling": doc.handling, "pages": json.dumps(doc.pages),
           "metadata": json.dumps(doc.metadata, default=str), "text": doc.text, "length": len(doc.text),
           "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
           "extraction": json.dumps(record, default=str)}
    return PreparedRows(doc.doc_id, row, entities, mentions, relations, evidence)


def _record(ex: Extraction) -> dict[str, Any]:
    """``extraction_to_record`` without the text (kept once, on the document node).

    Same JSON as ``graph.model.extraction_to_record``, built from shallow ``vars()`` copies: the
    deep copies of ``dataclasses.asdict`` took half of the preparation time of a batch.
    """
    return {"document": {**vars(ex.document), "text": ""},
            "entities": [vars(e) for e in ex.entities],
            "mentions": [vars(m) for m in ex.mentions],
            "identifiers": [vars(i) for i in ex.identifiers],
            "relations": [{**vars(r), "evidence": [vars(e) for e in r.evidence]} for r in ex.relations]}


@dataclass
class EntityState:
    """An entity as stored, updated in memory the way the embedded store updates its rows."""

    entity_id: str
    type: str
    name: str
    properties: dict[str, Any]
    aliases: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)
    new: bool = False
    dirty: bool = False

    def absorb(self, entity: Entity) -> None:
        if entity.properties:
            merged = {**jsonable(entity.properties), **self.properties}  # first value seen wins
            if merged != self.properties:
                self.properties, self.dirty = merged, True
        for name in (entity.name, *entity.aliases):
            norm = fold(name) if name else ""
            if name and norm not in self.norms:
                self.aliases.append(name)
                self.norms.append(norm)
                self.dirty = True
        for scheme, value in entity.identifiers.items():
            if scheme not in self.identifiers:
                self.identifiers[scheme] = value
                self.dirty = True

    def row(self) -> dict[str, Any]:
        values = [v.lower() for v in self.identifiers.values()]
        return {"entity_id": self.entity_id, "type": self.type, "name": self.name,
                "properties": json_text(self.properties), "aliases": self.aliases, "aliases_norm": self.norms,
                "identifiers": json_text(self.identifiers), "ident_values": values,
                "search_text": "\x1f".join(self.norms) + "\x1e" + "\x1f".join(values)}


def json_text(value: dict[str, Any]) -> str:
    return json.dumps(value, default=str) if value else "{}"


def jsonable(value: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(value, default=str))


def chunks(rows: list[Any], size: int = 5000) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
