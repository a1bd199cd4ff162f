"""Suspicious links: which logistics firms (and port insiders) look infiltrated.

Given a watchlist of known network members, every *candidate* is scored:

* logistics-type companies: a cue of ``SCHEMA.logistics_cues`` (forwarding, haulage, customs,
  stevedoring, terminal, shipping agency...) in the name or in the ``activity``/``role``/
  ``sector``/``description`` properties;
* port insiders: persons with a ``WORKS_AT`` tie or a ``role`` among ``SCHEMA.insider_roles``.

The score is a weighted sum of named signals (:mod:`graph.analysis.signals`, weights in
``weights.yaml``), computed on the projection without weak co-mentions and without ports and
locations (everybody works at the port: such ties say nothing). Evidence counts by its
reliability: an edge attribute ``reliability`` in ``[0, 1]`` (set from the documents' source
grading by :func:`annotate_reliability` when a store is given) or any callable
``reliability(u, v, data)``. Each result carries its explanation: every signal's value, weight
and contribution, and the evidence paths to the watchlist (with snippets and document ids when a
store is given).

>>> from graph.analysis.examples import port_network, PORT_NETWORK_WATCHLIST
>>> from graph.analysis.watchlist import WatchlistEntry
>>> wl = [WatchlistEntry(*row) for row in PORT_NETWORK_WATCHLIST]
>>> [r.name for r in suspicious_links(port_network(), wl)]
['Scheldt Forwarding NV', 'Havenzicht Transport BVBA']
>>> [r.name for r in suspicious_links(port_network(), wl, kind="insiders")]
['Els Maes', 'Tom Wouters']
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analysis.fast import FAST_MIN_EDGES, FastGraph
from graph.analysis.paths import _describe, attach_evidence, document_gradings
from graph.analysis.projection import as_graph, is_store, project
from graph.analysis.signals import SIGNALS, Context, grade_weight, load_config, parse_date
from graph.analysis.watchlist import WatchlistEntry, WatchlistMatch, match_watchlist, read_watchlist
from graph.errors import InvalidInput
from graph.ids import fold
from graph.schema import SCHEMA

__all__ = ["suspicious_links", "SuspiciousLink", "Ranking", "find_candidates", "annotate_reliability",
           "is_logistics", "is_public_body", "is_insider", "KINDS"]

KINDS = ("firms", "insiders", "all")
_TEXT_PROPS = ("activity", "role", "sector", "description", "nace", "business")


@dataclass
class SuspiciousLink:
    """One ranked candidate with its explanation."""

    entity_id: str
    name: str
    type: str
    kind: str
    score: float
    rank: int = 0
    hops: int | None = None
    factors: list[dict[str, Any]] = field(default_factory=list)
    paths: list[dict[str, Any]] = field(default_factory=list)
    summary: str = ""
    within_insider_hops: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {"entity_id": self.entity_id, "name": self.name, "type": self.type, "kind": self.kind,
               "rank": self.rank, "score": round(self.score, 6), "hops": self.hops,
               "explanation": {"summary": self.summary, "factors": self.factors, "paths": self.paths}}
        if self.within_insider_hops is not None:
            out["within_insider_hops"] = self.within_insider_hops
        return out


class Ranking(list):  # type: ignore[type-arg]
    """The ranked candidates (a list of :class:`SuspiciousLink`, best first) and how many
    candidates were left out because nothing ties them to the watchlist and no signal scores them
    (``untied``)."""

    def __init__(self, results: Iterable[SuspiciousLink] = (), untied: int = 0) -> None:
        super().__init__(results)
        self.untied = untied


def _text(data: Mapping[str, Any]) -> str:
    props = data.get("properties") or {}
    return fold(" ".join([str(data.get("name", "")), *(str(props.get(k, "")) for k in _TEXT_PROPS)]))


def is_public_body(name: str) -> bool:
    """A name with a whole word of ``SCHEMA.public_body_cues`` (team, unit, police, parket...):
    a public service or one of its units, whatever logistics word it carries.

    >>> is_public_body("Container Control Team"), is_public_body("Westerlijn Container Lines BV")
    (True, False)
    """
    words = " " + " ".join(re.findall(r"[a-z0-9]+", fold(name))) + " "
    return any(f" {cue} " in words for cue in SCHEMA.public_body_cues)


def is_logistics(data: Mapping[str, Any]) -> bool:
    """A company whose name or activity carries a logistics cue, and whose name is not a public body's."""
    if data.get("type") != "COMPANY" or is_public_body(str(data.get("name", ""))):
        return False
    text = _text(data)
    return any(cue in text for cue in SCHEMA.logistics_cues)


