"""API keys: random tokens given once to their owner, kept only as SHA-256 hashes.

Keys live in a small SQLite file: ``HAVENGRAPH_KEYS_DB`` when set, else next to an embedded
store (``cases/havengraph.db`` -> ``cases/havengraph.keys.db``), else ``havengraph.keys.db`` in the
working folder (a Neo4j store keeps its keys locally, not in the graph).
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from api.security.roles import check_role
from graph.errors import InvalidInput
from graph.schema import SCHEMA
from graph.store import KEYS_SUFFIX, side_file
from graph.store.view import check_clearance

KEY_PREFIX = "hg_"

_DDL = (
    """CREATE TABLE IF NOT EXISTS users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        clearance TEXT NOT NULL,
        key_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def keys_db_path(store_url: str, keys_db: str | None = None) -> str:
    """Where the keys and the audit log of the store at ``store_url`` live."""
    return keys_db or side_file(store_url, KEYS_SUFFIX)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def connect(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=10000")
    return db


@dataclass(frozen=True)
class User:
    """Who is asking: a name, a role and a clearance (the highest handling code they may read)."""

    name: str
    role: str
    clearance: str


class SecurityDb:
    """A small SQLite file of security records (keys, audit): opens it and creates its tables."""

    DDL: tuple[str, ...] = ()

    def __init__(self, path: str, db: sqlite3.Connection | None = None, lock: threading.RLock | None = None) -> None:
        self.path = path
        self.db = db or connect(path)
        self.lock = lock or threading.RLock()
        with self.lock:
            for statement in self.DDL:
                self.db.execute(statement)

    def close(self) -> None:
        with self.lock:
            self.db.close()


class KeyStore(SecurityDb):
    """Users and their hashed API keys."""

    DDL = _DDL

    def add_user(self, name: str, role: str, clearance: str | None = None) -> str:
        """Create ``name`` (or give a revoked name a new key) and return the key; only its hash is kept."""
        name = name.strip()
        if not name or len(name) > 64 or any(c.isspace() for c in name):
            raise InvalidInput("a user name is 1-64 characters without spaces")
        role = check_role(role)
        if clearance:
            level = check_clearance(clearance)
        else:  # admins see everything; others start at the lowest level (fail closed)
            level = SCHEMA.handling_levels[-1] if role == "admin" else SCHEMA.handling_levels[0]
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        with self.lock:
            row = self.db.execute("SELECT revoked_at FROM users WHERE name=?", (name,)).fetchone()
            if row is not None and row[0] is None:
                raise InvalidInput(f"user {name!r} exists; revoke it first (havengraph users revoke {name})")
            self.db.execute(
                "INSERT OR REPLACE INTO users (name, role, clearance, key_hash, created_at, revoked_at) "
                "VALUES (?,?,?,?,?,NULL)", (name, role, level, hash_key(key), now()))
        return key

    def revoke(self, name: str) -> bool:
        with self.lock:
            cur = self.db.execute("UPDATE users SET revoked_at=? WHERE name=? AND revoked_at IS NULL",
                                  (now(), name))
            return cur.rowcount > 0

    def list_users(self) -> list[dict[str, Any]]:
        with self.lock:
            rows = self.db.execute("SELECT name, role, clearance, created_at, revoked_at, substr(key_hash, 1, 8)"
                                   " FROM users ORDER BY name").fetchall()
        keys = ("name", "role", "clearance", "created_at", "revoked_at", "key_id")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def identify(self, key: str) -> tuple[User, bool] | None:
        """Whose ``key`` this is, revoked or not (for the audit log): ``(user, revoked)``, or None."""
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        with self.lock:
            row = self.db.execute("SELECT name, role, clearance, revoked_at FROM users WHERE key_hash=?",
                                  (hash_key(key),)).fetchone()
        return (User(*row[:3]), row[3] is not None) if row else None

    def authenticate(self, key: str) -> User | None:
        """The active user holding ``key``, or None."""
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        with self.lock:
            row = self.db.execute("SELECT name, role, clearance FROM users WHERE key_hash=? AND revoked_at IS NULL",
                                  (hash_key(key),)).fetchone()
        return User(*row) if row else None
