"""Mailboxes (.mbox): each message is read as an e-mail of its own, streamed one at a time."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.context import ReadContext
from ingest.source import ChildError, ReadResult, Source, unreadable

_FROM_LINE = re.compile(rb"^From \S+")
_ESCAPED = re.compile(rb"^>(>*From )")


def read(source: Source, ctx: ReadContext) -> ReadResult:
    if source.size == 0:
        raise unreadable(source.name, "empty file (0 bytes)", "check that the file was copied completely")
    if not _FROM_LINE.match(source.head(1024)):
        raise unreadable(source.name, "not an mbox mailbox (it does not start with a 'From ' line)",
                         "export the mailbox again, or save single messages as .eml")
    doc = source.document("", "mbox", metadata={})

    def messages() -> Iterator[Source | ChildError]:
        count = 0
        for count, data in enumerate(_split(source, ctx), 1):
            yield source.child(data, f"message-{count:05d}.eml", parent=doc.doc_id)
        doc.metadata["messages"] = count
        doc.text = f"mailbox with {count} message(s)"

    return ReadResult(doc, nlp=False, children=messages())


def _split(source: Source, ctx: ReadContext) -> Iterator[bytes]:
    current: list[bytes] = []
    size = 0
    previous_blank = True
    with source.open() as fh:
        for line in fh:
            if previous_blank and _FROM_LINE.match(line):
                if current:
                    yield b"".join(current)
                current, size = [], 0
                previous_blank = False
                continue
            size += len(line)
            if size > ctx.limits.max_file_bytes:
                raise unreadable(source.name, "a message in the mailbox is too large to read")
            current.append(_ESCAPED.sub(rb"\1", line))
            previous_blank = not line.strip()
    if current:
        yield b"".join(current)
