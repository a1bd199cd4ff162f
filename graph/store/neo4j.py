"""The Neo4j backend: ``neo4j://user:password@host:7687`` (or ``bolt://``), same contract as SQLite.

Writes go as batched ``UNWIND $rows`` statements in few managed transactions (the driver retries
a batch on a transient fault or a lost connection); reads run in read transactions. Every
statement lives in :mod:`graph.store.cypher`, which also describes the data model. The backend
is split by concern:

* :mod:`graph.store.neo4j_rows` — rows prepared in Python before a transaction starts;
* :mod:`graph.store.neo4j_tx` — the write transactions (documents, parts, deletes);
* :mod:`graph.store.neo4j_reads` — reads;
* :mod:`graph.store.neo4j_analyst` — analysts' read-only Cypher;
* this module — connecting, the schema, batching writes, resolution decisions.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase, ManagedTransaction, Session
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    DriverError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
)

from graph.errors import InvalidInput, StoreUnavailable
from graph.model import Extraction, Subgraph
from graph.schema import SCHEMA
from graph.store import cypher
from graph.store.base import DECISION_STATUSES, TraversalMixin, decision_row
from graph.store.neo4j_analyst import AnalystCypher
from graph.store.neo4j_reads import Neo4jReads
from graph.store.neo4j_rows import PreparedRows, prepare_rows
from graph.store.neo4j_schedule import write_in_parallel
from graph.store.neo4j_tx import complete_tx, delete_tx_all_slots, write_part_tx, write_tx
from graph.store.workspace import Neo4jWorkspace

__all__ = ["Neo4jStore", "PreparedRows", "Target", "parse_url", "prepare_rows"]

#: parallel writers when the URL does not say (``?writers=N``): the server runs a transaction on one core
DEFAULT_WRITERS = 3
#: how often a batch is written again after another writer created one of its new entities first
CONSTRAINT_RETRIES = 5


@dataclass(frozen=True)
class Target:
    uri: str
    auth: tuple[str, str] | None
    database: str | None
    redacted: str
    writers: int = DEFAULT_WRITERS


def parse_url(url: str) -> Target:
    """Split a store URL into driver URI, credentials and database; ``redacted`` has no password.

    The password may also come from ``HAVENGRAPH_NEO4J_PASSWORD`` when the URL names only the user.
    A database other than the default is chosen with ``?database=name``.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError as exc:
        raise InvalidInput(f"bad port in the store URL: {exc}") from exc
    hostport = parts.netloc.rsplit("@", 1)[-1] + ("" if port else ":7687")
    if not parts.hostname:
        raise InvalidInput("the Neo4j URL needs a host: neo4j://user:password@host:7687")
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else os.environ.get("HAVENGRAPH_NEO4J_PASSWORD")
    query = parse_qs(parts.query)
    database = (query.get("database") or [None])[0]
    writers = (query.get("writers") or [str(DEFAULT_WRITERS)])[0]
    if not writers.isdigit() or not 1 <= int(writers) <= 16:
        raise InvalidInput(f"?writers= in the store URL is a number of parallel writers from 1 to 16, not {writers!r}")
    shown = f"{scheme}://{user + '@' if user else ''}{hostport}" + (f"?database={database}" if database else "")
    auth = (user, password or "") if user else None
    return Target(uri=f"{scheme}://{hostport}", auth=auth, database=database, redacted=shown, writers=int(writers))




