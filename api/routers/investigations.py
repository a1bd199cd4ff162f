"""Saved investigations: named pictures (pinned entities, node positions, filters, notes) per user.

Anyone with a key may save their own; ``shared_with`` lets every user of that role or above open
it. Reopening draws the pinned entities through the reader's clearance.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.deps import StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.workspace_models import (
    InvestigationIn,
    InvestigationOut,
    InvestigationPatch,
    InvestigationPicture,
)
from api.security.clearance_floor import roles_held
from api.security.roles import ROLES
from graph import investigations

router = APIRouter(prefix="/investigations", tags=["investigations"], responses=ERROR_RESPONSES)


def _store(request: Request) -> Any:
    return request.app.state.store


@router.get("", response_model=list[InvestigationOut], summary="Investigations you may open, newest first")
def list_investigations(request: Request, user: Viewer) -> list[dict[str, Any]]:
    rows = investigations.list_for(_store(request), user.name, roles_held(user.role))
    note(request, items=len(rows))
    return rows


@router.post("", response_model=InvestigationOut, status_code=201, summary="Save a new investigation")
def create_investigation(request: Request, body: InvestigationIn, user: Viewer) -> dict[str, Any]:
    note(request, name=body.name, pinned=len(body.pinned), shared_with=body.shared_with)
    return investigations.save(_store(request), user.name, body.model_dump(), roles=ROLES)


@router.get("/{investigation_id}", response_model=InvestigationPicture,
            summary="Reopen an investigation: its record and its picture as you may see it")
def open_investigation(request: Request, investigation_id: str, view: StoreDep, user: Viewer) -> dict[str, Any]:
    found = investigations.get(_store(request), investigation_id, user.name, roles_held(user.role))
    picture = investigations.reopen(view, found)
    note(request, items=len(picture["nodes"]))
    return picture


@router.put("/{investigation_id}", response_model=InvestigationOut,
            summary="Change an investigation (its owner, or an admin); fields left out stay")
def update_investigation(request: Request, investigation_id: str, body: InvestigationPatch,
                         user: Viewer) -> dict[str, Any]:
    fields = body.model_dump(exclude_unset=True)
    note(request, investigation_id=investigation_id, fields=sorted(fields))
    investigations.get(_store(request), investigation_id, user.name, roles_held(user.role))
    return investigations.save(_store(request), user.name, fields, roles=ROLES, investigation_id=investigation_id,
                               is_admin=user.role == "admin")


@router.delete("/{investigation_id}", summary="Delete an investigation (its owner, or an admin)")
def delete_investigation(request: Request, investigation_id: str, user: Viewer) -> dict[str, Any]:
    note(request, investigation_id=investigation_id)
    deleted = investigations.delete(_store(request), investigation_id, user.name, roles_held(user.role),
                                    is_admin=user.role == "admin")
    return {"investigation_id": investigation_id, "deleted": deleted}
