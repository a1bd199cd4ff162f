"""The alert book: saved watch rules and the hits they found, in a small SQLite file beside the store.

:meth:`AlertBook.run` evaluates every rule and records the hits not seen before; it runs after
an ingest (``havengraph ingest``) and, through :meth:`AlertBook.refresh`, whenever someone looks
at the alerts after the store's documents changed (uploads, a watched folder, another process).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.alerts.rules import RuleExists, RuleNotFound, WatchRule, check_rule, evaluate
from graph.errors import InvalidInput

__all__ = ["AlertBook", "alerts_db_path", "visible_hits"]

_DDL = """
CREATE TABLE IF NOT EXISTS rules (rule_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  params TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS hits (rule_id TEXT NOT NULL, key TEXT NOT NULL, entity_id TEXT NOT NULL,
  title TEXT NOT NULL, evidence TEXT NOT NULL, doc_ids TEXT NOT NULL, found_at TEXT NOT NULL,
  seen INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (rule_id, key));
CREATE INDEX IF NOT EXISTS hits_found ON hits (found_at);
CREATE TABLE IF NOT EXISTS state (k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""


def alerts_db_path(store_url: str, alerts_db: str | None = None) -> str:
    """Where the alert book of the store at ``store_url`` lives: beside an embedded store's file."""
    if alerts_db:
        return alerts_db
    if store_url.startswith("sqlite:"):
        path = store_url.split("sqlite://", 1)[1]
        path = path[1:] if path.startswith("/") else path
        if path == ":memory:":
            return ":memory:"
        db = Path(path)
        return str(db.with_name(db.stem + ".alerts.db"))
    return "havengraph.alerts.db"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def documents_fingerprint(store: Any) -> str:
    """Changes whenever a document is added or removed."""
    ids = sorted(doc_id for doc_id, _handling, _at in store.document_handling())
    return hashlib.sha1("\n".join(ids).encode()).hexdigest()


class AlertBook:
    """Rules and hits; one connection guarded by a lock (the API serves requests from threads)."""

    def __init__(self, path: str) -> None:
        self.path = path
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL" if path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        self.db.executescript(_DDL)
        self.lock = threading.RLock()

    def close(self) -> None:
        self.db.close()

    # -- rules
    def add_rule(self, name: str, kind: str, params: dict[str, Any], owner: str = "") -> WatchRule:
        name = name.strip()
        if not name:
            raise InvalidInput("a rule needs a name")
        checked = check_rule(kind, params)
        created = _now()
        rule_id = hashlib.sha1(f"{name}|{kind}|{created}|{owner}".encode()).hexdigest()[:12]
        with self.lock:
            if self.db.execute("SELECT 1 FROM rules WHERE name = ?", (name,)).fetchone():
                raise RuleExists(f"there is a rule named {name!r} already; choose another name or remove it")
            self.db.execute("INSERT INTO rules VALUES (?, ?, ?, ?, ?, ?)",
                            (rule_id, name, kind, json.dumps(checked), owner, created))
        return WatchRule(rule_id, name, kind, checked, owner, created)

    def rules(self) -> list[WatchRule]:
        with self.lock:
            rows = self.db.execute("SELECT rule_id, name, kind, params, owner, created_at FROM rules "
                                   "ORDER BY created_at, name").fetchall()
        return [WatchRule(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]

    def rule(self, ref: str) -> WatchRule:
        for rule in self.rules():
            if ref in (rule.rule_id, rule.name):
                return rule
        raise RuleNotFound(f"no alert rule {ref!r}; `havengraph alerts rules` lists them")

    def remove_rule(self, ref: str) -> None:
        rule = self.rule(ref)
        with self.lock:
            self.db.execute("DELETE FROM hits WHERE rule_id = ?", (rule.rule_id,))
            self.db.execute("DELETE FROM rules WHERE rule_id = ?", (rule.rule_id,))

    # -- evaluation
    def run(self, store: Any, rules: list[WatchRule] | None = None) -> list[dict[str, Any]]:
        """Evaluate the rules (all by default) on ``store``; the hits not recorded before, now recorded."""
        new: list[dict[str, Any]] = []
        found_at = _now()
        for rule in self.rules() if rules is None else rules:
            hits = evaluate(store, rule)
            with self.lock:
                known = {k for (k,) in self.db.execute("SELECT key FROM hits WHERE rule_id = ?", (rule.rule_id,))}
                fresh = [h for h in hits if h.key not in known and h.key not in {n["key"] for n in new
                                                                                 if n["rule_id"] == rule.rule_id}]
                self.db.executemany("INSERT OR IGNORE INTO hits VALUES (?, ?, ?, ?, ?, ?, ?, 0)", [
                    (rule.rule_id, h.key, h.entity_id, h.title, json.dumps(h.evidence), json.dumps(h.doc_ids),
                     found_at) for h in fresh])
            new += [{"rule_id": rule.rule_id, "rule": rule.name, "kind": rule.kind, "key": h.key,
                     "entity_id": h.entity_id, "title": h.title, "evidence": h.evidence, "doc_ids": h.doc_ids,
                     "found_at": found_at, "seen": False} for h in fresh]
        if rules is None:  # every rule has seen the store as it is now
            with self.lock:
                self.db.execute("INSERT OR REPLACE INTO state VALUES ('fingerprint', ?)",
                                (documents_fingerprint(store),))
        return new

    def refresh(self, store: Any) -> list[dict[str, Any]]:
        """:meth:`run` if the store's documents changed since the last run (else nothing to do)."""
        with self.lock:
            row = self.db.execute("SELECT v FROM state WHERE k = 'fingerprint'").fetchone()
        if not self.rules() or (row and row[0] == documents_fingerprint(store)):
            return []
        return self.run(store)

    # -- hits
    def hits(self, unseen_only: bool = False, rule: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Recorded hits, newest first."""
        where, args = [], []
        if unseen_only:
            where.append("h.seen = 0")
        if rule:
            where.append("h.rule_id = ?")
            args.append(self.rule(rule).rule_id)
        sql = ("SELECT h.rule_id, r.name, r.kind, h.key, h.entity_id, h.title, h.evidence, h.doc_ids, h.found_at, "
               "h.seen FROM hits h JOIN rules r ON r.rule_id = h.rule_id"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY h.found_at DESC, h.rowid LIMIT ?")
        with self.lock:
            rows = self.db.execute(sql, (*args, limit)).fetchall()
        return [{"rule_id": r[0], "rule": r[1], "kind": r[2], "key": r[3], "entity_id": r[4], "title": r[5],
                 "evidence": json.loads(r[6]), "doc_ids": json.loads(r[7]), "found_at": r[8], "seen": bool(r[9])}
                for r in rows]

    def mark_seen(self, rule: str | None = None) -> int:
        with self.lock:
            if rule:
                cur = self.db.execute("UPDATE hits SET seen = 1 WHERE seen = 0 AND rule_id = ?",
                                      (self.rule(rule).rule_id,))
            else:
                cur = self.db.execute("UPDATE hits SET seen = 1 WHERE seen = 0")
        return cur.rowcount


def visible_hits(hits: list[dict[str, Any]], view: Any) -> list[dict[str, Any]]:
    """The hits a need-to-know view may show: its entity visible and every document it cites readable.

    Rules run on the whole store, so a suspicious-link score may rest on documents the view hides:
    those hits are shown only to users from whom nothing is hidden.
    """
    taint = getattr(view, "taint", None)
    if taint is None or taint.empty:
        return hits
    return [h for h in hits if h["kind"] != "suspicious" and taint.entity_visible(h["entity_id"])
            and all(taint.doc_visible(d) for d in h["doc_ids"])]
