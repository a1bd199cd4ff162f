"""Graph stores, chosen by URL: ``sqlite:///path.db`` (embedded default) or ``neo4j://user:pw@host:7687``."""

from __future__ import annotations

from graph.errors import UnsupportedStore
from graph.store.base import GraphStore

DEFAULT_URL = "sqlite:///havengraph.db"

__all__ = ["DEFAULT_URL", "GraphStore", "open_store"]


def open_store(url: str | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the store named by ``url`` (default: the embedded SQLite file in the working folder).

    ``read_only`` asks for a connection that only reads (the embedded store then never waits for
    a writer's lock); other backends read in read transactions anyway and ignore it.
    """
    url = url or DEFAULT_URL
    scheme = url.split(":", 1)[0].lower()
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
