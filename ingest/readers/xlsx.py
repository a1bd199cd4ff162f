"""Excel workbooks (.xlsx): mapped records from one sheet, or every sheet as text."""

from __future__ import annotations

from ingest.context import ReadContext
from ingest.readers.zip import check_archive, open_archive
from ingest.source import ReadResult, Source, unreadable
from ingest.tables import xlsx_tables
from ingest.tabular import table_result


def read(source: Source, ctx: ReadContext) -> ReadResult:
    with open_archive(source) as archive:
        check_archive(archive, source, ctx)  # an .xlsx is a zip: same bomb checks
    text, tables = xlsx_tables(source.read_bytes(ctx.limits), source.name)
    tables = [t for t in tables if t.rows]
    if not tables:
        raise unreadable(source.name, "workbook without any row of data", "check that the right file was exported")
    return table_result(source, ctx, text, tables, "xlsx", {"sheets": [t.sheet for t in tables]})
