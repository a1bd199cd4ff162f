"""PDF through its text layer (pypdf), scanned pages by OCR; page starts are kept so evidence can cite "p. 4"."""

from __future__ import annotations

import io
import logging
import re
import warnings
from datetime import datetime
from typing import Any

from ingest import ocr
from ingest.context import ReadContext
from ingest.encoding import normalise_newlines
from ingest.source import ReadResult, Source, unreadable

HINT_OCR = f"it needs OCR: {ocr.INSTALL_HINT}"
_PAGE_SEP = "\n\n"
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def read(source: Source, ctx: ReadContext) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    data = source.read_bytes(ctx.limits)
    if not data:
        raise unreadable(source.name, "empty file (0 bytes)", "check that the file was copied completely")
    if b"%%EOF" not in data[-8192:]:
        raise unreadable(source.name, "truncated PDF (no end-of-file marker)",
                         "the file was cut short: copy or download it again")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt(reader, source)
            pages = [_page_text(page) for page in reader.pages]
            info = _info(reader)
    except (FileNotDecryptedError, DependencyError) as exc:
        raise unreadable(source.name, f"encrypted PDF that cannot be opened ({exc})",
                         "ask for an unprotected copy, or remove the protection (qpdf --decrypt) and ingest again"
                         ) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise unreadable(source.name, f"damaged PDF ({type(exc).__name__}: {exc})",
                         "open and re-save it (or print it to PDF) and ingest again") from exc
    if not pages:
        raise unreadable(source.name, "PDF without pages")
    empty = [i + 1 for i, text in enumerate(pages) if not text.strip()]
    scanned: dict[int, ocr.OcrPage] = {}
    if empty and ocr.available():  # pages without a text layer are scans: read them by OCR
        scanned = {n: page for n, page in ocr.ocr_pdf_pages(data, empty, source.defaults.get("lang"), source.name)
                   if page.text.strip()}
        for number, page in scanned.items():
            pages[number - 1] = page.text
        if not scanned and len(empty) == len(pages):
            raise unreadable(source.name, f"no text layer on any of its {len(pages)} page(s), and OCR found no "
                             "text on them either (blank pages or a very poor scan?)",
                             "scan it again at 300 dpi and ingest again")
        empty = [n for n in empty if n not in scanned]
    if len(empty) == len(pages):
        raise unreadable(source.name, f"no text layer on any of its {len(pages)} page(s) (scanned images?)", HINT_OCR)
    starts, parts, pos = [], [], 0
    for text in pages:
        starts.append(pos)
        parts.append(text)
        pos += len(text) + len(_PAGE_SEP)
    doc = source.document(_PAGE_SEP.join(parts), "pdf", title=info.pop("title", None), date=info.pop("date", None),
                          pages=starts, metadata={"page_count": len(pages), **info})
    notes = []
    if scanned:
        ocr.record_words(doc, scanned, ocr.languages_for(source.defaults.get("lang")))
        doc.metadata["ocr_pages"] = sorted(scanned)
        notes.append(f"page(s) {_ranges(sorted(scanned))} read by OCR, mean word confidence "
                     f"{doc.metadata['ocr']['confidence']:.0%}")
    if empty:
        doc.metadata["pages_without_text"] = empty
        notes.append(f"{len(empty)} of {len(pages)} page(s) have no text layer (pages {_ranges(empty)}); {HINT_OCR}")
    return ReadResult(doc, warnings=notes)


def _decrypt(reader: Any, source: Source) -> None:
    try:
        ok = reader.decrypt("")
    except NotImplementedError as exc:
        raise unreadable(source.name, f"encrypted PDF with an unsupported scheme ({exc})",
                         "ask for an unprotected copy") from exc
    if not ok:
        raise unreadable(source.name, "encrypted PDF (a password is needed to open it)",
                         "ask for the password or an unprotected copy; qpdf --password=... --decrypt removes it")


def _page_text(page: Any) -> str:
    text = page.extract_text() or ""
    return normalise_newlines(text).replace("\x00", "").strip("\n")


def _info(reader: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    try:
        meta = reader.metadata or {}
    except Exception:  # a damaged info dictionary must not lose the text
        return out
    title = meta.get("/Title")
    if title and str(title).strip():
        out["title"] = str(title).strip()
    author = meta.get("/Author")
    if author and str(author).strip():
        out["author"] = str(author).strip()
    for key in ("/CreationDate", "/ModDate"):
        date = _pdf_date(meta.get(key))
        if date:
            out["date"] = date
            break
    return out


def _pdf_date(value: Any) -> str | None:
    if not value:
        return None
    match = _PDF_DATE.match(str(value).strip())
    if not match or not match.group(2):
        return None
    try:
        parts = [int(g) if g else 1 for g in match.groups()[:3]]
        return datetime(*parts).date().isoformat()  # type: ignore[misc]
    except ValueError:
        return None


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)
