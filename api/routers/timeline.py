"""Time and filters: an entity's timeline, and its neighbours a page at a time under a filter.

Both take the same filter parameters (entity and relation types, weak links, minimum grading,
date range, highest handling), read through the caller's need-to-know view, and call one
library function each (:func:`graph.analysis.timeline`, :func:`graph.analysis.expand`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from api.deps import StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.models import EntityOut, EntityType, GraphView, HandlingCode, Raw, RelationType, SubgraphOut
from api.routers.sizing import node_sizes
from graph.analysis.expand import MAX_CAP, expand, expand_subgraph
from graph.analysis.timeline import MAX_EVENTS, timeline
from graph.filters import DATE_PATTERN, GraphFilter
from graph.schema import SCHEMA
from graph.visualize import vis_data

router = APIRouter(tags=["time and filters"], responses=ERROR_RESPONSES)

DateParam = Annotated[str | None, Query(max_length=10, pattern=DATE_PATTERN,
                                        description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")]


def graph_filter(
    type: Annotated[list[EntityType] | None, Query(description="keep only these entity types")] = None,
    relation_type: Annotated[list[RelationType] | None, Query(description="keep only these relation types")] = None,
    include_weak: Annotated[bool, Query(description="keep weak co-mentions (CO_MENTIONED)")] = True,
    min_grading: Annotated[str | None, Query(max_length=8, pattern=SCHEMA.grading_pattern,
                                             description="only evidence from documents graded at least this "
                                                         "well, e.g. B2")] = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    max_handling: Annotated[HandlingCode | None, Query(description="only evidence from documents handled at "
                                                                   "this level or below")] = None,
    keep_undated: Annotated[bool, Query(description="with a date range, keep evidence without a date")] = False,
) -> GraphFilter:
    """The filter parameters every route of this area shares."""
    return GraphFilter.build(type, relation_type, include_weak, min_grading, date_from, date_to, max_handling,
                             keep_undated)


FilterDep = Annotated[GraphFilter, Depends(graph_filter)]


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
