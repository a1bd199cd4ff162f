"""The alert book: saved watch rules and the hits they found, kept in the graph store itself.

Rules, hits and the store's state at the last run are workspace records of the store (the
mechanism saved investigations and notes use: ``workspace_records`` in SQLite,
``:WorkspaceRecord`` nodes in Neo4j), so a team on one Neo4j server shares its rules and hits and
no file is written in the working folder. "Seen" is a mark of one user: a hit one analyst has read
is still new to the others.

:meth:`AlertBook.run` evaluates every rule and records the hits not seen before; it runs after
an ingest (``havengraph ingest``) and, through :meth:`AlertBook.refresh`, whenever someone looks
at the alerts after the store's documents changed (uploads, a watched folder, another process).
An alert book of an earlier version (a SQLite file beside the store, ``case.alerts.db``, or
``havengraph.alerts.db`` in the folder a Neo4j store was used from) is brought in once by
:func:`migrate_side_file` and renamed ``*.migrated``.
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
from graph.store import ALERTS_SUFFIX, side_file

__all__ = ["AlertBook", "alerts_db_path", "migrate_side_file", "visible_hits"]

RULE, HIT, SEEN, STATE = "alert_rule", "alert_hit", "alert_seen", "alert_state"
SYSTEM = "havengraph"  # owner of the records no user owns (hits, the state of the last run)


def alerts_db_path(store_url: str, alerts_db: str | None = None) -> str:
    """Where an earlier version kept the alert book of the store at ``store_url`` (to migrate it):
    beside an embedded store's file, else ``havengraph.alerts.db`` in the current folder."""
    return alerts_db or side_file(store_url, ALERTS_SUFFIX)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def documents_fingerprint(store: Any) -> str:
    """Changes whenever a document is added or removed."""
    ids = sorted(doc_id for doc_id, _handling, _at in store.document_handling())
    return hashlib.sha1("\n".join(ids).encode()).hexdigest()


def _rule(record: dict[str, Any]) -> WatchRule:
    d = record["data"]
    return WatchRule(record["record_id"], d["name"], d["kind"], d["params"], d.get("owner", ""), d["created_at"])


