"""Analysts' read-only Cypher on the Neo4j backend, with a row limit and a timeout.

Read-only is enforced by the server: the query runs in a READ transaction, and a write attempt
is refused there; that refusal becomes ``Forbidden``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from neo4j import READ_ACCESS, ManagedTransaction, Session, unit_of_work
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path, Relationship

from graph.errors import Forbidden, InvalidInput

__all__ = ["AnalystCypher"]


class AnalystCypher:
    """``run_read_cypher`` for ``Neo4jStore`` (which supplies ``_errors`` and ``_session``)."""

    _errors: Callable[[str], AbstractContextManager[None]]  # supplied by the store
    _session: Callable[..., Session]

    def run_read_cypher(self, query: str, params: dict[str, Any] | None = None, limit: int = 1000,
                        timeout: float = 10.0) -> list[dict[str, Any]]:
        """Run an analyst's query in a READ transaction: at most ``limit`` rows, stopped after ``timeout`` s.

        The server refuses any write in a read transaction; that refusal becomes ``Forbidden``.
        Rows are plain JSON-ready dicts (nodes and relationships as property maps with ``_labels``/``_type``).
        """
        if not query.strip():
            raise InvalidInput("the Cypher query is empty")
        if not 1 <= limit <= 100_000:
            raise InvalidInput("limit must be between 1 and 100000")
        if not 0 < timeout <= 600:
            raise InvalidInput("timeout must be between 0 and 600 seconds")
        if _LOAD_CSV.search(_COMMENTS.sub(" ", query)):
            raise Forbidden("LOAD CSV is not allowed here: it makes the database server fetch files or URLs")

        @unit_of_work(timeout=timeout)
        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(query, params or {})
            rows = []
            for record in result:
                rows.append({key: _plain(value) for key, value in record.items()})
                if len(rows) >= limit:
                    break
            return rows

        try:
            with self._errors("reading"), self._session(READ_ACCESS) as session:
                return session.execute_read(work)
        except ClientError as exc:
            code = exc.code or ""
            if code.endswith(("AccessMode", "Forbidden")) or "ForbiddenOnReadOnlyDatabase" in code:
                raise Forbidden("this query would change the graph; only read-only Cypher may run here "
                                f"({exc.message})") from None
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise InvalidInput(f"the query ran for more than {timeout:g} s and was stopped; "
                                   "narrow it (LIMIT, a label, an id) or allow a longer timeout") from None
            raise InvalidInput(f"Neo4j rejected the query: {exc.message}") from None


_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.I)


def _plain(value: Any) -> Any:
    """A query value as plain JSON-ready data."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        ends = [n.get("entity_id", n.get("doc_id", n.element_id)) if n is not None else None
                for n in (value.start_node, value.end_node)]
        return {"_type": value.type, "_start": ends[0], "_end": ends[1], **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
