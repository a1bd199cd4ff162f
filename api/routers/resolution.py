"""Resolution review: candidates, merges, splits and 'distinct' pins, each recorded with who and why.

The functions live in ``graph.resolution``; the app includes this router only when they exist.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from api.deps import Analyst, StoreDep, WriteStoreDep, note
from api.errors import ERROR_RESPONSES
from api.routers.models import Decision, MergeIn, PinIn
from graph.errors import EntityNotFound, Forbidden
from graph.store.view import ClearedView

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


def _may_decide(view: ClearedView, entity_ids: list[str]) -> None:
    """Refuse a decision that would touch an entity or a document above the caller's clearance.

    A decision re-resolves every document that mentions its entities, so the caller must be
    cleared for all of them, not only for the entities they can see.
    """
    taint = view.taint
    if taint.empty:
        return
    if not all(taint.entity_visible(e) for e in entity_ids):
        raise EntityNotFound(f"no entity {next(e for e in entity_ids if not taint.entity_visible(e))!r}")
    if any(not taint.doc_visible(d) for d in view.base.documents_mentioning(entity_ids)):
        raise Forbidden("these entities are also known from documents above your clearance; "
                        "a user cleared for those documents must take this decision")


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
    _may_decide(view, [body.keep, body.drop])
    decision = _plain(_lib().merge(store, body.keep, body.drop, who=user.name, reason=body.reason))
    _after_write(request)
    return decision


@router.post("/split/{decision_id}", response_model=Decision, summary="Undo a merge (analyst)")
def split(request: Request, decision_id: str, view: StoreDep, store: WriteStoreDep, user: Analyst) -> dict[str, Any]:
    note(request, decision_id=decision_id)
    found = [d for d in view.list_decisions(kind="merge") if d["decision_id"] == decision_id]
    if not found:  # the same answer whether it does not exist or is above the caller's clearance
        raise EntityNotFound(f"no active merge decision {decision_id!r}; see GET /resolution/decisions")
    _may_decide(view, [found[0]["a"], found[0]["b"]])
    decision = _plain(_lib().split(store, decision_id, who=user.name))
    _after_write(request)
    return decision


@router.post("/pin", response_model=Decision, summary="Record that two entities are distinct (analyst)")
def pin(request: Request, body: PinIn, view: StoreDep, store: WriteStoreDep, user: Analyst) -> dict[str, Any]:
    note(request, a=body.a, b=body.b, reason=body.reason)
    view.get_entity(body.a)
    view.get_entity(body.b)
    _may_decide(view, [body.a, body.b])
    decision = _plain(_lib().pin_distinct(store, body.a, body.b, who=user.name, reason=body.reason))
    _after_write(request)
    return decision
