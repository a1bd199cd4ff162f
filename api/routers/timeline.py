"""Time and filters: an entity's timeline, and its neighbours a page at a time under a filter.

Both take the filter parameters every reading route shares (:mod:`api.routers.filter_params`), read through the caller's need-to-know view, and call one
library function each (:func:`graph.analysis.timeline`, :func:`graph.analysis.expand`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api.deps import StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.filter_params import FilterDep
from api.routers.models import EntityOut, GraphView, Raw, RelationType, SubgraphOut
from api.routers.sizing import node_sizes
from graph.analysis.expand import MAX_CAP, expand, expand_subgraph
from graph.analysis.timeline import MAX_EVENTS, timeline
from graph.visualize import vis_data

router = APIRouter(tags=["time and filters"], responses=ERROR_RESPONSES)



class TimelineEvent(BaseModel):
    date: str
    type: RelationType
    source: str
    source_name: str
    target: str
    target_name: str
    sentence: str
    doc_id: str
    start: int
    end: int
    method: str
    grading: str | None = None


class TimelineOut(BaseModel):
    entity: EntityOut
    events: list[TimelineEvent]
    undated: int = Field(description="pieces of evidence that passed the filter but carry no date")
    truncated: bool
    filter: dict[str, Any]


class ExpandOut(SubgraphOut):
    focus: str
    total: int = Field(description="neighbours that pass the filter")
    shown: int
    offset: int
    next_offset: int | None = Field(None, description="ask again with this offset to show more")


@router.get("/timeline", response_model=TimelineOut, summary="An entity's dated events, oldest first, with sentences")
def get_timeline(request: Request, store: StoreDep, user: Viewer, flt: FilterDep,
                 entity: Annotated[str, Query(min_length=1, max_length=300, description="entity id")],
                 limit: Annotated[int, Query(ge=1, le=MAX_EVENTS)] = 500) -> Raw:
    """Each event is one dated piece of evidence on a relation of the entity. Dates come from the
    sentence ("on 19 June 2023 ..."), else from the document."""
    out = timeline(store, entity, flt, limit=limit)
    note(request, items=len(out["events"]))
    return Raw(out)


@router.get("/expand", response_model=ExpandOut, summary="An entity's neighbours under a filter, a page at a time")
def get_expansion(request: Request, store: StoreDep, user: Viewer, flt: FilterDep,
                  entity: Annotated[str, Query(min_length=1, max_length=300, description="entity id")],
                  cap: Annotated[int, Query(ge=1, le=MAX_CAP, description="most neighbours per page")] = 25,
                  offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> Raw:
    """Typed relations before weak co-mentions, the best supported first; ``next_offset`` shows more."""
    out = expand(store, entity, flt, cap=cap, offset=offset)
    note(request, items=len(out["nodes"]))
    return Raw(out)


class ExpandGraphOut(GraphView):
    total: int
    shown: int
    offset: int
    next_offset: int | None = None


@router.get("/expand/graph", response_model=ExpandGraphOut,
            summary="The same page of neighbours styled for vis-network (the web page's expansion)")
def get_expansion_graph(request: Request, store: StoreDep, user: Viewer, flt: FilterDep,
                        entity: Annotated[str, Query(min_length=1, max_length=300, description="entity id")],
                        cap: Annotated[int, Query(ge=1, le=MAX_CAP, description="most neighbours per page")] = 25,
                        offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> Raw:
    sub, page = expand_subgraph(store, entity, flt, cap=cap, offset=offset)
    note(request, items=len(sub.nodes))
    return Raw({**vis_data(sub, focus=page["focus"], sizes=node_sizes(request.app, store, sub)), **page})
