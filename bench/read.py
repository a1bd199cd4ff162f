"""Reading speed per format, before any NLP: documents/s and MB/s.

Usage: ``python bench/read.py [--size small|full] [--docs N] [--nlp]``

The sample case's texts are written out as txt, pdf, docx, html, eml, mbox, zip, and as mapped
CSV/XLSX records (port calls), then every file is read through the ingest registry (sniffing,
decoding, parsing, mapping: everything ``havengraph ingest`` does before NLP). Each format is
timed twice and the faster round counts. With ``--nlp`` the same texts also go through
``nlp.Extractor`` and ``read_vs_nlp_ratio`` compares the slowest format's reading rate with
the NLP rate (the target is >= 5: reading must never be the bottleneck).

The last line is one JSON object: ``docs_per_s_<format>``, ``mb_per_s_<format>``,
``read_docs_per_s_slowest``, ``slowest_format`` and, with ``--nlp``, ``nlp_docs_per_s`` and
``read_vs_nlp_ratio``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import synthetic as make  # noqa: E402
from ingest.context import ReadContext  # noqa: E402
from ingest.records import load_mapping  # noqa: E402
from ingest.registry import Found, walk  # noqa: E402
from ingest.source import Source  # noqa: E402

SAMPLE = ROOT / "ingest" / "sample_case"


def sample_texts(n: int) -> list[str]:
    originals = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    if not originals:
        raise SystemExit(f"no sample case files in {SAMPLE}")
    return [originals[i % len(originals)] for i in range(n)]


def _pages(text: str, lines_per_page: int = 40) -> list[str]:
    lines = text.split("\n")
    return ["\n".join(lines[i:i + lines_per_page]) for i in range(0, len(lines), lines_per_page)] or [""]


def _calls(i: int, rows: int = 200) -> list[list[str]]:
    ports = [("Antwerp", "BEANR"), ("Rotterdam", "NLRTM"), ("Le Havre", "FRLEH"), ("Guayaquil", "ECGYE")]
    out = [["vessel", "imo", "port", "locode", "arrival"]]
    for r in range(rows):
        port, code = ports[(i + r) % len(ports)]
        out.append([f"Vessel {i}-{r % 17}", "9074729", port, code, f"2023-{1 + r % 12:02d}-{1 + r % 28:02d}"])
    return out


#: format -> writer of one file from (index, text): (file name, bytes)
WRITERS: dict[str, Callable[[int, str], tuple[str, bytes]]] = {
    "txt": lambda i, t: (f"{i}.txt", t.encode()),
    "pdf": lambda i, t: (f"{i}.pdf", make.pdf_bytes(_pages(t))),
    "docx": lambda i, t: (f"{i}.docx", make.docx_bytes(t.split("\n\n"))),
    "html": lambda i, t: (f"{i}.html", make.html_bytes(f"Report {i}", t.split("\n\n"))),
    "eml": lambda i, t: (f"{i}.eml", make.eml_bytes(f"Officer {i} <officer{i}@police.example>",
                                                     ["desk@police.example"], f"Report {i}", t)),
    "mbox": lambda i, t: (f"{i}.mbox", b"From officer@police.example Wed Oct  4 09:30:00 2023\n" +
                          make.eml_bytes("officer@police.example", ["desk@police.example"], f"Report {i}", t)),
    "zip": lambda i, t: (f"{i}.zip", make.zip_bytes({f"part{k}.txt": p.encode() for k, p in
                                                      enumerate(t.split("\n\n")[:4])})),
    "csv": lambda i, t: (f"{i}.csv", "\n".join(",".join(r) for r in _calls(i)).encode()),
    "xlsx": lambda i, t: (f"{i}.xlsx", make.xlsx_bytes({"calls": _calls(i)})),
}


def read_rate(files: list[Path], ctx: ReadContext, rounds: int = 2) -> tuple[float, int]:
    """Best seconds over ``rounds`` to read every document of ``files``, and the number of documents."""
    best, docs = float("inf"), 0
    for _ in range(rounds):
        started = time.perf_counter()
        docs = 0
        for path in files:
            for found in walk(Source.from_path(path), ctx):
                if not isinstance(found, Found):
                    raise SystemExit(f"{path}: {found.reason}")
                docs += 1
        best = min(best, time.perf_counter() - started)
    return best, docs


def measure(texts: list[str], formats: list[str], folder: Path) -> dict[str, dict[str, float]]:
    """Per format: ``seconds``, ``docs``, ``mb`` and the rates, reading ``texts`` written in that format."""
    out: dict[str, dict[str, float]] = {}
    for fmt in formats:
        where = folder / fmt
        where.mkdir(parents=True, exist_ok=True)
        files = []
        for i, text in enumerate(texts):
            name, data = WRITERS[fmt](i, text)
            (where / name).write_bytes(data)
            files.append(where / name)
        ctx = ReadContext(mapping=load_mapping("port_calls") if fmt in {"csv", "xlsx"} else None)
        seconds, docs = read_rate(files, ctx)
        mb = sum(p.stat().st_size for p in files) / 2**20
        out[fmt] = {"seconds": seconds, "docs": docs, "mb": mb, "docs_per_s": docs / seconds, "mb_per_s": mb / seconds}
    return out


PROSE_FORMATS = ("txt", "pdf", "docx", "html", "eml")


def ratio_fields(texts: list[str], nlp_docs_per_s: float, formats: tuple[str, ...] = PROSE_FORMATS) -> dict[str, float]:
    """``read_vs_nlp_ratio`` (slowest format's reading rate / NLP rate) and ``mb_per_s_<format>``,
    for ``bench/ingest.py`` to merge into its JSON line."""
    with tempfile.TemporaryDirectory() as tmp:
        rates = measure(texts, list(formats), Path(tmp))
    out = {f"mb_per_s_{fmt}": round(r["mb_per_s"], 2) for fmt, r in rates.items()}
    out["read_vs_nlp_ratio"] = round(min(r["docs_per_s"] for r in rates.values()) / nlp_docs_per_s, 1)
    return out


def nlp_rate(texts: list[str]) -> float:
    """Documents/s of ``nlp.Extractor`` (one process) on the same texts, pipelines loaded beforehand."""
    from graph.model import Document
    from nlp import Extractor

    extractor = Extractor()
    list(extractor.pipe([Document(doc_id=f"w{i}", text=t) for i, t in enumerate(texts[:8])]))
    docs = [Document(doc_id=f"b{i}", text=t) for i, t in enumerate(texts)]
    started = time.perf_counter()
    n = sum(1 for _ in extractor.pipe(docs))
    return n / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=("small", "full"), default="full")
    parser.add_argument("--docs", type=int, help="documents per format (default 100 small, 500 full)")
    parser.add_argument("--formats", default=",".join(WRITERS))
    parser.add_argument("--nlp", action="store_true", help="also time NLP on the same texts: read_vs_nlp_ratio")
    args = parser.parse_args(argv)
    n = args.docs or (100 if args.size == "small" else 500)
    texts = sample_texts(n)
    with tempfile.TemporaryDirectory() as tmp:
        rates = measure(texts, args.formats.split(","), Path(tmp))
    result: dict[str, object] = {"docs_per_format": n}
    for fmt, r in rates.items():
        print(f"{fmt:<6} {r['docs']:6.0f} docs {r['mb']:7.2f} MB {r['seconds']:7.2f} s "
              f"{r['docs_per_s']:9.1f} docs/s {r['mb_per_s']:8.2f} MB/s")
        result[f"docs_per_s_{fmt}"] = round(r["docs_per_s"], 1)
        result[f"mb_per_s_{fmt}"] = round(r["mb_per_s"], 2)
    prose = {f: r for f, r in rates.items() if f not in {"csv", "xlsx"}} or rates
    slowest = min(prose, key=lambda f: prose[f]["docs_per_s"])
    result["slowest_format"] = slowest
    result["read_docs_per_s_slowest"] = round(prose[slowest]["docs_per_s"], 1)
    if args.nlp:
        nlp = nlp_rate(texts)
        print(f"nlp    {nlp:9.1f} docs/s (one process)")
        result["nlp_docs_per_s"] = round(nlp, 1)
        result["read_vs_nlp_ratio"] = round(prose[slowest]["docs_per_s"] / nlp, 1)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
