"""Every Cypher statement of the Neo4j backend, as constants and small builder functions.

Values always travel as parameters. Labels and relationship types cannot be parameters in
Cypher, so the builders take them from the schema (a whitelist) and check their spelling
before quoting them; nothing typed by a user reaches a statement's text.

Data model:

* ``(:Entity:<Label> {entity_id, type, name, aliases, aliases_norm, identifiers,
  ident_values, search_text, properties})`` — ``<Label>`` is the schema label
  (``Person``, ``Vessel``...); ``identifiers`` and ``properties`` are JSON strings;
  ``search_text`` joins the folded names and the identifier values for the one text index.
* ``(:Document {doc_id, title, ..., text, length, ingested_at, extraction})`` — ``extraction``
  is the raw extraction as JSON.
* ``(:Document)-[:MENTIONS {start, end, text, type}]->(:Entity)``.
* ``(:Entity)-[:<RELATION_TYPE> {rel_id, properties, weight, count, first_seen, last_seen}]->(:Entity)``;
  symmetric types are stored once, ``source < target``.
* ``(:Evidence {rel_id, type, doc_id, start, end, sentence, method, extractor, confidence,
  weight, date, page})`` — one node per piece of evidence, found by ``rel_id`` or ``doc_id``
  (both indexed), so deleting a document deletes exactly its evidence.
* ``(:Decision {decision_id, kind, a, b, score, reason, features, who, at, status})``.
* ``(:WorkspaceRecord {key, kind, record_id, owner, target, updated_at, data})`` — investigations
  and notes (:mod:`graph.store.workspace`); ``data`` is JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from graph.errors import InvalidInput
from graph.schema import SCHEMA, Schema

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

#: labels Havengraph owns in the database (``clear`` removes exactly these nodes)
OWN_LABELS = ("Entity", "Document", "Evidence", "Decision", "WorkspaceRecord")
MENTIONS = "MENTIONS"


#: Havengraph's statements are planned on index seeks and expands whose best plan does not depend
#: on how big the graph is (``USING INDEX`` pins the index wherever two could serve); re-planning
#: them whenever the counts move (the default while a graph grows from empty) cost more than the
#: writes themselves.
_PLAN = "CYPHER replan=skip "


def _q(statement: str) -> str:
    return _PLAN + statement.strip()


def _quoted(name: str) -> str:
    if not _NAME.match(name):
        raise InvalidInput(f"{name!r} cannot be used as a Neo4j label or type name")
    return f"`{name}`"


def rel_type(name: str) -> str:
    """The quoted relationship type of a schema relation (``InvalidInput`` if the schema lacks it)."""
    return _quoted(SCHEMA.relation(name).name)


def node_label(type_: str) -> str:
    """The quoted schema label of an entity type (``PERSON`` -> ```Person```)."""
    return _quoted(SCHEMA.node(type_).label)


def entity_relation_types(schema: Schema = SCHEMA) -> list[str]:
    """Relation types between entities: every schema relation but ``MENTIONS`` (document -> entity)."""
    return [name for name in schema.relations if name != MENTIONS]


def type_alternation(types: Iterable[str]) -> str:
    """``:`A`|`B``` for a relationship pattern; an empty choice matches nothing (``:`_NONE_```)."""
    names = sorted({SCHEMA.relation(t).name for t in types})
    return ":" + "|".join(_quoted(n) for n in names) if names else ":`_NONE_`"


# -- schema --------------------------------------------------------------------------------------
def schema_statements(schema: Schema = SCHEMA) -> dict[str, str]:
    """Name -> statement for every constraint and index (Community edition: unique + range + text)."""
    out = {
        "hg_entity_id": "CREATE CONSTRAINT hg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.entity_id IS UNIQUE",
        "hg_document_id": "CREATE CONSTRAINT hg_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.doc_id IS UNIQUE",
        "hg_decision_id": "CREATE CONSTRAINT hg_decision_id IF NOT EXISTS FOR (d:Decision) "
                          "REQUIRE d.decision_id IS UNIQUE",
        "hg_writer_lock": "CREATE CONSTRAINT hg_writer_lock IF NOT EXISTS FOR (l:HavengraphLock) "
                          "REQUIRE l.name IS UNIQUE",
        "hg_evidence_rel": "CREATE INDEX hg_evidence_rel IF NOT EXISTS FOR (v:Evidence) ON (v.rel_id)",
        "hg_evidence_doc": "CREATE INDEX hg_evidence_doc IF NOT EXISTS FOR (v:Evidence) ON (v.doc_id)",
        "hg_entity_search": "CREATE TEXT INDEX hg_entity_search IF NOT EXISTS FOR (e:Entity) ON (e.search_text)",
        "hg_workspace_key": "CREATE CONSTRAINT hg_workspace_key IF NOT EXISTS FOR (w:WorkspaceRecord) "
                            "REQUIRE w.key IS UNIQUE",
        "hg_workspace_kind": "CREATE INDEX hg_workspace_kind IF NOT EXISTS FOR (w:WorkspaceRecord) ON (w.kind)",
        "hg_decision_a": "CREATE INDEX hg_decision_a IF NOT EXISTS FOR (d:Decision) ON (d.a)",
        "hg_decision_b": "CREATE INDEX hg_decision_b IF NOT EXISTS FOR (d:Decision) ON (d.b)",
    }
    for name in entity_relation_types(schema):
        index = f"hg_rel_{name.lower()}"
        out[index] = f"CREATE INDEX {index} IF NOT EXISTS FOR ()-[r:{_quoted(name)}]-() ON (r.rel_id)"
    return out


INDEX_NAMES = "SHOW INDEXES YIELD name, owningConstraint RETURN name, owningConstraint AS constraint"


def drop_schema(name: str, constraint: bool) -> str:
    """Drop a Havengraph index or constraint (by a name it created: ``hg_...``)."""
    if not name.startswith("hg_"):
        raise InvalidInput(f"{name!r} is not a Havengraph index")
    return f"DROP {'CONSTRAINT' if constraint else 'INDEX'} {_quoted(name)} IF EXISTS"


AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

#: Every node but the writer's lock: a bulk load (:mod:`graph.store.neo4j_bulk`) needs zero.
NODES_BUT_LOCKS = "MATCH (n) WHERE NOT n:HavengraphLock RETURN count(n) AS n"

#: After ``neo4j-admin database import`` (:mod:`graph.store.neo4j_bulk`), run with the first
#: schema creation: an empty CSV field is no property at all, where the writer stores ``[]``.
FILL_EMPTY_LISTS = """
MATCH (e:Entity) WHERE e.ident_values IS NULL OR e.aliases IS NULL OR e.aliases_norm IS NULL
CALL (e) {
  SET e.ident_values = coalesce(e.ident_values, []), e.aliases = coalesce(e.aliases, []),
      e.aliases_norm = coalesce(e.aliases_norm, [])
} IN TRANSACTIONS OF 10000 ROWS
"""

# -- writes --------------------------------------------------------------------------------------
#: First statement of every document write: the writer's slot lock (``$name``), held until commit.
#: Writers of different slots run side by side: their batches touch disjoint entities, or wait on
#: the entity locks that ``ENTITY_STATE`` takes. A document's deletion takes every slot
#: (``WRITER_LOCKS``), so that it never runs beside a write. Readers are not blocked.
WRITER_LOCK = _q("MERGE (l:HavengraphLock {name: $name}) SET l.held_at = timestamp()")

WRITER_LOCKS = _q("UNWIND $names AS name MERGE (l:HavengraphLock {name: name}) SET l.held_at = timestamp()")

EXISTING_DOCUMENTS = _q("""
UNWIND $ids AS id MATCH (d:Document {doc_id: id})
RETURN d.doc_id AS doc_id, d.incomplete IS NOT NULL AS incomplete
""")

#: A document too big for one transaction is written in parts; it carries ``incomplete`` until the
#: last part is in, and reads (and ``has_document``) ignore it until then.
COMPLETE_DOCUMENT = _q("MATCH (d:Document {doc_id: $doc_id}) REMOVE d.incomplete")

EXISTING_ENTITIES = _q("UNWIND $ids AS id MATCH (e:Entity {entity_id: id}) RETURN id")

#: Locks the stored entities of a batch (``$ids`` sorted: two writers lock in the same order, so they
#: never deadlock on them) and then reads them: the entity merge reads before it writes, and a
#: relation's aggregates are only written while both its ends are held.
ENTITY_STATE = _q("""
UNWIND $ids AS id
MATCH (e:Entity {entity_id: id})
SET e:Entity
RETURN e.entity_id AS entity_id, e.type AS type, e.name AS name, e.properties AS properties,
       e.aliases AS aliases, e.aliases_norm AS aliases_norm, e.identifiers AS identifiers
