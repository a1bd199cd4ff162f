"""Analysts' read-only Cypher on the Neo4j backend, with row and byte caps and a timeout.

Read-only is decided from the server's plan before anything runs (:mod:`graph.store.cypher_guard`):
the query is sent with ``EXPLAIN`` first and refused unless every operator reads. It then runs in
a READ transaction (the server refuses a write there too) with a server-side timeout; the answer
stops at ``limit`` rows or ``max_bytes`` of JSON, and reading stops at the deadline while the
server is told to terminate the transaction if it is still running.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from neo4j import READ_ACCESS, Session
from neo4j.exceptions import ClientError, TransientError
from neo4j.graph import Node, Path, Relationship

from graph.errors import Forbidden, InvalidInput
from graph.store.cypher_guard import check_read_plan

__all__ = ["AnalystCypher", "CypherRows"]

#: rows fetched from the server at a time: the most decoded after a cap or the deadline is reached
_FETCH_ROWS = 20


class CypherRows(list):  # type: ignore[type-arg]
    """Rows of an analyst's query; ``truncated`` says a row or byte cap stopped them."""

    truncated: bool = False
    reason: str = ""


class AnalystCypher:
    """``run_read_cypher`` for ``Neo4jStore`` (which supplies ``_errors``, ``_session`` and ``_driver``)."""

    _errors: Callable[[str], AbstractContextManager[None]]  # supplied by the store
    _session: Callable[..., Session]
    _database: str | None

    def run_read_cypher(self, query: str, params: dict[str, Any] | None = None, limit: int = 1000,
                        timeout: float = 10.0, max_bytes: int = 4_000_000) -> CypherRows:
        """Run an analyst's read-only query: at most ``limit`` rows and ``max_bytes`` of JSON, ``timeout`` s.

        A query whose plan does not only read raises ``Forbidden`` before it runs. Rows are plain
        JSON-ready dicts (nodes and relationships as property maps with ``_labels``/``_type``);
        ``rows.truncated`` is set when a cap cut the answer short.
        """
        if not query.strip():
            raise InvalidInput("the Cypher query is empty")
        if not 1 <= limit <= 100_000:
            raise InvalidInput("limit must be between 1 and 100000")
        if not 0 < timeout <= 600:
            raise InvalidInput("timeout must be between 0 and 600 seconds")
        if max_bytes < 1000:
            raise InvalidInput("max_bytes must be at least 1000")
        try:
            with self._errors("reading"), self._session(READ_ACCESS, fetch_size=_FETCH_ROWS) as session:
                summary = session.run("EXPLAIN " + query, params or {}).consume()
                check_read_plan(summary.plan, summary.query_type)
                return self._read_capped(session, query, params or {}, limit, timeout, max_bytes)
        except ClientError as exc:
            code = exc.code or ""
            if code.endswith(("AccessMode", "Forbidden")) or "ForbiddenOnReadOnlyDatabase" in code:
                raise Forbidden("this query would change the graph; only read-only Cypher may run here "
                                f"({exc.message})") from None
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise _too_long(timeout) from None
            raise InvalidInput(f"Neo4j rejected the query: {exc.message}") from None
        except TransientError as exc:  # not retried: the same query would fail the same way
            if "MemoryPool" in (exc.code or ""):
                raise InvalidInput("the query needed more memory than the server allows one transaction "
                                   "(db.memory.transaction.max); aggregate less or narrow it") from None
            raise InvalidInput(f"Neo4j could not run the query now ({exc.message}); try again") from None

    def _read_capped(self, session: Session, query: str, params: dict[str, Any], limit: int, timeout: float,
                     max_bytes: int) -> CypherRows:
        """Stream the rows in an explicit READ transaction (no retries) until a cap or the deadline."""
        tag = uuid.uuid4().hex
        deadline = time.monotonic() + timeout
        watchdog = threading.Timer(timeout + 1.0, self._terminate_tagged, (tag,))
        watchdog.daemon = True
        rows, size = CypherRows(), 0
        with session.begin_transaction(timeout=timeout, metadata={"havengraph_query": tag}) as tx:
            watchdog.start()
            try:
                for record in tx.run(query, params):
                    if time.monotonic() > deadline:
                        raise _too_long(timeout)
                    row = {key: _plain(value) for key, value in record.items()}
                    size += len(json.dumps(row, default=str)) + 1
                    if size > max_bytes:
                        if not rows:
                            raise InvalidInput(f"the first row alone is over {max_bytes:,} bytes of JSON; "
                                               "return fewer or smaller values (a count, a slice, some properties)")
                        rows.truncated, rows.reason = True, f"stopped at {max_bytes:,} bytes"
                        break
                    rows.append(row)
                    if len(rows) >= limit:
                        rows.truncated, rows.reason = True, f"stopped at {limit} rows"
                        break
            finally:
                watchdog.cancel()
                tx.rollback()  # a read: nothing to keep, and the unread rest of the answer is dropped
        return rows

    def _terminate_tagged(self, tag: str) -> None:
        """Ask the server to terminate the transaction tagged ``tag`` (an analyst query past its deadline)."""
        try:
            with self._session(READ_ACCESS) as session:
                ids = [r["id"] for r in session.run(
                    "SHOW TRANSACTIONS YIELD transactionId AS id, metaData WHERE metaData.havengraph_query = $tag "
                    "RETURN id", tag=tag)]
                if ids:
                    session.run("TERMINATE TRANSACTIONS $ids", ids=ids).consume()
        except Exception:  # noqa: BLE001 - best effort: the server's own timeout still applies
            pass


def _too_long(timeout: float) -> InvalidInput:
    return InvalidInput(f"the query ran for more than {timeout:g} s and was stopped; "
                        "narrow it (LIMIT, a label, an id) or allow a longer timeout")


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
