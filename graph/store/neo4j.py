"""The Neo4j backend: ``neo4j://user:password@host:7687`` (or ``bolt://``), same contract as SQLite.

Writes go as batched ``UNWIND $rows`` statements in few managed transactions (the driver retries
a batch on a transient fault or a lost connection); reads run in read transactions. Every
statement lives in :mod:`graph.store.cypher`. The data model is described there.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import networkx as nx
from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase, ManagedTransaction, Session, unit_of_work
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Path, Relationship

from graph.errors import DocumentNotFound, EntityNotFound, Forbidden, InvalidInput, StoreUnavailable
from graph.ids import fold
from graph.model import (
    Document,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Relation,
    extraction_from_record,
)
from graph.schema import SCHEMA
from graph.store import cypher
from graph.store.base import TraversalMixin, build_projection, check_relation_types, check_types
from graph.store.sqlite import relation_id

__all__ = ["Neo4jStore", "PreparedRows", "parse_url", "prepare_rows"]

_PAGE = 1000
DECISION_KINDS = ("merge", "distinct", "candidate")
DECISION_STATUSES = ("active", "undone", "rejected")


@dataclass(frozen=True)
class Target:
    uri: str
    auth: tuple[str, str] | None
    database: str | None
    redacted: str


def parse_url(url: str) -> Target:
    """Split a store URL into driver URI, credentials and database; ``redacted`` has no password.

    The password may also come from ``HAVENGRAPH_NEO4J_PASSWORD`` when the URL names only the user.
    A database other than the default is chosen with ``?database=name``.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError as exc:
        raise InvalidInput(f"bad port in the store URL: {exc}") from exc
    hostport = parts.netloc.rsplit("@", 1)[-1] + ("" if port else ":7687")
    if not parts.hostname:
        raise InvalidInput("the Neo4j URL needs a host: neo4j://user:password@host:7687")
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else os.environ.get("HAVENGRAPH_NEO4J_PASSWORD")
    database = (parse_qs(parts.query).get("database") or [None])[0]
    shown = f"{scheme}://{user + '@' if user else ''}{hostport}" + (f"?database={database}" if database else "")
    auth = (user, password or "") if user else None
    return Target(uri=f"{scheme}://{hostport}", auth=auth, database=database, redacted=shown)


# -- preparing rows (plain Python, before any transaction) ---------------------------------------
@dataclass
class PreparedRows:
    doc_id: str
    document: dict[str, Any]
    entities: list[tuple[str, Entity]]
    mentions: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    #: False for the second and later parts of a document written in several transactions
    creates_document: bool = True

    @property
    def size(self) -> int:
        return 1 + len(self.entities) + len(self.mentions) + len(self.relations) + len(self.evidence)

    def parts(self, rows: int) -> list[PreparedRows]:
        """This document cut into parts of about ``rows`` rows: entities, then mentions, then relations.

        The first part creates the document, marked incomplete; a relation travels with all of its
        evidence, so that each part's aggregates are exact.
        """
        evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for ev in self.evidence:
            evidence[ev["rel_id"]].append(ev)
        out = [PreparedRows(self.doc_id, {**self.document, "incomplete": True}, [], [], [], [])]
        used = 1

        def room(cost: int) -> PreparedRows:
            nonlocal used
            if used + cost > rows and used:
                out.append(PreparedRows(self.doc_id, self.document, [], [], [], [], creates_document=False))
                used = 0
            used += cost
            return out[-1]

        for entity in self.entities:
            room(1).entities.append(entity)
        for mention in self.mentions:
            room(1).mentions.append(mention)
        for rel in self.relations:
            carried = evidence.pop(rel["rel_id"], [])
            part = room(1 + len(carried))
            part.relations.append(rel)
            part.evidence += carried
        return out


