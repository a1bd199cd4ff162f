"""What a table becomes: mapped records, an edge list, a watchlist (left out), or text for NLP."""

from __future__ import annotations

from typing import Any

from ingest.context import ReadContext
from ingest.edges import calls_table, edges_extraction, is_edge_table
from ingest.records import Mapping, detect_mapping, nearest_mapping
from ingest.source import NotCaseMaterial, ReadResult, Source, unreadable
from ingest.tables import Table, rows_as_sentences

_WATCHLIST_COLUMNS = {"name", "type", "identifier", "identifiers", "alias", "aliases", "note", "notes"}


def is_watchlist(table: Table) -> bool:
    names = {c.strip().casefold() for c in table.columns}
    return "name" in names and names <= _WATCHLIST_COLUMNS


def _pick(tables: list[Table], mapping: Mapping, name: str) -> Table:
    if mapping.sheet is None:
        return tables[0]
    for table in tables:
        if table.sheet == mapping.sheet:
            return table
    raise unreadable(name, f"mapping '{mapping.name}' wants sheet {mapping.sheet!r}, the workbook has "
                     f"{[t.sheet for t in tables]}", "fix 'sheet:' in the mapping")


def table_result(source: Source, ctx: ReadContext, text: str, tables: list[Table], fmt: str,
                 meta: dict[str, Any]) -> ReadResult:
    mapping = ctx.mapping
    first = tables[0]
    if mapping is None and is_edge_table(first):
        doc = source.document(text, fmt, metadata={**meta, "kind": "edges", "rows": len(first.rows)})
        return ReadResult(doc, facts=edges_extraction(doc, first), nlp=False)
    if mapping is None and is_watchlist(first):
        raise NotCaseMaterial("looks like a watchlist (name/type/identifier), not case material; use it with "
                              "`havengraph analyze suspicious-links --watchlist`, or give a mapping to ingest it")
    if mapping is None:
        mapping = detect_mapping(first)
        found = calls_table(first) if mapping is None else None
        if found is not None:  # two columns of phone numbers: who called whom
            calls, caller, callee = found
            doc = source.document(text, fmt, metadata={**meta, "kind": "calls", "rows": len(calls.rows),
                                                       "caller": caller, "callee": callee})
            return ReadResult(doc, facts=edges_extraction(doc, calls), nlp=False)
    if mapping is not None:
        table = _pick(tables, mapping, source.name)
        doc = source.document(text, fmt, metadata={**meta, "kind": "records", "mapping": mapping.name,
                                                   "rows": len(table.rows)})
        if mapping.grading and not doc.grading:
            doc.grading = mapping.grading
        if mapping.handling and not doc.handling:
            doc.handling = mapping.handling
        facts, notes = mapping.apply(doc, table)
        return ReadResult(doc, facts=facts, nlp=False, warnings=notes)
    prose = "\n\n".join(rows_as_sentences(t) for t in tables)
    if not prose.strip():
        raise unreadable(source.name, "table without any value")
    notes = []
    near = nearest_mapping(first) if ctx.mapping is None else None
    if near is not None:
        near_mapping, lacking = near
        notes.append(f"no bundled mapping fits its columns, so its rows were read as sentences (relations only as "
                     f"the text gives them); the closest, '{near_mapping.name}', also needs column(s) "
                     f"{', '.join(lacking)}: rename those columns, or pass --mapping with a mapping of your own")
    return ReadResult(source.document(prose, fmt, metadata={**meta, "kind": "table-as-text"}), warnings=notes)
