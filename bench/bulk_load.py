"""Neo4j bulk first load (``neo4j-admin database import full``) vs the batched ingest, same graph.

    python bench/bulk_load.py --store neo4j://user:pw@127.0.0.1:7687 [--docs 10000] [--neo4j-home DIR]

The store must be the local server that ``scripts/neo4j`` runs (the import stops and restarts
it) and is **cleared**: point it at a scratch server. The synthetic case files of
``bench/neo4j_write.py`` (entities, mentions, relations with evidence) are written twice:

1. *batched*: one ``Neo4jStore.write_many`` call, as ``havengraph ingest`` writes;
2. *bulk*: the same extractions written to a staging SQLite store (timed apart: ``bulk-load``
   stages what the extraction gives, as ``ingest`` would write it), then the load proper —
   CSV files, server stop, import, server start, constraints and indexes.

Both must leave the same counts. ``bulk_vs_batched`` divides the relation rows per second of the
whole load (everything ``bulk-load`` does after extraction but the staging) by the batched
ingest's; ``bulk_import_vs_batched`` counts the CSV files and the importer alone (the server's
stop and start are fixed costs of the local server); ``bulk_with_staging_vs_batched`` adds the
staging. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from neo4j_write import synthetic_docs  # noqa: E402

from graph.store.neo4j import Neo4jStore  # noqa: E402
from graph.store.neo4j_bulk import load_staged, local_server  # noqa: E402
from graph.store.sqlite import SQLiteStore  # noqa: E402

COUNTED = ("documents", "entities", "relations", "evidence", "mentions")


def counts(store: Any) -> dict[str, int]:
    stats = store.stats()
    return {k: stats[k] for k in COUNTED}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", default=os.environ.get("HAVENGRAPH_TEST_NEO4J_URL"),
                        help="local Neo4j URL (cleared!); default $HAVENGRAPH_TEST_NEO4J_URL")
    parser.add_argument("--docs", type=int, default=10_000, help="synthetic case files (10,000)")
    parser.add_argument("--no-batched", action="store_true",
                        help="bulk load only (for sizes whose batched ingest takes too long); no ratios")
    parser.add_argument("--neo4j-home", help="state folder of the scripts/neo4j server (HAVENGRAPH_NEO4J_HOME)")
    args = parser.parse_args()
    if not args.store:
        parser.error("give --store neo4j://user:password@127.0.0.1:7687 or set HAVENGRAPH_TEST_NEO4J_URL")
    local_server(args.store, args.neo4j_home)  # refuses before an hour of work if the import cannot run
    docs = synthetic_docs(args.docs)
    rel_rows = sum(len(d.relations) for d in docs)
    load_before = os.getloadavg()[0]

    batched_s, batched_counts = None, None
    with Neo4jStore(args.store) as store:
        store.clear()
        if not args.no_batched:
            store.write_many(synthetic_docs(20, seed=99))  # the server plans the statements once
            store.clear()
            started = time.perf_counter()
            store.write_many(iter(docs))
            batched_s = time.perf_counter() - started
            batched_counts = counts(store)
            print(f"batched ingest: {rel_rows} relation rows in {batched_s:.1f} s, {batched_counts}", file=sys.stderr)
            store.clear()

    with tempfile.TemporaryDirectory(prefix="havengraph-bench-bulk-") as tmp:
        staging = Path(tmp) / "staging.db"
        started = time.perf_counter()
        stage = SQLiteStore(f"sqlite:///{staging}")
        stage.write_many(iter(docs))
        stage.close()
        staging_s = time.perf_counter() - started
        report = load_staged(staging, args.store, home=args.neo4j_home, csv_dir=Path(tmp) / "csv")
        log = (Path(tmp) / "csv" / "import.log").read_text(encoding="utf-8").splitlines()
        print("importer:\n" + "\n".join(line for line in log if "IMPORT DONE" in line or "Peak memory" in line
                                         or line.startswith(("Nodes", "Relationships", "(", "Import"))),
              file=sys.stderr)
    seconds = report.seconds
    print(f"bulk load: staging {staging_s:.1f} s, {report.to_dict()}", file=sys.stderr)
    with Neo4jStore(args.store) as store:
        bulk_counts = counts(store)
        store.clear()
    if batched_counts is not None and bulk_counts != batched_counts:
        raise SystemExit(f"the two loads differ: bulk {bulk_counts}, batched {batched_counts}")

    load_s = sum(seconds.values())
    import_s = seconds["csv"] + seconds["import"]
    batched_rate = rel_rows / batched_s if batched_s else None

    def ratio(seconds_: float) -> float | None:
        return round(rel_rows / seconds_ / batched_rate, 2) if batched_rate else None

    print(json.dumps({
        "bulk_vs_batched": ratio(load_s),
        "bulk_relations_per_s": round(rel_rows / load_s),
        "bulk_import_vs_batched": ratio(import_s),
        "bulk_import_relations_per_s": round(rel_rows / import_s),
        "bulk_with_staging_vs_batched": ratio(load_s + staging_s),
        "batched_relations_per_s": round(batched_rate) if batched_rate else None,
        "docs": args.docs, "relation_rows": rel_rows, **{f"graph_{k}": v for k, v in bulk_counts.items()},
        "batched_s": round(batched_s, 3) if batched_s else None, "staging_s": round(staging_s, 3),
        "bulk_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "cores": os.cpu_count(), "load_average_before": round(load_before, 2),
        "load_average": round(os.getloadavg()[0], 2)}))


if __name__ == "__main__":
    main()