def prepare_rows(ex: Extraction) -> PreparedRows:
    """Check types and build the rows of one extraction; raises ``InvalidInput`` before anything is written."""
    doc = ex.document
    record = _record(ex.raw if ex.raw is not None else ex)
    entities = []
    for entity in ex.entities:
        for scheme in entity.identifiers:
            SCHEMA.identifier(scheme)
        entities.append((SCHEMA.node_name(entity.type), entity))
    mentions = list({(m.start, m.end, m.entity_id): {"entity_id": m.entity_id, "start": m.start, "end": m.end,
                                                     "text": m.text, "type": m.type}
                     for m in reversed(ex.mentions)}.values())[::-1]  # first of each span wins
    relations, evidence = [], []
    for rel in ex.relations:
        spec = SCHEMA.relation(rel.type)
        if spec.name == cypher.MENTIONS:
            raise InvalidInput("MENTIONS links a document to an entity: put it in Extraction.mentions")
        source, target = rel.source, rel.target
        if spec.symmetric and target < source:
            source, target = target, source
        rid = relation_id(source, spec.name, target)
        relations.append({"type": spec.name, "rel_id": rid, "source": source, "target": target,
                          "properties": _json(rel.properties)})
        for e in rel.evidence:
            doc_id = e.doc_id or doc.doc_id
            evidence.append({"rel_id": rid, "type": spec.name, "doc_id": doc_id, "start": int(e.start),
                             "end": int(e.end), "sentence": e.sentence, "method": e.method, "extractor": e.extractor,
                             "confidence": float(e.confidence), "weight": float(e.weight), "date": e.date,
                             "page": None if e.page is None else int(e.page)})
    row = {"doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "lang": doc.lang, "format": doc.format,
           "date": doc.date, "grading": doc.grading, "handling": doc.handling, "pages": json.dumps(doc.pages),
           "metadata": json.dumps(doc.metadata, default=str), "text": doc.text, "length": len(doc.text),
           "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
           "extraction": json.dumps(record, default=str)}
    return PreparedRows(doc.doc_id, row, entities, mentions, relations, evidence)


def _record(ex: Extraction) -> dict[str, Any]:
    """``extraction_to_record`` without the text (kept once, on the document node).

    Same JSON as ``graph.model.extraction_to_record``, built from shallow ``vars()`` copies: the
    deep copies of ``dataclasses.asdict`` took half of the preparation time of a batch.
    """
    return {"document": {**vars(ex.document), "text": ""},
            "entities": [vars(e) for e in ex.entities],
            "mentions": [vars(m) for m in ex.mentions],
            "identifiers": [vars(i) for i in ex.identifiers],
            "relations": [{**vars(r), "evidence": [vars(e) for e in r.evidence]} for r in ex.relations]}


@dataclass
class _EntityState:
    """An entity as stored, updated in memory the way the embedded store updates its rows."""

    entity_id: str
    type: str
    name: str
    properties: dict[str, Any]
    aliases: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)
    new: bool = False
    dirty: bool = False

    def absorb(self, entity: Entity) -> None:
        if entity.properties:
            merged = {**_jsonable(entity.properties), **self.properties}  # first value seen wins
            if merged != self.properties:
                self.properties, self.dirty = merged, True
        for name in (entity.name, *entity.aliases):
            norm = fold(name) if name else ""
            if name and norm not in self.norms:
                self.aliases.append(name)
                self.norms.append(norm)
                self.dirty = True
        for scheme, value in entity.identifiers.items():
            if scheme not in self.identifiers:
                self.identifiers[scheme] = value
                self.dirty = True

    def row(self) -> dict[str, Any]:
        values = [v.lower() for v in self.identifiers.values()]
        return {"entity_id": self.entity_id, "type": self.type, "name": self.name,
                "properties": _json(self.properties), "aliases": self.aliases, "aliases_norm": self.norms,
                "identifiers": _json(self.identifiers), "ident_values": values,
                "search_text": "\x1f".join(self.norms) + "\x1e" + "\x1f".join(values)}


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, default=str) if value else "{}"


def _limit(limit: int) -> int:
    """SQL's reading of a row limit: a negative one means no limit."""
    return limit if limit >= 0 else 2**62


