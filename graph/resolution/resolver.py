"""Resolve one document's extraction against what the store already knows.

Steps, in order, each recorded or reproducible:

1. **within-document** (``coref.py``): short forms ("Peeters", "Mr Peeters", "J. Peeters",
   "PEETERS Jan", "Blauwhoeve", "NCA") join the one fuller name of the same document they fit;
2. **weak names are scoped**: a person known only by a surname or an abbreviated name
   ("Mohamed B.") gets a document-scoped id, so two documents never merge them silently;
3. **conflicts are scoped**: an entity whose id exists with a conflicting identifier or birth
   date becomes a new, document-scoped entity, and a ``distinct`` decision records why; it may
   still match another entity of that name whose details agree (a namesake seen before);
4. **hard keys, then fuzzy matching** against a blocking index of known entities (firms and
   vessels first, so that a person's employer is already resolved when people are compared); a
   merge above the threshold is stored as a decision (who, score, features, reason); a pair
   between the review and merge thresholds becomes a ``candidate`` for an analyst. When a mention
   fits several known entities, they are merged together only if nothing tells them apart
   (their documents are then rewritten); otherwise the merge is ambiguous and goes to review;
5. every active decision (automatic or by an analyst) is applied, so decisions survive re-ingest.

The original extraction is kept as ``Extraction.raw`` and written with the document, so any
decision can be undone by re-resolving the affected documents (``decisions.reapply``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.model import Entity, Extraction, IdentifierMention, Mention, Relation
from graph.resolution.coref import within_document
from graph.resolution.disk_index import DiskBlockingIndex
from graph.resolution.features import Judgement, Record, decide
from graph.resolution.index import BlockingIndex
from graph.resolution.normalize import for_matching, person_name, weak_org
from graph.store.base import decision_row

RESOLVER = "havengraph-resolver"
MATCHED_TYPES = {"PERSON", "COMPANY", "ORGANIZATION", "VESSEL"}
MATCH_ORDER = {"VESSEL": 0, "COMPANY": 1, "ORGANIZATION": 2, "PERSON": 3}
SCOPE_SEP = "~"
#: two fitting entities closer than this in score are equally good: no automatic choice between them
AMBIGUITY_MARGIN = 0.05
#: known entities whose neighbours are read in one query when the resolver loads the store
LOAD_CHUNK = 5_000
#: from this many files in one ingest the blocking index is kept on disk (``index_for``). Below it
#: the index in memory stays small (about 5.6 KB a document: 11 MB at 2,000) and resolution alone
#: is faster with it (about 1.7x, ``bench/resolution_speed.py --index both``); above it the index
#: in memory would grow with the corpus, while the staging ingest of 3,713 documents took no
#: measurably longer with the disk one (docs/scale.md, "Memory of the staging step")
DISK_INDEX_FROM = 2_000


def index_for(documents: int) -> str:
    """The blocking index for an ingest of ``documents`` files: in memory for small runs (faster),
    on disk from ``DISK_INDEX_FROM`` on, where the in-memory one would grow with the corpus."""
    return "disk" if documents >= DISK_INDEX_FROM else "memory"


def scoped_id(entity_id: str, doc_id: str) -> str:
    return f"{entity_id.split(SCOPE_SEP)[0]}{SCOPE_SEP}{doc_id[:10]}"


def is_weak_person(names: list[str]) -> bool:
    """True when no name of the person identifies anyone: surname only ("Peeters"), initials
    ("J. Peeters": Jan or Joris?) or an abbreviated surname ("Mohamed B.")."""
    return not any(person_name(name).full for name in names)


class Resolver:
    """Incremental resolver: load the store's entities and decisions once, then resolve documents.

    ``index``: ``"memory"`` (``BlockingIndex``, the default), ``"disk"`` (``DiskBlockingIndex``: a
    scratch SQLite file and an LRU of records, memory bounded; the same candidates in the same
    order) or an index object with their interface. :meth:`close` drops a disk index's file.
    """

    def __init__(self, store: Any | None = None, *, match: bool = True, who: str = RESOLVER,
                 index: str | Any = "memory") -> None:
        self.store = store
        self.match = match
        self.who = who
        if index == "memory":
            self.index: Any = BlockingIndex()
        elif index == "disk":
            self.index = DiskBlockingIndex()
        elif isinstance(index, str):
            raise ValueError(f"index is 'memory', 'disk' or an index object, not {index!r}")
        else:
            self.index = index
        self.merged_into: dict[str, str] = {}
        self.distinct: set[frozenset[str]] = set()
        self.reviewed: set[frozenset[str]] = set()
        self.scoped: set[str] = set()
        self.analyst_merges: set[str] = set()
        self.new_decisions: list[dict[str, Any]] = []
        self._unsaved: list[dict[str, Any]] = []
        #: changes whenever a decision could change a resolved id (a merge, a distinct pin)
        self.version = 0
        if store is not None:
            self._load(store)

    def close(self) -> None:
        """Drop the index's scratch file, if it has one (a disk index also drops it when collected)."""
        close = getattr(self.index, "close", None)
        if close is not None:
            close()

    # -- state -----------------------------------------------------------------------------------
    def _load(self, store: Any) -> None:
        for d in store.list_decisions(status=None):
            if d["status"] == "active":
                self._remember(d)
            elif d["kind"] == "candidate":  # rejected or settled: not proposed again
                self.reviewed.add(frozenset((d["a"], d["b"])))
        if not self.match:
            return
        # filed as they stream in, and their neighbours asked for LOAD_CHUNK entities at a time: the
        # index is all that stays, not a second list of records and every adjacent pair at once;
        # neighbours are added through the index, so one kept on disk holds no record for this
        types: dict[str, str] = {}
        for e in store.iter_entities():
            if e.type in MATCHED_TYPES:
                self.index.add(Record(e.entity_id, e.type, [e.name, *e.aliases], dict(e.identifiers),
                                      dict(e.properties)))
                types[e.entity_id] = e.type
        ids = list(types)
        for start in range(0, len(ids), LOAD_CHUNK):
            found: dict[str, set[str]] = {}
            for source, target, _ in store.adjacent(ids[start:start + LOAD_CHUNK], None, False):
                if source in types:
                    found.setdefault(source, set()).add(target)
                if target in types:
                    found.setdefault(target, set()).add(source)
            for eid, neighbours in found.items():
                self.index.add(Record(eid, types[eid], [], neighbours=neighbours))

    def _remember(self, d: dict[str, Any]) -> None:
        if d["kind"] in ("merge", "distinct"):
            self.version += 1
        if d["kind"] == "merge":
            self.merged_into[d["b"]] = d["a"]
            if d.get("score") is None:  # an analyst's merge: not second-guessed
                self.analyst_merges.add(d["b"])
        elif d["kind"] == "distinct":
            self.distinct.add(frozenset((d["a"], d["b"])))
            if SCOPE_SEP in d["b"]:
                self.scoped.add(d["b"])
        elif d["kind"] == "candidate":
            self.reviewed.add(frozenset((d["a"], d["b"])))

    def _decide(self, kind: str, a: str, b: str, score: float | None, reason: str,
                features: dict[str, float] | None = None) -> None:
        decision = decision_row({"kind": kind, "a": a, "b": b, "score": score, "reason": reason,
                                 "features": features or {}, "who": self.who})
        self._unsaved.append(decision)
        self.new_decisions.append(decision)
        self._remember(decision)

    def save(self) -> None:
        """Store the decisions taken since the last call, in one transaction (``resolve`` calls it)."""
        if self.store is not None and self._unsaved:
            self.store.save_decisions(self._unsaved)
        self._unsaved = []

    def canonical(self, entity_id: str) -> str:
        seen = set()
        while entity_id in self.merged_into and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.merged_into[entity_id]
        return entity_id

    # -- the steps ---------------------------------------------------------------------------------
    def resolve(self, extraction: Extraction) -> Extraction:
        """The extraction with its entity ids resolved (``raw`` keeps the original).

        The decisions it took are stored before it returns, together in one transaction.
        """
        try:
            return self._resolve(extraction, self.match)
        finally:
            self.save()

    def _resolve(self, extraction: Extraction, match: bool) -> Extraction:
        raw = extraction.raw if extraction.raw is not None else extraction
        doc_id = raw.document.doc_id
        local = within_document(raw)
        records = _records(raw, local)
        rekeyed = False
        for record in records.values():
            scoped = scoped_id(record.entity_id, doc_id)
            if _weak(record) or scoped in self.scoped:
                self._rekey(local, record, scoped)
                rekeyed = True
        if match:
            if rekeyed:  # neighbours point at the new ids
                records = _records(raw, local)
            for record in sorted(records.values(), key=lambda r: MATCH_ORDER.get(r.type, 9)):
                if record.type in MATCHED_TYPES:
                    record.neighbours = {self.canonical(n) for n in record.neighbours}
                    self._match(record, local, doc_id)

        def mapping(entity_id: str) -> str:
            return self.canonical(local.get(entity_id, entity_id))

        resolved = apply_mapping(raw, mapping)
        resolved.raw = raw
        if match:
            for record in _records(resolved, {}).values():
                if record.type in MATCHED_TYPES:
                    self.index.add(record)
        return resolved

    def _rekey(self, local: dict[str, str], record: Record, new_id: str) -> None:
        for raw_id, target in list(local.items()):
            if target == record.entity_id:
                local[raw_id] = new_id
        local[record.entity_id] = new_id
        record.entity_id = new_id

    def _match(self, record: Record, local: dict[str, str], doc_id: str) -> None:
        target = self.canonical(record.entity_id)
        known = self.index.get(target)
        if known is not None:
            judgement = decide(record, known)
            if judgement.verdict != "distinct" or record.entity_id in self.analyst_merges:
                if _adds_something(record, known):  # it may show that two known entities are one
                    self._search(record, anchor=known)
                return
            new_id = scoped_id(record.entity_id, doc_id)  # same name, but the evidence says another entity
            self._decide("distinct", known.entity_id, new_id, None, judgement.reason, judgement.features)
            self._rekey(local, record, new_id)
            if self.canonical(new_id) != new_id or self.index.get(new_id) is not None:
                return
        self._search(record, anchor=None)

    def _search(self, record: Record, anchor: Record | None) -> None:
        """Hard keys, then blocked fuzzy candidates; ``anchor``: the known entity the record already is."""
        if anchor is None:
            hard = self.index.by_identifier(record)
            if hard is not None and frozenset((hard, record.entity_id)) not in self.distinct:
                hard_record = self.index.get(hard)
                if hard_record is None or decide(record, hard_record).verdict != "distinct":
                    self._decide("merge", hard, record.entity_id, 1.0, "same identifier", {"identifiers": 1.0})
                    return
        if record.type == "PERSON" and all(person_name(n).surname_only for n in record.names):
            return  # a surname alone never reaches the review threshold: nothing to compare
        own = anchor.entity_id if anchor is not None else record.entity_id
        fits: list[tuple[Record, Judgement]] = []
        for candidate in self.index.candidates(record):
            if candidate.entity_id in (own, record.entity_id) or frozenset((candidate.entity_id, own)) in self.distinct:
                continue
            if record.neighbours:  # shared context is only looked at when the record has some
                _canonical_view(candidate, self.canonical, len(self.merged_into))
            judgement = decide(record, candidate)
            if judgement.verdict == "merge":
                fits.append((candidate, judgement))
            elif judgement.verdict == "review":
                self._candidate(candidate.entity_id, own, judgement)
        fits.sort(key=lambda f: (-f[1].score, f[0].entity_id))
        if anchor is None and fits:
            best, judgement = fits[0]
            rivals = [f for f in fits[1:] if not self._compatible(best, f[0])]
            if any(judgement.score - rival.score < AMBIGUITY_MARGIN for _, rival in rivals):
                for candidate, j in fits:  # "J. Peeters" with the family's address: Jan or Joris?
                    self._candidate(candidate.entity_id, own,
                                    Judgement(j.score, "review", j.features, "fits several entities: " + j.reason))
                return
            self._decide("merge", best.entity_id, own, judgement.score, judgement.reason, judgement.features)
            anchor, fits = best, fits[1:]
        if anchor is None:
            return
        bridged = [(c, j) for c, j in fits if self._compatible(anchor, c)]
        for other, j in bridged:  # two known entities that this mention shows to be one
            self._decide("merge", anchor.entity_id, other.entity_id, j.score,
                         f"both fit {record.name!r}: {j.reason}", j.features)
            self.index.absorb(other.entity_id, anchor.entity_id)
        if bridged:
            self._rewrite([c.entity_id for c, _ in bridged])

    def _compatible(self, a: Record, b: Record) -> bool:
        if frozenset((a.entity_id, b.entity_id)) in self.distinct:
            return False
        return decide(a, b).verdict != "distinct"

    def _candidate(self, a: str, b: str, judgement: Judgement) -> None:
        pair = frozenset((a, b))
        if pair not in self.reviewed and pair not in self.distinct:
            self._decide("candidate", a, b, judgement.score, judgement.reason, judgement.features)

    def _rewrite(self, entity_ids: list[str]) -> None:
        """Rewrite the stored documents that mention ``entity_ids`` under the current decisions."""
        if self.store is None:
            return
        self.save()  # the merge is on record before any document shows it
        for doc_id in self.store.documents_mentioning(entity_ids):
            self.store.write(self.again(self.store.raw_extraction(doc_id)), replace=True)

    def again(self, extraction: Extraction) -> Extraction:
        """A document resolved earlier, resolved again under the current decisions (no new matching,
        so no new decision)."""
        return self._resolve(extraction.raw if extraction.raw is not None else extraction, match=False)


