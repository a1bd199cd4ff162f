"""One behaviour suite for every store backend.

The embedded store always runs; the Neo4j backend runs when ``HAVENGRAPH_TEST_NEO4J_URL``
names a live server (``make test`` starts one with ``scripts/neo4j start``).
"""

from __future__ import annotations

import os

import networkx as nx
import pytest

from factories import ANR, ELBA, JAN, PHONE, RUDI, ZL, _doc, _ent, _mentions, _rel, doc_one, doc_two
from graph.errors import EntityNotFound, InvalidInput, NoPath
from graph.model import Entity, Extraction, Relation
from graph.store import open_store

NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")


def _backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    params.append(pytest.param("neo4j", id="neo4j", marks=pytest.mark.skipif(
        not NEO4J_URL, reason="no Neo4j server: run `scripts/neo4j start` and set HAVENGRAPH_TEST_NEO4J_URL "
                              "(make test does both when Java and Maven are installed)")))
    return params


@pytest.fixture(params=_backends())
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'contract.db'}")
    else:
        s = open_store(NEO4J_URL)
        s.clear()
    yield s
    s.clear()
    s.close()


def test_write_and_read_back(store):
    assert store.write(doc_one()) == "written"
    entity = store.get_entity(ELBA.entity_id)
    assert entity.name == "Maersk Elba" and entity.type == "VESSEL"
    assert entity.identifiers == {"IMO": "9074729"}
    assert store.has_document(doc_one().document.doc_id)
    assert store.get_document(doc_one().document.doc_id).text.startswith("Jan Peeters")
    assert store.stats()["documents"] == 1
    assert store.stats()["entities"] == 4
    assert store.stats()["relations"] == 3


def test_rewriting_same_document_changes_nothing(store):
    store.write(doc_one())
    before = store.stats()
    assert store.write(doc_one()) == "skipped"
    assert store.stats() == before


def test_evidence_keeps_span_and_sentence(store):
    store.write(doc_one())
    sub = store.subgraph([JAN.entity_id, ZL.entity_id])
    (rel,) = sub.edges
    assert rel.type == "DIRECTOR_OF" and rel.source == JAN.entity_id
    (ev,) = rel.evidence
    text = doc_one().document.text
    assert text[ev.start:ev.end] == ev.sentence
    assert ev.method == "rule"


def test_unknown_entity_raises(store):
    with pytest.raises(EntityNotFound):
        store.get_entity("person:nobody")


def test_search_is_case_and_accent_insensitive(store):
    store.write(doc_one())
    store.write(doc_two())
    assert [e.entity_id for e in store.search("rudiger maes")] == [RUDI.entity_id]
    assert [e.entity_id for e in store.search("PEETERS")] == [JAN.entity_id]
    assert store.search("logistics", type="COMPANY")[0].entity_id == ZL.entity_id
    assert store.search("logistics", type="PERSON") == []
    # identifiers count
    assert store.search("9074729")[0].entity_id == ELBA.entity_id
    with pytest.raises(InvalidInput):
        store.search("x", type="SPACESHIP")


@pytest.mark.parametrize("text", ["%", "_", "\x00", "%%", " _ ", "\u200b", "%\x00_"])
def test_a_search_of_wildcards_or_control_characters_finds_nothing_not_everything(store, text):
    store.write(doc_one())
    store.write(doc_two())
    assert store.search(text, limit=100) == []


def test_wildcard_characters_in_a_search_match_only_themselves(store):
    store.write(doc_one())
    store.write(doc_two())
    assert store.search("j%n") == [] and store.search("9_74729") == [] and store.search("%9074729") == []
    assert [e.entity_id for e in store.search("jan\x00")] == [JAN.entity_id]


def test_search_ranks_exact_before_partial(store):
    doc = _doc("Antwerp and Antwerp Shipping NV.", "rank.txt")
    ship = _ent("COMPANY", "Antwerp Shipping NV")
    store.write(Extraction(document=doc, entities=[ANR, ship], mentions=_mentions(doc, ANR, ship)))
    assert [e.entity_id for e in store.search("antwerp")][:2] == [ANR.entity_id, ship.entity_id]


