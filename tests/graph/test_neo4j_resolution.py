"""The entity-resolution tests that use a store, run again on Neo4j.

Resolution leans on the parts of the store the contract suite touches least: recorded
decisions, raw extractions and ``documents_mentioning``. The test functions are taken from
``test_resolution`` unchanged; only the ``store`` fixture differs.
"""

from __future__ import annotations

import inspect
import os

import pytest
import test_resolution

from graph.store import open_store

NEO4J_URL = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.xdist_group("neo4j"),
    pytest.mark.skipif(not NEO4J_URL, reason="no Neo4j server: set HAVENGRAPH_TEST_NEO4J_URL"),
]


@pytest.fixture
def store():
    s = open_store(NEO4J_URL)
    s.clear()
    yield s
    s.clear()
    s.close()


STORE_TESTS = sorted(name for name, fn in vars(test_resolution).items()
                     if name.startswith("test_") and callable(fn) and "store" in inspect.signature(fn).parameters)


def test_there_are_store_tests_to_rerun():
    assert len(STORE_TESTS) >= 8


# collected here, so they get this module's ``store`` fixture
globals().update({name: getattr(test_resolution, name) for name in STORE_TESTS})
