"""Scanned pages drawn from their OCR words: where on the page a piece of evidence stands."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from ingest.ocr_page import ocr_pages, page_summary, page_svg

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)

Offset = Annotated[int | None, Query(ge=0, le=1 << 40, description="start of the span to highlight (characters)")]


@router.get("/{doc_id}/ocr", summary="Pages of a document read by OCR, with their size and confidence")
def ocr_info(request: Request, doc_id: str, store: StoreDep, user: Viewer) -> dict[str, Any]:
    """``{"doc_id", "confidence", "pages": [{"page", "width", "height", "confidence", "words"}]}``;
    ``pages`` is empty for a document with a text layer."""
    doc = store.get_document(doc_id)
    pages = ocr_pages(doc)
    note(request, items=len(pages))
    return {"doc_id": doc_id, "confidence": (doc.metadata.get("ocr") or {}).get("confidence"),
            "pages": [{"page": n, **info} for n, info in pages.items()]}


@router.get("/{doc_id}/pages/{page}.svg", response_class=Response,
            summary="A page read by OCR, drawn from its words, with a span highlighted",
            responses={200: {"content": {"image/svg+xml": {}}, "description": "the page as SVG"}})
def page_picture(request: Request, doc_id: str, page: int, store: StoreDep, user: Viewer,
                 start: Offset = None, end: Offset = None) -> Response:
    """Every word OCR read on the page at its box (the page image is not kept), the words of
    ``[start, end)`` (an evidence span) on a yellow band, words read with low confidence in colour;
    the caption gives the page's and the highlighted words' OCR confidence (also in the headers
    ``X-OCR-Page-Confidence`` and ``X-OCR-Span-Confidence``)."""
    doc = store.get_document(doc_id)
    summary = page_summary(doc, page, start, end)
    note(request, page=page, start=start, end=end, items=summary["highlighted"])
    headers = {"X-OCR-Page-Confidence": str(summary["page_confidence"]),
               "X-OCR-Span-Confidence": "" if summary["span_confidence"] is None else str(summary["span_confidence"]),
               "Cache-Control": "private, no-store"}
    return Response(page_svg(doc, page, start, end), media_type="image/svg+xml", headers=headers)