""")


@cache
def create_entities(type_: str) -> str:
    """New entities of one type, each row a complete property map."""
    return _q(f"UNWIND $rows AS row CREATE (e:Entity:{node_label(type_)}) SET e = row")


UPDATE_ENTITIES = _q("UNWIND $rows AS row MATCH (e:Entity {entity_id: row.entity_id}) SET e += row")

CREATE_DOCUMENTS = _q("UNWIND $rows AS row CREATE (d:Document) SET d = row")

CREATE_MENTIONS = _q("""
UNWIND $docs AS doc
MATCH (d:Document {doc_id: doc.doc_id})
UNWIND doc.mentions AS m
MATCH (e:Entity {entity_id: m.entity_id})
CREATE (d)-[:MENTIONS {start: m.start, `end`: m.end, text: m.text, type: m.type}]->(e)
""")

CITED_DOCUMENTS = _q("""
UNWIND $ids AS id
WITH id WHERE EXISTS { MATCH (v:Evidence {doc_id: id}) USING INDEX v:Evidence(doc_id) }
RETURN id AS doc_id
""")

EXISTING_EVIDENCE = _q("""
UNWIND $rows AS row
MATCH (v:Evidence {rel_id: row.rel_id}) USING INDEX v:Evidence(rel_id)
WHERE v.doc_id = row.doc_id AND v.start = row.start AND v.end = row.end AND v.method = row.method
RETURN DISTINCT row.i AS i
""")

CREATE_EVIDENCE = _q("UNWIND $rows AS row CREATE (v:Evidence) SET v = row")

def _aggregate(rel_id: str) -> str:
    """Set ``r``'s weight, count and first/last dates from the evidence with id ``rel_id`` (a variable)."""
    return f"""
CALL (r, {rel_id}) {{
  MATCH (v:Evidence {{rel_id: {rel_id}}}) USING INDEX v:Evidence(rel_id)
  RETURN 0.0 + sum(v.weight) AS weight, count(v) AS count, min(v.date) AS first_seen, max(v.date) AS last_seen
}}
SET r.weight = weight, r.count = count, r.first_seen = first_seen, r.last_seen = last_seen
"""


