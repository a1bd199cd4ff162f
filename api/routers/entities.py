"""Entities: search, detail with evidence, neighbourhood (data, styled graph, self-contained page)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from api.deps import SettingsDep, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.filter_params import FilterDep
from api.routers.models import DocumentInfo, EntityDetail, EntityOut, EntityType, GraphView, Raw, SubgraphOut
from api.routers.sizing import node_sizes
from graph.analysis.filtered import filtered_neighbors, filtered_own_relations
from graph.errors import DocumentNotFound, InvalidInput
from graph.visualize import subgraph_html, vis_data

router = APIRouter(prefix="/entities", tags=["entities"], responses=ERROR_RESPONSES)

EntityId = Annotated[str, "entity id"]
Depth = Annotated[int, Query(ge=1, le=3, description="hops around the entity")]
Limit = Annotated[int, Query(ge=1, le=500, description="most entities returned")]


def _bounded(settings: Any, depth: int, limit: int) -> int:
    if depth > settings.max_depth:
        raise InvalidInput(f"depth is limited to {settings.max_depth}")
    return min(limit, settings.max_limit)


@router.get("", response_model=list[EntityOut], summary="Search entities by name, alias or identifier")
def search_entities(request: Request, response: Response, store: StoreDep, settings: SettingsDep, user: Viewer,
                    q: Annotated[str, Query(min_length=1, max_length=200, description="name, alias or identifier")],
                    type: Annotated[EntityType | None, Query(description="only this entity type")] = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 20,
                    offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> Response:
    """Best match first (exact name, then prefix, then substring; identifiers count).

    Pagination: ``offset`` and ``limit``; the ``X-Next-Offset`` header is set when more may follow.
    """
    limit = min(limit, settings.max_limit)
    if offset > settings.max_offset:
        raise InvalidInput(f"offset is limited to {settings.max_offset}")
    found = store.search(q, type=type, limit=offset + limit + 1)
    page = found[offset:offset + limit]
    if len(found) > offset + limit:
        response.headers["X-Next-Offset"] = str(offset + limit)
    note(request, items=len(page))
    return Raw([e.to_dict() for e in page], headers=dict(response.headers))


@router.get("/{entity_id}", response_model=EntityDetail, summary="An entity with its relations, evidence and documents")
def get_entity(request: Request, entity_id: EntityId, store: StoreDep, user: Viewer, flt: FilterDep) -> Response:
    """The entity's own relations only (under the filter: a date range keeps the relations dated
    inside it, and those without any date unless ``undated=exclude``); its neighbourhood
    (relations among its neighbours too) is ``/entities/{id}/neighbors``. An id merged away
    answers with the entity it went into."""
    asked = entity_id
    sub = filtered_own_relations(store, entity_id, flt, limit=200)
    entity = sub.nodes[0]
    entity_id = entity.entity_id
    mentions = store.mentions(entity_id, limit=200)
    documents = []
    for doc_id in store.documents_mentioning([entity_id])[:50]:
        try:
            documents.append(DocumentInfo(**store.get_document(doc_id).info()).model_dump())
        except DocumentNotFound:
            continue
    relations = sub.edges  # typed first, best supported first
    note(request, items=len(relations))
    return Raw({**entity.to_dict(), "relations": [r.to_dict() for r in relations],
                "names": {n.entity_id: n.name for n in sub.nodes}, "mentions": [m.__dict__ for m in mentions],
                "documents": documents, "requested_id": asked,
                "neighbourhood": f"/entities/{quote(entity_id, safe='')}/neighbors"})


@router.get("/{entity_id}/neighbors", response_model=SubgraphOut, summary="Neighbourhood up to 3 hops")
def get_neighbors(request: Request, entity_id: EntityId, store: StoreDep, settings: SettingsDep, user: Viewer,
                  flt: FilterDep, depth: Depth = 1, limit: Limit = 100) -> Response:
    """Entities within ``depth`` hops through relations that pass the filter (``type``,
    ``relation_type``, ``include_weak``, ``min_grading``, ``date_from``/``date_to``,
    ``max_handling``, ``undated``), with the relations among them."""
    limit = _bounded(settings, depth, limit)
    sub = filtered_neighbors(store, entity_id, flt, depth=depth, limit=limit)
    note(request, items=len(sub.nodes))
    return Raw(sub.to_dict())


@router.get("/{entity_id}/graph", response_model=GraphView, summary="Neighbourhood styled for vis-network")
def get_graph(request: Request, entity_id: EntityId, store: StoreDep, settings: SettingsDep, user: Viewer,
              flt: FilterDep, depth: Depth = 1, limit: Limit = 80) -> Response:
    """Nodes coloured and shaped from the schema, sized by centrality, with evidence tooltips;
    the same filter as ``/entities/{id}/neighbors``."""
    limit = _bounded(settings, depth, limit)
    sub = filtered_neighbors(store, entity_id, flt, depth=depth, limit=limit)
    entity_id = sub.nodes[0].entity_id  # an id merged away: the entity it went into
    data = vis_data(sub, focus=entity_id, sizes=node_sizes(request.app, store, sub))
    note(request, items=len(sub.nodes))
    return Raw({**data, "focus": entity_id})


@router.get("/{entity_id}/subgraph.html", response_class=Response,
            responses={200: {"content": {"text/html": {}}, "description": "the page"}},
            summary="Self-contained interactive page of the neighbourhood (no external resources)")
def get_subgraph_page(request: Request, entity_id: EntityId, store: StoreDep, settings: SettingsDep, user: Viewer,
                      flt: FilterDep, depth: Depth = 2, limit: Limit = 150) -> HTMLResponse:
    limit = _bounded(settings, depth, limit)
    sub = filtered_neighbors(store, entity_id, flt, depth=depth, limit=limit)
    note(request, items=len(sub.nodes))
    entity_id = sub.nodes[0].entity_id
    page = subgraph_html(sub, focus=entity_id, title=f"Neighbourhood of {entity_id}",
                         sizes=node_sizes(request.app, store, sub))
    return HTMLResponse(page)
