"""Read-only Cypher for analysts, on a Neo4j store."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.deps import Analyst, SettingsDep, StoreDep, note
from api.errors import ERROR_RESPONSES
from api.routers.models import CypherIn, CypherOut
from graph.errors import Forbidden, UnsupportedStore

router = APIRouter(tags=["cypher"], responses=ERROR_RESPONSES)


def _rows(result: Any, limit: int) -> dict[str, Any]:
    """Whatever the store returns (rows of dicts, or columns and rows) as ``{columns, rows, truncated}``."""
    if isinstance(result, dict) and "rows" in result:
        rows, columns = list(result["rows"]), list(result.get("columns", []))
    else:
        rows = list(result)
        columns = list(rows[0].keys()) if rows and isinstance(rows[0], dict) else []
    capped = bool(getattr(result, "truncated", False)) and "bytes" in getattr(result, "reason", "")
    return {"columns": columns, "rows": rows[:limit], "truncated": len(rows) > limit or capped}


@router.post("/cypher", response_model=CypherOut, summary="Run a read-only Cypher query (analyst, Neo4j only)")
def run_cypher(request: Request, body: CypherIn, store: StoreDep, settings: SettingsDep, user: Analyst) -> dict:
    note(request, query=body.query, params=body.params, limit=body.limit)
    run = getattr(store.base, "run_read_cypher", None)
    if run is None:
        raise UnsupportedStore("Cypher needs a Neo4j store")
    if not store.taint.empty:
        raise Forbidden("Cypher reads the whole graph, so it is open only to users cleared for every document")
    limit = min(body.limit, settings.cypher_max_rows)
    result = _rows(run(body.query, body.params, limit + 1, settings.cypher_timeout_s,
                       max_bytes=settings.cypher_max_bytes), limit)
    note(request, items=len(result["rows"]))
    return result
