"""Time: the dated events around an entity, and paths whose hops follow one another in time.

:func:`timeline` lists every dated piece of evidence on the relations of one entity, oldest
first, each with its sentence. :func:`time_ordered_path` finds the path with the fewest hops
between two entities in which each hop is dated no earlier than the hop before it (i2's
"time-ordered path"): a call on 2 May, then a shipment on 5 May, connects; the reverse does not.

Both read the store through its protocol only (``adjacent``, ``relations_between``,
``get_entities``), so they work on either backend and through a need-to-know view.
"""

from __future__ import annotations

from typing import Any

from graph.errors import InvalidInput, NoPath
from graph.filters import GraphFilter, document_facts
from graph.model import Relation, Subgraph
from graph.store.base import MAX_PATH_DEPTH, own_relations

__all__ = ["timeline", "time_ordered_path", "MAX_EVENTS"]

MAX_EVENTS = 5000


def timeline(store: Any, entity_id: str, flt: GraphFilter | None = None, limit: int = 500) -> dict[str, Any]:
    """The dated events of ``entity_id``'s relations, oldest first.

    Returns ``{"entity", "events", "undated", "truncated"}``; each event holds ``date``, the
    relation (``type``, ``source``, ``target`` and their names), ``sentence``, ``doc_id``,
    ``start``, ``end``, ``method`` and the document's ``grading``. ``undated`` counts the
    evidence that passed the filter but names no date.
    """
    if not 1 <= limit <= MAX_EVENTS:
        raise InvalidInput(f"limit must be between 1 and {MAX_EVENTS}")
    flt = flt or GraphFilter()
    sub = own_relations(store, entity_id, include_weak=flt.include_weak, limit=MAX_EVENTS)
    entity = sub.nodes[0]
    sub = flt.apply(sub, store, focus=[entity.entity_id])
    names = {n.entity_id: n.name for n in sub.nodes}
    gradings = document_facts(store, {e.doc_id for r in sub.edges for e in r.evidence})
    events, undated, seen = [], 0, set()
    for rel in sub.edges:
        for ev in rel.evidence:
            if not ev.date:
                undated += 1
                continue
            once = (ev.date, rel.type, rel.source, rel.target, ev.doc_id, ev.sentence)
            if once in seen:  # two mentions in one sentence are one event
                continue
            seen.add(once)
            events.append({"date": ev.date, "type": rel.type, "source": rel.source,
                           "source_name": names.get(rel.source, rel.source), "target": rel.target,
                           "target_name": names.get(rel.target, rel.target), "sentence": ev.sentence,
                           "doc_id": ev.doc_id, "start": ev.start, "end": ev.end, "method": ev.method,
                           "grading": gradings.get(ev.doc_id, (None, None))[0]})
    events.sort(key=lambda e: (e["date"], e["doc_id"], e["start"], e["type"]))
    return {"entity": entity.to_dict(), "events": events[:limit], "undated": undated,
            "truncated": len(events) > limit, "filter": flt.to_dict()}


def time_ordered_path(store: Any, source: str, target: str, max_depth: int = 6,
                      flt: GraphFilter | None = None, ordered: bool = True) -> dict[str, Any]:
    """The fewest-hop path from ``source`` to ``target`` whose hop dates never go back in time.

    Each hop is one relation and takes the earliest of its dated evidence that is not before the
    previous hop (taking the earliest keeps the most ways open). Undated evidence cannot order a
    hop and is not used. With ``ordered=False`` the hops only need dated evidence that passes
    ``flt`` (the shortest path within a date range), in any order. Returns the path as a subgraph (nodes in order, one relation per hop
    with the evidence that dates it) plus ``hop_dates``; raises ``NoPath`` when there is none.
    """
    if not 1 <= max_depth <= MAX_PATH_DEPTH:
        raise InvalidInput(f"max_depth must be between 1 and {MAX_PATH_DEPTH}")
    flt = flt or GraphFilter(include_weak=False)
    src = store.get_entity(source).entity_id
    tgt = store.get_entity(target).entity_id
    if src == tgt:
        return {**Subgraph(nodes=[store.get_entity(src)]).to_dict(), "hops": 0, "hop_dates": []}
    start = flt.date_from or ""
    best: dict[str, str] = {src: start}  # earliest arrival date known for each entity
    back: dict[str, tuple[str, Relation, str]] = {}  # entity -> (previous entity, relation, hop date)
    frontier = {src: start}
    for _ in range(max_depth):
        nxt: dict[str, str] = {}
        for rel in _dated_relations(store, list(frontier), flt):
            for here, there in ((rel.source, rel.target), (rel.target, rel.source)):
                if here not in frontier or there == src:
                    continue
                arrival = frontier[here] if ordered else start
                when = min((e.date for e in rel.evidence if e.date and e.date >= arrival), default=None)
                if when is None or (there in best and (best[there] <= when or not ordered)):
                    continue
                best[there] = when
                nxt[there] = when
                back[there] = (here, rel, when)
        if tgt in nxt or not nxt:
            break
        frontier = nxt
    if tgt not in back:
        raise NoPath(f"no {'time-ordered' if ordered else 'dated'} path between {src} and {tgt} within {max_depth} hops")
    hops: list[tuple[Relation, str]] = []
    node = tgt
    path = [tgt]
    while node != src:
        prev, rel, when = back[node]
        hops.append((rel, when))
        path.append(prev)
        node = prev
    path.reverse()
    hops.reverse()
    entities = store.get_entities(path)
    edges = [Relation(r.source, r.target, r.type, [e for e in r.evidence if e.date == when], dict(r.properties))
             for r, when in hops]
    sub = Subgraph(nodes=[entities[e] for e in path], edges=edges)
    return {**sub.to_dict(), "hops": len(edges), "hop_dates": [when for _, when in hops]}


def _dated_relations(store: Any, frontier: list[str], flt: GraphFilter) -> list[Relation]:
    """Relations touching ``frontier`` that pass ``flt``, keeping only their dated evidence."""
    wanted = set(frontier)
    types = sorted(flt.relation_types) if flt.relation_types else None
    around = {other for s, t, _ in store.adjacent(frontier, types, flt.include_weak) for other in (s, t)}
    touching = [r for r in store.relations_between(sorted(wanted | around), types, flt.include_weak)
                if r.source in wanted or r.target in wanted]
    if flt.entity_types is not None:
        kinds = {e: ent.type for e, ent in store.get_entities({r.source for r in touching} |
                                                              {r.target for r in touching}).items()}
        touching = [r for r in touching if all(x in wanted or kinds.get(x) in flt.entity_types
                                               for x in (r.source, r.target))]
    out = []
    for rel in flt.relations(touching, store):
        dated = [e for e in rel.evidence if e.date]
        if dated:
            out.append(Relation(rel.source, rel.target, rel.type, dated, rel.properties))
    return out
