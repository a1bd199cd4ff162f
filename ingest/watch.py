"""``havengraph ingest --watch DIR``: poll a folder and ingest new or changed files.

Polling (no OS-specific notification) works the same on every platform and on network shares.
A file is taken once its size and modification time stay the same over two polls, so a file
still being copied is not read half-way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.store import GraphStore, own_files
from ingest.pipeline import collect_files, ingest_paths
from ingest.report import IngestReport


def _snapshot(folder: Path, store_files: frozenset[Path] = frozenset()) -> dict[Path, tuple[int, int]]:
    found: dict[Path, tuple[int, int]] = {}
    for path in collect_files([folder], IngestReport(), store_files):
        try:
            stat = path.stat()
        except OSError:
            continue
        found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


def watch(folder: str | Path, store: GraphStore, *, interval: float = 2.0, stop: threading.Event | None = None,
          max_polls: int | None = None, on_report: Callable[[IngestReport], None] | None = None,
          **options: Any) -> IngestReport:
    """Ingest what appears or changes in ``folder`` until Ctrl-C, ``stop`` is set or ``max_polls`` have run.

    ``options`` go to :func:`ingest_paths`. Files already in the store (same bytes) are skipped
    by the ingest itself, so a restart picks up where the last run stopped.
    """
    folder = Path(folder)
    stop = stop or threading.Event()
    total = IngestReport()
    done: dict[Path, tuple[int, int]] = {}
    previous: dict[Path, tuple[int, int]] = {}
    polls = 0
    store_files = own_files(getattr(store, "url", "") or "")
    try:
        while not stop.is_set():
            current = _snapshot(folder, store_files)
            ready = sorted(p for p, sig in current.items() if previous.get(p) == sig and done.get(p) != sig)
            if ready:
                report = ingest_paths(ready, store, **options)
                for path in ready:
                    done[path] = current[path]
                total.merge(report)
                if on_report:
                    on_report(report)
            previous = current
            polls += 1
            if max_polls is not None and polls >= max_polls:
                break
            stop.wait(interval)
    except KeyboardInterrupt:
        pass
    return total
