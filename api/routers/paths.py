"""Paths with the evidence for every hop: between two entities, and from an entity to the watchlist."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.deps import SettingsDep, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.models import PathOut, Raw, WatchlistEntry
from graph.errors import InvalidInput, NoPath
from graph.ids import fold
from graph.schema import SCHEMA
from graph.store.base import MAX_PATH_DEPTH
from graph.store.view import ClearedView

router = APIRouter(tags=["paths"], responses=ERROR_RESPONSES)

MaxDepth = Annotated[int, Query(ge=1, le=MAX_PATH_DEPTH, description="longest path searched, in hops")]


def _path(sub: Any, target: str | None = None) -> Raw:
    return Raw({**sub.to_dict(), "hops": max(len(sub.nodes) - 1, 0), "target": target})


@router.get("/paths", response_model=PathOut, summary="Shortest path between two entities, with evidence")
def get_path(request: Request, store: StoreDep, user: Viewer,
             source: Annotated[str, Query(min_length=1, max_length=300)],
             target: Annotated[str, Query(min_length=1, max_length=300)],
             max_depth: MaxDepth = 6,
             include_weak: bool = False) -> Raw:
    sub = store.shortest_path(source, target, max_depth=max_depth, include_weak=include_weak)
    note(request, items=len(sub.nodes))
    return _path(sub, target)


def read_watchlist(path: str | None) -> list[dict[str, str | None]]:
    """Rows of the watchlist CSV (``name`` and optional ``type``, ``identifier``)."""
    if not path:
        raise InvalidInput("no watchlist configured: set HAVENGRAPH_WATCHLIST to a CSV with a 'name' column")
    file = Path(path)
    if not file.is_file():
        raise InvalidInput(f"the watchlist {file.name} cannot be read")
    with open(file, encoding="utf-8-sig", newline="") as fh:
        rows = [{k.strip().lower(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)]
    return [{"name": r["name"], "type": r.get("type") or None, "identifier": r.get("identifier") or None}
            for r in rows if r.get("name")]


def resolve_entry(store: ClearedView, entry: dict[str, Any]) -> str | None:
    """The entity a watchlist row names: by identifier first, then by exact (folded) name."""
    type_ = None
    if entry.get("type"):
        try:
            type_ = SCHEMA.node_name(entry["type"])
        except InvalidInput:
            type_ = None
    if entry.get("identifier"):
        wanted = fold(entry["identifier"]).replace(" ", "")
        for hit in store.search(entry["identifier"], limit=10):
            if any(fold(v).replace(" ", "") == wanted for v in hit.identifiers.values()):
                # the identifier may be a phone or account node: prefer its holder when typed
                if type_ is None or hit.type == type_:
                    return hit.entity_id
                for src, tgt, _ in store.adjacent([hit.entity_id], include_weak=False):
                    other = tgt if src == hit.entity_id else src
                    if other.startswith(SCHEMA.node(type_).id_prefix + ":"):
                        return other
    name = fold(entry["name"])
    for hit in store.search(entry["name"], type=type_, limit=10):
        if fold(hit.name) == name or any(fold(a) == name for a in hit.aliases):
            return hit.entity_id
    return None


def resolved_watchlist(store: ClearedView, path: str | None) -> list[dict[str, Any]]:
    return [{**row, "entity_id": resolve_entry(store, row)} for row in read_watchlist(path)]


@router.get("/watchlist", response_model=list[WatchlistEntry], summary="The watchlist and the entities it names")
def get_watchlist(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer) -> list[dict[str, Any]]:
    rows = resolved_watchlist(store, settings.watchlist)
    note(request, items=len(rows))
    return rows


@router.get("/paths/watchlist", response_model=PathOut,
            summary="Shortest path from an entity to the nearest watchlist member, with evidence")
def path_to_watchlist(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer,
                      source: Annotated[str, Query(min_length=1, max_length=300)],
                      max_depth: MaxDepth = 6,
                      include_weak: bool = False) -> Raw:
    store.get_entity(source)
    targets = {r["entity_id"] for r in resolved_watchlist(store, settings.watchlist) if r["entity_id"]}
    if not targets:
        raise NoPath("no watchlist member is in the store")
    hit = nearest(store, source, targets, max_depth, include_weak)
    if hit is None:
        raise NoPath(f"no watchlist member within {max_depth} hops of {source}")
    sub = store.shortest_path(source, hit, max_depth=max_depth, include_weak=include_weak)
    note(request, items=len(sub.nodes))
    return _path(sub, hit)


def nearest(store: ClearedView, source: str, targets: set[str], max_depth: int, include_weak: bool) -> str | None:
    """Breadth-first search from ``source`` to the closest of ``targets`` (ties: smallest id)."""
    if source in targets:
        return source
    seen, frontier = {source}, [source]
    for _ in range(max_depth):
        nxt: set[str] = set()
        for src, tgt, _ in store.adjacent(frontier, None, include_weak):
            for other in (src, tgt):
                if other not in seen:
                    nxt.add(other)
        found = sorted(nxt & targets)
        if found:
            return found[0]
        seen |= nxt
        frontier = sorted(nxt)
        if not frontier:
            return None
    return None
