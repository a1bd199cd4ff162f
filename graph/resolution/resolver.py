"""Resolve one document's extraction against what the store already knows.

Steps, in order, each recorded or reproducible:

1. **within-document**: short forms ("Peeters", "Mr Peeters", "J. Peeters", "the Santa Brisa")
   join the one full name of the same document they are compatible with;
2. **weak names are scoped**: a person known only by a surname or an abbreviated name
   ("Mohamed B.") gets a document-scoped id, so two documents never merge them silently;
3. **conflicts are scoped**: an entity whose id exists with a conflicting identifier or birth
   date becomes a new, document-scoped entity, and a ``distinct`` decision records why;
4. **hard keys, then fuzzy matching** against a blocking index of known entities; a merge above
   the threshold is stored as a decision (who, score, features, reason); a pair between the
   review and merge thresholds becomes a ``candidate`` for an analyst;
5. every active decision (automatic or by an analyst) is applied, so decisions survive re-ingest.

The original extraction is kept as ``Extraction.raw`` and written with the document, so any
decision can be undone by re-resolving the affected documents (``decisions.reapply``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.model import Entity, Extraction, IdentifierMention, Mention, Relation
from graph.resolution.features import VETO, Record, decide, person_name_score
from graph.resolution.index import BlockingIndex
from graph.resolution.normalize import company_name, person_name, vessel_name

RESOLVER = "havengraph-resolver"
MATCHED_TYPES = {"PERSON", "COMPANY", "ORGANIZATION", "VESSEL"}
SCOPE_SEP = "~"


def scoped_id(entity_id: str, doc_id: str) -> str:
    return f"{entity_id}{SCOPE_SEP}{doc_id[:10]}"


def is_weak_person(names: list[str]) -> bool:
    """True when no name of the person identifies anyone (surname only, or abbreviated surname)."""
    for name in names:
        p = person_name(name)
        if p.surname and not p.surname_only and len(p.surname_key.replace(" ", "")) > 1:
            return False
    return True


class Resolver:
    """Incremental resolver: load the store's entities and decisions once, then resolve documents."""

    def __init__(self, store: Any | None = None, *, match: bool = True, who: str = RESOLVER) -> None:
        self.store = store
        self.match = match
        self.who = who
        self.index = BlockingIndex()
        self.merged_into: dict[str, str] = {}
        self.distinct: set[frozenset[str]] = set()
        self.scoped: set[str] = set()
        self.new_decisions: list[dict[str, Any]] = []
        if store is not None:
            self._load(store)

    # -- state -----------------------------------------------------------------------------------
    def _load(self, store: Any) -> None:
        for d in store.list_decisions(status="active"):
            self._remember(d)
        if self.match:
            for entity in store.iter_entities():
                if entity.type in MATCHED_TYPES:
                    self.index.add(Record(entity.entity_id, entity.type, [entity.name, *entity.aliases],
                                          dict(entity.identifiers), dict(entity.properties)))

    def _remember(self, d: dict[str, Any]) -> None:
        if d["kind"] == "merge":
            self.merged_into[d["b"]] = d["a"]
        elif d["kind"] == "distinct":
            self.distinct.add(frozenset((d["a"], d["b"])))
            if SCOPE_SEP in d["b"]:
                self.scoped.add(d["b"])

    def _decide(self, kind: str, a: str, b: str, score: float | None, reason: str,
                features: dict[str, float] | None = None) -> None:
        decision = {"kind": kind, "a": a, "b": b, "score": score, "reason": reason,
                    "features": features or {}, "who": self.who}
        if self.store is not None:
            decision = self.store.save_decision(decision)
        self.new_decisions.append(decision)
        self._remember(decision)

    def canonical(self, entity_id: str) -> str:
        seen = set()
        while entity_id in self.merged_into and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.merged_into[entity_id]
        return entity_id

    # -- the steps ---------------------------------------------------------------------------------
    def resolve(self, extraction: Extraction) -> Extraction:
        raw = extraction.raw if extraction.raw is not None else extraction
        doc_id = raw.document.doc_id
        local = self._within_document(raw)
        records = _records(raw, local)
        for record in records.values():
            if record.type == "PERSON" and is_weak_person(record.names):
                self._rekey(local, record, scoped_id(record.entity_id, doc_id))
        records = _records(raw, local)
        for record in records.values():
            if scoped_id(record.entity_id, doc_id) in self.scoped:
                self._rekey(local, record, scoped_id(record.entity_id, doc_id))
        records = _records(raw, local)
        if self.match:
            for record in list(records.values()):
                if record.type in MATCHED_TYPES and self.canonical(record.entity_id) == record.entity_id:
                    self._match(record, local, doc_id)
            records = _records(raw, local)

        def mapping(entity_id: str) -> str:
            return self.canonical(local.get(entity_id, entity_id))

        resolved = apply_mapping(raw, mapping)
        resolved.raw = raw
        if self.match:
            for record in _records(resolved, {}).values():
                if record.type in MATCHED_TYPES:
                    self.index.add(record)
        return resolved

    def _within_document(self, ex: Extraction) -> dict[str, str]:
        local: dict[str, str] = {}
        persons = [e for e in ex.entities if e.type == "PERSON"]
        full = [e for e in persons if not is_weak_person([e.name, *e.aliases])
                and not person_name(e.name).initials and person_name(e.name).first]
        for entity in persons:
            if entity in full:
                continue
            p = person_name(entity.name)
            fits = [f for f in full if f.entity_id != entity.entity_id
                    and person_name_score(p, person_name(f.name)) not in (VETO, 0.0)]
            if len(fits) == 1:
                local[entity.entity_id] = fits[0].entity_id
        for type_, key in (("COMPANY", lambda n: company_name(n).core), ("VESSEL", vessel_name)):
            group = [e for e in ex.entities if e.type == type_]
            for entity in group:
                k = key(entity.name)
                longer = [g for g in group if g.entity_id != entity.entity_id and len(g.name) > len(entity.name)
                          and (key(g.name) == k or (type_ == "COMPANY" and key(g.name).startswith(k + " ")))]
                if len(longer) == 1 and k:
                    local[entity.entity_id] = longer[0].entity_id
        for raw_id in list(local):  # flatten chains
            seen = {raw_id}
            while local[raw_id] in local and local[raw_id] not in seen:
                seen.add(local[raw_id])
                local[raw_id] = local[local[raw_id]]
        return local

    def _rekey(self, local: dict[str, str], record: Record, new_id: str) -> None:
        for raw_id, target in list(local.items()):
            if target == record.entity_id:
                local[raw_id] = new_id
        local[record.entity_id] = new_id
        record.entity_id = new_id

    def _match(self, record: Record, local: dict[str, str], doc_id: str) -> None:
        known = self.index.records.get(record.entity_id)
        if known is not None:
            judgement = decide(record, known)
            if judgement.verdict == "distinct":  # same id, but the evidence says another entity
                new_id = scoped_id(record.entity_id, doc_id)
                self._decide("distinct", record.entity_id, new_id, None, judgement.reason, judgement.features)
                self._rekey(local, record, new_id)
            return
        hard = self.index.by_identifier(record)
        if hard and frozenset((hard, record.entity_id)) not in self.distinct:
            self._decide("merge", hard, record.entity_id, 1.0, "same identifier", {"identifiers": 1.0})
            return
        best = None
        for candidate in self.index.candidates(record):
            if frozenset((candidate.entity_id, record.entity_id)) in self.distinct:
                continue
            if self.store is not None and not candidate.neighbours:
                candidate.neighbours = _neighbours_in_store(self.store, candidate.entity_id)
            judgement = decide(record, candidate)
            if judgement.verdict == "merge" and (best is None or judgement.score > best[1].score):
                best = (candidate, judgement)
            elif judgement.verdict == "review":
                self._decide("candidate", candidate.entity_id, record.entity_id, judgement.score,
                             judgement.reason, judgement.features)
        if best is not None:
            candidate, judgement = best
            self._decide("merge", candidate.entity_id, record.entity_id, judgement.score, judgement.reason,
                         judgement.features)


