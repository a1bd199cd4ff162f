"""Searches answer while a writer holds the embedded store's lock (WAL readers take no write lock).

Before, each read connection of the API opened with a schema write transaction, so while any
writer held the lock for longer than the busy timeout, searches answered 500 "database is locked".
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from api_support import Keys, add_keys
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import open_store


def _hold_write_lock(url: str) -> sqlite3.Connection:
    """Another process's writer, in the middle of a long transaction."""
    db = sqlite3.connect(url.split("sqlite:///", 1)[1], isolation_level=None, check_same_thread=False)
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT OR REPLACE INTO meta VALUES ('held_by_test', '1')")
    return db


def test_searches_answer_while_another_writer_holds_the_lock(tmp_path: Path, small_store: str) -> None:
    keys_db = str(tmp_path / "keys.db")
    keys: Keys = add_keys(keys_db)
    settings = Settings(store=small_store, keys_db=keys_db, clearance_cache_s=0.0)
    with TestClient(create_app(settings)) as client:  # a server is running; then `havengraph ingest` writes
        writer = _hold_write_lock(small_store)
        try:
            for _ in range(10):
                started = time.monotonic()
                resp = client.get("/entities", params={"q": "peeters"}, headers=Keys.header(keys.viewer))
                assert resp.status_code == 200, resp.text
                assert resp.json() and time.monotonic() - started < 3.0
        finally:
            writer.execute("ROLLBACK")
            writer.close()


def test_searches_answer_while_the_apps_own_store_writes(tmp_path: Path, small_store: str) -> None:
    keys_db = str(tmp_path / "keys.db")
    keys: Keys = add_keys(keys_db)
    settings = Settings(store=small_store, keys_db=keys_db, clearance_cache_s=0.0)
    with TestClient(create_app(settings)) as client:
        main = client.app.state.store
        holding, release = threading.Event(), threading.Event()

        def long_write() -> None:
            with main._tx() as db:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('held_by_test', '1')")
                holding.set()
                release.wait(30)

        thread = threading.Thread(target=long_write)
        thread.start()
        try:
            assert holding.wait(5)
            started = time.monotonic()
            resp = client.get("/entities", params={"q": "peeters"}, headers=Keys.header(keys.viewer))
            assert resp.status_code == 200 and resp.json(), resp.text
            assert time.monotonic() - started < 3.0
        finally:
            release.set()
            thread.join()


def test_a_read_only_store_reads_under_a_held_lock_and_refuses_writes(small_store: str) -> None:
    writer = _hold_write_lock(small_store)
    try:
        started = time.monotonic()
        reader = open_store(small_store, read_only=True)
        assert reader.search("peeters") and time.monotonic() - started < 2.0
        with pytest.raises(sqlite3.OperationalError):
            reader._db.execute("DELETE FROM entities")
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
