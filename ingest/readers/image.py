"""Scanned pages as images (PNG, JPEG, TIFF, multi-page TIFF too), read by OCR (:mod:`ingest.ocr`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ingest import ocr
from ingest.context import ReadContext
from ingest.source import ReadResult, Source, unreadable

_PAGE_SEP = "\n\n"
_SUFFIX = {b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg", b"II*\x00": ".tif", b"MM\x00*": ".tif"}


def read(source: Source, ctx: ReadContext) -> ReadResult:
    if not ocr.available():
        raise unreadable(source.name, "image file: there is no text to read, it needs OCR", ocr.INSTALL_HINT)
    data = source.read_bytes(ctx.limits)
    suffix = next((s for magic, s in _SUFFIX.items() if data.startswith(magic)), source.suffix or ".png")
    lang = source.defaults.get("lang")
    with tempfile.TemporaryDirectory(prefix="havengraph-ocr-") as tmp:
        image = Path(tmp) / f"scan{suffix}"
        image.write_bytes(data)
        pages = ocr.ocr_image(image, lang, source.name)
    if not any(p.text.strip() for p in pages):
        raise unreadable(source.name, "OCR found no text in the image (blank, too small or not a scan of text?)",
                         "scan it again at 300 dpi and ingest again")
    starts, pos = [], 0
    for page in pages:
        starts.append(pos)
        pos += len(page.text) + len(_PAGE_SEP)
    doc = source.document(_PAGE_SEP.join(p.text for p in pages), "image", pages=starts,
                          metadata={"page_count": len(pages)})
    ocr.record_words(doc, dict(enumerate(pages, 1)), ocr.languages_for(lang))
    notes = [f"read by OCR, mean word confidence {doc.metadata['ocr']['confidence']:.0%}"]
    return ReadResult(doc, warnings=notes)
