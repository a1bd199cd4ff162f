"""SQLite tables, derived from the schema.

Node and relation types are not restated here: the CHECK constraints list the types the schema
declares, and ``relation_rules`` holds each relation type's allowed endpoints, so a write that
breaks the model fails in the database as well as in Python.
"""

from __future__ import annotations

import re
from typing import Any

from graph.schema import ANY, Schema
from graph.store.base import DECISION_KINDS, DECISION_STATUSES


def _in_list(values: list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def ddl(schema: Schema) -> list[str]:
    """CREATE statements for a fresh store (idempotent)."""
    entity_types = _in_list(schema.entity_types)
    relation_types = _in_list(list(schema.relations))
    return [
        f"""CREATE TABLE IF NOT EXISTS entities (
            entity_id TEXT PRIMARY KEY,
            type TEXT NOT NULL CHECK (type IN ({entity_types})),
            name TEXT NOT NULL,
            name_norm TEXT NOT NULL,
            properties TEXT NOT NULL DEFAULT '{{}}'
        )""",
        "CREATE INDEX IF NOT EXISTS entities_type ON entities(type)",
        "CREATE INDEX IF NOT EXISTS entities_name_norm ON entities(name_norm)",
        """CREATE TABLE IF NOT EXISTS aliases (
            entity_id TEXT NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            alias_norm TEXT NOT NULL,
            PRIMARY KEY (entity_id, alias_norm)
        )""",
        "CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(alias_norm)",
        # substring search on names and aliases without a full scan (trigram index, kept by triggers)
        "CREATE VIRTUAL TABLE IF NOT EXISTS aliases_fts USING fts5(alias_norm, entity_id UNINDEXED, "
        "tokenize='trigram')",
        """CREATE TRIGGER IF NOT EXISTS aliases_fts_insert AFTER INSERT ON aliases BEGIN
            INSERT INTO aliases_fts(rowid, alias_norm, entity_id) VALUES (new.rowid, new.alias_norm, new.entity_id);
        END""",
        """CREATE TRIGGER IF NOT EXISTS aliases_fts_delete AFTER DELETE ON aliases BEGIN
            DELETE FROM aliases_fts WHERE rowid = old.rowid;
        END""",
        f"""CREATE TABLE IF NOT EXISTS identifiers (
            entity_id TEXT NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
            scheme TEXT NOT NULL CHECK (scheme IN ({_in_list(list(schema.identifiers))})),
            value TEXT NOT NULL,
            PRIMARY KEY (entity_id, scheme)
        )""",
        "CREATE INDEX IF NOT EXISTS identifiers_value ON identifiers(value)",
        # substring search on identifier values (lower case) without a full scan, as for aliases
        "CREATE VIRTUAL TABLE IF NOT EXISTS identifiers_fts USING fts5(value_norm, entity_id UNINDEXED, "
        "tokenize='trigram')",
        """CREATE TRIGGER IF NOT EXISTS identifiers_fts_insert AFTER INSERT ON identifiers BEGIN
            INSERT INTO identifiers_fts(rowid, value_norm, entity_id) VALUES (new.rowid, lower(new.value), new.entity_id);
        END""",
        """CREATE TRIGGER IF NOT EXISTS identifiers_fts_delete AFTER DELETE ON identifiers BEGIN
            DELETE FROM identifiers_fts WHERE rowid = old.rowid;
        END""",
        """CREATE TABLE IF NOT EXISTS documents (
            doc_id TEXT PRIMARY KEY,
            title TEXT, source TEXT, lang TEXT, format TEXT, date TEXT,
            grading TEXT, handling TEXT,
            pages TEXT NOT NULL DEFAULT '[]',
            metadata TEXT NOT NULL DEFAULT '{}',
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            extraction TEXT NOT NULL DEFAULT '{}'
        )""",
        # list_documents pages in (source, doc_id) order: without this index every page sorted the
        # whole table and read every text (a full document listing grew with the square of its size)
        "CREATE INDEX IF NOT EXISTS documents_source ON documents(source, doc_id)",
        # the need-to-know view reads every document's handling code: a covering index keeps that
        # read off the rows, whose texts sit before ingested_at (3.8 s -> 0.09 s at 94k documents)
        "CREATE INDEX IF NOT EXISTS documents_access ON documents(doc_id, handling, ingested_at)",

        """CREATE TABLE IF NOT EXISTS mentions (
            doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, type TEXT NOT NULL,
            PRIMARY KEY (doc_id, start, "end", entity_id)
        )""",
        "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id)",
        f"""CREATE TABLE IF NOT EXISTS relations (
            rel_id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ({relation_types})),
            properties TEXT NOT NULL DEFAULT '{{}}',
            weight REAL NOT NULL DEFAULT 0,
            count INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT, last_seen TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS relations_source ON relations(source, type)",
        "CREATE INDEX IF NOT EXISTS relations_target ON relations(target, type)",
        """CREATE TABLE IF NOT EXISTS evidence (
            rel_id TEXT NOT NULL REFERENCES relations(rel_id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            sentence TEXT NOT NULL DEFAULT '',
            method TEXT NOT NULL, extractor TEXT NOT NULL DEFAULT '',
            confidence REAL NOT NULL DEFAULT 1, weight REAL NOT NULL DEFAULT 1,
            date TEXT, page INTEGER,
            PRIMARY KEY (rel_id, doc_id, start, "end", method)
        )""",
        "CREATE INDEX IF NOT EXISTS evidence_doc ON evidence(doc_id)",
        """CREATE TABLE IF NOT EXISTS relation_rules (
            type TEXT NOT NULL, source_type TEXT NOT NULL, target_type TEXT NOT NULL,
            PRIMARY KEY (type, source_type, target_type)
        )""",
        f"""CREATE TABLE IF NOT EXISTS decisions (
            decision_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ({_in_list(list(DECISION_KINDS))})),
            a TEXT NOT NULL, b TEXT NOT NULL,
            score REAL, reason TEXT NOT NULL DEFAULT '',
            features TEXT NOT NULL DEFAULT '{{}}',
            who TEXT NOT NULL, at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ({_in_list(list(DECISION_STATUSES))}))
        )""",
        "CREATE INDEX IF NOT EXISTS decisions_a ON decisions(a)",
        "CREATE INDEX IF NOT EXISTS decisions_b ON decisions(b)",
        """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    ]


