"""Neo4j write speed: batched ``UNWIND`` vs one transaction per row, sustained ingest, ``neo4j-rust-ext``.

    python bench/neo4j_write.py [--store neo4j://user:pw@host:7687] [--size small|full]

The store defaults to ``HAVENGRAPH_TEST_NEO4J_URL`` (``scripts/neo4j start`` prints one) and is
**cleared**: point it at a scratch server.

1. *Batched vs per row*: the same relations with their evidence (20,000 at full size) written
   with the store's own statements (evidence ``CREATE``, relations ``MERGE``), as ``UNWIND``
   batches in one transaction and as one managed transaction per relation. The two alternate so
   that both meet the same load: the per-row write runs in four quarters (their sum counts), each
   followed by a batched write of all the rows (the median of the four counts); the last quarter,
   written batched too, must leave the same relations, evidence and weights.
2. *Sustained ingest*: synthetic case files (entities, mentions, relations with evidence)
   streamed through one ``Neo4jStore.write_many`` call (the store's parallel writers, ``?writers=N``
   in the URL); relations per second counts relation rows, each with its evidence. Its named
   baseline, *bare merge*, sends the same relation rows with nothing else (endpoints already
   stored) from one writer: the server's own ceiling for these relationships on this machine, and
   ``ingest_vs_bare_merge`` the share of it the ingest reaches. The ingest, the bare merge and the
   ingest with one writer alternate ``--rounds`` times; the ratios are medians of the rounds'.
3. *neo4j-rust-ext*: the sustained ingest again in two child processes, one with the driver's
   Rust extension and one with its import blocked; the ratio is the speed-up.

The last line is one JSON object: ``batched_vs_per_row``, ``relations_per_s``, ``ingest_vs_bare_merge``,
``one_writer_vs_bare_merge``, ``parallel_vs_one_writer``, ``rust_ext_speedup`` (null when the extension is not installed), ``bare_merge_relations_per_s`` and
the raw figures.
"""

from __future__ import annotations

import argparse
import importlib.abc
import json
import os
import random
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZES = {"small": {"rows": 2_000, "docs": 300}, "full": {"rows": 20_000, "docs": 2_000}}
PAIRS = {("PERSON", "PERSON"): ["CONTACTED", "ASSOCIATE_OF", "FAMILY_OF"], ("PERSON", "COMPANY"): ["DIRECTOR_OF",
         "EMPLOYED_BY"], ("COMPANY", "VESSEL"): ["OPERATES", "OWNS"], ("PERSON", "PHONE"): ["HAS_PHONE"],
         ("COMPANY", "COMPANY"): ["ASSOCIATE_OF", "OWNS"], ("VESSEL", "PORT"): ["CALLED_AT"]}


