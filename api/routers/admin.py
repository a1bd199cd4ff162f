"""Who am I, what the schema is, store counts; the audit log and users for admins."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.deps import Admin, StoreDep, UserDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.models import AuditCheck, AuditEntry, Me, SchemaInfo, UserInfo
from graph.schema import SCHEMA

router = APIRouter(tags=["account"], responses=ERROR_RESPONSES)


@router.get("/me", response_model=Me, summary="The caller's name, role and clearance")
def me(user: UserDep) -> dict[str, Any]:
    return {"name": user.name, "role": user.role, "clearance": user.clearance}


@router.get("/schema", response_model=SchemaInfo, summary="Entity and relation types, styles, handling levels")
def schema(user: Viewer) -> dict[str, Any]:
    return {"entity_types": SCHEMA.entity_types, "relation_types": list(SCHEMA.relations),
            "styles": SCHEMA.styles(), "handling_levels": list(SCHEMA.handling_levels),
            "weak_relations": [r.name for r in SCHEMA.relations.values() if r.weak],
            "undirected_relations": [r.name for r in SCHEMA.relations.values() if r.symmetric]}


@router.get("/stats", response_model=dict[str, Any], summary="Counts of what you may see")
def stats(store: StoreDep, user: Viewer) -> dict[str, Any]:
    return store.stats()


@router.get("/audit", response_model=list[AuditEntry], tags=["admin"], summary="The audit log, newest first (admin)")
def audit(request: Request, user: Admin,
          limit: Annotated[int, Query(ge=1, le=1000)] = 100,
          offset: Annotated[int, Query(ge=0, le=100_000_000)] = 0,
          who: Annotated[str | None, Query(max_length=64)] = None,
          since: Annotated[str | None, Query(max_length=40, description="ISO time")] = None) -> list[dict[str, Any]]:
    rows = request.app.state.audit.entries(limit=limit, offset=offset, who=who, since=since)
    note(request, items=len(rows))
    return rows


@router.get("/audit/verify", response_model=AuditCheck, tags=["admin"], summary="Check the audit hash chain (admin)")
def audit_verify(request: Request, user: Admin) -> dict[str, Any]:
    return request.app.state.audit.verify()


@router.get("/users", response_model=list[UserInfo], tags=["admin"], summary="API users (admin)")
def users(request: Request, user: Admin) -> list[dict[str, Any]]:
    return request.app.state.keys.list_users()
