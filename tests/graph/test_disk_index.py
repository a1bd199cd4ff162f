"""The blocking index on disk answers exactly as the one in memory, and keeps its cache bounded."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

import pytest

from graph.resolution import Resolver
from graph.resolution.disk_index import MIN_CACHE, DiskBlockingIndex
from graph.resolution.evaluation import group_documents, to_extraction
from graph.resolution.features import Record
from graph.resolution.index import BlockingIndex
from graph.resolution.resolver import index_for
from graph.store.sqlite import SQLiteStore

FIRST = ["Jan", "Joris", "J.", "Karim", "Els", "Luc", "Sofie", "Nadia", "Tom"]
SURNAMES = ["Peeters", "Peteers", "Peters", "Haddad", "Wouters", "Woutres", "Hermans", "Claes", "Amrani",
            "Van den Berghe", "Jacobs"]
FIRMS = ["Blauwhoeve Logistics NV", "Blauwhoeve Shipping BV", "ZL bvba", "Zeeland Logistics BVBA",
         "Zeeland Logistiks NV", "Noordzee Trading Ltd", "Noordzee Transport", "Antwerp Reefer Services"]
VESSELS = ["MSC Anna", "MSC Ana", "Stella Maris", "Stella Marris", "Nordic Star"]
DATA = Path(__file__).resolve().parents[1] / "data" / "resolution" / "mentions.jsonl"


def view(record: Record | None) -> tuple | None:
    if record is None:
        return None
    return (record.entity_id, record.type, list(record.names), dict(record.identifiers),
            dict(record.properties), sorted(record.neighbours))


def random_record(rng: random.Random, ids: list[str]) -> Record:
    kind = rng.choice(["PERSON", "PERSON", "COMPANY", "VESSEL"])
    if kind == "PERSON":
        names = [f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}" for _ in range(rng.choice([1, 1, 2]))]
    elif kind == "COMPANY":
        names = rng.sample(FIRMS, rng.choice([1, 1, 2]))
    else:
        names = [rng.choice(VESSELS)]
    same = [e for e in ids if e.startswith(kind)]
    entity_id = rng.choice(same) if same and rng.random() < 0.3 else f"{kind}:{len(ids)}"
    identifiers = {"phone": f"+32{rng.randrange(12)}"} if rng.random() < 0.3 else {}
    properties = {"dob": f"19{rng.randrange(60, 66)}"} if kind == "PERSON" and rng.random() < 0.2 else {}
    neighbours = set(rng.sample(ids, min(len(ids), rng.randrange(3))))
    return Record(entity_id, kind, names, identifiers, properties, neighbours)


def test_the_same_answers_at_every_step_with_merges_identifiers_and_evictions() -> None:
    rng = random.Random(7)
    memory, disk = BlockingIndex(), DiskBlockingIndex(cache_records=MIN_CACHE)
    ids: list[str] = []
    merges = hits = 0
    try:
        for step in range(1500):
            record = random_record(rng, ids)
            # both see the same candidates, in the same order, and the same records
            found_m, found_d = memory.candidates(record), disk.candidates(record)
            assert [view(r) for r in found_m] == [view(r) for r in found_d], step
            assert memory.by_identifier(record) == disk.by_identifier(record), step
            hits += memory.by_identifier(record) is not None
            for m, d in zip(found_m, found_d, strict=True):  # the resolver changes what it is handed
                if rng.random() < 0.3 and ids:
                    extra = rng.choice(ids)
                    m.neighbours = {*m.neighbours, extra}
                    d.neighbours = {*d.neighbours, extra}
            filed_m, filed_d = memory.add(copy.deepcopy(record)), disk.add(copy.deepcopy(record))
            assert view(filed_m) == view(filed_d), step
            if record.entity_id not in ids:
                ids.append(record.entity_id)
            if rng.random() < 0.08 and len(ids) > 2:
                drop, keep = rng.sample(ids, 2)
                memory.absorb(drop, keep)
                disk.absorb(drop, keep)
                merges += 1
            probe = rng.choice(ids)
            assert view(memory.get(probe)) == view(disk.get(probe)), step
            assert len(memory) == len(disk), step
            assert disk.cached() <= MIN_CACHE
        for eid in ids:
            assert view(memory.get(eid)) == view(disk.get(eid)), eid
    finally:
        disk.close()
    assert merges > 50 and hits > 50 and disk.writes > len(ids)  # the sequence did exercise all that


def test_the_cache_stays_bounded_and_no_change_is_lost_on_eviction() -> None:
    bound = MIN_CACHE
    with DiskBlockingIndex(cache_records=bound) as index:
        for i in range(10 * bound):
            index.add(Record(f"p{i}", "PERSON", [f"Jan Peeters{i}"]))
            assert index.cached() <= bound
        first = index.get("p0")  # read back from the table
        first.names.append("Jan Peetres")  # changed in place, as the resolver does
        first.neighbours.add("company:x")
        for i in range(1, 3 * bound):  # pushed out of the cache
            index.get(f"p{i}")
        assert index.cached() <= bound and index.peak_cached <= bound
        again = index.get("p0")
        assert again is not first  # a fresh copy from the table...
        assert again.names == ["Jan Peeters0", "Jan Peetres"] and again.neighbours == {"company:x"}  # ...with the change
        index.add(Record("p0", "PERSON", ["J. Peeters0"], {"phone": "+3211"}))
        for i in range(1, 3 * bound):
            index.get(f"p{i}")
        assert index.by_identifier(Record("q", "PERSON", ["x"], {"phone": "+3211"})) == "p0"
        assert index.get("p0").names == ["Jan Peeters0", "Jan Peetres", "J. Peeters0"]
        assert len(index) == 10 * bound


def test_the_scratch_file_goes_at_close_and_a_small_cache_is_refused() -> None:
    index = DiskBlockingIndex(cache_records=MIN_CACHE)
    path = Path(index.path)
    assert path.exists()
    index.close()
    assert not path.exists()
    with pytest.raises(ValueError):
        DiskBlockingIndex(cache_records=MIN_CACHE - 1)
    with pytest.raises(ValueError):
        Resolver(index="nowhere")


def resolve_all(store: SQLiteStore, resolver: Resolver, documents: list) -> list[str]:
    out = []
    for doc, rows in documents:
        resolved = resolver.resolve(to_extraction(doc, rows))
        store.write(resolved)
        out.extend(resolver.canonical(m.entity_id) for m in resolved.mentions)
    return out


def graph_of(store: SQLiteStore) -> tuple:
    entities = sorted((e.entity_id, e.type, e.name, sorted(e.aliases), sorted(e.identifiers.items()))
                      for e in store.iter_entities())
    relations = sorted((r.source, r.type, r.target) for r in store.iter_relations())
    decisions = sorted((d["kind"], d["a"], d["b"], d["reason"]) for d in store.list_decisions(status=None))
    return entities, relations, decisions


def test_an_ingest_gives_the_same_graph_with_either_index(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = list(group_documents(rows))
    first, second = documents[: len(documents) // 2], documents[len(documents) // 2:]
    graphs, mentions = [], []
    for index in ("memory", "disk"):
        store = SQLiteStore(f"sqlite:///{tmp_path / (index + '.db')}")
        try:
            chosen = DiskBlockingIndex(cache_records=MIN_CACHE) if index == "disk" else index
            resolver = Resolver(store, index=chosen)
            assigned = resolve_all(store, resolver, first)
            resolver.close()
            resolver = Resolver(store, index=chosen if index == "memory" else  # loaded from the store
                                DiskBlockingIndex(cache_records=MIN_CACHE))
            assigned += resolve_all(store, resolver, second)
            if index == "disk":
                assert resolver.index.peak_cached <= MIN_CACHE and resolver.index.reads > 0
            resolver.close()
            graphs.append(graph_of(store))
            mentions.append(assigned)
        finally:
            store.close()
    assert mentions[0] == mentions[1]
    assert graphs[0] == graphs[1]
    entities, relations, decisions = graphs[0]
    assert len(entities) > 500 and len(relations) > 100 and any(d[0] == "merge" for d in decisions)


def test_large_ingests_keep_the_index_on_disk() -> None:
    assert index_for(10) == "memory" and index_for(1_000_000) == "disk"
