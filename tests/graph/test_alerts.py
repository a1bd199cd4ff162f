"""Alerts: rules find hits with evidence, only new ones are new, and views hide what they must."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dated_network import CAS, EVA, dated_network

from factories import JAN, RUDI, doc_one, doc_two
from graph.alerts import AlertBook, alerts_db_path, check_rule, visible_hits
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
def book() -> Iterator[AlertBook]:
    b = AlertBook(":memory:")
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


def test_rules_are_checked_named_once_and_removable(book, tmp_path):
    for kind, params in (("gossip", {}), ("watchlist", {"entries": []}), ("query", {"text": " "}),
                         ("suspicious", {"threshold": 2, "entries": ["X"]})):
        with pytest.raises(InvalidInput):
            check_rule(kind, params)
    book.add_rule("one", "query", {"text": "x"})
    with pytest.raises(RuleExists, match="already"):
        book.add_rule("one", "query", {"text": "y"})
    book.remove_rule("one")
    with pytest.raises(RuleNotFound):
        book.remove_rule("one")
    assert alerts_db_path(f"sqlite:///{tmp_path / 'case.db'}") == str(tmp_path / "case.alerts.db")


def test_seen_hits_are_no_longer_unseen(store, book):
    store.write_many(dated_network())
    book.add_rule("dirk", "watchlist", {"entries": ["Dirk Jacobs"]})
    book.run(store)
    assert len(book.hits(unseen_only=True)) == 2
    assert book.mark_seen("dirk") == 2 and book.hits(unseen_only=True) == []
