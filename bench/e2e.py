"""End-to-end scale run: synthetic case files -> ingest -> resolution -> store -> analysis -> API.

Usage::

    python bench/e2e.py --size small            # 100 and 300 documents, a minute or two
    python bench/e2e.py --size full --workers 2 # 1,000, 10,000 and 100,000 documents
    python bench/e2e.py --sizes 100000 --save runs.jsonl   # one size; --load runs.jsonl adds earlier ones

For each size N it generates a port ecosystem of about ``5 N`` entities and ``10 N`` relations
(``synthetic.generate``) and writes its case files (``e2e_corpus``): ``min(N // 2, --nlp-cap)``
prose police reports, which go through the NLP pipeline, and record files (registry extracts and
port calls read with the bundled mappings, relation lists) that make up the rest of the N
documents and carry every relation of the ecosystem. NLP runs at about 15 documents per second
per core, so the cap keeps the 100,000-document run within hours; the run prints what it did.

Stages, each timed (wall and CPU seconds) with its peak RSS (this process and its NLP workers):
``generate`` (ecosystem and files), ``ingest_records`` (reading and mapping the records),
``ingest_nlp`` (reading and extracting the reports), then per store (embedded SQLite, and Neo4j
when ``--neo4j URL`` or ``HAVENGRAPH_TEST_NEO4J_URL`` is given): ``resolution`` (each document's
entities against the store), ``store`` (batched writes), ``analysis`` (projection, PageRank,
betweenness from 64 sampled sources, Louvain, suspicious links against the watchlist) and
``api`` (search, depth-2 neighbours and shortest paths through the FastAPI app). The scaling
exponent of a stage is the slope of log(seconds) against log(documents) over the sizes run
(``exponent_<stage>`` on wall seconds, ``exponent_cpu_<stage>`` on CPU seconds of the process and
its workers, the steadier figure on a shared machine).

The last line is one JSON object: ``documents``, ``relations``, per stage ``<stage>_seconds``,
``<stage>_peak_rss_mb``, ``<stage>_items_per_s`` (lists, one value per size), ``exponent_<stage>``
(``exponent_ingest``, ``exponent_resolution``, ``exponent_store``, ``exponent_analysis``,
``exponent_api``, with ``_neo4j`` for Neo4j), ``sqlite_bytes``, ``neo4j_nodes`` and
``neo4j_relationships``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_corpus import write_corpus  # noqa: E402
from e2e_stages import Meter, analysis, api_queries, ingest, load, store_size  # noqa: E402
from synthetic import generate  # noqa: E402

SIZES = {"small": [100, 300], "full": [1_000, 10_000, 100_000]}
STAGES = ["generate", "ingest_records", "ingest_nlp", "resolution", "store", "analysis", "api"]
NODES_PER_DOC = 5


def run_size(n_docs: int, args: argparse.Namespace, neo4j_url: str | None, work: Path) -> dict[str, Any]:
    """Every stage at one size; a dict of figures per stage and the store sizes."""
    from graph.store import open_store

    meter = Meter()
    folder = work / f"docs_{n_docs}"
    n_reports = min(n_docs // 2, args.nlp_cap)
    with meter.stage("generate", "docs") as fig:
        eco = generate(n_docs * NODES_PER_DOC, seed=args.seed)
        corpus = write_corpus(eco, folder, n_docs, n_reports, seed=args.seed)
        fig.items = corpus.documents
    say(f"[{n_docs}] {corpus.documents} documents: {len(corpus.reports)} prose reports (NLP), "
        f"{len(corpus.records)} record files with {corpus.record_rows} rows; ecosystem "
        f"{eco.graph.number_of_nodes()} entities, {eco.graph.number_of_edges()} relations")
    del eco
    ingested = ingest(corpus, meter, workers=args.workers)
    say(f"[{n_docs}] ingested: {ingested.nlp_documents} reports by NLP ({ingested.nlp_entities} entities, "
        f"{ingested.nlp_relations} relations found), {ingested.record_documents} record files")
    backends = [("", f"sqlite:///{work / f'e2e_{n_docs}.db'}")]
    if neo4j_url:
        backends.append(("_neo4j", neo4j_url))
    out: dict[str, Any] = {"documents": corpus.documents, "nlp_documents": len(corpus.reports),
                           "record_documents": len(corpus.records), "record_rows": corpus.record_rows,
                           "nlp_relations": ingested.nlp_relations}
    for suffix, url in backends:
        store = open_store(url)
        try:
            store.clear()
            load(store, ingested.extractions, meter, suffix)
            size = store_size(store, url)
            found = analysis(store, corpus.watchlist, meter, suffix, seed=args.seed)
        finally:
            store.close()
        api = api_queries(url, meter, suffix, work, seed=args.seed)
        out[f"store_size{suffix}"] = size
        out[f"analysis_result{suffix}"] = {k: found[k] for k in ("nodes", "edges", "communities")}
        out[f"api_ok{suffix}"] = api["ok"]
        say(f"[{n_docs}]{suffix or ' sqlite'}: {size}, projection {found['nodes']} nodes / {found['edges']} edges, "
            f"{found['communities']} communities, {api['ok']}/{api['queries']} API answers OK")
    meter.close()
    out["stages"] = {name: vars(fig) for name, fig in meter.figures.items()}
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def corpus_only(n_docs: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Write the case files of one size and nothing else; their folder and counts as one JSON line."""
    folder = work / f"docs_{n_docs}"
    started = time.perf_counter()
    eco = generate(n_docs * NODES_PER_DOC, seed=args.seed)
    corpus = write_corpus(eco, folder, n_docs, min(n_docs // 2, args.nlp_cap), seed=args.seed)
    out = {"folder": str(folder), "documents": corpus.documents, "nlp_documents": len(corpus.reports),
           "record_documents": len(corpus.records), "record_rows": corpus.record_rows,
           "ecosystem_entities": eco.graph.number_of_nodes(), "ecosystem_relations": eco.graph.number_of_edges(),
           "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(out), flush=True)
    return out


def say(msg: str) -> None:
    print(msg, flush=True)


def exponent(sizes: list[float], seconds: list[float | None]) -> float | None:
    """Least-squares slope of log(seconds) on log(size) over the sizes that ran the stage;
    None with fewer than two."""
    pts = [(math.log(s), math.log(t)) for s, t in zip(sizes, seconds, strict=True) if s > 0 and t and t > 0]
    if len({x for x, _ in pts}) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / sxx, 3)


def stage_names(runs: list[dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for run in runs:
        names += [n for n in run["stages"] if n not in names]
    order = {s: i for i, s in enumerate(STAGES)}
    return sorted(names, key=lambda n: (n.endswith("_neo4j"), order.get(n.removesuffix("_neo4j"), 99)))


def table(runs: list[dict[str, Any]]) -> str:
    """The per-stage table, one row per stage and size, with the stage's exponent."""
    sizes = [r["documents"] for r in runs]
    lines = [f"{'stage':<20}{'documents':>10}{'wall s':>10}{'cpu s':>10}{'throughput':>22}{'peak RSS MB':>13}"
             f"{'exponent':>10}{'exp cpu':>9}"]
    for name in stage_names(runs):
        exp = exponent(sizes, [r["stages"].get(name, {}).get("seconds") for r in runs])
        exp_cpu = exponent(sizes, [r["stages"].get(name, {}).get("cpu_seconds") for r in runs])
        for run in runs:
            fig = run["stages"].get(name)
            if not fig:
                continue
            rate = fig["items"] / fig["seconds"] if fig["seconds"] else 0.0
            lines.append(f"{name:<20}{run['documents']:>10}{fig['seconds']:>10.2f}{fig['cpu_seconds']:>10.2f}"
                         f"{rate:>13.1f} {fig['unit'] + '/s':<9}{fig['peak_rss_mb']:>12.0f}"
                         f"{'' if exp is None else f'{exp:.2f}':>10}{'' if exp_cpu is None else f'{exp_cpu:.2f}':>9}")
    lines.append("")
    for run in runs:
        size = run.get("store_size", {})
        neo = run.get("store_size_neo4j")
        lines.append(f"{run['documents']:>7} docs ({run['nlp_documents']} by NLP, {run['record_documents']} record "
                     f"files, {run['record_rows']} rows): SQLite {size.get('bytes', 0) / 2**20:.1f} MB, "
                     f"{size.get('entities', 0)} entities, {size.get('relations', 0)} relations"
                     + (f"; Neo4j {neo['entities']} nodes, {neo['relations']} relationships" if neo else ""))
    return "\n".join(lines)


def summary(runs: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    sizes = [r["documents"] for r in runs]
    out: dict[str, Any] = {"documents": sizes, "nlp_documents": [r["nlp_documents"] for r in runs],
                           "record_rows": [r["record_rows"] for r in runs],
                           "nlp_relations": [r.get("nlp_relations", 0) for r in runs],
                           "relations": [r.get("store_size", {}).get("relations", 0) for r in runs],
                           "entities": [r.get("store_size", {}).get("entities", 0) for r in runs],
                           "sqlite_bytes": [r.get("store_size", {}).get("bytes", 0) for r in runs],
                           "workers": args.workers, "cpus": os.cpu_count(),
                           "load_average_1m": round(os.getloadavg()[0], 2)}
    if any("store_size_neo4j" in r for r in runs):  # None: not run on Neo4j at that size
        out["neo4j_nodes"] = [r.get("store_size_neo4j", {}).get("entities") for r in runs]
        out["neo4j_relationships"] = [r.get("store_size_neo4j", {}).get("relations") for r in runs]
    totals: dict[str, list[float]] = {}
    for name in stage_names(runs):
        figs = [r["stages"].get(name) for r in runs]  # None where the stage did not run at that size

        def each(key: str, digits: int, figs: list[Any] = figs) -> list[float | None]:
            return [None if f is None else round(f[key], digits) for f in figs]

        secs = each("seconds", 3)
        out[f"{name}_seconds"] = secs
        out[f"{name}_cpu_seconds"] = each("cpu_seconds", 3)
        out[f"{name}_peak_rss_mb"] = each("peak_rss_mb", 1)
        out[f"{name}_items_per_s"] = [None if f is None else round(f["items"] / f["seconds"], 2) if f["seconds"]
                                      else 0.0 for f in figs]
        out[f"exponent_{name}"] = exponent(sizes, secs)
        out[f"exponent_cpu_{name}"] = exponent(sizes, out[f"{name}_cpu_seconds"])
        if name.startswith("ingest_"):
            totals["ingest"] = [a + (b or 0.0) for a, b in zip(totals.get("ingest", [0.0] * len(secs)), secs,
                                                                 strict=True)]
    if "ingest" in totals:
        out["ingest_seconds"] = [round(s, 3) for s in totals["ingest"]]
        out["exponent_ingest"] = exponent(sizes, totals["ingest"])
    out["api_ok"] = [r.get("api_ok", 0) for r in runs]
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--sizes", help="comma-separated document counts (overrides --size)")
    parser.add_argument("--workers", type=int, default=2, help="NLP worker processes")
    parser.add_argument("--nlp-cap", type=int, default=2000, help="most prose reports per size (NLP)")
    parser.add_argument("--neo4j", default=os.environ.get("HAVENGRAPH_TEST_NEO4J_URL"),
                        help="a Neo4j URL to run the store stages on too (cleared first!)")
    parser.add_argument("--no-neo4j", action="store_true", help="SQLite only, even if the variable is set")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", help="folder for the files and the SQLite stores (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the generated case files")
    parser.add_argument("--save", help="append each size's figures to this JSON-lines file")
    parser.add_argument("--load", help="JSON-lines file of earlier sizes to include in the table and fits")
    parser.add_argument("--report-only", action="store_true", help="run nothing: the table of --load")
    parser.add_argument("--corpus-only", action="store_true",
                        help="only write each size's case files to --work/docs_N (for `havengraph bulk-load`)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else SIZES[args.size]
    if args.corpus_only:
        if not args.work:
            parser.error("--corpus-only writes the case files to --work DIR: give it")
        return {"corpora": [corpus_only(n, args, Path(args.work)) for n in sizes]}
    if args.report_only:
        sizes = []
    neo4j_url = None if args.no_neo4j else args.neo4j
    runs: list[dict[str, Any]] = []
    if args.load and Path(args.load).exists():
        runs = [json.loads(line) for line in Path(args.load).read_text().splitlines() if line.strip()]
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="havengraph-e2e-"))
    work.mkdir(parents=True, exist_ok=True)
    say(f"sizes {sizes} documents, NLP workers {args.workers}, NLP cap {args.nlp_cap} reports, "
        f"stores: sqlite{' + neo4j' if neo4j_url else ''}; load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cpus")
    started = time.perf_counter()
    try:
        for n in sizes:
            run = run_size(n, args, neo4j_url, work)
            runs.append(run)
            if args.save:
                with open(args.save, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(run) + "\n")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    runs.sort(key=lambda r: r["documents"])
    say(table(runs))
    out = summary(runs, args)
    out["total_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
