"""Excel workbooks (.xlsx): chat tables, mapped records from one sheet, or every sheet as text."""

from __future__ import annotations

from ingest.chat_layouts import table_layout
from ingest.chat_messages import sheet_header
from ingest.context import ReadContext
from ingest.readers.chat import read as read_chat
from ingest.readers.zip import check_archive, open_archive
from ingest.source import ReadResult, Source, unreadable
from ingest.tables import xlsx_tables
from ingest.tabular import table_result


def read(source: Source, ctx: ReadContext) -> ReadResult:
    with open_archive(source) as archive:
        check_archive(archive, source, ctx)  # an .xlsx is a zip: same bomb checks
    layout = table_layout(sheet_header(source)) if ctx.mapping is None else None
    if layout is not None:  # a chat table (ingest/mappings/chat/): messages, streamed
        return read_chat(source, ctx, layout)
    text, tables = xlsx_tables(source.read_bytes(ctx.limits), source.name)
    tables = [t for t in tables if t.rows]
    if not tables:
        raise unreadable(source.name, "workbook without any row of data", "check that the right file was exported")
    return table_result(source, ctx, text, tables, "xlsx", {"sheets": [t.sheet for t in tables]})