@cache
def merge_relations(type_: str) -> str:
    """Relations of one type; each row adds the weight, count and date range of its new evidence.

    A relation is identified by its ends and type (``rel_id`` derives from them), so ``MERGE``
    matches on the pattern alone: an expand between two bound nodes, never an index scan.
    """
    return _q(f"""
UNWIND $rows AS row
MATCH (s:Entity {{entity_id: row.source}})
MATCH (t:Entity {{entity_id: row.target}})
MERGE (s)-[r:{rel_type(type_)}]->(t)
ON CREATE SET r.rel_id = row.rel_id, r.properties = row.properties, r.weight = 0.0, r.count = 0
SET r.weight = r.weight + row.weight, r.count = r.count + row.count,
    r.first_seen = CASE WHEN row.first_seen IS NULL THEN r.first_seen
                        WHEN r.first_seen IS NULL OR row.first_seen < r.first_seen THEN row.first_seen
                        ELSE r.first_seen END,
    r.last_seen = CASE WHEN row.last_seen IS NULL THEN r.last_seen
                       WHEN r.last_seen IS NULL OR row.last_seen > r.last_seen THEN row.last_seen
                       ELSE r.last_seen END
""")


# -- deletes -------------------------------------------------------------------------------------
DELETE_DOCUMENT_EVIDENCE = _q("""
MATCH (v:Evidence {doc_id: $doc_id}) USING INDEX v:Evidence(doc_id)
WITH v, v.rel_id AS rel_id, v.type AS type
DELETE v
RETURN DISTINCT rel_id, type
""")