def test_neighbors_depth_type_filter_and_limit(store):
    store.write(doc_one())
    store.write(doc_two())
    one = store.neighbors(JAN.entity_id, depth=1)
    ids = {n.entity_id for n in one.nodes}
    assert ids == {JAN.entity_id, ZL.entity_id, RUDI.entity_id}
    two = store.neighbors(JAN.entity_id, depth=2)
    assert {ELBA.entity_id, PHONE.entity_id} <= {n.entity_id for n in two.nodes}
    assert ANR.entity_id not in {n.entity_id for n in two.nodes}
    three = store.neighbors(JAN.entity_id, depth=3)
    assert ANR.entity_id in {n.entity_id for n in three.nodes}
    people = store.neighbors(JAN.entity_id, depth=3, types=["PERSON"])
    assert {n.entity_id for n in people.nodes} == {JAN.entity_id, RUDI.entity_id}
    limited = store.neighbors(JAN.entity_id, depth=3, limit=2)
    assert len(limited.nodes) <= 3
    strong = store.neighbors(JAN.entity_id, depth=1, include_weak=False)
    assert all(e.type != "CO_MENTIONED" for e in strong.edges)
    with pytest.raises(InvalidInput):
        store.neighbors(JAN.entity_id, depth=4)


def test_shortest_path_carries_evidence(store):
    store.write(doc_one())
    store.write(doc_two())
    path = store.shortest_path(RUDI.entity_id, ANR.entity_id)
    assert [n.entity_id for n in path.nodes] == [RUDI.entity_id, JAN.entity_id, ZL.entity_id, ELBA.entity_id,
                                                 ANR.entity_id]
    assert len(path.edges) == 4
    assert all(e.evidence and e.evidence[0].sentence for e in path.edges)
    assert all(e.type != "CO_MENTIONED" for e in path.edges)
    with pytest.raises(NoPath):
        store.shortest_path(RUDI.entity_id, ANR.entity_id, max_depth=2)


def test_symmetric_relations_are_one_edge(store):
    store.write(doc_two())
    doc = _doc("Jan Peeters and Rüdiger Maës were seen together. Rüdiger Maës works with Jan Peeters.", "three.txt")
    store.write(Extraction(document=doc, entities=[JAN, RUDI], mentions=_mentions(doc, JAN, RUDI), relations=[
        _rel(doc, JAN, RUDI, "CO_MENTIONED", "Jan Peeters and Rüdiger Maës were seen together", "cooccurrence"),
        _rel(doc, RUDI, JAN, "ASSOCIATE_OF", "Rüdiger Maës works with Jan Peeters")]))
    pair = store.subgraph([JAN.entity_id, RUDI.entity_id]).edges
    weak = [r for r in pair if r.type == "CO_MENTIONED"]
    assert len(weak) == 1 and len(weak[0].evidence) == 2
    assert len([r for r in pair if r.type == "ASSOCIATE_OF"]) == 1


def test_contacts_keep_their_direction(store):
    store.write(doc_two())  # Rüdiger called Jan
    doc = _doc("Jan Peeters called Rüdiger Maës back.", "three.txt")
    store.write(Extraction(document=doc, entities=[JAN, RUDI], mentions=_mentions(doc, JAN, RUDI),
                           relations=[_rel(doc, JAN, RUDI, "CONTACTED", "Jan Peeters called Rüdiger Maës")]))
    contacted = {(r.source, r.target): r for r in store.subgraph([JAN.entity_id, RUDI.entity_id]).edges
                 if r.type == "CONTACTED"}
    assert set(contacted) == {(RUDI.entity_id, JAN.entity_id), (JAN.entity_id, RUDI.entity_id)}
    assert contacted[(JAN.entity_id, RUDI.entity_id)].evidence[0].sentence == "Jan Peeters called Rüdiger Maës"


def test_projection_to_networkx(store):
    store.write(doc_one())
    store.write(doc_two())
    graph = store.projection()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == 6
    assert graph.nodes[JAN.entity_id] == {"name": "Jan Peeters", "type": "PERSON"}
    data = graph.get_edge_data(JAN.entity_id, ZL.entity_id)["DIRECTOR_OF"]
    assert data["weight"] == 1.0 and data["count"] == 1 and data["weak"] is False
    strong = store.projection(include_weak=False)
    assert not any(d["type"] == "CO_MENTIONED" for *_, d in strong.edges(data=True))
    people = store.projection(types=["PERSON"])
    assert set(people.nodes) == {JAN.entity_id, RUDI.entity_id}


