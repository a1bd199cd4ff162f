"""Write transactions of the Neo4j backend: functions run by ``Session.execute_write``.

Each write takes its writer slot's lock first (held to commit; a deletion takes every slot, so it
never runs beside a write), then locks the stored entities it touches in sorted order before it
reads them, so that the entity merge and the relation upsert, which read before they write, never
race another writer. Two writers creating the same new entity meet on the uniqueness constraint:
the second fails and its batch is written again (``Neo4jStore`` does that), now finding the entity
stored. The driver runs a function again after a transient fault (a deadlock included) or a lost
connection; each is therefore idempotent on its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from neo4j import ManagedTransaction

from graph.errors import InvalidInput
from graph.store import cypher
from graph.store.neo4j_rows import EntityState, PreparedRows, chunks, jsonable

__all__ = ["WRITER_SLOTS", "complete_tx", "delete_tx", "delete_tx_all_slots", "slot_name", "write_part_tx",
           "write_relations", "write_tx"]

#: writer slots of a database: a deletion takes them all; writers beyond this number share slots
WRITER_SLOTS = 8


def slot_name(slot: int) -> str:
    """The lock node of a writer slot; slot 0 keeps the single writer's old name."""
    slot %= WRITER_SLOTS
    return "writer" if slot == 0 else f"writer-{slot}"


def write_tx(tx: ManagedTransaction, batch: list[PreparedRows], replace: bool, slot: int = 0) -> list[str]:
    tx.run(cypher.WRITER_LOCK, name=slot_name(slot)).consume()
    ids = [p.doc_id for p in batch]
    # doc_id -> True when stored but incomplete (an interrupted write in parts: it is written again)
    known = {r["doc_id"]: r["incomplete"] for r in tx.run(cypher.EXISTING_DOCUMENTS, ids=ids)}
    if any(incomplete or replace for incomplete in known.values()):  # a stored version is deleted first
        _all_slots(tx)
    results: list[str] = []
    pending: list[PreparedRows] = []
    for p in batch:
        incomplete = known.get(p.doc_id)
        if incomplete is False and not replace:
            results.append("skipped")
            continue
        if incomplete is not None:  # keep the embedded store's order: earlier documents first
            _write_docs(tx, pending)
            pending = []
            delete_tx(tx, p.doc_id)
        pending.append(p)
        known[p.doc_id] = False
        results.append("replaced" if incomplete is False else "written")
    _write_docs(tx, pending)
    return results


def write_part_tx(tx: ManagedTransaction, part: PreparedRows, slot: int = 0) -> None:
    tx.run(cypher.WRITER_LOCK, name=slot_name(slot)).consume()
    _write_docs(tx, [part])


def complete_tx(tx: ManagedTransaction, doc_id: str, slot: int = 0) -> None:
    tx.run(cypher.WRITER_LOCK, name=slot_name(slot)).consume()
    tx.run(cypher.COMPLETE_DOCUMENT, doc_id=doc_id).consume()


def _write_docs(tx: ManagedTransaction, docs: list[PreparedRows]) -> None:
    if not docs:
        return
    wanted = {e.entity_id for p in docs for _, e in p.entities}
    wanted |= {m["entity_id"] for p in docs for m in p.mentions}
    wanted |= {r[end] for p in docs for r in p.relations for end in ("source", "target")}
    state: dict[str, EntityState] = {}
    for rec in tx.run(cypher.ENTITY_STATE, ids=sorted(wanted)):
        state[rec["entity_id"]] = EntityState(
            rec["entity_id"], rec["type"], rec["name"], json.loads(rec["properties"] or "{}"), list(rec["aliases"]),
            list(rec["aliases_norm"]), json.loads(rec["identifiers"] or "{}"))
    for p in docs:
        for type_, entity in p.entities:
            st = state.get(entity.entity_id)
            if st is None:
                st = state[entity.entity_id] = EntityState(entity.entity_id, type_, entity.name,
                                                            jsonable(entity.properties), new=True)
            st.absorb(entity)
    missing = sorted(wanted - state.keys())
    if missing:
        raise InvalidInput(f"a mention or relation refers to entity {missing[0]!r}, which is neither in the "
                           "extraction's entities nor in the store")
    created: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for st in state.values():
        if st.new:
            created[st.type].append(st.row())
    for type_, rows in created.items():
        for chunk in chunks(rows):
            tx.run(cypher.create_entities(type_), rows=chunk)
    for chunk in chunks([st.row() for st in state.values() if st.dirty and not st.new]):
        tx.run(cypher.UPDATE_ENTITIES, rows=chunk)
    for chunk in chunks([p.document for p in docs if p.creates_document], 200):
        tx.run(cypher.CREATE_DOCUMENTS, rows=chunk)
    for chunk in chunks([{"doc_id": p.doc_id, "mentions": p.mentions} for p in docs if p.mentions], 500):
        tx.run(cypher.CREATE_MENTIONS, docs=chunk)
    evidence = _new_evidence(tx, docs)
    for chunk in chunks(evidence):
        tx.run(cypher.CREATE_EVIDENCE, rows=chunk)
    added: dict[str, list[Any]] = {}  # rel_id -> [weight, count, first date, last date] of the new evidence
    for ev in evidence:
        agg = added.setdefault(ev["rel_id"], [0.0, 0, None, None])
        agg[0] += ev["weight"]
        agg[1] += 1
        if ev["date"] is not None:
            agg[2] = ev["date"] if agg[2] is None else min(agg[2], ev["date"])
            agg[3] = ev["date"] if agg[3] is None else max(agg[3], ev["date"])
    by_type: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for p in docs:
        for rel in p.relations:
            if rel["rel_id"] not in by_type[rel["type"]]:  # first writer's properties win
                weight, count, first, last = added.get(rel["rel_id"], (0.0, 0, None, None))
                by_type[rel["type"]][rel["rel_id"]] = {**rel, "weight": weight, "count": count, "first_seen": first,
                                                       "last_seen": last}
    for type_, rels in by_type.items():
        write_relations(tx, type_, list(rels.values()))


