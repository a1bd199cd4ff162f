"""The ``GraphStore`` protocol every backend implements, and traversal shared by backends.

Both backends pass the same contract suite (``tests/graph/test_store_contract.py``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

import networkx as nx

from graph.errors import EntityNotFound, InvalidInput, NoPath
from graph.ids import fold
from graph.model import Document, Entity, Extraction, Mention, Relation, Subgraph
from graph.schema import SCHEMA

MAX_DEPTH = 3
MAX_PATH_DEPTH = 8


@runtime_checkable
class GraphStore(Protocol):
    """What the rest of Havengraph may ask of a store."""

    url: str

    # -- life cycle
    def close(self) -> None: ...

    def clear(self) -> None:
        """Remove everything (tests, and the target of a migration)."""
        ...

    # -- writes (each call is one transaction)
    def write(self, extraction: Extraction, *, replace: bool = False) -> str:
        """Store one document's extraction; ``"written"``, ``"skipped"`` (already there) or ``"replaced"``."""
        ...

    def write_many(self, extractions: Iterable[Extraction], *, replace: bool = False) -> list[str]: ...

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document, its mentions and its evidence; relations left without evidence go too."""
        ...

    # -- reads
    def has_document(self, doc_id: str) -> bool: ...

    def get_document(self, doc_id: str) -> Document: ...

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...

    def document_handling(self) -> list[tuple[str, str | None, str | None]]:
        """``(doc_id, handling, ingested_at)`` of every document, in one read (for access control)."""
        ...

    def get_entity(self, entity_id: str) -> Entity: ...

    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, Entity]: ...

    def search(self, text: str, type: str | None = None, limit: int = 20) -> list[Entity]: ...

    def adjacent(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                 include_weak: bool = True) -> list[tuple[str, str, str]]:
        """Edges ``(source, target, type)`` touching any of ``entity_ids`` (either direction)."""
        ...

    def relations_between(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                          include_weak: bool = True) -> list[Relation]:
        """Relations with both ends in ``entity_ids``, with their evidence."""
        ...

    def mentions(self, entity_id: str, limit: int = 100) -> list[Mention]: ...

    def iter_relations(self) -> Iterator[Relation]: ...

    def iter_entities(self) -> Iterator[Entity]: ...

    def projection(self, types: Iterable[str] | None = None, relation_types: Iterable[str] | None = None,
                   include_weak: bool = True) -> nx.MultiDiGraph: ...

    def stats(self) -> dict[str, Any]: ...

    def neighbors(self, entity_id: str, depth: int = 1, types: Iterable[str] | None = None,
                  relation_types: Iterable[str] | None = None, limit: int = 100,
                  include_weak: bool = True) -> Subgraph: ...

    def shortest_path(self, source: str, target: str, max_depth: int = 6,
                      include_weak: bool = False) -> Subgraph: ...

    def subgraph(self, entity_ids: Iterable[str], include_weak: bool = True) -> Subgraph: ...

    # -- provenance kept for resolution and migration
    def raw_extraction(self, doc_id: str) -> Extraction:
        """The document's extraction as first written (``Extraction.raw`` if set, before resolution)."""
        ...

    def documents_mentioning(self, entity_ids: Iterable[str]) -> list[str]:
        """Ids of documents with a mention of, or evidence on a relation of, any of these entities."""
        ...

    # -- resolution decisions (merge / distinct / candidate), with who, why and when
    def save_decision(self, decision: dict[str, Any]) -> dict[str, Any]: ...

    def save_decisions(self, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Several decisions in one transaction (what the resolver decides about one document)."""
        ...

    def list_decisions(self, kind: str | None = None, status: str | None = "active",
                       entity_id: str | None = None) -> list[dict[str, Any]]: ...

    def set_decision_status(self, decision_id: str, status: str) -> bool: ...


DECISION_KINDS = ("merge", "distinct", "candidate")
DECISION_STATUSES = ("active", "undone", "rejected")


def decision_row(decision: dict[str, Any]) -> dict[str, Any]:
    """A resolution decision with its defaults (status, time) and id, as both stores keep it."""
    row = {"score": None, "reason": "", "features": {}, "status": "active",
           "at": datetime.now(UTC).isoformat(timespec="seconds"), **decision}
    if row["kind"] not in DECISION_KINDS or row["status"] not in DECISION_STATUSES:
        raise InvalidInput(f"a decision is one of {DECISION_KINDS} with a status in {DECISION_STATUSES}")
    if "decision_id" not in row:
        basis = f"{row['kind']}|{row['a']}|{row['b']}|{row['at']}|{row['who']}"
        row["decision_id"] = hashlib.sha1(basis.encode()).hexdigest()[:16]
    return row


def check_types(types: Iterable[str] | None) -> set[str] | None:
    return None if types is None else {SCHEMA.node_name(t) for t in types}


def check_relation_types(types: Iterable[str] | None) -> set[str] | None:
    return None if types is None else {SCHEMA.relation(t).name for t in types}


def check_search(text: str, type: str | None, limit: int) -> tuple[str, str | None]:
    """The folded query and the schema type name of a search; bad arguments raise ``InvalidInput``.

    The query is ``""`` when nothing in it can match a name or an identifier (only punctuation such
    as ``%`` or ``_``, control or zero-width characters): the search then finds nothing, where such
    text used to act as a wildcard and match every entity.
    """
    folded = fold(text)
    if not folded:
        raise InvalidInput("search text is empty")
    query = " ".join("".join(c for c in folded if unicodedata.category(c) not in ("Cc", "Cf")).split())
    if not any(c.isalnum() for c in query):
        query = ""
    if limit < 1:
        raise InvalidInput("limit must be at least 1")
    return query, SCHEMA.node_name(type) if type else None


class TraversalMixin:
    """Neighbourhoods and paths built on ``adjacent``, ``get_entities`` and ``relations_between``.

    A backend with a native traversal (Neo4j) may override these; the contract suite checks both.
    """

    def get_entity(self: Any, entity_id: str) -> Entity:
        """The entity ``entity_id`` names now: an id merged away resolves to the entity it went into."""
        found = self.get_entities([entity_id])
        if entity_id in found:
            return found[entity_id]
        current = current_id(self, entity_id)
        if current is not None:
            return self.get_entities([current])[current]
        raise EntityNotFound(f"no entity {entity_id!r} in the store; try `havengraph search`")

    def neighbors(self: Any, entity_id: str, depth: int = 1, types: Iterable[str] | None = None,
                  relation_types: Iterable[str] | None = None, limit: int = 100,
                  include_weak: bool = True) -> Subgraph:
        if not 1 <= depth <= MAX_DEPTH:
            raise InvalidInput(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
        if limit < 1:
            raise InvalidInput("limit must be at least 1")
        wanted = check_types(types)
        rel_types = check_relation_types(relation_types)
        entity_id = self.get_entity(entity_id).entity_id  # raises EntityNotFound; follows merges
        seen: dict[str, int] = {entity_id: 0}
        frontier = [entity_id]
        for level in range(1, depth + 1):
            nxt: list[str] = []
            for src, tgt, _ in self.adjacent(frontier, rel_types, include_weak):
                for other in (src, tgt):
                    if other not in seen and len(seen) <= limit:
                        seen[other] = level
                        nxt.append(other)
            frontier = nxt
            if not frontier or len(seen) > limit:
                break
        entities = self.get_entities(seen)
        keep = [entity_id] + [
            eid for eid in seen
            if eid != entity_id and eid in entities and (wanted is None or entities[eid].type in wanted)
        ][:limit]
        nodes = [entities[eid] for eid in keep if eid in entities]
        edges = self.relations_between(keep, rel_types, include_weak)
        return Subgraph(nodes=nodes, edges=edges)

    def shortest_path(self: Any, source: str, target: str, max_depth: int = 6,
                      include_weak: bool = False) -> Subgraph:
        if not 1 <= max_depth <= MAX_PATH_DEPTH:
            raise InvalidInput(f"max_depth must be between 1 and {MAX_PATH_DEPTH}")
        source = self.get_entity(source).entity_id  # ids merged away lead to their entity
        target = self.get_entity(target).entity_id
        if source == target:
            return Subgraph(nodes=[self.get_entity(source)], edges=[])
        # bidirectional breadth-first search on the undirected view
        parents_s: dict[str, str | None] = {source: None}
        parents_t: dict[str, str | None] = {target: None}
        front_s, front_t = deque([source]), deque([target])
        meet = None
        for _ in range(max_depth):
            if len(front_s) <= len(front_t):
                meet = _expand(self, front_s, parents_s, parents_t, include_weak)
            else:
                meet = _expand(self, front_t, parents_t, parents_s, include_weak)
            if meet or not (front_s and front_t):
                break
        if meet is None:
            raise NoPath(f"no path between {source} and {target} within {max_depth} hops")
        path = []
        node: str | None = meet
        while node is not None:
            path.append(node)
            node = parents_s[node]
        path.reverse()
        node = parents_t[meet]
        while node is not None:
            path.append(node)
            node = parents_t[node]
        if len(path) - 1 > max_depth:
            raise NoPath(f"no path between {source} and {target} within {max_depth} hops")
        entities = self.get_entities(path)
        hop_of = {pair: i for i, pair in enumerate(zip(path, path[1:], strict=False))}
        hop_of.update({(b, a): i for (a, b), i in list(hop_of.items())})
        edges = [rel for rel in self.relations_between(path, None, include_weak) if (rel.source, rel.target) in hop_of]
        edges.sort(key=lambda rel: (hop_of[(rel.source, rel.target)], rel.type))  # in the order of the path
        return Subgraph(nodes=[entities[e] for e in path], edges=edges)

    def subgraph(self: Any, entity_ids: Iterable[str], include_weak: bool = True) -> Subgraph:
        ids = list(dict.fromkeys(entity_ids))
        entities = self.get_entities(ids)
        if len(entities) < len(ids):  # ids merged away stand for the entities they went into
            ids = list(dict.fromkeys(e if e in entities else (current_id(self, e) or e) for e in ids))
            entities = self.get_entities(ids)
        missing = [e for e in ids if e not in entities]
        if missing:
            raise EntityNotFound(f"unknown entity: {missing[0]}")
        return Subgraph(nodes=[entities[e] for e in ids], edges=self.relations_between(ids, None, include_weak))


def current_id(store: Any, entity_id: str) -> str | None:
    """The id of the entity that ``entity_id`` was merged into, following merge after merge.

    The store's merge decisions are its alias table: an active merge of ``b`` into ``a`` makes
    ``b`` an alias of ``a``; a split undoes the decision, so ``b`` names its own entity again.
    ``None`` when the id was never merged into an entity that exists.
    """
    seen = {entity_id}
    current = entity_id
    while True:
        into = [d["a"] for d in store.list_decisions(kind="merge", entity_id=current) if d["b"] == current]
        if not into or into[-1] in seen:
            return None
        current = into[-1]
        if store.get_entities([current]):
            return current
        seen.add(current)


def own_relations(store: Any, entity_id: str, include_weak: bool = True, limit: int = 500) -> Subgraph:
    """The relations with ``entity_id`` at one end (not those among its neighbours), and the entities
    at their other ends; the entity itself comes first among the nodes. Typed relations come
    before weak co-mentions, the best supported first."""
    entity = store.get_entity(entity_id)
    me = entity.entity_id
    others = list(dict.fromkeys(other for src, tgt, _ in store.adjacent([me], None, include_weak)
                                for other in (src, tgt) if other != me))[:limit]
    edges = [rel for rel in store.relations_between([me, *others], None, include_weak) if me in (rel.source, rel.target)]
    edges.sort(key=lambda r: (SCHEMA.relations[r.type].weak, -len(r.evidence), r.type, r.source, r.target))
    found = store.get_entities(others)
    return Subgraph(nodes=[entity, *(found[o] for o in others if o in found)], edges=edges)


def _expand(store: Any, frontier: deque[str], parents: dict[str, str | None],
            other: dict[str, str | None], include_weak: bool) -> str | None:
    level = list(frontier)
    frontier.clear()
    for src, tgt, _ in store.adjacent(level, None, include_weak):
        for a, b in ((src, tgt), (tgt, src)):
            if a in parents and b not in parents:
                parents[b] = a
                if b in other:
                    return b
                frontier.append(b)
    return None


def build_projection(entities: Iterable[tuple[str, str, str]],
                     edges: Iterable[tuple[str, str, str, float, int, str | None, str | None]]) -> nx.MultiDiGraph:
    """The networkx view analyses run on.

    Nodes carry ``name`` and ``type``; each edge is keyed by its relation type and carries
    ``type``, ``weight`` (summed evidence weight), ``count`` (pieces of evidence),
    ``first_seen``, ``last_seen`` and ``weak``. Nodes are added in ``entity_id`` order and edges
    in (source, target, type) order, whatever order the store read them in: seeded analyses
    (Louvain, sampled betweenness) then give the same answer on every backend.
    """
    graph = nx.MultiDiGraph()
    for eid, type_, name in sorted(entities):
        graph.add_node(eid, name=name, type=type_)
    for src, tgt, type_, weight, count, first, last in sorted(edges, key=lambda e: (e[0], e[1], e[2])):
        graph.add_edge(src, tgt, key=type_, type=type_, weight=float(weight), count=int(count),
                       first_seen=first, last_seen=last, weak=SCHEMA.relations[type_].weak)
    return graph
