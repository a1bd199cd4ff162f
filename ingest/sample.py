"""The bundled sample case: fictitious case files of one port-infiltration investigation.

``CAST.md`` in the folder is the answer key (who is who, for tests and for reading along); it
and ``watchlist.csv`` are not evidence and are never ingested as case files.

>>> [p.name for p in sample_case_files()][:2]
['01_pv-initial-report.txt', '02_kbo-uittreksel-blauwhoeve.txt']
>>> sample_watchlist().name
'watchlist.csv'
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

SAMPLE_CASE = Path(__file__).resolve().parent / "sample_case"


def sample_case_files(folder: Path = SAMPLE_CASE) -> list[Path]:
    """The case files of the sample case, in reading order (the answer key and watchlist left out).

    Besides the text files there is one scanned page (PNG, read by OCR where Tesseract is installed).
    """
    return sorted([*folder.glob("*.txt"), *folder.glob("*.png")])


def sample_watchlist(folder: Path = SAMPLE_CASE) -> Path:
    """The watchlist of known network members that comes with the sample case (CSV)."""
    return folder / "watchlist.csv"


#: set to 1 to let the notebooks write into the store HAVENGRAPH_STORE names (not into a copy)
IN_PLACE_ENV = "HAVENGRAPH_NOTEBOOK_IN_PLACE"


def _foreign_documents(url: str) -> int:
    """How many documents of the store at ``url`` are not sample case files (0 for no store yet)."""
    from graph.store import open_store, sqlite_path
    from ingest.source import Source

    file = sqlite_path(url)
    if file is not None and not file.is_file():
        return 0
    store = open_store(url)
    try:
        total = store.stats()["documents"]
        return total - sum(store.has_document(Source.from_path(p).sha256()) for p in sample_case_files())
    finally:
        store.close()


def notebook_store_url(out: Path, environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The store a notebook should work on, and a line saying which.

    Without ``HAVENGRAPH_STORE`` it is ``out/havengraph.db``. The notebooks write the sample case
    and their merges into the store they use, so a store named by ``HAVENGRAPH_STORE`` that holds
    other documents (a real case) is never written to: an embedded store is copied to
    ``out/copy-of-NAME`` and the copy is used; a server store is refused. A store that is empty
    or holds only the sample case is used as it is, and ``HAVENGRAPH_NOTEBOOK_IN_PLACE=1`` uses
    the named store whatever it holds.
    """
    from graph.errors import InvalidInput
    from graph.store import sqlite_path

    env = os.environ if environ is None else environ
    named = env.get("HAVENGRAPH_STORE")
    if not named:
        return f"sqlite:///{out / 'havengraph.db'}", "a store of its own"
    if env.get(IN_PLACE_ENV) == "1":
        return named, f"the store named by HAVENGRAPH_STORE itself ({IN_PLACE_ENV}=1)"
    foreign = _foreign_documents(named)
    if not foreign:
        return named, "the store named by HAVENGRAPH_STORE (empty or the sample case only)"
    source = sqlite_path(named)
    if source is None:
        raise InvalidInput(f"HAVENGRAPH_STORE names a server store with {foreign} documents of another case; the "
                           "notebooks would add the sample case and their merges to it. Copy it first (`havengraph "
                           f"migrate --from URL --to sqlite:///copy.db`) and name the copy, or set {IN_PLACE_ENV}=1")
    copy = out / f"copy-of-{source.name}"
    out.mkdir(parents=True, exist_ok=True)
    copy.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)  # a consistent copy, also while another process writes
    return (f"sqlite:///{copy.resolve()}",
            f"a copy of {source.name} ({foreign} documents of another case): that store is not changed")
