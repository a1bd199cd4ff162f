"""Extraction on a Dask LocalCluster against the process pool, and peak memory of a long ingest.

Usage: ``python bench/distributed.py [--size small|full] [--docs N] [--peak-docs N] [--rounds R]``

The corpus is the sample case's text files, each copy made distinct by a numbered line (so that
every copy is a document of its own, SHA-256 and all), written once to a temporary folder. On the
same ``--docs`` documents, each run into a fresh SQLite store, alternating for ``--rounds`` rounds
(the fastest round of each counts, which damps the noise of a shared machine):

- ``processpool_w2``: ``ingest_paths(workers=2)``, the existing process pool (the baseline);
- ``dask_w2``: ``ingest_paths(cluster=client)`` on a LocalCluster of 2 worker processes;
- ``dask_w1``: the same on a LocalCluster of 1 worker process.

Each cluster is started, its workers' pipelines built and warmed up before its run is timed, as
the pool's parent has its pipelines built before it forks, and it is closed after it: no idle
cluster runs beside another run. Resolution and writes run in this process in all three.
Then, in a fresh child process each (so that nothing measured before counts), a Dask ingest of
``--peak-docs`` documents and of a tenth of them: ``peak_rss_mb`` (the coordinator) and
``workers_peak_rss_mb`` (the largest worker) at the full number, and ``peak_rss_growth_10x``
(coordinator peak at the full number over that at a tenth: near 1 when memory is bounded by the
window and batches, 10 if it held every extraction).

The last line is one JSON object: ``dask_vs_processpool`` (documents/s of ``dask_w2`` over
``processpool_w2``), ``dask_workers2_speedup`` (``dask_w1`` time over ``dask_w2``), the
documents/s of each, the peaks above and the load average at the start and the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# this file's name is the Dask package's: its folder must not come first on the path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from graph.store.sqlite import SQLiteStore  # noqa: E402
from ingest import ingest_paths  # noqa: E402

SIZES = {"small": (120, 1_000), "full": (1_000, 10_000)}  # (documents timed, documents for the peak)


def write_corpus(folder: Path, n: int, sample: Path = ROOT / "ingest" / "sample_case") -> list[Path]:
    """``n`` distinct text files from the sample case, numbered in reading order."""
    originals = [p.read_text(encoding="utf-8") for p in sorted(sample.glob("*.txt"))]
    if not originals:
        raise SystemExit(f"no sample case files (*.txt) in {sample}")
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        path = folder / f"{i:06d}.txt"
        if not path.exists():
            path.write_text(f"{originals[i % len(originals)]}\n\nCopy {i} of the case file.\n", encoding="utf-8")
        files.append(path)
    return files


def ingest_once(files: list[Path], store_dir: Path, **options: Any) -> tuple[float, Any]:
    """Seconds to ingest ``files`` into a fresh store, and the report (failures end the bench)."""
    fd, name = tempfile.mkstemp(suffix=".db", dir=store_dir)
    os.close(fd)
    os.unlink(name)
    store = SQLiteStore(f"sqlite:///{name}")
    started = time.perf_counter()
    report = ingest_paths(files, store, progress=False, **options)
    seconds = time.perf_counter() - started
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(name + suffix).unlink(missing_ok=True)
    if not report.ok or report.ingested != len(files):
        raise SystemExit(f"ingest failed: {report.ingested} of {len(files)} ingested; {report.failed[:3]}")
    return seconds, report


def peak_in_child(files_dir: Path, n: int, workers: int) -> dict[str, float]:
    """Peak RSS of a Dask ingest of the first ``n`` files, run in a fresh process."""
    out = subprocess.run([sys.executable, __file__, "--peak-run", str(n), "--corpus", str(files_dir),
                          "--workers", str(workers)], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"the peak run failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def peak_run(corpus: Path, n: int, workers: int) -> None:
    files = write_corpus(corpus, n)
    with tempfile.TemporaryDirectory() as tmp:
        seconds, report = ingest_once(files, Path(tmp), cluster=f"local:{workers}")
    print(json.dumps({**report.peak_rss_mb, "seconds": round(seconds, 2), "documents": report.ingested}))


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="full",
                        help="small: 120 documents timed, peak at 1,000; full: 1,000 timed, peak at 10,000")
    parser.add_argument("--docs", type=int, help="documents timed (overrides --size)")
    parser.add_argument("--peak-docs", type=int, help="documents for the peak memory runs (overrides --size)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--peak-run", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.peak_run:
        peak_run(args.corpus, args.peak_run, args.workers)
        return {}
    docs, peak_docs = SIZES[args.size]
    docs, peak_docs = args.docs or docs, args.peak_docs or peak_docs
    if args.size == "small":
        args.rounds = 1
    load_before = os.getloadavg()

    from ingest.cluster import open_cluster, register_extractor
    from nlp import Extractor

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files = write_corpus(corpus, max(docs, peak_docs))[:docs]
        extractor = Extractor("auto")
        for lang in ("en", "fr", "nl"):  # the pool's parent builds these before it forks
            extractor.nlp(lang)
        best: dict[str, float] = {}

        def on_cluster(spec: str) -> Callable[[], tuple[float, Any]]:
            """Time an ingest on a LocalCluster started (pipelines built, warmed up) for this run only."""
            def run() -> tuple[float, Any]:
                with open_cluster(spec) as client:
                    register_extractor(client, extractor, "auto")
                    ingest_once(files[:10], Path(tmp), cluster=client, extractor=extractor)  # warm up
                    return ingest_once(files, Path(tmp), cluster=client, extractor=extractor)
            return run

        runs: list[tuple[str, Callable[[], tuple[float, Any]]]] = [
            ("processpool_w2", lambda: ingest_once(files, Path(tmp), workers=2, extractor=extractor)),
            ("dask_w2", on_cluster("local:2")),
            ("dask_w1", on_cluster("local:1")),
        ]
        for _ in range(args.rounds):
            for name, run in runs:
                seconds, _report = run()
                best[name] = min(best.get(name, seconds), seconds)
                print(f"{name:<15} {seconds:8.2f} s   {docs / seconds:8.1f} docs/s", file=sys.stderr)
        tenth = peak_in_child(corpus, max(1, peak_docs // 10), args.workers)
        full = peak_in_child(corpus, peak_docs, args.workers)
    result: dict[str, Any] = {
        "documents": docs,
        "dask_vs_processpool": round(best["processpool_w2"] / best["dask_w2"], 3),
        "dask_workers2_speedup": round(best["dask_w1"] / best["dask_w2"], 3),
        **{f"{name}_docs_per_s": round(docs / seconds, 2) for name, seconds in best.items()},
        "peak_documents": peak_docs,
        "peak_rss_mb": full["coordinator"],
        "workers_peak_rss_mb": full["workers"],
        "peak_rss_growth_10x": round(full["coordinator"] / tenth["coordinator"], 3),
        "peak_run_docs_per_s": round(peak_docs / full["seconds"], 2),
        "load_average_before": round(load_before[0], 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
