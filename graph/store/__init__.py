"""Graph stores, chosen by URL: ``sqlite:///path.db`` (embedded default) or ``neo4j://user:pw@host:7687``."""

from __future__ import annotations

from pathlib import Path

from graph.errors import StoreUnavailable, UnsupportedStore
from graph.store.base import GraphStore

DEFAULT_URL = "sqlite:///havengraph.db"
#: files kept beside an embedded store's file (``case.db`` -> ``case.keys.db``): the API keys and
#: audit log, and the alert book of earlier versions
KEYS_SUFFIX, ALERTS_SUFFIX = ".keys.db", ".alerts.db"
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")

__all__ = ["DEFAULT_URL", "GraphStore", "open_store"]


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///path.db`` URL (``None`` for another scheme or an in-memory store)."""
    if not url.lower().startswith("sqlite://"):
        return None
    path = url.split("sqlite://", 1)[1]
    path = path[1:] if path.startswith("/") else path
    return Path(path) if path and path != ":memory:" else None


def side_file(url: str, suffix: str) -> str:
    """Where a file kept beside the store at ``url`` lives: next to an embedded store's file
    (``case.db`` -> ``case<suffix>``), ``:memory:`` beside an in-memory one, else ``havengraph<suffix>``
    in the working folder."""
    file = sqlite_path(url)
    if file is not None:
        return str(file.with_name(file.stem + suffix))
    return ":memory:" if url.lower().startswith("sqlite://") else "havengraph" + suffix


def own_files(url: str) -> frozenset[Path]:
    """Every file an embedded store at ``url`` writes (its database, journals and side files),
    resolved, so that an ingest of the folder that holds the store leaves them out."""
    file = sqlite_path(url)
    if file is None:
        return frozenset()
    bases = [file.name] + [file.stem + suffix for suffix in (KEYS_SUFFIX, ALERTS_SUFFIX)]
    return frozenset((file.parent / (base + tail)).resolve() for base in bases for tail in _SQLITE_COMPANIONS)


def open_store(url: str | None = None, *, create: bool = True, read_only: bool = False) -> GraphStore:
    """Open the store named by ``url`` (default: the embedded SQLite file in the working folder).

    With ``create=False`` (what read-only commands ask for) an embedded store that does not exist
    yet is an error instead of a new, empty file.

    ``read_only`` asks for a connection that only reads (the embedded store then never waits for
    a writer's lock); other backends read in read transactions anyway and ignore it.
    """
    url = url or DEFAULT_URL
    scheme = url.split(":", 1)[0].lower()
    file = sqlite_path(url)
    if not create and file is not None and not file.is_file():
        raise StoreUnavailable(f"there is no store at {file}: ingest case files into it first "
                               f"(`havengraph ingest FOLDER --store {url}`), or name an existing store "
                               "with --store or HAVENGRAPH_STORE")
    if scheme == "sqlite":
        from graph.store.sqlite import SQLiteStore

        return SQLiteStore(url, read_only=read_only)
    if scheme in {"neo4j", "bolt", "neo4j+s", "bolt+s", "neo4j+ssc", "bolt+ssc"}:
        try:
            from graph.store.neo4j import Neo4jStore
        except ImportError as exc:  # the backend module is not there yet
            raise UnsupportedStore(f"the Neo4j backend is not available: {exc}") from exc
        return Neo4jStore(url)
    raise UnsupportedStore(
        f"unknown store URL {url!r}: use sqlite:///path/havengraph.db or neo4j://user:password@host:7687"
    )
