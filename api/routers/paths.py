"""Shortest paths between two entities, with the evidence for every hop."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import StoreDep

router = APIRouter(tags=["paths"])


@router.get("/paths")
def get_path(store: StoreDep,
             source: Annotated[str, Query(min_length=1)],
             target: Annotated[str, Query(min_length=1)],
             max_depth: Annotated[int, Query(ge=1, le=8)] = 6,
             include_weak: bool = False) -> dict[str, Any]:
    return store.shortest_path(source, target, max_depth=max_depth, include_weak=include_weak).to_dict()
