"""Neo4j bulk first load (``neo4j-admin database import full``) vs the batched ingest, same graph.

    python bench/bulk_load.py --store neo4j://user:pw@127.0.0.1:7687 [--docs 10000] [--neo4j-home DIR]

The store must be the local server that ``scripts/neo4j`` runs (the import stops and restarts
it) and is **cleared**: point it at a scratch server. The synthetic case files of
``bench/neo4j_write.py`` (entities, mentions, relations with evidence) are written twice:

1. *batched*: one ``Neo4jStore.write_many`` call, as ``havengraph ingest`` writes;
2. *bulk*: the same extractions written to a staging SQLite store (timed apart: ``bulk-load``
   stages what the extraction gives, as ``ingest`` would write it), then the load proper —
   CSV files, server stop, import, server start, constraints and indexes.

Both must leave the same counts. Extraction is excluded from both sides (the case files are
extractions already); both start from the same extractions and end with the same graph,
queryable, its constraints and indexes online. Stage times, each printed:

* ``batched_ingest_s``: the batched ingest (``write_many``, the writer ``havengraph ingest`` uses);
* ``bulk_import_s``: the bulk import, wall clock from the first CSV line to the schema online
  (CSV files written while the server stops, ``neo4j-admin database import full``, server start,
  constraints and indexes created in one transaction and populated), its steps in ``bulk_seconds``;
* ``staging_s``: the SQLite staging that ``bulk-load`` writes during extraction (resolution and
  aggregation of evidence, the work the batched writer does in its transactions).

``bulk_vs_batched`` (the issue's figure) is relation rows per second of the bulk import over the
batched ingest's; ``bulk_with_staging_vs_batched`` counts the staging on the bulk side too (the
whole cost of ``bulk-load`` after extraction); ``bulk_import_vs_batched`` the CSV files and the
importer alone (the server's stop and start are fixed costs of a local server). The last line is
one JSON object.

``--staging-sizes 2000,8000`` adds the peak memory of the staging step as ``bulk-load`` runs it (an
ingest of case files into SQLite, resolution on) at two corpus sizes, each in a fresh process:
``staging_peak_rss_mb`` and ``staging_peak_growth`` (see ``bench/staging_memory.py``). Without
``--store`` only that measurement runs; it needs no server.
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
from staging_memory import staging_peaks  # noqa: E402

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
    parser.add_argument("--staging-sizes", help="two corpus sizes, smaller first (e.g. 2000,8000): peak memory "
                        "of the staging ingest at each, in fresh processes; alone when no --store is given")
    args = parser.parse_args()
    staging_memory: dict[str, Any] = {}
    if args.staging_sizes:
        sizes = [int(s) for s in args.staging_sizes.split(",")]
        if len(sizes) != 2 or sizes[0] >= sizes[1]:
            parser.error("--staging-sizes takes two sizes, the smaller first: 2000,8000")
        if not args.store:
            print(json.dumps({**staging_peaks(sizes), "cores": os.cpu_count(),
                              "load_average": round(os.getloadavg()[0], 2)}))
            return
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
    if args.staging_sizes:
        staging_memory = staging_peaks(sizes)

    load_s = report.wall_s
    import_s = seconds["csv"] + seconds["import"]
    batched_rate = rel_rows / batched_s if batched_s else None

    def ratio(seconds_: float) -> float | None:
        return round(rel_rows / seconds_ / batched_rate, 2) if batched_rate else None

    print(f"stages: batched ingest {batched_s or 0:.1f} s, bulk import {load_s:.1f} s "
          f"(+ staging {staging_s:.1f} s)", file=sys.stderr)
    print(json.dumps({
        "bulk_vs_batched": ratio(load_s),
        "bulk_relations_per_s": round(rel_rows / load_s),
        "batched_relations_per_s": round(batched_rate) if batched_rate else None,
        "bulk_with_staging_vs_batched": ratio(load_s + staging_s),
        "bulk_with_staging_relations_per_s": round(rel_rows / (load_s + staging_s)),
        "bulk_import_vs_batched": ratio(import_s),
        "bulk_import_relations_per_s": round(rel_rows / import_s),
        "batched_ingest_s": round(batched_s, 3) if batched_s else None, "bulk_import_s": round(load_s, 3),
        "staging_s": round(staging_s, 3), "bulk_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "docs": args.docs, "relation_rows": rel_rows, **{f"graph_{k}": v for k, v in bulk_counts.items()},
        **staging_memory, "cores": os.cpu_count(), "load_average_before": round(load_before, 2),
        "load_average": round(os.getloadavg()[0], 2)}))


if __name__ == "__main__":
    main()
