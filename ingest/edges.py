"""Relation lists: a CSV of ``source,target[,type,weight,date]`` (+ ``source_type``, ``target_type``).

Each distinct source/target value becomes an entity whose ``name`` is exactly that value (type
from ``source_type``/``target_type``, else PHONE for a column whose every value is a valid phone
number, as in call records, else PERSON); ``type`` defaults to CONTACTED; ``weight`` is a tie
strength (more = closer, default 1). The file is one document and each row's evidence is the
row's span in it (method ``structured``). A directed relation keeps its direction (CONTACTED:
source is the caller, target the callee; ``a,b`` and ``b,a`` are two relations); reciprocal rows
of a symmetric type (ASSOCIATE_OF) are one relation with two pieces of evidence, weights summed.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections.abc import Iterable
from pathlib import Path

from graph.errors import HavengraphError, InvalidInput
from graph.identifiers import check
from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.schema import SCHEMA
from graph.store import GraphStore
from ingest.encoding import decode_bytes
from ingest.records import parse_date
from ingest.report import IngestReport
from ingest.source import Source, unreadable
from ingest.tables import Row, Table, csv_table

EXTRACTOR = "ingest.edges/1"
REQUIRED = ("source", "target")
OPTIONAL = ("type", "weight", "date", "source_type", "target_type")


def is_edge_table(table: Table) -> bool:
    """A header with ``source`` and ``target`` and nothing but the optional edge columns."""
    names = {c.strip().casefold() for c in table.columns}
    return set(REQUIRED) <= names and names <= set(REQUIRED) | set(OPTIONAL)


def _node_id(type_: str, value: str) -> tuple[str, dict[str, str]]:
    """Id of a node named ``value``; identifier-typed nodes (phone, e-mail...) keyed by the clean value."""
    node = SCHEMA.node(type_)
    if len(node.identifiers) == 1 and SCHEMA.identifiers[node.identifiers[0]].node == node.name:
        scheme = node.identifiers[0]
        clean, valid = check(scheme, value)
        if valid:
            return entity_id(type_, value, {scheme: clean}), {scheme: clean}
    return entity_id(type_, value), {}


def edges_extraction(document: Document, table: Table, default_type: str = "CONTACTED") -> Extraction:
    """Entities and relations of an edge table whose row spans point into ``document.text``."""
    default = SCHEMA.relation(default_type).name
    col = {name: table.column(name) for name in (*REQUIRED, *OPTIONAL)}
    if col["source"] is None or col["target"] is None:
        raise unreadable(table.name, f"an edge list needs 'source' and 'target' columns (it has: "
                         f"{', '.join(table.columns)})", "rename the columns on the first line")

    def cell(row: Row, key: str) -> str:
        column = col[key]
        return row.values.get(column, "") if column else ""

    def bad(row: Row, message: str) -> HavengraphError:
        return unreadable(table.name, f"line {row.number}: {message}", "fix that line and ingest again")

    parsed = []
    values: dict[tuple[str, str], set[str]] = {}
    default_node = {end: "PHONE" if _all_phones(cell(row, end) for row in table.rows) else "PERSON"
                    for end in REQUIRED}
    for row in table.rows:
        src, tgt = cell(row, "source"), cell(row, "target")
        if not src.strip() or not tgt.strip():
            raise bad(row, "empty source or target")
        try:
            rel_type = SCHEMA.relation(cell(row, "type").strip() or default).name
            stype = SCHEMA.node_name(cell(row, "source_type").strip() or default_node["source"])
            ttype = SCHEMA.node_name(cell(row, "target_type").strip() or default_node["target"])
        except InvalidInput as exc:
            raise bad(row, str(exc)) from exc
        if not SCHEMA.relations[rel_type].allows(stype, ttype):
            raise bad(row, f"{rel_type} cannot go from {stype} to {ttype}")
        raw_weight = cell(row, "weight").strip()
        try:
            weight = float(raw_weight) if raw_weight else 1.0
        except ValueError:
            raise bad(row, f"weight {raw_weight!r} is not a number") from None
        if math.isnan(weight) or math.isinf(weight) or weight < 0:
            raise bad(row, f"weight {raw_weight!r} must be a number of 0 or more")
        raw_date = cell(row, "date").strip()
        date = (parse_date(raw_date) or raw_date) if raw_date else None
        parsed.append((row, src, stype, tgt, ttype, rel_type, weight, date))
        for type_, value in ((stype, src), (ttype, tgt)):
            values.setdefault((type_, value), set())

    ids = _assign_ids(values)
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    relations: dict[tuple[str, str, str], Relation] = {}
    for row, src, stype, tgt, ttype, rel_type, weight, date in parsed:
        for type_, value in ((stype, src), (ttype, tgt)):
            eid, idents = ids[(type_, value)]
            if eid not in entities:
                entities[eid] = Entity(eid, type_, value, identifiers=idents)
                mentions.append(Mention(eid, value, type_, row.start, row.end, document.doc_id))
        a, b = ids[(stype, src)][0], ids[(ttype, tgt)][0]
        key = (min(a, b), rel_type, max(a, b)) if SCHEMA.relations[rel_type].symmetric else (a, rel_type, b)
        rel = relations.setdefault(key, Relation(a, b, rel_type))
        rel.evidence.append(Evidence(document.doc_id, row.start, row.end, document.text[row.start:row.end],
                                     "structured", EXTRACTOR, weight=weight, date=date))
    return Extraction(document=document, entities=list(entities.values()), mentions=mentions,
                      relations=list(relations.values()))


def _all_phones(values: Iterable[str]) -> bool:
    """Every value of a column is a valid phone number (international form, or national form
    with a trunk zero): the column holds numbers, not people."""
    seen = False
    for value in values:
        text = value.strip()
        if not text:
            continue
        if not (text.startswith(("+", "00", "0")) and sum(c.isdigit() for c in text) >= 8):
            return False
        if not check("PHONE", text)[1]:
            return False
        seen = True
    return seen


_WHEN = ("date", "time", "datum", "tijd", "heure", "start", "begin", "timestamp")
#: words in a phone column's name that say it is one end of a call (a contact list's "mobile" and
#: "landline" columns are not: they would make a person's two numbers call each other)
_CALL_ENDS = re.compile(r"call|from|\bto\b|orig|dest|source|target|sender|recipient|receiver|\bvan\b|naar|"
                        r"beller|gebeld|appel|\b[ab]\b|[ _-][ab]$|^[ab][ _-]")


def calls_table(table: Table) -> tuple[Table, str, str] | None:
    """A table with exactly two columns of phone numbers (a call list without a mapping), as an
    edge table, and the names of its caller and callee columns: the left column calls the right
    one (CONTACTED), dated by a date or time column. The column names must say they are ends of a
    call ("calling number", "to", "phone_b"...) and a date or time column must be there; ``None``
    when the table is not that."""
    phones = [c for c in table.columns if _all_phones(row.values.get(c, "") for row in table.rows)]
    if len(phones) != 2 or not any(_CALL_ENDS.search(c.casefold()) for c in phones):
        return None
    when = next((c for c in table.columns if c not in phones and any(w in c.casefold() for w in _WHEN)), None)
    if when is None:  # calls are events: a table of numbers without a date is not a call list
        return None
    names = {"source": phones[0], "target": phones[1], "date": when}
    rows = [Row(r.number, {new: r.values.get(old, "") for new, old in names.items()}, r.start, r.end)
            for r in table.rows]
    return Table(name=table.name, columns=list(names), rows=rows, sheet=table.sheet), phones[0], phones[1]


def _assign_ids(values: dict[tuple[str, str], set[str]]) -> dict[tuple[str, str], tuple[str, dict[str, str]]]:
    """Ids per (type, value); two different names that fold to one id are told apart by a short hash
    (two spellings of one phone number or other identifier are the same node)."""
    by_id: dict[str, list[tuple[str, str]]] = {}
    out: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}
    for key in sorted(values):
        eid, idents = _node_id(*key)
        out[key] = (eid, idents)
        by_id.setdefault(eid, []).append(key)
    for eid, keys in by_id.items():
        if out[keys[0]][1]:
            continue  # one identifier written two ways ("0470 18 44 92", "+32470184492") is one node
        for type_, value in keys[1:]:
            suffix = hashlib.sha1(value.encode()).hexdigest()[:6]
            out[(type_, value)] = (f"{eid}~{suffix}", {})
    return out


def read_edges(path: Path, default_type: str = "CONTACTED", grading: str | None = None,
               handling: str | None = None) -> Extraction:
    """The extraction of one edge-list file (no store involved)."""
    source = Source.from_path(Path(path))
    data = source.read_bytes()
    decoded = decode_bytes(data, source.name)
    table = csv_table(decoded.text, source.name)
    if not table.rows:
        raise unreadable(source.name, "edge list without any row", "add rows under the header line")
    doc = source.document(decoded.text, "csv", metadata={"kind": "edges", "rows": len(table.rows),
                                                         "encoding": decoded.encoding})
    doc.grading, doc.handling = grading, handling
    return edges_extraction(doc, table, default_type)


def ingest_edges(path: str | Path, store: GraphStore, *, default_type: str = "CONTACTED", replace: bool = False,
                 grading: str | None = None, handling: str | None = None,
                 report_file: str | Path | None = None) -> IngestReport:
    """Load one relation list into ``store`` (one transaction); a bad file is reported, not half-written."""
    started = time.perf_counter()
    report = IngestReport(files=1)
    name = Path(path).as_posix()
    SCHEMA.relation(default_type)  # a wrong --type is the caller's error, raised at once
    try:
        source = Source.from_path(Path(path))
        if not replace and store.has_document(source.sha256()):
            report.skipped += 1
        else:
            extraction = read_edges(Path(path), default_type, grading, handling)
            status = store.write(extraction, replace=replace)
            if status == "skipped":
                report.skipped += 1
            else:
                report.stored(name)
    except HavengraphError as exc:
        report.fail(name, str(exc))
    report.seconds = time.perf_counter() - started
    if report_file:
        report.write(report_file)
    return report
