"""Brokers: the entities that bridge groups, the network's vulnerable points.

A broker scores on three classic measures:

* ``bridging``: *inter-community betweenness*, the share of shortest paths between entities of
  **different** communities that pass through the node (Brandes' accumulation in which only
  targets outside the source's community count; normalised by the number of such ordered pairs);
* ``constraint``: Burt's constraint (low = the node's contacts are not tied to each other: it
  spans structural holes), ``nx.constraint`` with tie strength;
* ``effective_size``: Burt's effective size of the ego network (``nx.effective_size``).

Rows are ranked by ``bridging``, then by low constraint.

>>> from graph.analysis.examples import port_network
>>> brokers(port_network(), top=1, seed=1)[0]["name"]
'Scheldt Forwarding NV'
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.analysis.communities import community_sets
from graph.analysis.projection import as_graph, node_row
from graph.errors import InvalidInput

__all__ = ["brokers", "intercommunity_betweenness"]


def intercommunity_betweenness(G: nx.Graph, membership: Mapping[Any, int], *, k: int | None = None,
                               seed: int | None = 0) -> dict[Any, float]:
    """Share of shortest paths between different communities passing through each node.

    Parameters
    ----------
    G : networkx.Graph
    membership : mapping
        ``{node: community id}``.
    k : int, optional
        Use ``k`` sampled sources (scaled by ``n / k``), like sampled betweenness.
    seed : int

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(3, 1)   # triangles 0-1-2 and 4-5-6 joined through node 3
    >>> member = {n: 0 if n < 3 else 1 for n in G}
    >>> b = intercommunity_betweenness(G, member)   # 18 of the 24 cross pairs pass through 3
    >>> max(b, key=b.get), b[3]
    (3, 0.75)
    """
    nodes = list(G)
    if k is not None and k < len(nodes):
        sources = random.Random(seed).sample(nodes, k)
        scale_sources = len(nodes) / k
    else:
        sources, scale_sources = nodes, 1.0
    size: dict[int, int] = {}
    for n in nodes:
        size[membership[n]] = size.get(membership[n], 0) + 1
    n_total = len(nodes)
    pairs = sum(c * (n_total - c) for c in size.values())  # ordered pairs in different communities
    score = dict.fromkeys(nodes, 0.0)
    for s in sources:
        order, preds, sigma = _bfs(G, s)
        delta = dict.fromkeys(order, 0.0)
        cs = membership[s]
        while order:
            w = order.pop()
            coeff = ((1.0 if membership[w] != cs else 0.0) + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                score[w] += delta[w]
    if pairs:
        factor = scale_sources / pairs
        for n in score:
            score[n] *= factor
    return score


def _bfs(G: nx.Graph, s: Any) -> tuple[list[Any], dict[Any, list[Any]], dict[Any, float]]:
    order: list[Any] = []
    preds: dict[Any, list[Any]] = {s: []}
    sigma: dict[Any, float] = {s: 1.0}
    dist = {s: 0}
    queue = deque([s])
    while queue:
        v = queue.popleft()
        order.append(v)
        for w in G[v]:
            if w not in dist:
                dist[w] = dist[v] + 1
                sigma[w] = 0.0
                preds[w] = []
                queue.append(w)
            if dist[w] == dist[v] + 1:
                sigma[w] += sigma[v]
                preds[w].append(v)
    return order, preds, sigma


def brokers(
    G: Any,
    *,
    top: int | None = 20,
    communities: list[set[Any]] | Mapping[Any, int] | None = None,
    method: str = "louvain",
    resolution: float = 1.0,
    seed: int | None = 0,
    k: int | None = None,
    types: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Rank entities by how much they bridge communities.

    Parameters
    ----------
    G : networkx.Graph or GraphStore
    top : int, optional
        Rows to return (default 20; ``None`` for all).
    communities : list of sets or mapping, optional
        A partition to use; found with ``method``/``resolution``/``seed`` when not given.
    method, resolution, seed
        Passed to :func:`~graph.analysis.communities.community_sets`.
    k : int, optional
        Sampled sources for the bridging score on large graphs.
    types : list of str, optional
        Report only these entity types.

    Returns
    -------
    list of dict
        ``entity_id``, ``name``, ``type``, ``community``, ``bridging``, ``constraint``,
        ``effective_size``, ``communities_reached`` (other communities among its neighbours).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(4, 1)
    >>> [r["entity_id"] for r in brokers(G, top=3, communities=[set(range(4)), set(range(4, 9))])]
    [4, 3, 5]
    """
    if top is not None and top < 1:
        raise InvalidInput("top must be at least 1")
    graph = as_graph(G)
    if len(graph) == 0:
        return []
    if communities is None:
        parts = community_sets(graph, method, resolution=resolution, seed=seed)
        membership = {n: i for i, part in enumerate(parts) for n in part}
    elif isinstance(communities, Mapping):
        membership = dict(communities)
    else:
        membership = {n: i for i, part in enumerate(communities) for n in part}
    missing = [n for n in graph if n not in membership]
    next_id = max(membership.values(), default=-1) + 1
    for i, n in enumerate(missing):
        membership[n] = next_id + i
    bridging = intercommunity_betweenness(graph, membership, k=k, seed=seed)
    wanted = None if types is None else {t.upper() for t in types}
    ranked = [n for n in sorted(graph, key=lambda n: (-bridging[n], str(n)))
              if wanted is None or graph.nodes[n].get("type", "") in wanted]
    ranked = ranked[:top] if top is not None else ranked
    constraint = nx.constraint(graph, ranked, weight="weight")
    effective = nx.effective_size(graph, ranked, weight="weight")
    rows = []
    for n in ranked:
        reached = {membership[v] for v in graph[n]} - {membership[n]}
        c = constraint.get(n, math.nan)
        rows.append({**node_row(graph, n), "community": membership[n], "bridging": bridging[n],
                     "constraint": None if math.isnan(c) else float(c),
                     "effective_size": None if math.isnan(effective.get(n, math.nan)) else float(effective[n]),
                     "communities_reached": len(reached)})
    rows.sort(key=lambda r: (-r["bridging"], r["constraint"] if r["constraint"] is not None else 9.0,
                             str(r["entity_id"])))
    return rows
