"""``bench/e2e.py --size small`` end to end, in a subprocess: every stage ran and counted something.

SQLite only, unless ``HAVENGRAPH_TEST_NEO4J_URL`` names a Neo4j to run the store stages on too
(the run clears it, as the store contract tests do). No timing assertions: the figures depend on the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
STAGES = ["generate", "ingest_records", "ingest_nlp", "resolution", "store", "analysis", "api"]


def test_small_end_to_end_run_reports_every_stage(tmp_path: Path) -> None:
    neo4j = os.environ.get("HAVENGRAPH_TEST_NEO4J_URL")
    cmd = [sys.executable, str(REPO / "bench" / "e2e.py"), "--size", "small", "--workers", "1",
           "--work", str(tmp_path)]
    if not neo4j:
        cmd.append("--no-neo4j")
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    out = json.loads(lines[-1])
    assert out["documents"] == sorted(out["documents"]) and len(out["documents"]) == 2
    assert all(n > 0 for n in out["documents"] + out["nlp_documents"] + out["relations"] + out["entities"])
    assert all(b > 0 for b in out["sqlite_bytes"])
    suffixes = ["", "_neo4j"] if neo4j else [""]
    for stage in STAGES:
        names = [stage] if stage in ("generate", "ingest_records", "ingest_nlp") else [stage + s for s in suffixes]
        for name in names:
            assert all(s > 0 for s in out[f"{name}_seconds"]), name
            assert all(r > 0 for r in out[f"{name}_items_per_s"]), name
            assert all(m > 0 for m in out[f"{name}_peak_rss_mb"]), name
            assert isinstance(out[f"exponent_{name}"], float), name
    assert isinstance(out["exponent_ingest"], float)
    if neo4j:
        assert all(n > 0 for n in out["neo4j_nodes"] + out["neo4j_relationships"])
    # every API query was answered
    assert all(ok > 0 for ok in out["api_ok"])
    # the table names every stage
    text = done.stdout
    assert all(stage in text for stage in STAGES)


@pytest.fixture
def e2e(monkeypatch):
    """bench/e2e.py as a module; the bench modules it imports (``synthetic``...) are forgotten after,
    so that they do not shadow same-named helpers of other tests."""
    before = set(sys.modules)
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    import e2e as module

    yield module
    for name in set(sys.modules) - before:
        del sys.modules[name]


def test_a_stage_not_run_at_a_size_is_reported_as_missing_not_as_zero(e2e) -> None:
    """The JSON of a run whose third size skipped Neo4j says null there, and fits on the sizes that ran."""

    def fig(seconds: float) -> dict:
        return {"seconds": seconds, "cpu_seconds": seconds / 2, "peak_rss_mb": 100.0, "items": 10, "unit": "docs"}

    runs = [{"documents": n, "nlp_documents": 1, "record_documents": n - 1, "record_rows": n,
             "store_size": {"bytes": 1, "entities": n, "relations": n},
             "stages": {"store": fig(n / 100), **({"store_neo4j": fig(n / 50)} if neo else {})},
             **({"store_size_neo4j": {"entities": n, "relations": n}} if neo else {})}
            for n, neo in ((100, True), (1000, True), (10_000, False))]
    out = e2e.summary(runs, type("Args", (), {"workers": 1})())
    assert out["store_neo4j_seconds"] == [2.0, 20.0, None]
    assert out["store_neo4j_items_per_s"][2] is None and out["neo4j_nodes"] == [100, 1000, None]
    assert out["exponent_store_neo4j"] == 1.0 == out["exponent_store"]  # fitted on the two sizes that ran
    assert "store_neo4j" in e2e.table(runs) and "10000" in e2e.table(runs)
