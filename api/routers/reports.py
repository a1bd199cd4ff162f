"""Exports of an investigation: an i2 Analyst's Notebook chart (ANX), a printable report (HTML, PDF).

What is exported is read through the caller's clearance; the notes printed are those they may read.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import Analyst, StoreDep, note
from api.errors import ERROR_RESPONSES
from api.investigation_report import effective_filter, gather, html_to_pdf, report_html
from api.routers.filter_params import PathFilterDep
from api.security.clearance_floor import roles_held
from graph import investigations, notes
from graph.i2_anx import to_anx
from graph.model import Subgraph
from graph.schema import SCHEMA
from graph.store.view import ClearedView

router = APIRouter(prefix="/reports", tags=["reports"], responses=ERROR_RESPONSES)

MEDIA = {"anx": "application/xml", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def visible_notes(view: ClearedView, store: Any, sub: Subgraph) -> list[dict[str, Any]]:
    """Notes on the subgraph's entities and relations that the reader may see."""
    subjects = {n.entity_id for n in sub.nodes} | {notes.relation_key(r.source, r.type, r.target) for r in sub.edges}
    rows = [n for n in notes.list_notes(store) if n["target"] in subjects]
    return notes.visible(rows, SCHEMA.handling_rank(view.clearance), view.taint.entity_visible)


@router.get("/{fmt}", response_class=Response, summary="An investigation as an i2 chart (anx) or a report (html, pdf)",
            responses={200: {"content": {m.split(";")[0]: {} for m in MEDIA.values()}, "description": "the file"}})
async def report(request: Request, fmt: Literal["anx", "html", "pdf"], view: StoreDep, user: Analyst,
                 flt: PathFilterDep,
                 investigation_id: Annotated[str | None, Query(max_length=100)] = None,
                 entity_id: Annotated[list[str] | None, Query(max_length=500)] = None) -> Response:
    """The chosen entities and the relations among them that pass the filter (the parameters of
    ``/entities/{id}/neighbors``; weak links only with ``include_weak=true``). Without any
    filter parameter, an investigation's report keeps to the filters saved with it."""
    store = request.app.state.store
    found = None
    if investigation_id:
        found = investigations.get(store, investigation_id, user.name, roles_held(user.role))
    flt = effective_filter(found, flt)
    sub, positions, title, summary = await run_in_threadpool(gather, view, found, entity_id, flt)
    note(request, items=len(sub.nodes))
    name = (investigation_id or "havengraph-report") + "." + fmt
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "anx":
        return Response(to_anx(sub, positions), media_type=MEDIA[fmt], headers=headers)
    page = await run_in_threadpool(report_html, view, sub, title=title, who=user.name, summary=summary,
                                   notes=visible_notes(view, store, sub),
                                   query={"investigation_id": investigation_id, "entity_ids": entity_id,
                                          "filter": flt.to_dict(), "filter_text": flt.describe()})
    if fmt == "html":
        return Response(page, media_type=MEDIA[fmt])
    return Response(await run_in_threadpool(html_to_pdf, page), media_type=MEDIA[fmt], headers=headers)
