"""Workspace records (investigations, notes) behave the same on every backend."""

from __future__ import annotations

import os

import pytest

from factories import doc_one
from graph.errors import InvalidInput
from graph.store import open_store

NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")


@pytest.fixture(params=[
    pytest.param("sqlite", id="sqlite"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.skipif(
        not NEO4J_URL, reason="no Neo4j server: run `scripts/neo4j start` and set HAVENGRAPH_TEST_NEO4J_URL")),
])
def store(request, tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'workspace.db'}" if request.param == "sqlite" else NEO4J_URL)
    s.clear()
    yield s
    s.clear()
    s.close()


def test_saved_record_reads_back_with_its_data(store):
    data = {"name": "Terminal 9 leak", "pinned": ["person:jan-peeters"], "positions": {"person:jan-peeters": {"x": 1.5, "y": -2}}}
    saved = store.save_record("investigation", "inv1", "ana", data)
    got = store.get_record("investigation", "inv1")
    assert got["data"] == data and got["owner"] == "ana" and got["updated_at"] == saved["updated_at"]
    assert store.get_record("investigation", "nope") is None
    assert store.get_record("note", "inv1") is None  # kinds are separate


def test_saving_again_replaces_and_delete_removes(store):
    store.save_record("investigation", "inv1", "ana", {"name": "first"})
    store.save_record("investigation", "inv1", "ana", {"name": "second"})
    assert [r["data"]["name"] for r in store.list_records("investigation")] == ["second"]
    assert store.delete_record("investigation", "inv1") is True
    assert store.delete_record("investigation", "inv1") is False
    assert store.list_records("investigation") == []


def test_records_are_listed_by_owner_and_target(store):
    store.save_record("note", "n1", "ana", {"text": "a"}, target="person:jan-peeters")
    store.save_record("note", "n2", "bob", {"text": "b"}, target="person:jan-peeters")
    store.save_record("note", "n3", "ana", {"text": "c"}, target="company:zl")
    assert {r["record_id"] for r in store.list_records("note", target="person:jan-peeters")} == {"n1", "n2"}
    assert {r["record_id"] for r in store.list_records("note", owner="ana")} == {"n1", "n3"}


def test_records_stay_out_of_the_graph_and_go_with_clear(store):
    store.write(doc_one())
    before = store.stats()
    store.save_record("investigation", "inv1", "ana", {"name": "x"})
    after = store.stats()
    assert {k: after[k] for k in ("documents", "entities", "relations")} == {
        k: before[k] for k in ("documents", "entities", "relations")}
    store.clear()
    assert store.list_records("investigation") == []


def test_bad_kind_is_refused(store):
    with pytest.raises(InvalidInput):
        store.save_record("bookmark", "x", "ana", {})


def test_migration_copies_records_with_their_times(store, tmp_path):
    from graph.store.migrate import migrate

    store.write(doc_one())
    saved = store.save_record("note", "n1", "ana", {"text": "check the roster"}, target="person:jan-peeters")
    target = open_store(f"sqlite:///{tmp_path / 'copy.db'}")
    try:
        result = migrate(store, target)
        assert result["workspace_records"] == 1
        assert target.list_records("note") == [saved]
    finally:
        target.close()
