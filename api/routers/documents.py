"""Documents: list, read with highlighted mentions, upload for ingest, delete."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile

from api.deps import Admin, Analyst, SettingsDep, StoreDep, Viewer, note
from api.errors import ERROR_RESPONSES
from api.routers.models import DeleteResult, DocumentDetail, DocumentInfo, HandlingCode, IngestJobOut
from graph.errors import DocumentNotFound, InvalidInput, UnreadableDocument
from graph.model import Mention
from graph.resolution.decisions import resolved_mentions
from graph.schema import SCHEMA
from ingest.encoding import detect_encoding

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERROR_RESPONSES)

#: what an upload may be, by extension, with a check of the first bytes
ALLOWED = {
    "txt": "text", "md": "text", "csv": "text", "eml": "text", "html": "text", "htm": "text",
    "pdf": b"%PDF-", "docx": b"PK\x03\x04",
    # scanned pages, read by OCR (a scanned PDF is a .pdf)
    "png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "tif": (b"II*\x00", b"MM\x00*"),
    "tiff": (b"II*\x00", b"MM\x00*"),
}
#: gradings the schema's table can weigh, in either case ("B2", "b2", "2-C-P")
GRADING_PATTERN = "(?i)" + SCHEMA.grading_pattern
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@router.get("", response_model=list[DocumentInfo], summary="Documents in the store (those you may read)")
def list_documents(request: Request, store: StoreDep, settings: SettingsDep, user: Viewer,
                   limit: Annotated[int, Query(ge=1, le=500)] = 100,
                   offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> list[dict[str, Any]]:
    rows = store.list_documents(limit=min(limit, settings.max_limit), offset=offset)
    note(request, items=len(rows))
    return rows


def highlight(text: str, mentions: list[Mention]) -> str:
    """``text`` as HTML with each mention in a ``<mark>`` (overlaps: the first one wins)."""
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > len(text) or m.start >= m.end:
            continue
        out.append(html.escape(text[pos:m.start]))
        out.append(f'<mark class="t-{html.escape(m.type)}" data-entity="{html.escape(m.entity_id, quote=True)}">'
                   f"{html.escape(text[m.start:m.end])}</mark>")
        pos = m.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


@router.get("/{doc_id}", response_model=DocumentDetail, summary="A document's text with its mentions highlighted")
def get_document(request: Request, doc_id: str, store: StoreDep, user: Viewer) -> dict[str, Any]:
    doc = store.get_document(doc_id)
    # spans as extracted, ids as they are now (merged, kept with the document): a click opens the entity
    mentions = resolved_mentions(store, store.raw_extraction(doc_id))
    note(request, items=len(mentions))
    return {**doc.info(), "text": doc.text, "mentions": [m.__dict__ | {"doc_id": doc_id} for m in mentions],
            "html": highlight(doc.text, mentions)}


def _check_upload(name: str, data: bytes, max_bytes: int) -> str:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ALLOWED:
        raise InvalidInput(f"files of type .{ext or '?'} are not accepted; send one of: "
                           + ", ".join(f".{e}" for e in sorted(ALLOWED)))
    if not data:
        raise UnreadableDocument(f"{name} is empty")
    if len(data) > max_bytes:
        raise InvalidInput(f"{name} is larger than {max_bytes // (1024 * 1024)} MB")
    magic = ALLOWED[ext]
    if magic == "text":  # the readers' own test: UTF-16/32 text holds NUL bytes and is text all the same
        detect_encoding(data[:65536], name, final=len(data) <= 65536)
    elif not data.startswith(magic):  # type: ignore[arg-type]
        raise UnreadableDocument(f"{name} does not look like a .{ext} file")
    return ext


@router.post("", response_model=IngestJobOut, status_code=202,
             summary="Upload a case file: answers at once with an ingest job to follow at GET /jobs/{id} (analyst)")
async def upload_document(
        request: Request, settings: SettingsDep, user: Analyst,
        file: Annotated[UploadFile, File(description="txt, md, csv, eml, html, pdf (scanned too), docx, or a "
                                                    "scanned page as png, jpg or tif (read by OCR)")],
        handling: Annotated[HandlingCode | Literal[""], Form(description="handling code (empty: none)")] = "",
        grading: Annotated[str, Form(pattern=GRADING_PATTERN,
                                              description="source grading, e.g. B2 or 2-C-P")]
        = "",
        lang: Annotated[Literal["auto", "en", "fr", "nl"], Form()] = "auto") -> dict[str, Any]:
    max_bytes = settings.max_upload_mb * 1024 * 1024
    name = _SAFE_NAME.sub("_", Path(file.filename or "upload.txt").name)[:120] or "upload.txt"
    data = await file.read(max_bytes + 1)
    _check_upload(name, data, max_bytes)
    note(request, filename=name, handling=handling or None, grading=grading or None, lang=lang, bytes=len(data))
    job = request.app.state.jobs.submit(data, name, user.name, user.clearance, lang=lang,
                                        handling=handling or None, grading=grading.upper() or None)
    note(request, items=1, job_id=job.job_id)
    return request.app.state.jobs.get(job.job_id, user.name)


@router.delete("/{doc_id}", response_model=DeleteResult, summary="Delete a document and its evidence (admin)")
def delete_document(request: Request, doc_id: str, view: StoreDep, user: Admin) -> dict[str, Any]:
    if not view.has_document(doc_id):
        raise DocumentNotFound(f"no document {doc_id!r} in the store")
    deleted = request.app.state.store.delete_document(doc_id)
    request.app.state.gate.invalidate()
    note(request, items=int(deleted))
    return {"doc_id": doc_id, "deleted": deleted}
