"""What runs on a Dask worker: the extractor plugin (pipelines built once per worker) and the task.

Imported only when a cluster is used (it imports ``distributed``); workers on other machines
need the same Havengraph package and spaCy models installed.

Tasks are one per document, but spaCy is faster on batches (a document alone costs 10-15 % more
CPU than in a batch of 16): the tasks running at once on a worker (its threads) hand their
documents to one batcher thread, which runs them through the pipelines together, grouped by
language as the process pool does, and gives each task its own outcome.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from typing import Any

from distributed import WorkerPlugin, get_worker

from graph.model import Document, Extraction
from ingest.cluster import PLUGIN_NAME

#: how long the batcher waits for the tasks started together with the first one, in seconds
GATHER_S = 0.003


class ExtractorPlugin(WorkerPlugin):
    """Holds one extractor per worker; its spaCy pipelines are built when the worker starts
    (and when a lost worker is replaced), never per task."""

    name = PLUGIN_NAME

    def __init__(self, extractor: Any, langs: tuple[str, ...], max_batch: int = 16) -> None:
        self.extractor = extractor
        self.langs = langs
        self.max_batch = max_batch
        self._batcher: _Batcher | None = None

    def setup(self, worker: Any) -> None:
        build = getattr(self.extractor, "nlp", None)
        if build is not None:
            for lang in self.langs:
                build(lang)
        if hasattr(self.extractor, "plan") and hasattr(self.extractor, "_run_group"):
            self._batcher = _Batcher(self.extractor, self.max_batch)

    def teardown(self, worker: Any) -> None:
        if self._batcher is not None:
            self._batcher.stop()

    def extract(self, document: Document) -> Extraction | BaseException:
        if self._batcher is not None:
            return self._batcher.extract(document)
        try:
            return self.extractor.extract(document)  # type: ignore[no-any-return]
        except Exception as exc:
            return exc


class _Batcher:
    """One thread running the documents of concurrent tasks through the extractor together."""

    def __init__(self, extractor: Any, max_batch: int) -> None:
        self.extractor, self.max_batch = extractor, max_batch
        self._queue: queue.Queue[tuple[Document, Future[Extraction | BaseException]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="havengraph-extract", daemon=True)
        self._thread.start()

    def extract(self, document: Document) -> Extraction | BaseException:
        slot: Future[Extraction | BaseException] = Future()
        self._queue.put((document, slot))
        return slot.result()

    def stop(self) -> None:
        self._queue.put(None)

    def _loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    nxt = self._queue.get(timeout=GATHER_S)
                except queue.Empty:
                    break
                if nxt is None:
                    self._queue.put(None)
                    break
                batch.append(nxt)
            self._run(batch)

    def _run(self, batch: list[tuple[Document, Future[Extraction | BaseException]]]) -> None:
        try:
            planned = []
            for seq, (document, slot) in enumerate(batch):
                try:
                    planned.append((seq, document, self.extractor.plan(document)))
                except Exception as exc:
                    slot.set_result(exc)
            outcomes = self.extractor._run_group(planned) if planned else {}
            for seq, _document, _chunks in planned:
                batch[seq][1].set_result(outcomes[seq])
        except BaseException as exc:  # never leave a task waiting
            for _document, slot in batch:
                if not slot.done():
                    slot.set_result(exc)


def extract_task(document: Document) -> tuple[str, Extraction | BaseException]:
    """The document's language (detected here when unset) and its extraction without the document
    (the coordinator holds it already), or the error, made safe to send back."""
    from nlp.extractor import _portable

    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise RuntimeError("the Havengraph extractor plugin is not registered on this worker")
    outcome = plugin.extract(document)  # type: ignore[attr-defined]
    if isinstance(outcome, BaseException):
        return document.lang or "", _portable(outcome)
    outcome.document = None  # type: ignore[assignment]
    return document.lang or "", outcome
