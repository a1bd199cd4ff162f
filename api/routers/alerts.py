"""Alerts: saved watch rules and their new hits, each with its evidence (:mod:`graph.alerts`).

Rules run on the whole store after every ingest: ``havengraph ingest`` runs them, and any read of
``/alerts`` first runs them when documents were added or removed since the last run (uploads, a
watched folder). Rules and hits are kept in the store (shared by everyone using it); "seen" is
marked per user. Each caller sees only the hits their clearance allows.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Analyst, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES, ErrorBody
from api.routers.models import EntityType, Raw
from graph.alerts import AlertBook, alerts_db_path, migrate_side_file, visible_hits

router = APIRouter(prefix="/alerts", tags=["alerts"], responses=ERROR_RESPONSES)


def alert_book(request: Request) -> AlertBook:
    """The app's alert book over its store; on first use, an earlier version's alert file (beside
    an embedded store, or ``havengraph.alerts.db`` in the current folder) is brought in once."""
    state = request.app.state
    book = getattr(state, "alerts", None)
    if book is None:
        book = AlertBook(state.store)
        migrate_side_file(book, alerts_db_path(state.settings.store))
        state.alerts = book
    return book


STRICT = ConfigDict(strict=True, extra="forbid")  # a rule is saved as sent: no coercion, no stray keys
Text = Annotated[str, Field(min_length=1, max_length=200, pattern=r"\S")]


class WatchEntry(BaseModel):
    model_config = STRICT
    name: Text
    type: EntityType | None = None
    identifier: Annotated[str, Field(max_length=200)] | None = None


class WatchlistParams(BaseModel):
    model_config = STRICT
    entries: list[WatchEntry] = Field(min_length=1, max_length=500)
    include_weak: bool = False


class QueryParams(BaseModel):
    model_config = STRICT
    text: Text
    type: EntityType | None = None


class SuspiciousParams(BaseModel):
    model_config = STRICT
    threshold: float = Field(gt=0, le=1, description="score (0-1] a firm must reach")
    entries: list[WatchEntry] = Field(min_length=1, max_length=500, description="the watchlist scored against")


class WatchlistRule(BaseModel):
    model_config = STRICT
    name: Text
    kind: Literal["watchlist"]
    params: WatchlistParams


class QueryRule(BaseModel):
    model_config = STRICT
    name: Text
    kind: Literal["query"]
    params: QueryParams


class SuspiciousRule(BaseModel):
    model_config = STRICT
    name: Text
    kind: Literal["suspicious"]
    params: SuspiciousParams


RuleIn = Annotated[WatchlistRule | QueryRule | SuspiciousRule, Field(discriminator="kind")]


class RuleOut(BaseModel):
    rule_id: str
    name: str
    kind: str
    params: dict[str, Any]
    owner: str
    created_at: str


class HitOut(BaseModel):
    rule_id: str
    rule: str
    kind: str
    key: str
    entity_id: str
    title: str
    evidence: list[dict[str, Any]]
    doc_ids: list[str]
    found_at: str
    seen: bool


@router.get("", response_model=list[HitOut], summary="Alert hits, newest first, with their evidence")
def list_alerts(request: Request, store: StoreDep, user: Viewer,
                unseen: Annotated[bool, Query(description="only hits you have not marked seen")] = False,
                rule: Annotated[str | None, Query(max_length=120, description="rule id or name")] = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> Raw:
    book = alert_book(request)
    book.refresh(request.app.state.store)
    hits = visible_hits(book.hits(unseen_only=unseen, rule=rule, limit=limit, user=user.name), store)
    note(request, items=len(hits))
    return Raw(hits)


@router.get("/rules", response_model=list[RuleOut], summary="The saved watch rules")
def list_rules(request: Request, user: Viewer) -> list[dict[str, Any]]:
    return [r.to_dict() for r in alert_book(request).rules()]


@router.post("/rules", response_model=RuleOut, status_code=201, summary="Save a watch rule (analyst)",
             responses={409: {"model": ErrorBody, "description": "a rule by that name is saved already"}})
def add_rule(request: Request, body: RuleIn, user: Analyst) -> dict[str, Any]:
    """The rule is evaluated at once: what it finds now is recorded as its first hits."""
    book = alert_book(request)
    rule = book.add_rule(body.name, body.kind, body.params.model_dump(), owner=user.name)
    book.run(request.app.state.store, [rule])
    note(request, rule=rule.name, kind=rule.kind)
    return rule.to_dict()


@router.delete("/rules/{rule}", status_code=204, summary="Remove a watch rule and its hits (analyst)")
def remove_rule(request: Request, rule: str, user: Analyst) -> None:
    alert_book(request).remove_rule(rule)
    note(request, rule=rule)


@router.post("/run", response_model=list[HitOut], summary="Evaluate every rule now; the new hits (analyst)")
def run_rules(request: Request, store: StoreDep, user: Analyst) -> Raw:
    hits = visible_hits(alert_book(request).run(request.app.state.store), store)
    note(request, items=len(hits))
    return Raw(hits)


@router.post("/seen", summary="Mark the hits you may see as seen by you (all, or one rule's) (analyst)")
def mark_seen(request: Request, store: StoreDep, user: Analyst,
              rule: Annotated[str | None, Query(max_length=120, description="rule id or name")] = None
              ) -> dict[str, int]:
    """Seen marks are per user: the other analysts still see these hits as new."""
    book = alert_book(request)
    mine = visible_hits(book.hits(unseen_only=True, rule=rule, limit=1_000_000, user=user.name), store)
    return {"marked": book.mark_seen(rule, user=user.name, hits=mine)}
