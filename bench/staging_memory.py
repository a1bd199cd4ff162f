"""Peak memory of ``bulk-load``'s staging step at two corpus sizes, each in a fresh process.

    python bench/staging_memory.py [--sizes 2000,8000] [--work DIR] [--index auto|memory|disk]

The staging step is a plain ``havengraph ingest`` into a SQLite store file (``ingest_paths``,
resolution on). The case files are those of ``bench/e2e.py`` (``e2e_corpus.write_corpus``) without
prose reports: registry extracts, port calls and relation lists, read with the bundled mappings,
so no NLP runs and the figure is the ingest's own. They are given in the order ``bulk-load`` was
run on the 100,000-document corpus (reports, registry, port_calls, edges).

Each size is written first, then ingested by a new interpreter, which prints its peak resident
memory (``VmHWM``); peaks are never shared between sizes. ``staging_peak_growth`` is the peak at
the larger size over the peak at the smaller. The last line is one JSON object:
``staging_peak_rss_mb`` (one value per size), ``staging_peak_growth``, ``staging_docs``,
``staging_seconds``. ``bench/bulk_load.py --staging-sizes`` prints the same keys.

``--index`` chooses the resolver's blocking index: ``auto`` (the default) as the ingest chooses it
(``graph.resolution.resolver.index_for``: on disk from ``DISK_INDEX_FROM`` files), ``memory`` or
``disk`` for every size; ``staging_index`` says which one each size used.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ORDER = ("reports", "registry", "port_calls", "edges")  # as bulk-load was given them
NODES_PER_DOC = 5  # as bench/e2e.py


def write_case_files(n_docs: int, folder: Path, seed: int = 0) -> int:
    """Write the record files of an ``n_docs`` e2e corpus (no prose reports); how many files."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from e2e_corpus import write_corpus
    from synthetic import generate

    return write_corpus(generate(n_docs * NODES_PER_DOC, seed=seed), folder, n_docs, 0, seed=seed).documents


def stage_in_fresh_process(folder: Path, db: Path, index: str = "auto") -> dict[str, Any]:
    """Run the staging ingest of ``folder`` into ``db`` in a new interpreter; its figures."""
    done = subprocess.run([sys.executable, __file__, "--child", str(folder), str(db), "--index", index],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"the staging ingest failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def staging_peaks(sizes: list[int], work: Path | None = None, index: str = "auto") -> dict[str, Any]:
    """Peak RSS of the staging ingest at each size (each in a fresh process) and their growth."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="havengraph-bench-staging-", dir=work) as tmp:
        for n in sizes:
            folder = Path(tmp) / f"docs_{n}"
            write_case_files(n, folder)
            run = stage_in_fresh_process(folder, Path(tmp) / f"staging_{n}.db", index)
            print(f"staging {n}: {run}", file=sys.stderr)
            runs.append(run)
            shutil.rmtree(folder, ignore_errors=True)
    peaks = [r["peak_rss_mb"] for r in runs]
    return {"staging_peak_rss_mb": peaks, "staging_peak_growth": round(peaks[-1] / peaks[0], 3),
            "staging_docs": [r["ingested"] for r in runs], "staging_seconds": [r["seconds"] for r in runs],
            "staging_index": [r.get("index") for r in runs]}


def _child(folder: Path, db: Path, index: str = "auto") -> None:
    """The staging step alone: ingest the case files into a new SQLite store file, print the figures."""
    sys.path[0] = str(ROOT)  # this folder has a bench called ingest.py; the package must win
    from graph.resolution import resolver
    from graph.store.sqlite import SQLiteStore
    from ingest import ingest_paths

    if index != "auto":  # the ingest chooses by index_for(files): move its threshold
        resolver.DISK_INDEX_FROM = 0 if index == "disk" else sys.maxsize

    store = SQLiteStore(f"sqlite:///{db}")
    try:
        report = ingest_paths([folder / k for k in ORDER if (folder / k).is_dir()], store, progress=False)
    finally:
        store.close()
    if not report.ok:
        raise SystemExit(report.summary())
    print(json.dumps({"peak_rss_mb": report.peak_rss_mb["coordinator"], "ingested": report.ingested,
                      "seconds": round(report.seconds, 1), "index": resolver.index_for(report.files)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,8000", help="two corpus sizes, smaller first (2000,8000)")
    parser.add_argument("--work", type=Path, help="folder for the case files and stores (a temporary one)")
    parser.add_argument("--index", choices=["auto", "memory", "disk"], default="auto",
                        help="the resolver's blocking index (auto: as the ingest chooses)")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child, args.index)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    if len(sizes) != 2 or sizes[0] >= sizes[1]:
        parser.error("--sizes takes two sizes, the smaller first: 2000,8000")
    load_before = os.getloadavg()[0]
    out = staging_peaks(sizes, args.work, args.index)
    print(json.dumps({**out, "cores": os.cpu_count(), "load_average_before": round(load_before, 2),
                      "load_average": round(os.getloadavg()[0], 2)}))


if __name__ == "__main__":
    main()
