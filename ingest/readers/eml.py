"""E-mail (.eml): headers become structured facts, attachments become documents of their own.

The document text starts with the From/To/Cc/Date/Subject lines, then the body. The sender,
recipients and date become facts without NLP: an EMAIL entity per address, HAS_EMAIL from the
display name's owner (a person, or a company when the name carries a legal form) and CONTACTED
from the sender's address to each recipient's, dated with the message and cited by the header
line (method ``header``).
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from dataclasses import dataclass
from email import errors as email_errors
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from graph.identifiers import REGISTRY, check
from graph.ids import entity_id
from graph.model import Entity, Evidence, Extraction, IdentifierMention, Mention, Relation
from ingest.context import ReadContext
from ingest.encoding import decode_bytes, normalise_newlines
from ingest.readers.html import html_to_text
from ingest.source import ChildError, ReadResult, Source, unreadable

EXTRACTOR = "ingest.eml/1"
_MAIL_HEADERS = {"from", "to", "cc", "bcc", "date", "subject", "message-id", "received", "sender", "reply-to",
                 "return-path", "mime-version", "delivered-to", "x-mailer", "in-reply-to"}
_FATAL = (email_errors.StartBoundaryNotFoundDefect, email_errors.NoBoundaryInMultipartDefect,
          email_errors.MultipartInvariantViolationDefect)
_LEGAL_FORM = re.compile(r"\b(bvba|bv|nv|sa|sprl|srl|sarl|sas|ltd|limited|llc|inc|gmbh|ag|plc|vof|cv|comm\.?v|"
                         r"logistics|shipping|transport|group|company|services)\b\.?", re.I)


@dataclass
class _Party:
    role: str
    name: str
    address: str
    line: int          # index of the header line in ``lines``
    start: int = 0     # address span in the document text
    end: int = 0
    name_start: int = 0


def parse_message(data: bytes, name: str) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    keys = {k.lower() for k in msg.keys()}
    if not keys & _MAIL_HEADERS:
        raise unreadable(name, "not an e-mail (no From, To, Date or Subject header)",
                         "check the file; give it its real extension if it is something else")
    for part in msg.walk():
        fatal = [d for d in part.defects if isinstance(d, _FATAL)]
        if fatal:
            raise unreadable(name, f"damaged e-mail: {type(fatal[0]).__name__} ({fatal[0]})",
                             "export the message again from the mail client")
    return msg  # type: ignore[return-value]


def read(source: Source, ctx: ReadContext) -> ReadResult:
    data = source.read_bytes(ctx.limits)
    if not data.strip():
        raise unreadable(source.name, "empty file (0 bytes)", "check that the file was copied completely")
    msg = parse_message(data, source.name)
    notes = [f"e-mail defect: {type(d).__name__}" for d in msg.defects]
    parties, header_lines = _parties(msg)
    body = _body(msg, source.name, notes)
    head = "\n".join(header_lines)
    text = f"{head}\n\n{body}".strip() if body else head
    offsets = [0]
    for line in header_lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for p in parties:
        line = header_lines[p.line]
        p.start = offsets[p.line] + line.find(p.address)
        p.end = p.start + len(p.address)
        p.name_start = offsets[p.line] + line.find(p.name) if p.name else p.start
    sent = _date(msg)
    meta: dict[str, Any] = {
        "subject": str(msg.get("subject", "") or ""), "message_id": str(msg.get("message-id", "") or ""),
        "sender": [p.address for p in parties if p.role == "from"],
        "recipients": [p.address for p in parties if p.role in {"to", "cc", "bcc"}],
        "sent": sent,
    }
    doc = source.document(text, "eml", title=meta["subject"] or None, date=sent[:10] if sent else None,
                          metadata=meta)
    facts = header_facts(doc, parties, header_lines, sent)
    children = list(_attachments(msg, source, doc.doc_id))
    return ReadResult(doc, facts=facts, children=children, warnings=notes)


def _parties(msg: EmailMessage) -> tuple[list[_Party], list[str]]:
    parties: list[_Party] = []
    lines: list[str] = []
    for header in ("from", "to", "cc", "bcc"):
        raw = [str(v) for v in msg.get_all(header, [])]
        if not raw:
            continue
        found = [(n.strip(), a.strip()) for n, a in getaddresses(raw) if a and "@" in a]
        rendered = ", ".join(f"{n} <{a}>" if n else a for n, a in found) or ", ".join(raw)
        lines.append(f"{header.capitalize()}: {rendered}")
        parties.extend(_Party(header, n, a, len(lines) - 1) for n, a in found)
    if msg.get("date"):
        lines.append(f"Date: {msg.get('date')}")
    if msg.get("subject"):
        lines.append(f"Subject: {' '.join(str(msg.get('subject')).split())}")
    return parties, lines


def _date(msg: EmailMessage) -> str | None:
    raw = msg.get("date")
    if not raw:
        return None
    try:
        when = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    return when.isoformat(timespec="seconds") if when else None


def _body(msg: EmailMessage, name: str, notes: list[str]) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError, email_errors.MessageError) as exc:
        payload = part.get_payload(decode=True) or b""
        notes.append(f"body decoded leniently ({exc})")
        content = decode_bytes(payload, name).text if payload.strip() else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        content, _ = html_to_text(content)
    return normalise_newlines(content).strip()


def _attachments(msg: EmailMessage, source: Source, parent: str) -> Any:
    seen: dict[str, int] = {}
    for index, part in enumerate(msg.iter_attachments(), 1):
        ctype = part.get_content_type()
        if part.get_content_maintype() == "image" and (part.get("content-id") or
                                                          part.get_content_disposition() == "inline"):
            continue  # logos and pictures in signatures
        filename = part.get_filename() or ""
        filename = re.sub(r"[\\/\x00]", "_", filename).strip() or f"attachment-{index}{_ext(ctype)}"
        seen[filename] = seen.get(filename, 0) + 1
        member = filename if seen[filename] == 1 else f"{seen[filename]}-{filename}"
        try:
            if ctype == "message/rfc822":
                data = _embedded_message(part)
                if not member.lower().endswith(".eml"):
                    member += ".eml"
            else:
                data = part.get_payload(decode=True)
        except (LookupError, ValueError, TypeError, IndexError, binascii.Error, email_errors.MessageError) as exc:
            yield ChildError(f"{source.name}!{member}", f"{source.name}!{member}: attachment cannot be decoded "
                             f"({exc})")
            continue
        if not data:
            yield ChildError(f"{source.name}!{member}", f"{source.name}!{member}: empty attachment")
            continue
        yield source.child(data, member, parent=parent)


def _embedded_message(part: EmailMessage) -> bytes:
    """Bytes of a forwarded message; some mailers base64-encode it although the standard forbids it."""
    inner = part.get_payload(0)
    raw = inner.as_bytes() if hasattr(inner, "as_bytes") else bytes(inner)
    encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
    if encoding == "base64":
        return base64.b64decode(b"".join(raw.split()), validate=False)
    if encoding == "quoted-printable":
        return quopri.decodestring(raw.lstrip(b"\n"))
    return raw


def _ext(ctype: str) -> str:
    return {"application/pdf": ".pdf", "text/plain": ".txt", "text/html": ".html", "message/rfc822": ".eml",
            "application/zip": ".zip", "text/csv": ".csv"}.get(ctype, ".bin")


def header_facts(doc: Any, parties: list[_Party], lines: list[str], sent: str | None) -> Extraction:
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    idents: list[IdentifierMention] = []
    relations: list[Relation] = []
    email_ids: dict[int, str] = {}
    for i, p in enumerate(parties):
        value, valid = check("EMAIL", p.address)
        if not valid:
            continue
        eid = REGISTRY["EMAIL"].node_id(value)
        email_ids[i] = eid
        entities.setdefault(eid, Entity(eid, "EMAIL", value, identifiers={"EMAIL": value}))
        mentions.append(Mention(eid, p.address, "EMAIL", p.start, p.end, doc.doc_id))
        idents.append(IdentifierMention(p.address, "EMAIL", value, p.start, p.end, True, eid))
        name = " ".join(p.name.replace('"', "").split())
        if name and "@" not in name:
            otype = "COMPANY" if _LEGAL_FORM.search(name) else "PERSON"
            oid = entity_id(otype, name)
            entities.setdefault(oid, Entity(oid, otype, name))
            mentions.append(Mention(oid, name, otype, p.name_start, p.name_start + len(p.name), doc.doc_id))
            relations.append(Relation(oid, eid, "HAS_EMAIL", [Evidence(
                doc.doc_id, p.name_start, p.end, lines[p.line], "header", EXTRACTOR, date=sent)]))
    senders = [(i, p) for i, p in enumerate(parties) if p.role == "from" and i in email_ids]
    for si, sender in senders:
        for ri, rcpt in enumerate(parties):
            if rcpt.role == "from" or ri not in email_ids or email_ids[ri] == email_ids[si]:
                continue
            relations.append(Relation(email_ids[si], email_ids[ri], "CONTACTED", [Evidence(
                doc.doc_id, rcpt.start, rcpt.end, f"{lines[sender.line]}\n{lines[rcpt.line]}", "header",
                EXTRACTOR, date=sent)], properties={"channel": "e-mail"}))
    return Extraction(document=doc, entities=list(entities.values()), mentions=mentions, identifiers=idents,
                      relations=relations)