DELETE_DOCUMENT = _q("""
MATCH (d:Document {doc_id: $doc_id})
OPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)
WITH d, collect(DISTINCT e.entity_id) AS mentioned
DETACH DELETE d
RETURN mentioned
""")


@cache
def recount_relations(type_: str) -> str:
    """Aggregates of relations that lost evidence; those left with none are deleted. Returns endpoints."""
    return _q(f"""
UNWIND $rel_ids AS rid
MATCH (s:Entity)-[r:{rel_type(type_)} {{rel_id: rid}}]->(t:Entity) USING INDEX r:{rel_type(type_)}(rel_id)
{_aggregate("rid")}
WITH r, s.entity_id AS source, t.entity_id AS target
FOREACH (_ IN CASE WHEN r.count = 0 THEN [1] ELSE [] END | DELETE r)
RETURN source, target
""")


DELETE_ORPHANS = _q("""
UNWIND $ids AS id
MATCH (e:Entity {entity_id: id})
WHERE NOT EXISTS { (e)--() }
DELETE e
""")

CLEAR = """
MATCH (n) WHERE n:Entity OR n:Document OR n:Evidence OR n:Decision OR n:WorkspaceRecord
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
"""

# -- reads ---------------------------------------------------------------------------------------
#: the properties a ``Document`` is built from (not the raw extraction, which can be bigger than the text)
DOCUMENT = _q("""
MATCH (d:Document {doc_id: $doc_id}) WHERE d.incomplete IS NULL
RETURN d {.doc_id, .title, .source, .lang, .format, .date, .grading, .handling, .pages, .metadata, .text} AS d
""")

HAS_DOCUMENT = _q("MATCH (d:Document {doc_id: $doc_id}) WHERE d.incomplete IS NULL RETURN count(d) > 0 AS found")

DOCUMENT_NODE = _q("MATCH (d:Document {doc_id: $doc_id}) RETURN count(d) > 0 AS found")

LIST_DOCUMENTS = _q("""
MATCH (d:Document) WHERE d.incomplete IS NULL
RETURN d.doc_id AS doc_id, d.title AS title, d.source AS source, d.lang AS lang, d.format AS format,
       d.date AS date, d.grading AS grading, d.handling AS handling, d.length AS length,
       d.ingested_at AS ingested_at
ORDER BY d.source, d.doc_id SKIP $offset LIMIT $limit
""")

DOCUMENT_HANDLING = _q("""
MATCH (d:Document) WHERE d.incomplete IS NULL
RETURN d.doc_id AS doc_id, d.handling AS handling, d.ingested_at AS ingested_at
""")

_ENTITY_MAP = "e {.entity_id, .type, .name, .properties, .aliases, .identifiers}"

GET_ENTITIES = _q(f"UNWIND $ids AS id MATCH (e:Entity {{entity_id: id}}) RETURN {_ENTITY_MAP} AS e")

ENTITY_PAGE = _q(f"""
MATCH (e:Entity) USING INDEX e:Entity(entity_id) WHERE e.entity_id > $after
RETURN {_ENTITY_MAP} AS e ORDER BY e.entity_id LIMIT $limit
""")

SEARCH = _q("""
CALL () {
  MATCH (e:Entity) USING TEXT INDEX e:Entity(search_text) WHERE e.search_text CONTAINS $q RETURN e
  UNION
  MATCH (e:Entity) USING TEXT INDEX e:Entity(search_text) WHERE e.search_text CONTAINS $compact RETURN e
}
WITH e WHERE $type IS NULL OR e.type = $type
WITH e, [a IN e.aliases_norm WHERE a CONTAINS $q] AS names, [v IN e.ident_values WHERE v CONTAINS $compact] AS idents
WITH e,
     CASE WHEN size(names) = 0 THEN [] ELSE [
       1000000 * CASE WHEN $q IN names THEN 0 WHEN any(a IN names WHERE a STARTS WITH $q) THEN 1 ELSE 2 END
       + reduce(m = size(names[0]), a IN names | CASE WHEN size(a) < m THEN size(a) ELSE m END)] END
     + [v IN idents | 1000000 * CASE WHEN v = $compact THEN 0 ELSE 1 END + size(v)] AS keys
UNWIND keys AS key
WITH e.entity_id AS entity_id, min(key) AS best
RETURN entity_id ORDER BY best, entity_id LIMIT $limit
""")

