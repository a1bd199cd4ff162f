"""Network analyses of the graph the caller may see: centrality, communities, brokers, evidence paths,
suspicious links and link predictions. Each route parses, calls one :mod:`graph.analysis` function on
the caller's view of the store and returns its plain data."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from pydantic import BaseModel, Field

from api.deps import SettingsDep, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.models import EntityType, Raw
from graph.errors import InvalidInput

router = APIRouter(prefix="/analysis", tags=["analysis"], responses=ERROR_RESPONSES)

Measure = Literal["degree", "betweenness", "eigenvector", "pagerank", "closeness"]
Top = Annotated[int, Query(ge=1, le=500, description="rows returned")]
Seed = Annotated[int, Query(ge=0, le=2**31 - 1, description="random seed (same seed, same result)")]
Weak = Annotated[bool, Query(description="count weak co-mentions (CO_MENTIONED) as ties")]
MAX_UPLOAD_BYTES = 1_000_000


class EntityRow(BaseModel):
    entity_id: str
    name: str
    type: str


class CentralityRow(EntityRow):
    score: float


class CommunitySummary(BaseModel):
    id: int
    size: int
    types: dict[str, int]
    key_members: list[dict[str, Any]]
    internal_weight: float
    external_weight: float
    members: list[str] | None = None


class CommunitiesOut(BaseModel):
    method: str
    resolution: float
    seed: int | None
    modularity: float
    count: int
    communities: list[CommunitySummary]


class BrokerRow(EntityRow):
    community: int
    bridging: float = Field(description="share of shortest paths between communities through this entity")
    constraint: float | None = Field(None, description="Burt's constraint (low: spans structural holes)")
    effective_size: float | None = None
    communities_reached: int


class EvidencePath(BaseModel):
    length: int
    nodes: list[EntityRow]
    edges: list[dict[str, Any]]
    documents: list[str]
    strength: float | None = None


class Explanation(BaseModel):
    summary: str
    factors: list[dict[str, Any]] = Field(description="signal, value, weight, contribution, detail")
    paths: list[dict[str, Any]] = Field(description="evidence paths to watchlisted entities")


class SuspiciousRow(EntityRow):
    kind: str
    rank: int
    score: float
    hops: int | None = None
    explanation: Explanation
    within_insider_hops: bool | None = None


class Prediction(BaseModel):
    source: EntityRow
    target: EntityRow
    score: float
    method: str
    common_neighbors: list[EntityRow]
    predicted: bool = Field(True, description="a prediction, never stored as a fact")


def _graph(store: Any, include_weak: bool = True, entities: bool = False) -> Any:
    from graph.analysis import project

    return project(store, include_weak=include_weak, entities=entities)


@router.get("/centrality", response_model=list[CentralityRow], summary="Rank entities by centrality")
def get_centrality(request: Request, store: StoreDep, user: Viewer,
                   measure: Measure = "degree", top: Top = 20,
                   type: Annotated[list[EntityType] | None, Query(description="only these entity types")] = None,
                   weighted: Annotated[bool | None, Query(description="use tie strength (default: PageRank only)")]
                   = None,
                   k: Annotated[int | None, Query(ge=2, le=10_000, description="betweenness from k sampled sources")]
                   = None,
                   seed: Seed = 0, include_weak: Weak = True) -> Raw:
    """networkx's definitions on the undirected projection (weight = tie strength); best first."""
    from graph.analysis import centrality

    if k is not None and measure != "betweenness":
        raise InvalidInput("k (sampling) only applies to betweenness")
    rows = centrality(_graph(store, include_weak), measure, top=top, types=type, weighted=weighted, k=k, seed=seed)
    note(request, items=len(rows))
    return Raw(rows)


@router.get("/communities", response_model=CommunitiesOut, summary="Louvain or Leiden communities")
def get_communities(request: Request, store: StoreDep, user: Viewer,
                    method: Literal["louvain", "leiden"] = "louvain",
                    resolution: Annotated[float, Query(gt=0, le=100)] = 1.0,
                    seed: Seed = 0,
                    members: Annotated[bool, Query(description="list every member")] = False,
                    include_weak: Weak = True) -> Raw:
    from graph.analysis import communities

    result = communities(_graph(store, include_weak), method, resolution=resolution, seed=seed)
    note(request, items=len(result.communities))
    return Raw(result.to_dict(members=members))