def is_insider(G: nx.Graph, node: Any) -> bool:
    """A person with a ``WORKS_AT`` tie or an insider role."""
    data = G.nodes[node]
    if data.get("type") != "PERSON":
        return False
    role = fold(str((data.get("properties") or {}).get("role", "")))
    if role and any(r in role for r in SCHEMA.insider_roles):
        return True
    return any("WORKS_AT" in d.get("types", ()) for d in G[node].values())


def find_candidates(G: nx.Graph, kind: str = "firms") -> dict[Any, str]:
    """``{node: "firm" | "insider"}`` for the candidates of ``kind`` (firms, insiders or all)."""
    if kind not in KINDS:
        raise InvalidInput(f"kind must be one of: {', '.join(KINDS)}")
    out: dict[Any, str] = {}
    for node, data in G.nodes(data=True):
        if kind in {"firms", "all"} and is_logistics(data):
            out[node] = "firm"
        elif kind in {"insiders", "all"} and is_insider(G, node):
            out[node] = "insider"
    return out


def annotate_reliability(G: nx.Graph, store: Any, grade: Callable[[str | None], float] | None = None,
                         gradings: dict[str, str | None] | None = None) -> nx.Graph:
    """Set each edge's ``reliability`` to the best grade of the documents behind it (in place).

    ``grade`` maps a document's source grading to ``[0, 1]`` (default :func:`grade_weight`);
    ``gradings`` are the documents' gradings when the caller has read them already.
    """
    grade = grade or grade_weight
    gradings = document_gradings(store) if gradings is None else gradings
    for rel in store.iter_relations():
        if not G.has_edge(rel.source, rel.target):
            continue
        best = max((grade(gradings.get(ev.doc_id)) for ev in rel.evidence), default=grade(None))
        data = G[rel.source][rel.target]
        data["reliability"] = max(best, data.get("reliability", 0.0))
    return G


def _enrich(G: nx.Graph, store: Any) -> None:
    """Give nodes that lack them the aliases, identifiers and properties the store knows."""
    missing = [n for n, d in G.nodes(data=True) if "properties" not in d]
    for node, ent in store.get_entities(missing).items():
        G.nodes[node].update(aliases=list(ent.aliases), identifiers=dict(ent.identifiers),
                             properties=dict(ent.properties))


def _watch_ids(G: nx.Graph, watchlist: Any) -> tuple[set[Any], WatchlistMatch | None]:
    if watchlist is None:
        match = match_watchlist(G, [])
    elif isinstance(watchlist, WatchlistMatch):
        match = watchlist
    elif isinstance(watchlist, str | Path) and not (isinstance(watchlist, str) and watchlist in G):
        match = match_watchlist(G, read_watchlist(watchlist))
    else:
        items = list(watchlist)
        if all(isinstance(i, WatchlistEntry) for i in items):
            match = match_watchlist(G, items)
        else:
            missing = [i for i in items if i not in G]
            if missing:
                raise InvalidInput(f"watchlisted entity {missing[0]!r} is not in the graph")
            return set(items), None
    return {n for n in match.entity_ids if n in G}, match


def _scoring_graph(G: nx.Graph, cfg: Any, reliability: Callable[..., float]) -> nx.Graph:
    blocked = set(cfg.params["path_blocking_types"])
    weak_ok = bool(cfg.params["include_weak"])
    H = nx.Graph()
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if d.get("type") not in blocked)
    H.add_edges_from(
        (u, v, {**d, "risk_weight": float(d.get("weight", 1.0)) * reliability(u, v, d)})
        for u, v, d in G.edges(data=True)
        if u != v and u in H and v in H and (weak_ok or not d.get("weak", False)))
    return H


def _relative(values: Mapping[Any, float], reference: float, decades: float) -> dict[Any, float]:
    """``1 + log10(x / reference) / decades`` clipped to ``[0, 1]``: 1 at the reference level and above."""
    if reference <= 0:
        return dict.fromkeys(values, 0.0)
    return {k: min(1.0, max(0.0, 1.0 + math.log10(v / reference) / decades)) if v > 0 else 0.0
            for k, v in values.items()}


