"""Extraction on a Dask cluster: documents out to the workers, extractions back, one writer here.

``havengraph ingest DIR --cluster tcp://HOST:8786`` (a running ``dask scheduler``) or
``--cluster local:N`` (a ``LocalCluster`` of N worker processes started for the run) sends one
task per document that needs NLP. The key of a task is the document's SHA-256 (with the
language option), so a document sent twice is computed once, and a document already in the
store is never sent (the pipeline skips it before it gets here).

Resolution and writes stay in this process: one writer keeps merges and batches consistent.
Results are collected with ``as_completed`` as they arrive and handed to the writer in reading
order; at most ``window`` documents are between reading and writing at any time (sent, running,
or done and waiting for an earlier one), so memory is bounded by the window, not the corpus.
A worker lost mid-run is the scheduler's business: its tasks run again elsewhere, and since
nothing is written until a result is here, nothing is written twice.

Each worker builds its spaCy pipelines once, when it starts (``ingest.cluster_worker``), not per
task. Dask is imported only when a cluster is asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from graph.errors import HavengraphError
from graph.model import Extraction
from ingest.report import peak_rss_mb

if TYPE_CHECKING:
    from ingest.pipeline import ExtractorLike, _Item

#: name under which the extractor plugin is registered on each worker
PLUGIN_NAME = "havengraph-extractor"
LOCAL_PREFIX = "local:"
#: batches of messages each Dask connection keeps for debugging (``distributed.admin.low-level-log-
#: length``, 1,000 by default): every batch under 1 MB stays referenced, and a batch here carries
#: a document's text (client -> scheduler, scheduler -> worker), so the default kept the last
#: thousands of documents alive in the coordinator (about 14 KB per document past 1,000)
MESSAGE_LOG_LENGTH = 16
#: threads of a local worker process: the documents of that many tasks go through spaCy together
#: (one batcher thread does the work, see ``ingest.cluster_worker``)
BATCH_THREADS = 8


def local_start_method() -> str:
    """How the worker processes of ``local:N`` start: ``fork`` on Linux, Dask's ``spawn`` elsewhere.

    A forked worker starts from the interpreter and libraries this process has loaded; a spawned
    one imports them again into a fresh interpreter. On the same documents the forked workers run
    the extraction faster (bench/distributed.py: 2 forked workers 31.1 and 30.3 documents/s against
    29.1 and 28.6 spawned, alternating in one run), which is most of what set Dask behind the
    process pool. macOS can fork but its system libraries are not safe to use after a fork from a
    process with threads, so only Linux forks. A worker restarted after a crash starts the same way.
    """
    import multiprocessing
    import sys

    return "fork" if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods() else "spawn"


class ClusterUnavailable(HavengraphError):
    """The ``--cluster`` address is malformed or no Dask scheduler answers there."""

    status = 503


@dataclass
class ClusterStats:
    """What a run sent to the cluster: tasks submitted and the most documents held at once."""

    tasks: int = 0
    max_held: int = 0


def task_key(lang: str, doc_id: str) -> str:
    """The Dask key of a document's extraction: its SHA-256 and the language option."""
    return f"havengraph-extract-{lang}-{doc_id}"


# --- connecting -------------------------------------------------------------------------------
@contextmanager
def open_cluster(spec: str, *, timeout: float = 10.0) -> Iterator[Any]:
    """A ``distributed.Client`` for ``spec``: ``local:N`` or a scheduler address (``tcp://HOST:8786``).

    A local cluster is started for the block and closed after it. For the block, Dask's debugging
    logs of recent messages are kept short (``MESSAGE_LOG_LENGTH``): they would hold documents.
    """
    _import_distributed()
    import dask

    with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG_LENGTH}):
        with _open(spec.strip(), timeout) as client:
            yield client


