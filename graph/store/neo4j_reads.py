"""Reads of the Neo4j backend: documents, entities, relations, projections and counts.

``Neo4jReads`` is a mixin: the store supplies ``_read(query, **params)``, which runs one
statement in a read transaction and returns its records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx

from graph.errors import DocumentNotFound
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation, extraction_from_record
from graph.schema import SCHEMA
from graph.store import cypher
from graph.store.base import build_projection, check_relation_types, check_search, check_types

__all__ = ["Neo4jReads", "entity_from_row", "relation_from_row"]

_PAGE = 1000
_PROJECTION_PAGE = 20_000  # entities per page of the projection read


def sql_limit(limit: int) -> int:
    """SQL's reading of a row limit: a negative one means no limit."""
    return limit if limit >= 0 else 2**62


def entity_from_row(row: dict[str, Any]) -> Entity:
    return Entity(entity_id=row["entity_id"], type=row["type"], name=row["name"],
                  aliases=sorted(a for a in row["aliases"] or [] if a != row["name"]),
                  identifiers=json.loads(row["identifiers"] or "{}"),
                  properties=json.loads(row["properties"] or "{}"))


def relation_from_row(row: Any) -> Relation:
    return Relation(source=row["source"], target=row["target"], type=row["type"],
                    evidence=[Evidence(**ev) for ev in row["evidence"]],
                    properties=json.loads(row["properties"] or "{}"))