class Neo4jStore(Neo4jReads, AnalystCypher, Neo4jWorkspace, TraversalMixin):
    """``neo4j://user:password@host:7687`` — a Neo4j 5 server (Community is enough)."""

    def __init__(self, url: str, *, retry_seconds: float = 30.0, connect_timeout: float = 5.0,
                 batch_rows: int = 20_000, writers: int | None = None, parallel_batch_rows: int = 1_000) -> None:
        target = parse_url(url)
        self.url = target.redacted  # never the password: this string is shown and logged
        self._database = target.database
        self._batch_rows = batch_rows
        #: parallel writers of ``write_many`` (``?writers=N`` in the URL; 1 = one writer, the reference)
        self.writers = writers if writers is not None else target.writers
        #: a parallel writer's batch: small, so that batches in flight can avoid each other's entities
        self._parallel_batch_rows = min(parallel_batch_rows, batch_rows)
        self._local = threading.local()  # a read transaction shared by the queries of one traversal
        #: how long a managed transaction is retried after a transient fault or a lost connection
        self.retry_seconds = retry_seconds
        try:
            self._driver = GraphDatabase.driver(
                target.uri, auth=target.auth, connection_timeout=connect_timeout, connection_acquisition_timeout=max(connect_timeout, 30.0),
                notifications_min_severity="OFF")
        except (DriverError, ValueError) as exc:
            raise InvalidInput(f"cannot use the store URL {self.url}: {exc}") from exc
        try:
            with self._errors("connecting"):
                self._driver.verify_connectivity()
                self._ensure_schema()
        except BaseException:
            self._driver.close()
            raise

    # -- plumbing -------------------------------------------------------------------------------
    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except AuthError as exc:
            raise StoreUnavailable(f"Neo4j at {self.url} refused the user name or password ({exc.message}); "
                                   "check the credentials in the store URL") from None
        except (ServiceUnavailable, SessionExpired, IncompleteCommit, OSError) as exc:
            hint = ("is the server running? (`scripts/neo4j start` runs a local one)" if action == "connecting"
                    else "the unfinished batch was rolled back; run the same command again to finish "
                         "(documents already stored are skipped)")
            raise StoreUnavailable(f"cannot reach Neo4j at {self.url} while {action}: {exc}; {hint}") from None

    def _session(self, mode: str = WRITE_ACCESS, **options: Any) -> Session:
        return self._driver.session(database=self._database, default_access_mode=mode,
                                    max_transaction_retry_time=self.retry_seconds, **options)

    def _read(self, query: str, **params: Any) -> list[Any]:
        tx = getattr(self._local, "tx", None)
        if tx is not None:  # inside ``_one_read``: this thread's open read transaction
            return list(tx.run(query, params))

        def work(tx: ManagedTransaction) -> list[Any]:
            return list(tx.run(query, params))

        with self._errors("reading"), self._session(READ_ACCESS) as session:
            return session.execute_read(work)

    def _one_read(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``method`` with every ``_read`` it makes in one read transaction (one session, one commit).

        A traversal makes several small queries; each in its own session and transaction cost
        more round trips than the queries themselves.
        """
        def work(tx: ManagedTransaction) -> Any:
            self._local.tx = tx
            try:
                return method(self, *args, **kwargs)
            finally:
                self._local.tx = None

        if getattr(self._local, "tx", None) is not None:
            return method(self, *args, **kwargs)
        with self._errors("reading"), self._session(READ_ACCESS) as session:
            return session.execute_read(work)

    def _write(self, work: Callable[..., Any], *args: Any) -> Any:
        with self._errors("writing"), self._session(WRITE_ACCESS) as session:
            return session.execute_write(work, *args)

    def _ensure_schema(self) -> None:
        """Create the missing constraints and indexes; drop ``hg_*`` ones an older version left behind."""
        statements = cypher.schema_statements(SCHEMA)
        with self._session() as session:
            present = {r["name"]: r["constraint"] for r in session.run(cypher.INDEX_NAMES)}
            for name, constraint in present.items():
                if name.startswith("hg_") and name not in statements:
                    session.run(cypher.drop_schema(name, bool(constraint))).consume()
            missing = [s for name, s in statements.items() if name not in present]
            for statement in missing:
                session.run(statement).consume()
            if missing:
                session.run(cypher.AWAIT_INDEXES, seconds=300).consume()
                if statements["hg_entity_id"] in missing:
                    session.run(cypher.FILL_EMPTY_LISTS).consume()  # first contact after a bulk import

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.url!r})"

    def clear(self) -> None:
        with self._errors("clearing"), self._session() as session:
            session.run(cypher.CLEAR).consume()

    # -- traversals: the shared algorithms, each in one read transaction --------------------------
    def neighbors(self, entity_id: str, depth: int = 1, types: Iterable[str] | None = None,
                  relation_types: Iterable[str] | None = None, limit: int = 100,
                  include_weak: bool = True) -> Subgraph:
        return self._one_read(TraversalMixin.neighbors, entity_id, depth, types, relation_types, limit,
                              include_weak)

    def shortest_path(self, source: str, target: str, max_depth: int = 6, include_weak: bool = False) -> Subgraph:
        return self._one_read(TraversalMixin.shortest_path, source, target, max_depth,
                              include_weak)

    def subgraph(self, entity_ids: Iterable[str], include_weak: bool = True) -> Subgraph:
        return self._one_read(TraversalMixin.subgraph, list(entity_ids), include_weak)

    # -- writes ---------------------------------------------------------------------------------
    def write(self, extraction: Extraction, *, replace: bool = False) -> str:
        return self.write_many([extraction], replace=replace)[0]

    def write_many(self, extractions: Iterable[Extraction], *, replace: bool = False) -> list[str]:
        """Write a stream of extractions; results (written/skipped/replaced) in stream order.

        With several writers (the default), small batches whose entities and documents are disjoint
        from the batches in flight are written side by side (:mod:`graph.store.neo4j_schedule`),
        and the graph comes out as one writer leaves it. Replacing documents deletes their stored
        versions, which no write may run beside: that goes through the one writer.
        """
        if self.writers > 1 and not replace:
            return write_in_parallel(extractions, self._write_batch, writers=self.writers,
                                     batch_rows=self._parallel_batch_rows, part_rows=self._batch_rows)
        return self._write_one_writer(extractions, replace)

    def _write_one_writer(self, extractions: Iterable[Extraction], replace: bool) -> list[str]:
        """One transaction per ``batch_rows`` rows (entities, mentions, relations, evidence).

        Rows of the next batch are prepared in this thread while a writer thread waits on the
        server for the current one, so the client's work and the server's overlap. A document
        bigger than a batch (a large edge list) is written in parts, one transaction each; if the
        run stops half-way, the document is not visible and writing it again starts it over.
        """
        results: list[str] = []
        with ThreadPoolExecutor(1, thread_name_prefix="havengraph-neo4j-writer") as writer:
            pending: Future[list[str]] | None = None
            try:
                for work in self._batches(extractions):
                    if pending is not None:
                        results += pending.result()
                    pending = writer.submit(self._write_batch, work, 0, replace)
            finally:  # a bad document further on: what came before it is still written
                if pending is not None:
                    results += pending.result()
        return results

    def _batches(self, extractions: Iterable[Extraction]) -> Iterator[list[PreparedRows] | PreparedRows]:
        """Documents' rows grouped into batches; a document bigger than a batch comes alone, bare."""
        batch: list[PreparedRows] = []
        size = 0
        for ex in extractions:
            prepared = prepare_rows(ex)
            if prepared.size > self._batch_rows:
                if batch:
                    yield batch
                    batch, size = [], 0
                yield prepared
                continue
            batch.append(prepared)
            size += prepared.size
            if size >= self._batch_rows:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch

    def _write_batch(self, work: list[PreparedRows] | PreparedRows, slot: int = 0, replace: bool = False) -> list[str]:
        for attempt in range(CONSTRAINT_RETRIES + 1):
            try:
                if isinstance(work, PreparedRows):
                    return [self._write_in_parts(work, replace, slot=slot)]
                return list(self._write(write_tx, work, replace, slot))
            except ConstraintError as exc:  # another writer stored one of the batch's new entities first
                if attempt == CONSTRAINT_RETRIES:
                    raise StoreUnavailable(f"a batch kept meeting other writers' new entities at {self.url} "
                                           f"({exc.message}); run the same command again") from None
        raise AssertionError("unreachable")

    def _write_in_parts(self, prepared: PreparedRows, replace: bool, stop_after: int | None = None,
                        slot: int = 0) -> str:
        """Write one big document in several transactions (``stop_after`` parts only: for tests)."""
        own = {e.entity_id for _, e in prepared.entities}
        outside = {m["entity_id"] for m in prepared.mentions} | {
            r[end] for r in prepared.relations for end in ("source", "target")}
        outside -= own
        found = {r["id"] for r in self._read(cypher.EXISTING_ENTITIES, ids=sorted(outside))}
        if outside - found:  # checked first: nothing is written for a document that cannot be stored
            raise InvalidInput(f"a mention or relation refers to entity {min(outside - found)!r}, which is "
                               "neither in the extraction's entities nor in the store")
        parts = prepared.parts(self._batch_rows)
        (result,) = self._write(write_tx, parts[:1], replace, slot)
        if result == "skipped":
            return result
        for part in parts[1:stop_after]:
            self._write(write_part_tx, part, slot)
        if stop_after is None:
            self._write(complete_tx, prepared.doc_id, slot)
        return result

    def delete_document(self, doc_id: str) -> bool:
        return bool(self._write(delete_tx_all_slots, doc_id))

    # -- resolution decisions -------------------------------------------------------------------
    def save_decision(self, decision: dict[str, Any]) -> dict[str, Any]:
        return self.save_decisions([decision])[0]

    def save_decisions(self, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows = [decision_row(d) for d in decisions]
        stored = [{**{k: r[k] for k in ("decision_id", "kind", "a", "b", "score", "reason", "who", "at", "status")},
                   "features": json.dumps(r["features"], default=str)} for r in rows]
        if stored:
            self._write(lambda tx: tx.run(cypher.SAVE_DECISIONS, rows=stored).consume())
        return rows

    def list_decisions(self, kind: str | None = None, status: str | None = "active",
                       entity_id: str | None = None) -> list[dict[str, Any]]:
        rows = [dict(r) for r in self._read(cypher.LIST_DECISIONS, kind=kind, status=status, entity_id=entity_id)]
        for row in rows:
            row["features"] = json.loads(row["features"] or "{}")
        return rows

    def set_decision_status(self, decision_id: str, status: str) -> bool:
        if status not in DECISION_STATUSES:
            raise InvalidInput(f"a decision's status is one of {DECISION_STATUSES}, not {status!r}")
        found = self._write(lambda tx: tx.run(cypher.SET_DECISION_STATUS, decision_id=decision_id,
                                              status=status).single()["n"])
        return bool(found)
