"""Which reader reads a file: by its first bytes when they are telling, else by extension.

>>> sniff(Source.from_bytes(b"%PDF-1.4 ...", "x", "report.txt"))
'pdf'
>>> sniff(Source.from_bytes(b"Hello", "x", "notes"))
'txt'
"""

from __future__ import annotations

import importlib
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.errors import HavengraphError
from graph.model import Document
from ingest.chat_layouts import detect_layout
from ingest.context import ReadContext
from ingest.records import load_mapping
from ingest.sidecar import check_code, load_sidecar
from ingest.source import ChildError, NotCaseMaterial, ReadResult, Source, unreadable

Reader = Callable[[Source, ReadContext], ReadResult]

#: format -> module in ``ingest.readers`` (or ``ingest``) with ``read(source, ctx)``
READERS: dict[str, str] = {
    "txt": "ingest.readers.txt", "md": "ingest.readers.txt", "pdf": "ingest.readers.pdf",
    "docx": "ingest.readers.docx", "html": "ingest.readers.html", "eml": "ingest.readers.eml",
    "mbox": "ingest.readers.mbox", "zip": "ingest.readers.zip", "csv": "ingest.readers.csv",
    "xlsx": "ingest.readers.xlsx", "ftm": "ingest.ftm", "chat": "ingest.readers.chat",
    "image": "ingest.readers.image",
}
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".log": "txt", ".rst": "txt", ".md": "md", ".markdown": "md",
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".eml": "eml", ".mbox": "mbox", ".mbx": "mbox", ".zip": "zip", ".csv": "csv", ".tsv": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".ftm": "ftm", ".ijson": "ftm",
}
_CONVERT = "save it as .docx, .xlsx or PDF and ingest that"
UNSUPPORTED = {
    ".doc": f"legacy Word format; {_CONVERT}", ".xls": f"legacy Excel format; {_CONVERT}",
    ".ppt": f"PowerPoint file; {_CONVERT}", ".pptx": "PowerPoint file; export it to PDF and ingest that",
    ".msg": "Outlook message file; save it as .eml (or print it to PDF) and ingest that",
    ".odt": f"OpenDocument file; {_CONVERT}", ".ods": f"OpenDocument file; {_CONVERT}",
    ".rtf": f"RTF file; {_CONVERT}", ".pages": f"Apple Pages file; {_CONVERT}",
    ".7z": "7-Zip archive; unpack it (or re-pack it as .zip) and ingest the files",
    ".rar": "RAR archive; unpack it (or re-pack it as .zip) and ingest the files",
    ".gz": "gzip file; unpack it and ingest the content", ".tgz": "tar archive; unpack it and ingest the files",
    ".tar": "tar archive; unpack it and ingest the files",
}
_OCR = "GIF image: save it as PNG (OCR reads PNG, JPEG and TIFF) and ingest that"
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", _OCR), (b"GIF89a", _OCR), (b"RIFF", "binary media file (RIFF: image, audio or video)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", f"legacy Office file (Word .doc, Excel .xls or Outlook .msg); {_CONVERT}"),
    (b"\x1f\x8b", UNSUPPORTED[".gz"]), (b"7z\xbc\xaf\x27\x1c", UNSUPPORTED[".7z"]), (b"Rar!", UNSUPPORTED[".rar"]),
    (b"{\\rtf", UNSUPPORTED[".rtf"]), (b"\x7fELF", "executable program, not a document"),
    (b"MZ", "Windows executable, not a document"),
)
_MAIL_HEADER = re.compile(rb"^(from|to|cc|date|subject|message-id|received|return-path|mime-version|"
                          rb"delivered-to|reply-to|x-[\w-]+):[ \t]", re.I | re.M)
_MBOX_FROM = re.compile(rb"^From \S+ .*\d{4}", re.M)


def sniff(source: Source) -> str:
    """Format name for :data:`READERS`; raises ``UnreadableDocument`` for formats Havengraph cannot read."""
    head = source.head(8192)
    ext = source.suffix
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip_kind(source, ext)
    if head.startswith(_IMAGES):  # scanned pages, read by OCR
        return "image"
    for magic, why in _MAGIC:
        if head.startswith(magic) and not (magic == b"MZ" and ext in EXTENSIONS):
            raise unreadable(source.name, why)
    if source.filename.lower().endswith((".ftm.json", ".ftm.jsonl")):
        return "ftm"
    if detect_layout(head, ext) is not None:  # a chat export (ingest/mappings/chat/)
        return "chat"
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if ext in UNSUPPORTED:
        raise unreadable(source.name, UNSUPPORTED[ext])
    text = head.lstrip()[:1024].lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:256]:
        return "html"
    if _MBOX_FROM.match(head):
        return "mbox"
    if len(_MAIL_HEADER.findall(head[:4096])) >= 2 and _MAIL_HEADER.match(head):
        return "eml"
    if ext in {".json", ".jsonl", ".ndjson"} and _is_ftm_line(head):
        return "ftm"
    return "txt"


