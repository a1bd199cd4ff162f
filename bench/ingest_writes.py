"""Store writes during ingest: documents batched by the ingest writer vs one transaction each.

    python bench/ingest_writes.py [--size small|full] [--copies N] [--neo4j URL]

The sample case is copied ``--copies`` times (each copy's bytes differ, so each is a new
document), extracted once with the real NLP pipeline, then ingested into a fresh store twice
per round, replaying those extractions so that only reading, resolution and writing are timed:

* ``one_per_tx`` (the baseline): the ingest writer flushing after every document, which is what
  the pipeline did before batching;
* ``batched``: the ingest writer as shipped (up to 64 documents or 10,000 rows per transaction).

SQLite always; Neo4j too with ``--neo4j`` (or ``HAVENGRAPH_TEST_NEO4J_URL``; the database is
**cleared**). Rounds alternate and the fastest of each counts. The last line is one JSON object:
``batched_vs_one_per_tx_<backend>`` (wall-time ratio, higher is better) with the seconds behind it.
"""

from __future__ import annotations

import argparse
import copy
import functools
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ingest.pipeline as pipeline  # noqa: E402
from graph.model import Document, Extraction  # noqa: E402
from graph.store import open_store  # noqa: E402
from ingest import ingest_paths, sample_case_files  # noqa: E402
from ingest.writer import BatchWriter  # noqa: E402


class Replay:
    """An extractor that hands back extractions made once by the real one (keyed by document id)."""

    def __init__(self, done: dict[str, Extraction]) -> None:
        self.done = done

    def extract(self, document: Document) -> Extraction:
        ex = copy.deepcopy(self.done[document.doc_id])
        ex.document = document
        return ex

    def pipe(self, documents: Iterable[Document], workers: int = 1) -> Iterator[Extraction]:
        for document in documents:
            yield self.extract(document)


def make_case(folder: Path, copies: int) -> None:
    for i in range(copies):
        part = folder / f"copy{i:02d}"
        part.mkdir()
        for path in sample_case_files():
            (part / path.name).write_text(path.read_text(encoding="utf-8") + f"\n\nRef. copy {i}\n", encoding="utf-8")


def extract_all(folder: Path) -> dict[str, Extraction]:
    from nlp import Extractor

    extractor, done = Extractor("auto"), {}

    class Recorder:
        def pipe(self, documents: Iterable[Document], workers: int = 1) -> Iterator[Extraction]:
            for ex in extractor.pipe(documents):
                done[ex.document.doc_id] = copy.deepcopy(ex)
                yield ex

        def extract(self, document: Document) -> Extraction:
            return extractor.extract(document)

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'warm.db'}")
        ingest_paths([folder], store, extractor=Recorder(), progress=False)
        store.close()
    return done


def timed(url: str, folder: Path, replay: Replay, max_docs: int) -> dict[str, Any]:
    store = open_store(url)
    store.clear()
    pipeline.BatchWriter = functools.partial(BatchWriter, max_docs=max_docs)  # type: ignore[misc]
    try:
        started = time.perf_counter()
        report = ingest_paths([folder], store, extractor=replay, progress=False)
        seconds = time.perf_counter() - started
        stats = store.stats()
    finally:
        pipeline.BatchWriter = BatchWriter  # type: ignore[misc]
        store.close()
    return {"seconds": seconds, "ingested": report.ingested, "entities": stats["entities"],
            "relations": stats["relations"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=["small", "full"], default="full", help="2 or 8 copies of the case")
    parser.add_argument("--copies", type=int, help="copies of the sample case (overrides --size)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--neo4j", default=os.environ.get("HAVENGRAPH_TEST_NEO4J_URL"))
    args = parser.parse_args()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "case"
        folder.mkdir()
        make_case(folder, args.copies or {"small": 2, "full": 8}[args.size])
        replay = Replay(extract_all(folder))
        out["documents"] = len(replay.done)
        backends = {"sqlite": f"sqlite:///{Path(tmp) / 'bench.db'}"}
        if args.neo4j:
            backends["neo4j"] = args.neo4j
        for name, url in backends.items():
            runs: dict[str, list[dict[str, Any]]] = {"one_per_tx": [], "batched": []}
            timed(url, folder, replay, 64)  # warm caches and plans
            for _ in range(args.rounds):
                for label, max_docs in (("one_per_tx", 1), ("batched", 64)):
                    runs[label].append(timed(url, folder, replay, max_docs))
            best = {label: min(r["seconds"] for r in found) for label, found in runs.items()}
            same = {(r["ingested"], r["entities"], r["relations"]) for found in runs.values() for r in found}
            if len(same) != 1:
                raise SystemExit(f"{name}: the two ways stored different graphs: {same}")
            out[f"batched_vs_one_per_tx_{name}"] = round(best["one_per_tx"] / best["batched"], 2)
            out[name] = {"one_per_tx_s": round(best["one_per_tx"], 2), "batched_s": round(best["batched"], 2),
                         "docs_per_s_batched": round(out["documents"] / best["batched"], 1)}
            print(f"{name}: {out[name]}", file=sys.stderr)
        if args.neo4j:  # leave the scratch server empty
            with open_store(args.neo4j) as store:
                store.clear()
    out["load_average"] = round(os.getloadavg()[0], 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
