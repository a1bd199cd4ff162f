"""Fixtures for ingest tests: a fresh SQLite store, the fake extractor, a file writer."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ingest_fakes import FakeExtractor  # noqa: E402

from graph.store.sqlite import SQLiteStore  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    db = SQLiteStore(f"sqlite:///{tmp_path / 'store.db'}")
    yield db
    db.close()


@pytest.fixture
def fake() -> FakeExtractor:
    return FakeExtractor()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """``write("case/a.txt", data)`` -> the path, under a fresh folder."""
    root = tmp_path / "files"

    def _write(name: str, data: bytes | str) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    return _write
