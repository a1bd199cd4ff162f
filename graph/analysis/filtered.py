"""Neighbourhoods, paths and chosen subgraphs under a :class:`~graph.filters.GraphFilter`.

The stores answer ``neighbors``, ``shortest_path`` and ``subgraph`` with types and weak links only;
these functions walk the graph hop by hop through the store protocol (``adjacent``,
``relations_between``, ``get_entities``) and keep only the relations that pass the whole filter
(date range, grading, handling, undated relations), so that a neighbour or a hop reached only
through a call made in March is not shown in a picture of June. Without an active filter they
hand over to the store's own query.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.errors import InvalidInput, NoPath
from graph.filters import GraphFilter
from graph.model import Relation, Subgraph
from graph.store.base import MAX_PATH_DEPTH, own_relations

__all__ = ["filtered_neighbors", "filtered_path", "filtered_path_subgraph", "filtered_subgraph", "filtered_own_relations"]


#: how many more entities a typed neighbourhood may walk through than it shows
WALK_FACTOR = 20


def _types(flt: GraphFilter) -> list[str] | None:
    return sorted(flt.relation_types) if flt.relation_types else None


def _hop(store: Any, frontier: list[str], flt: GraphFilter, known: set[str]) -> list[Relation]:
    """The relations touching ``frontier`` that pass ``flt``, their far ends of an allowed type."""
    wanted = set(frontier)
    around = {x for s, t, _ in store.adjacent(frontier, _types(flt), flt.include_weak) for x in (s, t)}
    touching = [r for r in store.relations_between(sorted(wanted | around), _types(flt), flt.include_weak)
                if r.source in wanted or r.target in wanted]
    if flt.entity_types is not None:
        ends = {r.source for r in touching} | {r.target for r in touching}
        kinds = {e: ent.type for e, ent in store.get_entities(ends - known).items()}
        touching = [r for r in touching if all(x in known or kinds.get(x) in flt.entity_types
                                               for x in (r.source, r.target))]
    return flt.relations(touching, store)


def _evidence_filter(flt: GraphFilter) -> bool:
    """Whether ``flt`` judges evidence (dates, grading, handling, undated relations), which the
    stores' own queries cannot do."""
    return flt.dated or flt.needs_documents or flt.undated != "include"


def filtered_neighbors(store: Any, entity_id: str, flt: GraphFilter | None = None, depth: int = 1,
                       limit: int = 100) -> Subgraph:
    """The entity and up to ``limit`` entities within ``depth`` hops through relations that pass
    ``flt``, with the passing relations among them; the entity comes first.

    As in the stores' ``neighbors``, entity types choose what is shown, not the way: a vessel two
    hops away through a company is shown when only vessels are asked for.
    """
    flt = flt or GraphFilter()
    types = sorted(flt.entity_types) if flt.entity_types else None
    if not _evidence_filter(flt):
        return store.neighbors(entity_id, depth=depth, types=types, relation_types=_types(flt), limit=limit,
                               include_weak=flt.include_weak)
    walk = replace(flt, entity_types=None)
    focus = store.get_entity(entity_id)
    seen = [focus.entity_id]
    known = set(seen)
    frontier = [focus.entity_id]
    # like the stores: the walk stops once it holds enough entities (more when types thin them out)
    cap = limit if flt.entity_types is None else limit * WALK_FACTOR
    for _ in range(depth):
        nxt: list[str] = []
        for rel in _hop(store, frontier, walk, known):
            for other in (rel.source, rel.target):
                if other not in known and len(seen) + len(nxt) <= cap:
                    known.add(other)
                    nxt.append(other)
        if not nxt:
            break
        seen += nxt
        frontier = nxt
        if len(seen) > cap:
            break
    entities = store.get_entities(seen[1:])
    keep = [focus.entity_id] + [e for e in seen[1:] if e in entities and (
        flt.entity_types is None or entities[e].type in flt.entity_types)][:limit]
    edges = walk.relations(store.relations_between(keep, _types(flt), flt.include_weak), store)
    return Subgraph(nodes=[focus, *(entities[e] for e in keep[1:])], edges=edges)


