"""Expansion with a degree cap: an entity's neighbours a page at a time, strongest ties first.

"Expand 2 hops" on a hub draws a hairball. :func:`expand` returns at most ``cap`` neighbours of
one entity that pass a :class:`~graph.filters.GraphFilter`, ranked typed relations before weak
co-mentions, then by pieces of evidence; ``next_offset`` asks for the next page ("show more").
"""

from __future__ import annotations

from typing import Any

from graph.errors import InvalidInput
from graph.filters import GraphFilter
from graph.model import Relation, Subgraph
from graph.schema import SCHEMA
from graph.store.base import own_relations

__all__ = ["expand", "expand_subgraph", "MAX_CAP", "MAX_NEIGHBOURS"]

MAX_CAP = 200
MAX_NEIGHBOURS = 5000


def expand(store: Any, entity_id: str, flt: GraphFilter | None = None, cap: int = 25,
           offset: int = 0) -> dict[str, Any]:
    """Up to ``cap`` neighbours of ``entity_id`` from ``offset`` on, with the relations among them.

    Returns the subgraph (``nodes``: the entity first; ``edges``) and ``focus``, ``total`` (all
    neighbours that pass the filter), ``shown``, ``offset`` and ``next_offset`` (``None`` on the
    last page).
    """
    sub, page = expand_subgraph(store, entity_id, flt, cap, offset)
    return {**sub.to_dict(), **page}


def expand_subgraph(store: Any, entity_id: str, flt: GraphFilter | None = None, cap: int = 25,
                    offset: int = 0) -> tuple[Subgraph, dict[str, Any]]:
    """:func:`expand` as a :class:`Subgraph` and its paging (``focus``, ``total``, ``shown``...)."""
    if not 1 <= cap <= MAX_CAP:
        raise InvalidInput(f"cap must be between 1 and {MAX_CAP}")
    if offset < 0:
        raise InvalidInput("offset must be 0 or more")
    flt = flt or GraphFilter()
    own = own_relations(store, entity_id, include_weak=flt.include_weak, limit=MAX_NEIGHBOURS)
    focus = own.nodes[0]  # an id merged away: the entity it went into
    sub = flt.apply(own, store, focus=[focus.entity_id])
    rank: dict[str, tuple[int, int, str]] = {}
    for rel in sub.edges:
        other = rel.target if rel.source == focus.entity_id else rel.source
        key = (int(SCHEMA.relations[rel.type].weak), -len(rel.evidence), other)
        rank[other] = min(rank.get(other, key), key)
    ordered = sorted(rank, key=rank.__getitem__)
    page = ordered[offset:offset + cap]
    shown = {focus.entity_id, *page}
    among = [r for r in store.relations_between(sorted(shown), sorted(flt.relation_types or ()) or None,
                                                flt.include_weak)
             if focus.entity_id not in (r.source, r.target)]
    edges: list[Relation] = [r for r in sub.edges if r.source in shown and r.target in shown]
    edges += flt.relations(among, store)
    nodes = {n.entity_id: n for n in sub.nodes}
    out = Subgraph(nodes=[focus, *(nodes[e] for e in page)], edges=edges)
    more = offset + cap < len(ordered)
    return out, {"focus": focus.entity_id, "total": len(ordered), "shown": len(page), "offset": offset,
                 "next_offset": offset + cap if more else None}
