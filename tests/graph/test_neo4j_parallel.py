"""Parallel Neo4j writers: the graph comes out as one writer leaves it, against a real server."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from test_neo4j_store import NEO4J_URL, needs_server, random_case, snapshot

from graph.model import Entity, Evidence, Extraction, Mention, Relation
from graph.store.neo4j import Neo4jStore, parse_url, prepare_rows
from graph.store.neo4j_schedule import DisjointBatches


# -- the scheduler, no server needed --------------------------------------------------------------
def _doc(n: int, *ids: str, refers: str | None = None) -> Extraction:
    """A document carrying entities ``ids`` (and a relation to ``refers``, an entity it does not carry)."""
    case = random_case(1, seed=n)[0]
    doc = replace(case.document, doc_id=f"{n:064x}")
    entities = [Entity(i, "PERSON", i) for i in ids]
    relations = []
    if refers:
        relations.append(Relation(ids[0], refers, "CONTACTED", [Evidence(doc.doc_id, 0, 3, "x", "rule")]))
    return Extraction(doc, entities, [Mention(i, i, "PERSON", 0, 1, doc.doc_id) for i in ids], relations=relations)


def _queue(*docs: Extraction, batch_rows: int = 1000) -> DisjointBatches:
    queue = DisjointBatches(batch_rows, part_rows=10_000)
    for i, ex in enumerate(docs):
        queue.add(i, prepare_rows(ex))
    return queue


def _indexes(batch) -> list[int]:
    return [q.index for q in batch.items]


def test_a_batch_never_shares_an_entity_with_one_in_flight_and_keeps_each_entitys_order():
    queue = _queue(_doc(0, "a", "b"), _doc(1, "c"), _doc(2, "d"), batch_rows=8)
    first = queue.next_batch()
    assert _indexes(first) == [0, 1]  # closes at the row bound
    queue.add(3, prepare_rows(_doc(3, "b", "e")))  # shares b with the batch in flight
    queue.add(4, prepare_rows(_doc(4, "e")))  # shares nothing in flight, but e with document 3, waiting
    queue.add(5, prepare_rows(_doc(5, "f")))
    second = queue.next_batch()
    assert _indexes(second) == [2, 5]
    assert not first.keys & second.keys
    assert queue.next_batch() is None  # 3 waits for the first batch, 4 waits for 3
    queue.done(first)
    assert _indexes(queue.next_batch()) == [3, 4]  # in stream order, in one transaction


def test_a_document_referring_outside_itself_goes_alone_after_everything_before_it():
    queue = _queue(_doc(0, "a"), _doc(1, "b", refers="a"), _doc(2, "c"))
    first = queue.next_batch()
    assert _indexes(first) == [0]  # stops at the barrier: 2 may not be written before 1
    assert queue.next_batch() is None
    queue.done(first)
    barrier = queue.next_batch()
    assert _indexes(barrier) == [1]
    assert queue.next_batch() is None  # nothing beside it: if it fails, nothing after it is written
    queue.done(barrier)
    assert _indexes(queue.next_batch()) == [2]


def test_the_same_document_twice_is_never_in_flight_twice():
    twice = _doc(0, "a")
    queue = _queue(twice, _doc(1, "b"), replace(twice, entities=[Entity("z", "PERSON", "z")], mentions=[]))
    first = queue.next_batch()
    assert _indexes(first) == [0, 1, 2]  # one transaction: the second copy is skipped there
    queue = _queue(twice, batch_rows=1)
    first = queue.next_batch()
    queue.add(1, prepare_rows(replace(twice, entities=[Entity("z", "PERSON", "z")], mentions=[])))
    assert queue.next_batch() is None


def test_writers_come_from_the_url():
    assert parse_url("neo4j://u:p@h:7687").writers == 3
    assert parse_url("neo4j://u:p@h:7687?writers=4&database=x").writers == 4
    with pytest.raises(Exception, match="writers"):
        parse_url("neo4j://u:p@h:7687?writers=0")


# -- against a real server ------------------------------------------------------------------------
def _uniform(case: list[Extraction]) -> list[Extraction]:
    """The case with one version of each entity and relation properties: its graph does not depend
    on which of two concurrent streams writes a shared entity first."""
    first: dict[str, Entity] = {}
    out = []
    for ex in case:
        entities = [first.setdefault(e.entity_id, e) for e in ex.entities]
        mentions = [replace(m, text=first[m.entity_id].name) for m in ex.mentions]
        relations = [replace(r, properties={}) for r in ex.relations]
        out.append(replace(ex, entities=entities, mentions=mentions, relations=relations))
    return out


def _counting(store: Neo4jStore) -> dict[str, int]:
    """Count how many of the store's batches are in flight at once (the store's own method, wrapped)."""
    seen = {"now": 0, "most": 0, "batches": 0}
    lock = threading.Lock()
    write = store._write_batch

    def counted(*args, **kwargs):
        with lock:
            seen["now"] += 1
            seen["batches"] += 1
            seen["most"] = max(seen["most"], seen["now"])
        try:
            return write(*args, **kwargs)
        finally:
            with lock:
                seen["now"] -= 1

    store._write_batch = counted
    return seen


@needs_server
def test_parallel_writers_leave_the_graph_one_writer_leaves(neo):
    """Heavily shared entities, alias variants, first-wins properties: same entities, relations,
    evidence and aggregates; a re-ingest adds nothing; a document twice in a stream is skipped."""
    case = random_case(80, seed=11)
    stream = case + case[5:7]
    one = Neo4jStore(NEO4J_URL, writers=1, batch_rows=60)
    many = Neo4jStore(NEO4J_URL, writers=3, parallel_batch_rows=30)
    seen = _counting(many)
    try:
        expected_results = one.write_many(stream)
        expected = snapshot(neo)
        assert expected["stats"]["relations"] > 150
        neo.clear()
        assert many.write_many(iter(stream)) == expected_results == ["written"] * 80 + ["skipped"] * 2
        assert snapshot(neo) == expected
        assert seen["most"] >= 2 and seen["batches"] > 20  # batches did run side by side
        assert many.write_many(case) == ["skipped"] * 80
        assert snapshot(neo) == expected
    finally:
        one.close()
        many.close()


@needs_server
def test_two_processes_writing_overlapping_streams_at_once(neo):
    """Two stores (two drivers, as two processes would have) write overlapping streams side by side:
    their batches meet on the same entities and documents; nothing is lost or counted twice."""
    case = _uniform(random_case(90, seed=12))
    one = Neo4jStore(NEO4J_URL, writers=1)
    try:
        one.write_many(case)
    finally:
        one.close()
    expected = snapshot(neo)
    neo.clear()
    stores = [Neo4jStore(NEO4J_URL, writers=2, parallel_batch_rows=20) for _ in range(2)]
    results: list[list[str]] = [[], []]
    errors: list[BaseException] = []

    def run(i: int, part: list[Extraction]) -> None:
        try:
            results[i] = stores[i].write_many(part)
        except BaseException as exc:  # reported below
            errors.append(exc)

    go = threading.Barrier(2)

    def stream(part: list[Extraction]):
        go.wait()
        yield from part

    # the same documents, one stream backwards: they meet on new entities, stored ones and documents
    threads = [threading.Thread(target=run, args=(0, stream(case[:70]))),
               threading.Thread(target=run, args=(1, stream(case[20:][::-1])))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for s in stores:
            s.close()
    assert not errors
    written = {ex.document.doc_id: 0 for ex in case}
    for part, found in ((case[:70], results[0]), (case[20:][::-1], results[1])):
        assert len(found) == len(part)
        for ex, result in zip(part, found, strict=True):
            written[ex.document.doc_id] += result == "written"
    assert set(written.values()) == {1}  # each document written once, skipped by the other stream
    assert snapshot(neo) == expected


@needs_server
def test_documents_deleted_while_parallel_writers_run(neo):
    """Deletions take every writer slot: run beside a parallel ingest that touches the same
    entities, they leave what the same deletions leave after it."""
    case = _uniform(random_case(70, seed=13))
    stored, streamed = case[:12], case[12:]
    one = Neo4jStore(NEO4J_URL, writers=1)
    try:
        one.write_many(streamed)
    finally:
        one.close()
    expected = snapshot(neo)
    neo.clear()
    writer = Neo4jStore(NEO4J_URL, writers=2, parallel_batch_rows=25)
    deleter = Neo4jStore(NEO4J_URL, writers=1)
    try:
        deleter.write_many(stored)
        started = threading.Event()

        def slow() -> object:
            for i, ex in enumerate(streamed):
                if i == 5:
                    started.set()
                yield ex

        done: list[list[str]] = []
        thread = threading.Thread(target=lambda: done.append(writer.write_many(slow())))
        thread.start()
        started.wait(30)
        deleted = [deleter.delete_document(ex.document.doc_id) for ex in stored]
        thread.join()
    finally:
        writer.close()
        deleter.close()
    assert all(deleted) and done == [["written"] * len(streamed)]
    assert snapshot(neo) == expected


def _blocked_until_commit(neo, statement: str, params: dict, action) -> None:
    """``action`` must wait while another transaction holds what ``statement`` locks, and finish after."""
    finished = threading.Event()
    with neo._session() as session:
        tx = session.begin_transaction()
        tx.run(statement, params).consume()
        thread = threading.Thread(target=lambda: (action(), finished.set()))
        thread.start()
        try:
            assert not finished.wait(1.5), "it did not wait for the lock"
        finally:
            tx.commit()
    thread.join(30)
    assert finished.is_set()


@needs_server
def test_a_write_locks_the_stored_entities_it_touches(neo):
    """What keeps a relation's aggregates exact beside writers of other processes: a batch holds the
    stored ends of its relations (``ENTITY_STATE`` locks them) from before it reads them until commit."""
    from graph.store import cypher

    first, second = random_case(2, seed=14)
    neo.write(first)
    shared = sorted({e.entity_id for e in first.entities} & {e.entity_id for e in second.entities}
                    or {first.entities[0].entity_id})
    second.entities.append(next(e for e in first.entities if e.entity_id == shared[0]))
    with Neo4jStore(NEO4J_URL, writers=2) as other:
        _blocked_until_commit(neo, cypher.ENTITY_STATE, {"ids": shared[:1]}, lambda: other.write_many([second]))
    assert neo.has_document(second.document.doc_id)


@needs_server
def test_a_deletion_waits_for_every_writer_slot(neo):
    from graph.store import cypher
    from graph.store.neo4j_tx import slot_name

    doc = random_case(1, seed=15)[0]
    neo.write(doc)
    with Neo4jStore(NEO4J_URL) as other:
        _blocked_until_commit(neo, cypher.WRITER_LOCK, {"name": slot_name(1)},
                              lambda: other.delete_document(doc.document.doc_id))
    assert not neo.has_document(doc.document.doc_id)
