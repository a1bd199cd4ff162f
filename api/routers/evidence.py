"""Evidence packages: a subgraph as a zip that a court can check later (see ``api/security/evidence_package``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import Analyst, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.models import PackageCheck, PackageIn
from api.security.evidence_package import MAX_PACKAGE_BYTES, build_package, verify_package
from graph.errors import InvalidInput
from graph.model import Subgraph
from graph.store.view import ClearedView

router = APIRouter(prefix="/evidence-packages", tags=["evidence"], responses=ERROR_RESPONSES)


def select(store: ClearedView, spec: PackageIn) -> Subgraph:
    """The subgraph a package request names: a path, an entity's neighbourhood, or a list of
    entities, under the request's filter (date range, grading, handling, types, weak links)."""
    from graph.analysis.filtered import filtered_neighbors, filtered_path_subgraph, filtered_subgraph

    flt = spec.graph_filter()
    if spec.source and spec.target:
        return filtered_path_subgraph(store, spec.source, spec.target, flt)
    if spec.entity_id:
        return filtered_neighbors(store, spec.entity_id, flt, depth=spec.depth, limit=spec.limit)
    if spec.entity_ids:
        return filtered_subgraph(store, spec.entity_ids, flt)
    if spec.source or spec.target:
        raise InvalidInput("a path needs both source and target")
    raise InvalidInput("name an entity_id, a source and target, or a list of entity_ids")


@router.post("", summary="Build an evidence package (analyst)", response_class=Response,
             responses={200: {"content": {"application/zip": {}}, "description": "the package (zip)"}})
def create_package(request: Request, spec: PackageIn, store: StoreDep, user: Analyst) -> Response:
    query = spec.model_dump(exclude_none=True)
    note(request, **query)
    sub = select(store, spec)
    data = build_package(store, sub, {"request": query, "clearance": store.clearance}, who=user.name)
    note(request, items=len(sub.nodes))
    return Response(data, media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="evidence-package.zip"'})


@router.post("/verify", response_model=PackageCheck, summary="Check a package against its manifest and the store")
async def check_package(request: Request, store: StoreDep, user: Viewer,
                        file: Annotated[UploadFile, File(description="an evidence package (zip)")]) -> dict[str, Any]:
    data = await file.read(MAX_PACKAGE_BYTES + 1)
    if len(data) > MAX_PACKAGE_BYTES:
        raise InvalidInput("the package is too large")
    result = await run_in_threadpool(verify_package, data, store)
    note(request, items=int(result["valid"]))
    return result
