"""Ingest speed and memory of a large synthetic chat export (generic CSV layout).

Usage: ``python bench/messaging.py [--size small|large] [--messages N] [--nlp] [--keep DIR]``

``small`` is 20,000 messages, ``large`` 1,000,000. The export is written as it is generated
(never held whole), then ingested into a fresh SQLite store with ``ingest_paths``: messages read
as a stream, one document per 500 messages, CONTACTED relations with their evidence, entities
resolved against the store. Without ``--nlp`` the message text is not run through the NLP models
(``nlp: false`` in the output), so the figure is that of the reader, the facts and the store; with
``--nlp`` the real extractor reads every part.

The last line is one JSON object: ``messages``, ``documents``, ``seconds``, ``messages_per_s``,
``relations``, ``peak_rss_mb`` (this process's own peak, ``VmHWM``: ``ru_maxrss`` would report the
peak of the shell that started it when that was larger), ``rss_before_mb`` (the peak before the
ingest), ``export_mb``, ``nlp``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.model import Document, Extraction  # noqa: E402
from graph.store.sqlite import SQLiteStore  # noqa: E402
from ingest import ingest_paths  # noqa: E402
from ingest.report import peak_rss_mb  # noqa: E402

SIZES = {"small": 20_000, "large": 1_000_000}
_WORDS = ("container", "gate", "tonight", "crane", "planner", "money", "terminal", "driver", "seal", "box",
          "ship", "late", "tomorrow", "call", "ready", "quay", "pick", "up", "the", "at", "is", "ok")


class TextNotRead:
    """Stands in for the NLP extractor when ``--nlp`` is not given: the text gives no extra facts."""

    def extract(self, document: Document) -> Extraction:
        return Extraction(document=document)

    def pipe(self, documents: Iterable[Document], workers: int = 1) -> Iterator[Extraction]:
        for document in documents:
            yield Extraction(document=document)


def write_export(path: Path, messages: int, seed: int = 19) -> None:
    """A CSV chat export of ``messages`` rows among 300 phones, 40 of them with a stated name."""
    rng = random.Random(seed)
    phones = [f"+32 4{rng.randint(60, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
              for _ in range(300)]
    names = {p: f"Handle {i}" for i, p in enumerate(phones[:40])}
    with path.open("w", encoding="utf-8") as fh:
        fh.write("sender,sender_name,recipients,time,text\n")
        for i in range(messages):
            sender = phones[min(int(rng.paretovariate(1.2)) - 1, 299)]
            recipients = ";".join(rng.sample(phones, 1 if rng.random() < 0.9 else 3))
            minute = i // 3
            stamp = f"2023-{minute // 40000 % 12 + 1:02d}-{minute // 1440 % 28 + 1:02d} {minute // 60 % 24:02d}:{minute % 60:02d}"
            text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 12)))
            fh.write(f"{sender},{names.get(sender, '')},{recipients},{stamp},{text}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--messages", type=int, help="number of messages (overrides --size)")
    parser.add_argument("--nlp", action="store_true", help="run the message text through the NLP models")
    parser.add_argument("--keep", type=Path, help="folder to keep the export and the store in")
    args = parser.parse_args()
    n = args.messages or SIZES[args.size]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        export = folder / "chat-export.csv"
        write_export(export, n)
        export_mb = export.stat().st_size / 2**20
        store = SQLiteStore(f"sqlite:///{folder / 'messaging.db'}")
        rss_before = peak_rss_mb()
        started = time.perf_counter()
        report = ingest_paths([export], store, progress=False, replace=True,
                              extractor=None if args.nlp else TextNotRead())  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        stats = store.stats()
        store.close()
    if not report.ok:
        raise SystemExit(f"ingest failed: {report.failed[:3]}")
    print(f"{n} messages, {stats['documents']} documents, {stats['relations']} relations", file=sys.stderr)
    print(json.dumps({
        "messages": n, "documents": stats["documents"], "seconds": round(seconds, 2),
        "messages_per_s": round(n / seconds, 1),
        "relations": stats["relations"], "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": round(rss_before, 1), "export_mb": round(export_mb, 1), "nlp": args.nlp,
    }))


if __name__ == "__main__":
    main()
