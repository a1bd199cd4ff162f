"""Need-to-know: a read-only view of a store that hides what a user is not cleared to see.

Documents carry a handling code (``Document.handling``, ranked by ``SCHEMA.handling_rank``);
a user has a clearance. A :class:`ClearedView` answers every read of the ``GraphStore``
protocol as if the documents above the clearance had never been ingested:

* a piece of evidence from such a document is dropped; a relation left with no evidence is gone;
* an entity known only from such documents (mentions or relation evidence) is gone;
* an entity that stays visible keeps only the aliases and identifiers seen in documents the user
  may read (its id and canonical name are shown once it is visible at all);
* weights, counts and dates of the projection are recomputed from the visible evidence.

Evidence from a document the index does not know yet counts as hidden (fail closed).

The work is done once per state of the store, not per query: :class:`NeedToKnow` keeps the
document index (refreshed at most every ``ttl`` seconds, or at once after :meth:`invalidate`)
and, per clearance, the *taint*: the relations that carry evidence from hidden documents and the
entities mentioned in them. Everything untainted passes straight through to the store.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.errors import DocumentNotFound, Forbidden, InvalidInput
from graph.ids import fold
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation, Subgraph
from graph.schema import SCHEMA
from graph.store.base import GraphStore, TraversalMixin, check_search

EdgeKey = tuple[str, str, str]

__all__ = ["ClearedView", "NeedToKnow", "Taint", "clearance_rank", "check_clearance"]


def check_clearance(level: str | None) -> str:
    """The canonical clearance name (``None`` = the highest level); raises ``InvalidInput`` if unknown."""
    levels = SCHEMA.handling_levels
    if level is None:
        return levels[-1]
    upper = level.strip().upper()
    if upper not in levels:
        raise InvalidInput(f"unknown clearance {level!r}; use one of: {', '.join(levels)}")
    return upper


def clearance_rank(level: str | None) -> int:
    return SCHEMA.handling_levels.index(check_clearance(level))


@dataclass
class Taint:
    """What a clearance changes: hidden documents, the relations and entities they touch."""

    ranks: dict[str, int]
    clearance: int
    hidden_docs: frozenset[str] = frozenset()
    #: relation -> its evidence from documents the user may read (empty: the relation is hidden)
    edges: dict[EdgeKey, list[Evidence]] = field(default_factory=dict)
    #: entity touched by a hidden document -> still visible?
    entities: dict[str, bool] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.hidden_docs

    def doc_visible(self, doc_id: str) -> bool:
        rank = self.ranks.get(doc_id)
        return rank is not None and rank <= self.clearance

    def entity_visible(self, entity_id: str) -> bool:
        return self.entities.get(entity_id, True)

    def edge_visible(self, key: EdgeKey) -> bool:
        if key in self.edges and not self.edges[key]:
            return False
        return self.entity_visible(key[0]) and self.entity_visible(key[1])


class NeedToKnow:
    """Hands out :class:`ClearedView` objects for one store, caching what they share."""

    def __init__(self, store: GraphStore, ttl: float = 1.0, reads: Callable[[], GraphStore] | None = None) -> None:
        self.store = store
        self.ttl = ttl
        #: where the document index is read from (a read-only connection: never behind a writer)
        self._reads = reads or (lambda: store)
        self._lock = threading.RLock()
        self._ranks: dict[str, int] = {}
        self._signature = ""
        self._loaded_at = float("-inf")
        self._taints: dict[int, tuple[str, Taint]] = {}

    def invalidate(self) -> None:
        """Forget the document index (call after an upload, delete or merge)."""
        with self._lock:
            self._loaded_at = float("-inf")

    def view(self, clearance: str | None, store: GraphStore | None = None) -> ClearedView:
        """A view for ``clearance``; ``store`` may be another connection to the same data (a read pool)."""
        return ClearedView(store or self.store, clearance, gate=self)

    def taint(self, clearance: int) -> Taint:
        with self._lock:
            self._refresh()
            cached = self._taints.get(clearance)
            if cached and cached[0] == self._signature:
                return cached[1]
            taint = compute_taint(self._reads(), self._ranks, clearance)
            self._taints[clearance] = (self._signature, taint)
            return taint

    def _refresh(self) -> None:
        if time.monotonic() - self._loaded_at < self.ttl:
            return
        ranks: dict[str, int] = {}
        digest = hashlib.sha256()
        store = self._reads()
        for doc_id, handling, ingested_at in sorted(_handling_rows(store)):
            ranks[doc_id] = SCHEMA.handling_rank(handling)
            digest.update(f"{doc_id}|{handling}|{ingested_at}\n".encode())
        decisions = store.list_decisions(status=None)
        digest.update(f"decisions={len(decisions)}|{decisions[-1]['at'] if decisions else ''}".encode())
        self._ranks = ranks
        self._signature = digest.hexdigest()
        self._loaded_at = time.monotonic()


def _handling_rows(store: GraphStore) -> list[tuple[str, str | None, str | None]]:
    """Every document's handling code, in one read where the store offers it (paging is quadratic)."""
    if hasattr(store, "document_handling"):
        return store.document_handling()
    rows, offset, page = [], 0, 1000
    while True:
        batch = store.list_documents(limit=page, offset=offset)
        rows += [(r["doc_id"], r.get("handling"), r.get("ingested_at")) for r in batch]
        if len(batch) < page:
            return rows
        offset += page


