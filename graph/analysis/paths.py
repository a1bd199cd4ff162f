"""How is this entity connected to that one, and on what evidence.

:func:`evidence_paths` returns the shortest path (or the ``k`` shortest simple paths, fewest hops
first, stronger ties first among equally short ones) between two entities. Each edge lists the
relation types it merges and, when a store is given, the evidence behind them: document id,
sentence, character span, extraction method, date and the document's source grading. Weak
``CO_MENTIONED`` edges are avoided unless ``include_weak=True``.

>>> from graph.analysis.examples import port_network
>>> p = evidence_paths(port_network(), "Els Maes", "Jan Peeters")[0]
>>> [n["name"] for n in p["nodes"]]
['Els Maes', 'Milan Vos', 'Jan Peeters']
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

import networkx as nx

from graph.analysis.projection import is_store, node_row, project
from graph.errors import DocumentNotFound, EntityNotFound, InvalidInput, NoPath
from graph.ids import fold
from graph.schema import SCHEMA
from graph.store.base import current_id

__all__ = ["evidence_paths", "resolve_entity", "attach_evidence", "document_gradings", "MAX_K", "MAX_HOPS"]

MAX_K = 20
MAX_HOPS = 8


def resolve_entity(G: nx.Graph, ref: str, store: Any = None) -> str:
    """Node id for ``ref``: an entity id, else a unique exact (folded) name or alias."""
    if ref in G:
        return ref
    key = fold(ref)
    hits = [n for n, d in G.nodes(data=True)
            if fold(str(d.get("name", ""))) == key or any(fold(a) == key for a in d.get("aliases", ()))]
    if not hits and store is not None:
        hits = [e.entity_id for e in store.search(ref, limit=5)
                if e.entity_id in G and (fold(e.name) == key or any(fold(a) == key for a in e.aliases))]
    if not hits and store is not None:  # an id merged away: the entity it went into
        merged = current_id(store, ref)
        hits = [merged] if merged in G else []
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise InvalidInput(f"{ref!r} names {len(hits)} entities ({', '.join(map(str, hits[:5]))}); "
                           "give an entity id")
    raise EntityNotFound(f"no entity {ref!r} in the graph; try `havengraph search {ref!r}`")


def _graph_for(store_or_G: Any, include_weak: bool) -> tuple[nx.Graph, Any]:
    if is_store(store_or_G):
        return project(store_or_G, include_weak=include_weak, entities=False), store_or_G
    if not isinstance(store_or_G, nx.Graph):
        raise InvalidInput("evidence_paths needs a store or a networkx graph")
    graph = project(store_or_G, include_weak=include_weak)
    return graph, None


def evidence_paths(
    store_or_G: Any,
    source: str,
    target: str,
    k: int = 1,
    include_weak: bool = False,
    *,
    max_hops: int = 6,
    max_evidence: int = 3,
    graph: nx.Graph | None = None,
) -> list[dict[str, Any]]:
    """Shortest paths between two entities, each edge with its evidence.

    Parameters
    ----------
    store_or_G : GraphStore or networkx.Graph
        With a store, edges carry evidence snippets; with a bare graph only relation types,
        weights and dates.
    source, target : str
        Entity ids, or names/aliases that identify one entity.
    k : int
        Number of paths (1 to 20), shortest first.
    include_weak : bool
        Allow weak ``CO_MENTIONED`` edges.
    max_hops : int
        Longest path considered (1 to 8).
    max_evidence : int
        Evidence pieces listed per edge (typed relations before co-mentions, strongest first).
    graph : networkx.Graph, optional
        A projection of the store to search on (saves projecting it again).

    Returns
    -------
    list of dict
        ``{"length", "nodes": [...], "edges": [{"source", "target", "types", "weight", "weak",
        "first_seen", "last_seen", "evidence": [...]}], "documents": [...], "strength"}``.

    Raises
    ------
    NoPath
        When the entities are not connected within ``max_hops``.

    Examples
    --------
    >>> from graph.analysis.examples import port_network
    >>> paths = evidence_paths(port_network(), "person:tom-wouters", "person:jan-peeters", k=2)
    >>> [p["length"] for p in paths]
    [4, 4]
    """
    if not 1 <= k <= MAX_K:
        raise InvalidInput(f"k must be between 1 and {MAX_K}")
    if not 1 <= max_hops <= MAX_HOPS:
        raise InvalidInput(f"max_hops must be between 1 and {MAX_HOPS}")
    if graph is not None:
        G = project(graph, include_weak=include_weak)
        store = store_or_G if is_store(store_or_G) else None
    else:
        G, store = _graph_for(store_or_G, include_weak)
    src = resolve_entity(G, source, store)
    tgt = resolve_entity(G, target, store)
    if src == tgt:
        return [{"length": 0, "nodes": [node_row(G, src)], "edges": [], "documents": [], "strength": None}]
    try:
        hops = nx.shortest_path_length(G, src, tgt)
    except nx.NetworkXNoPath:
        hops = None
    if hops is None or hops > max_hops:
        weak_hint = "" if include_weak else " (weak co-mentions excluded; try include_weak)"
        raise NoPath(f"no path between {src} and {tgt} within {max_hops} hops{weak_hint}")
    found = []
    for path in islice(_paths_by_length(G, src, tgt, max_hops), k):
        found.append(path)
    results = [_describe(G, p) for p in found]
    if store is not None:
        attach_evidence(results, store, max_evidence=max_evidence)
    return results


def _paths_by_length(G: nx.Graph, src: Any, tgt: Any, max_hops: int) -> Iterable[list[Any]]:
    """Simple paths, fewest hops first, then smallest total distance (1 / tie strength)."""
    pending: list[list[Any]] = []
    current = None
    for path in nx.shortest_simple_paths(G, src, tgt):
        length = len(path) - 1
        if length > max_hops:
            break
        if current is not None and length != current:
            yield from sorted(pending, key=lambda p: (_distance(G, p), [str(n) for n in p]))
            pending = []
        current = length
        pending.append(path)
        if len(pending) >= MAX_K:
            yield from sorted(pending, key=lambda p: (_distance(G, p), [str(n) for n in p]))
            pending = []
            current = None
    yield from sorted(pending, key=lambda p: (_distance(G, p), [str(n) for n in p]))


def _distance(G: nx.Graph, path: list[Any]) -> float:
    return sum(G[a][b].get("distance", 1.0) for a, b in zip(path, path[1:], strict=False))


def _describe(G: nx.Graph, path: list[Any]) -> dict[str, Any]:
    edges = []
    for a, b in zip(path, path[1:], strict=False):
        d = G[a][b]
        edges.append({"source": a, "target": b, "types": list(d.get("types", ())),
                      "weight": float(d.get("weight", 1.0)), "weak": bool(d.get("weak", False)),
                      "first_seen": d.get("first_seen"), "last_seen": d.get("last_seen"), "evidence": []})
    return {"length": len(path) - 1, "nodes": [node_row(G, n) for n in path], "edges": edges,
            "documents": [], "strength": min((e["weight"] for e in edges), default=None)}


def attach_evidence(paths: list[dict[str, Any]], store: Any, *, max_evidence: int = 3,
                    gradings: dict[str, str | None] | None = None) -> None:
    """Fill ``evidence`` and ``documents`` of described paths from the store (in place).

    ``gradings`` (document id -> source grading, see :func:`document_gradings`) saves reading each
    cited document; documents it lacks are read one by one.
    """
    pairs = {frozenset((e["source"], e["target"])) for p in paths for e in p["edges"]}
    ids = {n for pair in pairs for n in pair}
    relations = store.relations_between(ids, None, True) if ids else []
    by_pair: dict[frozenset[Any], list[Any]] = {}
    for rel in relations:
        key = frozenset((rel.source, rel.target))
        if key in pairs:
            by_pair.setdefault(key, []).append(rel)
    gradings = dict(gradings) if gradings is not None else {}
    for path in paths:
        docs: list[str] = []
        for edge in path["edges"]:
            pieces = []
            for rel in by_pair.get(frozenset((edge["source"], edge["target"])), []):
                if rel.type not in edge["types"]:
                    continue
                for ev in rel.evidence:
                    pieces.append((rel, ev))
            # typed relations before co-mentions, then the strongest evidence first
            pieces.sort(key=lambda re: (SCHEMA.relations[re[0].type].weak, -re[1].weight, re[1].doc_id, re[1].start))
            for rel, ev in pieces[:max_evidence]:
                if ev.doc_id not in gradings:
                    gradings[ev.doc_id] = _grading(store, ev.doc_id)
                edge["evidence"].append({
                    "relation": rel.type, "doc_id": ev.doc_id, "sentence": ev.sentence, "start": ev.start,
                    "end": ev.end, "method": ev.method, "date": ev.date, "page": ev.page,
                    "weight": ev.weight, "grading": gradings[ev.doc_id]})
            edge["evidence_count"] = len(pieces)
            for _, ev in pieces:
                if ev.doc_id not in docs:
                    docs.append(ev.doc_id)
        path["documents"] = docs


def document_gradings(store: Any, page: int = 1000) -> dict[str, str | None]:
    """Every document's source grading (document id -> grading or None), read a page at a time."""
    gradings: dict[str, str | None] = {}
    offset = 0
    while True:
        docs = store.list_documents(limit=page, offset=offset)
        gradings.update({d["doc_id"]: d.get("grading") for d in docs})
        if len(docs) < page:
            return gradings
        offset += page


def _grading(store: Any, doc_id: str) -> str | None:
    try:
        return store.get_document(doc_id).grading
    except DocumentNotFound:  # removed meanwhile: the evidence stands without a grade
        return None