def widen_type_checks(db: Any, schema: Schema) -> list[str]:
    """Let a store made under an older schema take the node and relation types added since.

    SQLite cannot alter a CHECK constraint; the change is made in the stored table definition
    (SQLite's documented way for constraint-only changes: nothing on disk is rewritten). Only the
    type lists of ``entities`` and ``relations`` are touched. Returns the tables changed."""
    changed = []
    for table, types in (("entities", schema.entity_types), ("relations", list(schema.relations))):
        row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
        wanted = f"type IN ({_in_list(types)})"
        if row is None or wanted in row[0]:
            continue
        found = re.search(r"type IN \([^)]*\)", row[0])
        if found:
            changed.append((table, row[0][:found.start()] + wanted + row[0][found.end():]))
    if changed:
        version = db.execute("PRAGMA schema_version").fetchone()[0]
        db.execute("PRAGMA writable_schema = ON")
        try:
            for table, new_sql in changed:
                db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (new_sql, table))
            db.execute(f"PRAGMA schema_version = {int(version) + 1}")
        finally:
            db.execute("PRAGMA writable_schema = OFF")
    return [table for table, _ in changed]


def relation_rule_rows(schema: Schema) -> list[tuple[str, str, str]]:
    """(type, source_type, target_type) for every allowed endpoint pair; ``*`` kept as is."""
    rows = []
    for rel in schema.relations.values():
        for src in rel.sources:
            for tgt in rel.targets:
                rows.append((rel.name, src if src != ANY else ANY, tgt if tgt != ANY else ANY))
    return rows
