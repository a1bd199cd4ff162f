"""Copy a whole graph from one store to another (``havengraph migrate --from URL --to URL``).

Only the ``GraphStore`` protocol is used, so any backend can be the source or the target.
What is copied is what the source *holds*, not a re-run of the extractions: every document
(text, metadata, raw extraction), every entity as resolved (name, aliases, identifiers,
properties), every mention, every relation with all of its evidence, and every resolution
decision. Each document is rewritten as one extraction carrying its own mentions and the
evidence it supports; an entity travels with the first document that refers to it, whole, so
the target's "first value wins" rules reproduce the source exactly.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from graph.errors import InvalidInput
from graph.model import Entity, Extraction, Mention, Relation
from graph.store.base import GraphStore
from graph.store.workspace import RECORD_KINDS

__all__ = ["migrate", "comparable_stats"]

_PAGE = 1000


def comparable_stats(store: GraphStore) -> dict[str, Any]:
    """A store's counts without its URL, for comparing two stores."""
    stats = dict(store.stats())
    stats.pop("store", None)
    return stats


def _doc_ids(store: GraphStore) -> list[str]:
    ids: list[str] = []
    while True:
        page = store.list_documents(limit=_PAGE, offset=len(ids))
        ids += [d["doc_id"] for d in page]
        if len(page) < _PAGE:
            return ids


def _mentions_by_doc(source: GraphStore, doc_ids: list[str], entity_ids: list[str]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    bulk = getattr(source, "mentions_in", None)
    if bulk is not None:  # one query per page of documents
        for i in range(0, len(doc_ids), 200):
            for m in bulk(doc_ids[i:i + 200]):
                out[m.doc_id].append(m)
        return out
    for eid in entity_ids:
        for m in source.mentions(eid, limit=2**31 - 1):
            out[m.doc_id].append(m)
    return out


def migrate(source: GraphStore, target: GraphStore, *, batch_size: int = 100, clear: bool = False,
            progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Copy everything in ``source`` into ``target``; returns counts and whether both stores now agree.

    ``target`` must be empty unless ``clear`` is set (then it is emptied first).
    """
    if batch_size < 1:
        raise InvalidInput("batch_size must be at least 1")
    if source.url == target.url:
        raise InvalidInput(f"source and target are the same store ({source.url})")
    started = time.perf_counter()
    if clear:
        target.clear()
    elif any(comparable_stats(target)[k] for k in ("documents", "entities", "relations")):
        raise InvalidInput(f"the target store {target.url} is not empty; empty it first or pass --clear")
    doc_ids = _doc_ids(source)
    known = set(doc_ids)
    entities = {e.entity_id: e for e in source.iter_entities()}
    relations: dict[str, list[Relation]] = defaultdict(list)
    orphan_relations = 0
    for rel in source.iter_relations():
        groups: dict[str | None, list] = defaultdict(list)
        for ev in rel.evidence:  # evidence citing a document the store lacks rides with the first document
            groups[ev.doc_id if ev.doc_id in known else (doc_ids[0] if doc_ids else None)].append(ev)
        if not rel.evidence:
            groups[doc_ids[0] if doc_ids else None] = []
        for doc_id, evidence in groups.items():
            if doc_id is None:
                orphan_relations += 1
                continue
            relations[doc_id].append(Relation(rel.source, rel.target, rel.type, evidence, dict(rel.properties)))
    mentions = _mentions_by_doc(source, doc_ids, sorted(entities))

    placed: set[str] = set()

    def carried(doc_id: str, first: bool) -> list[Entity]:
        """Entities that this document introduces to the target: whole, the first time they appear."""
        refs = [m.entity_id for m in mentions.get(doc_id, [])]
        refs += [end for r in relations.get(doc_id, []) for end in (r.source, r.target)]
        if first:  # entities no document refers to travel with the first one
            refs += sorted(entities)
        out = []
        for eid in dict.fromkeys(refs):
            if eid in entities and eid not in placed:
                placed.add(eid)
                out.append(entities[eid])
        return out

    written = 0
    for start in range(0, len(doc_ids), batch_size):
        batch = []
        for doc_id in doc_ids[start:start + batch_size]:
            ex = Extraction(document=source.get_document(doc_id), mentions=mentions.get(doc_id, []),
                            relations=relations.get(doc_id, []), raw=source.raw_extraction(doc_id))
            ex.entities = carried(doc_id, first=doc_id == doc_ids[0])
            batch.append(ex)
        results = target.write_many(batch)
        written += sum(r == "written" for r in results)
        if progress is not None:
            progress(min(start + batch_size, len(doc_ids)), len(doc_ids))
    decisions = source.list_decisions(status=None)
    for start in range(0, len(decisions), 5000):
        target.save_decisions([dict(d) for d in decisions[start:start + 5000]])
    records = [(kind, r) for kind in RECORD_KINDS for r in source.list_records(kind)]  # investigations, notes
    for kind, r in records:
        target.save_record(kind, r["record_id"], r["owner"], r["data"], r["target"], at=r["updated_at"])
    before, after = comparable_stats(source), comparable_stats(target)
    return {
        "source": source.url, "target": target.url, "documents": written, "entities": after["entities"],
        "relations": after["relations"], "evidence": after.get("evidence"), "decisions": len(decisions),
        "workspace_records": len(records),
        "not_copied": {"entities": len(entities) - len(placed), "relations": orphan_relations},
        "identical_counts": before == after, "seconds": round(time.perf_counter() - started, 2),
    }
