"""``havengraph bulk-load``: Neo4j's importer into an empty database gives the graph ``ingest`` gives.

The import needs a server it may stop and start, so the test runs its own throwaway server
(``scripts/neo4j`` on a free port, state in a temporary folder); the reference ingest goes to the
suite's server (``HAVENGRAPH_TEST_NEO4J_URL``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.analysis.centrality import centrality
from graph.model import extraction_to_record
from graph.store import open_store
from graph.store.neo4j import Neo4jStore
from graph.store.neo4j_bulk import BulkLoadRefused, check_empty, local_server
from ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "ingest" / "sample_case"
# a port authority's access note, two interviews and intercepts: people, firms, phones, a vessel,
# aliases that resolution merges, and co-mentions
FILES = ["01_pv-initial-report.txt", "03_interview-rombouts.txt", "04_badge-access-note.txt",
         "06_intercepts-week-40.txt"]
pytestmark = [pytest.mark.neo4j, pytest.mark.xdist_group("neo4j")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def throwaway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A second Neo4j server for this module alone (the import stops and restarts it)."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{' and '.join(missing)} not found: CI runs the bulk-load test on a real Neo4j")
        pytest.skip(f"{' and '.join(missing)} not found: the bulk-load test starts its own Neo4j "
                    "(install openjdk-17-jdk-headless and maven)")
    home = tmp_path_factory.mktemp("neo4j-bulk")
    env = {**os.environ, "HAVENGRAPH_NEO4J_HOME": str(home), "HAVENGRAPH_NEO4J_PORT": str(free_port()),
           "HAVENGRAPH_NEO4J_HEAP": "512m", "HAVENGRAPH_NEO4J_PAGECACHE": "64m"}
    script = ["bash", str(ROOT / "scripts" / "neo4j")]
    started = subprocess.run([*script, "start"], env=env, capture_output=True, text=True, timeout=300)
    if started.returncode != 0:
        pytest.fail(f"the throwaway Neo4j did not start:\n{started.stderr[-2000:]}")
    try:
        yield started.stdout.strip().splitlines()[-1], home
    finally:
        subprocess.run([*script, "stop"], env=env, capture_output=True, timeout=120)


def cases(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    for name in FILES:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def contract_reads(store: Any) -> dict[str, Any]:
    """What the API and CLI read from a store (``ingested_at`` aside, which is the clock's)."""
    docs = store.list_documents(limit=1000)
    doc_ids = [d["doc_id"] for d in docs]
    entities = sorted(store.iter_entities(), key=lambda e: e.entity_id)
    names = sorted({e.name[:6].lower() for e in entities})
    projection = store.projection()
    return {
        "stats": {k: v for k, v in store.stats().items() if k != "store"},
        "documents": [{k: v for k, v in d.items() if k != "ingested_at"} for d in docs],
        "texts": [store.get_document(i) for i in doc_ids],
        "raw": [extraction_to_record(store.raw_extraction(i)) for i in doc_ids],
        "entities": entities,
        "relations": sorted(store.iter_relations(), key=lambda r: (r.source, r.type, r.target)),
        "mentions": store.mentions_in(doc_ids),
        "search": {q: [e.entity_id for e in store.search(q, limit=10)] for q in names},
        "centrality": {m: [(r["entity_id"], round(r["score"], 9)) for r in centrality(projection, m)]
                       for m in ("degree", "betweenness", "pagerank")},
        "decisions": sorted((d["kind"], d["a"], d["b"], d["reason"], d["status"]) for d in store.list_decisions()),
        "documents_mentioning": store.documents_mentioning([e.entity_id for e in entities[:20]]),
    }


def test_bulk_load_equals_ingest(neo: Neo4jStore, throwaway: tuple[str, Path], tmp_path: Path) -> None:
    url, home = throwaway
    folder = cases(tmp_path)
    ingest_paths([folder], neo, progress=False)
    expected = contract_reads(neo)

    done = CliRunner().invoke(app, ["bulk-load", str(folder), "--to", url, "--neo4j-home", str(home),
                                    "--no-progress", "--json"])
    assert done.exit_code == 0, done.output
    with open_store(url) as bulk:
        got = contract_reads(bulk)
        assert got["stats"]["relations"] > 20 and got["decisions"]  # a real case: relations and merges
        for key in expected:
            assert got[key] == expected[key], key

        # evidence stays deletable per document: the same delete leaves the same graph on both
        gone = expected["documents"][0]["doc_id"]
        assert bulk.delete_document(gone) and neo.delete_document(gone)
        assert sorted(bulk.iter_relations(), key=lambda r: (r.source, r.type, r.target)) == sorted(
            neo.iter_relations(), key=lambda r: (r.source, r.type, r.target))
        assert contract_reads(bulk)["stats"] == contract_reads(neo)["stats"]

    # a second bulk load into the database that now holds a graph is refused before any extraction
    again = CliRunner().invoke(app, ["bulk-load", str(folder), "--to", url, "--neo4j-home", str(home),
                                     "--no-progress"])
    assert isinstance(again.exception, BulkLoadRefused)  # `havengraph` prints it as a one-line error
    assert "is not empty" in str(again.exception) and "havengraph ingest" in str(again.exception)
    with pytest.raises(BulkLoadRefused, match="not empty"):
        check_empty(url)


def test_refuses_a_server_it_does_not_manage(tmp_path: Path) -> None:
    with pytest.raises(BulkLoadRefused, match="not on this machine.*database host"):
        local_server("neo4j://neo4j:secret-pw@neo4j.example.org:7687", tmp_path)
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "neo4j.conf").write_text("server.bolt.listen_address=127.0.0.1:7999\n", encoding="utf-8")
    with pytest.raises(BulkLoadRefused, match="listens on port 7999"):
        local_server("neo4j://neo4j:secret-pw@127.0.0.1:7688", tmp_path)
    with pytest.raises(BulkLoadRefused, match="one database"):
        local_server("neo4j://neo4j:secret-pw@127.0.0.1:7999?database=harbour", tmp_path)
    assert local_server("bolt://neo4j:secret-pw@localhost:7999", tmp_path).port == 7999


