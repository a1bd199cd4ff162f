"""API fixtures: a small store, an app with keys for each role, the sample case ingested once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import SAMPLE_CASE, Keys, add_keys
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from factories import doc_one, doc_two
from graph.store import open_store


@pytest.fixture
def small_store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    store = open_store(url)
    store.write(doc_one())
    store.write(doc_two())
    store.close()
    return url


@pytest.fixture
def secure(tmp_path: Path, small_store: str) -> Iterator[tuple[TestClient, Keys]]:
    """An app with auth on, and one key per role."""
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    settings = Settings(store=small_store, auth=True, keys_db=keys_db, clearance_cache_s=0.0)
    with TestClient(create_app(settings)) as client:
        yield client, keys


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample case ingested once (with the real pipeline) into a store for page and load tests."""
    pytest.importorskip("ingest")
    from ingest import ingest_paths

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    url = f"sqlite:///{path}"
    store = open_store(url)
    try:
        # the case files only: CAST.md (the answer key) and watchlist.csv are not evidence
        report = ingest_paths(sorted(SAMPLE_CASE.glob("*.txt")), store, progress=False)
        assert report.ingested >= 20, report
    finally:
        store.close()
    return url
