"""Node sizes for pictures: PageRank over the whole (cleared) graph, cached per state of the store.

On a large store (more than ``LARGE`` relations) the global measure is not worth a request's
time; the degree inside the picture is used instead.
"""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

import networkx as nx

from graph.model import Subgraph
from graph.store.view import ClearedView

LARGE = 200_000
_lock = threading.Lock()


def _pagerank(view: ClearedView) -> dict[str, float]:
    graph = view.projection()
    try:
        from graph.analysis import centrality  # type: ignore[attr-defined]

        return {row["entity_id"]: float(row["score"]) for row in centrality(graph, measure="pagerank")}
    except (ImportError, TypeError, KeyError):
        simple = nx.Graph()
        simple.add_nodes_from(graph.nodes)
        for u, v, data in graph.edges(data=True):
            if u != v:
                w = simple.get_edge_data(u, v, {}).get("weight", 0.0)
                simple.add_edge(u, v, weight=w + float(data.get("weight") or 1.0))
        return nx.pagerank(simple, weight="weight") if simple.number_of_nodes() else {}


def global_scores(app: Any, view: ClearedView) -> dict[str, float] | None:
    """PageRank of every visible entity, or None on a large store."""
    cache: dict[str, tuple[Any, dict[str, float] | None]] = app.state.size_cache
    taint = view.taint
    with _lock:
        hit = cache.get(view.clearance)
        if hit is not None and hit[0] is taint:
            return hit[1]
    scores = None if view.base.stats().get("relations", 0) > LARGE else _pagerank(view)
    with _lock:
        cache[view.clearance] = (taint, scores)
    return scores


def node_sizes(app: Any, view: ClearedView, sub: Subgraph) -> dict[str, float]:
    scores = global_scores(app, view)
    if scores is None:
        degree: Counter[str] = Counter()
        for rel in sub.edges:
            degree[rel.source] += 1
            degree[rel.target] += 1
        return {n.entity_id: float(degree[n.entity_id]) for n in sub.nodes}
    return {n.entity_id: scores.get(n.entity_id, 0.0) for n in sub.nodes}
