"""Analysts' workspace records kept beside the graph: saved investigations, notes and alerts.

A record is ``{"kind", "record_id", "owner", "target", "updated_at", "data"}``: ``kind`` says what
it is (:data:`RECORD_KINDS`), ``owner`` who saved it, ``target`` what it is about (an entity id or
a relation key, for notes; ``None`` otherwise) and ``data`` the rest as plain JSON.

Both backends keep them: SQLite in one side table (``workspace_records``), Neo4j as
``(:WorkspaceRecord)`` nodes (statements in :mod:`graph.store.cypher`). The records are not part
of the graph: no traversal, analysis or export ever sees them; ``clear`` removes them too.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from graph.errors import InvalidInput
from graph.store import cypher

__all__ = ["RECORD_KINDS", "Neo4jWorkspace", "SQLiteWorkspace", "record_row"]

RECORD_KINDS = ("investigation", "note", "alert_rule", "alert_hit", "alert_seen", "alert_state")
MAX_RECORD_BYTES = 2_000_000

_SQLITE_DDL = (
    """CREATE TABLE IF NOT EXISTS workspace_records (
        kind TEXT NOT NULL, record_id TEXT NOT NULL, owner TEXT NOT NULL, target TEXT,
        updated_at TEXT NOT NULL, data TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (kind, record_id)
    )""",
    "CREATE INDEX IF NOT EXISTS workspace_records_target ON workspace_records(kind, target)",
)
_FIELDS = ("kind", "record_id", "owner", "target", "updated_at", "data")


def record_row(kind: str, record_id: str, owner: str, data: dict[str, Any],
               target: str | None = None, at: str | None = None) -> dict[str, Any]:
    """A checked record, stamped with the time it is saved (or ``at``, when a migration copies it)."""
    if kind not in RECORD_KINDS:
        raise InvalidInput(f"a workspace record is one of {RECORD_KINDS}, not {kind!r}")
    if not record_id or not owner:
        raise InvalidInput("a workspace record needs an id and an owner")
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    if len(text.encode("utf-8")) > MAX_RECORD_BYTES:
        raise InvalidInput(f"the {kind} is larger than {MAX_RECORD_BYTES // 1_000_000} MB; keep fewer positions "
                           "or shorter notes")
    return {"kind": kind, "record_id": record_id, "owner": owner, "target": target,
            "updated_at": at or datetime.now(UTC).isoformat(timespec="milliseconds"), "data": json.loads(text)}


def _loaded(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "data": json.loads(row["data"] or "{}")}


class _RecordLookup:
    """One record by id, through the backend's ``list_records``."""

    def get_record(self, kind: str, record_id: str) -> dict[str, Any] | None:
        rows = self.list_records(kind, record_id=record_id)  # type: ignore[attr-defined]
        return rows[0] if rows else None


class SQLiteWorkspace(_RecordLookup):
    """Workspace records for ``SQLiteStore`` (which supplies ``_db`` and ``_lock``)."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    def _workspace(self) -> sqlite3.Connection:
        if not getattr(self, "_workspace_ready", False):
            with self._lock:
                for statement in _SQLITE_DDL:
                    self._db.execute(statement)
                self._workspace_ready = True
        return self._db

    def save_record(self, kind: str, record_id: str, owner: str, data: dict[str, Any],
                    target: str | None = None, at: str | None = None) -> dict[str, Any]:
        row = record_row(kind, record_id, owner, data, target, at)
        db = self._workspace()
        with self._lock:
            db.execute("INSERT OR REPLACE INTO workspace_records VALUES (?,?,?,?,?,?)",
                       (*(row[k] for k in _FIELDS[:5]), json.dumps(row["data"], ensure_ascii=False)))
        return row

    def list_records(self, kind: str, owner: str | None = None, target: str | None = None,
                     record_id: str | None = None) -> list[dict[str, Any]]:
        """Records of ``kind`` (of one owner, about one target), oldest first."""
        db = self._workspace()
        with self._lock:
            rows = db.execute(
                f"SELECT {', '.join(_FIELDS)} FROM workspace_records WHERE kind = :kind"
                " AND (:owner IS NULL OR owner = :owner) AND (:target IS NULL OR target = :target)"
                " AND (:rid IS NULL OR record_id = :rid) ORDER BY updated_at, record_id",
                {"kind": kind, "owner": owner, "target": target, "rid": record_id}).fetchall()
        return [_loaded(dict(zip(_FIELDS, r, strict=True))) for r in rows]

    def delete_record(self, kind: str, record_id: str) -> bool:
        db = self._workspace()
        with self._lock:
            return db.execute("DELETE FROM workspace_records WHERE kind=? AND record_id=?",
                              (kind, record_id)).rowcount > 0

    def clear_records(self) -> None:
        db = self._workspace()
        with self._lock:
            db.execute("DELETE FROM workspace_records")


class Neo4jWorkspace(_RecordLookup):
    """Workspace records for ``Neo4jStore`` (which supplies ``_read``, ``_write`` and ``_errors``)."""

    _read: Callable[..., list[Any]]
    _write: Callable[..., Any]
    _errors: Callable[[str], AbstractContextManager[None]]

    def save_record(self, kind: str, record_id: str, owner: str, data: dict[str, Any],
                    target: str | None = None, at: str | None = None) -> dict[str, Any]:
        row = record_row(kind, record_id, owner, data, target, at)
        stored = {**{k: row[k] for k in _FIELDS[:5]}, "key": f"{kind}|{record_id}",
                  "data": json.dumps(row["data"], ensure_ascii=False)}
        self._write(lambda tx: tx.run(cypher.SAVE_RECORD, row=stored).consume())
        return row

    def list_records(self, kind: str, owner: str | None = None, target: str | None = None,
                     record_id: str | None = None) -> list[dict[str, Any]]:
        rows = self._read(cypher.LIST_RECORDS, kind=kind, owner=owner, target=target, record_id=record_id)
        return [_loaded(dict(r)) for r in rows]

    def delete_record(self, kind: str, record_id: str) -> bool:
        return bool(self._write(lambda tx: tx.run(cypher.DELETE_RECORD, key=f"{kind}|{record_id}").single()["n"]))

    def clear_records(self) -> None:
        self._write(lambda tx: tx.run(cypher.CLEAR_RECORDS).consume())
