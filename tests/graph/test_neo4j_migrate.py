"""``havengraph migrate``: embedded -> Neo4j -> embedded gives back the same graph; ``havengraph cypher``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_neo4j_store import random_case, snapshot
from typer.testing import CliRunner

from api.cli import app
from graph.errors import InvalidInput
from graph.model import Evidence, Extraction, Relation
from graph.store import open_store
from graph.store.migrate import migrate

NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.xdist_group("neo4j"),
    pytest.mark.skipif(not NEO4J_URL, reason="no Neo4j server: set HAVENGRAPH_TEST_NEO4J_URL"),
]
ROOT = Path(__file__).resolve().parents[2]


def build_source(url: str) -> None:
    """A graph with everything migration must carry: resolved ids, raw extractions, decisions, deletions."""
    store = open_store(url)
    case = random_case(30, seed=3)
    resolved = case[4]
    raw = random_case(30, seed=3)[4]
    first = resolved.entities[0]
    resolved.raw = raw  # as resolution leaves it: the stored facts differ from the raw extraction
    resolved.entities[0] = type(first)(first.entity_id, first.type, first.name, ["Alias Merged In"],
                                       first.identifiers, {"merged": True, "nested": {"a": [1, 2]}})
    # evidence citing a document the store does not hold still belongs to the graph
    resolved.relations.append(Relation(resolved.entities[0].entity_id, resolved.entities[1].entity_id, "CO_MENTIONED",
                                       [Evidence("f" * 64, 1, 5, "elsewhere", "analyst", "analyst:kim", 1.0, 3.0,
                                                 "2023-12-31", 2)]))
    store.write_many(case)
    store.write(Extraction(document=case[9].document, relations=case[9].relations[:1], entities=case[9].entities,
                           mentions=case[9].mentions[:2]), replace=True)
    store.delete_document(case[12].document.doc_id)
    store.save_decision({"kind": "merge", "a": first.entity_id, "b": "person:old-id", "score": 0.97,
                         "reason": "same phone", "features": {"phone": 1.0, "name": 0.81}, "who": "analyst:kim"})
    undone = store.save_decision({"kind": "distinct", "a": first.entity_id, "b": "person:other", "who": "resolver"})
    store.set_decision_status(undone["decision_id"], "undone")
    store.save_decision({"kind": "candidate", "a": "person:x", "b": "person:y", "score": None, "who": "resolver"})
    store.close()


def full_picture(store) -> dict:
    picture = snapshot(store)
    picture["decisions"] = store.list_decisions(status=None)
    ids = [d["doc_id"] for d in store.list_documents(limit=1000)]
    picture["documents"] = [store.get_document(i) for i in ids]
    raws = [store.raw_extraction(i) for i in ids]
    picture["raw"] = [(r.to_json(), [e.to_dict() for e in r.entities], [rel.to_dict() for rel in r.relations])
                      for r in raws]
    return picture


def test_round_trip_embedded_neo4j_embedded_is_identical(neo, tmp_path):
    source_url = f"sqlite:///{tmp_path / 'source.db'}"
    build_source(source_url)
    source = open_store(source_url)
    back = open_store(f"sqlite:///{tmp_path / 'back.db'}")
    there = migrate(source, neo, batch_size=7)
    assert there["identical_counts"] and there["not_copied"] == {"entities": 0, "relations": 0}
    home = migrate(neo, back)
    assert home["identical_counts"] and home["decisions"] == 3
    expected = full_picture(source)
    assert expected["stats"]["documents"] == 29 and expected["stats"]["relations"] > 80
    assert full_picture(neo) == expected
    assert full_picture(back) == expected
    with pytest.raises(InvalidInput, match="not empty"):
        migrate(source, neo)
    for store in (source, back):
        store.close()


def test_cli_migrate_and_cypher(neo, tmp_path):
    source_url = f"sqlite:///{tmp_path / 'cli.db'}"
    build_source(source_url)
    runner = CliRunner()
    done = runner.invoke(app, ["migrate", "--from", source_url, "--to", NEO4J_URL, "--json"])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout)
    assert summary["documents"] == 29 and summary["identical_counts"]
    assert "havengraph-dev" not in done.output
    rows = runner.invoke(app, ["cypher", "MATCH (p:Person) RETURN count(p) AS n", "--store", NEO4J_URL, "--json"])
    assert rows.exit_code == 0, rows.output
    assert json.loads(rows.stdout) == [{"n": neo.stats()["entities_by_type"]["PERSON"]}]
    table = runner.invoke(app, ["cypher", "MATCH (d:Document) RETURN d.title AS title ORDER BY title",
                                "--limit", "2", "--store", NEO4J_URL])
    assert table.stdout.splitlines() == ["title", "r0", "r1"]
    params = runner.invoke(app, ["cypher", "RETURN $who AS who, $n + 1 AS m", "-p", "who=kim", "-p", "n=41",
                                 "--store", NEO4J_URL, "--json"])
    assert json.loads(params.stdout) == [{"who": "kim", "m": 42}]


def test_cli_errors_are_one_line_messages(tmp_path):
    env = {**os.environ, "HAVENGRAPH_STORE": f"sqlite:///{tmp_path / 'x.db'}"}
    cli = [sys.executable, "-c", "from api.cli import main; main()"]
    refused = subprocess.run([*cli, "cypher", "CREATE (n:X) RETURN n", "--store", NEO4J_URL],
                             capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "only read-only Cypher" in refused.stderr
    embedded = subprocess.run([*cli, "cypher", "MATCH (n) RETURN n"], capture_output=True, text=True, cwd=ROOT,
                              env=env, timeout=120)
    assert embedded.returncode == 1 and "needs a Neo4j store" in embedded.stderr
