"""Network disruption: how much of the network stays connected when chosen actors are taken out.

Investigators ask "if we arrest these people, does the network fall apart?". The answer here is
structural only: the size of the largest connected group and the share of pairs of entities that
can still reach each other, after removing the first k entities of an ordering (brokers, top
degree, a random draw), for k = 0, 1, ... .

>>> from graph.analysis import disruption_curve, port_network
>>> G = port_network()
>>> curve = disruption_curve(G, ["person:jan-peeters"])
>>> curve[0]["largest_component"] > curve[1]["largest_component"]
True
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx


def fragmentation(graph: nx.Graph, removed: Iterable[str] = ()) -> dict[str, float]:
    """Largest connected component and share of connected pairs once ``removed`` are gone.

    ``reachability`` is the share of ordered pairs of the *original* nodes that are still joined
    by a path (1.0 for a connected graph, 0.0 when nothing is left connected).
    """
    n = graph.number_of_nodes()
    gone = set(removed) & set(graph)
    remaining = graph.subgraph(node for node in graph if node not in gone)
    undirected = remaining.to_undirected(as_view=True) if remaining.is_directed() else remaining
    sizes = [len(c) for c in nx.connected_components(undirected)]
    pairs = sum(s * (s - 1) for s in sizes)
    return {"removed": len(gone), "largest_component": max(sizes, default=0),
            "components": len(sizes), "reachability": pairs / (n * (n - 1)) if n > 1 else 0.0}


def disruption_curve(graph: nx.Graph, order: Sequence[str], steps: int | None = None) -> list[dict[str, float]]:
    """:func:`fragmentation` after removing the first 0, 1, ..., ``steps`` nodes of ``order``."""
    steps = len(order) if steps is None else min(steps, len(order))
    return [fragmentation(graph, order[:k]) for k in range(steps + 1)]


def random_disruption(graph: nx.Graph, steps: int, *, draws: int = 20, seed: int = 0,
                      among: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The mean disruption curve of ``draws`` random removal orders: the baseline to beat.

    ``among`` restricts the draw (e.g. to people and firms); by default every node may be drawn.
    """
    pool = sorted(among if among is not None else graph)
    if len(pool) < steps:
        raise ValueError(f"cannot draw {steps} entities out of {len(pool)}")
    curves = [disruption_curve(graph, random.Random(seed + i).sample(pool, steps)) for i in range(draws)]
    return [{key: sum(c[k][key] for c in curves) / draws for key in curves[0][k]} for k in range(steps + 1)]
