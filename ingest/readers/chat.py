"""Chat exports: messages become documents, senders and recipients CONTACTED relations.

The layout (``ingest/mappings/chat/*.layout.yaml``) says how the export is written; the facts
come from one records mapping (``contacts.records.yaml``) applied to one row per (message,
recipient), the same machinery as call-detail records. A sender or recipient is a PHONE when it is
a phone number, else a HANDLE (an account's name, not a person); a person comes only from a name
the export states beside a sender, once per export (HAS_PHONE or HAS_HANDLE). The text of the messages goes through
NLP. A short export is one document; a longer one is read as a stream of documents of
:data:`MESSAGES_PER_DOCUMENT` messages each (the export itself is recorded after them), so a
million-message export never sits in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path

from graph.identifiers import check
from graph.model import Document, Extraction
from ingest.chat_layouts import ChatLayout, detect_layout
from ingest.chat_messages import Message, read_messages
from ingest.context import ReadContext
from ingest.records import Mapping, load_mapping
from ingest.source import ReadResult, Source, unreadable
from ingest.tables import Row, Table

MESSAGES_PER_DOCUMENT = 500
FACTS_MAPPING = Path(__file__).resolve().parent.parent / "mappings" / "chat" / "contacts.records.yaml"
COLUMNS = ["time", "sender_phone", "sender_handle", "sender_phone_owner", "sender_handle_owner", "recipient_phone",
           "recipient_handle"]
_facts: list[Mapping] = []


def facts_mapping() -> Mapping:
    if not _facts:
        _facts.append(load_mapping(FACTS_MAPPING))
    return _facts[0]


def layout_of(source: Source) -> ChatLayout | None:
    return detect_layout(source.head(8192), source.suffix)


def read(source: Source, ctx: ReadContext, layout: ChatLayout | None = None) -> ReadResult:
    layout = layout or layout_of(source)
    if layout is None:
        raise unreadable(source.name, "not a chat export in a known layout",
                         "add a layout file to ingest/mappings/chat/ or ingest it as plain text")
    if ctx.mapping is not None and source.suffix in {".csv", ".tsv"}:  # a mapping given by hand wins
        from ingest.readers.csv import read as read_csv

        return read_csv(source, ctx)
    messages = read_messages(source, layout)
    first = list(islice(messages, MESSAGES_PER_DOCUMENT + 1))
    if not first:
        raise unreadable(source.name, f"no message found as chat layout '{layout.name}' reads them: it expects "
                         f"{layout.expects()}", "check that the export is complete, or give the layout that fits "
                         "with --mapping")
    meta = {"kind": "messages", "layout": layout.name}
    stated: set[tuple[str, str]] = set()  # (name, sender) pairs already stated in this export
    if len(first) <= MESSAGES_PER_DOCUMENT:
        doc = source.document("", "chat", metadata=dict(meta))
        return _messages_result(doc, first, stated, _scope(layout, source))
    parent = source.document("", "chat", metadata={**meta, "kind": "chat-export"})

    def parts() -> Iterator[ReadResult]:
        batch, count, number = first[:MESSAGES_PER_DOCUMENT], 0, 0
        stream = chain(first[MESSAGES_PER_DOCUMENT:], messages)
        while batch:
            number += 1
            count += len(batch)
            doc_id = hashlib.sha256(f"{parent.doc_id}:messages:{number}".encode()).hexdigest()
            doc = source.document("", "chat", doc_id=doc_id, metadata={**meta, "parent": parent.doc_id,
                                                                     "part": number})
            doc.source = f"{source.name}#part-{number}"
            doc.title = f"{source.filename} (messages {count - len(batch) + 1}-{count})"
            yield _messages_result(doc, batch, stated, _scope(layout, source))
            batch = list(islice(stream, MESSAGES_PER_DOCUMENT))
        parent.metadata.update(messages=count, parts=number)
        parent.text = f"chat export ({layout.name}) with {count} message(s) in {number} part(s)"

    return ReadResult(parent, nlp=False, children=parts())


@lru_cache(maxsize=65536)
def _is_phone(handle: str) -> bool:
    return check("PHONE", handle)[1]


def _party(handle: str) -> tuple[str, str]:
    """``(phone, handle)``: a phone number is a phone, anything else the handle of an account."""
    return (handle, "") if _is_phone(handle) else ("", handle)


def _owners(message: Message, phone: str, stated: set[tuple[str, str]]) -> tuple[str, str]:
    """``(phone owner, handle owner)``: the name the export states beside the sender, the first time only
    (a person is asserted once per export, not once per message part)."""
    name = message.sender_name
    if not name or name == message.sender or (name, message.sender) in stated:
        return "", ""
    stated.add((name, message.sender))
    return (name, "") if phone else ("", name)


def _scope(layout: ChatLayout, source: Source) -> tuple[str, str] | None:
    """``(export key, export name)`` that a handle's id carries, or None when handles are platform-wide."""
    return (source.sha256()[:12], source.filename) if layout.handles == "export" else None


