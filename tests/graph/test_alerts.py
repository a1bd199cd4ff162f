"""Alerts: rules find hits with evidence, only new ones are new, and views hide what they must."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from dated_network import CAS, EVA, dated_network

from factories import JAN, RUDI, doc_one, doc_two
from graph.alerts import AlertBook, alerts_db_path, check_rule, migrate_side_file, visible_hits
from graph.alerts.rules import RuleExists, RuleNotFound
from graph.analysis.examples import PORT_NETWORK_WATCHLIST, port_network_extraction
from graph.errors import InvalidInput
from graph.store import open_store
from graph.store.view import ClearedView


@pytest.fixture(params=["sqlite", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """An empty store of each backend (Neo4j when HAVENGRAPH_TEST_NEO4J_URL names a server)."""
    if request.param == "neo4j":
        yield request.getfixturevalue("neo")
        return
    s = open_store(f"sqlite:///{tmp_path / 'alerts.db'}")
    yield s
    s.close()


@pytest.fixture
def book(store) -> Iterator[AlertBook]:
    b = AlertBook(store)
    yield b
    b.close()


def test_a_watched_person_s_new_relation_is_a_new_hit_with_its_sentence(store, book):
    store.write(doc_one())
    rule = book.add_rule("jan", "watchlist", {"entries": ["Jan Peeters"]})
    first = book.run(store)
    assert [h["title"] for h in first] == ["Jan Peeters -[DIRECTOR_OF]- Zeebrugge Logistics BVBA"]
    assert book.run(store) == []  # nothing changed, nothing new
    store.write(doc_two())
    assert book.refresh(store) and book.refresh(store) == []  # run once after the ingest, then quiet
    called = [h for h in book.hits(rule=rule.name) if "CONTACTED" in h["title"]]
    assert len(called) == 1 and called[0]["entity_id"] == RUDI.entity_id
    assert called[0]["evidence"][0]["sentence"] == "Rüdiger Maës called Jan Peeters"
    assert called[0]["doc_ids"] == [doc_two().document.doc_id]
    assert not any("CO_MENTIONED" in h["title"] for h in book.hits())  # weak links only when asked


def test_a_query_rule_hits_each_document_naming_its_match(store, book):
    store.write(doc_one())
    book.add_rule("jan named", "query", {"text": "Jan Peeters", "type": "PERSON"})
    assert len(book.run(store)) == 1
    store.write(doc_two())
    new = book.refresh(store)
    assert [h["entity_id"] for h in new] == [JAN.entity_id]
    assert "two.txt" in new[0]["title"] and "Jan Peeters" in new[0]["evidence"][0]["sentence"]


def test_a_suspicious_rule_hits_firms_once_they_reach_the_threshold(store, book):
    store.write(port_network_extraction())
    entries = [{"name": n, "type": t} for n, t, _ in PORT_NETWORK_WATCHLIST]
    book.add_rule("firms", "suspicious", {"threshold": 0.3, "entries": entries})
    hits = book.run(store)
    assert "Scheldt Forwarding NV" in {h["title"].split(":")[0] for h in hits}
    assert all(h["evidence"][0]["score"] >= 0.3 for h in hits)
    book.add_rule("very", "suspicious", {"threshold": 1.0, "entries": entries})
    assert book.run(store) == []
    book.add_rule("later", "suspicious", {"threshold": 0.1, "entries": [{"name": "Not Yet Known"}]})
    assert book.run(store) == []  # a name not in the graph yet is no error: a later ingest may bring it


def test_hits_resting_on_hidden_documents_are_not_shown(store, book):
    store.write_many(dated_network())
    book.add_rule("dirk", "watchlist", {"entries": [{"name": "Dirk Jacobs"}]})
    hits = book.run(store)
    assert {h["entity_id"] for h in hits} == {EVA, CAS}
    public = visible_hits(hits, ClearedView(store, "PUBLIC"))
    assert {h["entity_id"] for h in public} == {EVA}
    assert visible_hits(hits, ClearedView(store, "SECRET")) == hits
    book.add_rule("susp", "suspicious", {"threshold": 0.01, "entries": [{"name": "Anna Claes"}]})
    assert all(h["kind"] != "suspicious" for h in visible_hits(book.run(store) + hits, ClearedView(store, "PUBLIC")))


def test_rules_are_checked_named_once_and_removable(book, store, tmp_path):
    for kind, params in (("gossip", {}), ("watchlist", {"entries": []}), ("query", {"text": " "}),
                         ("suspicious", {"threshold": 2, "entries": ["X"]})):
        with pytest.raises(InvalidInput):
            check_rule(kind, params)
    book.add_rule("one", "query", {"text": "x"})
    with pytest.raises(RuleExists, match="already"):
        book.add_rule("one", "query", {"text": "y"})
    with pytest.raises(RuleExists, match="watches exactly this already"):
        book.add_rule("the page's watch", "query", {"text": "x"}, owner="ann")
    book.add_rule("another", "query", {"text": "x", "type": "PERSON"})
    book.remove_rule("one")
    with pytest.raises(RuleNotFound):
        book.remove_rule("one")
    book.add_rule("the page's watch", "query", {"text": "x"}, owner="ann")
    assert alerts_db_path(f"sqlite:///{tmp_path / 'case.db'}") == str(tmp_path / "case.alerts.db")


def test_seen_marks_are_per_user(store, book):
    store.write_many(dated_network())
    book.add_rule("dirk", "watchlist", {"entries": ["Dirk Jacobs"]})
    book.run(store)
    assert len(book.hits(unseen_only=True, user="ann")) == 2
    assert book.mark_seen("dirk", user="ann") == 2 and book.hits(unseen_only=True, user="ann") == []
    assert len(book.hits(unseen_only=True, user="bob")) == 2  # Ann's reading is not Bob's
    assert [h["seen"] for h in book.hits(user="ann")] == [True, True]
    with pytest.raises(InvalidInput, match="per user"):
        book.mark_seen("dirk")


def test_rules_and_hits_live_in_the_store_and_no_file_is_written(store, book, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store.write(doc_one())
    book.add_rule("jan", "watchlist", {"entries": ["Jan Peeters"]}, owner="ann")
    assert len(book.run(store)) == 1
    other = AlertBook(store)  # another process of the team: the same records
    assert [r.name for r in other.rules()] == ["jan"] and len(other.hits()) == 1
    assert other.run(store) == []
    assert {p.name for p in tmp_path.iterdir()} <= {"alerts.db", "alerts.db-wal", "alerts.db-shm"}  # the store only
    book.remove_rule("jan")
    assert store.list_records("alert_hit") == [] and store.list_records("alert_rule") == []


def test_an_old_side_file_is_brought_into_the_store_once(store, tmp_path):
    old = tmp_path / "case.alerts.db"
    db = sqlite3.connect(old)
    db.executescript(
        "CREATE TABLE rules (rule_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, params TEXT NOT NULL,"
        " owner TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
        "CREATE TABLE hits (rule_id TEXT NOT NULL, key TEXT NOT NULL, entity_id TEXT NOT NULL, title TEXT NOT NULL,"
        " evidence TEXT NOT NULL, doc_ids TEXT NOT NULL, found_at TEXT NOT NULL, seen INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (rule_id, key));"
        "INSERT INTO rules VALUES ('r1', 'jan', 'watchlist', '{\"entries\": [{\"name\": \"Jan Peeters\"}], "
        "\"include_weak\": false}', 'ann', '2024-01-01T00:00:00+00:00');"
        "INSERT INTO hits VALUES ('r1', 'k1', 'person:jan-peeters', 'Jan Peeters -[X]- Y', '[]', '[]',"
        " '2024-01-02T00:00:00+00:00', 1);"
        "INSERT INTO hits VALUES ('r1', 'k2', 'person:jan-peeters', 'Jan Peeters -[Z]- W', '[]', '[]',"
        " '2024-01-03T00:00:00+00:00', 0);")
    db.commit()
    db.close()
    book = AlertBook(store)
    assert migrate_side_file(book, str(old)) == 1
    assert not old.exists() and (tmp_path / "case.alerts.db.migrated").exists()
    assert [r.name for r in book.rules()] == ["jan"]
    assert {h["key"]: h["seen"] for h in book.hits(user="ann")} == {"k1": True, "k2": False}
    assert migrate_side_file(book, str(old)) == 0 and len(book.hits()) == 2
