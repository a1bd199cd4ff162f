"""Fixtures shared by the graph tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from graph.store import open_store


@pytest.fixture
def neo() -> Iterator:
    """An emptied Neo4j store on the test server (emptied again afterwards)."""
    url = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
    if not url:
        pytest.skip("no Neo4j server: set HAVENGRAPH_TEST_NEO4J_URL (`scripts/neo4j start` prints it)")
    store = open_store(url)
    store.clear()
    yield store
    store.clear()
    store.close()
