"""The stages of the end-to-end run, each a plain function, and a meter of time and memory per stage.

Stages use the library calls the ingest pipeline, the CLI and the API use: ``ingest.registry``
readers with the bundled mappings, ``nlp.Extractor.pipe``, ``graph.resolution.Resolver``,
``GraphStore.write_many``, ``graph.analysis`` and the FastAPI app (through its test client).
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from e2e_corpus import Corpus

from graph.model import Extraction


@dataclass
class StageFigures:
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    items: int = 0
    unit: str = "docs"


class Meter:
    """Wall and CPU seconds per stage, and the peak RSS (this process and its children) while it runs."""

    def __init__(self, interval: float = 0.05) -> None:
        self.figures: dict[str, StageFigures] = {}
        self.current: str | None = None
        self._proc = psutil.Process(os.getpid())
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(interval,), daemon=True)
        self._thread.start()

    def rss_mb(self) -> float:
        total = 0
        try:
            total = self._proc.memory_info().rss
            for child in self._proc.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        return total / 2**20

    def _sample(self, interval: float) -> None:
        while not self._stop.wait(interval):
            name = self.current
            if name is not None:
                fig = self.figures[name]
                fig.peak_rss_mb = max(fig.peak_rss_mb, self.rss_mb())

    @contextmanager
    def stage(self, name: str, unit: str = "docs") -> Iterator[StageFigures]:
        fig = self.figures.setdefault(name, StageFigures(unit=unit))
        previous, self.current = self.current, name
        fig.peak_rss_mb = max(fig.peak_rss_mb, self.rss_mb())
        wall, cpu = time.perf_counter(), _cpu()
        try:
            yield fig
        finally:
            fig.seconds += time.perf_counter() - wall
            fig.cpu_seconds += _cpu() - cpu
            fig.peak_rss_mb = max(fig.peak_rss_mb, self.rss_mb())
            self.current = previous

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (NLP workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# --- ingest ---------------------------------------------------------------------------------------
@dataclass
class Ingested:
    extractions: list[Extraction] = field(default_factory=list)
    nlp_documents: int = 0
    record_documents: int = 0
    nlp_entities: int = 0
    nlp_relations: int = 0


def ingest(corpus: Corpus, meter: Meter, workers: int = 1) -> Ingested:
    """Read every file (records with their mapping), run NLP on the prose reports."""
    from ingest.context import ReadContext
    from ingest.records import load_mapping
    from ingest.registry import open_source, read_source
    from nlp import Extractor

    out = Ingested()
    with meter.stage("ingest_records", "docs") as fig:
        mappings = {name: load_mapping(name) for _, name in corpus.records if name}
        plain = ReadContext()
        for path, name in corpus.records:
            source, _ = open_source(path)
            result = read_source(source, ReadContext(mapping=mappings[name]) if name else plain)
            out.extractions.append(result.extraction())
        out.record_documents = fig.items = len(corpus.records)
    with meter.stage("ingest_nlp", "docs") as fig:
        documents = []
        for path in corpus.reports:
            source, _ = open_source(path)
            documents.append(read_source(source, plain).document)
        extractor = Extractor("en")
        found = list(extractor.pipe(documents, workers=workers))
        out.extractions.extend(found)
        out.nlp_documents = fig.items = len(documents)
    out.nlp_entities = sum(len(ex.entities) for ex in found)
    out.nlp_relations = sum(len(ex.relations) for ex in found)
    return out


# --- resolution and store -------------------------------------------------------------------------
def load(store: Any, extractions: list[Extraction], meter: Meter, suffix: str, chunk: int = 200) -> None:
    """Resolve each document against the store (edge lists kept as given, as the pipeline does) and
    write them in batches of ``chunk`` documents; resolution and writing are timed apart."""
    from graph.resolution import Resolver

    with meter.stage(f"resolution{suffix}", "docs") as fig:
        resolver = Resolver(store)
    for start in range(0, len(extractions), chunk):
        part = extractions[start:start + chunk]
        with meter.stage(f"resolution{suffix}", "docs") as fig:
            resolved = [ex if ex.document.metadata.get("kind") == "edges" else resolver.resolve(ex) for ex in part]
            fig.items += len(part)
        with meter.stage(f"store{suffix}", "relations") as fig:
            store.write_many(resolved)
            fig.items += sum(len(ex.relations) for ex in resolved)


# --- analysis -------------------------------------------------------------------------------------
def analysis(store: Any, watchlist: Path, meter: Meter, suffix: str, k: int = 64, seed: int = 0) -> dict[str, Any]:
    """Projection, PageRank, sampled betweenness, Louvain, suspicious links against the watchlist."""
    from graph.analysis import centrality, communities, project, suspicious_links

    out: dict[str, Any] = {}
    with meter.stage(f"analysis{suffix}", "edges") as fig:
        G = project(store, entities=True)
        fig.items = G.number_of_edges()
        out["pagerank_top"] = centrality(G, "pagerank", top=5)
        out["betweenness_top"] = centrality(G, "betweenness", k=min(k, len(G)), top=5, seed=seed)
        result = communities(G, method="louvain", seed=seed)
        out["communities"] = len(result.communities)
        ranked = suspicious_links(G, str(watchlist), top=20, store=store)
        out["suspicious"] = [r.entity_id for r in ranked]
        out["nodes"], out["edges"] = G.number_of_nodes(), G.number_of_edges()
    return out


# --- API ------------------------------------------------------------------------------------------
def api_queries(url: str, meter: Meter, suffix: str, folder: Path, n: int = 30, seed: int = 0) -> dict[str, Any]:
    """Search, neighbours (depth 2) and shortest paths through the FastAPI app (test client, no auth)."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from graph.store import open_store

    rng = random.Random(seed)
    store = open_store(url)
    try:
        sample = _sample_entities(store, 2000)
    finally:
        store.close()
    picks = rng.sample(sample, min(n, len(sample)))
    settings = Settings(store=url, auth=False, audit=False, keys_db=str(folder / f"keys{suffix}.db"))
    ok = 0  # answered: 200, or 404 for two entities with no path between them
    with TestClient(create_app(settings)) as client:
        client.get("/health")  # the app is started and warm before the clock runs
        with meter.stage(f"api{suffix}", "queries") as fig:
            for entity_id, name in picks:
                word = name.split()[0]
                ok += client.get("/entities", params={"q": word, "limit": 20}).status_code == 200
                ok += client.get(f"/entities/{entity_id}/neighbors", params={"depth": 2, "limit": 200}).status_code == 200
            for (a, _), (b, _) in zip(picks, picks[1:], strict=False):
                ok += client.get("/paths", params={"source": a, "target": b, "max_depth": 6}).status_code in (200, 404)
            fig.items = 2 * len(picks) + max(0, len(picks) - 1)
    return {"queries": fig.items, "ok": ok}


def _sample_entities(store: Any, limit: int) -> list[tuple[str, str]]:
    out = []
    for e in store.iter_entities():
        if e.type in ("PERSON", "COMPANY"):
            out.append((e.entity_id, e.name))
            if len(out) >= limit:
                break
    return out


def store_size(store: Any, url: str) -> dict[str, int]:
    """Bytes on disk (SQLite file, WAL included) or node/relationship counts (any store)."""
    stats = store.stats()
    out = {"entities": int(stats.get("entities", 0)), "relations": int(stats.get("relations", 0)),
           "documents": int(stats.get("documents", 0))}
    if url.startswith("sqlite:"):
        path = Path(url.split("sqlite:///", 1)[1])
        out["bytes"] = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    return out
