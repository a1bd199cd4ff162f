"""Batches for parallel Neo4j writers: no two in flight touch the same entity or document.

A transaction runs on one server core, so several writers add server capacity, but only if their
batches do not wait on each other's locks, and only if the graph comes out as one writer would
leave it. What one writer leaves depends on the order of the documents that share an entity (the
first name, properties and identifiers seen win; a relation keeps its first properties). The
scheduler therefore keeps, for every entity and every document id, the order of the stream:

* a document joins a batch only when no batch in flight and no earlier document still waiting
  shares a key with it (its entities, the entities its mentions and relations point at, its id);
* a document that refers to an entity it does not carry itself (stored by an earlier document)
  or that is written in parts is a barrier: it goes alone, after everything before it, and
  nothing after it starts until it is in. If it fails, nothing after it has been written.

Within a batch the documents keep their order, so the transaction does what one writer does.
The locks the transactions take (:mod:`graph.store.neo4j_tx`) protect the same invariants against
writers of other processes, which this scheduler does not see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from itertools import count

from graph.errors import InvalidInput
from graph.model import Extraction
from graph.store.neo4j_rows import PreparedRows, prepare_rows

__all__ = ["Batch", "DisjointBatches", "Queued", "keys_of", "write_in_parallel"]


def keys_of(prepared: PreparedRows) -> tuple[frozenset[str], bool]:
    """The entity and document keys a document's transaction touches, and whether it refers outside itself."""
    own = {e.entity_id for _, e in prepared.entities}
    referred = {m["entity_id"] for m in prepared.mentions}
    referred |= {r[end] for r in prepared.relations for end in ("source", "target")}
    return frozenset(own | referred | {"\x00document:" + prepared.doc_id}), bool(referred - own)


@dataclass
class Queued:
    """A prepared document waiting for a writer; ``index`` is its place in the stream."""

    index: int
    rows: PreparedRows
    keys: frozenset[str]
    alone: bool


@dataclass
class Batch:
    token: int
    items: list[Queued]
    keys: frozenset[str]
    #: one document bigger than a transaction, written in parts
    in_parts: bool = False

    @property
    def work(self) -> list[PreparedRows] | PreparedRows:
        """What a writer writes: the documents of the batch, or the one document to write in parts."""
        return self.items[0].rows if self.in_parts else [q.rows for q in self.items]


class DisjointBatches:
    """Documents in stream order in, entity-disjoint batches out (``next_batch``), ``done`` when written.

    ``batch_rows`` bounds a batch (a batch closes at the first document that reaches it); a
    document bigger than ``part_rows`` is written alone, in parts.
    """

    def __init__(self, batch_rows: int, part_rows: int) -> None:
        self.batch_rows = batch_rows
        self.part_rows = part_rows
        self.waiting: list[Queued] = []
        self.waiting_rows = 0
        self._busy: dict[int, frozenset[str]] = {}
        self._tokens = count()
        self._barrier: int | None = None  # a batch written alone is in flight

    def add(self, index: int, prepared: PreparedRows) -> None:
        keys, outside = keys_of(prepared)
        self.waiting.append(Queued(index, prepared, keys, outside or prepared.size > self.part_rows))
        self.waiting_rows += prepared.size

    @property
    def in_flight(self) -> int:
        return len(self._busy)

    def next_batch(self) -> Batch | None:
        """The next batch that may be written now, or ``None`` when everything waiting must wait."""
        if self._barrier is not None:
            return None
        blocked: set[str] = set().union(*self._busy.values())
        taken: list[Queued] = []
        keys: set[str] = set()
        rows = 0
        skipped = False
        for item in self.waiting:
            if item.alone:
                if not taken and not skipped and not self._busy:
                    taken.append(item)
                    keys |= item.keys
                break  # a barrier: nothing after it goes before it
            if item.keys & blocked:
                blocked |= item.keys  # an earlier document waits, so later ones sharing its keys wait too
                skipped = True
                continue
            taken.append(item)
            keys |= item.keys
            rows += item.rows.size
            if rows >= self.batch_rows:
                break
        if not taken:
            return None
        chosen = {id(q) for q in taken}
        self.waiting = [q for q in self.waiting if id(q) not in chosen]
        self.waiting_rows -= sum(q.rows.size for q in taken)
        batch = Batch(next(self._tokens), taken, frozenset(keys),
                      in_parts=len(taken) == 1 and taken[0].rows.size > self.part_rows)
        self._busy[batch.token] = batch.keys
        if taken[0].alone:
            self._barrier = batch.token
        return batch

    def done(self, batch: Batch) -> None:
        """The batch is committed (or failed): its keys are free again."""
        del self._busy[batch.token]
        if self._barrier == batch.token:
            self._barrier = None


def write_in_parallel(extractions: Iterable[Extraction], write: Callable[[list[PreparedRows] | PreparedRows, int],
                      list[str]], *, writers: int, batch_rows: int, part_rows: int) -> list[str]:
    """Prepare documents in this thread and write them with ``writers`` threads, ``write(work, slot)`` each.

    Preparation runs ahead of the writers by at most ``writers + 1`` batches (back-pressure: memory
    is bounded by the batch size, not by the stream). Results come back in stream order. A document
    that cannot be prepared stops the reading: the documents before it are still written, then its
    error is raised. A batch that fails stops the dispatching: the batches in flight finish, then
    its error is raised (running the same ingest again skips what was stored).
    """
    queue = DisjointBatches(batch_rows, part_rows)
    stream: Iterator[Extraction] | None = iter(extractions)
    results: dict[int, str] = {}
    running: dict[Future[list[str]], tuple[Batch, int]] = {}
    free_slots = list(range(writers - 1, -1, -1))
    read_error: BaseException | None = None
    write_error: BaseException | None = None
    read = 0
    with ThreadPoolExecutor(writers, thread_name_prefix="havengraph-neo4j-writer") as pool:
        while True:
            while stream is not None and queue.waiting_rows < batch_rows * (writers + 1):
                ex = next(stream, None)
                if ex is None:
                    stream = None
                    break
                try:
                    queue.add(read, prepare_rows(ex))
                except InvalidInput as exc:
                    read_error, stream = exc, None
                    break
                read += 1
            while free_slots and write_error is None and (batch := queue.next_batch()) is not None:
                slot = free_slots.pop()
                running[pool.submit(write, batch.work, slot)] = (batch, slot)
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                batch, slot = running.pop(future)
                queue.done(batch)
                free_slots.append(slot)
                try:
                    written = future.result()
                except BaseException as exc:  # the batches in flight finish first
                    write_error = write_error or exc
                    continue
                results.update((item.index, result) for item, result in zip(batch.items, written, strict=True))
    if write_error is not None:
        raise write_error
    if read_error is not None:
        raise read_error
    return [results[i] for i in range(read)]
