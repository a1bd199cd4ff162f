"""API fixtures: a small store, an app with keys for each role, a live server on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.security.keys import KeyStore
from api.settings import Settings
from factories import doc_one, doc_two
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CASE = ROOT / "ingest" / "sample_case"
ARTIFACTS = ROOT / "test-artifacts"


@dataclass
class Keys:
    viewer: str
    analyst: str
    admin: str
    low_viewer: str  # viewer cleared only for PUBLIC

    @staticmethod
    def header(key: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {key}"}


def add_keys(keys_db: str) -> Keys:
    keys = KeyStore(keys_db)
    try:
        return Keys(viewer=keys.add_user("vera", "viewer", "SECRET"), analyst=keys.add_user("anna", "analyst", "SECRET"),
                    admin=keys.add_user("adam", "admin"), low_viewer=keys.add_user("lou", "viewer", "PUBLIC"))
    finally:
        keys.close()


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 in a thread; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


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