def compute_taint(store: GraphStore, ranks: dict[str, int], clearance: int) -> Taint:
    """The :class:`Taint` of ``clearance`` over ``store`` given its document ranks."""
    hidden = frozenset(d for d, r in ranks.items() if r > clearance)
    taint = Taint(ranks=ranks, clearance=clearance, hidden_docs=hidden)
    if not hidden:
        return taint
    if _is_sqlite(store):
        edges, mentioned = _sqlite_taint(store, sorted(hidden))
    else:
        edges, mentioned = _generic_taint(store, hidden)
    taint.edges = {key: [e for e in evs if taint.doc_visible(e.doc_id)] for key, evs in edges.items()}
    candidates = set(mentioned)
    for src, tgt, _ in edges:
        candidates.update((src, tgt))
    for eid in candidates:
        docs = store.documents_mentioning([eid])
        taint.entities[eid] = not docs or any(taint.doc_visible(d) for d in docs)
    return taint


def _is_sqlite(store: Any) -> bool:
    return str(getattr(store, "url", "")).startswith("sqlite") and hasattr(store, "_query")


def _sqlite_taint(store: Any, hidden: list[str]) -> tuple[dict[EdgeKey, list[Evidence]], set[str]]:
    """Evidence and mentions of hidden documents, read with two indexed queries per chunk."""
    edges: dict[EdgeKey, list[Evidence]] = {}
    mentioned: set[str] = set()
    for i in range(0, len(hidden), 400):
        chunk = hidden[i:i + 400]
        marks = ",".join("?" * len(chunk))
        mentioned.update(r[0] for r in store._query(
            f"SELECT DISTINCT entity_id FROM mentions WHERE doc_id IN ({marks})", chunk))
        rows = store._query(
            'SELECT r.source, r.target, r.type, e.doc_id, e.start, e."end", e.sentence, e.method, e.extractor,'
            " e.confidence, e.weight, e.date, e.page FROM evidence e JOIN relations r ON r.rel_id = e.rel_id"
            f" WHERE e.rel_id IN (SELECT rel_id FROM evidence WHERE doc_id IN ({marks}))", chunk)
        for row in rows:
            evs = edges.setdefault((row[0], row[1], row[2]), [])
            ev = Evidence(*row[3:])
            if ev not in evs:
                evs.append(ev)
    return edges, mentioned


