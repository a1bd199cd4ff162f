"""Entity-resolution quality: pairwise precision, recall and F1 on the labelled mentions.

    python bench/eval_resolution.py [--size small|full] [--index memory|disk] [--errors [--limit N] [--docs PREFIX]]

Feeds ``tests/data/resolution/mentions.jsonl`` document by document through ``Resolver`` into a
throw-away SQLite store and compares the entity every mention ends up in with its true cluster.
Targets: precision >= 0.98, recall >= 0.90. The last line is JSON (``precision``, ``recall``, ``f1``).
``--index disk`` resolves with the blocking index kept on disk (``Resolver(index="disk")``); the
figures must not change. ``--errors`` lists the false merges and the missed merges, the most pairs
first, with every mention as ``text @ document`` (``--limit`` of each, 0 for all; ``--docs dev8_``:
only those touching documents whose key starts so).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.resolution.evaluation import errors, evaluate, group_documents, missed_by_variant  # noqa: E402
from graph.store import open_store  # noqa: E402

DATA = ROOT / "tests/data/resolution/mentions.jsonl"


def load(size: str) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    if size == "small":  # every third document: all sources, a third of the pairs
        keep = {doc for i, (doc, _) in enumerate(group_documents(rows)) if i % 3 == 0}
        rows = [r for r in rows if r["doc"] in keep]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "full"], default="full")
    parser.add_argument("--errors", action="store_true", help="list the false merges and missed merges")
    parser.add_argument("--limit", type=int, default=20, help="with --errors: how many of each (0: all)")
    parser.add_argument("--docs", default="", help="with --errors: only errors touching documents starting so")
    parser.add_argument("--index", choices=["memory", "disk"], default="memory", help="the resolver's blocking index")
    args = parser.parse_args()
    mentions = load(args.size)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'eval.db'}")
        start = time.perf_counter()
        report = evaluate(mentions, store, args.index)
        seconds = time.perf_counter() - start
        decisions = {k: len(store.list_decisions(kind=k)) for k in ("merge", "distinct", "candidate")}
        store.close()
    predicted = report.pop("predicted")
    for group in ("by_type", "by_source"):
        for name, scores in report[group].items():
            print(f"{group[3:]:<7} {name:<13} P={scores['precision']:.4f} R={scores['recall']:.4f} "
                  f"F1={scores['f1']:.4f}  ({scores['true_pairs']} true pairs)")
    print(f"decisions recorded: {decisions}")
    if args.errors:
        print(f"missed pairs by variant: {missed_by_variant(mentions, predicted)}")
        for kind, lines in errors(mentions, predicted, args.limit or None, args.docs).items():
            print(f"-- {kind}")
            for line in lines:
                print("  " + line)
    print(json.dumps({"precision": report["precision"], "recall": report["recall"], "f1": report["f1"],
                      "mentions": report["mentions"], "true_entities": report["true_entities"],
                      "predicted_entities": report["predicted_entities"], "seconds": round(seconds, 2),
                      "size": args.size, "index": args.index}))


if __name__ == "__main__":
    main()
