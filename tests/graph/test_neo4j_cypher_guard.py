"""Analysts' Cypher is read-only by the server's plan: the red-team payloads of the security review
(a LOAD CSV hidden behind a comment opener inside a string, admin commands, a procedure that
changes server state), a byte cap on answers and a timeout that holds while rows stream in."""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factories import doc_one
from graph.errors import Forbidden, InvalidInput
from graph.store.cypher_guard import check_read_plan

NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
needs_server = pytest.mark.skipif(not NEO4J_URL, reason="no Neo4j server: set HAVENGRAPH_TEST_NEO4J_URL")
pytestmark = [pytest.mark.neo4j, pytest.mark.xdist_group("neo4j")]

PASSWD = "WITH '/*' AS a LOAD CSV FROM 'file:///../../../../etc/passwd' AS row WITH a, row, '*/' AS b RETURN row"


@needs_server
def test_load_csv_behind_a_comment_opener_in_a_string_is_refused(neo):
    with pytest.raises(Forbidden, match="LOAD CSV"):
        neo.run_read_cypher(PASSWD)


@needs_server
def test_load_csv_from_a_loopback_url_never_reaches_it(neo):
    hits: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"name\nsecret\n")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/internal.csv"
        for query in (f"WITH '/*' AS a LOAD CSV FROM '{url}' AS row WITH a, row, '*/' AS b RETURN row",
                      f"lOaD cSv WiTh HeAdErS FROM '{url}' AS row RETURN row.name",
                      "LOAD CSV FROM $u AS row RETURN row"):
            with pytest.raises(Forbidden, match="LOAD CSV"):
                neo.run_read_cypher(query, {"u": url})
    finally:
        server.shutdown()
    assert hits == []


@needs_server
@pytest.mark.parametrize("query", ["SHOW TRANSACTIONS", "SHOW USERS", "CALL db.clearQueryCaches()",
                                   "SHOW INDEXES", "CREATE INDEX intruder FOR (n:Person) ON (n.nickname)",
                                   "CALL dbms.listConfig()", "CALL () { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n",
                                   "MATCH (n) SET n.flag = 1 RETURN n", "CREATE (n:Entity {entity_id: 'x'}) RETURN n"])
def test_admin_schema_write_and_unlisted_procedure_commands_are_refused(neo, query):
    neo.write(doc_one())
    before = neo.stats()
    with pytest.raises(Forbidden):
        neo.run_read_cypher(query)
    assert neo.stats() == before


@needs_server
def test_terminate_transactions_cannot_kill_another_users_query(neo):
    with neo._session() as other, other.begin_transaction(metadata={"who": "another analyst"}) as running:
        assert running.run("RETURN 1 AS one").single()["one"] == 1
        with neo._session() as admin:
            (tx_id,) = [r["id"] for r in admin.run("SHOW TRANSACTIONS YIELD transactionId AS id, metaData "
                                                   "WHERE metaData.who = 'another analyst' RETURN id")]
        with pytest.raises(Forbidden):
            neo.run_read_cypher(f"TERMINATE TRANSACTIONS '{tx_id}'")
        with pytest.raises(Forbidden):
            neo.run_read_cypher("TERMINATE TRANSACTIONS $ids", {"ids": [tx_id]})
        assert running.run("RETURN 2 AS two").single()["two"] == 2  # still alive


@needs_server
def test_read_procedures_on_the_allowlist_run(neo):
    neo.write(doc_one())
    labels = {r["label"] for r in neo.run_read_cypher("CALL db.labels() YIELD label RETURN label")}
    assert {"Entity", "Person", "Document"} <= labels
    rows = neo.run_read_cypher("MATCH p = shortestPath((a:Person)-[*..3]-(b:Company)) RETURN length(p) AS hops")
    assert rows and all(r["hops"] >= 1 for r in rows)


@needs_server
def test_answers_are_capped_in_bytes(neo):
    with pytest.raises(InvalidInput, match="bytes"):  # one 23 MB row
        neo.run_read_cypher("RETURN range(1,3000000)", max_bytes=1_000_000)
    rows = neo.run_read_cypher("UNWIND range(1, 500) AS x RETURN x, range(1, 1000) AS pad", max_bytes=100_000)
    assert rows.truncated and "bytes" in rows.reason and 0 < len(rows) < 500


@needs_server
def test_the_timeout_holds_while_rows_stream_in(neo):
    query = "UNWIND range(1, 3000) AS x RETURN x, range(1, 20000) AS pad"  # 3000 rows of 20,000 numbers
    started = time.monotonic()
    with pytest.raises(InvalidInput, match="stopped"):
        neo.run_read_cypher(query, limit=100_000, timeout=1.0, max_bytes=10**10)
    assert time.monotonic() - started < 4.0


def test_a_plan_is_checked_operator_by_operator_without_a_server():
    def op(name: str, *children: dict, details: str = "") -> dict:
        return {"operatorType": f"{name}@neo4j", "args": {"Details": details}, "children": list(children)}

    check_read_plan(op("ProduceResults", op("Expand(All)", op("NodeIndexSeek"))), "r")
    check_read_plan(op("ProduceResults", op("ProcedureCall", details="db.labels() :: (label :: STRING)")), "r")
    for plan, word in ((op("ProduceResults", op("Filter", op("LoadCSV"))), "LOAD CSV"),
                       (op("ProduceResults", op("ProcedureCall", details="db.clearQueryCaches() :: (value)")),
                        "db.clearQueryCaches"),
                       ({"operatorType": "AdministrationCommand@system", "args": {}}, "administration"),
                       (op("ProduceResults", op("NodeUniqueIndexSeek(Locking)")), "Locking")):
        with pytest.raises(Forbidden, match=word):
            check_read_plan(plan, "r")
    with pytest.raises(Forbidden, match="'rw'"):
        check_read_plan(op("ProduceResults", op("Projection")), "rw")
