"""OCR of scanned pages with the ``tesseract`` command (Debian's ``tesseract-ocr`` packages).

Pages are read in the document's language (``eng``, ``fra``, ``nld``; all three when it is not
known) and Tesseract's TSV output gives each word with its box and confidence. A page's text is
rebuilt from the words (a paragraph's lines joined by spaces, paragraphs by a blank line, so that a
name wrapped over two lines stays one name), so every word keeps its character span: a mention's
span maps back to boxes on the page image (:func:`boxes_for_span`), and the OCR confidence of the
words under a piece of evidence lowers its confidence (:func:`lower_confidence`).

PDF pages are rendered at 300 dpi with ``pdftoppm`` (``poppler-utils``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.model import Document, Extraction
from ingest.source import unreadable

INSTALL_HINT = ("install Tesseract (apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld "
                "poppler-utils) and ingest again, or run it through an OCR tool and ingest the searchable PDF")
TESSERACT_LANGS = {"en": "eng", "fr": "fra", "nl": "nld"}
DPI = 300
#: columns of one word in ``Document.metadata["ocr"]["words"]``: offsets in the text, box in pixels
WORD_COLUMNS = ("start", "end", "page", "left", "top", "width", "height", "confidence")
_TIMEOUT = 300
#: one thread per page: Tesseract's own threads slow it down on a busy machine
_ENV = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}


@dataclass
class OcrPage:
    text: str
    #: (start, end, left, top, width, height, confidence 0-100), offsets into ``text``
    words: list[tuple[int, int, int, int, int, int, float]] = field(default_factory=list)
    width: int = 0
    height: int = 0

    @property
    def confidence(self) -> float:
        """Mean word confidence, 0-1 (0 for a page without words)."""
        return sum(w[6] for w in self.words) / len(self.words) / 100 if self.words else 0.0


def available() -> bool:
    """Whether the ``tesseract`` command is installed."""
    return shutil.which("tesseract") is not None


@lru_cache(maxsize=1)
def installed_languages() -> frozenset[str]:
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def languages_for(lang: str | None) -> str:
    """Tesseract's ``-l`` value for a document language (``en``/``fr``/``nl``; else all three installed)."""
    have = installed_languages()
    wanted = TESSERACT_LANGS.get(lang or "")
    if wanted and wanted in have:
        return wanted
    found = [code for code in TESSERACT_LANGS.values() if code in have]
    return "+".join(found) or "eng"


def parse_tsv(tsv: str) -> list[OcrPage]:
    """Pages (by ``page_num``) of Tesseract's TSV output, the text rebuilt line by line."""
    pages: dict[int, OcrPage] = {}
    parts: dict[int, list[str]] = {}
    last: dict[int, tuple[str, ...]] = {}
    for line in tsv.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < 12:
            continue
        level, page_num = int(cells[0]), int(cells[1])
        page = pages.setdefault(page_num, OcrPage(""))
        if level == 1:
            page.width, page.height = int(cells[8]), int(cells[9])
        text = cells[11].strip()
        if level != 5 or not text:
            continue
        out = parts.setdefault(page_num, [])
        where = (cells[2], cells[3], cells[4])
        pos = sum(len(p) for p in out)
        if out:
            previous = last[page_num]
            # a line break inside a paragraph is soft (the typesetter's, not the author's): a space,
            # or nothing after a word hyphenated at the end of its line
            same_par = previous[:2] == where[:2]
            sep = "" if same_par and previous != where and out[-1].endswith("-") and len(out[-1]) > 1 \
                else " " if same_par else "\n\n"
            out.append(sep)
            pos += len(sep)
        out.append(text)
        last[page_num] = where
        page.words.append((pos, pos + len(text), int(cells[6]), int(cells[7]), int(cells[8]), int(cells[9]),
                           max(0.0, float(cells[10]))))
    for number, page in pages.items():
        page.text = "".join(parts.get(number, []))
    return [pages[n] for n in sorted(pages)]


def ocr_image(path: Path, lang: str | None, name: str) -> list[OcrPage]:
    """Pages of one image file (a multi-page TIFF gives several)."""
    try:
        done = subprocess.run(["tesseract", str(path), "stdout", "-l", languages_for(lang), "--psm", "3", "tsv"],
                              capture_output=True, text=True, timeout=_TIMEOUT, env=_ENV)
    except FileNotFoundError as exc:
        raise unreadable(name, "scanned page: it needs OCR and Tesseract is not installed", INSTALL_HINT) from exc
    except subprocess.TimeoutExpired as exc:
        raise unreadable(name, f"OCR took longer than {_TIMEOUT} s on one page",
                         "split the file or lower the resolution and ingest again") from exc
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no reason given"])[-1]
        raise unreadable(name, f"damaged or unsupported image, OCR failed ({reason})",
                         "open and re-save it as PNG or TIFF and ingest again")
    return parse_tsv(done.stdout)


