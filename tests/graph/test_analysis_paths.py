"""Evidence paths: shortest and k-shortest paths whose edges carry their documents and sentences."""

from __future__ import annotations

import pytest
from analysis_fixtures import port_store

from graph.analysis import evidence_paths, port_network, resolve_entity
from graph.errors import EntityNotFound, InvalidInput, NoPath


def test_paths_from_a_store_carry_evidence(tmp_path):
    store = port_store(tmp_path, grading="A1")
    [path] = evidence_paths(store, "person:els-maes", "person:jan-peeters")
    assert [n["name"] for n in path["nodes"]] == ["Els Maes", "Milan Vos", "Jan Peeters"]
    first, second = path["edges"]
    assert first["types"] == ["CONTACTED"]
    ev = first["evidence"][0]
    assert ev["sentence"] == "Els Maes exchanged two messages with Milan Vos on 5 March 2024."
    doc = store.get_document(ev["doc_id"])
    assert doc.text[ev["start"]:ev["end"]] == ev["sentence"]
    assert ev["grading"] == "A1" and ev["date"] == "2024-03-05"
    assert second["evidence"][0]["sentence"].startswith("Jan Peeters called Milan Vos")
    assert path["documents"] == [doc.doc_id]
    store.close()


def test_weak_co_mentions_are_avoided_unless_asked(tmp_path):
    store = port_store(tmp_path)
    strong = evidence_paths(store, "company:scheldt-forwarding-nv", "company:havenzicht-transport-bvba")[0]
    assert strong["length"] == 4  # Scheldt - Jan Peeters - Milan Vos - Els Maes - Havenzicht
    assert all(not e["weak"] for e in strong["edges"])
    weak = evidence_paths(store, "company:scheldt-forwarding-nv", "company:havenzicht-transport-bvba",
                          include_weak=True)[0]
    assert weak["length"] == 1 and weak["edges"][0]["types"] == ["CO_MENTIONED"]
    assert "manifest" in weak["edges"][0]["evidence"][0]["sentence"]
    store.close()


def test_k_shortest_paths_in_order():
    paths = evidence_paths(port_network(), "Tom Wouters", "Jan Peeters", k=3)
    lengths = [p["length"] for p in paths]
    assert lengths == sorted(lengths) and len(paths) == 3
    assert len({tuple(n["entity_id"] for n in p["nodes"]) for p in paths}) == 3
    for p in paths:
        assert p["nodes"][0]["entity_id"] == "person:tom-wouters"
        assert p["nodes"][-1]["entity_id"] == "person:jan-peeters"
        assert len(p["edges"]) == p["length"]


def test_names_and_errors():
    G = port_network()
    assert resolve_entity(G, "scheldt forwarding nv") == "company:scheldt-forwarding-nv"
    with pytest.raises(EntityNotFound):
        evidence_paths(G, "Nobody", "Jan Peeters")
    with pytest.raises(NoPath):
        evidence_paths(G, "Tom Wouters", "Jan Peeters", max_hops=2)
    with pytest.raises(InvalidInput):
        evidence_paths(G, "Tom Wouters", "Jan Peeters", k=0)


def test_path_without_store_has_no_snippets_but_dates():
    [p] = evidence_paths(port_network(), "person:jan-peeters", "phone:+32470123456")
    assert p["edges"][0]["evidence"] == [] and p["edges"][0]["last_seen"] == "2024-01-10"


def test_an_id_merged_away_still_names_its_entity(tmp_path):
    store = port_store(tmp_path)
    store.save_decision({"kind": "merge", "a": "person:jan-peeters", "b": "person:j-peeters-old",
                         "score": None, "reason": "analyst", "features": {}, "who": "analyst:kim"})
    [path] = evidence_paths(store, "person:els-maes", "person:j-peeters-old")
    assert path["nodes"][-1]["entity_id"] == "person:jan-peeters"
    store.close()