def _jsonable(value: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(value, default=str))


def _chunks(rows: list[Any], size: int = 5000) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


# -- transaction functions ------------------------------------------------------------------------
def _write_tx(tx: ManagedTransaction, batch: list[PreparedRows], replace: bool) -> list[str]:
    tx.run(cypher.WRITER_LOCK).consume()
    ids = [p.doc_id for p in batch]
    # doc_id -> True when stored but incomplete (an interrupted write in parts: it is written again)
    known = {r["doc_id"]: r["incomplete"] for r in tx.run(cypher.EXISTING_DOCUMENTS, ids=ids)}
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
            _delete_tx(tx, p.doc_id)
        pending.append(p)
        known[p.doc_id] = False
        results.append("replaced" if incomplete is False else "written")
    _write_docs(tx, pending)
    return results


def _write_part_tx(tx: ManagedTransaction, part: PreparedRows) -> None:
    tx.run(cypher.WRITER_LOCK).consume()
    _write_docs(tx, [part])


def _complete_tx(tx: ManagedTransaction, doc_id: str) -> None:
    tx.run(cypher.WRITER_LOCK).consume()
    tx.run(cypher.COMPLETE_DOCUMENT, doc_id=doc_id).consume()


def _write_docs(tx: ManagedTransaction, docs: list[PreparedRows]) -> None:
    if not docs:
        return
    wanted = {e.entity_id for p in docs for _, e in p.entities}
    wanted |= {m["entity_id"] for p in docs for m in p.mentions}
    wanted |= {r[end] for p in docs for r in p.relations for end in ("source", "target")}
    state: dict[str, _EntityState] = {}
    for rec in tx.run(cypher.ENTITY_STATE, ids=sorted(wanted)):
        state[rec["entity_id"]] = _EntityState(
            rec["entity_id"], rec["type"], rec["name"], json.loads(rec["properties"] or "{}"), list(rec["aliases"]),
            list(rec["aliases_norm"]), json.loads(rec["identifiers"] or "{}"))
    for p in docs:
        for type_, entity in p.entities:
            st = state.get(entity.entity_id)
            if st is None:
                st = state[entity.entity_id] = _EntityState(entity.entity_id, type_, entity.name,
                                                            _jsonable(entity.properties), new=True)
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
        for chunk in _chunks(rows):
            tx.run(cypher.create_entities(type_), rows=chunk)
    for chunk in _chunks([st.row() for st in state.values() if st.dirty and not st.new]):
        tx.run(cypher.UPDATE_ENTITIES, rows=chunk)
    for chunk in _chunks([p.document for p in docs if p.creates_document], 200):
        tx.run(cypher.CREATE_DOCUMENTS, rows=chunk)
    for chunk in _chunks([{"doc_id": p.doc_id, "mentions": p.mentions} for p in docs if p.mentions], 500):
        tx.run(cypher.CREATE_MENTIONS, docs=chunk)
    evidence = _new_evidence(tx, docs)
    for chunk in _chunks(evidence):
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
        for chunk in _chunks(list(rels.values())):
            tx.run(cypher.merge_relations(type_), rows=chunk)


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
        for chunk in _chunks(doubtful):
            for rec in tx.run(cypher.EXISTING_EVIDENCE, rows=chunk):
                evidence.pop(keys[rec["i"]], None)
    return list(evidence.values())


def _delete_tx(tx: ManagedTransaction, doc_id: str) -> bool:
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


def _entity(row: dict[str, Any]) -> Entity:
    return Entity(entity_id=row["entity_id"], type=row["type"], name=row["name"],
                  aliases=sorted(a for a in row["aliases"] or [] if a != row["name"]),
                  identifiers=json.loads(row["identifiers"] or "{}"),
                  properties=json.loads(row["properties"] or "{}"))