class Neo4jReads:
    """Read methods of ``Neo4jStore``; every query runs in a read transaction through ``_read``."""

    url: str
    _read: Callable[..., list[Any]]  # supplied by the store: one query in a read transaction
    _one_read: Callable[..., Any]  # supplied by the store: a method whose reads share one read transaction

    # -- documents ------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self._read(cypher.HAS_DOCUMENT, doc_id=doc_id)[0]["found"])

    def get_document(self, doc_id: str) -> Document:
        rows = self._read(cypher.DOCUMENT, doc_id=doc_id)
        if not rows:
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        d = rows[0]["d"]
        return Document(doc_id=d["doc_id"], title=d.get("title") or "", source=d.get("source") or "",
                        lang=d.get("lang") or "", format=d.get("format") or "", date=d.get("date"),
                        grading=d.get("grading"), handling=d.get("handling"), pages=json.loads(d["pages"]),
                        metadata=json.loads(d["metadata"]), text=d["text"])

    def raw_extraction(self, doc_id: str) -> Extraction:
        rows = self._read(cypher.RAW_EXTRACTION, doc_id=doc_id)
        if not rows:
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        return extraction_from_record(json.loads(rows[0]["extraction"]), document=self.get_document(doc_id))

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return [dict(r) for r in self._read(cypher.LIST_DOCUMENTS, limit=sql_limit(limit), offset=max(offset, 0))]

    def document_handling(self) -> list[tuple[str, str | None, str | None]]:
        return [(r["doc_id"], r["handling"], r["ingested_at"]) for r in self._read(cypher.DOCUMENT_HANDLING)]

    def documents_mentioning(self, entity_ids: Iterable[str]) -> list[str]:
        return [r["doc_id"] for r in self._read(cypher.DOCUMENTS_MENTIONING, ids=list(dict.fromkeys(entity_ids)))]

    # -- entities -------------------------------------------------------------------------------
    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        rows = self._read(cypher.GET_ENTITIES, ids=list(dict.fromkeys(entity_ids)))
        return {r["e"]["entity_id"]: entity_from_row(r["e"]) for r in rows}

    def iter_entities(self) -> Iterator[Entity]:
        after = ""
        while True:
            rows = self._read(cypher.ENTITY_PAGE, after=after, limit=_PAGE)
            yield from (entity_from_row(r["e"]) for r in rows)
            if len(rows) < _PAGE:
                return
            after = rows[-1]["e"]["entity_id"]

    def search(self, text: str, type: str | None = None, limit: int = 20) -> list[Entity]:
        query, type_ = check_search(text, type, limit)
        if not query:  # nothing in the text can match a name or an identifier
            return []
        rows = self._read(cypher.SEARCH, q=query, compact=query.replace(" ", ""), type=type_, limit=limit)
        ids = [r["entity_id"] for r in rows]
        found = self.get_entities(ids)
        return [found[i] for i in ids if i in found]

    def mentions(self, entity_id: str, limit: int = 100) -> list[Mention]:
        return [Mention(**dict(r)) for r in self._read(cypher.MENTIONS_OF, entity_id=entity_id, limit=sql_limit(limit))]

    def mentions_in(self, doc_ids: Iterable[str]) -> list[Mention]:
        """Every mention in these documents (one query; used by ``migrate``)."""
        return [Mention(**dict(r)) for r in self._read(cypher.DOCUMENT_MENTIONS, ids=list(doc_ids))]

    # -- relations ------------------------------------------------------------------------------
    @staticmethod
    def _types(relation_types: Iterable[str] | None, include_weak: bool) -> frozenset[str]:
        chosen = check_relation_types(relation_types)
        everything = cypher.entity_relation_types()
        return frozenset(t for t in everything if (chosen is None or t in chosen)
                         and (include_weak or not SCHEMA.relations[t].weak))

    def adjacent(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                 include_weak: bool = True) -> list[tuple[str, str, str]]:
        rows = self._read(cypher.adjacent(self._types(relation_types, include_weak)),
                          ids=list(dict.fromkeys(entity_ids)))
        return list(dict.fromkeys((r["source"], r["target"], r["type"]) for r in rows))

    def relations_between(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                          include_weak: bool = True) -> list[Relation]:
        rows = self._read(cypher.relations_between(self._types(relation_types, include_weak)),
                          ids=list(dict.fromkeys(entity_ids)))
        return [relation_from_row(r) for r in rows]

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation with its evidence, by source entity (``entity_id`` order), then type and ``rel_id``.

        One statement pages through the entities and expands every relation type at once: one
        plan on the server and a few round trips, where a page per relation type cost a plan and
        a round trip per type, most of them for a handful of rows.
        """
        statement = cypher.relations_from(self._types(None, True))
        after = ""
        while True:
            rows = self._read(statement, after=after, limit=_PAGE)
            yield from (relation_from_row(r) for r in rows if r["type"] is not None)
            anchors = {r["anchor"] for r in rows}
            if len(anchors) < _PAGE:
                return
            after = max(anchors)

    def relations_citing(self, doc_ids: Iterable[str]) -> list[Relation]:
        """Relations with evidence from any of these documents, each with all of its evidence.

        Index seeks on the evidence's document, then on each relation type's ``rel_id``: the cost
        follows the documents' evidence, not the size of the graph.
        """
        by_type: dict[str, list[str]] = {}
        for r in self._read(cypher.RELATIONS_CITING, ids=sorted(set(doc_ids))):
            by_type.setdefault(r["type"], []).append(r["rel_id"])
        return [relation_from_row(r) for type_, ids in sorted(by_type.items())
                for r in self._read(cypher.relations_by_id(type_), ids=ids)]

    def projection(self, types: Iterable[str] | None = None, relation_types: Iterable[str] | None = None,
                   include_weak: bool = True) -> nx.MultiDiGraph:
        """Nodes and edges read in one read transaction: one snapshot, one session."""
        return self._one_read(Neo4jReads._projection, types, relation_types, include_weak)  # type: ignore[no-any-return]

    def _projection(self, types: Iterable[str] | None, relation_types: Iterable[str] | None,
                    include_weak: bool) -> nx.MultiDiGraph:
        wanted = check_types(types)
        statement = cypher.projection_page(self._types(relation_types, include_weak))
        nodes: list[tuple[str, str, str]] = []
        edges: list[tuple[Any, ...]] = []
        after = ""
        while True:
            (page,) = self._read(statement, after=after, limit=_PROJECTION_PAGE,
                                 types=None if wanted is None else sorted(wanted))
            nodes += [tuple(n) for n in page["nodes"]]
            edges += [tuple(e) for e in page["edges"]]
            if page["size"] < _PROJECTION_PAGE:
                break
            after = page["last"]
        keep = {n[0] for n in nodes}
        return build_projection(nodes, [e for e in edges if e[0] in keep and e[1] in keep])  # type: ignore[arg-type]

    def stats(self) -> dict[str, Any]:
        counts = dict(self._read(cypher.COUNTS)[0])
        by_rel = {r["type"]: r["n"] for r in self._read(cypher.relation_counts()) if r["n"]}
        by_type = {r["type"]: r["n"] for r in self._read(cypher.ENTITY_COUNTS)}
        return {"documents": counts["documents"], "entities": counts["entities"],
                "relations": sum(by_rel.values()), "evidence": counts["evidence"], "mentions": counts["mentions"],
                "entities_by_type": dict(sorted(by_type.items())), "relations_by_type": dict(sorted(by_rel.items())),
                "store": self.url}