def _hidden_counts(store: Any, hidden: list[str]) -> tuple[int, int]:
    """How many pieces of evidence and mentions come from the ``hidden`` documents."""
    if _is_sqlite(store):
        evidence = mentions = 0
        for i in range(0, len(hidden), 400):
            chunk = hidden[i:i + 400]
            marks = ",".join("?" * len(chunk))
            evidence += store._query(f"SELECT COUNT(*) FROM evidence WHERE doc_id IN ({marks})", chunk)[0][0]
            mentions += store._query(f"SELECT COUNT(*) FROM mentions WHERE doc_id IN ({marks})", chunk)[0][0]
        return evidence, mentions
    citing = getattr(store, "relations_citing", None)
    relations = citing(hidden) if citing is not None else store.iter_relations()
    wanted = set(hidden)
    evidence = sum(1 for r in relations for e in r.evidence if e.doc_id in wanted)
    mentions_in = getattr(store, "mentions_in", None)
    if mentions_in is not None:
        return evidence, len(list(mentions_in(hidden)))
    return evidence, sum(len(store.raw_extraction(d).mentions) for d in hidden)


def _generic_taint(store: GraphStore, hidden: frozenset[str]) -> tuple[dict[EdgeKey, list[Evidence]], set[str]]:
    """Protocol-only fallback: one pass over the relations, and the raw extractions of hidden documents.

    A backend with ``relations_citing(doc_ids)`` (Neo4j) answers the first part with indexed
    queries on the hidden documents' evidence instead of the pass over every relation.
    """
    citing = getattr(store, "relations_citing", None)
    relations = citing(sorted(hidden)) if citing is not None else store.iter_relations()
    edges = {(r.source, r.target, r.type): list(r.evidence) for r in relations
             if any(e.doc_id in hidden for e in r.evidence)}
    mentioned: set[str] = set()
    mentions_in = getattr(store, "mentions_in", None)  # one query on backends that have it (Neo4j)
    if mentions_in is not None:
        mentioned.update(m.entity_id for m in mentions_in(sorted(hidden)))
    for doc_id in hidden:
        raw = store.raw_extraction(doc_id)
        mentioned.update(m.entity_id for m in raw.mentions)
        mentioned.update(e.entity_id for e in raw.entities)
    # ids rewritten by a merge: follow the decisions to the entity that kept the mentions
    for decision in store.list_decisions(kind="merge", status="active"):
        if decision["a"] in mentioned or decision["b"] in mentioned:
            mentioned.update((decision["a"], decision["b"]))
    return edges, mentioned