def _is_ftm_line(head: bytes) -> bool:
    line = head.split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and "schema" in obj and "properties" in obj


def _zip_kind(source: Source, ext: str) -> str:
    if ext in {".docx", ".docm"}:
        return "docx"
    if ext in {".xlsx", ".xlsm"}:
        return "xlsx"
    try:
        with zipfile.ZipFile(source.open()) as archive:
            names = set(archive.namelist()[:2000])
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return "zip"  # the zip reader reports the damage
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        raise unreadable(source.name, UNSUPPORTED[".pptx"])
    if "mimetype" in names and "content.xml" in names:
        raise unreadable(source.name, UNSUPPORTED[".odt"])
    return "zip"


#: formats a chat layout given with ``--mapping`` may read instead (a text export, a table, JSON)
_CHAT_READABLE = frozenset({"chat", "txt", "csv", "xlsx", "json"})


def reader_for(fmt: str) -> Reader:
    module = importlib.import_module(READERS[fmt])
    return module.read  # type: ignore[no-any-return]


def read_source(source: Source, ctx: ReadContext) -> ReadResult:
    """Read one source with the reader its content or name calls for."""
    fmt = sniff(source)
    if ctx.chat_layout is not None and fmt in _CHAT_READABLE and source.suffix in ctx.chat_layout.suffixes:
        from ingest.readers.chat import read as read_chat

        return read_chat(source, ctx, ctx.chat_layout)
    return reader_for(fmt)(source, ctx)


@dataclass
class Found:
    """A document read from ``name``; ``top`` for the file itself, ``ancestors`` = ids of its containers."""

    name: str
    result: ReadResult
    top: bool
    ancestors: tuple[str, ...] = ()


@dataclass
class Problem:
    """Something that could not be read (or, with ``ignored``, was left out on purpose), and why."""

    name: str
    reason: str
    ignored: bool = False


def walk(source: Source, ctx: ReadContext, ancestors: tuple[str, ...] = ()) -> Iterator[Found | Problem]:
    """Every document in ``source``, depth-first, a container after its content; never raises for bad input."""
    try:
        result = read_source(source, ctx)
    except NotCaseMaterial as exc:
        yield Problem(source.name, str(exc), ignored=True)
        return
    except HavengraphError as exc:
        yield Problem(source.name, str(exc))
        return
    except Exception as exc:  # a reader library failing in a way nobody foresaw: report, go on
        yield Problem(source.name, f"{source.name}: could not be read ({type(exc).__name__}: {exc})")
        return
    inner = (*ancestors, result.document.doc_id)
    try:
        for child in result.children:
            if isinstance(child, ChildError):
                yield Problem(child.name, child.reason)
            elif isinstance(child, Source):
                if child.depth > ctx.limits.max_depth:
                    yield Problem(child.name, f"{child.name}: nested more than {ctx.limits.max_depth} containers "
                                  "deep (zip bomb?); unpack it yourself and ingest the files")
                    continue
                yield from walk(child, ctx, inner)
            else:
                yield Found(child.document.source, child, False, inner)
    except Exception as exc:
        yield Problem(source.name, f"{exc}; the rest of {source.name} was not read (a new run retries it)")
        return
    yield Found(source.name, result, not ancestors, ancestors)


def open_source(path: Path, *, grading: str | None = None, handling: str | None = None,
                lang: str | None = None) -> tuple[Source, dict[str, object]]:
    """A source for ``path`` with the sidecar's values (which win over the arguments), and the sidecar."""
    meta = load_sidecar(path)
    source = Source.from_path(path)
    defaults = {"grading": meta.get("grading") or check_code(grading, "grading"),
                "handling": meta.get("handling") or check_code(handling, "handling"),
                "lang": meta.get("lang") if meta.get("lang") not in (None, "auto") else
                (lang if lang not in (None, "auto") else None)}
    source.defaults = {k: v for k, v in defaults.items() if v}
    return source, meta


def apply_sidecar(document: Document, meta: dict[str, object]) -> None:
    if meta.get("title"):
        document.title = str(meta["title"])
    if meta.get("date"):
        document.date = str(meta["date"])


def read_file(path: str | Path, *, grading: str | None = None, handling: str | None = None,
              mapping: str | Path | None = None) -> Document:
    """Read one case file into a :class:`Document` (an archive's or mailbox's own record, without its content).

    Raises ``UnreadableDocument`` (naming the file, saying what to do) when it cannot be read.
    """
    path = Path(path)
    source, meta = open_source(path, grading=grading, handling=handling)
    chosen = meta.get("mapping") or mapping
    ctx = ReadContext(mapping=load_mapping(str(chosen)) if chosen else None)
    if path.is_dir():
        raise unreadable(source.name, "is a folder; use ingest_paths (havengraph ingest) for folders")
    result = read_source(source, ctx)
    if result.document.metadata.get("split"):
        raise unreadable(source.name, f"too large to read as one document ({source.size / 2**20:.0f} MB)",
                         "`havengraph ingest` reads it in parts")
    apply_sidecar(result.document, meta)
    return result.document