MENTIONS_OF = _q("""
MATCH (d:Document)-[m:MENTIONS]->(e:Entity {entity_id: $entity_id}) USING INDEX e:Entity(entity_id)
RETURN e.entity_id AS entity_id, m.text AS text, m.type AS type, m.start AS start, m.end AS end,
       d.doc_id AS doc_id
ORDER BY d.doc_id, m.start LIMIT $limit
""")

DOCUMENT_MENTIONS = _q("""
UNWIND $ids AS id
MATCH (d:Document {doc_id: id})-[m:MENTIONS]->(e:Entity)
RETURN e.entity_id AS entity_id, m.text AS text, m.type AS type, m.start AS start, m.end AS end,
       d.doc_id AS doc_id
ORDER BY d.doc_id, m.start, m.end, e.entity_id
""")

RAW_EXTRACTION = _q("MATCH (d:Document {doc_id: $doc_id}) WHERE d.incomplete IS NULL RETURN d.extraction AS extraction")


@cache
def adjacent(types: frozenset[str]) -> str:
    """Edges of the given relation types touching any of ``$ids``, as (source, target, type)."""
    return _q(f"""
UNWIND $ids AS id
MATCH (e:Entity {{entity_id: id}})-[r{type_alternation(types)}]-(:Entity)
RETURN DISTINCT startNode(r).entity_id AS source, endNode(r).entity_id AS target, type(r) AS type
""")


_EVIDENCE = """COLLECT {
    MATCH (v:Evidence {rel_id: r.rel_id}) USING INDEX v:Evidence(rel_id)
    RETURN v {.doc_id, .start, .end, .sentence, .method, .extractor, .confidence, .weight, .date, .page}
    ORDER BY v.doc_id, v.start, v.end, v.method
  }"""

_RELATION_ROW = f"""s.entity_id AS source, t.entity_id AS target, type(r) AS type, r.rel_id AS rel_id,
       r.properties AS properties, {_EVIDENCE} AS evidence"""


@cache
def relations_between(types: frozenset[str]) -> str:
    """Relations (with evidence) whose two ends are both in ``$ids``."""
    return _q(f"""
MATCH (s:Entity)-[r{type_alternation(types)}]->(t:Entity) USING INDEX s:Entity(entity_id)
WHERE s.entity_id IN $ids AND t.entity_id IN $ids
RETURN {_RELATION_ROW}
""")


@cache
def relations_from(types: frozenset[str]) -> str:
    """Relations (with evidence) leaving the next ``$limit`` entities after ``$after`` in ``entity_id`` order.

    One statement for every relation type: a page is an index seek on ``entity_id`` and an expand
    from each entity, so it costs what the page holds whatever the graph's size, and the server
    plans one statement instead of one per relation type. An entity with no outgoing relation
    gives one row with a null ``type``, so that the caller sees where the page ended.
    """
    return _q(f"""
MATCH (s:Entity) USING INDEX s:Entity(entity_id) WHERE s.entity_id > $after
WITH s ORDER BY s.entity_id LIMIT $limit
OPTIONAL MATCH (s)-[r{type_alternation(types)}]->(t:Entity)
WITH s, r, t ORDER BY s.entity_id, type(r), r.rel_id
RETURN s.entity_id AS anchor, {_RELATION_ROW}
""")


RELATIONS_CITING = _q("""
UNWIND $ids AS id
MATCH (v:Evidence {doc_id: id}) USING INDEX v:Evidence(doc_id)
RETURN DISTINCT v.type AS type, v.rel_id AS rel_id
""")


@cache
def relations_by_id(type_: str) -> str:
    """Relations of one type (with all their evidence) whose ``rel_id`` is in ``$ids``."""
    rel = rel_type(type_)
    return _q(f"""
UNWIND $ids AS id
MATCH (s:Entity)-[r:{rel} {{rel_id: id}}]->(t:Entity) USING INDEX r:{rel}(rel_id)
RETURN {_RELATION_ROW}
""")


