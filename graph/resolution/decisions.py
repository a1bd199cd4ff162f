"""Analyst control over resolution: merge, split, pin as distinct, review candidates.

Every decision is stored with who, why and when. Applying or undoing one re-resolves only the
documents that mention the entities involved, from their raw extractions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.errors import EntityNotFound, InvalidInput
from graph.model import Extraction, Mention
from graph.resolution.resolver import Resolver
from graph.store.base import current_id


def reapply(store: Any, entity_ids: list[str]) -> int:
    """Re-resolve the documents that mention ``entity_ids`` under the current decisions; returns how many."""
    resolver = Resolver(store, match=False)
    docs = store.documents_mentioning(entity_ids)
    for doc_id in docs:
        raw = store.raw_extraction(doc_id)
        store.write(resolver.resolve(raw), replace=True)
    return len(docs)


def merge(store: Any, keep: str, drop: str, who: str, reason: str = "analyst decision") -> dict[str, Any]:
    """Merge ``drop`` into ``keep`` (both must exist), record it, rewrite the affected documents."""
    if keep == drop:
        raise InvalidInput("cannot merge an entity with itself")
    a, b = store.get_entity(keep), store.get_entity(drop)
    if a.entity_id == b.entity_id:
        raise InvalidInput(f"{keep} and {drop} are already one entity ({a.entity_id})")
    keep, drop = a.entity_id, b.entity_id  # ids merged away stand for the entity they went into
    if a.type != b.type:
        raise InvalidInput(f"cannot merge a {a.type} with a {b.type}")
    for d in store.list_decisions(kind="distinct", entity_id=keep):
        if {d["a"], d["b"]} == {keep, drop}:
            raise InvalidInput(f"{keep} and {drop} are pinned as distinct ({d['reason']}); unpin first")
    decision = store.save_decision({"kind": "merge", "a": keep, "b": drop, "score": None,
                                    "reason": reason, "features": {}, "who": who})
    for d in store.list_decisions(kind="candidate", entity_id=drop):
        if {d["a"], d["b"]} == {keep, drop}:
            store.set_decision_status(d["decision_id"], "undone")
    decision["documents_rewritten"] = reapply(store, [keep, drop])
    return decision


def split(store: Any, decision_id: str, who: str, reason: str = "analyst split") -> dict[str, Any]:
    """Undo a merge decision and pin the two entities as distinct, so no automatic merge redoes it."""
    found = [d for d in store.list_decisions(kind="merge") if d["decision_id"] == decision_id]
    if not found:
        raise EntityNotFound(f"no active merge decision {decision_id!r}; see `havengraph review --merges`")
    d = found[0]
    store.set_decision_status(decision_id, "undone")
    pin = store.save_decision({"kind": "distinct", "a": d["a"], "b": d["b"], "reason": reason, "who": who})
    pin["documents_rewritten"] = reapply(store, [d["a"], d["b"]])
    return pin


def pin_distinct(store: Any, a: str, b: str, who: str, reason: str = "analyst: different entities") -> dict[str, Any]:
    """Record that ``a`` and ``b`` are different entities; undo any merge between them."""
    if a == b:
        raise InvalidInput("an entity cannot be distinct from itself")
    undone = False
    for d in store.list_decisions(kind="merge"):
        if {d["a"], d["b"]} == {a, b}:
            store.set_decision_status(d["decision_id"], "undone")
            undone = True
    for d in store.list_decisions(kind="candidate", entity_id=a):
        if {d["a"], d["b"]} == {a, b}:
            store.set_decision_status(d["decision_id"], "rejected")
    pin = store.save_decision({"kind": "distinct", "a": a, "b": b, "reason": reason, "who": who})
    pin["documents_rewritten"] = reapply(store, [a, b]) if undone else 0
    return pin


def review_candidates(store: Any, limit: int = 100) -> list[dict[str, Any]]:
    """Pairs scored between the review and merge thresholds, best first, with both entities' names."""
    rows = []
    candidates = store.list_decisions(kind="candidate")
    found = store.get_entities({d[end] for d in candidates for end in ("a", "b")})  # one lookup for all
    for d in candidates:
        if d["a"] in found and d["b"] in found:
            rows.append({**d, "a_name": found[d["a"]].name, "b_name": found[d["b"]].name,
                         "type": found[d["a"]].type})
    rows.sort(key=lambda r: -(r["score"] or 0))
    return rows[:limit]


def merges(store: Any, entity_id: str | None = None) -> list[dict[str, Any]]:
    """Active merge decisions (automatic and by analysts), to inspect and undo."""
    return store.list_decisions(kind="merge", entity_id=entity_id)


def resolved_mentions(store: Any, raw: Extraction) -> list[Mention]:
    """A document's mentions as first extracted (their spans as written), each under the id of the
    entity it belongs to now: merged, kept with its document, or bound to a name said earlier.
    Re-resolves ``raw`` under the current decisions, as :func:`reapply` does, without writing."""
    resolved = Resolver(store, match=False).resolve(raw)
    now = {(m.start, m.end): m.entity_id for m in resolved.mentions}
    out = []
    for m in raw.mentions:
        eid = now.get((m.start, m.end)) or current_id(store, m.entity_id) or m.entity_id
        out.append(replace(m, entity_id=eid))
    return out
