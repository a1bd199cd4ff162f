"""A SQLite store made before a node or relation type was added to the schema takes the new type
when it is opened (here: a store without HANDLE and HAS_HANDLE, as stores were before chat handles)."""

from __future__ import annotations

import dataclasses
import sqlite3

from graph.model import Document, Entity, Evidence, Extraction, Relation
from graph.schema import SCHEMA
from graph.store.sqlite import SQLiteStore
from graph.store.sqlite_ddl import ddl


def _older_store(path: str) -> None:
    older = dataclasses.replace(SCHEMA, nodes={k: v for k, v in SCHEMA.nodes.items() if k != "HANDLE"},
                                relations={k: v for k, v in SCHEMA.relations.items() if k != "HAS_HANDLE"})
    db = sqlite3.connect(path)
    for statement in ddl(older):
        db.execute(statement)
    db.commit()
    try:
        db.execute("INSERT INTO entities VALUES ('handle:x', 'HANDLE', 'x', 'x', '{}')")
        raise AssertionError("the older table should refuse the new type")
    except sqlite3.IntegrityError:
        pass
    db.close()


def test_an_older_store_takes_the_types_added_since(tmp_path):
    path = str(tmp_path / "older.db")
    _older_store(path)
    store = SQLiteStore(f"sqlite:///{path}")
    try:
        doc = Document(doc_id="c" * 64, text="Jordy writes as @kapitein88", title="chat", source="chat.csv")
        jordy, handle = Entity("person:jordy", "PERSON", "Jordy"), Entity("handle:kapitein88", "HANDLE", "@kapitein88")
        rel = Relation(jordy.entity_id, handle.entity_id, "HAS_HANDLE", [Evidence(doc.doc_id, 0, 27, method="structured")])
        assert store.write(Extraction(document=doc, entities=[jordy, handle], relations=[rel])) == "written"
        assert store.get_entity("handle:kapitein88").type == "HANDLE"
        assert store._query("PRAGMA integrity_check") == [("ok",)]
    finally:
        store.close()
    # the change is kept: a plain connection sees the widened tables, and a type outside the schema is still refused
    db = sqlite3.connect(path)
    try:
        db.execute("INSERT INTO entities VALUES ('handle:y', 'HANDLE', 'y', 'y', '{}')")
        try:
            db.execute("INSERT INTO entities VALUES ('ship:z', 'SHIP', 'z', 'z', '{}')")
            raise AssertionError("a type outside the schema must be refused")
        except sqlite3.IntegrityError:
            pass
    finally:
        db.close()
