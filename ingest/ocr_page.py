"""A scanned page drawn again from its OCR words, with a piece of evidence highlighted.

The page image itself is not stored; what OCR read is (:func:`ingest.ocr.record_words`): each
word's characters in the document text, its box on the page and its confidence. :func:`page_svg`
draws an SVG of the page's size with every word at its box, the words under a span (the sentence
that supports a relation) on a yellow band, and words read with little confidence in colour, each
with its confidence as a tooltip. A caption under the page gives the page's and the span's OCR
confidence, so an analyst sees where on the page a sentence stands and how sure the reading is.

>>> from graph.model import Document
>>> doc = Document(doc_id="d", text="Jordy met Kapitein", pages=[0], metadata={"ocr": {
...     "pages": {"1": {"width": 400, "height": 100, "confidence": 0.9}},
...     "words": [[0, 5, 1, 10, 10, 60, 20, 95.0], [6, 9, 1, 80, 10, 40, 20, 90.0],
...               [10, 18, 1, 130, 10, 90, 20, 41.0]]}})
>>> page_summary(doc, 1, 10, 18)["span_confidence"]
0.41
>>> 'class="hit"' in page_svg(doc, 1, 10, 18)
True
"""

from __future__ import annotations

from html import escape
from typing import Any

from graph.errors import DocumentNotFound
from graph.model import Document

__all__ = ["LOW_CONFIDENCE", "ocr_pages", "page_summary", "page_svg", "page_words"]

#: words read with less confidence than this (0-100) are drawn in red, between it and 80 in amber
LOW_CONFIDENCE = 60.0
_CAPTION_SHARE = 0.03  # height of the caption band under the page, as a share of the page width


def ocr_pages(document: Document) -> dict[int, dict[str, Any]]:
    """Page number -> ``{width, height, confidence, words}`` for the pages of ``document`` read by OCR."""
    ocr = document.metadata.get("ocr") or {}
    counts: dict[int, int] = {}
    for word in ocr.get("words", []):
        counts[word[2]] = counts.get(word[2], 0) + 1
    return {int(n): {"width": int(p.get("width") or 0), "height": int(p.get("height") or 0),
                     "confidence": p.get("confidence"), "words": counts.get(int(n), 0)}
            for n, p in sorted((ocr.get("pages") or {}).items(), key=lambda kv: int(kv[0]))}


def page_words(document: Document, page: int, start: int | None = None,
               end: int | None = None) -> list[dict[str, Any]]:
    """The words OCR read on ``page``: text, box, confidence, and whether they fall in ``[start, end)``."""
    pages = ocr_pages(document)
    if page not in pages:
        if not pages:
            raise DocumentNotFound(f"document {document.doc_id[:12]} was not read by OCR (it has a text layer or is "
                               "not a scan): open the document's text instead")
        raise DocumentNotFound(f"page {page} of document {document.doc_id[:12]} was not read by OCR; "
                           f"pages read by OCR: {', '.join(map(str, pages))}")
    out = []
    for s, e, number, left, top, width, height, confidence in document.metadata["ocr"]["words"]:
        if number != page:
            continue
        hit = start is not None and end is not None and s < end and e > start
        out.append({"text": document.text[s:e], "start": s, "end": e, "left": left, "top": top, "width": width,
                    "height": height, "confidence": confidence, "hit": hit})
    return out


def page_summary(document: Document, page: int, start: int | None = None, end: int | None = None) -> dict[str, Any]:
    """Size and confidences of one OCR'd page, and of the words under ``[start, end)`` on it."""
    words = page_words(document, page, start, end)
    hits = [w for w in words if w["hit"]]
    info = ocr_pages(document)[page]
    return {"doc_id": document.doc_id, "page": page, "width": info["width"], "height": info["height"],
            "page_confidence": info["confidence"], "words": len(words), "highlighted": len(hits),
            "span_confidence": round(sum(w["confidence"] for w in hits) / len(hits) / 100, 3) if hits else None,
            "highlighted_text": " ".join(w["text"] for w in hits)}


def _colour(confidence: float) -> str:
    return "#c0392b" if confidence < LOW_CONFIDENCE else "#9a6700" if confidence < 80 else "#1f2328"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def page_svg(document: Document, page: int, start: int | None = None, end: int | None = None) -> str:
    """The page as SVG (its size in OCR pixels): every word at its box, the span's words highlighted."""
    summary = page_summary(document, page, start, end)
    words = page_words(document, page, start, end)
    width = summary["width"] or max((w["left"] + w["width"] for w in words), default=100)
    height = summary["height"] or max((w["top"] + w["height"] for w in words), default=100)
    band = max(40, round(width * _CAPTION_SHARE))
    font = max(14, round(band * 0.55))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + band}" '
           f'width="{width}" height="{height + band}" role="img" class="ocr-page" '
           f'data-page="{page}" data-highlighted="{summary["highlighted"]}">',
           f"<title>page {page} as read by OCR</title>",
           f'<rect class="paper" x="0" y="0" width="{width}" height="{height}" fill="#ffffff" stroke="#8c959f" '
           f'stroke-width="{max(1, width // 800)}"/>']
    pad = max(2, round(min((w["height"] for w in words), default=10) * 0.25))
    for w in words:
        if w["hit"]:
            out.append(f'<rect class="hit" x="{w["left"] - pad}" y="{w["top"] - pad}" width="{w["width"] + 2 * pad}" '
                       f'height="{w["height"] + 2 * pad}" fill="#ffe066" stroke="#e0a800" '
                       f'stroke-width="{max(1, pad // 2)}"/>')
    for w in words:
        size = max(6, round(w["height"] * 0.95))
        out.append(f'<text class="word{" in-span" if w["hit"] else ""}" x="{w["left"]}" y="{w["top"] + w["height"]}" '
                   f'font-size="{size}" textLength="{max(1, w["width"])}" lengthAdjust="spacingAndGlyphs" '
                   f'fill="{_colour(w["confidence"])}" data-confidence="{w["confidence"]}" '
                   f'font-family="DejaVu Sans, Arial, sans-serif">'
                   f'<title>{escape(w["text"])}: OCR confidence {w["confidence"]:.0f}%</title>{escape(w["text"])}</text>')
    caption = (f"page {page} \u00b7 OCR confidence of the page {_percent(summary['page_confidence'])}"
               + (f" \u00b7 highlighted words {_percent(summary['span_confidence'])}" if summary["highlighted"] else "")
               + f" \u00b7 red < {LOW_CONFIDENCE:.0f}% \u2264 amber < 80%")
    out.append(f'<text class="caption" x="{pad}" y="{height + round(band * 0.72)}" font-size="{font}" fill="#1f2328" '
               f'font-family="DejaVu Sans, Arial, sans-serif">{escape(caption)}</text>')
    out.append("</svg>")
    return "\n".join(out)
