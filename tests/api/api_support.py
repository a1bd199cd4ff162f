"""Helpers shared by the API tests: keys for each role, a live server on loopback, paths."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from api.security.keys import KeyStore

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


def wait_for_job(client: object, job_id: str, key: str, timeout: float = 120.0) -> dict:
    """Poll ``GET /jobs/{job_id}`` until the ingest job is done or failed; returns its last state."""
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(f"/jobs/{job_id}", headers=Keys.header(key)).json()  # type: ignore[attr-defined]
        if job.get("status") in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.1)
