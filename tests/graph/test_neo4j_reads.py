"""Neo4j reads beyond the shared contract: relations found from their documents' evidence, traversals
run in one read transaction."""

from __future__ import annotations

import os

import pytest
from test_neo4j_store import random_case

from graph.errors import EntityNotFound, NoPath
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
