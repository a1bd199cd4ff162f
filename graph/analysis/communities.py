"""Groups in the network: Louvain and Leiden communities with modularity and summaries.

Both methods maximise modularity (with a ``resolution``: higher gives smaller groups) on the
projection weighted by tie strength, and are reproducible with ``seed``. Louvain is networkx's
``louvain_communities``; Leiden is ``leidenalg`` (networkx has no Leiden of its own). On large
graphs (``backend="auto"``) Louvain runs on igraph (:mod:`graph.analysis.fast`), which reaches the
same modularity but not necessarily the same groups.

>>> from graph.analysis.examples import port_network
>>> result = communities(port_network(), seed=1)
>>> result.modularity > 0.3, len(result.communities)
(True, 3)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from graph.analysis.fast import FAST_MIN_EDGES, fast_graph
from graph.analysis.projection import as_graph, node_row
from graph.errors import InvalidInput

__all__ = ["communities", "community_sets", "CommunityResult", "Community"]

METHODS = ("louvain", "leiden")


@dataclass
class Community:
    """One group: its size, node types and key members (highest weighted degree inside it)."""

    id: int
    size: int
    types: dict[str, int]
    key_members: list[dict[str, Any]]
    members: list[str]
    internal_weight: float
    external_weight: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CommunityResult:
    method: str
    resolution: float
    seed: int | None
    modularity: float
    communities: list[Community] = field(default_factory=list)

    @property
    def membership(self) -> dict[str, int]:
        """``{entity_id: community id}``."""
        return {m: c.id for c in self.communities for m in c.members}

    def to_dict(self, members: bool = True) -> dict[str, Any]:
        out = {"method": self.method, "resolution": self.resolution, "seed": self.seed,
               "modularity": self.modularity, "count": len(self.communities),
               "communities": [c.to_dict() for c in self.communities]}
        if not members:
            for c in out["communities"]:
                c.pop("members")
        return out


def community_sets(G: nx.Graph, method: str = "louvain", *, resolution: float = 1.0, seed: int | None = 0,
                   weighted: bool = True, backend: str = "auto") -> list[set[Any]]:
    """The partition as a list of node sets, largest first (ties by smallest member)."""
    return _partition(G, method, resolution, seed, weighted, backend)[0]


def _partition(G: nx.Graph, method: str, resolution: float, seed: int | None, weighted: bool,
               backend: str) -> tuple[list[set[Any]], float | None]:
    """Node sets and, when the fast backend found them, their modularity (computed there too)."""
    method = method.lower()
    if method not in METHODS:
        raise InvalidInput(f"unknown community method {method!r}; use one of: {', '.join(METHODS)}")
    if resolution <= 0:
        raise InvalidInput("resolution must be positive")
    if len(G) == 0:
        return [], None
    weight = "weight" if weighted else None
    modularity = None
    fast = method == "leiden" or backend == "fast" or (backend == "auto" and G.number_of_edges() >= FAST_MIN_EDGES)
    if not fast:
        parts = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    else:
        fg = fast_graph(G)
        seed_ = 0 if seed is None else seed
        membership = (fg.leiden if method == "leiden" else fg.louvain)(resolution=resolution, seed=seed_,
                                                                      weighted=weighted)
        groups: dict[int, set[Any]] = {}
        for i, c in enumerate(membership):
            groups.setdefault(c, set()).add(fg.nodes[i])
        parts = list(groups.values())
        modularity = fg.igraph().modularity(membership, weights="weight" if weighted else None,
                                            resolution=resolution)
    return sorted((set(p) for p in parts), key=lambda s: (-len(s), min(map(str, s)))), modularity


def communities(
    G: Any,
    method: str = "louvain",
    *,
    resolution: float = 1.0,
    seed: int | None = 0,
    weighted: bool = True,
    key_members: int = 5,
    backend: str = "auto",
) -> CommunityResult:
    """Find communities and summarise each one.

    Parameters
    ----------
    G : networkx.Graph or GraphStore
    method : {"louvain", "leiden"}
    resolution : float
        Modularity resolution (``> 1`` favours smaller communities).
    seed : int
        Random seed; the same seed gives the same communities.
    weighted : bool
        Use tie strength as edge weight (default ``True``).
    key_members : int
        How many members to list per community, by weighted degree inside it.
    backend : {"auto", "networkx", "fast"}

    Returns
    -------
    CommunityResult
        ``modularity`` and ``communities`` (largest first), each with ``size``, ``types``
        (count per entity type), ``key_members``, ``members``, ``internal_weight`` and
        ``external_weight``.

    Examples
    --------
    >>> from graph.analysis.examples import port_network
    >>> r = communities(port_network(), seed=1)
    >>> r.communities[0].key_members[0]["name"] == communities(port_network(), seed=1).communities[0].key_members[0]["name"]
    True
    """
    graph = as_graph(G)
    parts, modularity = _partition(graph, method, resolution, seed, weighted, backend)
    if modularity is None:
        weight = "weight" if weighted else None
        modularity = nx.community.modularity(graph, parts, weight=weight, resolution=resolution) if parts else 0.0
    result = CommunityResult(method=method.lower(), resolution=resolution, seed=seed, modularity=float(modularity))
    for cid, members in enumerate(parts):
        inside = 0.0
        outside = 0.0
        strength: Counter[Any] = Counter()
        for u in members:
            for v, data in graph[u].items():
                w = float(data.get("weight", 1.0)) if weighted else 1.0
                if v in members:
                    strength[u] += w
                    if str(u) <= str(v):
                        inside += w
                else:
                    outside += w
        ranked = sorted(members, key=lambda n: (-strength[n], str(n)))
        keys = [{**node_row(graph, n), "strength": strength[n]} for n in ranked[:key_members]]
        types = Counter(graph.nodes[n].get("type", "") for n in members)
        result.communities.append(Community(
            id=cid, size=len(members), types=dict(sorted(types.items())), key_members=keys,
            members=sorted(map(str, members)), internal_weight=inside, external_weight=outside))
    return result
