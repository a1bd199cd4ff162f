"""A bounded load test on loopback: 50 concurrent clients for 5 s on search and neighbours, zero errors.

The server runs in its own process (uvicorn, auth on, audit on), as ``bench/api.py`` runs it for 30 s.
"""

from __future__ import annotations

import importlib.util
import random

import pytest
from api_support import ROOT, free_port

from api.security.keys import KeyStore
from graph.store import open_store


def _bench():
    spec = importlib.util.spec_from_file_location("bench_api", ROOT / "bench" / "api.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_fifty_clients_five_seconds_no_errors(sample_store, tmp_path):
    bench = _bench()
    store = open_store(sample_store)
    try:
        entities = list(store.iter_entities())
    finally:
        store.close()
    rng = random.Random(5)
    ids = [e.entity_id for e in rng.sample(entities, min(100, len(entities)))]
    words = sorted({w for e in entities for w in e.name.split() if len(w) > 3})[:200]
    keys = KeyStore(str(tmp_path / "keys.db"))
    key = keys.add_user("loader", "viewer", "SECRET")
    keys.close()
    with bench.serve(sample_store, str(tmp_path / "keys.db"), free_port()) as base:
        result = bench.run_load(base, key, ids, words, seconds=5.0, clients=50)
    print(f"\nload test: {result['requests']} requests in 5 s by 50 clients, {result['errors']} errors, "
          f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms")
    assert result["errors"] == 0, result["error_samples"]
    assert result["requests"] >= 10
    audit = KeyStore(str(tmp_path / "keys.db"))
    try:
        logged = audit.db.execute("SELECT COUNT(*) FROM audit WHERE who = 'loader'").fetchone()[0]
    finally:
        audit.close()
    assert logged >= result["requests"]  # every request was audited, none lost under load
