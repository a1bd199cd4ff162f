"""Ingest jobs: how an upload is doing (queued, its stage while it runs, its result or why it failed)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.deps import Analyst, note
from api.errors import ERROR_RESPONSES
from api.routers.models import IngestJobOut
from api.security.roles import role_allows

router = APIRouter(prefix="/jobs", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("/{job_id}", response_model=IngestJobOut, summary="An upload's ingest job (its owner, or an admin)")
def get_job(request: Request, job_id: str, user: Analyst) -> dict[str, Any]:
    job = request.app.state.jobs.get(job_id, user.name, admin=role_allows(user.role, "admin"))
    note(request, items=1)
    return job
