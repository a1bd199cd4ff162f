"""Messages out of a chat export, one at a time, whatever its layout (memory stays bounded).

>>> from ingest.source import Source
>>> text = "12/03/2024, 21:15 - Jordy: ok for tonight?\\n12/03/2024, 21:16 - +32 470 12 34 56: yes\\n"
>>> src = Source.from_bytes(text.encode(), "chat.txt", "chat.txt")
>>> [(m.sender, m.recipients, m.time) for m in read_messages(src, load_layout("whatsapp_text"))]
[('Jordy', ['+32 470 12 34 56'], '2024-03-12T21:15:00'), ('+32 470 12 34 56', ['Jordy'], '2024-03-12T21:16:00')]
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ingest.chat_layouts import WHATSAPP_LINE, ChatLayout, load_layout
from ingest.records import parse_date
from ingest.source import Source, unreadable

__all__ = ["Message", "read_messages", "load_layout"]

_ATTACHED = re.compile(r"<attached: ([^>]+)>|^(\S+\.\w{2,4}) \(file attached\)")
_SHORT_YEAR = ("%d/%m/%y %H:%M", "%d/%m/%y %H:%M:%S", "%d.%m.%y %H:%M", "%d.%m.%y %H:%M:%S", "%d-%m-%y %H:%M")
_JSON_CHUNK = 1 << 20


@dataclass
class Message:
    sender: str
    recipients: list[str]
    time: str | None
    text: str
    attachment: str = ""
    sender_name: str = ""
    line: int = 0


def read_messages(source: Source, layout: ChatLayout) -> Iterator[Message]:
    """Every message of ``source`` read as ``layout`` says, in file order."""
    if layout.format == "whatsapp":
        return _whatsapp(source, layout)
    if layout.format == "csv" and source.suffix in {".xlsx", ".xlsm"}:
        return _sheet_rows(source, layout)
    if layout.format == "csv":
        return _table_rows(source, layout)
    return _json_rows(source, layout)


def _when(raw: str, fmt: str | None) -> str | None:
    raw = " ".join(raw.replace(",", " ").split())
    if not raw:
        return None
    parsed = parse_date(raw, fmt)
    if parsed is None and not fmt:
        for candidate in _SHORT_YEAR:
            try:
                return datetime.strptime(raw, candidate).isoformat(timespec="seconds")
            except ValueError:
                continue
    if parsed is not None and "T" not in parsed and re.search(r"\d:\d\d", raw):
        parsed += "T00:00:00"
    return parsed or raw


def _text_lines(source: Source) -> Iterator[str]:
    with source.open() as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="") as fh:
        for line in fh:
            yield line.rstrip("\r\n")


def _whatsapp_heads(source: Source) -> Iterator[tuple[int, str, str, str]]:
    for number, line in enumerate(_text_lines(source), 1):
        match = WHATSAPP_LINE.match(line)
        if match:
            yield number, match["date"], match["time"], match["rest"]
        else:
            yield number, "", "", line


def _whatsapp(source: Source, layout: ChatLayout) -> Iterator[Message]:
    # first pass: who writes in this chat (the recipients of each message are the others)
    participants: dict[str, None] = {}
    for _, date, _, rest in _whatsapp_heads(source):
        if date and ": " in rest:
            participants.setdefault(rest.split(": ", 1)[0].strip().lstrip("\u200e"), None)
    current: Message | None = None
    for number, date, clock, rest in _whatsapp_heads(source):
        if not date:
            if current is not None:
                current.text += "\n" + rest
            continue
        if current is not None:
            yield _with_attachment(current)
            current = None
        if ": " not in rest:  # a notice of the app (encryption, someone joined): not a message
            continue
        sender, text = rest.split(": ", 1)
        sender = sender.strip().lstrip("\u200e")
        others = [p for p in participants if p != sender]
        current = Message(sender, others, _when(f"{date} {clock}", layout.time_format), text, line=number)
    if current is not None:
        yield _with_attachment(current)


def _with_attachment(message: Message) -> Message:
    found = _ATTACHED.search(message.text.strip())
    if found:
        message.attachment = found.group(1) or found.group(2) or ""
        message.text = (message.text[:found.start()] + message.text[found.end():]).strip()
    return message


def _split(value: Any, separator: str) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value or "")
    parts = text.split(separator) if separator in text else text.split(",") if separator == ";" else [text]
    return [p.strip() for p in parts if p.strip()]


def _message(values: dict[str, Any], layout: ChatLayout, number: int) -> Message | None:
    def get(role: str) -> Any:
        spec = layout.column(role)
        return values.get(spec[0].casefold(), "") if spec else ""

    sender = " ".join(str(get("sender") or "").split())
    if not sender:
        return None
    attachment = get("attachment")
    return Message(sender=sender, recipients=_split(get("recipients"), layout.recipients_separator),
                   time=_when(str(get("time") or ""), layout.time_format), text=str(get("text") or ""),
                   attachment=", ".join(_split(attachment, ",")) if attachment else "",
                   sender_name=" ".join(str(get("sender_name") or "").split()), line=number)


def _check_header(source: Source, layout: ChatLayout, header: list[str], has: str = "the file has") -> None:
    missing = layout.missing(header)
    if missing:
        what = "column(s)" if layout.format == "csv" else "key(s)"
        raise unreadable(source.name, f"chat layout '{layout.name}' needs {what} {', '.join(missing)}; it expects "
                         f"{layout.expects()}, and {has}: {', '.join(header) or 'nothing'}",
                         "rename the columns, or give the layout that fits with --mapping (a file like those in "
                         "ingest/mappings/chat/)")


def _table_rows(source: Source, layout: ChatLayout) -> Iterator[Message]:
    lines = _text_lines(source)
    first = next((line for line in lines if line.strip()), "")
    try:
        delimiter = csv.Sniffer().sniff(first, ",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    header = [h.strip().casefold() for h in next(csv.reader([first], delimiter=delimiter))]
    _check_header(source, layout, header)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        for number, record in enumerate(reader, 2):
            message = _message(dict(zip(header, record, strict=False)), layout, number)
            if message is not None:
                yield message
    except csv.Error as exc:
        raise unreadable(source.name, f"malformed CSV near row {reader.line_num + 1} ({exc})",
                         "fix the quoting and ingest again") from exc


def _json_objects(source: Source) -> Iterator[Any]:
    """Objects of a JSON array or of JSON Lines, decoded one by one from a bounded buffer."""
    decoder = json.JSONDecoder()
    buffer, done, started = "", False, False
    with source.open() as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace") as fh:
        while True:
            if not done and len(buffer) < _JSON_CHUNK:
                chunk = fh.read(_JSON_CHUNK)
                done = not chunk
                buffer += chunk
            buffer = buffer.lstrip(" \t\r\n,")
            if not started and buffer.startswith("["):
                buffer, started = buffer[1:], True
                continue
            if not buffer or buffer.startswith("]"):
                if done:
                    return
                continue
            try:
                obj, end = decoder.raw_decode(buffer)
            except ValueError as exc:
                if done:
                    raise unreadable(source.name, f"malformed JSON ({exc.args[0][:80]})",
                                     "check that the export is complete") from exc
                if len(buffer) > 64 * _JSON_CHUNK:
                    raise unreadable(source.name, "one JSON message is larger than 64 MB") from exc
                chunk = fh.read(_JSON_CHUNK)
                done = not chunk
                buffer += chunk
                continue
            buffer = buffer[end:]
            yield obj


def _json_rows(source: Source, layout: ChatLayout) -> Iterator[Message]:
    for number, obj in enumerate(_json_objects(source), 1):
        if not isinstance(obj, dict):
            raise unreadable(source.name, f"message {number} is not a JSON object",
                             "give an array of message objects, or one object per line")
        if number == 1:
            _check_header(source, layout, [str(k) for k in obj], "the first message has")
        message = _message({str(k).strip().casefold(): v for k, v in obj.items()}, layout, number)
        if message is not None:
            yield message


def sheet_header(source: Source) -> list[str]:
    """The first non-empty row of a workbook's first sheet (read without loading the sheet)."""
    return next((cells for _, cells in _sheet(source)), [])


def _sheet(source: Source) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    from ingest.tables import cell_text

    try:
        book = load_workbook(source.open(), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise unreadable(source.name, f"damaged or not an Excel workbook ({type(exc).__name__}: {exc})",
                         "open and re-save it as .xlsx, or export the sheet to CSV") from exc
    try:
        for number, raw in enumerate(book.worksheets[0].iter_rows(values_only=True), 1):
            cells = [cell_text(v) for v in raw]
            if any(cells):
                yield number, cells
    finally:
        book.close()


def _sheet_rows(source: Source, layout: ChatLayout) -> Iterator[Message]:
    rows = _sheet(source)
    header = [h.strip().casefold() for h in next(rows, (0, []))[1]]
    _check_header(source, layout, header)
    for number, cells in rows:
        message = _message(dict(zip(header, cells, strict=False)), layout, number)
        if message is not None:
            yield message
