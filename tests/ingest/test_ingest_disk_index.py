"""An ingest gives the same graph whether the resolver's blocking index is in memory or on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_fakes import FakeExtractor

from graph.resolution import resolver
from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths

CAST = ["Jan Peeters", "Jan Peteers", "Karim Haddad", "Karim Hadad", "Els Wouters", "Luc Hermans",
        "Sofie Claes", "Sofie Claessens", "Nadia Amrani", "Tom Jacobs", "Tom Jakobs", "Bram Goossens"]


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        a, b, c = CAST[i % len(CAST)], CAST[(i * 5 + 1) % len(CAST)], CAST[(i * 7 + 3) % len(CAST)]
        (folder / f"{i:04d}.txt").write_text(f"Note {i}: {a} met {b}.\n{c} called {a} later.", encoding="utf-8")


def _graph(tmp_path: Path, name: str) -> tuple:
    store = SQLiteStore(f"sqlite:///{tmp_path / (name + '.db')}")
    try:
        report = ingest_paths([tmp_path / "notes"], store, progress=False, extractor=FakeExtractor())
        assert report.ok
        entities = sorted((e.entity_id, e.type, e.name, sorted(e.aliases)) for e in store.iter_entities())
        relations = sorted((r.source, r.type, r.target, len(r.evidence)) for r in store.iter_relations())
        decisions = sorted((d["kind"], d["a"], d["b"], d["reason"]) for d in store.list_decisions(status=None))
    finally:
        store.close()
    return entities, relations, decisions


def test_the_same_graph_with_the_index_in_memory_or_on_disk(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _corpus(tmp_path / "notes", 80)
    assert resolver.index_for(80) == "memory"
    in_memory = _graph(tmp_path, "memory")
    monkeypatch.setattr(resolver, "DISK_INDEX_FROM", 1)  # this small ingest takes the disk index
    assert resolver.index_for(80) == "disk"
    on_disk = _graph(tmp_path, "disk")
    assert in_memory == on_disk
    entities, relations, decisions = in_memory
    assert relations and any(d[0] == "merge" for d in decisions)