def write_relations(tx: ManagedTransaction, type_: str, rows: list[dict[str, Any]]) -> None:
    """Relations of one type, each row carrying the aggregates of its new evidence (one ``MERGE`` each)."""
    for chunk in chunks(rows):
        tx.run(cypher.merge_relations(type_), rows=chunk).consume()


def _new_evidence(tx: ManagedTransaction, docs: list[PreparedRows]) -> list[dict[str, Any]]:
    """The batch's evidence minus what the store already holds (same span, method, document and relation).

    Evidence can only be there already when its document id is cited by stored evidence, which
    for a document being written is rare (another document citing it); only those keys are looked up.
    """
    evidence: dict[tuple[Any, ...], dict[str, Any]] = {}
    for p in docs:
        for ev in p.evidence:  # the embedded store's key: first of each (relation, document, span, method) wins
            evidence.setdefault((ev["rel_id"], ev["doc_id"], ev["start"], ev["end"], ev["method"]), ev)
    cited = sorted({ev["doc_id"] for ev in evidence.values()})
    known = {r["doc_id"] for r in tx.run(cypher.CITED_DOCUMENTS, ids=cited)}
    if known:
        keys = list(evidence)
        doubtful = [{"i": i, "rel_id": k[0], "doc_id": k[1], "start": k[2], "end": k[3], "method": k[4]}
                    for i, k in enumerate(keys) if k[1] in known]
        for chunk in chunks(doubtful):
            for rec in tx.run(cypher.EXISTING_EVIDENCE, rows=chunk):
                evidence.pop(keys[rec["i"]], None)
    return list(evidence.values())


def delete_tx_all_slots(tx: ManagedTransaction, doc_id: str) -> bool:
    """Delete one document with every writer slot held (no write runs beside it)."""
    _all_slots(tx)
    return delete_tx(tx, doc_id)


def _all_slots(tx: ManagedTransaction) -> None:
    """Wait for every write in flight and hold off new ones until commit (in slot order: no deadlock)."""
    tx.run(cypher.WRITER_LOCKS, names=[slot_name(i) for i in range(WRITER_SLOTS)]).consume()


def delete_tx(tx: ManagedTransaction, doc_id: str) -> bool:
    if not tx.run(cypher.DOCUMENT_NODE, doc_id=doc_id).single()["found"]:
        return False
    touched: dict[str, list[str]] = defaultdict(list)
    for rec in tx.run(cypher.DELETE_DOCUMENT_EVIDENCE, doc_id=doc_id):
        touched[rec["type"]].append(rec["rel_id"])
    entities = set(tx.run(cypher.DELETE_DOCUMENT, doc_id=doc_id).single()["mentioned"])
    for type_, rel_ids in touched.items():
        for rec in tx.run(cypher.recount_relations(type_), rel_ids=rel_ids):
            entities.update((rec["source"], rec["target"]))
    tx.run(cypher.DELETE_ORPHANS, ids=sorted(entities)).consume()
    return True