def _neighbours_in_store(store: Any, entity_id: str) -> set[str]:
    return {s if t == entity_id else t for s, t, _ in store.adjacent([entity_id], None, False)}


def _records(ex: Extraction, local: dict[str, str]) -> dict[str, Record]:
    """One record per (locally mapped) entity: names, identifiers, properties, neighbours in the doc."""
    out: dict[str, Record] = {}
    for e in ex.entities:
        eid = local.get(e.entity_id, e.entity_id)
        rec = out.setdefault(eid, Record(eid, e.type, []))
        for name in (e.name, *e.aliases):
            if name and name not in rec.names:
                rec.names.append(name)
        rec.identifiers.update(e.identifiers)
        rec.properties.update(e.properties)
    for r in ex.relations:
        if r.type == "CO_MENTIONED":
            continue
        s, t = local.get(r.source, r.source), local.get(r.target, r.target)
        if s in out:
            out[s].neighbours.add(t)
        if t in out:
            out[t].neighbours.add(s)
    for rec in out.values():  # the fullest name first
        rec.names.sort(key=lambda n: (is_weak_person([n]) if rec.type == "PERSON" else False, -len(n)))
    return out


def apply_mapping(ex: Extraction, mapping: Callable[[str], str]) -> Extraction:
    """Rewrite an extraction's entity ids; merged entities pool names, identifiers and evidence."""
    entities: dict[str, Entity] = {}
    for e in ex.entities:
        eid = mapping(e.entity_id)
        merged = entities.get(eid)
        if merged is None:
            entities[eid] = Entity(eid, e.type, e.name, list(e.aliases), dict(e.identifiers), dict(e.properties))
            continue
        for name in (e.name, *e.aliases):
            if name != merged.name and name not in merged.aliases:
                merged.aliases.append(name)
        merged.identifiers.update({k: v for k, v in e.identifiers.items() if k not in merged.identifiers})
        merged.properties.update({k: v for k, v in e.properties.items() if k not in merged.properties})
    for entity in entities.values():  # keep the fullest name as the display name
        names = [entity.name, *entity.aliases]
        best = max(names, key=lambda n: (not is_weak_person([n]) if entity.type == "PERSON" else True, len(n)))
        if best != entity.name:
            entity.aliases = [n for n in names if n != best]
            entity.name = best
    relations: dict[tuple[str, str, str], Relation] = {}
    for r in ex.relations:
        s, t = mapping(r.source), mapping(r.target)
        if s == t:
            continue
        key = (s, r.type, t)
        if key in relations:
            relations[key].evidence.extend(ev for ev in r.evidence if ev not in relations[key].evidence)
        else:
            relations[key] = Relation(s, t, r.type, list(r.evidence), dict(r.properties))
    return Extraction(
        document=ex.document,
        entities=list(entities.values()),
        mentions=[Mention(mapping(m.entity_id), m.text, m.type, m.start, m.end, m.doc_id) for m in ex.mentions],
        identifiers=[IdentifierMention(i.text, i.type, i.value, i.start, i.end, i.valid,
                                       mapping(i.entity_id) if i.entity_id else None) for i in ex.identifiers],
        relations=list(relations.values()),
    )