class AlertBook:
    """Rules, hits and per-user seen marks, as workspace records of ``store`` (either backend)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.lock = threading.RLock()  # one run at a time per process (the API serves from threads)

    def close(self) -> None:
        """Nothing to close: the records live in the store, which its opener closes."""

    # -- rules
    def add_rule(self, name: str, kind: str, params: dict[str, Any], owner: str = "") -> WatchRule:
        name = name.strip()
        if not name:
            raise InvalidInput("a rule needs a name")
        checked = check_rule(kind, params)
        created = _now()
        rule_id = hashlib.sha1(f"{name}|{kind}|{created}|{owner}".encode()).hexdigest()[:12]
        return self._save_rule(WatchRule(rule_id, name, kind, checked, owner, created))

    def _save_rule(self, rule: WatchRule) -> WatchRule:
        with self.lock:
            saved = self.rules()
            if any(r.name == rule.name for r in saved):
                raise RuleExists(f"there is a rule named {rule.name!r} already; choose another name or remove it")
            same = next((r for r in saved if r.kind == rule.kind and r.params == rule.params), None)
            if same is not None:
                raise RuleExists(f"the rule {same.name!r} watches exactly this already; its hits are shared "
                                 "(each user marks them seen for themselves), so a second rule would only list "
                                 "every hit twice")
            self.store.save_record(RULE, rule.rule_id, rule.owner or SYSTEM,
                                   {"name": rule.name, "kind": rule.kind, "params": rule.params, "owner": rule.owner,
                                    "created_at": rule.created_at}, target=rule.name, at=rule.created_at)
        return rule

    def rules(self) -> list[WatchRule]:
        found = [_rule(r) for r in self.store.list_records(RULE)]
        return sorted(found, key=lambda r: (r.created_at, r.name))

    def rule(self, ref: str) -> WatchRule:
        for rule in self.rules():
            if ref in (rule.rule_id, rule.name):
                return rule
        raise RuleNotFound(f"no alert rule {ref!r}; `havengraph alerts rules` lists them")

    def remove_rule(self, ref: str) -> None:
        rule = self.rule(ref)
        with self.lock:
            for kind in (HIT, SEEN):
                for record in self.store.list_records(kind, target=rule.rule_id):
                    self.store.delete_record(kind, record["record_id"])
            self.store.delete_record(RULE, rule.rule_id)

    # -- evaluation
    def run(self, store: Any | None = None, rules: list[WatchRule] | None = None) -> list[dict[str, Any]]:
        """Evaluate the rules (all by default) on ``store`` (the book's own by default); the hits not
        recorded before, now recorded."""
        store = self.store if store is None else store
        new: list[dict[str, Any]] = []
        with self.lock:
            found_at = _now()
            for rule in self.rules() if rules is None else rules:
                known = {r["data"]["key"] for r in self.store.list_records(HIT, target=rule.rule_id)}
                for h in evaluate(store, rule):
                    if h.key in known:
                        continue
                    known.add(h.key)
                    data = {"rule_id": rule.rule_id, "key": h.key, "entity_id": h.entity_id, "title": h.title,
                            "evidence": h.evidence, "doc_ids": h.doc_ids, "found_at": found_at}
                    self.store.save_record(HIT, f"{rule.rule_id}|{h.key}", SYSTEM, data, target=rule.rule_id)
                    new.append({**data, "rule": rule.name, "kind": rule.kind, "seen": False})
            if rules is None:  # every rule has seen the store as it is now
                self.store.save_record(STATE, "fingerprint", SYSTEM, {"documents": documents_fingerprint(store)})
        return new

    def refresh(self, store: Any | None = None) -> list[dict[str, Any]]:
        """:meth:`run` if the store's documents changed since the last run (else nothing to do)."""
        store = self.store if store is None else store
        state = self.store.get_record(STATE, "fingerprint")
        if not self.rules() or (state and state["data"].get("documents") == documents_fingerprint(store)):
            return []
        return self.run(store)

    # -- hits
    def hits(self, unseen_only: bool = False, rule: str | None = None, limit: int = 200,
             user: str | None = None) -> list[dict[str, Any]]:
        """Recorded hits, newest first; ``seen`` says whether ``user`` marked them seen."""
        rules = {r.rule_id: r for r in self.rules()}
        target = self.rule(rule).rule_id if rule else None
        seen = self._seen_by(user)
        out = []
        for record in self.store.list_records(HIT, target=target):
            d = record["data"]
            owner = rules.get(d["rule_id"])
            if owner is None:
                continue
            hit = {"rule_id": d["rule_id"], "rule": owner.name, "kind": owner.kind, "key": d["key"],
                   "entity_id": d["entity_id"], "title": d["title"], "evidence": d["evidence"],
                   "doc_ids": d["doc_ids"], "found_at": d["found_at"], "seen": record["record_id"] in seen}
            if not (unseen_only and hit["seen"]):
                out.append(hit)
        out.sort(key=lambda h: h["found_at"], reverse=True)  # stable: one run's hits keep their order
        return out[:limit]

    def _seen_by(self, user: str | None) -> set[str]:
        if not user:
            return set()
        return {r["data"]["hit"] for r in self.store.list_records(SEEN, owner=user)}

    def mark_seen(self, rule: str | None = None, user: str | None = None,
                  hits: list[dict[str, Any]] | None = None) -> int:
        """Mark ``user``'s unseen hits (all, one rule's, or those given) as seen by ``user``; how many."""
        if not user:
            raise InvalidInput("say who has seen the hits: seen marks are kept per user")
        todo = self.hits(unseen_only=True, rule=rule, limit=1_000_000, user=user) if hits is None else hits
        marked = 0
        with self.lock:
            for h in todo:
                if h.get("seen"):
                    continue
                hit_id = f"{h['rule_id']}|{h['key']}"
                self.store.save_record(SEEN, f"{user}|{hit_id}", user, {"hit": hit_id}, target=h["rule_id"])
                marked += 1
        return marked


def migrate_side_file(book: AlertBook, path: str | None) -> int:
    """Bring the rules and hits of an earlier version's alert file at ``path`` into ``book``'s
    store, once: the file is then renamed ``*.migrated``. A hit marked seen there (a mark the whole
    team shared) is marked seen by the rule's owner. Returns how many rules came in."""
    if not path or path == ":memory:" or not Path(path).is_file():
        return 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"rules", "hits"} <= tables:
            return 0
        rules = db.execute("SELECT rule_id, name, kind, params, owner, created_at FROM rules").fetchall()
        hits = db.execute("SELECT rule_id, key, entity_id, title, evidence, doc_ids, found_at, seen FROM hits "
                          "ORDER BY rowid").fetchall()
    finally:
        db.close()
    have = {r.name for r in book.rules()}
    owners: dict[str, str] = {}
    came = 0
    for rule_id, name, kind, params, owner, created in rules:
        owners[rule_id] = owner
        if name in have:
            continue
        book._save_rule(WatchRule(rule_id, name, kind, json.loads(params), owner, created))
        came += 1
    for rule_id, key, entity_id, title, evidence, doc_ids, found_at, seen in hits:
        if rule_id not in owners:
            continue
        data = {"rule_id": rule_id, "key": key, "entity_id": entity_id, "title": title,
                "evidence": json.loads(evidence), "doc_ids": json.loads(doc_ids), "found_at": found_at}
        book.store.save_record(HIT, f"{rule_id}|{key}", SYSTEM, data, target=rule_id)
        if seen and owners[rule_id]:
            hit_id = f"{rule_id}|{key}"
            book.store.save_record(SEEN, f"{owners[rule_id]}|{hit_id}", owners[rule_id], {"hit": hit_id},
                                   target=rule_id)
    Path(path).rename(path + ".migrated")
    for extra in ("-wal", "-shm"):
        Path(path + extra).unlink(missing_ok=True)
    return came


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
