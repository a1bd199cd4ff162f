"""The named signals of suspicious-link scoring, and their configuration (``weights.yaml``).

Each signal is a function ``signal(ctx, node) -> (value in [0, 1], detail dict)`` registered in
:data:`SIGNALS`; :func:`~graph.analysis.suspicious.suspicious_links` combines them with the
weights of :func:`load_config`. A :class:`Context` holds what the signals share: the scoring
graph, the watchlist, a breadth-first search from the watchlist (hops, best path reliability,
parents) and the personalised PageRank.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from graph.errors import InvalidInput
from graph.schema import SCHEMA
from graph.schema import grading_weight as schema_grading_weight

__all__ = ["ScoringConfig", "load_config", "Context", "SIGNALS", "grade_weight", "parse_date"]

WEIGHTS_FILE = Path(__file__).with_name("weights.yaml")
Detail = dict[str, Any]


@dataclass(frozen=True)
class ScoringConfig:
    weights: dict[str, float]
    params: dict[str, Any]
    about: dict[str, str] = field(default_factory=dict)

    def with_overrides(self, weights: Mapping[str, float] | None = None,
                       params: Mapping[str, Any] | None = None) -> ScoringConfig:
        new_w = dict(self.weights)
        for name, value in (weights or {}).items():
            if name not in SIGNALS:
                raise InvalidInput(f"unknown signal {name!r}; signals: {', '.join(SIGNALS)}")
            new_w[name] = float(value)
        new_p = dict(self.params)
        for name, value in (params or {}).items():
            if name not in new_p:
                raise InvalidInput(f"unknown scoring parameter {name!r}; parameters: {', '.join(new_p)}")
            new_p[name] = value
        return ScoringConfig(_normalised(new_w), new_p, self.about)


def _normalised(weights: dict[str, float]) -> dict[str, float]:
    if any(w < 0 for w in weights.values()):
        raise InvalidInput("signal weights must not be negative")
    total = sum(weights.values())
    if total <= 0:
        raise InvalidInput("at least one signal weight must be positive")
    return {k: v / total for k, v in weights.items()}


@cache
def load_config(path: Path = WEIGHTS_FILE) -> ScoringConfig:
    """The scoring configuration (weights normalised to sum to 1)."""
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    signals = raw["signals"]
    unknown = set(signals) - set(SIGNALS)
    if unknown:
        raise InvalidInput(f"{path.name} names unknown signals: {', '.join(sorted(unknown))}")
    weights = {name: float(spec["weight"]) for name, spec in signals.items()}
    about = {name: str(spec.get("about", "")) for name, spec in signals.items()}
    return ScoringConfig(_normalised(weights), dict(raw["parameters"]), about)


def grade_weight(grading: str | None, table: Mapping[str, Any] | None = None) -> float:
    """Reliability in ``[0, 1]`` of evidence from a document with this source grading.

    The table is the schema's (``grading`` in graph/schema.yaml) unless another is given.

    >>> grade_weight("A1"), grade_weight("B2"), grade_weight("1-B-P"), grade_weight(None)
    (1.0, 0.765, 0.85, 0.8)
    """
    return schema_grading_weight(grading, dict(table) if table is not None else SCHEMA.grading)


def parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Context:
    """What the signals share for one scoring run."""

    G: nx.Graph
    watch: set[Any]
    cfg: ScoringConfig
    reliability: Callable[[Any, Any, dict[str, Any]], float]
    as_of: date | None = None
    dist: dict[Any, int] = field(default_factory=dict)
    path_rel: dict[Any, float] = field(default_factory=dict)
    parent: dict[Any, Any] = field(default_factory=dict)
    ppr_rank: dict[Any, float] = field(default_factory=dict)
    ppr: dict[Any, float] = field(default_factory=dict)
    strengths: dict[Any, float] = field(default_factory=dict)

    @property
    def p(self) -> dict[str, Any]:
        return self.cfg.params

    def conducts(self, node: Any) -> bool:
        return node in self.watch or self.G.degree(node) <= int(self.p["max_conducting_degree"])

    def search(self) -> None:
        """Breadth-first search from the watchlist: hops, best path reliability and parents."""
        max_hops = int(self.p["max_hops"])
        self.dist = {w: 0 for w in self.watch}
        self.path_rel = {w: 1.0 for w in self.watch}
        self.parent = {w: None for w in self.watch}
        frontier = sorted(self.watch, key=str)
        for hop in range(1, max_hops + 1):
            best: dict[Any, tuple[float, Any]] = {}
            for u in frontier:
                if not self.conducts(u):
                    continue
                for v, data in self.G[u].items():
                    if v in self.dist:
                        continue
                    r = self.path_rel[u] * self.reliability(u, v, data)
                    if v not in best or r > best[v][0]:
                        best[v] = (r, u)
            for v, (r, u) in best.items():
                self.dist[v], self.path_rel[v], self.parent[v] = hop, r, u
            frontier = sorted(best, key=str)
            if not frontier:
                break

    def chain(self, node: Any) -> list[Any]:
        """Path from ``node`` back to the watchlisted entity it was reached from."""
        out = [node]
        while self.parent.get(out[-1]) is not None:
            out.append(self.parent[out[-1]])
        return out

    def rel(self, u: Any, v: Any) -> float:
        return self.reliability(u, v, self.G[u][v])


def _saturate(x: float, at: float) -> float:
    return min(1.0, x / at) if at > 0 else 0.0


def proximity(ctx: Context, node: Any) -> tuple[float, Detail]:
    d = ctx.dist.get(node)
    if d is None or d == 0:
        return 0.0, {"hops": None}
    return ctx.path_rel[node] / d, {"hops": d, "path_reliability": round(ctx.path_rel[node], 4),
                                    "nearest": ctx.chain(node)[-1]}


def routes(ctx: Context, node: Any) -> list[Any]:
    """Neighbours through which a path of at most ``max_hops`` reaches the watchlist.

    A neighbour counts when its route to the watchlist (breadth-first parents) does not come back
    through ``node``: distinct first hops, an upper bound on node-disjoint paths.
    """
    limit = int(ctx.p["max_hops"]) - 1
    return sorted((u for u in ctx.G[node] if ctx.dist.get(u, limit + 1) <= limit and ctx.conducts(u)
                   and node not in ctx.chain(u)),
                  key=lambda u: (ctx.dist[u], -ctx.path_rel[u], str(u)))


def independent_paths(ctx: Context, node: Any) -> tuple[float, Detail]:
    via = routes(ctx, node)
    return _saturate(len(via), float(ctx.p["paths_saturation"])), {"count": len(via), "via": via[:10]}


def shared_identifiers(ctx: Context, node: Any) -> tuple[float, Detail]:
    hard = set(ctx.p["hard_identifier_types"])
    total, shared = 0.0, []
    for h in ctx.G[node]:
        if ctx.G.nodes[h].get("type") not in hard or h not in ctx.dist or ctx.dist[h] > 2:
            continue
        holders = [x for x in ctx.G[h] if x != node]
        if ctx.dist[h] == 0:
            factor, with_ = 1.0, [h]
        else:
            with_ = [x for x in holders if ctx.dist.get(x) == ctx.dist[h] - 1]
            factor = 1.0 if ctx.dist[h] == 1 else 0.5
            if not with_:
                continue
        strength = factor * ctx.rel(node, h) * ctx.path_rel[h] / math.sqrt(max(1, len(holders)))
        total += strength
        shared.append({"identifier": h, "type": ctx.G.nodes[h].get("type"), "with": sorted(with_, key=str)[:5],
                       "holders": len(holders) + 1, "strength": round(strength, 4)})
    shared.sort(key=lambda s: -s["strength"])
    return _saturate(total, float(ctx.p["identifiers_saturation"])), {"shared": shared[:10]}


def _officer_edge(ctx: Context, u: Any, v: Any) -> bool:
    return bool(set(ctx.G[u][v].get("types", ())) & set(ctx.p["officer_relations"]))


def shared_officers(ctx: Context, node: Any) -> tuple[float, Detail]:
    total, people = 0.0, []
    for x in ctx.G[node]:
        if x == node or not _officer_edge(ctx, node, x):
            continue
        if x in ctx.watch:
            factor, why = 1.0, "watchlisted"
        elif any(y in ctx.watch and y != node and _officer_edge(ctx, x, y) for y in ctx.G[x]):
            factor, why = 1.0, "shared with a watchlisted entity"
        elif ctx.dist.get(x) == 1:
            factor, why = 0.5, "tied to a watchlisted entity"
        else:
            continue
        strength = factor * ctx.rel(node, x)
        total += strength
        rels = [t for t in ctx.G[node][x].get("types", ()) if t in ctx.p["officer_relations"]]
        people.append({"entity_id": x, "name": ctx.G.nodes[x].get("name"), "why": why,
                       "relations": rels, "strength": round(strength, 4)})
    people.sort(key=lambda s: -s["strength"])
    return _saturate(total, float(ctx.p["officers_saturation"])), {"officers": people[:10]}


def risk_propagation(ctx: Context, node: Any) -> tuple[float, Detail]:
    return ctx.ppr_rank.get(node, 0.0), {"ppr": ctx.ppr.get(node, 0.0)}


def brokerage(ctx: Context, node: Any) -> tuple[float, Detail]:
    if node not in ctx.dist:
        return 0.0, {}
    c = burt_constraint(ctx.G, node, strengths=ctx.strengths)
    return (max(0.0, 1.0 - c), {"constraint": round(c, 4)}) if not math.isnan(c) else (0.0, {})


def burt_constraint(G: nx.Graph, node: Any, weight: str = "weight",
                    strengths: dict[Any, float] | None = None) -> float:
    """Burt's constraint of ``node`` on an undirected weighted graph (as ``nx.constraint``).

    ``strengths`` caches the nodes' summed tie weights between calls.

    >>> import networkx as nx
    >>> G = nx.Graph([(0, 1), (0, 2), (1, 2), (0, 3)])
    >>> abs(burt_constraint(G, 0) - nx.constraint(G, [0])[0]) < 1e-12
    True
    """
    nbrs = G[node]
    if not nbrs:
        return math.nan
    cache = strengths if strengths is not None else {}

    def strength(n: Any) -> float:
        if n not in cache:
            cache[n] = sum(float(d.get(weight, 1.0)) for m, d in G[n].items() if m != n)
        return cache[n]

    s_i = strength(node)
    p_i = {j: float(d.get(weight, 1.0)) / s_i for j, d in nbrs.items() if j != node}
    indirect = dict.fromkeys(p_i, 0.0)
    for q, p_iq in p_i.items():
        s_q = strength(q)
        if s_q == 0:
            continue
        for j, d in G[q].items():
            if j in indirect and j != q:
                indirect[j] += p_iq * float(d.get(weight, 1.0)) / s_q
    return sum((p_i[j] + indirect[j]) ** 2 for j in p_i)


def recency(ctx: Context, node: Any) -> tuple[float, Detail]:
    if ctx.as_of is None:
        return 0.0, {"note": "no dates in the data"}
    latest = None
    for u in routes(ctx, node):
        seen = parse_date(ctx.G[node][u].get("last_seen"))
        if seen and (latest is None or seen > latest):
            latest = seen
    if latest is None:
        return 0.0, {}
    age = max(0, (ctx.as_of - latest).days)
    return 0.5 ** (age / float(ctx.p["recency_half_life_days"])), {"latest": latest.isoformat(), "age_days": age}


def registry_churn(ctx: Context, node: Any) -> tuple[float, Detail]:
    props = ctx.G.nodes[node].get("properties") or {}
    parts: dict[str, float] = {}
    founded = parse_date(props.get("founded") or props.get("founded_date") or props.get("incorporated"))
    if founded and ctx.as_of:
        age = (ctx.as_of - founded).days
        window = float(ctx.p["recent_founding_days"])
        if 0 <= age < window:
            parts["recently_founded"] = 1.0 - age / window
    changes = props.get("director_changes")
    if changes is None and ctx.as_of:
        recent = [x for x in ctx.G[node] if "DIRECTOR_OF" in ctx.G[node][x].get("types", ())
                  and (d := parse_date(ctx.G[node][x].get("first_seen"))) and (ctx.as_of - d).days < 730]
        changes = len(recent) if len(recent) > 1 else 0
    if changes:
        parts["director_rotation"] = _saturate(float(changes), float(ctx.p["director_rotation_changes"]))
    crowd = 0
    for h in ctx.G[node]:
        if ctx.G.nodes[h].get("type") == "ADDRESS":
            crowd = max(crowd, sum(1 for x in ctx.G[h] if ctx.G.nodes[x].get("type") == "COMPANY"))
    if crowd > 1:
        parts["firms_at_address"] = _saturate(crowd - 1.0, float(ctx.p["crowded_address_firms"]) - 1.0)
    value = 1.0 - math.prod(1.0 - v for v in parts.values())
    return value, {k: round(v, 4) for k, v in parts.items()}


#: name -> signal function, in the order explanations list them
SIGNALS: dict[str, Callable[[Context, Any], tuple[float, Detail]]] = {
    "proximity": proximity,
    "independent_paths": independent_paths,
    "shared_identifiers": shared_identifiers,
    "shared_officers": shared_officers,
    "risk_propagation": risk_propagation,
    "brokerage": brokerage,
    "recency": recency,
    "registry_churn": registry_churn,
}
