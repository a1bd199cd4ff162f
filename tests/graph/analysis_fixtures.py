"""Shared pieces of the analysis tests: the real networks, a networkx reference, stores, synthetic data."""

from __future__ import annotations

import csv
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest

from graph.analysis.examples import port_network_extraction
from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Relation
from graph.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
#: the development set of real networks sits next to the repository (override with the env var)
NETWORKS = Path(os.environ.get("HAVENGRAPH_EVAL_NETWORKS", REPO.parent / "shared" / "eval-dev" / "networks"))


def network_files() -> list[Path]:
    files = sorted(NETWORKS.glob("*.edges.csv"))
    if not files:
        pytest.skip(f"real networks not found in {NETWORKS} (set HAVENGRAPH_EVAL_NETWORKS)")
    return files


def reference_graph(path: Path) -> nx.Graph:
    """networkx's own reading: undirected, node = CSV value, reciprocal rows summed into one weight."""
    G = nx.Graph()
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            a, b, w = row["source"], row["target"], float(row.get("weight") or 1)
            if G.has_edge(a, b):
                G[a][b]["weight"] += w
            else:
                G.add_edge(a, b, weight=w)
    return G


def by_name(G: nx.Graph, scores: dict) -> dict[str, float]:
    return {G.nodes[n]["name"]: s for n, s in scores.items()}


def edges_extraction(path: Path, grading: str | None = None) -> Extraction:
    """An edge list as ``ingest --edges`` stores it: CONTACTED relations, one evidence piece per row."""
    text = path.read_text(encoding="utf-8")
    doc = Document(doc_id=Document.id_for_bytes(text.encode()), text=text, title=path.name, source=path.name,
                   format="csv", grading=grading)
    entities: dict[str, Entity] = {}
    relations: dict[tuple[str, str], Relation] = {}
    offset = len(text.splitlines(keepends=True)[0])
    for line in text.splitlines(keepends=True)[1:]:
        src, tgt, weight = line.strip().split(",")
        ids = []
        for name in (src, tgt):
            eid = entity_id("PERSON", name)
            entities.setdefault(eid, Entity(eid, "PERSON", name))
            ids.append(eid)
        key = (min(ids), max(ids))
        rel = relations.setdefault(key, Relation(key[0], key[1], "CONTACTED"))
        rel.evidence.append(Evidence(doc.doc_id, offset, offset + len(line.strip()), line.strip(), "structured",
                                     weight=float(weight)))
        offset += len(line)
    return Extraction(document=doc, entities=list(entities.values()), relations=list(relations.values()))


def sqlite_store(tmp_path: Path, *extractions: Extraction) -> SQLiteStore:
    store = SQLiteStore("sqlite:///" + str(tmp_path / "t.db"))
    store.write_many(extractions)
    return store


def port_store(tmp_path: Path, grading: str | None = "B2") -> SQLiteStore:
    return sqlite_store(tmp_path, port_network_extraction(grading=grading))


def synthetic() -> ModuleType:
    """``bench/synthetic.py`` as a module (bench/ is not a package)."""
    name = "havengraph_bench_synthetic"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "synthetic.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