def _weak(record: Record) -> bool:
    """A person or agency whose names identify nobody: kept to its document."""
    if record.type == "PERSON":
        return is_weak_person(record.names)
    return record.type == "ORGANIZATION" and all(weak_org(n) for n in record.names)


def _adds_something(record: Record, known: Record) -> bool:
    """Does the record bring a name, identifier, property or neighbour the known entity lacks?"""
    return (not set(record.names) <= set(known.names)
            or any(known.identifiers.get(k) != v for k, v in record.identifiers.items())
            or any(k not in known.properties for k in record.properties)
            or not record.neighbours <= known.neighbours)


def _canonical_view(record: Record, canonical: Callable[[str], str], version: int) -> None:
    """Put the record's neighbours under their current ids (redone only after new merges)."""
    if record._memo.get("canonical") != (version, len(record.neighbours)):
        record.neighbours = {canonical(n) for n in record.neighbours}
        record._memo["canonical"] = (version, len(record.neighbours))


def _records(ex: Extraction, local: dict[str, str]) -> dict[str, Record]:
    """One record per (locally mapped) entity: names, identifiers, properties, neighbours in the doc."""
    out: dict[str, Record] = {}
    lang = ex.document.lang
    for e in ex.entities:
        eid = local.get(e.entity_id, e.entity_id)
        rec = out.setdefault(eid, Record(eid, e.type, []))
        for name in (e.name, *e.aliases):
            name = for_matching(name, e.type, lang)
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
    for entity in entities.values():  # a person shown by a short form gets its fullest name
        if entity.type != "PERSON" or not is_weak_person([entity.name]):
            continue
        names = [entity.name, *entity.aliases]
        best = max(names, key=lambda n: (not is_weak_person([n]), len(n)))
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