def filtered_own_relations(store: Any, entity_id: str, flt: GraphFilter | None = None, limit: int = 200) -> Subgraph:
    """:func:`~graph.store.base.own_relations` (the entity's own relations) under ``flt``."""
    flt = flt or GraphFilter()
    sub = own_relations(store, entity_id, include_weak=flt.include_weak, limit=limit)
    return flt.apply(sub, store, focus=[sub.nodes[0].entity_id]) if flt.active else sub


def filtered_path(store: Any, source: str, target: str, flt: GraphFilter | None = None, max_depth: int = 6,
                  time_ordered: bool = False) -> dict[str, Any]:
    """The fewest-hop path whose every hop passes ``flt`` (``time_ordered``: hops in date order).

    Returns the path as a subgraph dict (nodes in order, the passing relations of each hop) with
    ``hops``; a time-ordered path adds ``hop_dates``. Raises ``NoPath`` when there is none.
    """
    from graph.analysis.timeline import time_ordered_path

    if not 1 <= max_depth <= MAX_PATH_DEPTH:
        raise InvalidInput(f"max_depth must be between 1 and {MAX_PATH_DEPTH}")
    flt = flt or GraphFilter(include_weak=False)
    if time_ordered:
        return time_ordered_path(store, source, target, max_depth=max_depth, flt=flt, ordered=True)
    sub = filtered_path_subgraph(store, source, target, flt, max_depth)
    return {**sub.to_dict(), "hops": max(len(sub.nodes) - 1, 0)}


def filtered_path_subgraph(store: Any, source: str, target: str, flt: GraphFilter | None = None,
                           max_depth: int = 6) -> Subgraph:
    """The fewest-hop path whose every hop passes ``flt``, as a subgraph: nodes in path order,
    the passing relations of each hop in hop order."""
    flt = flt or GraphFilter(include_weak=False)
    if not flt.active:
        return store.shortest_path(source, target, max_depth=max_depth, include_weak=flt.include_weak)
    src, tgt = store.get_entity(source).entity_id, store.get_entity(target).entity_id
    back: dict[str, tuple[str, Relation]] = {src: (src, Relation(src, src, "", []))}
    frontier = [src]
    for _ in range(max_depth):
        if tgt in back or not frontier:
            break
        nxt = []
        for rel in _hop(store, frontier, flt, set(back)):
            for here, there in ((rel.source, rel.target), (rel.target, rel.source)):
                if here in frontier and there not in back:
                    back[there] = (here, rel)
                    nxt.append(there)
        frontier = sorted(set(nxt))
    if tgt not in back:
        raise NoPath(f"no path between {src} and {tgt} within {max_depth} hops under these filters "
                     "(widen the date range, or allow weak links)")
    path, node = [tgt], tgt
    while node != src:
        node = back[node][0]
        path.append(node)
    path.reverse()
    hop_of = {frozenset(p): i for i, p in enumerate(zip(path, path[1:], strict=False))}
    edges = sorted((r for r in flt.relations(store.relations_between(path, _types(flt), flt.include_weak), store)
                    if frozenset((r.source, r.target)) in hop_of),
                   key=lambda r: hop_of[frozenset((r.source, r.target))])
    entities = store.get_entities(path)
    return Subgraph(nodes=[entities[e] for e in path], edges=edges)


def filtered_subgraph(store: Any, entity_ids: list[str], flt: GraphFilter | None = None) -> Subgraph:
    """The chosen entities (all of them stay) and the relations among them that pass ``flt``."""
    flt = flt or GraphFilter()
    sub = store.subgraph(entity_ids, include_weak=flt.include_weak)
    if not flt.active:
        return sub
    return flt.apply(sub, store, focus=[n.entity_id for n in sub.nodes])
