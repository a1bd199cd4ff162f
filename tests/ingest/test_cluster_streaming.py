"""Documents stream from reading to writing: what is held at once is bounded by the batch sizes,
not by the number of documents (the process pool and the one-process path; the Dask path is
bounded by its window, see ``test_cluster.py``)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from graph.model import Document, Extraction
from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths
from nlp import Extractor
from nlp.extractor import LOOKAHEAD_BATCHES, TASK_SIZE

N_DOCS = 1_000


class QuickExtractor(Extractor):
    """The extractor's planning, grouping and process pool, with no spaCy behind them (the subject
    here is what the pipeline holds, not what the models find)."""

    def nlp(self, lang: str) -> Any:
        return None

    def _batch(self, documents: list[Document], batch_size: int, plans: Any = None) -> list[Extraction]:
        return [Extraction(document=d) for d in documents]


class CountingStore(SQLiteStore):
    """The SQLite store, noting how many documents and extractions are alive at each batch written."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.alive: list[tuple[int, int]] = []

    def write_many(self, extractions: list[Extraction], **options: Any) -> Any:
        objects = gc.get_objects()
        self.alive.append((sum(type(o) is Document for o in objects), sum(type(o) is Extraction for o in objects)))
        del objects
        return super().write_many(extractions, **options)


@pytest.mark.parametrize("workers", [1, 2])
def test_documents_in_memory_do_not_grow_with_the_corpus(tmp_path: Path, workers: int):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"{i:04d}.txt").write_text(f"Note {i}: Jan Peeters met Karim Haddad in Antwerp.", encoding="utf-8")
    store = CountingStore(f"sqlite:///{tmp_path / 'many.db'}")
    gc.collect()
    report = ingest_paths([folder], store, lang="en", workers=workers, progress=False, extractor=QuickExtractor("en"))
    assert report.ok and report.ingested == N_DOCS
    assert len(store.alive) >= N_DOCS // 64
    # grouped ahead of the extractor, in flight in the workers, and the writer's batch (64)
    bound = LOOKAHEAD_BATCHES * 32 + 2 * workers * TASK_SIZE + 64
    most_documents = max(d for d, _ in store.alive)
    most_extractions = max(e for _, e in store.alive)
    assert most_documents <= bound < N_DOCS / 3, store.alive
    assert most_extractions <= 2 * bound, store.alive  # a resolved extraction keeps its raw one
    store.close()
