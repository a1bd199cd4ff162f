"""Neo4j reads beyond the shared contract: relations found from their documents' evidence, traversals
run in one read transaction, every relation read page by page, projections in a fixed order."""

from __future__ import annotations

import os

import pytest
from test_neo4j_store import random_case

from graph.errors import EntityNotFound, NoPath
from graph.store import cypher, neo4j_reads
from graph.store.base import TraversalMixin

NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
pytestmark = [pytest.mark.neo4j, pytest.mark.xdist_group("neo4j"),
              pytest.mark.skipif(not NEO4J_URL, reason="no Neo4j server: set HAVENGRAPH_TEST_NEO4J_URL "
                                                        "(`scripts/neo4j start` prints it)")]


def key(relation):
    return relation.source, relation.type, relation.target, tuple(relation.evidence), tuple(sorted(relation.properties))


def test_relations_citing_documents_match_a_pass_over_every_relation(neo):
    case = random_case(30, seed=11)
    neo.write_many(case)
    everything = list(neo.iter_relations())
    assert any(r.properties for r in everything) and any(not r.properties for r in everything)
    for chosen in ([case[0].document.doc_id], [d.document.doc_id for d in case[5:12]], ["no-such-document"]):
        expected = sorted(key(r) for r in everything if any(e.doc_id in chosen for e in r.evidence))
        assert sorted(key(r) for r in neo.relations_citing(chosen)) == expected
    assert neo.relations_citing([]) == []
    assert len(neo.relations_citing([d.document.doc_id for d in case])) == len(everything)


def test_relations_citing_follows_a_deleted_document(neo):
    case = random_case(12, seed=3)
    neo.write_many(case)
    gone = case[2].document.doc_id
    assert neo.relations_citing([gone])
    neo.delete_document(gone)
    assert neo.relations_citing([gone]) == []
    for relation in neo.iter_relations():
        assert relation.evidence and all(e.doc_id != gone for e in relation.evidence)


def test_traversals_in_one_read_transaction_answer_as_query_by_query(neo):
    case = random_case(20, seed=5)
    neo.write_many(case)
    ids = sorted({e.entity_id for ex in case for e in ex.entities})
    for eid in ids[:8]:
        assert neo.neighbors(eid, depth=2, limit=50) == TraversalMixin.neighbors(neo, eid, depth=2, limit=50)
    assert neo.subgraph(ids[:6]) == TraversalMixin.subgraph(neo, ids[:6])
    try:
        expected = TraversalMixin.shortest_path(neo, ids[0], ids[-1], max_depth=6, include_weak=True)
    except NoPath:
        expected = None
    if expected is not None:
        assert neo.shortest_path(ids[0], ids[-1], max_depth=6, include_weak=True) == expected
    with pytest.raises(EntityNotFound):
        neo.neighbors("person:nobody", depth=1)
    assert neo._local.tx is None and neo.get_entity(ids[0]).entity_id == ids[0]  # the failed one left no state


def test_iter_relations_pages_through_entities_without_losing_or_repeating_a_relation(neo, monkeypatch):
    case = random_case(30, seed=13)
    neo.write_many(case)
    whole = [key(r) for r in neo.iter_relations()]
    assert len(whole) == neo.stats()["relations"] == len(set(whole))
    assert sorted(whole) == sorted(key(r) for r in neo.relations_citing([d.document.doc_id for d in case]))
    # pages of a few entities: page ends fall on entities with and without outgoing relations
    sources = {r[0] for r in whole}
    assert any(e.entity_id not in sources for ex in case for e in ex.entities)
    for page in (1, 2, 7):
        monkeypatch.setattr(neo4j_reads, "_PAGE", page)
        paged = list(neo.iter_relations())
        assert [key(r) for r in paged] == whole
    order = [(r.source, r.type) for r in paged]
    assert order == sorted(order)


def test_projection_comes_in_entity_order_whatever_the_order_of_writing(neo):
    case = random_case(25, seed=17)
    neo.write_many(case)
    first = neo.projection()
    assert list(first.nodes) == sorted(first.nodes)
    edges = list(first.edges(keys=True))
    assert edges and edges == sorted(edges)
    neo.clear()
    neo.write_many(list(reversed(case)))
    second = neo.projection()
    assert list(second.nodes) == list(first.nodes)
    assert list(second.edges(keys=True)) == list(first.edges(keys=True))


def test_the_projection_read_in_pages_is_the_projection_read_whole(neo, monkeypatch, tmp_path):
    """Pages of a few entities (ends falling on entities with and without edges), with type filters:
    the same graph as one page, and as the embedded store builds from the same writes."""
    from graph.store import open_store

    case = random_case(30, seed=23)
    neo.write_many(case)
    lite = open_store(f"sqlite:///{tmp_path / 'ref.db'}")
    lite.write_many(case)

    def picture(graph):
        return list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))

    filters = [{}, {"types": ["PERSON", "COMPANY"], "include_weak": False}, {"relation_types": ["CONTACTED"]}]
    whole = {i: picture(neo.projection(**f)) for i, f in enumerate(filters)}
    assert len(whole[0][1]) > 20 and len(whole[1][0]) < len(whole[0][0])
    for i, f in enumerate(filters):
        assert whole[i] == picture(lite.projection(**f))
    for page in (1, 3, 8):
        monkeypatch.setattr(neo4j_reads, "_PROJECTION_PAGE", page)
        for i, f in enumerate(filters):
            assert picture(neo.projection(**f)) == whole[i], (page, f)
    lite.close()


def test_a_document_read_back_has_what_was_written_and_no_raw_extraction(neo):
    case = random_case(6, seed=19)
    neo.write_many(case)
    for ex in case:
        doc = neo.get_document(ex.document.doc_id)
        assert doc == ex.document
        assert neo.raw_extraction(ex.document.doc_id).document == ex.document


def test_the_relation_pages_seek_the_entity_index(neo):
    """A page must cost what it holds: an index seek from the last entity, never a scan of them all."""
    statement = cypher.relations_from(frozenset(cypher.entity_relation_types()))
    with neo._session() as session:
        plan = session.run("EXPLAIN " + statement, after="", limit=10).consume().plan
    operators, stack = [], [plan]
    while stack:
        op = stack.pop()
        operators.append(op["operatorType"].split("@")[0])
        stack += op.get("children", [])
    assert "NodeUniqueIndexSeekByRange" in operators
    assert not {"NodeByLabelScan", "AllNodesScan", "DirectedRelationshipTypeScan"} & set(operators)
