"""Structured records: a CSV or XLSX table plus a YAML mapping give facts directly, no NLP.

A mapping names, per row, the entities to make (type, name, identifiers, properties) and the
relations between them. A value is a column name (``vessel``), a template (``"{first} {last}"``)
or a literal (``"=docker"``); a column name ending in ``?`` (``mmsi?``) is optional, any other
column the file lacks is an error that names it. Column names are compared without case, accents,
spaces or punctuation, and a mapping may list other names a column goes by (``column_names:``, e.g. the
Dutch and French headers of a registry export); what was read under another name is reported. Examples for registry extracts, port calls, bills of lading,
badge lists and call-detail records are in ``ingest/mappings/``.

Every fact cites the row it came from (method ``structured``), and every row's entities are
mentioned by the document, so deleting the file removes what it brought.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidInput
from graph.identifiers import check
from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.schema import SCHEMA
from ingest.source import unreadable
from ingest.tables import Row, Table, header_key

MAPPINGS_DIR = Path(__file__).with_name("mappings")
_TOP = {"column_names", "name", "description", "delimiter", "sheet", "date", "date_format", "grading", "handling", "entities",
        "relations"}
_ENTITY = {"type", "name", "identifiers", "properties", "aliases"}
_RELATION = {"type", "source", "target", "date", "weight", "properties"}
_FIELD = re.compile(r"\{([^{}]+)\}")
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S",
                 "%d-%m-%Y %H:%M", "%d.%m.%Y %H:%M", "%Y%m%d", "%Y%m%d%H%M%S")


def columns_of(expr: str | None) -> list[tuple[str, bool]]:
    """``(column, optional)`` pairs an expression reads: ``col``, ``col?``, ``"{a} {b?}"``; none for ``"=x"``."""
    if not expr or expr.startswith("="):
        return []
    fields = _FIELD.findall(expr) or [expr]
    return [(f.strip().rstrip("?").strip(), f.strip().endswith("?")) for f in fields]


def compile_expr(expr: str | None, table: Table) -> Callable[[Row], str]:
    """A function giving the value of ``expr`` for a row of ``table`` (white space collapsed)."""
    if not expr:
        return lambda row: ""
    if expr.startswith("="):
        literal = expr[1:]
        return lambda row: literal
    if _FIELD.search(expr):
        pieces = _FIELD.split(expr)  # literal, field, literal, field, ...
        columns = [table.column(f.strip().rstrip("?")) for f in pieces[1::2]]

        def template(row: Row) -> str:
            out = [pieces[0]]
            for i, column in enumerate(columns):
                out.append(row.values.get(column, "").strip() if column else "")
                out.append(pieces[2 * i + 2])
            return " ".join("".join(out).split())

        return template
    column = table.column(expr.strip().rstrip("?"))
    if column is None:
        return lambda row: ""
    return lambda row: " ".join(row.values.get(column, "").split())


def render(expr: str | None, row: Row, table: Table) -> str:
    return compile_expr(expr, table)(row)


def parse_date(value: str, fmt: str | None = None) -> str | None:
    """ISO form of a date or date-time cell; day-first for the ambiguous European forms."""
    value = value.strip()
    if not value:
        return None
    formats = (fmt,) if fmt else ()
    for candidate in formats:
        try:
            return _iso(datetime.strptime(value, candidate))
        except ValueError:
            return None
    try:
        return _iso(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        pass
    for candidate in _DATE_FORMATS:
        try:
            return _iso(datetime.strptime(value, candidate))
        except ValueError:
            continue
    return None


def _iso(when: datetime) -> str:
    if when.hour == when.minute == when.second == 0 and when.tzinfo is None:
        return when.date().isoformat()
    return when.isoformat(timespec="seconds")


_check = lru_cache(maxsize=65536)(check)


@lru_cache(maxsize=65536)
def _entity_id(type_: str, name: str, idents: tuple[tuple[str, str], ...]) -> str:
    return entity_id(type_, name, dict(idents))


@dataclass(frozen=True)
class EntitySpec:
    key: str
    type: str
    name: str | None
    identifiers: dict[str, str] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationSpec:
    type: str
    source: str
    target: str
    date: str | None = None
    weight: str | None = None
    properties: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mapping:
    name: str
    entities: tuple[EntitySpec, ...]
    relations: tuple[RelationSpec, ...] = ()
    description: str = ""
    date: str | None = None
    date_format: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    grading: str | None = None
    handling: str | None = None
    path: str = ""
    # a column the mapping reads -> other headers it goes by in real exports (first found wins)
    column_names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def bind(self, table: Table) -> Table:
        """``table`` with each column this mapping reads found under one of its other names when the
        table lacks the name itself (the rows are shared, not copied)."""
        renamed = {}
        for wanted, others in self.column_names.items():
            if table.column(wanted) is None:
                found = next((c for c in map(table.column, others) if c is not None), None)
                if found is not None:
                    renamed[header_key(wanted)] = found
        return replace(table, renamed={**table.renamed, **renamed}) if renamed else table

    def read_as(self, table: Table) -> list[str]:
        """What :meth:`bind` read under another name, as ``'header' as column`` phrases."""
        bound = self.bind(table)
        return [f"'{bound.renamed[header_key(c)]}' as {c}" for c in self.columns()
                if header_key(c) in bound.renamed]

    def columns(self, optional: bool = True) -> list[str]:
        """Columns the mapping reads, in order of appearance (without the optional ones if asked)."""
        exprs: list[str | None] = [self.date]
        for e in self.entities:
            exprs += [e.name, *e.identifiers.values(), *e.properties.values(), *e.aliases]
        for r in self.relations:
            exprs += [r.date, r.weight, *r.properties.values()]
        found = [(c, opt) for expr in exprs for c, opt in columns_of(expr)]
        required = {c for c, opt in found if not opt}
        return list(dict.fromkeys(c for c, _ in found if optional or c in required))

    def missing_columns(self, table: Table) -> list[str]:
        """Required columns the table lacks (under any of the names the mapping gives them)."""
        table = self.bind(table)
        return [c for c in self.columns(optional=False) if table.column(c) is None]

    def check_columns(self, table: Table) -> None:
        missing = self.missing_columns(table)
        if missing:
            raise unreadable(table.name, f"mapping '{self.name}' names column(s) {', '.join(map(repr, missing))} "
                             f"that the file does not have (its columns: {', '.join(table.columns)})",
                             "fix the mapping or the file's header line and ingest again")

    def apply(self, document: Document, table: Table) -> tuple[Extraction, list[str]]:
        """Entities, mentions and relations of every row of ``table`` (spans into ``document.text``)."""
        self.check_columns(table)
        builder = _Builder(self, document, self.bind(table))
        for row in table.rows:
            builder.add_row(row)
        read_as = self.read_as(table)
        notes = [f"columns read under other names: {', '.join(read_as)}"] if read_as else []
        return builder.extraction(), notes + builder.warnings()


def load_mapping(spec: str | Path) -> Mapping:
    """A mapping from a YAML file, or a bundled one by name (``port_calls``, ``cdr``...)."""
    path = Path(spec)
    if not path.exists():
        bundled = MAPPINGS_DIR / f"{spec}.yaml"
        if not bundled.exists():
            names = ", ".join(sorted(p.stem for p in MAPPINGS_DIR.glob("*.yaml")))
            raise InvalidInput(f"no mapping file {str(spec)!r}; give a YAML file or one of: {names}")
        path = bundled
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidInput(f"mapping {path.name}: cannot read it ({exc})") from exc
    return parse_mapping(raw, path.stem, str(path))


def bundled_mappings() -> list[Mapping]:
    return [load_mapping(p) for p in sorted(MAPPINGS_DIR.glob("*.yaml"))]


def detect_mapping(table: Table, candidates: list[Mapping] | None = None) -> Mapping | None:
    """The bundled mapping whose columns the table has (the most specific one), if any."""
    fitting = [m for m in (candidates if candidates is not None else bundled_mappings())
               if not m.missing_columns(table)]
    return max(fitting, key=lambda m: len(m.columns(optional=False)), default=None)


def nearest_mapping(table: Table, candidates: list[Mapping] | None = None) -> tuple[Mapping, list[str]] | None:
    """The bundled mapping that shares most required columns with a table no mapping fits, and what it lacks.

    ``None`` unless it shares at least two columns: a table about something else stays quiet.
    """
    scored = []
    for m in candidates if candidates is not None else bundled_mappings():
        missing = m.missing_columns(table)
        shared = len(m.columns(optional=False)) - len(missing)
        if missing and shared >= 2:
            scored.append((shared, -len(missing), m.name, m, missing))
    if not scored:
        return None
    _, _, _, mapping, missing = max(scored, key=lambda s: s[:3])
    return mapping, missing


def parse_mapping(raw: Any, default_name: str = "mapping", where: str = "") -> Mapping:
    label = where or default_name

    def bad(message: str) -> InvalidInput:
        return InvalidInput(f"mapping {label}: {message}")

    def strings(value: Any, what: str) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise bad(f"{what} must be a mapping of names to columns")
        return {str(k): str(v) for k, v in value.items() if v is not None}

    if not isinstance(raw, dict):
        raise bad("expected a YAML mapping with 'entities' and 'relations'")
    unknown = set(raw) - _TOP
    if unknown:
        raise bad(f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_TOP)}")
    ents_raw = raw.get("entities")
    if not isinstance(ents_raw, dict) or not ents_raw:
        raise bad("'entities' must name at least one entity")
    entities = []
    for key, spec in ents_raw.items():
        if not isinstance(spec, dict):
            raise bad(f"entity {key!r} must be a mapping with 'type' and 'name'")
        if set(spec) - _ENTITY:
            raise bad(f"entity {key!r}: unknown key(s) {sorted(set(spec) - _ENTITY)}; allowed: {sorted(_ENTITY)}")
        try:
            type_ = SCHEMA.node_name(str(spec.get("type", "")))
        except InvalidInput as exc:
            raise bad(f"entity {key!r}: {exc}") from exc
        idents = {s.upper(): c for s, c in strings(spec.get("identifiers"), f"entity {key!r} identifiers").items()}
        allowed = SCHEMA.node(type_).identifiers
        for scheme in idents:
            if scheme not in allowed:
                raise bad(f"entity {key!r}: a {type_} has no identifier {scheme} (it has: {list(allowed) or 'none'}); "
                          "map such a value as an entity of its own with a relation (e.g. PHONE + HAS_PHONE)")
        if not spec.get("name") and not idents:
            raise bad(f"entity {key!r} needs a 'name' or 'identifiers'")
        aliases = spec.get("aliases") or []
        aliases = [aliases] if isinstance(aliases, str) else [str(a) for a in aliases]
        entities.append(EntitySpec(str(key), type_, str(spec["name"]) if spec.get("name") else None, idents,
                                   strings(spec.get("properties"), f"entity {key!r} properties"), tuple(aliases)))
    by_key = {e.key: e for e in entities}
    relations = []
    for i, spec in enumerate(raw.get("relations") or [], 1):
        if not isinstance(spec, dict) or set(spec) - _RELATION:
            raise bad(f"relation {i} must be a mapping with keys among {sorted(_RELATION)}")
        try:
            rel_type = SCHEMA.relation(str(spec.get("type", "")))
        except InvalidInput as exc:
            raise bad(f"relation {i}: {exc}") from exc
        src, tgt = str(spec.get("source", "")), str(spec.get("target", ""))
        for end in (src, tgt):
            if end not in by_key:
                raise bad(f"relation {i} ({rel_type.name}) names entity {end!r}, not one of {sorted(by_key)}")
        if not rel_type.allows(by_key[src].type, by_key[tgt].type):
            raise bad(f"relation {i}: {rel_type.name} cannot go from {by_key[src].type} to {by_key[tgt].type}")
        relations.append(RelationSpec(rel_type.name, src, tgt, spec.get("date"), spec.get("weight"),
                                      strings(spec.get("properties"), f"relation {i} properties")))
    column_names = _column_names(raw.get("column_names"), bad)
    mapping = Mapping(
        name=str(raw.get("name") or default_name), entities=tuple(entities), relations=tuple(relations),
        description=str(raw.get("description") or ""), date=raw.get("date"), date_format=raw.get("date_format"),
        delimiter=raw.get("delimiter"), sheet=raw.get("sheet"), grading=raw.get("grading"),
        handling=raw.get("handling"), path=where, column_names=column_names,
    )
    unread = sorted(set(column_names) - set(mapping.columns()))
    if unread:
        raise bad(f"'column_names' gives other names for {unread}, which the mapping does not read "
                  f"(it reads: {', '.join(mapping.columns())})")
    return mapping


def _column_names(raw: Any, bad: Callable[[str], InvalidInput]) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                            for v in raw.values()):
        raise bad("'column_names' must map a column the mapping reads to a list of other names for it")
    return {str(k): tuple(v) for k, v in raw.items()}


class _Builder:
    def __init__(self, mapping: Mapping, document: Document, table: Table) -> None:
        self.m, self.doc, self.table = mapping, document, table
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.extractor = f"ingest.records/{mapping.name}"
        self.problems: dict[str, list[int]] = {}
        self._compiled: dict[str | None, Callable[[Row], str]] = {}

    def value(self, expr: str | None, row: Row) -> str:
        fn = self._compiled.get(expr)
        if fn is None:
            fn = self._compiled[expr] = compile_expr(expr, self.table)
        return fn(row)

    def note(self, problem: str, row: Row) -> None:
        self.problems.setdefault(problem, []).append(row.number)

    def add_row(self, row: Row) -> None:
        made: dict[str, Entity] = {}
        for spec in self.m.entities:
            entity = self.entity(spec, row)
            if entity is None:
                continue
            made[spec.key] = entity
            self.mentions.append(Mention(entity.entity_id, entity.name, entity.type, row.start, row.end,
                                         self.doc.doc_id))
        row_date = self.date(self.m.date, row)
        sentence = self.doc.text[row.start:row.end][:1000]
        for spec in self.m.relations:
            src, tgt = made.get(spec.source), made.get(spec.target)
            if src is None or tgt is None or src.entity_id == tgt.entity_id:
                continue
            weight = 1.0
            if spec.weight:
                raw = self.value(spec.weight, row)
                try:
                    weight = float(raw) if raw else 1.0
                except ValueError:
                    self.note(f"weight {raw!r} is not a number (1 used)", row)
            date = (self.date(spec.date, row) if spec.date else None) or row_date
            a, b = src.entity_id, tgt.entity_id
            if SCHEMA.relations[spec.type].symmetric and b < a:
                a, b = b, a
            rel = self.relations.setdefault((a, spec.type, b), Relation(src.entity_id, tgt.entity_id, spec.type))
            for prop, expr in spec.properties.items():
                value = self.value(expr, row)
                if value:
                    rel.properties.setdefault(prop, value)
            rel.evidence.append(Evidence(self.doc.doc_id, row.start, row.end, sentence, "structured",
                                         self.extractor, weight=weight, date=date))

    def entity(self, spec: EntitySpec, row: Row) -> Entity | None:
        idents: dict[str, str] = {}
        props: dict[str, Any] = {}
        for scheme, expr in spec.identifiers.items():
            raw = self.value(expr, row)
            if not raw:
                continue
            value, valid = _check(scheme, raw)
            if valid:
                idents[scheme] = value
            else:
                props[f"{scheme.lower()}_unverified"] = raw
                self.note(f"invalid {scheme} {raw!r} kept as a property", row)
        name = self.value(spec.name, row) if spec.name else ""
        if not name:
            name = next(iter(idents.values()), "") or next(iter(props.values()), "")
        if not name:
            return None
        for prop, expr in spec.properties.items():
            value = self.value(expr, row)
            if value:
                props[prop] = value
        eid = _entity_id(spec.type, name, tuple(sorted(idents.items())))
        aliases = [a for a in (self.value(expr, row) for expr in spec.aliases) if a and a != name]
        known = self.entities.get(eid)
        if known is None:
            known = self.entities[eid] = Entity(eid, spec.type, name, aliases, idents, props)
        else:
            known.aliases.extend(a for a in aliases if a not in known.aliases)
            if name != known.name and name not in known.aliases:
                known.aliases.append(name)
            for key, value in {**idents}.items():
                known.identifiers.setdefault(key, value)
            for key, value in props.items():
                known.properties.setdefault(key, value)
        return known

    def date(self, expr: str | None, row: Row) -> str | None:
        if not expr:
            return None
        raw = self.value(expr, row)
        if not raw:
            return None
        parsed = parse_date(raw, self.m.date_format)
        if parsed is None:
            self.note(f"date {raw!r} not understood (kept as written)", row)
            return raw
        return parsed

    def extraction(self) -> Extraction:
        return Extraction(document=self.doc, entities=list(self.entities.values()), mentions=self.mentions,
                          relations=list(self.relations.values()))

    def warnings(self) -> list[str]:
        out = []
        for problem, rows in self.problems.items():
            where = ", ".join(map(str, rows[:5])) + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")
            out.append(f"{problem}: line(s) {where}")
        return out
