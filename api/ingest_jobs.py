"""Uploads as ingest jobs: a job table, a bounded queue and a few worker threads in the app.

``POST /documents`` hands the file to :meth:`IngestJobs.submit` and answers at once with the job;
a worker thread runs it: the extraction in a child process within the per-job budget
(:mod:`ingest.upload_job`), then resolution and the write in this process, on the app's store.
At most ``workers`` jobs run at a time and ``queue`` more may wait; past that a new upload is
refused with "try again later". Finished jobs are kept (newest ``keep``) for ``GET /jobs/{id}``.
The table lives in memory: a restart forgets it (documents already written stay written).
"""

from __future__ import annotations

import itertools
import logging
import secrets
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import EntityNotFound, HavengraphError, TooManyRequests
from graph.store import GraphStore
from ingest.upload_job import Budget, extract_in_child

__all__ = ["IngestJob", "IngestJobs"]

_log = logging.getLogger(__name__)


@dataclass
class IngestJob:
    """One upload's way through the queue: what it is, where it is, and how it ended."""

    job_id: str
    owner: str
    clearance: str
    filename: str
    bytes: int
    options: dict[str, Any]
    status: str = "queued"  # queued, running, done, failed
    stage: str = "queued"  # queued, reading, extracting, resolving, writing, done, failed
    progress: float = 0.0
    submitted_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    result: dict[str, Any] | None = None
    error: str | None = None
    seq: int = 0

    def public(self, position: int | None = None) -> dict[str, Any]:
        """The job as the API shows it to its owner."""
        end = self.finished_at or time.time()
        return {"job_id": self.job_id, "status": self.status, "stage": self.stage, "progress": round(self.progress, 2),
                "filename": self.filename, "bytes": self.bytes, "queue_position": position,
                "submitted_at": _iso(self.submitted_at), "started_at": _iso(self.started_at),
                "finished_at": _iso(self.finished_at),
                "elapsed_s": round(end - (self.started_at or end), 2), "result": self.result, "error": self.error}


class IngestJobs:
    """The app's ingest queue: ``submit`` a file, ``get`` a job back, ``close`` at shutdown."""

    def __init__(self, store: GraphStore, *, workers: int = 2, queue: int = 16, budget: Budget = Budget(),
                 keep: int = 500, on_written: Callable[[], None] | None = None,
                 visible: Callable[[str, str], bool] | None = None) -> None:
        self.store = store
        self.workers, self.queue, self.budget, self.keep = workers, queue, budget, keep
        self._on_written = on_written or (lambda: None)
        #: may a user of this clearance see that document? (an upload of a hidden file's bytes must not tell)
        self._visible = visible or (lambda doc_id, clearance: True)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="havengraph-ingest")
        self._lock = threading.Lock()
        self._jobs: OrderedDict[str, IngestJob] = OrderedDict()
        self._seq = itertools.count(1)
        self._tmp = Path(tempfile.mkdtemp(prefix="havengraph-jobs-"))

    # -- the API's side ------------------------------------------------------------------------
    def submit(self, data: bytes, filename: str, owner: str, clearance: str, **options: Any) -> IngestJob:
        """Queue ``data`` (already checked: type, size) as a job; refuse when the queue is full."""
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.status in ("queued", "running"))
            if waiting >= self.workers + self.queue:
                raise TooManyRequests(f"{waiting} uploads are already being ingested or waiting; "
                                      "try again in a minute (GET /jobs/ID shows how yours are doing)")
            job = IngestJob(secrets.token_hex(8), owner, clearance, filename, len(data), options, seq=next(self._seq))
            folder = self._tmp / job.job_id
            folder.mkdir()
            (folder / filename).write_bytes(data)
            self._jobs[job.job_id] = job
            self._forget_old()
        self._pool.submit(self._run, job)
        return job

    def get(self, job_id: str, user: str, admin: bool = False) -> dict[str, Any]:
        """The job as its owner (or an admin) sees it; anyone else gets "not found"."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or (job.owner != user and not admin):
                raise EntityNotFound(f"no ingest job {job_id!r} of yours; POST /documents starts one")
            position = None
            if job.status == "queued":
                position = sum(1 for j in self._jobs.values() if j.status == "queued" and j.seq < job.seq)
            return job.public(position)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self._tmp, ignore_errors=True)

    # -- the worker's side ---------------------------------------------------------------------
    def _run(self, job: IngestJob) -> None:
        folder = self._tmp / job.job_id
        self._update(job, status="running", stage="reading", progress=0.05, started_at=time.time())
        try:
            extraction = extract_in_child(
                folder / job.filename, job.filename, budget=self.budget,
                on_stage=lambda stage, progress: self._update(job, stage=stage, progress=progress), **job.options)
            self._update(job, stage="resolving", progress=0.8)
            result = self._write(job, extraction)
        except HavengraphError as exc:
            self._update(job, status="failed", stage="failed", error=str(exc), finished_at=time.time())
        except Exception as exc:  # noqa: BLE001 - a job's failure is reported in the job and logged
            _log.exception("ingest job %s (%s) failed", job.job_id, job.filename)
            self._update(job, status="failed", stage="failed", finished_at=time.time(),
                         error=f"{job.filename} could not be ingested ({type(exc).__name__}); see the server log")
        else:
            self._update(job, status="done", stage="done", progress=1.0, result=result, finished_at=time.time())
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _write(self, job: IngestJob, extraction: Any) -> dict[str, Any]:
        document = extraction.document
        existed = self.store.has_document(document.doc_id)
        try:
            from graph.resolution import Resolver
        except ImportError:  # resolution not installed: store the extraction as it is
            resolved = extraction
        else:
            resolved = Resolver(self.store).resolve(extraction) if not existed else extraction
        self._update(job, stage="writing", progress=0.9)
        status = "skipped" if existed else self.store.write(resolved)
        if existed and not self._visible(document.doc_id, job.clearance):
            # the same bytes are stored already, above this user's clearance: answer as for a new file
            status = "written"
        self._on_written()
        return {"doc_id": document.doc_id, "status": status, "title": document.title, "handling": document.handling,
                "entities": len(extraction.entities), "relations": len(extraction.relations)}

    def _update(self, job: IngestJob, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(job, key, value)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.status in ("done", "failed")]
        for job in finished[:max(0, len(finished) - self.keep)]:
            del self._jobs[job.job_id]


def _iso(stamp: float | None) -> str | None:
    return None if stamp is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))