def suspicious_links(
    source: Any,
    watchlist: Any = None,
    *,
    top: int | None = 20,
    kind: str = "firms",
    weights: Mapping[str, float] | None = None,
    params: Mapping[str, Any] | None = None,
    reliability: str | Callable[[Any, Any, dict[str, Any]], float] | None = "reliability",
    grade: Callable[[str | None], float] | None = None,
    store: Any = None,
    as_of: str | None = None,
    explain: bool = True,
) -> list[SuspiciousLink]:
    """Rank candidates by a weighted, explained score against a watchlist.

    Parameters
    ----------
    source : GraphStore or networkx.Graph
        A store, or a projection whose nodes carry ``properties`` (roles, founding dates).
    watchlist : path, list of WatchlistEntry, WatchlistMatch or list of entity ids, optional
        Known members; analyst-tagged entities (``watchlist: true``) are always added.
    top : int, optional
        Results to return (``None``: every candidate).
    kind : {"firms", "insiders", "all"}
    weights, params : mapping, optional
        Overrides of ``weights.yaml`` for this run.
    reliability : str or callable
        Edge attribute (default ``"reliability"``, missing = 1) or ``f(u, v, data)`` in ``[0, 1]``.
    grade : callable, optional
        Document grading -> reliability, used with a store (default: the ``grading`` table).
    store : GraphStore, optional
        The store ``source`` was projected from: entity details, source gradings and evidence
        snippets are read from it (the caller's graph is not modified).
    as_of : str, optional
        Reference date for recency and founding (default: the latest date in the graph).
    explain : bool
        Attach evidence paths to the returned results.

    Returns
    -------
    Ranking
        A list of SuspiciousLink, best first (``.to_dict()`` gives ``entity_id``, ``name``,
        ``score`` and ``explanation``); candidates with no route to the watchlist and no other
        signal are left out and counted in ``.untied``.
    """
    if top is not None and top < 1:
        raise InvalidInput("top must be at least 1")
    cfg = load_config().with_overrides(weights, params)
    if is_store(source):
        store = source
        full = project(source, entities=True)
    else:
        full = as_graph(source)
        if store is not None:
            full = full.copy() if full is source else full
            _enrich(full, store)
    gradings = document_gradings(store) if store is not None else {}
    if store is not None:
        annotate_reliability(full, store, grade, gradings)
    rel_fn = _reliability_fn(reliability)
    watch, _ = _watch_ids(full, watchlist)
    if not watch:
        raise InvalidInput("no watchlisted entity is in the graph: check the watchlist names, "
                           "identifiers, or tag entities with the property watchlist: true")
    candidates = {n: k for n, k in find_candidates(full, kind).items() if n not in watch}
    H = _scoring_graph(full, cfg, rel_fn)
    ctx = Context(H, {w for w in watch if w in H}, cfg, rel_fn)
    if not ctx.watch:
        raise InvalidInput("every watchlisted entity is a port or a place, which the scoring leaves out "
                           "(everybody is tied to the port): list people, firms or identifiers")
    ctx.as_of = parse_date(as_of) if as_of else _latest_date(H)
    ctx.search()
    _propagate(ctx, [c for c in candidates if c in H])
    scored = [_score(ctx, full, node, kind_) for node, kind_ in candidates.items()]
    # left out: no route to the watchlist within reach and no other signal (nothing to show but 0.000)
    tied = [r for r in scored if r.hops is not None or r.score > 0]
    tied.sort(key=lambda r: (-r.score, str(r.entity_id)))
    results = Ranking(tied[:top] if top is not None else tied, untied=len(scored) - len(tied))
    for i, r in enumerate(results, 1):
        r.rank = i
    if explain:
        _explain(ctx, results, store, gradings)
    return results


def _reliability_fn(reliability: Any) -> Callable[[Any, Any, dict[str, Any]], float]:
    if callable(reliability):
        return reliability
    attr = reliability or "reliability"
    return lambda u, v, d: float(d.get(attr, 1.0))


def _latest_date(G: nx.Graph) -> Any:
    dates = [d.get("last_seen") for _, _, d in G.edges(data=True) if d.get("last_seen")]
    return parse_date(max(dates)) if dates else None