def test_delete_document_removes_exactly_its_evidence(store):
    store.write(doc_one())
    store.write(doc_two())
    doc = _doc("Jan Peeters runs Zeebrugge Logistics BVBA as its director.", "four.txt")
    store.write(Extraction(document=doc, entities=[JAN, ZL], mentions=_mentions(doc, JAN, ZL),
                           relations=[_rel(doc, JAN, ZL, "DIRECTOR_OF", "Jan Peeters runs Zeebrugge Logistics BVBA")]))
    assert store.delete_document(doc_two().document.doc_id) is True
    # RUDI and the phone were known only from doc two
    with pytest.raises(EntityNotFound):
        store.get_entity(RUDI.entity_id)
    with pytest.raises(EntityNotFound):
        store.get_entity(PHONE.entity_id)
    assert store.stats()["relations"] == 3
    # DIRECTOR_OF keeps the evidence of the other two documents
    store.delete_document(doc_one().document.doc_id)
    (rel,) = store.subgraph([JAN.entity_id, ZL.entity_id]).edges
    assert [e.doc_id for e in rel.evidence] == [doc.doc_id]
    with pytest.raises(EntityNotFound):
        store.get_entity(ELBA.entity_id)
    assert store.stats()["relations"] == 1
    assert store.delete_document("0" * 64) is False


def test_write_is_atomic(store):
    bad = doc_one()
    bad.relations.append(Relation(JAN.entity_id, ZL.entity_id, "NOT_A_RELATION", []))
    with pytest.raises(InvalidInput):
        store.write(bad)
    assert store.stats()["documents"] == 0
    assert store.stats()["entities"] == 0


def test_aliases_accumulate(store):
    store.write(doc_one())
    doc = _doc("J. Peeters signed.", "five.txt")
    alias = Entity(entity_id=JAN.entity_id, type="PERSON", name="J. Peeters")
    store.write(Extraction(document=doc, entities=[alias], mentions=_mentions(doc, alias)))
    entity = store.get_entity(JAN.entity_id)
    assert entity.name == "Jan Peeters"
    assert "J. Peeters" in entity.aliases
    assert {m.doc_id for m in store.mentions(JAN.entity_id)} == {doc.doc_id, doc_one().document.doc_id}


def test_raw_extraction_round_trips(store):
    original = doc_one()
    resolved = doc_one()
    resolved.raw = original
    store.write(resolved)
    back = store.raw_extraction(original.document.doc_id)
    assert back.document.text == original.document.text
    assert [e.entity_id for e in back.entities] == [e.entity_id for e in original.entities]
    assert [(r.source, r.type, r.target) for r in back.relations] == \
        [(r.source, r.type, r.target) for r in original.relations]
    assert back.relations[0].evidence == original.relations[0].evidence


def test_documents_mentioning(store):
    store.write(doc_one())
    store.write(doc_two())
    assert store.documents_mentioning([RUDI.entity_id]) == [doc_two().document.doc_id]
    assert set(store.documents_mentioning([JAN.entity_id])) == {doc_one().document.doc_id,
                                                                 doc_two().document.doc_id}


def test_document_handling_lists_every_document_in_one_read(store):
    one, two = doc_one(), doc_two()
    two.document.handling = "RESTRICTED"
    store.write(one)
    store.write(two)
    rows = {doc_id: (handling, at) for doc_id, handling, at in store.document_handling()}
    assert set(rows) == {one.document.doc_id, two.document.doc_id}
    assert rows[two.document.doc_id][0] == "RESTRICTED" and rows[one.document.doc_id][0] in (None, "")
    assert all(at for _, at in rows.values())  # ingest time, so that a re-ingest changes the view's signature
    store.delete_document(two.document.doc_id)
    assert [r[0] for r in store.document_handling()] == [one.document.doc_id]


def test_decisions_are_recorded_and_reversible(store):
    saved = store.save_decision({"kind": "merge", "a": JAN.entity_id, "b": "person:j-peeters",
                                 "score": 0.93, "reason": "initial + surname", "features": {"name": 0.93},
                                 "who": "analyst:kim"})
    assert saved["decision_id"]
    (listed,) = store.list_decisions(kind="merge")
    assert listed["who"] == "analyst:kim" and listed["features"] == {"name": 0.93}
    assert store.list_decisions(entity_id="person:j-peeters")[0]["decision_id"] == saved["decision_id"]
    assert store.set_decision_status(saved["decision_id"], "undone")
    assert store.list_decisions(kind="merge") == []
    assert store.list_decisions(kind="merge", status=None)[0]["status"] == "undone"


