"""Paths with the evidence for every hop: between two entities, and from an entity to the watchlist."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.deps import SettingsDep, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.filter_params import PathFilterDep
from api.routers.models import PathOut, Raw, WatchlistEntry
from graph.errors import InvalidInput, NoPath
from graph.store.base import MAX_PATH_DEPTH
from graph.store.view import ClearedView

router = APIRouter(tags=["paths"], responses=ERROR_RESPONSES)

MaxDepth = Annotated[int, Query(ge=1, le=MAX_PATH_DEPTH, description="longest path searched, in hops")]


def _path(sub: Any, target: str | None = None, target_entry: str | None = None) -> Raw:
    return Raw({**sub.to_dict(), "hops": max(len(sub.nodes) - 1, 0), "target": target,
                "target_entry": target_entry})


@router.get("/paths", response_model=PathOut, summary="Shortest path between two entities, with evidence")
def get_path(request: Request, store: StoreDep, user: Viewer,
             source: Annotated[str, Query(min_length=1, max_length=300)],
             target: Annotated[str, Query(min_length=1, max_length=300)],
             flt: PathFilterDep,
             max_depth: MaxDepth = 6,
             time_ordered: Annotated[bool, Query(description="each hop dated no earlier than the one before "
                                                             "(undated relations cannot order a hop)")] = False,
             ) -> Raw:
    """The fewest hops through relations that pass the filter (weak links only with
    ``include_weak=true``); ``time_ordered`` adds ``hop_dates``."""
    from graph.analysis.filtered import filtered_path

    found = filtered_path(store, source, target, flt, max_depth=max_depth, time_ordered=time_ordered)
    note(request, items=len(found["nodes"]))
    return Raw({**found, "target": target, "target_entry": None})


def watchlist_match(store: ClearedView, path: str | None) -> Any:
    """The configured watchlist matched to the caller's view of the graph, by the one matcher
    (:func:`graph.analysis.match_watchlist`) the CLI, the analyses and the notebooks use."""
    from graph.analysis import match_watchlist, project, read_watchlist

    if not path:
        raise InvalidInput("no watchlist configured: set HAVENGRAPH_WATCHLIST to a CSV with a 'name' column")
    file = Path(path)
    if not file.is_file():
        raise InvalidInput(f"the watchlist {file.name} cannot be read")
    return match_watchlist(project(store, include_weak=False, entities=True), read_watchlist(file))


@router.get("/watchlist", response_model=list[WatchlistEntry], summary="The watchlist and the entities it names")
def get_watchlist(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer) -> list[dict[str, Any]]:
    rows = watchlist_match(store, settings.watchlist).rows
    note(request, items=len(rows))
    return rows


@router.get("/paths/watchlist", response_model=PathOut,
            summary="Shortest path from an entity to the nearest watchlist member, with evidence")
def path_to_watchlist(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer,
                      source: Annotated[str, Query(min_length=1, max_length=300)],
                      max_depth: MaxDepth = 6,
                      include_weak: bool = False) -> Raw:
    store.get_entity(source)
    match = watchlist_match(store, settings.watchlist)
    targets = set(match.entity_ids)
    if not targets:
        raise NoPath("no watchlist member is in the store")
    hit = nearest(store, source, targets, max_depth, include_weak)
    if hit is None:
        raise NoPath(f"no watchlist member within {max_depth} hops of {source}")
    sub = store.shortest_path(source, hit, max_depth=max_depth, include_weak=include_weak)
    note(request, items=len(sub.nodes))
    return _path(sub, hit, match.entry_of(hit))


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
