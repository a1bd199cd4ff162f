"""Notes on entities and relations: who wrote what, when, kept at a handling code.

A note is shown only to readers cleared for its handling code who may see what it is about.
It may not be kept below the clearance needed to see its subject (no writing down).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.deps import Analyst, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.models import RelationType
from api.routers.workspace_models import NoteIn, NoteOut
from api.security.clearance_floor import clearance_floor
from graph import notes
from graph.errors import Forbidden, InvalidInput
from graph.schema import SCHEMA
from graph.store.view import ClearedView

router = APIRouter(prefix="/notes", tags=["notes"], responses=ERROR_RESPONSES)
Ref = Annotated[str | None, Query(max_length=300)]


def _visible(view: ClearedView, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return notes.visible(rows, SCHEMA.handling_rank(view.clearance), view.taint.entity_visible)


@router.get("", response_model=list[NoteOut], summary="Notes you may read, on an entity or a relation (or all)")
def list_notes(request: Request, view: StoreDep, user: Viewer, entity_id: Ref = None, source: Ref = None,
               type: RelationType | None = None, target: Ref = None) -> list[dict[str, Any]]:
    if source or target or type:
        if not (source and target and type):
            raise InvalidInput("a relation is named by source, type and target together")
        subject: str | None = notes.relation_key(source, type, target)
    else:
        subject = view.get_entity(entity_id).entity_id if entity_id else None
    rows = _visible(view, notes.list_notes(request.app.state.store, subject))
    note(request, items=len(rows))
    return rows


@router.post("", response_model=NoteOut, status_code=201, summary="Write a note on an entity or a relation (analyst)")
def add_note(request: Request, body: NoteIn, view: StoreDep, user: Analyst) -> dict[str, Any]:
    if (body.entity_id is None) == (body.relation is None):
        raise InvalidInput("a note is about one entity_id or one relation {source, type, target}")
    handling = body.handling or view.clearance
    note(request, entity_id=body.entity_id, relation=body.relation and body.relation.model_dump(),
         handling=handling, text=body.text)
    if SCHEMA.handling_rank(handling) > SCHEMA.handling_rank(view.clearance):
        raise Forbidden(f"you are cleared for {view.clearance}; a note kept at {handling} would be hidden from you")
    if body.relation is not None:
        ends = [view.get_entity(body.relation.source).entity_id, view.get_entity(body.relation.target).entity_id]
        if not any(r.type == body.relation.type for r in view.relations_between(ends)):
            raise InvalidInput(f"there is no {body.relation.type} relation between {ends[0]} and {ends[1]} "
                               "that you may see")
        subject = notes.relation_key(ends[0], body.relation.type, ends[1])
    else:
        ends = [view.get_entity(body.entity_id or "").entity_id]
        subject = ends[0]
    floor = max(clearance_floor(request.app.state.gate, e) for e in ends)
    if floor > SCHEMA.handling_rank(handling):
        raise Forbidden(f"what this note is about is seen only at {SCHEMA.handling_levels[floor]} or above; "
                        f"keep the note at {SCHEMA.handling_levels[floor]} at least")
    return notes.add(request.app.state.store, user.name, subject, body.text, handling)


@router.delete("/{note_id}", summary="Delete a note (its author, or an admin)")
def delete_note(request: Request, note_id: str, user: Analyst) -> dict[str, Any]:
    note(request, note_id=note_id)
    return {"note_id": note_id, "deleted": notes.delete(request.app.state.store, note_id, user.name,
                                                        is_admin=user.role == "admin")}
