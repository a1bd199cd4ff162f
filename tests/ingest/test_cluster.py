"""Extraction on a Dask LocalCluster (two worker processes) stores what a one-process ingest stores.

One cluster serves the whole module (starting workers and their spaCy pipelines is the slow
part); the killed-worker test runs last because it leaves a worker restarting.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths
from ingest.synthetic import zip_bytes
from nlp import Extractor

pytest.importorskip("distributed")

from ingest.cluster import ClusterUnavailable, local_start_method, open_cluster  # noqa: E402

# made-up case notes in the style of port investigations (names and firms invented)
NOTES = [
    "Customs officer Lena Verbruggen met Karim Haddad at the Antwerp terminal of Scaldis Stevedoring NV.",
    "The vessel Nordic Tern (IMO 9074729) called at Rotterdam with container MSCU1234565 on board.",
    "Karim Haddad phoned +32 470 55 12 34 twice before the Nordic Tern reached Antwerp.",
    "Jordy Peeters, a crane operator at Zeebrugge, is employed by Scaldis Stevedoring NV.",
    "Marco Visser transferred money to account BE71 0961 2345 6769 held by Delta Reefer Logistics BV.",
    "Delta Reefer Logistics BV shipped bananas from Guayaquil to Antwerp in container MSCU1234565.",
    "Lena Verbruggen and Jordy Peeters were seen together near the Deurganck dock in Antwerp.",
    "Nadia El Idrissi, director of Delta Reefer Logistics BV, lives in Breda.",
    "Marco Visser and Karim Haddad are cousins, according to a witness in Rotterdam.",
    "The planner Tom De Smet changed the release codes of two containers at the Antwerp terminal.",
]


def case_folder(root: Path) -> Path:
    folder = root / "case"
    folder.mkdir()
    for i, text in enumerate(NOTES):
        (folder / f"{i:02d}_note.txt").write_text(text, encoding="utf-8")
    (folder / "03_copy_of_note.txt").write_text(NOTES[3], encoding="utf-8")  # same bytes: one document
    (folder / "20_bundle.zip").write_bytes(zip_bytes({
        "a.txt": b"Tom De Smet met Nadia El Idrissi at a cafe in Antwerp.",
        "b.txt": b"The Nordic Tern left Rotterdam for Algeciras.",
    }))
    return folder


def contents(store: SQLiteStore) -> dict[str, Any]:
    """Everything a reader of the store sees: documents, entities, relations with their evidence."""
    documents = sorted((d["doc_id"], d["title"], d["source"], d["lang"], d["format"], d["length"])
                       for d in store.list_documents(limit=1000))
    entities = sorted((e.entity_id, e.type, e.name, tuple(sorted(e.aliases)), tuple(sorted(e.identifiers.items())))
                      for e in store.iter_entities())
    relations = sorted((r.source, r.target, r.type,
                        tuple(sorted((ev.doc_id, ev.start, ev.end, ev.sentence, ev.method) for ev in r.evidence)))
                       for r in store.iter_relations())
    return {"documents": documents, "entities": entities, "relations": relations}


class SlowExtractor(Extractor):
    """The real extractor, a little slower per document, so that a worker can be killed mid-task."""

    def _run_group(self, group: Any) -> Any:
        time.sleep(0.4)
        return super()._run_group(group)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return case_folder(tmp_path_factory.mktemp("cluster"))


@pytest.fixture(scope="module")
def one_process(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = SQLiteStore(f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.db'}")
    report = ingest_paths([folder], store, lang="en", progress=False)
    assert report.ok and report.ingested == 13
    out = contents(store)
    store.close()
    return out


@pytest.fixture(scope="module")
def client() -> Any:
    with open_cluster("local:2") as c:
        yield c


def test_cluster_ingest_equals_one_process_ingest(folder, one_process, client, tmp_path):
    store = SQLiteStore(f"sqlite:///{tmp_path / 'dask.db'}")
    report = ingest_paths([folder], store, lang="en", progress=False, cluster=client)
    assert report.ok, report.failed
    assert report.ingested == 13
    # one task per distinct document that needs NLP: the copy shares its original's task
    assert report.cluster_tasks == 12
    assert set(report.peak_rss_mb) == {"coordinator", "workers"} and report.peak_rss_mb["workers"] > 50
    got = contents(store)
    assert len(got["relations"]) > 10 and any(r[3] for r in got["relations"])
    assert got == one_process
    # a second run finds every document in the store and sends nothing to the cluster
    again = ingest_paths([folder], store, lang="en", progress=False, cluster=client)
    assert (again.ingested, again.cluster_tasks, again.ok) == (0, 0, True)
    assert again.skipped == 12  # whole files: the zip is skipped without being opened
    assert contents(store) == one_process
    store.close()


def test_memory_is_bounded_by_the_window(client, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:03d}.txt").write_text(f"Note {i}: Jan Peeters met Karim Haddad in Antwerp.", encoding="utf-8")
    store = SQLiteStore(f"sqlite:///{tmp_path / 'many.db'}")
    from ingest.cluster import ClusterStats, extracted_on_cluster, register_extractor
    from ingest.context import ReadContext
    from ingest.pipeline import _Run, collect_files
    from ingest.report import IngestReport
    from ingest.source import Limits

    report = IngestReport()
    run = _Run(store, ReadContext(limits=Limits()), report, _NoBar(), lang="en", replace=False, grading=None,
               handling=None)
    register_extractor(client, None, "en")
    stats = ClusterStats()
    read = []

    def counted(items):
        for item in items:
            read.append(item.doc_id)
            yield item

    seen = 0
    for _item, outcome in extracted_on_cluster(counted(run.items(collect_files([folder], report))), client,
                                               lang="en", window=6, stats=stats):
        seen += 1
        assert not isinstance(outcome, BaseException)
        # never more than the window read ahead of what was handed to the writer
        assert len(read) - seen <= 6
    assert seen == 60 and stats.tasks == 60 and stats.max_held == 6
    store.close()


def test_the_coordinator_keeps_no_document_once_written(client, tmp_path):
    """Dask keeps each connection's recent message batches for debugging; those batches carry the
    documents sent to workers, and with Dask's default (1,000 batches a connection) the coordinator
    of a long run held thousands of documents it had written long before (about 14 KB each)."""
    import gc

    from graph.model import Document
    from ingest.cluster import MESSAGE_LOG_LENGTH

    folder = tmp_path / "kept"
    folder.mkdir()
    n = 200
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(f"Memo {i}: Ria Claes phoned Omar Aziz about bay {i} at the quay.",
                                             encoding="utf-8")
    store = SQLiteStore(f"sqlite:///{tmp_path / 'kept.db'}")
    report = ingest_paths([folder], store, lang="en", progress=False, cluster=client)
    assert report.ok and report.ingested == n
    ids = {d["doc_id"] for d in store.list_documents(limit=n)}
    store.close()
    gc.collect()
    alive = sum(1 for o in gc.get_objects() if isinstance(o, Document) and o.doc_id in ids)
    assert alive < n // 4, f"{alive} of {n} written documents still referenced by the coordinator"
    scheduler = client.cluster.scheduler  # in this process for a LocalCluster
    logs = [client.scheduler_comm, *scheduler.stream_comms.values()]
    assert logs and all(b.recent_message_log.maxlen == MESSAGE_LOG_LENGTH for b in logs)


class _NoBar:
    def update(self, n: int) -> None:
        pass


def test_no_scheduler_at_the_address_is_a_clear_error():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(ClusterUnavailable) as err:
        with open_cluster(f"tcp://127.0.0.1:{port}", timeout=2):
            pass
    assert str(err.value) == (f"no Dask scheduler at tcp://127.0.0.1:{port}: start one with `dask scheduler` "
                              "or use --cluster local:2")
    assert time.monotonic() - started < 30
    with pytest.raises(ClusterUnavailable, match="local:2"):
        with open_cluster("local:two"):
            pass


def test_a_worker_killed_mid_run_changes_nothing(folder, one_process, client, tmp_path):
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_when_busy() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            busy = [addr for addr, keys in client.processing().items() if keys and addr in pids]
            if busy:
                time.sleep(0.1)  # the task is under way
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_when_busy, daemon=True)
    killer.start()
    store = SQLiteStore(f"sqlite:///{tmp_path / 'killed.db'}")
    report = ingest_paths([folder], store, lang="en", progress=False, cluster=client,
                          extractor=SlowExtractor("en"))
    killer.join(5)
    assert killed, "no worker was busy: nothing was killed"
    assert report.ok, report.failed
    assert report.ingested == 13
    assert contents(store) == one_process
    store.close()


def _coordinator_mark() -> Any:
    import ingest.cluster as cluster_module

    return getattr(cluster_module, "_test_mark", None)


@pytest.mark.skipif(sys.platform != "linux", reason="local workers fork on Linux only")
def test_local_workers_start_from_this_process_on_linux(monkeypatch):
    """``local:N`` workers are forked: they see a module attribute set here before the cluster starts
    (a spawned worker imports the module afresh and would not)."""
    import ingest.cluster as cluster_module

    assert local_start_method() == "fork"
    monkeypatch.setattr(cluster_module, "_test_mark", "set in the coordinator", raising=False)
    with open_cluster("local:1") as c:
        assert list(c.run(_coordinator_mark).values()) == ["set in the coordinator"]
