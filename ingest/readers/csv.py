"""CSV files: mapped records, edge lists, or (without a mapping) rows as short sentences for NLP."""

from __future__ import annotations

from ingest.context import ReadContext
from ingest.encoding import decode_bytes
from ingest.source import ReadResult, Source, unreadable
from ingest.tables import csv_table
from ingest.tabular import table_result


def read(source: Source, ctx: ReadContext) -> ReadResult:
    decoded = decode_bytes(source.read_bytes(ctx.limits), source.name)
    mapping = ctx.mapping
    table = csv_table(decoded.text, source.name, delimiter=mapping.delimiter if mapping else None)
    if not table.rows:
        raise unreadable(source.name, "CSV with a header but no rows", "check that the file was exported completely")
    return table_result(source, ctx, decoded.text, [table], "csv", {"encoding": decoded.encoding})