def _relation(row: Any) -> Relation:
    return Relation(source=row["source"], target=row["target"], type=row["type"],
                    evidence=[Evidence(**ev) for ev in row["evidence"]],
                    properties=json.loads(row["properties"] or "{}"))


class Neo4jStore(TraversalMixin):
    """``neo4j://user:password@host:7687`` — a Neo4j 5 server (Community is enough)."""

    def __init__(self, url: str, *, retry_seconds: float = 30.0, connect_timeout: float = 5.0,
                 batch_rows: int = 20_000) -> None:
        target = parse_url(url)
        self.url = target.redacted  # never the password: this string is shown and logged
        self._database = target.database
        self._batch_rows = batch_rows
        #: how long a managed transaction is retried after a transient fault or a lost connection
        self.retry_seconds = retry_seconds
        try:
            self._driver = GraphDatabase.driver(
                target.uri, auth=target.auth, connection_timeout=connect_timeout, connection_acquisition_timeout=max(connect_timeout, 30.0),
                notifications_min_severity="OFF")
        except (DriverError, ValueError) as exc:
            raise InvalidInput(f"cannot use the store URL {self.url}: {exc}") from exc
        try:
            with self._errors("connecting"):
                self._driver.verify_connectivity()
                self._ensure_schema()
        except BaseException:
            self._driver.close()
            raise

    # -- plumbing -------------------------------------------------------------------------------
    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except AuthError as exc:
            raise StoreUnavailable(f"Neo4j at {self.url} refused the user name or password ({exc.message}); "
                                   "check the credentials in the store URL") from None
        except (ServiceUnavailable, SessionExpired, IncompleteCommit, OSError) as exc:
            hint = ("is the server running? (`scripts/neo4j start` runs a local one)" if action == "connecting"
                    else "the unfinished batch was rolled back; run the same command again to finish "
                         "(documents already stored are skipped)")
            raise StoreUnavailable(f"cannot reach Neo4j at {self.url} while {action}: {exc}; {hint}") from None

    def _session(self, mode: str = WRITE_ACCESS) -> Session:
        return self._driver.session(database=self._database, default_access_mode=mode,
                                    max_transaction_retry_time=self.retry_seconds)

    def _read(self, query: str, **params: Any) -> list[Any]:
        def work(tx: ManagedTransaction) -> list[Any]:
            return list(tx.run(query, params))

        with self._errors("reading"), self._session(READ_ACCESS) as session:
            return session.execute_read(work)

    def _write(self, work: Callable[..., Any], *args: Any) -> Any:
        with self._errors("writing"), self._session(WRITE_ACCESS) as session:
            return session.execute_write(work, *args)

    def _ensure_schema(self) -> None:
        """Create the missing constraints and indexes; drop ``hg_*`` ones an older version left behind."""
        statements = cypher.schema_statements(SCHEMA)
        with self._session() as session:
            present = {r["name"]: r["constraint"] for r in session.run(cypher.INDEX_NAMES)}
            for name, constraint in present.items():
                if name.startswith("hg_") and name not in statements:
                    session.run(cypher.drop_schema(name, bool(constraint))).consume()
            missing = [s for name, s in statements.items() if name not in present]
            for statement in missing:
                session.run(statement).consume()
            if missing:
                session.run(cypher.AWAIT_INDEXES, seconds=300).consume()

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.url!r})"

    def clear(self) -> None:
        with self._errors("clearing"), self._session() as session:
            session.run(cypher.CLEAR).consume()

    # -- writes ---------------------------------------------------------------------------------
    def write(self, extraction: Extraction, *, replace: bool = False) -> str:
        return self.write_many([extraction], replace=replace)[0]

    def write_many(self, extractions: Iterable[Extraction], *, replace: bool = False) -> list[str]:
        """One transaction per ``batch_rows`` rows (entities, mentions, relations, evidence).

        A document bigger than that (a large edge list) is written in parts, one transaction each;
        if the run stops half-way, the document is not visible and writing it again starts it over.
        """
        results: list[str] = []
        batch: list[PreparedRows] = []
        size = 0
        for ex in extractions:
            prepared = prepare_rows(ex)
            if prepared.size > self._batch_rows:
                if batch:
                    results += self._write(_write_tx, batch, replace)
                    batch, size = [], 0
                results.append(self._write_in_parts(prepared, replace))
                continue
            batch.append(prepared)
            size += prepared.size
            if size >= self._batch_rows:
                results += self._write(_write_tx, batch, replace)
                batch, size = [], 0
        if batch:
            results += self._write(_write_tx, batch, replace)
        return results

    def _write_in_parts(self, prepared: PreparedRows, replace: bool, stop_after: int | None = None) -> str:
        """Write one big document in several transactions (``stop_after`` parts only: for tests)."""
        own = {e.entity_id for _, e in prepared.entities}
        outside = {m["entity_id"] for m in prepared.mentions} | {
            r[end] for r in prepared.relations for end in ("source", "target")}
        outside -= own
        found = {r["id"] for r in self._read(cypher.EXISTING_ENTITIES, ids=sorted(outside))}
        if outside - found:  # checked first: nothing is written for a document that cannot be stored
            raise InvalidInput(f"a mention or relation refers to entity {min(outside - found)!r}, which is "
                               "neither in the extraction's entities nor in the store")
        parts = prepared.parts(self._batch_rows)
        (result,) = self._write(_write_tx, parts[:1], replace)
        if result == "skipped":
            return result
        for part in parts[1:stop_after]:
            self._write(_write_part_tx, part)
        if stop_after is None:
            self._write(_complete_tx, prepared.doc_id)
        return result

    def delete_document(self, doc_id: str) -> bool:
        def work(tx: ManagedTransaction) -> bool:
            tx.run(cypher.WRITER_LOCK).consume()
            return _delete_tx(tx, doc_id)

        return bool(self._write(work))

    # -- documents ------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self._read(cypher.HAS_DOCUMENT, doc_id=doc_id)[0]["found"])

    def get_document(self, doc_id: str) -> Document:
        rows = self._read(cypher.DOCUMENT, doc_id=doc_id)
        if not rows:
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        d = rows[0]["d"]
        return Document(doc_id=d["doc_id"], title=d.get("title") or "", source=d.get("source") or "",
                        lang=d.get("lang") or "", format=d.get("format") or "", date=d.get("date"),
                        grading=d.get("grading"), handling=d.get("handling"), pages=json.loads(d["pages"]),
                        metadata=json.loads(d["metadata"]), text=d["text"])

    def raw_extraction(self, doc_id: str) -> Extraction:
        rows = self._read(cypher.RAW_EXTRACTION, doc_id=doc_id)
        if not rows:
            raise DocumentNotFound(f"no document {doc_id!r} in the store")
        return extraction_from_record(json.loads(rows[0]["extraction"]), document=self.get_document(doc_id))

    def list_documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return [dict(r) for r in self._read(cypher.LIST_DOCUMENTS, limit=_limit(limit), offset=max(offset, 0))]

    def documents_mentioning(self, entity_ids: Iterable[str]) -> list[str]:
        return [r["doc_id"] for r in self._read(cypher.DOCUMENTS_MENTIONING, ids=list(dict.fromkeys(entity_ids)))]

    # -- entities -------------------------------------------------------------------------------
    def get_entity(self, entity_id: str) -> Entity:
        found = self.get_entities([entity_id])
        if entity_id not in found:
            raise EntityNotFound(f"no entity {entity_id!r} in the store; try `havengraph search`")
        return found[entity_id]

    def get_entities(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        rows = self._read(cypher.GET_ENTITIES, ids=list(dict.fromkeys(entity_ids)))
        return {r["e"]["entity_id"]: _entity(r["e"]) for r in rows}

    def iter_entities(self) -> Iterator[Entity]:
        after = ""
        while True:
            rows = self._read(cypher.ENTITY_PAGE, after=after, limit=_PAGE)
            yield from (_entity(r["e"]) for r in rows)
            if len(rows) < _PAGE:
                return
            after = rows[-1]["e"]["entity_id"]

    def search(self, text: str, type: str | None = None, limit: int = 20) -> list[Entity]:
        query = fold(text)
        if not query:
            raise InvalidInput("search text is empty")
        if limit < 1:
            raise InvalidInput("limit must be at least 1")
        type_ = SCHEMA.node_name(type) if type else None
        rows = self._read(cypher.SEARCH, q=query, compact=query.replace(" ", ""), type=type_, limit=limit)
        ids = [r["entity_id"] for r in rows]
        found = self.get_entities(ids)
        return [found[i] for i in ids if i in found]

    def mentions(self, entity_id: str, limit: int = 100) -> list[Mention]:
        return [Mention(**dict(r)) for r in self._read(cypher.MENTIONS_OF, entity_id=entity_id, limit=_limit(limit))]

    def mentions_in(self, doc_ids: Iterable[str]) -> list[Mention]:
        """Every mention in these documents (one query; used by ``migrate``)."""
        return [Mention(**dict(r)) for r in self._read(cypher.DOCUMENT_MENTIONS, ids=list(doc_ids))]

    # -- relations ------------------------------------------------------------------------------
    @staticmethod
    def _types(relation_types: Iterable[str] | None, include_weak: bool) -> frozenset[str]:
        chosen = check_relation_types(relation_types)
        everything = cypher.entity_relation_types()
        return frozenset(t for t in everything if (chosen is None or t in chosen)
                         and (include_weak or not SCHEMA.relations[t].weak))

    def adjacent(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                 include_weak: bool = True) -> list[tuple[str, str, str]]:
        rows = self._read(cypher.adjacent(self._types(relation_types, include_weak)),
                          ids=list(dict.fromkeys(entity_ids)))
        return list(dict.fromkeys((r["source"], r["target"], r["type"]) for r in rows))

    def relations_between(self, entity_ids: Iterable[str], relation_types: Iterable[str] | None = None,
                          include_weak: bool = True) -> list[Relation]:
        rows = self._read(cypher.relations_between(self._types(relation_types, include_weak)),
                          ids=list(dict.fromkeys(entity_ids)))
        return [_relation(r) for r in rows]

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation with its evidence, type by type, in ``rel_id`` order within a type."""
        for type_ in cypher.entity_relation_types():
            after = ""
            while True:
                rows = self._read(cypher.relation_page(type_), after=after, limit=_PAGE)
                yield from (_relation(r) for r in rows)
                if len(rows) < _PAGE:
                    break
                after = rows[-1]["rel_id"]

    def projection(self, types: Iterable[str] | None = None, relation_types: Iterable[str] | None = None,
                   include_weak: bool = True) -> nx.MultiDiGraph:
        wanted = check_types(types)
        nodes = [(r["entity_id"], r["type"], r["name"])
                 for r in self._read(cypher.PROJECTION_NODES, types=None if wanted is None else sorted(wanted))]
        keep = {n[0] for n in nodes}
        edges = [tuple(r.values()) for r in self._read(cypher.projection_edges(self._types(relation_types, include_weak)))
                 if r["source"] in keep and r["target"] in keep]
        return build_projection(nodes, edges)  # type: ignore[arg-type]

    def stats(self) -> dict[str, Any]:
        counts = dict(self._read(cypher.COUNTS)[0])
        by_rel = {r["type"]: r["n"] for r in self._read(cypher.relation_counts()) if r["n"]}
        by_type = {r["type"]: r["n"] for r in self._read(cypher.ENTITY_COUNTS)}
        return {"documents": counts["documents"], "entities": counts["entities"],
                "relations": sum(by_rel.values()), "evidence": counts["evidence"], "mentions": counts["mentions"],
                "entities_by_type": dict(sorted(by_type.items())), "relations_by_type": dict(sorted(by_rel.items())),
                "store": self.url}

    # -- resolution decisions -------------------------------------------------------------------
    def save_decision(self, decision: dict[str, Any]) -> dict[str, Any]:
        row = {"score": None, "reason": "", "features": {}, "status": "active",
               "at": datetime.now(UTC).isoformat(timespec="seconds"), **decision}
        if row["kind"] not in DECISION_KINDS or row["status"] not in DECISION_STATUSES:
            raise InvalidInput(f"a decision is one of {DECISION_KINDS} with a status in {DECISION_STATUSES}")
        if "decision_id" not in row:
            basis = f"{row['kind']}|{row['a']}|{row['b']}|{row['at']}|{row['who']}"
            row["decision_id"] = hashlib.sha1(basis.encode()).hexdigest()[:16]
        stored = {k: row[k] for k in ("decision_id", "kind", "a", "b", "score", "reason", "who", "at", "status")}
        stored["features"] = json.dumps(row["features"], default=str)
        self._write(lambda tx: tx.run(cypher.SAVE_DECISION, row=stored).consume())
        return row

    def list_decisions(self, kind: str | None = None, status: str | None = "active",
                       entity_id: str | None = None) -> list[dict[str, Any]]:
        rows = [dict(r) for r in self._read(cypher.LIST_DECISIONS, kind=kind, status=status, entity_id=entity_id)]
        for row in rows:
            row["features"] = json.loads(row["features"] or "{}")
        return rows

    def set_decision_status(self, decision_id: str, status: str) -> bool:
        if status not in DECISION_STATUSES:
            raise InvalidInput(f"a decision's status is one of {DECISION_STATUSES}, not {status!r}")
        found = self._write(lambda tx: tx.run(cypher.SET_DECISION_STATUS, decision_id=decision_id,
                                              status=status).single()["n"])
        return bool(found)

    # -- analysts' read-only Cypher -------------------------------------------------------------
    def run_read_cypher(self, query: str, params: dict[str, Any] | None = None, limit: int = 1000,
                        timeout: float = 10.0) -> list[dict[str, Any]]:
        """Run an analyst's query in a READ transaction: at most ``limit`` rows, stopped after ``timeout`` s.

        The server refuses any write in a read transaction; that refusal becomes ``Forbidden``.
        Rows are plain JSON-ready dicts (nodes and relationships as property maps with ``_labels``/``_type``).
        """
        if not query.strip():
            raise InvalidInput("the Cypher query is empty")
        if not 1 <= limit <= 100_000:
            raise InvalidInput("limit must be between 1 and 100000")
        if not 0 < timeout <= 600:
            raise InvalidInput("timeout must be between 0 and 600 seconds")
        if _LOAD_CSV.search(_COMMENTS.sub(" ", query)):
            raise Forbidden("LOAD CSV is not allowed here: it makes the database server fetch files or URLs")

        @unit_of_work(timeout=timeout)
        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(query, params or {})
            rows = []
            for record in result:
                rows.append({key: _plain(value) for key, value in record.items()})
                if len(rows) >= limit:
                    break
            return rows

        try:
            with self._errors("reading"), self._session(READ_ACCESS) as session:
                return session.execute_read(work)
        except ClientError as exc:
            code = exc.code or ""
            if code.endswith(("AccessMode", "Forbidden")) or "ForbiddenOnReadOnlyDatabase" in code:
                raise Forbidden("this query would change the graph; only read-only Cypher may run here "
                                f"({exc.message})") from None
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise InvalidInput(f"the query ran for more than {timeout:g} s and was stopped; "
                                   "narrow it (LIMIT, a label, an id) or allow a longer timeout") from None
            raise InvalidInput(f"Neo4j rejected the query: {exc.message}") from None


_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.I)


def _plain(value: Any) -> Any:
    """A query value as plain JSON-ready data."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        ends = [n.get("entity_id", n.get("doc_id", n.element_id)) if n is not None else None
                for n in (value.start_node, value.end_node)]
        return {"_type": value.type, "_start": ends[0], "_end": ends[1], **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)
