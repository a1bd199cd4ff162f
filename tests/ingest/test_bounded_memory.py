"""What an ingest keeps on the Python heap while it runs does not grow with the number of documents.

Documents name the same cast of people over and over, so the resolver's index of known entities
(which does grow with the number of *distinct* entities, see docs/scale.md) stays the same size;
anything else kept per document (report lists, decisions, cached extractions) would show as a
slope in the traced heap between batches.
"""

from __future__ import annotations

import gc
import statistics
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from ingest_fakes import FakeExtractor

from graph.model import Document, Extraction
from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths, report

CAST = ["Jan Peeters", "Karim Haddad", "Els Wouters", "Luc Hermans", "Sofie Claes", "Bram Goossens",
        "Inge Segers", "Koen Cools", "Nadia Amrani", "Tom Jacobs"]
N_DOCS = 300
#: traced bytes the run may gain per document written, from batch to batch (the median step) over the
#: batches from N_DOCS to 4 * N_DOCS documents. Nothing is kept per document today: measured steps
#: of 6 to 27 bytes (the allocator, batches of different texts); a document id kept per document
#: gives 134 to 146 (``test_the_bound_catches_an_id_kept_per_document``), a kept extraction kilobytes.
BYTES_PER_DOCUMENT = 60


class ForgetfulExtractor(FakeExtractor):
    """The fake extractor without its list of the documents it saw (the test's own growth)."""

    def extract(self, document: Document) -> Extraction:
        found = super().extract(document)
        self.seen.clear()
        return found


class TracingStore(SQLiteStore):
    """The SQLite store, noting the traced heap and the documents written at each batch (after a
    full collection: cyclic garbage waiting for the collector is not kept memory)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.samples: list[tuple[int, int]] = []  # (documents written before the batch, traced bytes)
        self.written = 0

    def write_many(self, extractions: list[Extraction], **options: Any) -> Any:
        gc.collect()
        self.samples.append((self.written, tracemalloc.get_traced_memory()[0]))
        self.written += len(extractions)
        return super().write_many(extractions, **options)


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        a, b, c = CAST[i % len(CAST)], CAST[(i * 3 + 1) % len(CAST)], CAST[(i * 7 + 2) % len(CAST)]
        (folder / f"{i:05d}.txt").write_text(f"Note {i}: {a} met {b}.\n{c} called {a} later.", encoding="utf-8")


class HoardingStore(TracingStore):
    """A store that keeps every document id it writes: the kind of growth the bound is there for."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.kept: list[str] = []

    def write_many(self, extractions: list[Extraction], **options: Any) -> Any:
        self.kept += [ex.document.doc_id for ex in extractions]
        return super().write_many(extractions, **options)


def _per_document(samples: list[tuple[int, int]]) -> float:
    """Median bytes gained per document from one batch to the next over ``(documents written,
    traced bytes)`` samples. The median leaves out a one-off step such as a table of interned strings
    doubling when the corpus's file names fill it (Path interns each file name); memory kept per
    document raises every step."""
    steps = [(b - a) / (m - n) for (n, a), (m, b) in zip(samples, samples[1:], strict=False)]
    return statistics.median(steps)


def _growth_per_document(tmp_path: Path, store_type: type[TracingStore] = TracingStore) -> tuple[float, Any]:
    """Traced bytes gained per document written, over the batches from N_DOCS documents on (the
    last, smaller batch left out), resolution on; and the run's report."""
    _corpus(tmp_path / "notes", 4 * N_DOCS)
    store = store_type(f"sqlite:///{tmp_path / 'notes.db'}")
    tracemalloc.start()
    try:
        done = ingest_paths([tmp_path / "notes"], store, lang="en", progress=False, extractor=ForgetfulExtractor("en"))
    finally:
        tracemalloc.stop()
        store.close()
    assert done.ok and done.ingested == 4 * N_DOCS
    samples = [(n, size) for n, size in store.samples[:-1] if n >= N_DOCS]
    assert len(samples) >= 10 and samples[-1][0] - samples[0][0] >= 2 * N_DOCS
    return _per_document(samples), done


def test_the_heap_of_an_ingest_does_not_grow_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(report, "DOCUMENTS_LISTED", 50)  # the report's list is full before the first sample
    per_document, done = _growth_per_document(tmp_path)
    assert per_document < BYTES_PER_DOCUMENT, f"{per_document:.0f} bytes kept per document written"
    assert len(done.documents) == 50 and done.documents_unlisted == 4 * N_DOCS - 50


def test_the_bound_catches_an_id_kept_per_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The same run through a store that keeps each document's id: the bound must see that."""
    monkeypatch.setattr(report, "DOCUMENTS_LISTED", 50)
    per_document, _ = _growth_per_document(tmp_path, HoardingStore)
    assert per_document > BYTES_PER_DOCUMENT, f"only {per_document:.0f} bytes per document"


def test_merged_reports_list_no_more_than_the_bound(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(report, "DOCUMENTS_LISTED", 3)
    a, b = report.IngestReport(), report.IngestReport()
    for name in ("a1", "a2"):
        a.stored(name)
    for name in ("b1", "b2", "b3", "b4"):
        b.stored(name)
    a.merge(b)
    assert a.documents == ["a1", "a2", "b1"] and a.documents_unlisted == 3 and a.ingested == 6
    assert a.to_dict()["documents_unlisted"] == 3
