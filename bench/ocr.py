"""OCR quality and speed on the development texts rendered as scans.

Usage: ``python bench/ocr.py [--size small|full] [--data DIR] [--noise F] [--skew DEG]``

Each annotated development text (``tests/data/extraction``: ``*.txt`` with ``*.json``, the held-out
``blind`` folder left out) is typeset
as a 300 dpi A4 scan, turned by up to ``--skew`` degrees and sprinkled with noise
(:mod:`ingest.synthetic_scans`), saved as an image-only PDF and read back through the PDF reader
(pages rendered with pdftoppm, read by Tesseract in the text's language). ``small`` takes two
texts per language, ``full`` all of them.

Figures: ``cer`` (character error rate of the OCR text against the original, white space
collapsed; edit distance over the original's length), the entity micro-F1 over PERSON, COMPANY,
VESSEL and PORT of the extractor on the OCR text and on the plain text (same matching as
``bench/eval_extraction.py``), ``ocr_vs_text_f1`` (their ratio), ``pages_per_s`` (rendering the
page and OCR, not the typesetting). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_extraction import TARGET_TYPES, Score, entity_pairs, load_gold  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from graph.model import Document  # noqa: E402
from ingest import ocr  # noqa: E402
from ingest.context import ReadContext  # noqa: E402
from ingest.registry import read_source  # noqa: E402
from ingest.source import Source  # noqa: E402
from ingest.synthetic_scans import scan_pdf  # noqa: E402
from nlp import Extractor  # noqa: E402

PER_LANG = {"small": 2, "full": 10_000}


def pick(gold_files: list, size: str) -> list:
    taken: dict[str, int] = {}
    out = []
    for path, gold in gold_files:
        if "blind" in path.parts:  # the held-out texts stay unseen
            continue
        lang = gold.get("lang", "en")
        if taken.get(lang, 0) < PER_LANG[size]:
            taken[lang] = taken.get(lang, 0) + 1
            out.append((path, gold))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(PER_LANG), default="small")
    parser.add_argument("--data", default=str(ROOT / "tests" / "data" / "extraction"))
    parser.add_argument("--noise", type=float, default=0.015)
    parser.add_argument("--skew", type=float, default=0.8)
    args = parser.parse_args()
    if not ocr.available():
        raise SystemExit("Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-fra "
                         "tesseract-ocr-nld poppler-utils")
    chosen = pick(load_gold(Path(args.data)), args.size)
    plain, scanned = [], []
    edits = chars = pages = 0
    ocr_seconds = 0.0
    for i, (path, gold) in enumerate(chosen):
        text = path.read_text(encoding="utf-8")
        lang = gold.get("lang")
        data = scan_pdf([text], seed=i, noise=args.noise, skew=args.skew)
        source = Source.from_bytes(data, path.name, path.with_suffix(".pdf").name, defaults={"lang": lang})
        started = time.perf_counter()
        doc = read_source(source, ReadContext()).document
        ocr_seconds += time.perf_counter() - started
        pages += len(doc.pages)
        ref, hyp = " ".join(text.split()), " ".join(doc.text.split())
        edits += Levenshtein.distance(ref, hyp)
        chars += len(ref)
        print(f"{path.name}: {len(doc.pages)} page(s), CER {Levenshtein.distance(ref, hyp) / len(ref):.2%}, "
              f"OCR confidence {doc.metadata['ocr']['confidence']:.0%}", file=sys.stderr)
        plain.append(Document(doc_id=f"text-{i}", text=text, lang=lang or ""))
        scanned.append(Document(doc_id=f"scan-{i}", text=doc.text, lang=lang or ""))
    extractor = Extractor(lang="auto")
    scores = {"text": Score(), "ocr": Score()}
    for key, docs in (("text", plain), ("ocr", scanned)):
        for (_, gold), ex in zip(chosen, extractor.pipe(docs), strict=True):
            predicted = {p for p in entity_pairs([(m.type, m.text) for m in ex.mentions]) if p[0] in TARGET_TYPES}
            expected = {g for g in entity_pairs(gold["entities"]) if g[0] in TARGET_TYPES}
            scores[key].add(predicted, expected)
    f1_text, f1_ocr = scores["text"].f1, scores["ocr"].f1
    print(json.dumps({
        "texts": len(chosen), "pages": pages, "cer": round(edits / chars, 4),
        "entity_micro_f1_text": round(f1_text, 3), "entity_micro_f1_ocr": round(f1_ocr, 3),
        "ocr_vs_text_f1": round(f1_ocr / f1_text, 3) if f1_text else None,
        "pages_per_s": round(pages / ocr_seconds, 3), "size": args.size,
    }))


if __name__ == "__main__":
    main()
