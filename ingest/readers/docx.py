"""Word documents (.docx): paragraphs and tables in reading order (python-docx)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from ingest.context import ReadContext
from ingest.readers.zip import check_archive, open_archive
from ingest.source import ReadResult, Source, unreadable


def read(source: Source, ctx: ReadContext) -> ReadResult:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with open_archive(source) as archive:
        check_archive(archive, source, ctx)  # a .docx is a zip: same bomb checks
    data = source.read_bytes(ctx.limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise unreadable(source.name, f"damaged or not a Word document ({exc})",
                         "open and re-save it as .docx, or export it to PDF") from exc
    blocks = list(_blocks(document))
    text = "\n\n".join(b for b in blocks if b.strip())
    if not text.strip():
        raise unreadable(source.name, "Word document without text (images only?)", "it may need OCR")
    props = document.core_properties
    date = props.created or props.modified
    meta: dict[str, Any] = {"paragraphs": len(document.paragraphs), "tables": len(document.tables)}
    if props.author:
        meta["author"] = props.author
    return ReadResult(source.document(text, "docx", title=(props.title or "").strip() or None,
                                      date=date.date().isoformat() if date else None, metadata=meta))


def _blocks(document: Any) -> Any:
    """Paragraph texts and tables (one row per line, cells separated by `` | ``) in body order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            yield _table_text(Table(child, document))


def _table_text(table: Any) -> str:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(cell.text.split())
            if not cells or value != cells[-1]:  # merged cells repeat their text
                cells.append(value)
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)