@cache
def relation_counts() -> str:
    """Relations per type, read from the count store (one branch per schema relation)."""
    return _q("\nUNION ALL\n".join(
        f"MATCH ()-[r:{rel_type(name)}]->() RETURN '{name}' AS type, count(r) AS n" for name in entity_relation_types()
    ))


DOCUMENTS_MENTIONING = _q("""
UNWIND $ids AS id
MATCH (e:Entity {entity_id: id})
CALL (e) {
  MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.doc_id AS doc_id
  UNION
  MATCH (e)-[r]-(:Entity) MATCH (v:Evidence {rel_id: r.rel_id}) USING INDEX v:Evidence(rel_id)
  RETURN v.doc_id AS doc_id
}
RETURN DISTINCT doc_id ORDER BY doc_id
""")

#: A page of the projection: the next ``$limit`` entities after ``$after`` (``entity_id`` order,
#: filtered by ``$types``) and the edges leaving them, each as one list. The driver decodes a few
#: big lists about three times faster than a record per edge, and a page bounds what the server
#: holds. Order is left to ``base.build_projection``.
@cache
def projection_page(types: frozenset[str]) -> str:
    return _q(f"""
MATCH (s:Entity) USING INDEX s:Entity(entity_id) WHERE s.entity_id > $after
WITH s ORDER BY s.entity_id LIMIT $limit
WITH collect(s) AS page
CALL (page) {{
  UNWIND page AS s
  MATCH (s)-[r{type_alternation(types)}]->(t:Entity)
  RETURN collect([s.entity_id, t.entity_id, type(r), r.weight, r.count, r.first_seen, r.last_seen]) AS edges
}}
RETURN [s IN page WHERE $types IS NULL OR s.type IN $types | [s.entity_id, s.type, s.name]] AS nodes, edges,
       size(page) AS size, page[-1].entity_id AS last
""")


COUNTS = _q("""
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (n:Evidence) RETURN count(n) AS evidence }
CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
RETURN documents, entities, evidence, mentions
""")

ENTITY_COUNTS = _q("MATCH (e:Entity) RETURN e.type AS type, count(e) AS n")

# -- resolution decisions ------------------------------------------------------------------------
SAVE_DECISIONS = _q("UNWIND $rows AS row MERGE (d:Decision {decision_id: row.decision_id}) SET d = row")

LIST_DECISIONS = _q("""
MATCH (d:Decision)
WHERE ($kind IS NULL OR d.kind = $kind) AND ($status IS NULL OR d.status = $status)
  AND ($entity_id IS NULL OR d.a = $entity_id OR d.b = $entity_id)
RETURN d.decision_id AS decision_id, d.kind AS kind, d.a AS a, d.b AS b, d.score AS score, d.reason AS reason,
       d.features AS features, d.who AS who, d.at AS at, d.status AS status
ORDER BY d.at, d.decision_id
""")

SET_DECISION_STATUS = _q("MATCH (d:Decision {decision_id: $decision_id}) SET d.status = $status RETURN count(d) AS n")

# -- workspace records (investigations, notes): beside the graph, never part of it ----------------
SAVE_RECORD = _q("MERGE (w:WorkspaceRecord {key: $row.key}) SET w = $row")

LIST_RECORDS = _q("""
MATCH (w:WorkspaceRecord {kind: $kind}) USING INDEX w:WorkspaceRecord(kind)
WHERE ($owner IS NULL OR w.owner = $owner) AND ($target IS NULL OR w.target = $target)
  AND ($record_id IS NULL OR w.record_id = $record_id)
RETURN w.kind AS kind, w.record_id AS record_id, w.owner AS owner, w.target AS target,
       w.updated_at AS updated_at, w.data AS data
ORDER BY w.updated_at, w.record_id
""")

DELETE_RECORD = _q("OPTIONAL MATCH (w:WorkspaceRecord {key: $key}) DETACH DELETE w RETURN count(w) AS n")

CLEAR_RECORDS = "MATCH (w:WorkspaceRecord) DETACH DELETE w"