def _propagate(ctx: Context, candidates: Iterable[Any]) -> None:
    """Personalised PageRank from the watchlist, divided by strength, on a log scale.

    The reference level (value 1) is the median over the watchlist's direct contacts; each
    ``ppr_decades`` below it takes a share off, so the value does not depend on how many
    candidates there are.
    """
    personalization = dict.fromkeys(ctx.watch, 1.0)
    alpha = float(ctx.p["ppr_alpha"])
    if ctx.G.number_of_edges() >= FAST_MIN_EDGES:
        ppr = FastGraph.from_networkx(ctx.G, weight="risk_weight").pagerank(alpha, personalization)
    else:
        ppr = nx.pagerank(ctx.G, alpha=alpha, personalization=personalization, weight="risk_weight")

    def per_strength(n: Any) -> float:
        s = sum(d["risk_weight"] for d in ctx.G[n].values())
        return ppr[n] / s if s > 0 else 0.0

    cands = list(candidates)
    ctx.ppr = {c: ppr[c] for c in cands}
    contacts = [per_strength(n) for n, d in ctx.dist.items() if d == 1]
    reference = statistics.median(contacts) if contacts else max(map(per_strength, cands), default=0.0)
    ctx.ppr_rank = _relative({c: per_strength(c) for c in cands}, reference, float(ctx.p["ppr_decades"]))


def _score(ctx: Context, full: nx.Graph, node: Any, kind: str) -> SuspiciousLink:
    data = full.nodes[node]
    factors = []
    total = 0.0
    in_graph = node in ctx.G
    for name, fn in SIGNALS.items():
        value, detail = fn(ctx, node) if in_graph else (0.0, {})
        weight = ctx.cfg.weights.get(name, 0.0)
        total += weight * value
        factors.append({"signal": name, "value": round(value, 6), "weight": round(weight, 6),
                        "contribution": round(weight * value, 6), "detail": detail})
    factors.sort(key=lambda f: -f["contribution"])
    hops = ctx.dist.get(node)
    link = SuspiciousLink(entity_id=node, name=data.get("name", str(node)), type=data.get("type", ""),
                          kind=kind, score=total, hops=hops, factors=factors)
    if kind == "insider":
        link.within_insider_hops = hops is not None and hops <= int(ctx.p["insider_hops"])
    return link


def _explain(ctx: Context, results: list[SuspiciousLink], store: Any, gradings: dict[str, str | None]) -> None:
    from graph.analysis.signals import routes

    limit = int(ctx.p["explain_paths"])
    explained = [r for r in results if r.entity_id in ctx.G]
    for r in explained:
        paths = [[r.entity_id, *ctx.chain(u)] for u in routes(ctx, r.entity_id)[:limit]]
        r.paths = [_describe(ctx.G, p) for p in paths]
        for p in r.paths:
            p["watchlisted"] = p["nodes"][-1]["entity_id"]
    every = [p for r in explained for p in r.paths]
    if store is not None and every:  # one read of the evidence for all results' paths
        attach_evidence(every, store, gradings=gradings)
    for r in explained:
        r.summary = _summary(ctx, r)


def _summary(ctx: Context, r: SuspiciousLink) -> str:
    name = ctx.G.nodes
    parts = []
    if r.hops:
        nearest = ctx.chain(r.entity_id)[-1]
        parts.append(f"{r.hops} hop{'s' if r.hops > 1 else ''} from {name[nearest].get('name', nearest)}")
    by = {f["signal"]: f for f in r.factors}
    for s in by["shared_identifiers"]["detail"].get("shared", [])[:2]:
        holders = ", ".join(name[w].get("name", w) for w in s["with"][:2])
        parts.append(f"shares {s['type'].lower().replace('_', ' ')} {name[s['identifier']].get('name')} with {holders}")
    for o in by["shared_officers"]["detail"].get("officers", [])[:2]:
        rels = ", ".join(r.lower().replace("_", " ") for r in o["relations"])
        parts.append(f"officer/employee {o['name']} ({rels}; {o['why']})")
    paths = by["independent_paths"]["detail"].get("count", 0)
    if paths > 1:
        parts.append(f"{paths} independent routes to the watchlist")
    churn = by["registry_churn"]["detail"]
    if churn:
        parts.append("registry churn: " + ", ".join(k.replace("_", " ") for k in churn))
    return "; ".join(parts) if parts else "no tie to the watchlist within reach"