class ClearedView(TraversalMixin):
    """The read side of the ``GraphStore`` protocol, limited to what ``clearance`` may see.

    Writes raise :class:`~graph.errors.Forbidden`: write through the store itself.
    """

    def __init__(self, store: GraphStore, clearance: str | None = None, gate: NeedToKnow | None = None) -> None:
        self.base = store
        self.url = store.url
        self.clearance = check_clearance(clearance)
        self._rank = clearance_rank(self.clearance)
        self._gate = gate or NeedToKnow(store, ttl=0.0)
        self._taint_cache: Taint | None = None

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def taint(self) -> Taint:
        if self._taint_cache is None:
            self._taint_cache = self._gate.taint(self._rank)
        return self._taint_cache

    def close(self) -> None:
        """The view does not own the store: nothing to close."""

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise Forbidden("this is a read-only view of the store; write through the store itself")

    clear = write = write_many = delete_document = save_decision = save_decisions = set_decision_status = _read_only

    def _evidence(self, evidence: Iterable[Evidence]) -> list[Evidence]:
        return [e for e in evidence if self.taint.doc_visible(e.doc_id)]

    def _relations(self, relations: Iterable[Relation]) -> list[Relation]:
        out = []
        for rel in relations:
            if not self.taint.edge_visible((rel.source, rel.target, rel.type)):
                continue
            evidence = self._evidence(rel.evidence)
            if evidence:
                out.append(Relation(rel.source, rel.target, rel.type, evidence, dict(rel.properties)))
        return out

    def _sanitise(self, entity: Entity) -> Entity:
        """Keep the aliases and identifiers of a tainted entity that visible documents show."""
        if entity.entity_id not in self.taint.entities:
            return entity
        seen = [m.text for m in self.base.mentions(entity.entity_id, limit=5000) if self.taint.doc_visible(m.doc_id)]
        names = {fold(t) for t in seen}
        compact = " ".join(fold(t).replace(" ", "") for t in [*seen, entity.entity_id])
        aliases = [a for a in entity.aliases if fold(a) in names]
        identifiers = {s: v for s, v in entity.identifiers.items() if fold(v).replace(" ", "") in compact}
        return Entity(entity.entity_id, entity.type, entity.name, aliases, identifiers, dict(entity.properties))

    def _subgraph(self, sub: Subgraph) -> Subgraph:
        nodes = [self._sanitise(n) for n in sub.nodes if self.taint.entity_visible(n.entity_id)]
        keep = {n.entity_id for n in nodes}
        edges = [r for r in self._relations(sub.edges) if r.source in keep and r.target in keep]
        return Subgraph(nodes=nodes, edges=edges)

    # -- documents ------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.taint.doc_visible(doc_id) and self.base.has_document(doc_id)

    def get_document(self, doc_id: str) -> Document:
        if not self.taint.doc_visible(doc_id):
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        return self.base.get_document(doc_id)

    def raw_extraction(self, doc_id: str) -> Extraction:
        if not self.taint.doc_visible(doc_id):
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        return self.base.raw_extraction(doc_id)

    def document_handling(self) -> list[tuple[str, str | None, str | None]]:
        return [row for row in _handling_rows(self.base) if self.taint.doc_visible(row[0])]

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        skipped, page, base_offset = 0, max(limit, 200), 0
        while len(out) < limit:
            rows = self.base.list_documents(limit=page, offset=base_offset)
            for row in rows:
                if not self.taint.doc_visible(row["doc_id"]):
                    continue
                if skipped < offset:
                    skipped += 1
                elif len(out) < limit:
                    out.append(row)
            if len(rows) < page:
                break
            base_offset += page
        return out

    def documents_mentioning(self, entity_ids: Iterable[str]) -> list[str]:
        return [d for d in self.base.documents_mentioning(entity_ids) if self.taint.doc_visible(d)]

    # -- entities -------------------------------------------------------------------------------
    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        ids = [e for e in dict.fromkeys(entity_ids) if self.taint.entity_visible(e)]
        found = self.base.get_entities(ids)
        return {eid: self._sanitise(ent) for eid, ent in found.items()}

    def search(self, text: str, type: str | None = None, limit: int = 20) -> list[Entity]:
        wanted = limit
        query = check_search(text, type, limit)[0]  # the store's own cleaning of the text
        compact = query.replace(" ", "")
        while True:
            rows = self.base.search(text, type=type, limit=wanted)
            out = []
            for entity in rows:
                if not self.taint.entity_visible(entity.entity_id):
                    continue
                entity = self._sanitise(entity)
                if entity.entity_id in self.taint.entities and not _matches(entity, query, compact):
                    continue  # found only through a name from a hidden document
                out.append(entity)
            if len(out) >= limit or len(rows) < wanted or wanted >= 20 * limit:
                return out[:limit]
            wanted *= 2

    def mentions(self, entity_id: str, limit: int = 100) -> list[Mention]:
        if not self.taint.entity_visible(entity_id):
            return []
        if self.taint.empty:
            return [m for m in self.base.mentions(entity_id, limit) if self.taint.doc_visible(m.doc_id)]
        rows = self.base.mentions(entity_id, limit=limit * 4 + 100)
        return [m for m in rows if self.taint.doc_visible(m.doc_id)][:limit]

    def iter_entities(self) -> Iterator[Entity]:
        for entity in self.base.iter_entities():
            if self.taint.entity_visible(entity.entity_id):
                yield self._sanitise(entity)

    # -- relations ------------------------------------------------------------------------------
    def adjacent(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                 include_weak: bool = True) -> list[tuple[str, str, str]]:
        edges = self.base.adjacent(entity_ids, relation_types, include_weak)
        if self.taint.empty:
            return edges
        return [e for e in edges if self.taint.edge_visible(e)]

    def relations_between(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                          include_weak: bool = True) -> list[Relation]:
        ids = [e for e in entity_ids if self.taint.entity_visible(e)]
        return self._relations(self.base.relations_between(ids, relation_types, include_weak))

    def iter_relations(self) -> Iterator[Relation]:
        for rel in self.base.iter_relations():
            yield from self._relations([rel])

    def neighbors(self, entity_id: str, depth: int = 1, types: Iterable[str] | None = None,
                  relation_types: Iterable[str] | None = None, limit: int = 100,
                  include_weak: bool = True) -> Subgraph:
        if self.taint.empty:
            return self._subgraph(self.base.neighbors(entity_id, depth, types, relation_types, limit, include_weak))
        return super().neighbors(entity_id, depth, types, relation_types, limit, include_weak)

    def shortest_path(self, source: str, target: str, max_depth: int = 6, include_weak: bool = False) -> Subgraph:
        if self.taint.empty:
            return self._subgraph(self.base.shortest_path(source, target, max_depth, include_weak))
        return super().shortest_path(source, target, max_depth, include_weak)

    def subgraph(self, entity_ids: Iterable[str], include_weak: bool = True) -> Subgraph:
        if self.taint.empty:
            return self._subgraph(self.base.subgraph(entity_ids, include_weak))
        return super().subgraph(entity_ids, include_weak)

    def projection(self, types: Iterable[str] | None = None, relation_types: Iterable[str] | None = None,
                   include_weak: bool = True) -> nx.MultiDiGraph:
        graph = self.base.projection(types, relation_types, include_weak)
        taint = self.taint
        if taint.empty:
            return graph
        graph.remove_nodes_from([e for e, ok in taint.entities.items() if not ok and e in graph])
        for (src, tgt, type_), evidence in taint.edges.items():
            if not graph.has_edge(src, tgt, key=type_):
                continue
            if not evidence:
                graph.remove_edge(src, tgt, key=type_)
                continue
            dates = sorted(e.date for e in evidence if e.date)
            graph.edges[src, tgt, type_].update(
                weight=float(sum(e.weight for e in evidence)), count=len(evidence),
                first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None)
        return graph

    def stats(self) -> dict[str, Any]:
        base = self.base.stats()
        taint = self.taint
        if taint.empty:
            return base
        gone_entities = [e for e, ok in taint.entities.items() if not ok]
        gone_edges = [k for k, evs in taint.edges.items() if not evs or not taint.edge_visible(k)]
        by_type = dict(base.get("entities_by_type", {}))
        for entity in self.base.get_entities(gone_entities).values():
            by_type[entity.type] = by_type.get(entity.type, 1) - 1
        by_rel = dict(base.get("relations_by_type", {}))
        for _, _, type_ in gone_edges:
            by_rel[type_] = by_rel.get(type_, 1) - 1
        hidden_evidence, hidden_mentions = _hidden_counts(self.base, sorted(taint.hidden_docs))
        return {  # every key the store gives: a missing one would tell that hidden documents exist
            **base,
            "documents": sum(1 for d in taint.ranks if taint.doc_visible(d)),
            "entities": base["entities"] - len(gone_entities),
            "relations": base["relations"] - len(gone_edges),
            "evidence": base.get("evidence", 0) - hidden_evidence,
            "mentions": base.get("mentions", 0) - hidden_mentions,
            "entities_by_type": {k: v for k, v in by_type.items() if v > 0},
            "relations_by_type": {k: v for k, v in by_rel.items() if v > 0},
            "store": base.get("store", self.url),
        }

    # -- resolution decisions -------------------------------------------------------------------
    def list_decisions(self, kind: str | None = None, status: str | None = "active",
                       entity_id: str | None = None) -> list[dict[str, Any]]:
        rows = self.base.list_decisions(kind=kind, status=status, entity_id=entity_id)
        return [d for d in rows if self.taint.entity_visible(d["a"]) and self.taint.entity_visible(d["b"])]


def _matches(entity: Entity, query: str, compact: str) -> bool:
    if any(query in fold(n) for n in [entity.name, *entity.aliases]):
        return True
    return any(compact in v.lower() for v in entity.identifiers.values())
