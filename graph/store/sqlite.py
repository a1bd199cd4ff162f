"""The embedded default store: stdlib ``sqlite3``, WAL, one transaction per write.

Traversals run as indexed SQL lookups; analyses run on :meth:`SQLiteStore.projection`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import DocumentNotFound, InvalidInput, StoreUnavailable
from graph.ids import fold
from graph.model import (
    Document,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Relation,
    extraction_from_record,
    extraction_to_record,
)
from graph.schema import SCHEMA
from graph.store.base import (
    DECISION_STATUSES,
    TraversalMixin,
    build_projection,
    check_relation_types,
    check_search,
    check_types,
    decision_row,
)
from graph.store.sqlite_ddl import ddl, relation_rule_rows, widen_type_checks
from graph.store.workspace import SQLiteWorkspace

_CHUNK = 500  # SQLite's bound-parameter limit is far above this


def relation_id(source: str, type_: str, target: str) -> str:
    """Stable id of a relation; symmetric types are stored with ``source < target``."""
    if SCHEMA.relations[type_].symmetric and target < source:
        source, target = target, source
    return hashlib.sha1(f"{source}\x1f{type_}\x1f{target}".encode()).hexdigest()[:20]


def oriented(rel: Relation) -> tuple[str, str]:
    if SCHEMA.relations[rel.type].symmetric and rel.target < rel.source:
        return rel.target, rel.source
    return rel.source, rel.target


def _chunks(items: list[str], size: int = _CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _add_to_aggregates(db: sqlite3.Connection, rel_id: str, evidence: list[Evidence]) -> None:
    """Add newly inserted evidence to a relation's weight, count and first/last dates (no rescan:
    a relation with a million messages behind it costs the same to extend as a new one)."""
    dates = [e.date for e in evidence if e.date is not None]
    first, last = (min(dates), max(dates)) if dates else (None, None)
    db.execute(
        """UPDATE relations SET weight = weight + ?, count = count + ?,
               first_seen = CASE WHEN first_seen IS NULL OR ? < first_seen THEN COALESCE(?, first_seen)
                                 ELSE first_seen END,
               last_seen = CASE WHEN last_seen IS NULL OR ? > last_seen THEN COALESCE(?, last_seen)
                                ELSE last_seen END
           WHERE rel_id = ?""",
        (sum(e.weight for e in evidence), len(evidence), first, first, last, last, rel_id))


class SQLiteStore(SQLiteWorkspace, TraversalMixin):
    """``sqlite:///path/to/havengraph.db`` (``sqlite:///:memory:`` for a throw-away store)."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        """Open (and create) the store; ``read_only`` connections never take the write lock.

        A read-only connection to a file whose schema is current skips the schema transaction
        and refuses writes (``PRAGMA query_only``), so it reads while a writer holds the lock (WAL).
        """
        self.url = url
        path = url.split("sqlite://", 1)[1]
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise InvalidInput("sqlite URL needs a path: sqlite:///havengraph.db")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"cannot open {url}: {exc}") from exc
        self._lock = threading.RLock()
        self._db.execute("PRAGMA busy_timeout=10000")  # a writer waits this long for another writer
        if read_only and path != ":memory:" and self._schema_is_current():
            self._db.execute("PRAGMA query_only=ON")
            return
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        with self._tx() as db:
            for statement in ddl(SCHEMA):
                db.execute(statement)
            widen_type_checks(db, SCHEMA)  # a store made before a node or relation type was added
            db.execute("DELETE FROM relation_rules")
            db.executemany("INSERT INTO relation_rules VALUES (?,?,?)", relation_rule_rows(SCHEMA))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA.version),))
            if (db.execute("SELECT 1 FROM aliases LIMIT 1").fetchone()
                    and not db.execute("SELECT 1 FROM aliases_fts LIMIT 1").fetchone()):
                # a store written before the search index existed
                db.execute("INSERT INTO aliases_fts(rowid, alias_norm, entity_id) "
                           "SELECT rowid, alias_norm, entity_id FROM aliases")
            if (db.execute("SELECT 1 FROM identifiers LIMIT 1").fetchone()
                    and not db.execute("SELECT 1 FROM identifiers_fts LIMIT 1").fetchone()):
                db.execute("INSERT INTO identifiers_fts(rowid, value_norm, entity_id) "
                           "SELECT rowid, lower(value), entity_id FROM identifiers")

    # -- plumbing -------------------------------------------------------------------------------
    def _schema_is_current(self) -> bool:
        """Whether the file already holds this schema version (a plain read: no lock is taken)."""
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.Error:
            return False
        return row is not None and row[0] == str(SCHEMA.version)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def clear(self) -> None:
        with self._tx() as db:
            for table in ("evidence", "relations", "mentions", "identifiers", "identifiers_fts", "aliases", "aliases_fts",
                          "entities",
                          "documents", "decisions"):
                db.execute(f"DELETE FROM {table}")
        self.clear_records()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    class _Tx:
        def __init__(self, store: SQLiteStore) -> None:
            self.store = store

        def __enter__(self) -> sqlite3.Connection:
            self.store._lock.acquire()
            self.store._db.execute("BEGIN IMMEDIATE")
            return self.store._db

        def __exit__(self, exc_type: object, *rest: object) -> None:
            try:
                self.store._db.execute("ROLLBACK" if exc_type else "COMMIT")
            finally:
                self.store._lock.release()

    def _tx(self) -> SQLiteStore._Tx:
        return SQLiteStore._Tx(self)

    def _query(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[Any]:
        with self._lock:
            cur = self._db.execute(sql, params if isinstance(params, dict) else tuple(params))
            return cur.fetchall()

    # -- writes ---------------------------------------------------------------------------------
    def write(self, extraction: Extraction, *, replace: bool = False) -> str:
        return self.write_many([extraction], replace=replace)[0]

    def write_many(self, extractions: Iterable[Extraction], *, replace: bool = False) -> list[str]:
        results = []
        with self._tx() as db:
            for ex in extractions:
                exists = db.execute("SELECT 1 FROM documents WHERE doc_id=?", (ex.document.doc_id,)).fetchone()
                if exists and not replace:
                    results.append("skipped")
                    continue
                if exists:
                    self._delete_document(db, ex.document.doc_id)
                self._write(db, ex)
                results.append("replaced" if exists else "written")
        return results

    def _write(self, db: sqlite3.Connection, ex: Extraction) -> None:
        doc = ex.document
        raw = ex.raw if ex.raw is not None else ex
        record = extraction_to_record(raw)
        record["document"]["text"] = ""  # the text is stored once, in its own column
        db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.doc_id, doc.title, doc.source, doc.lang, doc.format, doc.date, doc.grading, doc.handling,
             json.dumps(doc.pages), json.dumps(doc.metadata, default=str), doc.text,
             datetime.now(UTC).isoformat(timespec="seconds"), json.dumps(record, default=str)),
        )
        for entity in ex.entities:
            self._upsert_entity(db, entity)
        db.executemany(
            'INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?)',
            [(doc.doc_id, m.entity_id, m.start, m.end, m.text, m.type) for m in ex.mentions],
        )
        touched: set[str] = set()
        for rel in ex.relations:
            SCHEMA.relation(rel.type)
            source, target = oriented(rel)
            rel_id = relation_id(source, rel.type, target)
            db.execute(
                "INSERT INTO relations (rel_id, source, target, type, properties) VALUES (?,?,?,?,?) "
                "ON CONFLICT(rel_id) DO NOTHING",
                (rel_id, source, target, rel.type, json.dumps(rel.properties, default=str)),
            )
            before = db.total_changes
            db.executemany(
                'INSERT OR IGNORE INTO evidence VALUES (?,?,?,?,?,?,?,?,?,?,?)',
                [(rel_id, e.doc_id or doc.doc_id, e.start, e.end, e.sentence, e.method, e.extractor,
                  e.confidence, e.weight, e.date, e.page) for e in rel.evidence],
            )
            if db.total_changes - before == len(rel.evidence) and rel_id not in touched:
                _add_to_aggregates(db, rel_id, rel.evidence)
            else:  # some evidence was there already: count again from the evidence rows
                touched.add(rel_id)
        self._refresh_aggregates(db, list(touched))

    def _upsert_entity(self, db: sqlite3.Connection, entity: Entity) -> None:
        type_ = SCHEMA.node_name(entity.type)
        row = db.execute("SELECT properties FROM entities WHERE entity_id=?", (entity.entity_id,)).fetchone()
        if row is None:
            db.execute("INSERT INTO entities VALUES (?,?,?,?,?)",
                       (entity.entity_id, type_, entity.name, fold(entity.name),
                        json.dumps(entity.properties, default=str)))
        elif entity.properties:
            props = json.loads(row[0])
            merged = {**entity.properties, **props}  # first value seen wins
            if merged != props:
                db.execute("UPDATE entities SET properties=? WHERE entity_id=?",
                           (json.dumps(merged, default=str), entity.entity_id))
        names = dict.fromkeys([entity.name, *entity.aliases])
        db.executemany("INSERT OR IGNORE INTO aliases VALUES (?,?,?)",
                       [(entity.entity_id, n, fold(n)) for n in names if n])
        db.executemany("INSERT OR IGNORE INTO identifiers VALUES (?,?,?)",
                       [(entity.entity_id, s, v) for s, v in entity.identifiers.items()])

    def _refresh_aggregates(self, db: sqlite3.Connection, rel_ids: list[str]) -> None:
        for chunk in _chunks(rel_ids):
            marks = ",".join("?" * len(chunk))
            db.execute(
                f"""UPDATE relations SET
                    weight = (SELECT COALESCE(SUM(weight), 0) FROM evidence e WHERE e.rel_id = relations.rel_id),
                    count = (SELECT COUNT(*) FROM evidence e WHERE e.rel_id = relations.rel_id),
                    first_seen = (SELECT MIN(date) FROM evidence e WHERE e.rel_id = relations.rel_id),
                    last_seen = (SELECT MAX(date) FROM evidence e WHERE e.rel_id = relations.rel_id)
                WHERE rel_id IN ({marks})""",
                chunk,
            )

    def delete_document(self, doc_id: str) -> bool:
        with self._tx() as db:
            return self._delete_document(db, doc_id)

    def _delete_document(self, db: sqlite3.Connection, doc_id: str) -> bool:
        if not db.execute("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)).fetchone():
            return False
        rel_ids = [r[0] for r in db.execute("SELECT DISTINCT rel_id FROM evidence WHERE doc_id=?", (doc_id,))]
        ent_ids = {r[0] for r in db.execute("SELECT DISTINCT entity_id FROM mentions WHERE doc_id=?", (doc_id,))}
        for chunk in _chunks(rel_ids):
            marks = ",".join("?" * len(chunk))
            for src, tgt in db.execute(f"SELECT source, target FROM relations WHERE rel_id IN ({marks})", chunk):
                ent_ids.update((src, tgt))
        db.execute("DELETE FROM evidence WHERE doc_id=?", (doc_id,))
        db.execute("DELETE FROM mentions WHERE doc_id=?", (doc_id,))
        db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
        self._refresh_aggregates(db, rel_ids)
        db.execute("DELETE FROM relations WHERE count = 0")
        # entities known only from this document go with it
        for chunk in _chunks(sorted(ent_ids)):
            marks = ",".join("?" * len(chunk))
            db.execute(
                f"""DELETE FROM entities WHERE entity_id IN ({marks})
                    AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.entity_id)
                    AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.source = entities.entity_id
                                    OR r.target = entities.entity_id)""",
                chunk,
            )
        return True

    # -- reads ----------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM documents WHERE doc_id=?", (doc_id,)))

    def get_document(self, doc_id: str) -> Document:
        rows = self._query("SELECT doc_id, title, source, lang, format, date, grading, handling, pages, metadata,"
                           " text FROM documents WHERE doc_id=?", (doc_id,))
        if not rows:
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        r = rows[0]
        return Document(doc_id=r[0], title=r[1] or "", source=r[2] or "", lang=r[3] or "", format=r[4] or "",
                        date=r[5], grading=r[6], handling=r[7], pages=json.loads(r[8]),
                        metadata=json.loads(r[9]), text=r[10])

    def raw_extraction(self, doc_id: str) -> Extraction:
        """The extraction as first written (before entity resolution), for re-resolution and migration."""
        rows = self._query("SELECT extraction FROM documents WHERE doc_id=?", (doc_id,))
        if not rows:
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        return extraction_from_record(json.loads(rows[0][0]), document=self.get_document(doc_id))

    def documents_mentioning(self, entity_ids: Iterable[str]) -> list[str]:
        ids = list(dict.fromkeys(entity_ids))
        docs: set[str] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            docs.update(r[0] for r in self._query(
                f"SELECT doc_id FROM mentions WHERE entity_id IN ({marks})", chunk))
            docs.update(r[0] for r in self._query(
                f"""SELECT DISTINCT e.doc_id FROM evidence e JOIN relations r ON r.rel_id = e.rel_id
                    WHERE r.source IN ({marks}) OR r.target IN ({marks})""", chunk + chunk))
        return sorted(docs)

    # -- resolution decisions -------------------------------------------------------------------
    def save_decision(self, decision: dict[str, Any]) -> dict[str, Any]:
        """Record a merge, a 'distinct' pin or a review candidate (with who, why and when)."""
        return self.save_decisions([decision])[0]

    def save_decisions(self, decisions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows = [decision_row(d) for d in decisions]
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO decisions VALUES (?,?,?,?,?,?,?,?,?,?)",
                           [(r["decision_id"], r["kind"], r["a"], r["b"], r["score"], r["reason"],
                             json.dumps(r["features"], default=str), r["who"], r["at"], r["status"]) for r in rows])
        return rows

    def list_decisions(self, kind: str | None = None, status: str | None = "active",
                       entity_id: str | None = None) -> list[dict[str, Any]]:
        rows = self._query(
            """SELECT decision_id, kind, a, b, score, reason, features, who, at, status FROM decisions
               WHERE (:kind IS NULL OR kind = :kind) AND (:status IS NULL OR status = :status)
                 AND (:eid IS NULL OR a = :eid OR b = :eid) ORDER BY at, decision_id""",
            {"kind": kind, "status": status, "eid": entity_id})
        keys = ("decision_id", "kind", "a", "b", "score", "reason", "features", "who", "at", "status")
        out = [dict(zip(keys, r, strict=True)) for r in rows]
        for d in out:
            d["features"] = json.loads(d["features"])
        return out

    def set_decision_status(self, decision_id: str, status: str) -> bool:
        if status not in DECISION_STATUSES:
            raise InvalidInput(f"a decision's status is one of {DECISION_STATUSES}, not {status!r}")
        with self._tx() as db:
            cur = db.execute("UPDATE decisions SET status=? WHERE decision_id=?", (status, decision_id))
            return cur.rowcount > 0

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        rows = self._query("SELECT doc_id, title, source, lang, format, date, grading, handling, length(text),"
                           " ingested_at FROM documents ORDER BY source, doc_id LIMIT ? OFFSET ?", (limit, offset))
        keys = ("doc_id", "title", "source", "lang", "format", "date", "grading", "handling", "length", "ingested_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def document_handling(self) -> list[tuple[str, str | None, str | None]]:
        return [tuple(r) for r in self._query("SELECT doc_id, handling, ingested_at FROM documents")]

    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        ids = list(dict.fromkeys(entity_ids))
        out: dict[str, Entity] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for eid, type_, name, props in self._query(
                    f"SELECT entity_id, type, name, properties FROM entities WHERE entity_id IN ({marks})", chunk):
                out[eid] = Entity(entity_id=eid, type=type_, name=name, properties=json.loads(props))
            for eid, alias in self._query(f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks})", chunk):
                if eid in out and alias != out[eid].name:
                    out[eid].aliases.append(alias)
            for eid, scheme, value in self._query(
                    f"SELECT entity_id, scheme, value FROM identifiers WHERE entity_id IN ({marks})", chunk):
                if eid in out:
                    out[eid].identifiers[scheme] = value
        for entity in out.values():
            entity.aliases.sort()
        return out

    def search(self, text: str, type: str | None = None, limit: int = 20) -> list[Entity]:
        query, type_ = check_search(text, type, limit)
        if not query:  # nothing in the text can match a name or an identifier
            return []
        like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        compact = query.replace(" ", "")
        rows = self._search_rows(query, like, compact, type_, limit)
        ids = list(dict.fromkeys(r[0] for r in rows))[:limit]
        found = self.get_entities(ids)
        return [found[i] for i in ids if i in found]

    def _search_rows(self, query: str, like: str, compact: str, type_: str | None, limit: int) -> list[Any]:
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params = {"q": query, "prefix": escaped + "%", "like": like, "type": type_,
                  "limit": limit * 2, "compact": compact,
                  "clike": "%" + compact.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"}
        # three plain characters or more: the trigram index answers the substring match
        indexed = len(query) >= 3 and escaped == query
        source = "aliases_fts" if indexed else "aliases"
        match = "a.alias_norm LIKE :like" if indexed else "a.alias_norm LIKE :like ESCAPE '\\'"
        # identifiers likewise: a scan of every identifier per search grew with the store
        if len(compact) >= 3 and not any(c in compact for c in "%_\\"):
            ident_source, ident_value = "identifiers_fts", "i.value_norm"
            ident_match = "i.value_norm LIKE :clike"
        else:
            ident_source, ident_value = "identifiers", "lower(i.value)"
            ident_match = "lower(i.value) LIKE :clike ESCAPE '\\'"
        with self._lock:
            return self._db.execute(
                f"""SELECT entity_id, rank, len FROM (
                     SELECT e.entity_id AS entity_id,
                            MIN(CASE WHEN a.alias_norm = :q THEN 0
                                     WHEN a.alias_norm LIKE :prefix ESCAPE '\\' THEN 1 ELSE 2 END) AS rank,
                            MIN(length(a.alias_norm)) AS len
                     FROM {source} a JOIN entities e ON e.entity_id = a.entity_id
                     WHERE {match} AND (:type IS NULL OR e.type = :type)
                     GROUP BY e.entity_id
                     UNION ALL
                     SELECT e.entity_id, CASE WHEN {ident_value} = :compact THEN 0 ELSE 1 END,
                            length({ident_value})
                     FROM {ident_source} i JOIN entities e ON e.entity_id = i.entity_id
                     WHERE {ident_match} AND (:type IS NULL OR e.type = :type))
                   ORDER BY rank, len, entity_id LIMIT :limit""",
                params,
            ).fetchall()

    def adjacent(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                 include_weak: bool = True) -> list[tuple[str, str, str]]:
        ids = list(dict.fromkeys(entity_ids))
        types = check_relation_types(relation_types)
        excluded = [] if include_weak else [r.name for r in SCHEMA.relations.values() if r.weak]
        out: list[tuple[str, str, str]] = []
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT source, target, type FROM relations WHERE source IN ({marks}) "
                f"UNION SELECT source, target, type FROM relations WHERE target IN ({marks})",
                chunk + chunk,
            )
            out.extend((s, t, ty) for s, t, ty in rows
                       if ty not in excluded and (types is None or ty in types))
        return out

    def relations_between(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                          include_weak: bool = True) -> list[Relation]:
        ids = sorted(set(entity_ids))
        if len(ids) > 20000:  # beyond SQLite's bound-parameter budget: filter the adjacency in Python
            keep = set(ids)
            edges = [(s, t, ty) for s, t, ty in self.adjacent(ids, relation_types, include_weak)
                     if s in keep and t in keep]
            return self._load_relations([relation_id(s, ty, t) for s, t, ty in dict.fromkeys(edges)])
        types = check_relation_types(relation_types)
        weak = {r.name for r in SCHEMA.relations.values() if r.weak}
        rel_ids: list[str] = []
        targets = ",".join("?" * len(ids))
        for chunk in _chunks(ids, 2000):  # both ends in the set: one indexed query per chunk of sources
            marks = ",".join("?" * len(chunk))
            rows = self._query(f"SELECT rel_id, type FROM relations WHERE source IN ({marks}) "
                               f"AND target IN ({targets})", chunk + ids)
            rel_ids.extend(rid for rid, ty in rows
                           if (include_weak or ty not in weak) and (types is None or ty in types))
        return self._load_relations(sorted(set(rel_ids)))

    def _load_relations(self, rel_ids: list[str]) -> list[Relation]:
        rels: dict[str, Relation] = {}
        for chunk in _chunks(rel_ids):
            marks = ",".join("?" * len(chunk))
            for rid, src, tgt, ty, props in self._query(
                    f"SELECT rel_id, source, target, type, properties FROM relations WHERE rel_id IN ({marks})", chunk):
                rels[rid] = Relation(source=src, target=tgt, type=ty, properties=json.loads(props))
            for row in self._query(
                    'SELECT rel_id, doc_id, start, "end", sentence, method, extractor, confidence, weight, date, page '
                    f"FROM evidence WHERE rel_id IN ({marks}) ORDER BY doc_id, start", chunk):
                rels[row[0]].evidence.append(Evidence(*row[1:]))
        return [rels[r] for r in rel_ids if r in rels]

    def mentions(self, entity_id: str, limit: int = 100) -> list[Mention]:
        rows = self._query('SELECT entity_id, text, type, start, "end", doc_id FROM mentions WHERE entity_id=? '
                           "ORDER BY doc_id, start LIMIT ?", (entity_id, limit))
        return [Mention(*r) for r in rows]

    def iter_relations(self) -> Iterator[Relation]:
        ids = [r[0] for r in self._query("SELECT rel_id FROM relations ORDER BY rel_id")]
        for chunk in _chunks(ids):
            yield from self._load_relations(chunk)

    def iter_entities(self) -> Iterator[Entity]:
        ids = [r[0] for r in self._query("SELECT entity_id FROM entities ORDER BY entity_id")]
        for chunk in _chunks(ids):
            found = self.get_entities(chunk)
            yield from (found[i] for i in chunk)

    def projection(self, types: Iterable[str] | None = None, relation_types: Iterable[str] | None = None,
                   include_weak: bool = True) -> nx.MultiDiGraph:
        wanted = check_types(types)
        rel_types = check_relation_types(relation_types)
        nodes = [(e, t, n) for e, t, n in self._query("SELECT entity_id, type, name FROM entities")
                 if wanted is None or t in wanted]
        keep = {n[0] for n in nodes}
        edges = [
            row for row in self._query(
                "SELECT source, target, type, weight, count, first_seen, last_seen FROM relations")
            if row[0] in keep and row[1] in keep
            and (rel_types is None or row[2] in rel_types)
            and (include_weak or not SCHEMA.relations[row[2]].weak)
        ]
        return build_projection(nodes, edges)

    def stats(self) -> dict[str, Any]:
        count = {t: self._query(f"SELECT COUNT(*) FROM {t}")[0][0]
                 for t in ("documents", "entities", "relations", "evidence", "mentions")}
        by_type = dict(self._query("SELECT type, COUNT(*) FROM entities GROUP BY type ORDER BY type"))
        by_rel = dict(self._query("SELECT type, COUNT(*) FROM relations GROUP BY type ORDER BY type"))
        return {**count, "entities_by_type": by_type, "relations_by_type": by_rel, "store": self.url}
