"""The blocking index kept on disk: the same interface and the same candidates, in the same order,
as :class:`graph.resolution.index.BlockingIndex`, with memory bounded by an LRU of records.

Everything lives in a scratch SQLite file (a temporary file, deleted at :meth:`close` or when the
index is garbage-collected): records serialised with ``pickle`` and read on demand, the key blocks
and the identifiers as indexed tables, the redirects of merged entities as a table. Only the
``cache_records`` records used last are kept as objects.

The resolver mutates the records it is handed (names extended, neighbours put under their current
ids), as it does with the in-memory index. Each cached record keeps the bytes it was read as; when
it leaves the cache it is serialised again and written back if it changed, so a change made to a
cached record is never lost; a record is always looked for in the cache before the table, so a
table row older than its cached record is never read. The records a ``candidates`` call returns (at most ``MAX_CANDIDATES``)
are all still cached when it returns, hence the smallest cache, ``MIN_CACHE``.

>>> from graph.resolution.features import Record
>>> with DiskBlockingIndex(cache_records=MIN_CACHE) as index:
...     _ = index.add(Record("person:jan-peeters", "PERSON", ["Jan Peeters"]))
...     [r.entity_id for r in index.candidates(Record("new", "PERSON", ["J. Peeters"]))]
['person:jan-peeters']
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from pathlib import Path

from graph.resolution.features import Record
from graph.resolution.index import (
    MAX_BLOCK,
    MAX_BROAD_PERSON,
    MAX_CANDIDATES,
    blocking_keys,
    pool,
    query_keys,
)

#: records kept as objects by default (a cached person with its parsed names is a few KB)
CACHE_RECORDS = 4_096
#: the smallest cache: every record one ``candidates`` call returns stays cached until it returns
MIN_CACHE = 2 * MAX_CANDIDATES
#: SQLite's own page cache, in KiB
PAGE_CACHE_KB = 16_384
_CHUNK = 500  # parameters in one ``IN (...)``

_SCHEMA = """
CREATE TABLE records (eid TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE blocks (type TEXT, key TEXT, eid TEXT, PRIMARY KEY (type, key, eid)) WITHOUT ROWID;
CREATE TABLE identifiers (type TEXT, scheme TEXT, value TEXT, eid TEXT NOT NULL,
                          PRIMARY KEY (type, scheme, value)) WITHOUT ROWID;
CREATE TABLE redirects (drop_id TEXT PRIMARY KEY, keep_id TEXT NOT NULL) WITHOUT ROWID;
"""


def _encode(record: Record) -> bytes:
    return pickle.dumps((record.type, record.names, record.identifiers, record.properties, record.neighbours),
                        protocol=pickle.HIGHEST_PROTOCOL)


def _decode(entity_id: str, data: bytes) -> Record:
    type_, names, identifiers, properties, neighbours = pickle.loads(data)
    return Record(entity_id, type_, names, identifiers, properties, neighbours)


def _close(db: sqlite3.Connection, path: str, owner: int) -> None:
    if os.getpid() != owner:  # a forked copy of the process: the file is its parent's
        return
    try:
        db.close()
    finally:
        Path(path).unlink(missing_ok=True)


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


class DiskBlockingIndex:
    """Entity records filed by type and blocking key in a scratch SQLite file; an LRU of records."""

    def __init__(self, cache_records: int = CACHE_RECORDS, directory: str | Path | None = None) -> None:
        if cache_records < MIN_CACHE:
            raise ValueError(f"cache_records must be at least {MIN_CACHE}")
        self.cache_records = cache_records
        fd, self.path = tempfile.mkstemp(prefix="havengraph-index-", suffix=".sqlite", dir=directory)
        os.close(fd)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._closer = weakref.finalize(self, _close, self._db, self.path, os.getpid())
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", f"cache_size=-{PAGE_CACHE_KB}"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.executescript(_SCHEMA)
        self._db.execute("BEGIN")  # scratch space: one transaction, never committed
        #: entity id -> (record, the bytes it was read as; None if never written)
        self._cache: OrderedDict[str, tuple[Record, bytes | None]] = OrderedDict()
        self._count = 0
        self._redirects = 0
        self.reads = 0  # records read from the table
        self.writes = 0  # records written to it (new or changed, on leaving the cache)
        self.peak_cached = 0

    # -- housekeeping ------------------------------------------------------------------------------
    def close(self) -> None:
        """Drop the scratch file; the index is unusable afterwards."""
        self._cache.clear()
        self._closer()

    def __enter__(self) -> DiskBlockingIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._count

    def cached(self) -> int:
        """Records held as objects now."""
        return len(self._cache)

    # -- records -------------------------------------------------------------------------------------
    def _put(self, record: Record, data: bytes) -> None:
        self._db.execute("INSERT OR REPLACE INTO records VALUES (?, ?)", (record.entity_id, data))
        self.writes += 1

    def _keep(self, record: Record, stored: bytes | None) -> None:
        self._cache[record.entity_id] = (record, stored)
        while len(self._cache) > self.cache_records:
            _, (old, old_stored) = self._cache.popitem(last=False)
            data = _encode(old)
            if data != old_stored:
                self._put(old, data)
        self.peak_cached = max(self.peak_cached, len(self._cache))

    def _record(self, entity_id: str) -> Record | None:
        """The record filed under exactly ``entity_id`` (no redirect followed)."""
        hit = self._cache.get(entity_id)
        if hit is not None:
            self._cache.move_to_end(entity_id)
            return hit[0]
        row = self._db.execute("SELECT data FROM records WHERE eid = ?", (entity_id,)).fetchone()
        if row is None:
            return None
        self.reads += 1
        record = _decode(entity_id, row[0])
        self._keep(record, row[0])
        return record

    def _records(self, entity_ids: list[str]) -> list[Record]:
        """The records filed under ``entity_ids``, in that order (missing ones left out)."""
        wanted = [e for e in entity_ids if e not in self._cache]
        found: dict[str, bytes] = {}
        for part in _chunks(wanted):
            marks = ",".join("?" * len(part))
            found.update(self._db.execute(f"SELECT eid, data FROM records WHERE eid IN ({marks})", part))
        out = []
        for eid in entity_ids:
            hit = self._cache.get(eid)
            if hit is not None:
                self._cache.move_to_end(eid)
                out.append(hit[0])
            elif eid in found:
                self.reads += 1
                record = _decode(eid, found[eid])
                self._keep(record, found[eid])
                out.append(record)
            else:  # cached a moment ago, pushed out (and written back) by the records read since
                record = self._record(eid)
                if record is not None:
                    out.append(record)
        return out

    def _has(self, entity_id: str) -> bool:
        return entity_id in self._cache or self._db.execute(
            "SELECT 1 FROM records WHERE eid = ?", (entity_id,)).fetchone() is not None

    def _pop(self, entity_id: str) -> Record | None:
        record = self._record(entity_id)
        if record is not None:
            del self._cache[entity_id]
            self._db.execute("DELETE FROM records WHERE eid = ?", (entity_id,))
        return record

    # -- redirects -----------------------------------------------------------------------------------
    def _final(self, entity_id: str) -> str:
        if not self._redirects:
            return entity_id
        seen = set()
        while entity_id not in seen:
            row = self._db.execute("SELECT keep_id FROM redirects WHERE drop_id = ?", (entity_id,)).fetchone()
            if row is None:
                break
            seen.add(entity_id)
            entity_id = row[0]
        return entity_id

    def _finals(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """``_final`` of many ids, one query per step of the longest chain."""
        out = {e: e for e in entity_ids}
        seen: dict[str, set[str]] = {e: set() for e in out}
        frontier = set(out)
        while frontier:
            step: dict[str, str] = {}
            for part in _chunks(sorted(frontier)):
                marks = ",".join("?" * len(part))
                step.update(self._db.execute(
                    f"SELECT drop_id, keep_id FROM redirects WHERE drop_id IN ({marks})", part))
            frontier = set()
            for origin, current in out.items():
                if current in step and current not in seen[origin]:
                    seen[origin].add(current)
                    out[origin] = step[current]
                    frontier.add(step[current])
        return out

    # -- the interface of BlockingIndex ------------------------------------------------------------
    def get(self, entity_id: str) -> Record | None:
        return self._record(self._final(entity_id))

    def add(self, record: Record) -> Record:
        """File ``record`` (or pool it into the known record with its id); returns the filed record."""
        known = self.get(record.entity_id)
        new_names = record.names
        if known is not None:
            new_names = pool(known, record)
            record = known
        else:
            if not (self._redirects and self._has(record.entity_id)):  # (filed under a merged id: replaced)
                self._count += 1
            self._keep(record, None)
        keys = {key for name in new_names for key in blocking_keys(record.type, name)}
        if keys:
            self._db.executemany("INSERT OR IGNORE INTO blocks VALUES (?, ?, ?)",
                                 [(record.type, key, record.entity_id) for key in keys])
        if record.identifiers:
            self._db.executemany("INSERT OR IGNORE INTO identifiers VALUES (?, ?, ?, ?)",
                                 [(record.type, s, v, record.entity_id) for s, v in record.identifiers.items()])
        return record

    def add_all(self, records: Iterable[Record]) -> None:
        for record in records:
            self.add(record)

    def absorb(self, drop: str, keep: str) -> None:
        """``drop`` was merged into ``keep``: one record from now on, found under either's keys."""
        drop, keep = self._final(drop), self._final(keep)
        if drop == keep:
            return
        old = self._pop(drop)
        if old is None:
            return
        self._db.execute("INSERT OR REPLACE INTO redirects VALUES (?, ?)", (drop, keep))
        self._redirects += 1
        moved = Record(keep, old.type, old.names, old.identifiers, old.properties, old.neighbours)
        if self._has(keep):
            self._count -= 1
            self.add(moved)
        else:
            self._keep(moved, None)

    def by_identifier(self, record: Record) -> str | None:
        for scheme, value in record.identifiers.items():
            row = self._db.execute("SELECT eid FROM identifiers WHERE type = ? AND scheme = ? AND value = ?",
                                   (record.type, scheme, value)).fetchone()
            if row is not None:
                found = self._final(row[0])
                if found != record.entity_id:
                    return found
        return None

    def candidates(self, record: Record) -> list[Record]:
        """Known records of the same type sharing a blocking key, most keys shared first; apart from
        people, one shared broad key ("logistics") is not enough (as ``BlockingIndex.candidates``)."""
        keys: set[tuple[str, bool]] = set()
        for name in record.names:
            keys |= query_keys(record.type, name)
        if not keys:
            return []
        broad_limit = MAX_BROAD_PERSON if record.type == "PERSON" else MAX_BLOCK
        names = sorted({k for k, _ in keys})
        sizes: dict[str, int] = {}
        for part in _chunks(names):
            marks = ",".join("?" * len(part))
            sizes.update(self._db.execute(
                f"SELECT key, COUNT(*) FROM blocks WHERE type = ? AND key IN ({marks}) GROUP BY key",
                [record.type, *part]))
        used = sorted({k for k, is_exact in keys if k in sizes and (is_exact or sizes[k] <= broad_limit)})
        blocks: dict[str, list[str]] = defaultdict(list)
        for part in _chunks(used):
            marks = ",".join("?" * len(part))
            for key, eid in self._db.execute(
                    f"SELECT key, eid FROM blocks WHERE type = ? AND key IN ({marks})", [record.type, *part]):
                blocks[key].append(eid)
        hits: dict[str, int] = defaultdict(int)
        exact: set[str] = set()
        for key, is_exact in keys:  # a key may come both exact and not: counted once for each, as in memory
            if key not in sizes or (sizes[key] > broad_limit and not is_exact):
                continue
            block = blocks[key]
            for eid in block:
                hits[eid] += 1
            if is_exact:
                exact.update(block)
        if record.type != "PERSON":
            hits = {e: n for e, n in hits.items() if n >= 2 or e in exact}
        if self._redirects:
            finals = self._finals(hits)
            merged: dict[str, int] = defaultdict(int)
            for eid, n in hits.items():
                merged[finals[eid]] += n
            hits = merged
        hits.pop(record.entity_id, None)
        ranked = sorted(hits, key=lambda e: (-hits[e], e))[:MAX_CANDIDATES]
        return self._records(ranked)
