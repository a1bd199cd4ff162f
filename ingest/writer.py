"""Documents written to the store in small batches, in reading order, each document whole.

A transaction per document costs a round trip per statement and a commit (tens of milliseconds
each on a Neo4j server); the writer gathers consecutive documents and writes them with one
``write_many``. It flushes when the batch is full (documents or rows), when its oldest document
has waited ``max_wait`` seconds, before a container whose parts are still waiting (a container
is recorded only after everything in it), and at the end. If a batch fails, its documents are
written again one at a time, so that only the failing one is reported and the others are kept.
If the store cannot be reached, the batch's documents are reported at once and
``StoreUnavailable`` is raised: every later document would wait for the server in turn.

Resolution runs before a document is buffered; a later document can show that two entities
are one. Each buffered document remembers the resolver's ``version`` and is resolved again under
the current decisions before it is written, as the documents already stored are.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from graph.errors import StoreUnavailable
from graph.model import Extraction


class Item(Protocol):
    @property
    def doc_id(self) -> str: ...

    @property
    def ancestors(self) -> tuple[str, ...]: ...


@dataclass
class _Pending:
    item: Any
    extraction: Extraction
    version: int


def rows(ex: Extraction) -> int:
    """About how many rows a document writes: entities, mentions, relations and their evidence."""
    return 1 + len(ex.entities) + len(ex.mentions) + sum(1 + len(r.evidence) for r in ex.relations)


class BatchWriter:
    """Buffer resolved documents and write them in batches; report each one through the callbacks.

    ``stored(item, status)`` is called for every document written or skipped, in order;
    ``failed(item, reason)`` for one that could not be stored. ``refresh(extraction)`` returns
    the extraction resolved again under the current decisions; ``version()`` changes whenever a
    decision could change a resolved id.
    """

    def __init__(self, store: Any, *, replace: bool, stored: Callable[[Any, str], None],
                 failed: Callable[[Any, str], None], refresh: Callable[[Extraction], Extraction] | None = None,
                 version: Callable[[], int] = lambda: 0, max_docs: int = 64, max_rows: int = 10_000,
                 max_wait: float = 2.0) -> None:
        self.store, self.replace = store, replace
        self._stored, self._failed, self._refresh, self._version = stored, failed, refresh, version
        self.max_docs, self.max_rows, self.max_wait = max_docs, max_rows, max_wait
        self._pending: list[_Pending] = []
        self._rows = 0
        self._since = 0.0
        self._ancestors: set[str] = set()

    def before(self, item: Item) -> None:
        """Call before deciding about ``item``: a container waits until its parts are written."""
        if item.doc_id in self._ancestors or (self._pending and time.monotonic() - self._since > self.max_wait):
            self.flush()

    def add(self, item: Item, extraction: Extraction) -> None:
        size = rows(extraction)
        if size > self.max_rows:  # a big document goes alone (the store may split it in parts)
            self.flush()
            self._write_alone(_Pending(item, extraction, self._version()))
            return
        if not self._pending:
            self._since = time.monotonic()
        self._pending.append(_Pending(item, extraction, self._version()))
        self._ancestors.update(item.ancestors)
        self._rows += size
        if len(self._pending) >= self.max_docs or self._rows >= self.max_rows:
            self.flush()

    def flush(self) -> None:
        pending, self._pending, self._rows = self._pending, [], 0
        self._ancestors.clear()
        if not pending:
            return
        current = self._version()
        for p in pending:
            if p.version != current and self._refresh is not None:
                p.extraction, p.version = self._refresh(p.extraction), current
        try:
            statuses = self.store.write_many([p.extraction for p in pending], replace=self.replace)
        except StoreUnavailable as exc:  # the store is away, not a document at fault: none is tried alone
            for p in pending:
                self._failed(p.item, str(exc))
            raise
        except Exception:  # noqa: BLE001 - the batch is retried document by document below
            for p in pending:
                self._write_alone(p)
            return
        for p, status in zip(pending, statuses, strict=True):
            self._stored(p.item, status)

    def _write_alone(self, p: _Pending) -> None:
        if p.version != self._version() and self._refresh is not None:
            p.extraction = self._refresh(p.extraction)
        try:
            status = self.store.write(p.extraction, replace=self.replace)
        except StoreUnavailable as exc:
            self._failed(p.item, str(exc))
            raise
        except Exception as exc:  # noqa: BLE001 - reported by name, the run goes on
            self._failed(p.item, f"could not be stored ({type(exc).__name__}: {exc})")
            return
        self._stored(p.item, status)
