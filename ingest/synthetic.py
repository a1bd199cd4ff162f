"""Small case files in every supported format, written from plain text: for tests, benchmarks, demos.

Nothing here reads anything; the PDF writer is a minimal hand-made one (Helvetica, one text
line per line of input) that any PDF reader can take the text layer from.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime


def _pdf_text(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf(page_streams: Sequence[bytes], title: str | None = None, resources: bytes | None = None) -> bytes:
    objects: list[bytes] = []
    n_pages = len(page_streams)
    font = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    res = resources or f"<< /Font << /F1 {font} 0 R >> >>".encode()
    for i, stream in enumerate(page_streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
                       f"/Resources ".encode() + res + b" >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    info = None
    if title:
        objects.append(b"<< /Title (" + _pdf_text(title) + b") /CreationDate (D:20231004120000Z) >>")
        info = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R"
    if info:
        trailer += f" /Info {info} 0 R"
    out += f"{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_bytes(pages: Sequence[str], title: str | None = None) -> bytes:
    """A PDF with a text layer: one page per string, one text line per line."""
    streams = []
    for page in pages:
        body = b"BT /F1 11 Tf 14 TL 56 780 Td\n"
        for line in page.split("\n"):
            body += b"(" + _pdf_text(line) + b") Tj T*\n"
        streams.append(body + b"ET")
    return _pdf(streams, title)


def image_only_pdf(pages: int = 1) -> bytes:
    """A 'scanned' PDF: each page shows an image and has no text layer."""
    pixels = bytes(range(256)) * 3
    image = (b"q 400 0 0 300 100 400 cm BI /W 16 /H 16 /BPC 8 /CS /RGB ID " + pixels[:768] + b" EI Q\n"
             b"0.2 0.2 0.2 rg 100 300 400 20 re f")
    return _pdf([image] * pages, resources=b"<< >>")


def encrypted_pdf(pages: Sequence[str], password: str = "secret") -> bytes:
    """A text PDF that needs ``password`` to open (RC4-128, no extra dependency)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(pages))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(paragraphs: Sequence[str], table: Sequence[Sequence[str]] | None = None,
               title: str | None = None) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = datetime(2023, 10, 4, 12, 0)
    if title:
        document.core_properties.title = title
    for i, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if table and i == 0:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def html_bytes(title: str, paragraphs: Sequence[str], lang: str = "en") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<script>var tracker = 'Fake Person';</script><style>p {{ color: red }}</style></head>"
            f"<body><nav><a href=\"#\">Home</a> <a href=\"#\">Cases</a></nav><h1>{title}</h1>{body}"
            f"<footer>Police report page footer</footer></body></html>").encode()


def eml_bytes(sender: str, to: Sequence[str], subject: str, body: str, *, cc: Sequence[str] = (),
              date: datetime | None = None,
              attachments: Sequence[tuple[str, bytes, str]] = ()) -> bytes:
    """An e-mail; ``attachments`` are ``(filename, data, "type/subtype")``."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime(2023, 10, 4, 9, 30, tzinfo=UTC))
    msg["Message-ID"] = f"<{abs(hash((sender, subject))) % 10**12}@example.invalid>"
    msg.set_content(body)
    for filename, data, ctype in attachments:
        if ctype == "message/rfc822":
            msg.add_attachment(BytesParser(policy=policy.default).parsebytes(data), filename=filename)
            continue
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
