"""Neo4j backend beyond the shared contract: URLs, faults at start, read-only Cypher, and a
differential run against the embedded store on a random case (same writes, same answers)."""

from __future__ import annotations

import os
import random
import socket
import threading
from dataclasses import replace

import pytest

from factories import JAN, ZL, doc_one, doc_two
from graph.errors import DocumentNotFound, Forbidden, InvalidInput, StoreUnavailable
from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.store import open_store
from graph.store.neo4j import Neo4jStore, parse_url, prepare_rows

NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
needs_server = pytest.mark.skipif(not NEO4J_URL, reason="no Neo4j server: set HAVENGRAPH_TEST_NEO4J_URL "
                                                         "(`scripts/neo4j start` prints it)")
pytestmark = [pytest.mark.neo4j, pytest.mark.xdist_group("neo4j")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- a random case: the same writes go to both stores ---------------------------------------------
FIRST = ["Jan", "Els", "Rüdiger", "Fatima", "Koen", "Anaïs", "Pieter", "Youssef"]
LAST = ["Peeters", "Maës", "Janssens", "El Amrani", "De Smet", "Van Damme"]
FIRMS = ["Zeebrugge Logistics BVBA", "Scheldt Forwarding NV", "Antwerp Shipping NV", "Noordzee Cargo BV"]


def random_case(n_docs: int, seed: int = 7) -> list[Extraction]:
    """Documents whose entities overlap, with alias variants, first-wins properties and dated evidence."""
    rnd = random.Random(seed)
    people = [f"{f} {surname}" for f in FIRST for surname in LAST]
    pool: list[tuple[str, str, dict[str, str]]] = [("PERSON", p, {}) for p in people]
    pool += [("COMPANY", f, {}) for f in FIRMS]
    pool += [("VESSEL", f"Elba {i}", {"IMO": f"90747{i:02d}"}) for i in range(6)]
    pool += [("PHONE", f"+3247012{i:04d}", {"PHONE": f"+3247012{i:04d}"}) for i in range(8)]
    pool += [("PORT", "Antwerp", {"LOCODE": "BEANR"}), ("PORT", "Zeebrugge", {"LOCODE": "BEZEE"})]
    pool += [("HANDLE", f"@kapitein{i}", {}) for i in range(3)]  # chat accounts, not persons
    kinds = {("PERSON", "PERSON"): ["CONTACTED", "FAMILY_OF", "ASSOCIATE_OF"], ("PERSON", "COMPANY"): ["DIRECTOR_OF",
             "EMPLOYED_BY"], ("COMPANY", "VESSEL"): ["OPERATES", "OWNS"], ("VESSEL", "PORT"): ["CALLED_AT"],
             ("PERSON", "PHONE"): ["HAS_PHONE"], ("PHONE", "PHONE"): ["CONTACTED"], ("PERSON", "PORT"): ["WORKS_AT"],
             ("PERSON", "HANDLE"): ["HAS_HANDLE"], ("HANDLE", "PHONE"): ["CONTACTED"], ("HANDLE", "HANDLE"): ["CONTACTED"]}
    out = []
    for d in range(n_docs):
        chosen = rnd.sample(pool, rnd.randint(3, 7))
        names = [n.upper() if rnd.random() < 0.15 and t == "PERSON" else n for t, n, _ in chosen]
        text = f"Report {d}. " + " ".join(f"{n} was seen." for n in names) + " End of report."
        doc = Document(doc_id=Document.id_for_bytes(text.encode()), text=text, title=f"r{d}", source=f"r{d:03d}.txt",
                       date=f"2024-0{1 + d % 9}-1{d % 10}", grading=rnd.choice([None, "B2", "C3"]),
                       metadata={"case": "OP-" + str(d % 3)}, pages=[0])
        entities, mentions = [], []
        for (type_, name, idents), shown in zip(chosen, names, strict=True):
            eid = entity_id(type_, name, idents)
            props = {rnd.choice(["role", "born", "flag"]): rnd.choice(["docker", "1971", "BE"])} \
                if rnd.random() < 0.4 else {}
            entities.append(Entity(eid, type_, shown, identifiers=dict(idents), properties=props))
            start = text.index(shown)
            mentions.append(Mention(eid, shown, type_, start, start + len(shown), doc.doc_id))
        relations = []
        for a in entities:
            for b in entities:
                options = kinds.get((a.type, b.type), [])
                if a is b or not options or rnd.random() < 0.4:
                    continue
                sentence = f"{a.name} was seen."
                start = text.index(sentence)
                ev = Evidence(doc.doc_id, start, start + len(sentence), sentence, rnd.choice(["rule", "dependency"]),
                              "test/1", 0.9, rnd.choice([1.0, 0.5, 2.0]), rnd.choice([None, doc.date]))
                relations.append(Relation(a.entity_id, b.entity_id, rnd.choice(options), [ev],
                                          {"note": f"d{d}"} if rnd.random() < 0.2 else {}))
        first, second = entities[0], entities[1]
        relations.append(Relation(first.entity_id, second.entity_id, "CO_MENTIONED",
                                  [Evidence(doc.doc_id, 0, len(text), text, "cooccurrence", weight=0.25)]))
        out.append(Extraction(document=doc, entities=entities, mentions=mentions, relations=relations))
    return out


def snapshot(store) -> dict:
    """Everything a reader can see, in a form that does not depend on the backend's ordering."""
    stats = dict(store.stats())
    stats.pop("store")
    entities = {e.entity_id: e.to_dict() for e in store.iter_entities()}
    relations = sorted((r.source, r.type, r.target, tuple(sorted(r.evidence, key=repr)), tuple(sorted(r.properties)))
                       for r in store.iter_relations())
    graph = store.projection()
    edges = sorted((s, t, k, round(d["weight"], 9), d["count"], d["first_seen"], d["last_seen"], d["weak"])
                   for s, t, k, d in graph.edges(keys=True, data=True))
    docs = [{k: v for k, v in d.items() if k != "ingested_at"} for d in store.list_documents(limit=1000)]
    mentions = {eid: sorted(store.mentions(eid, limit=1000), key=repr) for eid in entities}
    return {"stats": stats, "entities": entities, "relations": relations, "edges": edges, "docs": docs,
            "mentions": mentions, "nodes": dict(graph.nodes(data=True))}


# -- no server needed -----------------------------------------------------------------------------
def test_url_is_parsed_and_the_password_never_shown(monkeypatch):
    t = parse_url("neo4j://neo4j:p%40ss%3Aword@db.example:7688?database=case42")
    assert t.uri == "neo4j://db.example:7688" and t.auth == ("neo4j", "p@ss:word") and t.database == "case42"
    assert "word" not in t.redacted and t.redacted == "neo4j://neo4j@db.example:7688?database=case42"
    assert parse_url("bolt://localhost").uri == "bolt://localhost:7687"
    monkeypatch.setenv("HAVENGRAPH_NEO4J_PASSWORD", "from-env-1")
    assert parse_url("bolt://reader@localhost:7687").auth == ("reader", "from-env-1")
    with pytest.raises(InvalidInput):
        parse_url("neo4j://neo4j:pw@host:notaport")


def test_server_down_at_start_is_a_clear_error():
    port = free_port()
    with pytest.raises(StoreUnavailable) as err:
        open_store(f"neo4j://neo4j:very-secret-pw@127.0.0.1:{port}")
    message = str(err.value)
    assert f"neo4j://neo4j@127.0.0.1:{port}" in message and "scripts/neo4j start" in message
    assert "very-secret-pw" not in message


# -- against the server ---------------------------------------------------------------------------
@needs_server
def test_wrong_credentials_are_a_clear_error():
    url = NEO4J_URL.replace("://neo4j:", "://havengraph-nobody:", 1)
    with pytest.raises(StoreUnavailable, match="user name or password") as err:
        open_store(url)
    assert parse_url(NEO4J_URL).auth[1] not in str(err.value)


@needs_server
def test_schema_constraints_labels_and_relationship_types(neo):
    neo.write(doc_one())
    with neo._session() as session:  # SHOW is a schema command: analysts' Cypher refuses it
        names = {r["name"] for r in session.run("SHOW INDEXES YIELD name RETURN name")}
    assert {"hg_entity_id", "hg_document_id", "hg_evidence_doc", "hg_entity_search", "hg_rel_director_of"} <= names
    rows = neo.run_read_cypher("MATCH (p:Person)-[r:DIRECTOR_OF]->(c:Company) RETURN p.entity_id AS p, r.count AS n, "
                               "c.entity_id AS c")
    assert rows == [{"p": JAN.entity_id, "n": 1, "c": ZL.entity_id}]
    (ev,) = neo.run_read_cypher("MATCH (v:Evidence {type: 'DIRECTOR_OF'}) RETURN v.doc_id AS doc")
    assert ev["doc"] == doc_one().document.doc_id
    assert neo.stats()["store"] == neo.url and ":havengraph" not in neo.url


@needs_server
def test_read_only_cypher_rows_limit_params_and_refusals(neo):
    neo.write(doc_one())
    neo.write(doc_two())
    rows = neo.run_read_cypher("MATCH (e:Entity {entity_id: $id})-[r]-(o:Entity) RETURN e, r, o.name AS name "
                               "ORDER BY name", {"id": JAN.entity_id})
    assert rows[0]["e"]["_labels"] == ["Entity", "Person"] and rows[0]["e"]["name"] == "Jan Peeters"
    assert {r["r"]["_type"] for r in rows} >= {"DIRECTOR_OF", "CONTACTED"}
    capped = neo.run_read_cypher("UNWIND range(1, 5000) AS x RETURN x", limit=7)
    assert len(capped) == 7 and capped.truncated
    before = neo.stats()
    with pytest.raises(Forbidden, match="read-only"):
        neo.run_read_cypher("CREATE (:Entity {entity_id: 'person:intruder'}) RETURN 1")
    with pytest.raises(Forbidden):
        neo.run_read_cypher("MATCH (e:Entity) DETACH DELETE e")
    with pytest.raises(Forbidden, match="LOAD CSV"):
        neo.run_read_cypher("load /* x */ csv from 'http://example.org/x.csv' AS row RETURN row")
    assert neo.stats() == before
    with pytest.raises(InvalidInput, match="rejected"):
        neo.run_read_cypher("MATCH (n RETURN n")
    with pytest.raises(InvalidInput, match="stopped"):
        neo.run_read_cypher("UNWIND range(1, 300000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)", timeout=0.5)
    with pytest.raises(InvalidInput):
        neo.run_read_cypher("RETURN 1", limit=0)


@needs_server
def test_unknown_endpoint_is_refused_and_nothing_is_written(neo):
    bad = doc_one()
    bad.relations.append(Relation(JAN.entity_id, "company:ghost-bv", "DIRECTOR_OF",
                                  [Evidence(bad.document.doc_id, 0, 3, "Jan", "rule")]))
    with pytest.raises(InvalidInput, match="company:ghost-bv"):
        neo.write(bad)
    assert neo.stats()["documents"] == 0 and neo.stats()["entities"] == 0


@needs_server
@pytest.mark.parametrize("fault", ["bad type", "ghost endpoint"])
def test_a_bad_document_late_in_a_stream_keeps_the_batches_before_it(neo, fault):
    """Batches are prepared while the one before is written: a bad document stops the stream
    with a clear error, the batches before it are committed, its own batch is not, no thread is left."""
    case = random_case(12)
    bad = case[9]
    if fault == "bad type":
        bad.relations.append(Relation(bad.entities[0].entity_id, bad.entities[1].entity_id, "BRIBED", []))
    else:
        bad.relations.append(Relation(bad.entities[0].entity_id, "company:ghost-bv", "DIRECTOR_OF",
                                      [Evidence(bad.document.doc_id, 0, 3, "x", "rule")]))
    small = Neo4jStore(NEO4J_URL, batch_rows=60)
    try:
        with pytest.raises(InvalidInput, match="BRIBED" if fault == "bad type" else "company:ghost-bv"):
            small.write_many(iter(case))
        stored = [small.has_document(ex.document.doc_id) for ex in case]
    finally:
        small.close()
    assert stored[0] and not stored[9] and not any(stored[10:])
    assert stored == sorted(stored, reverse=True)  # a prefix of the stream, nothing after the bad one
    assert not [t for t in threading.enumerate() if t.name.startswith("havengraph-neo4j-writer")]


@needs_server
def test_same_answers_as_the_embedded_store(neo, tmp_path):
    """Batches, re-writes, replacements and deletions give the same graph on both backends."""
    lite = open_store(f"sqlite:///{tmp_path / 'ref.db'}")
    case = random_case(40)
    newer = random_case(3, seed=99)
    for doc, other in zip(case[5:8], newer, strict=True):  # new versions of three documents
        other.document = doc.document
        for rel in other.relations:
            rel.evidence = [Evidence(doc.document.doc_id, e.start, e.end, e.sentence, e.method, weight=e.weight)
                            for e in rel.evidence]
        other.mentions = []
    small = Neo4jStore(NEO4J_URL, batch_rows=60)  # several transactions per write_many
    try:
        for store in (lite, small):
            assert store.write_many(case[:25]) == ["written"] * 25
            assert store.write_many(case[20:] + case[:2]) == ["skipped"] * 5 + ["written"] * 15 + ["skipped"] * 2
            assert store.write_many(newer, replace=True) == ["replaced"] * 3
            assert store.write(case[30], replace=True) == "replaced"
            for doc in case[10:16]:
                assert store.delete_document(doc.document.doc_id)
    finally:
        small.close()
    expected = snapshot(lite)
    assert snapshot(neo) == expected
    assert expected["stats"]["relations"] > 100
    for query in ("peeters", "EL AMRANI", "anais", "9074702", "+32470120003", "antw", "de smet"):
        assert [e.entity_id for e in neo.search(query)] == [e.entity_id for e in lite.search(query)], query
    assert [e.entity_id for e in neo.search("peeters", type="PERSON", limit=3)] == \
        [e.entity_id for e in lite.search("peeters", type="PERSON", limit=3)]
    some = sorted(expected["entities"])[::7]
    assert neo.documents_mentioning(some) == lite.documents_mentioning(some)
    for eid in some[:4]:
        a, b = neo.neighbors(eid, depth=2), lite.neighbors(eid, depth=2)
        assert {n.entity_id for n in a.nodes} == {n.entity_id for n in b.nodes}
        assert sorted((r.source, r.type, r.target) for r in a.edges) == \
            sorted((r.source, r.type, r.target) for r in b.edges)
    for doc in case[:3]:
        assert neo.raw_extraction(doc.document.doc_id).to_json() == lite.raw_extraction(doc.document.doc_id).to_json()
        assert neo.get_document(doc.document.doc_id) == lite.get_document(doc.document.doc_id)
    lite.close()


@needs_server
def test_evidence_citing_another_document_is_kept_once(neo, tmp_path):
    """A piece of evidence is (relation, document, span, method): written twice, stored once; it goes
    with the document it cites."""
    lite = open_store(f"sqlite:///{tmp_path / 'cite.db'}")
    one, two = doc_one(), doc_two()
    cited = two.document.doc_id
    ev = Evidence(cited, 0, 12, "Rüdiger Maës", "analyst", "analyst:kim", 1.0, 2.0, "2023-05-01")
    one.relations.append(Relation(JAN.entity_id, ZL.entity_id, "DIRECTOR_OF", [ev]))
    two.entities.append(ZL)
    two.relations.append(Relation(JAN.entity_id, ZL.entity_id, "DIRECTOR_OF", [ev, ev]))
    for store in (lite, neo):
        store.write(one)
        store.write(two)
    assert snapshot(neo) == snapshot(lite)
    (rel,) = [r for r in neo.relations_between([JAN.entity_id, ZL.entity_id]) if r.type == "DIRECTOR_OF"]
    assert len(rel.evidence) == 2 and neo.projection()[JAN.entity_id][ZL.entity_id]["DIRECTOR_OF"]["weight"] == 3.0
    for store in (lite, neo):
        store.delete_document(cited)
    assert snapshot(neo) == snapshot(lite)
    (rel,) = [r for r in neo.relations_between([JAN.entity_id, ZL.entity_id]) if r.type == "DIRECTOR_OF"]
    assert [e.doc_id for e in rel.evidence] == [one.document.doc_id]
    lite.close()


@needs_server
def test_concurrent_writers_store_each_document_once(neo, tmp_path):
    """Two writers on overlapping documents and entities: no failure, nothing twice."""
    import threading

    case = random_case(60, seed=5)
    results: dict[str, list[str]] = {}
    errors: list[Exception] = []
    start = threading.Barrier(2)

    def writer(name: str, docs: list[Extraction]) -> None:
        store = open_store(NEO4J_URL)
        start.wait()
        try:
            out = []
            for i in range(0, len(docs), 2):
                out += store.write_many(docs[i:i + 2])
            results[name] = out
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=("forward", case)),
               threading.Thread(target=writer, args=("backward", case[::-1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert results["forward"].count("written") + results["backward"].count("written") == len(case)
    lite = open_store(f"sqlite:///{tmp_path / 'seq.db'}")
    lite.write_many(case)
    mine, theirs = snapshot(neo), snapshot(lite)
    assert mine["stats"] == theirs["stats"] and mine["edges"] == theirs["edges"]
    assert set(mine["entities"]) == set(theirs["entities"])
    lite.close()


def big_document(n_docs: int) -> Extraction:
    """One document carrying the facts of ``n_docs`` random ones (like a large edge list)."""
    case = random_case(n_docs, seed=21)
    text = "\n".join(ex.document.text for ex in case)
    doc = Document(doc_id=Document.id_for_bytes(text.encode()), text=text, title="big", source="big.csv", format="csv")
    relations = [Relation(r.source, r.target, r.type, [replace(e, doc_id=doc.doc_id) for e in r.evidence], r.properties)
                 for ex in case for r in ex.relations]
    mentions = [Mention(m.entity_id, m.text, m.type, m.start, m.end, doc.doc_id) for ex in case for m in ex.mentions]
    return Extraction(document=doc, entities=[e for ex in case for e in ex.entities], mentions=mentions,
                      relations=relations)


@needs_server
def test_big_document_is_written_in_parts_and_an_interrupted_write_starts_over(neo, tmp_path):
    lite = open_store(f"sqlite:///{tmp_path / 'big.db'}")
    big = big_document(25)
    doc_id = big.document.doc_id
    parts = Neo4jStore(NEO4J_URL, batch_rows=80)
    try:
        assert len(prepare_rows(big).parts(80)) > 5
        bad = big_document(25)
        bad.relations.append(Relation(JAN.entity_id, "company:ghost-bv", "DIRECTOR_OF", []))
        with pytest.raises(InvalidInput, match="ghost"):
            parts.write(bad)
        assert neo.stats()["entities"] == 0
        # a run that stops after two of its transactions leaves nothing visible
        assert parts._write_in_parts(prepare_rows(big), replace=False, stop_after=2) == "written"
        assert not parts.has_document(doc_id) and parts.list_documents() == []
        with pytest.raises(DocumentNotFound):
            parts.get_document(doc_id)
        assert parts.write(big) == "written"  # started over, nothing twice
        lite.write(big)
        assert snapshot(neo) == snapshot(lite)
        assert parts.write(big) == "skipped"
        assert parts.write(big, replace=True) == "replaced"
        assert snapshot(neo) == snapshot(lite)
        assert parts.raw_extraction(doc_id).to_json() == lite.raw_extraction(doc_id).to_json()
        for store in (parts, lite):
            store.write(doc_one())
            assert store.delete_document(doc_id)
        assert snapshot(neo) == snapshot(lite)
    finally:
        parts.close()
        lite.close()


SCANS_ALLOWED = {"ENTITY_COUNTS", "LIST_DOCUMENTS", "DOCUMENT_HANDLING", "LIST_DECISIONS", "COUNTS", "WRITER_LOCK"}


def statements() -> dict[str, str]:
    """Every statement the store runs, by name (builders called for each type they serve)."""
    from graph.schema import SCHEMA
    from graph.store import cypher

    out = {name: value for name, value in vars(cypher).items()
           if name.isupper() and not name.startswith("_") and isinstance(value, str) and value.startswith("CYPHER ")}
    for type_ in ("DIRECTOR_OF", "CO_MENTIONED"):  # the builders differ by a type name only
        out[f"merge_relations({type_})"] = cypher.merge_relations(type_)
        out[f"recount_relations({type_})"] = cypher.recount_relations(type_)
    out["create_entities"] = cypher.create_entities(SCHEMA.entity_types[0])
    everything = frozenset(cypher.entity_relation_types())
    out["adjacent"] = cypher.adjacent(everything)
    out["relations_between"] = cypher.relations_between(everything)
    out["relations_from"] = cypher.relations_from(everything)
    out["projection_page"] = cypher.projection_page(everything)
    return out


@needs_server
def test_every_statement_plans_on_indexes(neo):
    """On an empty database too: a label scan where an index exists would make big writes quadratic."""
    operators: dict[str, list[str]] = {}
    with neo._session() as session:
        for name, statement in statements().items():
            plan = session.run("EXPLAIN " + statement).consume().plan
            found: list[str] = []
            stack = [plan]
            while stack:
                op = stack.pop()
                found.append(op["operatorType"].split("@")[0] + " " + op.get("args", {}).get("Details", ""))
                stack += op.get("children", [])
            operators[name] = found
    assert len(operators) > 35
    for name, found in operators.items():
        if name not in SCANS_ALLOWED:
            assert not [op for op in found if op.startswith(("NodeByLabelScan", "AllNodesScan"))], (name, found)
    assert any("Evidence(rel_id)" in op for op in operators["EXISTING_EVIDENCE"])
    assert any("Evidence(doc_id)" in op for op in operators["DELETE_DOCUMENT_EVIDENCE"])
    assert any(op.startswith("NodeIndexContainsScan") for op in operators["SEARCH"])
