"""Analyst entries: entities and links entered by hand, with provenance "analyst: NAME, DATE, REASON".

Each entry is stored as a document of its own (format ``analyst``) at a handling code, so need-to-know
applies to it like to any case file; it may not be kept below what the entities it links need to be
seen, nor above the author's clearance. Every entry, and every retraction, is in the audit log.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.deps import Analyst, StoreDep, Viewer, WriteStoreDep, note
from api.errors import ERROR_RESPONSES
from api.routers.models import DocumentInfo
from api.routers.workspace_models import AnalystEntryIn, AnalystEntryOut
from api.security.clearance_floor import clearance_floor
from graph.analyst_facts import FORMAT, AnalystEntry, NewEntity, NewLink, build_entry, entry_summary
from graph.errors import EntityNotFound, Forbidden
from graph.model import Entity
from graph.schema import SCHEMA

router = APIRouter(prefix="/analyst-facts", tags=["analyst facts"], responses=ERROR_RESPONSES)


@router.post("", response_model=AnalystEntryOut, status_code=201,
             summary="Enter entities and links by hand, with a reason (analyst)")
def enter_facts(request: Request, body: AnalystEntryIn, view: StoreDep, store: WriteStoreDep,
                user: Analyst) -> dict[str, Any]:
    handling = body.handling or view.clearance
    note(request, reason=body.reason, handling=handling, entities=[e.model_dump() for e in body.entities],
         links=[link.model_dump() for link in body.links])
    if SCHEMA.handling_rank(handling) > SCHEMA.handling_rank(view.clearance):
        raise Forbidden(f"you are cleared for {view.clearance}; an entry kept at {handling} would be hidden from you")

    def existing(entity_id: str) -> Entity | None:
        try:
            return view.get_entity(entity_id)
        except EntityNotFound:
            return None

    entry = AnalystEntry(who=user.name, reason=body.reason, handling=handling, grading=body.grading,
                         entities=[NewEntity(e.type, e.name, e.identifiers) for e in body.entities],
                         links=[NewLink(link.source, link.type, link.target, link.date) for link in body.links])
    gate = request.app.state.gate
    extraction = build_entry(entry, existing, lambda eid: clearance_floor(gate, eid))
    status = store.write(extraction)
    gate.invalidate()
    note(request, doc_id=extraction.document.doc_id)
    return {**entry_summary(extraction), "status": status}


@router.get("", response_model=list[DocumentInfo], summary="Analyst entries you may read")
def list_entries(request: Request, view: StoreDep, user: Viewer) -> list[dict[str, Any]]:
    rows = [r for r in view.list_documents(limit=10_000) if r.get("format") == FORMAT]
    note(request, items=len(rows))
    return rows


@router.delete("/{doc_id}", summary="Retract an analyst entry and the facts it added (its author, or an admin)")
def retract(request: Request, doc_id: str, view: StoreDep, store: WriteStoreDep, user: Analyst) -> dict[str, Any]:
    note(request, doc_id=doc_id)
    doc = view.get_document(doc_id)  # 404 if hidden or absent
    if doc.format != FORMAT:
        raise Forbidden("this is a case file, not an analyst entry; admins delete case files with DELETE /documents")
    if doc.metadata.get("analyst") != user.name and user.role != "admin":
        raise Forbidden(f"this entry was made by {doc.metadata.get('analyst')}; only they (or an admin) may retract it")
    deleted = store.delete_document(doc_id)
    request.app.state.gate.invalidate()
    return {"doc_id": doc_id, "deleted": deleted}