@router.get("/brokers", response_model=list[BrokerRow], summary="Entities that bridge communities")
def get_brokers(request: Request, store: StoreDep, user: Viewer, top: Top = 20, seed: Seed = 0,
                k: Annotated[int | None, Query(ge=2, le=10_000)] = None, include_weak: Weak = True) -> Raw:
    from graph.analysis import brokers

    rows = brokers(_graph(store, include_weak), top=top, seed=seed, k=k)
    note(request, items=len(rows))
    return Raw(rows)


@router.get("/paths", response_model=list[EvidencePath],
            summary="Shortest (or k shortest) paths between two entities, each hop with its evidence")
def get_paths(request: Request, store: StoreDep, user: Viewer,
              source: Annotated[str, Query(min_length=1, max_length=300, description="entity id or exact name")],
              target: Annotated[str, Query(min_length=1, max_length=300, description="entity id or exact name")],
              k: Annotated[int, Query(ge=1, le=20)] = 1,
              max_hops: Annotated[int, Query(ge=1, le=8)] = 6,
              include_weak: Annotated[bool, Query(description="allow weak co-mentions")] = False) -> Raw:
    from graph.analysis import evidence_paths

    found = evidence_paths(store, source, target, k=k, include_weak=include_weak, max_hops=max_hops)
    note(request, items=len(found))
    return Raw(found)


def _watchlist(settings: Any, names: list[str] | None, text: str | None) -> list[Any]:
    from graph.analysis import WatchlistEntry, parse_watchlist, read_watchlist

    if text is not None:
        return parse_watchlist(text)
    if names:
        return [WatchlistEntry(n.strip()) for n in names if n.strip()]
    if settings.watchlist:
        return read_watchlist(settings.watchlist)
    return []  # entities tagged watchlist: true still count


def _suspicious(request: Request, store: Any, entries: list[Any], top: int, kind: str) -> Raw:
    from graph.analysis import suspicious_links

    ranked = suspicious_links(store, entries, top=top, kind=kind)
    note(request, items=len(ranked), watchlist_entries=len(entries))
    # candidates with no tie to the watchlist are left out; the header says how many
    return Raw([r.to_dict() for r in ranked], headers={"X-Untied": str(getattr(ranked, "untied", 0))})


Kind = Annotated[Literal["firms", "insiders", "all"], Query(description="logistics firms, port insiders or both")]
Names = Annotated[list[str] | None, Query(max_length=300, description="watchlisted names (else the configured "
                                          "watchlist, HAVENGRAPH_WATCHLIST)")]


@router.get("/suspicious-links", response_model=list[SuspiciousRow],
            summary="Logistics firms (or port insiders) ranked against the watchlist, with explanations; those "
                    "with no tie are left out and counted in the X-Untied header")
def get_suspicious_links(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer,
                         name: Names = None, top: Top = 20, kind: Kind = "firms") -> Raw:
    """The watchlist is the ``name`` list when given, else the configured watchlist file; entities tagged
    ``watchlist: true`` always count."""
    return _suspicious(request, store, _watchlist(settings, name, None), top, kind)


@router.post("/suspicious-links", response_model=list[SuspiciousRow],
             summary="Suspicious links against an uploaded watchlist CSV (name, type, identifier)")
async def post_suspicious_links(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer,
                                file: Annotated[UploadFile, File(description="CSV with a 'name' column")],
                                top: Top = 20, kind: Kind = "firms") -> Raw:
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidInput("a watchlist is limited to 1 MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput("the watchlist must be UTF-8 text") from exc
    return _suspicious(request, store, _watchlist(settings, None, text), top, kind)


@router.get("/predict-links", response_model=list[Prediction],
            summary="Likely hidden links from watchlisted entities (predictions, never stored)")
def get_predict_links(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer,
                      source: Annotated[list[str] | None, Query(max_length=300, description="entity ids (else the "
                                                                "watchlist)")] = None,
                      method: Literal["adamic_adar", "resource_allocation", "common_neighbors", "jaccard"]
                      = "adamic_adar",
                      type: Annotated[list[EntityType] | None, Query(description="only links to these types")] = None,
                      top: Top = 20) -> Raw:
    from graph.analysis import match_watchlist, predict_links

    G = _graph(store, include_weak=False, entities=True)
    sources = source or match_watchlist(G, _watchlist(settings, None, None)).entity_ids
    if not sources:
        raise InvalidInput("no source entity: give source=ENTITY_ID or configure a watchlist")
    rows = predict_links(G, sources, method=method, top=top, types=type)
    note(request, items=len(rows))
    return Raw(rows)
