"""Resolution review: candidates, merges, splits and 'distinct' pins, each recorded with who and why.

The functions live in ``graph.resolution``; the app includes this router only when they exist.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from api.deps import Analyst, StoreDep, WriteStoreDep, note
from api.errors import ERROR_RESPONSES
from api.routers.models import Decision, MergeIn, PinIn

router = APIRouter(prefix="/resolution", tags=["resolution"], responses=ERROR_RESPONSES)


def _lib() -> Any:
    import graph.resolution as resolution

    return resolution


def _plain(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return obj
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return dict(vars(obj))


def _after_write(request: Request) -> None:
    request.app.state.gate.invalidate()


@router.get("/candidates", response_model=list[Decision], summary="Pairs that may be the same entity (analyst)")
def candidates(request: Request, store: StoreDep, user: Analyst,
               limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict[str, Any]]:
    rows = [_plain(c) for c in _lib().review_candidates(store.base)]
    visible = [c for c in rows if all(store.taint.entity_visible(str(c.get(k, ""))) for k in ("a", "b"))][:limit]
    note(request, items=len(visible))
    return visible


@router.get("/decisions", response_model=list[Decision], summary="Recorded decisions (analyst)")
def decisions(request: Request, store: StoreDep, user: Analyst,
              kind: Literal["merge", "distinct", "candidate"] | None = None,
              status: Literal["active", "undone", "rejected"] | None = "active",
              entity_id: Annotated[str | None, Query(max_length=300)] = None) -> list[dict[str, Any]]:
    rows = store.list_decisions(kind=kind, status=status, entity_id=entity_id)
    note(request, items=len(rows))
    return rows


@router.post("/merge", response_model=Decision, summary="Merge `drop` into `keep` (analyst)")
def merge(request: Request, body: MergeIn, view: StoreDep, store: WriteStoreDep, user: Analyst) -> dict[str, Any]:
    note(request, keep=body.keep, drop=body.drop, reason=body.reason)
    view.get_entity(body.keep)
    view.get_entity(body.drop)
    decision = _plain(_lib().merge(store, body.keep, body.drop, who=user.name, reason=body.reason))
    _after_write(request)
    return decision


@router.post("/split/{decision_id}", response_model=Decision, summary="Undo a merge (analyst)")
def split(request: Request, decision_id: str, store: WriteStoreDep, user: Analyst) -> dict[str, Any]:
    note(request, decision_id=decision_id)
    decision = _plain(_lib().split(store, decision_id, who=user.name))
    _after_write(request)
    return decision


@router.post("/pin", response_model=Decision, summary="Record that two entities are distinct (analyst)")
def pin(request: Request, body: PinIn, view: StoreDep, store: WriteStoreDep, user: Analyst) -> dict[str, Any]:
    note(request, a=body.a, b=body.b, reason=body.reason)
    view.get_entity(body.a)
    view.get_entity(body.b)
    decision = _plain(_lib().pin_distinct(store, body.a, body.b, who=user.name, reason=body.reason))
    _after_write(request)
    return decision