def ocr_pdf_pages(data: bytes, numbers: list[int], lang: str | None, name: str,
                  progress: bool | None = None) -> Iterator[tuple[int, OcrPage]]:
    """OCR of the given 1-based pages of a PDF, each rendered at :data:`DPI`, with a progress bar per page."""
    from tqdm import tqdm

    if shutil.which("pdftoppm") is None:
        raise unreadable(name, "scanned PDF pages need rendering and pdftoppm is not installed", INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="havengraph-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        bar = tqdm(numbers, unit="page", desc=f"OCR {Path(name).name}"[:40], file=sys.stderr, disable=progress is False
                   if progress is not None else None, leave=False)
        for number in bar:
            out = Path(tmp) / f"page-{number}"
            done = subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", str(number), "-l", str(number),
                                   "-png", "-singlefile", str(pdf), str(out)], capture_output=True, timeout=_TIMEOUT)
            image = out.with_suffix(".png")
            if done.returncode != 0 or not image.exists():
                raise unreadable(name, f"page {number} could not be rendered for OCR",
                                 "open and re-save the PDF and ingest again")
            pages = ocr_image(image, lang, name)
            image.unlink()
            yield number, pages[0] if pages else OcrPage("")


IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def image_pages(data: bytes) -> int:
    """Pages OCR reads in an image file: 1, or a multi-page TIFF's frames; 0 for what is not an image."""
    if not data.startswith(IMAGE_MAGIC):
        return 0
    if data.startswith((b"II*\x00", b"MM\x00*")):
        try:
            import io

            from PIL import Image

            with Image.open(io.BytesIO(data)) as image:
                return max(1, int(getattr(image, "n_frames", 1)))
        except Exception:  # noqa: BLE001 - Pillow missing or the file damaged: the reader will say which
            return 1
    return 1


def scanned_pdf_pages(data: bytes) -> int:
    """Pages of a PDF without a text layer (those OCR reads); 0 when it cannot be parsed (the reader says why)."""
    import io
    import logging
    import warnings

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sum(1 for page in PdfReader(io.BytesIO(data), strict=False).pages
                       if not (page.extract_text() or "").strip())
    except Exception:  # noqa: BLE001 - damaged or encrypted: the PDF reader reports it properly
        return 0


def record_words(document: Document, pages: dict[int, OcrPage], engine_lang: str) -> None:
    """Keep the words' boxes and confidences of OCR'd ``pages`` (1-based) in ``document.metadata["ocr"]``."""
    words: list[list[Any]] = []
    for number, page in sorted(pages.items()):
        base = document.pages[number - 1] if document.pages else 0
        words += [[base + s, base + e, number, left, top, w, h, round(conf, 1)]
                  for s, e, left, top, w, h, conf in page.words]
    document.metadata["ocr"] = {
        "engine": "tesseract", "languages": engine_lang, "dpi": DPI, "columns": list(WORD_COLUMNS),
        "pages": {str(n): {"confidence": round(p.confidence, 3), "width": p.width, "height": p.height}
                  for n, p in sorted(pages.items())},
        "confidence": round(sum(p.confidence for p in pages.values()) / len(pages), 3) if pages else 0.0,
        "words": words,
    }


def _words_in(document: Document, start: int, end: int) -> list[list[Any]]:
    ocr = document.metadata.get("ocr") or {}
    return [w for w in ocr.get("words", []) if w[0] < end and w[1] > start]


def boxes_for_span(document: Document, start: int, end: int) -> list[dict[str, Any]]:
    """Word boxes (page, left, top, width, height, confidence) under a character span of an OCR'd document."""
    return [dict(zip(WORD_COLUMNS[2:], w[2:], strict=True)) for w in _words_in(document, start, end)]


def span_confidence(document: Document, start: int, end: int) -> float | None:
    """Mean OCR confidence (0-1) of the words under a span; None where the text was not OCR'd."""
    words = _words_in(document, start, end)
    return sum(w[7] for w in words) / len(words) / 100 if words else None


def lower_confidence(extraction: Extraction) -> Extraction:
    """Scale each piece of evidence's confidence by the OCR confidence of the words it rests on."""
    doc = extraction.document
    if not (doc.metadata.get("ocr") or {}).get("words"):
        return extraction
    for relation in extraction.relations:
        for i, ev in enumerate(relation.evidence):
            if ev.doc_id != doc.doc_id:
                continue
            factor = span_confidence(doc, ev.start, ev.end)
            confidence = ev.confidence if factor is None else round(ev.confidence * factor, 3)
            relation.evidence[i] = replace(ev, confidence=confidence,
                                           page=ev.page if ev.page is not None else doc.page_at(ev.start))
    return extraction
