"""Likely hidden links between watchlisted and other entities.

Scores unlinked pairs ``(watchlisted, other)`` that share at least one neighbour, by common
neighbours, Jaccard, Adamic-Adar or resource allocation (networkx's definitions). Results are
**predictions**: flagged ``"predicted": True``, returned to the caller and never written to a
store.

>>> from graph.analysis.examples import port_network
>>> row = predict_links(port_network(), ["person:milan-vos"], top=1)[0]
>>> row["target"]["entity_id"], row["predicted"]
('company:havenzicht-transport-bvba', True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.analysis.projection import as_graph, node_row
from graph.analysis.watchlist import match_watchlist
from graph.errors import InvalidInput

__all__ = ["predict_links", "LINK_METHODS"]

LINK_METHODS = ("adamic_adar", "resource_allocation", "common_neighbors", "jaccard")


def predict_links(
    G: Any,
    sources: Iterable[str] | None = None,
    *,
    method: str = "adamic_adar",
    top: int | None = 20,
    include_weak: bool = False,
    types: Iterable[str] | None = None,
    exclude_sources: bool = True,
) -> list[dict[str, Any]]:
    """Rank missing links from ``sources`` (default: analyst-tagged watchlist entities).

    Parameters
    ----------
    G : networkx.Graph or GraphStore
    sources : iterable of str, optional
        Entity ids to predict links from (the watchlist).
    method : {"adamic_adar", "resource_allocation", "common_neighbors", "jaccard"}
    top : int, optional
        Pairs to return (``None``: all).
    include_weak : bool
        Count weak co-mentions as ties.
    types : iterable of str, optional
        Only propose links to entities of these types.
    exclude_sources : bool
        Do not propose links between two watchlisted entities.

    Returns
    -------
    list of dict
        ``{"source", "target" (entity rows), "score", "method", "common_neighbors", "predicted": True}``,
        best first.
    """
    if method not in LINK_METHODS:
        raise InvalidInput(f"unknown method {method!r}; use one of: {', '.join(LINK_METHODS)}")
    if top is not None and top < 1:
        raise InvalidInput("top must be at least 1")
    graph = as_graph(G, include_weak=include_weak)
    if sources is None:
        srcs = match_watchlist(graph, []).entity_ids
    else:
        srcs = list(dict.fromkeys(sources))
        missing = [s for s in srcs if s not in graph]
        if missing:
            raise InvalidInput(f"entity {missing[0]!r} is not in the graph")
    if not srcs:
        raise InvalidInput("no source entities: give watchlisted entity ids")
    wanted = None if types is None else {t.upper() for t in types}
    src_set = set(srcs)
    pairs = []
    for s in srcs:
        seen = set()
        for z in graph[s]:
            for t in graph[z]:
                if t == s or t in seen or graph.has_edge(s, t):
                    continue
                if exclude_sources and t in src_set:
                    continue
                if wanted is not None and graph.nodes[t].get("type") not in wanted:
                    continue
                seen.add(t)
                pairs.append((s, t))
    scorer = {"adamic_adar": nx.adamic_adar_index, "resource_allocation": nx.resource_allocation_index,
              "jaccard": nx.jaccard_coefficient}.get(method)
    if scorer is None:
        scored = [(s, t, float(len(list(nx.common_neighbors(graph, s, t))))) for s, t in pairs]
    else:
        scored = [(s, t, float(p)) for s, t, p in scorer(graph, pairs)]
    scored.sort(key=lambda x: (-x[2], str(x[0]), str(x[1])))
    rows = []
    for s, t, score in scored[:top] if top is not None else scored:
        common = sorted(nx.common_neighbors(graph, s, t), key=str)
        rows.append({"source": node_row(graph, s), "target": node_row(graph, t), "score": score,
                     "method": method, "common_neighbors": [node_row(graph, c) for c in common[:10]],
                     "predicted": True})
    return rows
