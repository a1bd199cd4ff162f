"""API latency on a large store, and a load test on loopback.

Builds a synthetic store of about 1,000,000 relations (``--size full``, the default; ``--size
small`` for about 20,000) with ``store.write_many`` of hand-built extractions, serves it with
uvicorn in its own process on 127.0.0.1 (auth on: every request is authenticated, filtered by
clearance and audited, as in production), then

* times ``GET /entities/{id}/neighbors?depth=2&limit=200`` and ``GET /entities?q=...`` one at a
  time on random entities and names: p50/p95 per endpoint;
* runs 50 concurrent clients for 30 s (``--seconds``) mixing both: errors, p50 and p95.

With ``HAVENGRAPH_TEST_NEO4J_URL`` set, the same data is written to that Neo4j (which is
cleared first) and timed the same way.

The last line is one JSON object: ``neighbors_p95_ms_sqlite``, ``search_p95_ms_sqlite`` (and
``_neo4j``), and from the load test ``errors``, ``p50_ms``, ``p95_ms``, ``requests``, ``rps``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from api.security.keys import KeyStore  # noqa: E402
from graph.model import Document, Entity, Evidence, Extraction, Relation  # noqa: E402

SIZES = {"full": (1_000_000, 150_000), "small": (20_000, 4_000)}
FIRST = ["jan", "piet", "karel", "milan", "nordin", "stijn", "ruben", "els", "wendy", "jordy", "anke", "lotte",
         "youssef", "bram", "sven", "lars", "femke", "ilse", "tom", "koen", "sara", "noor", "ines", "hugo"]
SYLLABLES = ["van", "der", "ka", "ste", "leyn", "dew", "olf", "had", "dou", "chi", "pei", "rs", "man", "bak",
             "ken", "es", "ver", "bie", "st", "lau", "wers", "jans", "sens", "ro", "mb", "outs", "aer", "ts"]
COMPANY_WORDS = ["logistics", "shipping", "forwarding", "trading", "fruit", "cargo", "maritime", "transport",
                 "agency", "terminal", "import", "export", "holding", "services"]
PERSON_TYPES = ("CONTACTED", "ASSOCIATE_OF", "FAMILY_OF")
PERSON_COMPANY_TYPES = ("EMPLOYED_BY", "DIRECTOR_OF")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def synthetic(n_edges: int, n_entities: int, per_doc: int = 1000, seed: int = 7) -> Iterator[Extraction]:
    """Extractions of ``per_doc`` relations each; 80% people, 20% firms, a few hubs (brokers)."""
    rng = random.Random(seed)
    entities = []
    for i in range(n_entities):
        if i % 5:
            name = f"{rng.choice(FIRST).title()} {''.join(rng.choices(SYLLABLES, k=3)).title()} {i}"
            entities.append(Entity(f"person:p{i}", "PERSON", name))
        else:
            name = f"{''.join(rng.choices(SYLLABLES, k=2)).title()} {rng.choice(COMPANY_WORDS).title()} {i} NV"
            entities.append(Entity(f"company:c{i}", "COMPANY", name))
    hubs = rng.sample(range(n_entities), max(10, n_entities // 500))
    seen: set[tuple[int, int, str]] = set()
    introduced: set[int] = set()
    doc_no, batch = 0, []
    while len(seen) < n_edges:
        a = rng.choice(hubs) if rng.random() < 0.05 else rng.randrange(n_entities)
        b = rng.randrange(n_entities)
        if a == b:
            continue
        ea, eb = entities[a], entities[b]
        if ea.type == "PERSON" and eb.type == "PERSON":
            type_ = rng.choice(PERSON_TYPES)
        elif ea.type == "PERSON":
            type_ = rng.choice(PERSON_COMPANY_TYPES)
        elif eb.type == "PERSON":
            a, b, ea, eb = b, a, eb, ea
            type_ = rng.choice(PERSON_COMPANY_TYPES)
        else:
            type_ = "OWNS"
        key = (min(a, b), max(a, b), type_) if type_ in PERSON_TYPES else (a, b, type_)
        if key in seen:
            continue
        seen.add(key)
        batch.append((a, b, type_))
        if len(batch) == per_doc or len(seen) == n_edges:
            yield _extraction(doc_no, batch, entities, introduced, rng)
            doc_no, batch = doc_no + 1, []


def _extraction(doc_no: int, batch: list[tuple[int, int, str]], entities: list[Entity], introduced: set[int],
                rng: random.Random) -> Extraction:
    text = f"Synthetic case file {doc_no}: {len(batch)} facts."
    doc = Document(Document.id_for_bytes(text.encode()), text, title=f"synthetic-{doc_no}.txt",
                   source=f"synthetic-{doc_no}.txt", date=f"2023-{1 + doc_no % 12:02d}-01")
    new = {i for a, b, _ in batch for i in (a, b)} - introduced
    introduced |= new
    relations = [Relation(entities[a].entity_id, entities[b].entity_id, t,
                          [Evidence(doc.doc_id, 0, 10, f"{t.lower()} seen", "structured", weight=1.0,
                                    date=doc.date)]) for a, b, t in batch]
    return Extraction(doc, [entities[i] for i in sorted(new)], [], [], relations)


def build(url: str, size: str) -> dict[str, Any]:
    from graph.store import open_store

    n_edges, n_entities = SIZES[size]
    store = open_store(url)
    started = time.perf_counter()
    try:
        store.clear()
        chunk: list[Extraction] = []
        for ex in synthetic(n_edges, n_entities):
            chunk.append(ex)
            if len(chunk) == 20:
                store.write_many(chunk)
                chunk = []
        if chunk:
            store.write_many(chunk)
        stats = store.stats()
    finally:
        store.close()
    return {"relations": stats["relations"], "entities": stats["entities"], "build_s": time.perf_counter() - started}


def existing(url: str, size: str) -> dict[str, Any] | None:
    """The counts of a store built before for this size, or None if it must be built."""
    from graph.store import open_store

    store = open_store(url)
    try:
        stats = store.stats()
    finally:
        store.close()
    if stats["relations"] < SIZES[size][0]:
        return None
    return {"relations": stats["relations"], "entities": stats["entities"], "build_s": 0.0}


@contextmanager
def serve(store_url: str, keys_db: str, port: int) -> Iterator[str]:
    """``uvicorn api.app:create_app --factory`` in its own process on 127.0.0.1."""
    env = {**os.environ, "HAVENGRAPH_STORE": store_url, "HAVENGRAPH_KEYS_DB": keys_db, "HAVENGRAPH_AUTH": "true",
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host",
                             "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"],
                            env=env, cwd=str(ROOT))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("the API server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def sequential(base: str, key: str, ids: list[str], words: list[str], n: int = 300) -> dict[str, float]:
    """p50/p95 of neighbours (depth 2, limit 200) and search, one request at a time."""
    rng = random.Random(11)
    out: dict[str, float] = {}
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=60) as client:
        for name, make in (("neighbors", lambda: (f"/entities/{rng.choice(ids)}/neighbors",
                                                   {"depth": 2, "limit": 200})),
                           ("search", lambda: ("/entities", {"q": rng.choice(words), "limit": 20}))):
            times = []
            for i in range(n + 20):
                path, params = make()
                started = time.perf_counter()
                resp = client.get(path, params=params)
                elapsed = (time.perf_counter() - started) * 1000
                resp.raise_for_status()
                if i >= 20:  # warm-up excluded
                    times.append(elapsed)
            out[f"{name}_p50_ms"] = percentile(times, 50)
            out[f"{name}_p95_ms"] = percentile(times, 95)
    return out


async def _client(base: str, key: str, ids: list[str], words: list[str], until: float, seed: int,
                  times: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        while time.perf_counter() < until:
            if rng.random() < 0.5:
                path, params = f"/entities/{rng.choice(ids)}/neighbors", {"depth": 2, "limit": 200}
            else:
                path, params = "/entities", {"q": rng.choice(words), "limit": 20}
            started = time.perf_counter()
            try:
                resp = await client.get(path, params=params)
                if resp.status_code != 200:
                    errors.append(f"{resp.status_code} {path}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {path}")
            times.append((time.perf_counter() - started) * 1000)


def run_load(base: str, key: str, ids: list[str], words: list[str], seconds: float = 30.0,
             clients: int = 50) -> dict[str, Any]:
    """``clients`` concurrent clients for ``seconds`` on search and neighbours: errors, p50, p95."""
    times: list[float] = []
    errors: list[str] = []

    async def main() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(*(_client(base, key, ids, words, until, i, times, errors) for i in range(clients)))

    started = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - started
    return {"errors": len(errors), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "requests": len(times), "rps": len(times) / elapsed, "clients": clients, "seconds": seconds,
            "error_samples": sorted(set(errors))[:5]}


def samples(size: str) -> tuple[list[str], list[str]]:
    n_edges, n_entities = SIZES[size]
    rng = random.Random(3)
    ids = [f"person:p{i}" if i % 5 else f"company:c{i}" for i in rng.sample(range(n_entities), 500)]
    words = FIRST + COMPANY_WORDS + ["".join(rng.choices(SYLLABLES, k=2)) for _ in range(40)]
    return ids, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--seconds", type=float, default=30.0, help="load test duration")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--store", help="sqlite:///FILE to keep the synthetic store between runs "
                        "(built when it holds fewer relations than --size asks for)")
    args = parser.parse_args()

    ids, words = samples(args.size)
    result: dict[str, Any] = {"size": args.size}
    with tempfile.TemporaryDirectory(prefix="havengraph-bench-api-") as tmp:
        keys_db = str(Path(tmp) / "keys.db")
        keys = KeyStore(keys_db)
        key = keys.add_user("bench", "analyst", "SECRET")
        keys.close()

        url = args.store or f"sqlite:///{Path(tmp) / 'bench.db'}"
        built = existing(url, args.size) or build(url, args.size)
        print(f"sqlite store: {built['relations']} relations, {built['entities']} entities, "
              f"built in {built['build_s']:.0f} s", flush=True)
        result.update({"relations_sqlite": built["relations"], "build_s_sqlite": round(built["build_s"], 1)})
        with serve(url, keys_db, args.port) as base:
            seq = sequential(base, key, ids, words)
            print(f"sqlite sequential: {json.dumps({k: round(v, 2) for k, v in seq.items()})}", flush=True)
            result.update({f"{k}_sqlite": round(v, 2) for k, v in seq.items()})
            load = run_load(base, key, ids, words, args.seconds, args.clients)
            print(f"load test: {load['clients']} clients x {load['seconds']:.0f} s: {load['requests']} requests, "
                  f"{load['errors']} errors, p50 {load['p50_ms']:.1f} ms, p95 {load['p95_ms']:.1f} ms", flush=True)
            result.update({k: (round(v, 2) if isinstance(v, float) else v) for k, v in load.items()
                           if k != "error_samples"})

        neo4j = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
        if neo4j:
            built = build(neo4j, args.size)
            print(f"neo4j store: {built['relations']} relations, built in {built['build_s']:.0f} s", flush=True)
            result.update({"relations_neo4j": built["relations"], "build_s_neo4j": round(built["build_s"], 1)})
            with serve(neo4j, keys_db, args.port + 1) as base:
                seq = sequential(base, key, ids, words)
            result.update({f"{k}_neo4j": round(v, 2) for k, v in seq.items()})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