def test_several_decisions_are_saved_together_and_bad_ones_refused(store):
    saved = store.save_decisions([
        {"kind": "merge", "a": JAN.entity_id, "b": "person:j-peeters", "score": 0.97, "who": "resolver"},
        {"kind": "candidate", "a": JAN.entity_id, "b": "person:jan-peters", "score": 0.71, "reason": "one letter",
         "features": {"name": 0.71}, "who": "resolver"},
        {"kind": "distinct", "a": JAN.entity_id, "b": "person:jan-peeters@doc2", "who": "resolver"}])
    assert len({d["decision_id"] for d in saved}) == 3
    listed = store.list_decisions(entity_id=JAN.entity_id)
    assert sorted(d["kind"] for d in listed) == ["candidate", "distinct", "merge"]
    assert {d["decision_id"] for d in listed} == {d["decision_id"] for d in saved}
    assert [d["features"] for d in listed if d["kind"] == "candidate"] == [{"name": 0.71}]
    assert store.save_decisions([]) == []
    with pytest.raises(InvalidInput, match="decision"):  # refused before anything is written
        store.save_decisions([{"kind": "merge", "a": "person:x", "b": "person:y", "who": "resolver"},
                              {"kind": "guess", "a": "person:x", "b": "person:z", "who": "resolver"}])
    assert store.list_decisions(entity_id="person:x", status=None) == []
    with pytest.raises(InvalidInput, match="status"):
        store.set_decision_status(saved[0]["decision_id"], "forgotten")


def test_the_projection_does_not_depend_on_the_order_of_writing(store):
    """Seeded analyses (Louvain, sampled betweenness) follow the projection's order: the same graph
    written in another order, or held by another backend, must come back in the same order."""
    from graph.analysis import communities

    store.write_many([doc_one(), doc_two()])
    first = store.projection()
    assert list(first.nodes) == sorted(first.nodes) and len(first) > 3
    assert list(first.edges(keys=True)) == sorted(first.edges(keys=True))
    store.clear()
    store.write_many([doc_two(), doc_one()])
    second = store.projection()
    assert list(second.nodes) == list(first.nodes)
    assert list(second.edges(keys=True, data=True)) == list(first.edges(keys=True, data=True))
    assert communities(first, seed=3) == communities(second, seed=3)


def test_ids_merged_away_lead_to_their_entity_until_split(store):
    from graph.resolution import merge, split

    store.write(doc_one())
    doc = _doc("Johan Peters directs Zeebrugge Logistics BVBA.", "alias.txt")
    initial = _ent("PERSON", "Johan Peters")
    store.write(Extraction(document=doc, entities=[initial, ZL], mentions=_mentions(doc, initial, ZL),
                           relations=[_rel(doc, initial, ZL, "DIRECTOR_OF", "Johan Peters directs Zeebrugge")]))
    decision = merge(store, JAN.entity_id, initial.entity_id, who="analyst:kim", reason="same man")
    assert store.get_entity(initial.entity_id).entity_id == JAN.entity_id
    assert store.neighbors(initial.entity_id).nodes[0].entity_id == JAN.entity_id
    assert store.shortest_path(initial.entity_id, ELBA.entity_id).nodes[0].entity_id == JAN.entity_id
    assert [n.entity_id for n in store.subgraph([initial.entity_id, ZL.entity_id]).nodes] == [JAN.entity_id,
                                                                                               ZL.entity_id]
    split(store, decision["decision_id"], who="analyst:kim", reason="two men after all")
    assert store.get_entity(initial.entity_id).entity_id == initial.entity_id
    with pytest.raises(EntityNotFound):
        store.get_entity("person:never-issued")


def test_path_hops_come_in_path_order(store):
    store.write(doc_one())
    store.write(doc_two())
    path = store.shortest_path(ANR.entity_id, PHONE.entity_id, include_weak=True)
    ids = [n.entity_id for n in path.nodes]
    pairs = [{a, b} for a, b in zip(ids, ids[1:], strict=False)]
    order = [pairs.index({e.source, e.target}) for e in path.edges]
    assert len(pairs) >= 4 and order == sorted(order) and set(order) == set(range(len(pairs)))
