"""The audit log: who asked what, when, and how much came back.

Append-only twice over: SQLite triggers refuse every UPDATE and DELETE on the table, and each
entry carries the SHA-256 of the previous one, so an edit made behind the database's back
(or a removed row) shows up in :meth:`AuditLog.verify`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from api.security.keys import SecurityDb, now

_DDL = (
    """CREATE TABLE IF NOT EXISTS audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        role TEXT,
        method TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        params TEXT NOT NULL,
        status INTEGER NOT NULL,
        result_bytes INTEGER NOT NULL,
        result_items INTEGER,
        duration_ms REAL NOT NULL,
        prev_hash TEXT NOT NULL,
        row_hash TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS audit_who ON audit(who)",
    """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)

FIELDS = ("seq", "at", "who", "role", "method", "endpoint", "params", "status", "result_bytes", "result_items",
          "duration_ms", "prev_hash", "row_hash")
_HASHED = FIELDS[1:11]
GENESIS = "0" * 64
MAX_PARAMS = 4000


def _digest(prev: str, values: dict[str, Any]) -> str:
    body = json.dumps([values[k] for k in _HASHED], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256((prev + body).encode("utf-8")).hexdigest()


class AuditLog(SecurityDb):
    """Append entries; read them back (admins only, enforced by the callers)."""

    DDL = _DDL

    def append(self, who: str, role: str | None, method: str, endpoint: str, params: dict[str, Any],
               status: int, result_bytes: int, result_items: int | None = None, duration_ms: float = 0.0) -> None:
        text = json.dumps(params, ensure_ascii=False, sort_keys=True, default=str)
        if len(text) > MAX_PARAMS:
            text = json.dumps({"truncated": text[:MAX_PARAMS]}, ensure_ascii=False)
        values = {"at": now(), "who": who, "role": role, "method": method, "endpoint": endpoint[:2000],
                  "params": text,
                  "status": int(status), "result_bytes": int(result_bytes), "result_items": result_items,
                  "duration_ms": round(float(duration_ms), 3)}
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                last = self.db.execute("SELECT row_hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
                prev = last[0] if last else GENESIS
                self.db.execute(
                    f"INSERT INTO audit ({', '.join(FIELDS[1:])}) VALUES ({', '.join('?' * (len(FIELDS) - 1))})",
                    (*(values[k] for k in _HASHED), prev, _digest(prev, values)))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def entries(self, limit: int = 100, offset: int = 0, who: str | None = None,
                since: str | None = None) -> list[dict[str, Any]]:
        """Newest first."""
        with self.lock:
            rows = self.db.execute(
                f"SELECT {', '.join(FIELDS)} FROM audit WHERE (:who IS NULL OR who = :who)"
                " AND (:since IS NULL OR at >= :since) ORDER BY seq DESC LIMIT :limit OFFSET :offset",
                {"who": who, "since": since, "limit": limit, "offset": offset}).fetchall()
        out = []
        for row in rows:
            entry = dict(zip(FIELDS, row, strict=True))
            try:
                entry["params"] = json.loads(entry["params"])
            except ValueError:
                pass
            out.append(entry)
        return out

    def verify(self) -> dict[str, Any]:
        """Walk the hash chain; ``{"ok", "entries", "first_bad_seq"}``."""
        prev, count = GENESIS, 0
        with self.lock:
            rows = self.db.execute(f"SELECT {', '.join(FIELDS)} FROM audit ORDER BY seq").fetchall()
        for row in rows:
            entry = dict(zip(FIELDS, row, strict=True))
            if entry["prev_hash"] != prev or _digest(prev, entry) != entry["row_hash"]:
                return {"ok": False, "entries": count, "first_bad_seq": entry["seq"]}
            prev, count = entry["row_hash"], count + 1
        return {"ok": True, "entries": count, "first_bad_seq": None}