class _NoRust(importlib.abc.MetaPathFinder):
    """Hide the driver's Rust extension so that it falls back to its pure-Python codec."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> None:
        if name == "neo4j._rust" or name.startswith("neo4j._rust."):
            raise ImportError("neo4j-rust-ext disabled for this run")
        return None


if os.environ.get("HAVENGRAPH_BENCH_NO_RUST") == "1":
    sys.meta_path.insert(0, _NoRust())

from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation  # noqa: E402
from graph.store import cypher  # noqa: E402
from graph.store.neo4j import Neo4jStore, prepare_rows  # noqa: E402
from graph.store.neo4j_tx import write_relations  # noqa: E402


def rust_active() -> bool:
    try:
        import neo4j._rust  # noqa: F401
    except ImportError:
        return False
    return True


def pool(n: int, rnd: random.Random) -> list[Entity]:
    """``n`` entities of five types; phones and vessels keyed by an identifier."""
    out = []
    for i in range(n):
        kind = rnd.choices(["PERSON", "COMPANY", "PHONE", "VESSEL", "PORT"], [50, 25, 15, 8, 2])[0]
        if kind == "PHONE":
            value = f"+324{70000000 + i}"
            out.append(Entity(f"phone:{value}", kind, value, identifiers={"PHONE": value}))
        elif kind == "VESSEL":
            imo = f"9{i:06d}"
            out.append(Entity(f"vessel:imo:{imo}", kind, f"Vessel {i}", identifiers={"IMO": imo}))
        else:
            out.append(Entity(f"{kind.lower()}:e{i}", kind, f"{kind.title()} {i}", properties={"n": i % 7}))
    return out


def synthetic_docs(n_docs: int, seed: int = 1, per_doc: int = 12, relations: int = 25) -> list[Extraction]:
    """Case files drawn from a shared pool, so later documents add evidence to known relations."""
    rnd = random.Random(seed)
    entities = pool(max(200, n_docs * 4), rnd)
    docs = []
    for d in range(n_docs):
        chosen = rnd.sample(entities, per_doc)
        text = " ".join(f"{e.name} met the others on 2024-03-{1 + d % 28:02d}." for e in chosen)
        doc = Document(Document.id_for_bytes(f"{seed}/{d}/{text}".encode()), text, f"doc {d}", f"d{d}.txt",
                       date=f"2024-03-{1 + d % 28:02d}")
        mentions, offsets = [], {}
        for e in chosen:
            start = text.index(e.name)
            offsets[e.entity_id] = start
            mentions.append(Mention(e.entity_id, e.name, e.type, start, start + len(e.name), doc.doc_id))
        rels = []
        while len(rels) < relations:
            a, b = rnd.sample(chosen, 2)
            types = PAIRS.get((a.type, b.type))
            if not types:
                continue
            start = offsets[a.entity_id]
            ev = Evidence(doc.doc_id, start, start + 40, text[start:start + 40], "rule", "bench/1", 0.9,
                          rnd.choice([1.0, 0.5]), doc.date)
            rels.append(Relation(a.entity_id, b.entity_id, rnd.choice(types), [ev]))
        docs.append(Extraction(doc, chosen, mentions, relations=rels))
    return docs


def batched_vs_per_row(store: Neo4jStore, rows: int) -> dict[str, float]:
    """The same relation + evidence rows: one transaction of UNWIND batches, then one transaction per row."""
    rnd = random.Random(5)
    people = [Entity(f"person:b{i}", "PERSON", f"Person {i}") for i in range(max(100, rows // 4))]
    doc = Document("b" * 64, "x" * 100, "bench", "bench.txt")
    relations = []
    for i in range(rows):
        a, b = rnd.sample(people, 2)
        relations.append(Relation(a.entity_id, b.entity_id, rnd.choice(["CONTACTED", "ASSOCIATE_OF", "FAMILY_OF"]),
                                  [Evidence(doc.doc_id, i, i + 10, f"sentence {i}", "rule", date="2024-01-01")]))
    prepared = prepare_rows(Extraction(doc, people, relations=relations))
    pairs = list(zip(prepared.relations, prepared.evidence, strict=True))  # one piece of evidence each

    def reset() -> None:
        store.clear()
        store.write(Extraction(doc, people))  # the endpoints exist before the timed part

    def with_delta(rel: dict[str, Any], evs: list[dict[str, Any]]) -> dict[str, Any]:
        dates = [e["date"] for e in evs if e["date"]]
        return {**rel, "weight": sum(e["weight"] for e in evs), "count": len(evs),
                "first_seen": min(dates, default=None), "last_seen": max(dates, default=None)}

    def batched(tx: Any, items: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        for i in range(0, len(items), 5000):
            chunk = items[i:i + 5000]
            tx.run(cypher.CREATE_EVIDENCE, rows=[ev for _, ev in chunk]).consume()
            grouped: dict[str, dict[str, tuple[dict[str, Any], list[dict[str, Any]]]]] = defaultdict(dict)
            for rel, ev in chunk:
                grouped[rel["type"]].setdefault(rel["rel_id"], (rel, []))[1].append(ev)
            for type_, rels in grouped.items():
                write_relations(tx, type_, [with_delta(r, evs) for r, evs in rels.values()])

    def one(tx: Any, rel: dict[str, Any], ev: dict[str, Any]) -> None:
        tx.run(cypher.CREATE_EVIDENCE, rows=[ev]).consume()
        write_relations(tx, rel["type"], [with_delta(rel, [ev])])

    reset()  # plan the statements once, as a long-running ingest would have
    with store._session() as session:
        session.execute_write(batched, pairs[:300])
        for rel, ev in pairs[:3]:
            session.execute_write(one, rel, ev)
    # The two ways alternate, so that both see the same machine: the per-row write runs in four
    # quarters, each followed by a batched write of all the rows; the per-row figure is the sum of
    # the quarters, the batched one the median of its four runs.
    times: list[float] = []
    per_row_parts: list[float] = []
    quarter = rows // 4

    def state() -> tuple[int, int, float]:
        stats = store.stats()
        return stats["relations"], stats["evidence"], round(store.projection().size(weight="weight"), 6)

    for q in range(4):
        part = pairs[q * quarter:(q + 1) * quarter]
        reset()
        with store._session() as session:
            started = time.perf_counter()
            for rel, ev in part:
                session.execute_write(one, rel, ev)
            per_row_parts.append(time.perf_counter() - started)
        by_row = state()
        reset()
        with store._session() as session:
            started = time.perf_counter()
            session.execute_write(batched, pairs)
            times.append(time.perf_counter() - started)
        assert state()[1] == rows
    reset()  # the same statements either way: the last quarter written batched leaves what per row did
    with store._session() as session:
        session.execute_write(batched, part)
    assert state() == by_row
    batched_s = sum(sorted(times)[1:3]) / 2
    per_row_s = (sum(per_row_parts) * rows) / (quarter * 4)
    return {"rows": rows, "batched_s": round(batched_s, 3), "batched_runs_s": [round(t, 3) for t in times],
            "per_row_s": round(per_row_s, 3), "per_row_quarters_s": [round(t, 3) for t in per_row_parts],
            "batched_rows_per_s": round(rows / batched_s), "per_row_rows_per_s": round(rows / per_row_s),
            "batched_vs_per_row": round(per_row_s / batched_s, 1)}


def sustained(store: Neo4jStore, n_docs: int, writers: int | None = None) -> dict[str, Any]:
    """All documents through one ``write_many`` call, as an ingest streams them (``writers``: the
    store's own number of parallel writers unless given)."""
    docs = synthetic_docs(n_docs)
    store.clear()
    store.write_many(synthetic_docs(20, seed=99))  # warm the server's plan cache
    store.clear()
    configured, store.writers = store.writers, writers or store.writers
    try:
        started, cpu = time.perf_counter(), time.process_time()
        store.write_many(iter(docs))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        writers, store.writers = store.writers, configured
    rel_rows = sum(len(d.relations) for d in docs)
    stats = store.stats()
    return {"docs": n_docs, "seconds": round(seconds, 3), "relation_rows": rel_rows,
            "relations_per_s": round(rel_rows / seconds), "docs_per_s": round(n_docs / seconds, 1),
            "entity_rows_per_s": round(sum(len(d.entities) for d in docs) / seconds),
            "mentions_per_s": round(sum(len(d.mentions) for d in docs) / seconds),
            "client_cpu_us_per_relation": round(1e6 * cpu / rel_rows, 1),
            "distinct_relations": stats["relations"], "entities": stats["entities"], "rust": rust_active(),
            "writers": writers}


def bare_merge(store: Neo4jStore, n_docs: int) -> dict[str, Any]:
    """The ceiling: the same relation rows as the sustained ingest, ``MERGE``d with their aggregates
    in batches of 20,000 rows, on a store holding only their endpoints (no documents, mentions,
    evidence or entity merging): what the server does for the relationships alone."""
    docs = synthetic_docs(n_docs)
    store.clear()
    store.write_many([Extraction(d.document, d.entities) for d in docs])
    rows = []
    for ex in docs:
        for rel in prepare_rows(ex).relations:
            rows.append({**rel, "weight": 1.0, "count": 1, "first_seen": ex.document.date,
                         "last_seen": ex.document.date})

    def merge(tx: Any, chunk: list[dict[str, Any]]) -> None:
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in chunk:
            by_type[row["type"]].append(row)
        for type_, typed in by_type.items():
            write_relations(tx, type_, typed)

    started = time.perf_counter()
    with store._session() as session:
        for i in range(0, len(rows), 20_000):
            session.execute_write(merge, rows[i:i + 20_000])
    seconds = time.perf_counter() - started
    return {"relation_rows": len(rows), "seconds": round(seconds, 3), "relations_per_s": round(len(rows) / seconds)}


def ceiling_rounds(store: Neo4jStore, n_docs: int, rounds: int) -> tuple[dict[str, Any], ...]:
    """The ingest (the store's parallel writers), the bare merge and the one-writer ingest, alternated
    ``rounds`` times (the order turns each round) so that each ratio compares runs that met the same
    load; the top-level ratios are the medians of the rounds' ratios, the figures the median round's."""
    runs: list[dict[str, dict[str, Any]]] = []
    for r in range(rounds):
        found: dict[str, dict[str, Any]] = {}
        order = ["ingest", "bare", "one"] if r % 2 == 0 else ["bare", "one", "ingest"]
        for name in order:
            if name == "bare":
                found[name] = bare_merge(store, n_docs)
            else:
                found[name] = sustained(store, n_docs, writers=1 if name == "one" else None)
        found["ratios"] = {
            "ingest_vs_bare_merge": found["ingest"]["relations_per_s"] / found["bare"]["relations_per_s"],
            "one_writer_vs_bare_merge": found["one"]["relations_per_s"] / found["bare"]["relations_per_s"],
            "parallel_vs_one_writer": found["ingest"]["relations_per_s"] / found["one"]["relations_per_s"]}
        print(f"round {r + 1}: " + json.dumps({k: v["relations_per_s"] for k, v in found.items() if k != "ratios"}
                                              | {k: round(v, 2) for k, v in found["ratios"].items()}), file=sys.stderr)
        runs.append(found)
    middle = sorted(runs, key=lambda f: f["ratios"]["ingest_vs_bare_merge"])[len(runs) // 2]
    ceiling = dict(middle["bare"])
    for key in middle["ratios"]:
        values = sorted(f["ratios"][key] for f in runs)
        ceiling[key] = round(values[len(values) // 2], 2)
        ceiling[key + "_rounds"] = [round(f["ratios"][key], 2) for f in runs]
    ceiling["rounds_relations_per_s"] = {name: [f[name]["relations_per_s"] for f in runs]
                                         for name in ("ingest", "bare", "one")}
    return middle["ingest"], ceiling, middle["one"]


def child(url: str, n_docs: int, rust: bool) -> dict[str, Any]:
    env = {**os.environ, "HAVENGRAPH_BENCH_NO_RUST": "0" if rust else "1"}
    done = subprocess.run([sys.executable, __file__, "--store", url, "--docs", str(n_docs), "--only-ingest"],
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", default=os.environ.get("HAVENGRAPH_TEST_NEO4J_URL"),
                        help="Neo4j URL (cleared!); default $HAVENGRAPH_TEST_NEO4J_URL")
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of ingest and bare merge (3)")
    parser.add_argument("--docs", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--only-ingest", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.store:
        parser.error("give --store neo4j://user:password@host:7687 or set HAVENGRAPH_TEST_NEO4J_URL")
    size = SIZES[args.size]
    store = Neo4jStore(args.store)
    try:
        if args.only_ingest:
            print(json.dumps(sustained(store, args.docs)))
            return
        rows = batched_vs_per_row(store, size["rows"])
        print(f"batched vs per row: {rows}", file=sys.stderr)
        ingest, ceiling, one_writer = ceiling_rounds(store, size["docs"], args.rounds)
        rust: dict[str, Any] = {"installed": rust_active()}
        if rust["installed"]:
            runs: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
            for flag in (False, True, False, True):
                runs[flag].append(child(args.store, size["docs"], flag))
            best = {flag: max(r["relations_per_s"] for r in found) for flag, found in runs.items()}
            cpu = {flag: min(r["client_cpu_us_per_relation"] for r in found) for flag, found in runs.items()}
            rust.update(with_rust=best[True], without_rust=best[False], client_cpu_us_with=cpu[True],
                        client_cpu_us_without=cpu[False], speedup=round(best[True] / best[False], 2),
                        client_cpu_saving=round(1 - cpu[True] / cpu[False], 2))
            print(f"neo4j-rust-ext: {rust}", file=sys.stderr)
        store.clear()
    finally:
        store.close()
    print(json.dumps({"batched_vs_per_row": rows["batched_vs_per_row"], "relations_per_s": ingest["relations_per_s"],
                      "ingest_vs_bare_merge": ceiling["ingest_vs_bare_merge"],
                      "one_writer_vs_bare_merge": ceiling["one_writer_vs_bare_merge"],
                      "parallel_vs_one_writer": ceiling["parallel_vs_one_writer"], "writers": store.writers,
                      "rust_ext_speedup": rust.get("speedup"), "size": args.size, "cores": os.cpu_count(),
                      "load_average": round(os.getloadavg()[0], 2),
                      "bare_merge_relations_per_s": ceiling["relations_per_s"],
                      "per_row": rows, "ingest": ingest, "one_writer": one_writer, "bare_merge": ceiling,
                      "rust_ext": rust}))


if __name__ == "__main__":
    main()