@contextmanager
def _open(spec: str, timeout: float) -> Iterator[Any]:
    if spec.startswith(LOCAL_PREFIX):
        n = spec[len(LOCAL_PREFIX):]
        if not n.isdigit() or int(n) < 1:
            raise ClusterUnavailable(f"--cluster {spec}: give the number of worker processes, e.g. local:2")
        with _local_cluster(int(n)) as client:
            yield client
        return
    if "://" not in spec:
        raise ClusterUnavailable(f"--cluster {spec}: give a scheduler address such as tcp://HOST:8786, "
                                 "or local:N to start N worker processes here")
    distributed = _import_distributed()
    try:
        client = distributed.Client(spec, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterUnavailable(f"no Dask scheduler at {spec}: start one with `dask scheduler` "
                                 "or use --cluster local:2") from exc
    try:
        yield client
    finally:
        client.close()


@contextmanager
def _local_cluster(n_workers: int) -> Iterator[Any]:
    distributed = _import_distributed()
    import dask

    # read whenever a worker process starts, so it stays set while the cluster runs (restarts too)
    with dask.config.set({"distributed.worker.multiprocessing-method": local_start_method()}):
        with _started_local_cluster(distributed, n_workers) as client:
            yield client


@contextmanager
def _started_local_cluster(distributed: Any, n_workers: int) -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=BATCH_THREADS, processes=True, host="127.0.0.1",
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        client = distributed.Client(cluster, set_as_default=False)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ClusterUnavailable("--cluster needs Dask: install it with "
                                 "`.venv/bin/pip install -e '.[cluster]'`") from exc
    return distributed


# --- workers --------------------------------------------------------------------------------
def worker_peak_rss_mb(client: Any) -> dict[str, float]:
    """Peak resident memory of each worker process, in MB, by worker address."""
    try:
        return dict(client.run(peak_rss_mb))
    except Exception:  # noqa: BLE001 - a figure for the report, never a reason to fail the run
        return {}


def register_extractor(client: Any, extractor: ExtractorLike | None, lang: str) -> None:
    """Install the extractor on every worker (and on workers that join or restart later)."""
    if extractor is None:
        from nlp import Extractor

        extractor = Extractor(lang)
    from nlp.language import LANGUAGES

    langs = tuple(LANGUAGES) if lang == "auto" else (lang,)
    from ingest.cluster_worker import ExtractorPlugin

    client.register_plugin(ExtractorPlugin(extractor, langs), name=PLUGIN_NAME)


# --- in the coordinator -----------------------------------------------------------------------
def write_on_cluster(run: Any, items: Iterator[_Item], cluster: Any, *, extractor: ExtractorLike | None,
                     lang: str, window: int | None = None) -> None:
    """Extract ``items`` on ``cluster`` (a spec for :func:`open_cluster` or a ``distributed.Client``)
    and write them through ``run`` (the pipeline's writer); counts and peaks go to ``run.report``."""
    with open_cluster(cluster) if isinstance(cluster, str) else nullcontext(cluster) as client:
        register_extractor(client, extractor, lang)
        stats = ClusterStats()
        try:
            run.write_all(extracted_on_cluster(items, client, lang=lang, window=window, stats=stats))
        finally:
            run.report.cluster_tasks += stats.tasks
            peaks = worker_peak_rss_mb(client)
            if peaks:
                run.report.peak_rss_mb["workers"] = max(peaks.values())


def default_window(client: Any) -> int:
    """Documents between reading and writing at most: two per worker thread, at least eight."""
    threads = sum(client.nthreads().values()) if client is not None else 1
    return max(8, 2 * threads)


def extracted_on_cluster(items: Iterator[_Item], client: Any, *, lang: str, window: int | None = None,
                         stats: ClusterStats | None = None) -> Iterator[tuple[_Item, Extraction | BaseException]]:
    """Each item with its extraction, in reading order, computed on ``client``'s workers.

    The extractor must be registered first (:func:`register_extractor`).
    """
    from distributed import as_completed

    from ingest.cluster_worker import extract_task
    from ingest.pipeline import _merge

    window = window or default_window(client)
    stats = stats if stats is not None else ClusterStats()
    arriving = as_completed(loop=client.loop)
    futures: dict[str, Any] = {}
    waiting: dict[str, list[int]] = {}  # task key -> positions of the items waiting for it
    held: dict[int, _Item] = {}
    outcomes: dict[int, Extraction | BaseException] = {}
    read = done = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(held) < window:  # back-pressure: nothing read past the window
                item = next(items, None)
                if item is None:
                    exhausted = True
                    break
                held[read] = item
                if not item.result.nlp:
                    outcomes[read] = item.result.extraction()
                else:
                    key = task_key(lang, item.doc_id)
                    if key not in waiting:
                        futures[key] = client.submit(extract_task, item.result.document, key=key)
                        arriving.add(futures[key])
                        waiting[key] = []
                        stats.tasks += 1
                    waiting[key].append(read)
                read += 1
            stats.max_held = max(stats.max_held, len(held))
            while done in outcomes:
                yield held.pop(done), outcomes.pop(done)
                done += 1
            if exhausted and not held:
                return
            if not waiting:
                continue
            future = next(arriving)
            try:
                found_lang, outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: that document fails, the run goes on
                found_lang, outcome = "", exc
            futures.pop(future.key, None)
            for seq in waiting.pop(future.key):
                outcomes[seq] = _attach(held[seq], found_lang, outcome, _merge)
    finally:
        if futures:
            client.cancel(list(futures.values()))


def _attach(item: _Item, found_lang: str, outcome: Extraction | BaseException, merge: Any) -> Extraction | BaseException:
    if isinstance(outcome, BaseException):
        return outcome
    document = item.result.document
    if not document.lang and found_lang:
        document.lang = found_lang
    return merge(replace(outcome, document=document), item.result.facts)
