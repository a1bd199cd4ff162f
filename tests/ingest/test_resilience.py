"""Large files with bounded memory, an ingest killed with SIGKILL, a watched folder."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from ingest_fakes import FakeExtractor

from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths
from ingest.context import ReadContext
from ingest.registry import Found, walk
from ingest.source import Limits, Source
from ingest.watch import watch

LINE = "Jan Peeters called Milan Kasteleyn about container CSQU3054383 at the Deurganck dock.\n"


def write_big(path: Path, megabytes: int, encoding: str = "utf-8") -> int:
    block = ((LINE * 200) + "\n").encode(encoding)
    if encoding.startswith("utf-16"):
        block = block[2:] if block[:2] in (b"\xff\xfe", b"\xfe\xff") else block
    with open(path, "wb") as fh:
        if encoding == "utf-16":
            fh.write("\ufeff".encode("utf-16-le"))
        written = 0
        while written < megabytes << 20:
            fh.write(block)
            written += len(block)
    return written


def test_200_mb_text_is_read_in_parts_with_bounded_memory(tmp_path):
    path = tmp_path / "huge.txt"
    size = write_big(path, 200)
    tracemalloc.start()
    parts, chars, top = 0, 0, None
    for found in walk(Source.from_path(path), ReadContext()):
        assert isinstance(found, Found)
        if found.top:
            top = found.result.document
            continue
        doc = found.result.document
        assert len(doc.text) <= Limits().text_part_chars and doc.text.endswith("\n")
        parts += 1
        chars += len(doc.text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert chars == size  # ASCII: one character per byte, nothing lost at the cuts
    assert top is not None and top.metadata["parts"] == parts >= 190 and top.text == ""
    assert peak < 40 << 20, f"peak {peak / 2**20:.0f} MB while reading a {size / 2**20:.0f} MB file"


def test_large_utf16_file_with_crlf_in_parts(store, tmp_path):
    path = tmp_path / "big16.txt"
    path.write_bytes(("\ufeff" + LINE.replace("\n", "\r\n") * 4_000).encode("utf-16-le"))
    limits = Limits(split_text_above=256 << 10, text_part_chars=20_000)
    report = ingest_paths([path], store, extractor=FakeExtractor(), progress=False, limits=limits)
    assert report.ok and report.ingested > 10
    docs = [store.get_document(d["doc_id"]) for d in store.list_documents(limit=1000)]
    parts = [d for d in docs if "part" in d.metadata]
    assert "".join(d.text for d in sorted(parts, key=lambda d: d.metadata["part"])) == LINE * 4_000
    assert len(store.mentions("person:jan-peeters", limit=100_000)) == 4_000


SCRIPT = """
import sys
sys.path.insert(0, {fakes!r})
from ingest_fakes import FakeExtractor
from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths
store = SQLiteStore({url!r})
ingest_paths([{folder!r}], store, extractor=FakeExtractor(delay={delay}), progress=False)
"""


def _consistent(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM evidence e LEFT JOIN documents d ON d.doc_id = e.doc_id "
                           "WHERE d.doc_id IS NULL").fetchone()[0] == 0
        assert con.execute("SELECT COUNT(*) FROM relations r WHERE NOT EXISTS "
                           "(SELECT 1 FROM evidence e WHERE e.rel_id = r.rel_id)").fetchone()[0] == 0
        # every document written is whole: as many mentions as its text has names
        for doc_id, text in con.execute("SELECT doc_id, text FROM documents"):
            expected = len(FakeExtractor().extract(_doc(doc_id, text)).mentions)
            got = con.execute("SELECT COUNT(*) FROM mentions WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            assert got == expected
    finally:
        con.close()


def _doc(doc_id: str, text: str):  # noqa: ANN202
    from graph.model import Document

    return Document(doc_id=doc_id, text=text)


def test_sigkill_leaves_the_store_consistent_and_a_rerun_finishes(tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(f"Person Alpha{chr(97 + i % 26)}x met Other Person{i} twice.\n"
                                             f"Jan Peeters and Milan Kasteleyn were there. Number {i}.\n")
    db_path = tmp_path / "store.db"
    url = f"sqlite:///{db_path}"
    script = SCRIPT.format(fakes=str(Path(__file__).parent), url=url, folder=str(folder), delay=0.1)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2])
    try:
        deadline = time.time() + 60
        written = 0
        while time.time() < deadline and proc.poll() is None:
            if db_path.exists():
                try:
                    con = sqlite3.connect(db_path, timeout=1)
                    written = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                    con.close()
                except sqlite3.OperationalError:
                    written = 0
            if written >= 8:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    _consistent(db_path)
    with SQLiteStore(url) as db:
        done = db.stats()["documents"]
        assert 8 <= done < 40
        report = ingest_paths([folder], db, extractor=FakeExtractor(), progress=False)
        assert report.ok and report.skipped == done and report.ingested == 40 - done
        resumed = db.stats()
    _consistent(db_path)
    with SQLiteStore(f"sqlite:///{tmp_path / 'clean.db'}") as clean:
        ingest_paths([folder], clean, extractor=FakeExtractor(), progress=False)
        expected = clean.stats()
    for key in ("documents", "entities", "relations", "evidence", "mentions"):
        assert resumed[key] == expected[key], key


def test_watch_picks_up_new_files(store, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "first.txt").write_text("Jan Peeters")
    stop = threading.Event()
    reports = []

    def run() -> None:
        watch(folder, store, interval=0.05, stop=stop, on_report=reports.append, extractor=FakeExtractor(),
              progress=False)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        deadline = time.time() + 20
        while time.time() < deadline and not reports:
            time.sleep(0.05)
        (folder / "second.txt").write_text("Milan Kasteleyn")
        while time.time() < deadline and sum(r.ingested for r in reports) < 2:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=20)
    assert sum(r.ingested for r in reports) == 2
    assert {d["title"] for d in store.list_documents()} == {"first.txt", "second.txt"}


def test_watch_stops_after_max_polls(store, tmp_path):
    (tmp_path / "a.txt").write_text("Jan Peeters")
    total = watch(tmp_path, store, interval=0.01, max_polls=3, extractor=FakeExtractor(), progress=False)
    assert total.ingested == 1


@pytest.mark.slow
def test_200_mb_text_full_ingest(tmp_path):
    """End to end through the store: 200 parts of 1 MB each written (slow: about a minute)."""
    path = tmp_path / "huge.txt"
    line = "the crane moved the box to the quay and back again before dawn\n"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range((200 << 20) // (len(line) * 1000)):
            fh.write(line * 1000)
    with SQLiteStore(f"sqlite:///{tmp_path / 'big.db'}") as db:
        report = ingest_paths([path], db, extractor=FakeExtractor(), progress=False)
        assert report.ok and report.ingested >= 190
