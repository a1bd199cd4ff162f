"""Entities: search, detail with evidence, neighbourhood, picture."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import SettingsDep, StoreDep
from graph.errors import InvalidInput
from graph.visualize import subgraph_html

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("")
def search_entities(store: StoreDep, settings: SettingsDep,
                    q: Annotated[str, Query(min_length=1, max_length=200, description="name, alias or identifier")],
                    type: Annotated[str | None, Query(description="entity type, e.g. PERSON")] = None,
                    limit: Annotated[int, Query(ge=1, le=500)] = 20) -> list[dict[str, Any]]:
    return [e.to_dict() for e in store.search(q, type=type, limit=min(limit, settings.max_limit))]


@router.get("/{entity_id}")
def get_entity(entity_id: str, store: StoreDep) -> dict[str, Any]:
    entity = store.get_entity(entity_id)
    sub = store.neighbors(entity_id, depth=1, limit=200)
    mentions = store.mentions(entity_id, limit=100)
    return {**entity.to_dict(), "relations": [r.to_dict() for r in sub.edges],
            "mentions": [m.__dict__ for m in mentions]}


@router.get("/{entity_id}/neighbors")
def get_neighbors(entity_id: str, store: StoreDep, settings: SettingsDep,
                  depth: Annotated[int, Query(ge=1, le=3)] = 1,
                  type: Annotated[list[str] | None, Query(description="keep only these entity types")] = None,
                  limit: Annotated[int, Query(ge=1, le=500)] = 100,
                  include_weak: bool = True) -> dict[str, Any]:
    if depth > settings.max_depth:
        raise InvalidInput(f"depth is limited to {settings.max_depth}")
    sub = store.neighbors(entity_id, depth=depth, types=type, limit=min(limit, settings.max_limit),
                          include_weak=include_weak)
    return sub.to_dict()


@router.get("/{entity_id}/subgraph.html", response_class=HTMLResponse)
def get_subgraph_page(entity_id: str, store: StoreDep,
                      depth: Annotated[int, Query(ge=1, le=3)] = 2,
                      limit: Annotated[int, Query(ge=1, le=500)] = 150) -> HTMLResponse:
    sub = store.neighbors(entity_id, depth=depth, limit=limit)
    return HTMLResponse(subgraph_html(sub, focus=entity_id, title=f"Neighbourhood of {entity_id}"))