def _scoped_handles(facts: Extraction, scope: tuple[str, str] | None) -> None:
    """Give each HANDLE an id of its export: the same label in two phones' exports is two handles.

    A name in a messaging app's export is how that phone labels a contact ("Kapitein"); another
    phone may give the same label to someone else. Only a layout that says its senders are account
    names of the whole platform (``handles: platform``) keeps one handle per name across exports.
    """
    if scope is None:
        return
    key, export = scope
    renamed: dict[str, str] = {}
    for entity in facts.entities:
        if entity.type == "HANDLE":
            renamed[entity.entity_id] = entity.entity_id = f"{entity.entity_id}@{key}"
            entity.properties.setdefault("export", export)
    if not renamed:
        return
    facts.mentions = [replace(m, entity_id=renamed.get(m.entity_id, m.entity_id)) for m in facts.mentions]
    facts.relations = [replace(r, source=renamed.get(r.source, r.source), target=renamed.get(r.target, r.target))
                       for r in facts.relations]


def _messages_result(doc: Document, messages: list[Message], stated: set[tuple[str, str]],
                     scope: tuple[str, str] | None) -> ReadResult:
    lines: list[str] = []
    table = Table(name=doc.source, columns=COLUMNS)
    pos = 0
    times = [m.time for m in messages if m.time]
    for message in messages:
        line = f"[{message.time or 'no time'}] {message.sender}"
        if message.sender_name and message.sender_name != message.sender:
            line += f" ({message.sender_name})"
        line += f" to {', '.join(message.recipients) or 'the chat'}: {' '.join(message.text.split())}"
        if message.attachment:
            line += f" [attachment: {message.attachment}]"
        start, end = pos, pos + len(line)
        lines.append(line)
        pos = end + 1
        s_phone, s_handle = _party(message.sender)
        phone_owner, handle_owner = _owners(message, s_phone, stated)
        for recipient in message.recipients or [""]:
            r_phone, r_handle = _party(recipient) if recipient else ("", "")
            values = dict(zip(COLUMNS, (message.time or "", s_phone, s_handle, phone_owner, handle_owner, r_phone,
                                        r_handle), strict=True))
            table.rows.append(Row(message.line, values, start, end))
            phone_owner = handle_owner = ""  # stated once, on the message's first row
    doc.text = "\n".join(lines)
    doc.date = doc.date or (times[0][:10] if times else None)
    senders = list(dict.fromkeys(m.sender for m in messages))
    doc.metadata.update(messages=len(messages), first_time=min(times, default=None), last_time=max(times, default=None),
                        senders=senders[:50], attachments=sum(1 for m in messages if m.attachment))
    facts, notes = facts_mapping().apply(doc, table)
    _scoped_handles(facts, scope)
    return ReadResult(doc, facts=facts, nlp=True, warnings=notes)
