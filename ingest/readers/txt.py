"""Plain text and Markdown, any common encoding; large files are streamed in parts."""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterator

from ingest.context import ReadContext
from ingest.encoding import decode_bytes, detect_encoding, normalise_newlines
from ingest.source import ReadResult, Source, unreadable

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".log": "txt", ".rst": "txt"}
_SAMPLE = 1 << 16


def read(source: Source, ctx: ReadContext) -> ReadResult:
    fmt = FORMATS.get(source.suffix, "txt")
    size = source.size
    if size == 0:
        raise unreadable(source.name, "empty file (0 bytes)", "check that the file was copied completely")
    if size > ctx.limits.split_text_above:
        return read_large(source, ctx, fmt)
    decoded = decode_bytes(source.read_bytes(ctx.limits), source.name)
    if not decoded.text.strip():
        raise unreadable(source.name, "only white space, no text", "check that the file was copied completely")
    doc = source.document(decoded.text, fmt, metadata={"encoding": decoded.encoding})
    warnings = []
    if decoded.replaced:
        warnings.append(f"{decoded.replaced} undecodable character(s) replaced by U+FFFD")
        doc.metadata["replaced_characters"] = decoded.replaced
    return ReadResult(doc, warnings=warnings)


def read_large(source: Source, ctx: ReadContext, fmt: str = "txt") -> ReadResult:
    """A big text file becomes a record of its own (no text) plus parts of about
    ``limits.text_part_chars`` characters, cut on paragraph or line breaks, read one at a time."""
    with source.open() as fh:
        head = fh.read(_SAMPLE)
    encoding = detect_encoding(head, source.name, final=False)
    parent = source.document("", fmt, metadata={"encoding": encoding, "split": True})
    parent_id = parent.doc_id

    def parts() -> Iterator[ReadResult]:
        count = 0
        for number, (offset, text) in enumerate(_stream_parts(source, encoding, ctx.limits.text_part_chars), 1):
            part_id = hashlib.sha256(f"{parent_id}#part-{number}".encode()).hexdigest()
            doc = source.document(text, fmt, doc_id=part_id, title=f"{source.filename} (part {number})",
                                  metadata={"part": number, "part_of": parent_id, "char_offset": offset,
                                            "encoding": encoding})
            doc.source = f"{source.name}#part-{number:05d}"
            count = number
            yield ReadResult(doc)
        parent.metadata["parts"] = count

    return ReadResult(parent, nlp=False, children=parts())


def _stream_parts(source: Source, encoding: str, part_chars: int) -> Iterator[tuple[int, str]]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    buffer = carry = ""
    offset = 0
    with source.open() as fh:
        while True:
            raw = fh.read(part_chars)
            final = not raw
            text = carry + decoder.decode(raw, final)
            carry = ""
            if text.endswith("\r") and not final:  # a CR LF pair may straddle two reads
                text, carry = text[:-1], "\r"
            buffer += normalise_newlines(text)
            while len(buffer) >= part_chars or (final and buffer):
                cut = len(buffer) if final and len(buffer) < part_chars else _cut(buffer, part_chars)
                piece, buffer = buffer[:cut], buffer[cut:]
                if piece.strip():
                    yield offset, piece
                offset += len(piece)
            if final:
                return


def _cut(text: str, limit: int) -> int:
    """A cut at or before ``limit``: after a blank line, a line break or a space in the last quarter."""
    floor = limit - limit // 4
    for sep in ("\n\n", "\n", " "):
        pos = text.rfind(sep, floor, limit)
        if pos >= 0:
            return pos + len(sep)
    return limit