def test_csv_files_keep_empty_strings_apart_from_missing_values(tmp_path: Path) -> None:
    """The importer reads an unquoted empty field as no property and ``""`` as an empty string."""
    from graph.model import Document, Entity, Evidence, Extraction, Relation
    from graph.store.neo4j_bulk import import_arguments, write_csvs

    text = 'Kim said "ship it, now"\nto the crane operator Bo.'
    doc = Document(Document.id_for_bytes(text.encode()), text, "note", "note.txt")
    kim, bo = Entity("person:kim", "PERSON", "Kim"), Entity("person:bo", "PERSON", "Bo")
    ev = Evidence(doc.doc_id, 0, 3, "", "analyst")  # no sentence (empty string), no date (missing)
    staging = tmp_path / "stage.db"
    with open_store(f"sqlite:///{staging}") as stage:
        stage.write(Extraction(doc, [kim, bo], relations=[Relation("person:kim", "person:bo", "CONTACTED", [ev])]))
    counts = write_csvs(staging, tmp_path / "csv")
    assert counts["entities"] == 2 and counts["relations"] == 1 and counts["evidence"] == 1
    # the file with a line break inside a value is listed, and the importer reads values as multi-line
    assert (tmp_path / "csv" / "multiline.txt").read_text(encoding="utf-8").split() == ["documents.csv"]
    assert "--multiline-fields=true" in import_arguments(tmp_path / "csv")

    (_, evidence) = (tmp_path / "csv" / "evidence.csv").read_text(encoding="utf-8").splitlines()
    assert ',0,3,"","analyst",' in evidence  # the empty sentence stays a string
    assert evidence.endswith(",,")  # date and page: no property
    documents = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8")
    assert '"Kim said ""ship it, now""\nto the crane operator Bo."' in documents
    entities = (tmp_path / "csv" / "entities.csv").read_text(encoding="utf-8")
    assert '"person:kim","Entity\x1fPerson","PERSON","Kim","{}","Kim","kim","{}",,' in entities


def test_importer_reads_documents_whose_lines_start_with_a_quote(throwaway: tuple[str, Path], tmp_path: Path) -> None:
    """A CSV record file's text has lines that open with a quoted field (``"Vos, NV",...``); written as
    a quoted cell that is a line break followed by ``""``. The importer's parallel multi-line reader
    splits a file into 4 MB chunks by scanning back for a row start and gives up on that pattern
    ("found CR outside a text cell"), which stopped the first 100,000-document bulk load: every
    document must import, whatever its lines look like, across many chunks."""
    from graph.model import Document, Extraction
    from graph.store.neo4j_bulk import LocalServer, import_arguments, write_csvs

    _url, home = throwaway
    staging = tmp_path / "stage.db"
    rows = "".join(f'"Vos {i}, NV",0{i:07d},"Kaai {i}, Antwerpen"\r\n' for i in range(400))
    with open_store(f"sqlite:///{staging}") as stage:
        for n in range(400):  # 400 documents of about 17 KB: a documents.csv of about 7 MB
            text = f"company,number,address\r\n{rows}copy {n}\r\n"
            stage.write(Extraction(Document(Document.id_for_bytes(text.encode()), text, f"registry {n}",
                                            f"registry_{n}.csv"), []))
    write_csvs(staging, tmp_path / "csv")
    assert (tmp_path / "csv" / "documents.csv").stat().st_size > 6 * 2**20
    # into a database of its own name: the running server does not serve it, so it need not stop
    done = LocalServer(home, 0).run("admin", *import_arguments(tmp_path / "csv", database="quotecheck"))
    assert done.returncode == 0, (done.stdout + done.stderr)[-1500:]
    assert "IMPORT DONE" in done.stdout + done.stderr
