"""FollowTheMoney entity streams (JSON lines): read OpenSanctions/Aleph data, hand the graph to them.

The mapping rests on each type's ``ftm`` name in ``graph/schema.yaml``; what FtM models as a
property rather than an entity (phones, e-mail addresses, addresses of a party) is folded in
and out. Imported facts cite the line they came from (method ``structured``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any, TextIO

from graph.filters import GraphFilter
from graph.identifiers import REGISTRY, check
from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.schema import SCHEMA
from graph.store import GraphStore
from ingest.context import ReadContext
from ingest.encoding import decode_bytes
from ingest.source import ReadResult, Source, unreadable

EXTRACTOR = "ingest.ftm/1"
#: FtM schema -> node type: every unambiguous ``ftm`` name of the schema, plus FtM's other parties
NODE_FOR_SCHEMA: dict[str, str] = {
    **{n.ftm: n.name for n in SCHEMA.nodes.values()
       if n.ftm not in {"Thing", "Document"} and sum(m.ftm == n.ftm for m in SCHEMA.nodes.values()) == 1},
    "Address": "ADDRESS", "LegalEntity": "ORGANIZATION", "PublicBody": "ORGANIZATION",
}
IDENTIFIER_PROPS = {"imoNumber": "IMO", "mmsi": "MMSI", "vatCode": "VAT", "leiCode": "LEI", "iban": "IBAN"}
KEPT_PROPS = ("country", "nationality", "birthDate", "jurisdiction", "incorporationDate", "registrationNumber",
              "flag", "topics", "position", "sector", "legalForm", "program", "callSign", "type")
#: FtM link schema -> (source property, target property, relation types to try in order)
LINKS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Ownership": ("owner", "asset", ("OWNS",)),
    "Directorship": ("director", "organization", ("DIRECTOR_OF",)),
    "Employment": ("employee", "employer", ("EMPLOYED_BY", "WORKS_AT")),
    "Membership": ("member", "organization", ("MEMBER_OF",)),
    "Family": ("person", "relative", ("FAMILY_OF",)),
    "Associate": ("person", "associate", ("ASSOCIATE_OF",)),
    "UnknownLink": ("subject", "object", ("ASSOCIATE_OF", "OPERATES", "LOCATED_AT")),
    "Call": ("caller", "receiver", ("CONTACTED",)),
}


def _lines(text: str) -> Iterator[tuple[int, int, int, dict[str, Any]]]:
    pos = 0
    for number, line in enumerate(text.split("\n"), 1):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"line {number} is not JSON ({exc})") from exc
        if isinstance(obj, dict) and obj.get("schema"):
            yield number, start, end, obj


def _values(obj: dict[str, Any], prop: str) -> list[Any]:
    value = (obj.get("properties") or {}).get(prop) or []
    return value if isinstance(value, list) else [value]


def _texts(obj: dict[str, Any], prop: str) -> list[str]:
    return [" ".join(str(v).split()) for v in _values(obj, prop) if isinstance(v, str | int | float) and str(v).strip()]


class _Importer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.entities: dict[str, Entity] = {}
        self.ids: dict[str, str] = {}
        self.mentions: list[Mention] = []
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.skipped: Counter[str] = Counter()
        self.links: list[tuple[int, int, dict[str, Any]]] = []

    def evidence(self, start: int, end: int, date: str | None = None) -> Evidence:
        return Evidence(self.doc.doc_id, start, end, self.doc.text[start:end][:500], "structured", EXTRACTOR,
                        date=date)

    def relate(self, source: str, target: str, type_: str, ev: Evidence, **props: Any) -> None:
        if source == target:
            return
        key = (min(source, target), type_, max(source, target)) if SCHEMA.relations[type_].symmetric else \
            (source, type_, target)
        rel = self.relations.setdefault(key, Relation(source, target, type_, properties=dict(props)))
        if ev not in rel.evidence:
            rel.evidence.append(ev)

    def add(self, start: int, end: int, obj: dict[str, Any]) -> str | None:
        """Entity of an FtM object (nested entities too); links are kept for the second pass."""
        schema = str(obj.get("schema"))
        for values in (obj.get("properties") or {}).values():
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, dict) and value.get("schema"):
                    self.add(start, end, value)
        if schema in LINKS or schema == "Sanction":
            self.links.append((start, end, obj))
            return None
        type_ = NODE_FOR_SCHEMA.get(schema)
        if type_ is None:
            self.skipped[schema] += 1
            return None
        idents, props = {}, {"ftm_id": obj.get("id"), "ftm_schema": schema}
        for prop, scheme in IDENTIFIER_PROPS.items():
            for raw in _texts(obj, prop):
                value, valid = check(scheme, raw)
                if valid and scheme in SCHEMA.node(type_).identifiers:
                    idents.setdefault(scheme, value)
                else:
                    props.setdefault(f"{scheme.lower()}_unverified", raw)
        for prop in KEPT_PROPS:
            found = _texts(obj, prop)
            if found:
                props[prop] = found[0] if len(found) == 1 else found
        names = _texts(obj, "name") or _texts(obj, "full") or list(idents.values())
        if not names:
            self.skipped[f"{schema} without a name"] += 1
            return None
        aliases = [a for p in ("alias", "weakAlias", "previousName") for a in _texts(obj, p)] + names[1:]
        eid = entity_id(type_, names[0], idents)
        entity = self.entities.setdefault(eid, Entity(eid, type_, names[0], [], idents, props))
        entity.aliases.extend(a for a in aliases if a != entity.name and a not in entity.aliases)
        if obj.get("id"):
            self.ids[str(obj["id"])] = eid
        self.mentions.append(Mention(eid, entity.name, type_, start, end, self.doc.doc_id))
        for prop, scheme, rel_type in (("phone", "PHONE", "HAS_PHONE"), ("email", "EMAIL", "HAS_EMAIL")):
            for raw in _texts(obj, prop):
                value, valid = check(scheme, raw)
                if valid and SCHEMA.relations[rel_type].allows(type_, scheme):
                    node = REGISTRY[scheme].node_id(value)
                    self.entities.setdefault(node, Entity(node, scheme, value, identifiers={scheme: value}))
                    self.relate(eid, node, rel_type, self.evidence(start, end))
        return eid

    def ref(self, value: Any) -> str | None:
        if isinstance(value, dict):
            return self.ids.get(str(value.get("id")))
        return self.ids.get(str(value))

    def link(self, start: int, end: int, obj: dict[str, Any]) -> None:
        schema = str(obj["schema"])
        date = next(iter(_texts(obj, "startDate") or _texts(obj, "date")), None)
        if schema == "Sanction":
            for value in _values(obj, "entity"):
                eid = self.ref(value)
                if eid:
                    self.entities[eid].properties["sanctioned"] = ", ".join(_texts(obj, "program")
                                                                             or _texts(obj, "authority")) or True
            return
        src_prop, tgt_prop, candidates = LINKS[schema]
        sources = [self.ref(v) for v in _values(obj, src_prop)]
        targets = [self.ref(v) for v in _values(obj, tgt_prop)]
        if schema == "Call":
            sources += [self._phone(v) for v in _texts(obj, "callerNumber")]
            targets += [self._phone(v) for v in _texts(obj, "receiverNumber")]
        pairs = [(s, t) for s in sources if s for t in targets if t]
        if not pairs:
            self.skipped[f"{schema} with an end that is not imported"] += 1
        for s, t in pairs:
            stype, ttype = self.entities[s].type, self.entities[t].type
            rel_type = next((r for r in candidates if SCHEMA.relations[r].allows(stype, ttype)), None)
            if rel_type is None:
                self.skipped[f"{schema} {stype}->{ttype}"] += 1
                continue
            role = next(iter(_texts(obj, "role") or _texts(obj, "relationship")), None)
            self.relate(s, t, rel_type, self.evidence(start, end, date), **({"role": role} if role else {}))

    def _phone(self, raw: str) -> str | None:
        value, valid = check("PHONE", raw)
        if not valid:
            return None
        node = REGISTRY["PHONE"].node_id(value)
        self.entities.setdefault(node, Entity(node, "PHONE", value, identifiers={"PHONE": value}))
        return node


def ftm_extraction(document: Document) -> tuple[Extraction, dict[str, int]]:
    """Facts of an FtM JSON-lines ``document`` and the count of objects left out, by schema."""
    importer = _Importer(document)
    try:
        for _, start, end, obj in _lines(document.text):
            importer.add(start, end, obj)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise unreadable(document.source, f"not a FollowTheMoney stream ({exc})",
                         "give one JSON entity per line with 'id', 'schema' and 'properties'") from exc
    for start, end, obj in importer.links:
        importer.link(start, end, obj)
    extraction = Extraction(document=document, entities=list(importer.entities.values()),
                            mentions=importer.mentions, relations=list(importer.relations.values()))
    return extraction, dict(importer.skipped)


def read(source: Source, ctx: ReadContext) -> ReadResult:
    decoded = decode_bytes(source.read_bytes(ctx.limits), source.name)
    doc = source.document(decoded.text, "ftm", metadata={"kind": "followthemoney"})
    facts, skipped = ftm_extraction(doc)
    if not facts.entities:
        raise unreadable(source.name, "no FollowTheMoney entity Havengraph can use",
                         f"supported schemata: {', '.join(sorted(NODE_FOR_SCHEMA))}")
    doc.metadata["ftm_skipped"] = skipped
    notes = [f"{n} FtM object(s) left out: {what}" for what, n in sorted(skipped.items())]
    return ReadResult(doc, facts=facts, nlp=False, warnings=notes)


# -- export -----------------------------------------------------------------------------------
_EXPORT_LINKS = {
    "EMPLOYED_BY": ("Employment", "employee", "employer"), "DIRECTOR_OF": ("Directorship", "director", "organization"),
    "OWNS": ("Ownership", "owner", "asset"), "MEMBER_OF": ("Membership", "member", "organization"),
    "FAMILY_OF": ("Family", "person", "relative"), "CONTACTED": ("Call", "caller", "receiver"),
}
_ORGS = {"COMPANY", "ORGANIZATION"}


def _ftm_id(value: str) -> str:
    return "hg-" + hashlib.sha1(value.encode()).hexdigest()[:24]


def export_ftm(store: GraphStore, out: TextIO, include_weak: bool = False,
               flt: GraphFilter | None = None) -> dict[str, int]:
    """Write the store's graph as FtM JSON lines; returns counts of what was written and left out.

    ``flt`` (the filter of every command that shows relations) narrows the export the way it narrows
    a picture: relations and their evidence outside it go, then entities of other types and, when it
    narrows anything, entities left without a relation. Its ``include_weak`` replaces ``include_weak``.
    """
    counts: Counter[str] = Counter()
    folded: dict[str, dict[str, list[str]]] = {}
    relations = list(store.iter_relations())
    types = {e.entity_id: e.type for e in store.iter_entities()}
    linked: set[str] | None = None
    if flt is not None:
        include_weak = flt.include_weak
    if flt is not None and flt.active:
        before = len(relations)
        relations = [r for r in flt.relations(relations, store)
                     if flt.entity_types is None or {types.get(r.source), types.get(r.target)} <= flt.entity_types]
        if before > len(relations):
            counts["left out by the filter: relations"] += before - len(relations)
        linked = {r.source for r in relations} | {r.target for r in relations}
    for rel in relations:
        if rel.type in {"HAS_PHONE", "HAS_EMAIL", "HAS_ADDRESS"}:
            prop = {"HAS_PHONE": "phone", "HAS_EMAIL": "email", "HAS_ADDRESS": "addressEntity"}[rel.type]
            value = _ftm_id(rel.target) if prop == "addressEntity" else rel.target.split(":", 1)[1]
            folded.setdefault(rel.source, {}).setdefault(prop, []).append(value)
    exported: set[str] = set()
    for entity in store.iter_entities():
        if linked is not None and entity.entity_id not in linked:
            counts["left out by the filter: entities"] += 1
            continue
        schema = SCHEMA.node(entity.type).ftm
        if schema in {"Thing", "Document"}:
            counts[f"left out: {entity.type} (no FtM entity; folded into its owner where possible)"] += 1
            continue
        props: dict[str, list[str]] = {"name": [entity.name]}
        if schema == "Address":
            props = {"full": [entity.name]}
            if entity.identifiers.get("LOCODE"):
                props["summary"] = [f"port, UN/LOCODE {entity.identifiers['LOCODE']}"]
        if entity.aliases:
            props["alias"] = list(entity.aliases)
        for prop, scheme in IDENTIFIER_PROPS.items():
            if entity.identifiers.get(scheme):
                props[prop] = [entity.identifiers[scheme]]
        for prop in KEPT_PROPS:
            value = entity.properties.get(prop)
            if value:
                props[prop] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        for prop, values in folded.get(entity.entity_id, {}).items():
            props[prop] = sorted(set(values))
        out.write(json.dumps({"id": _ftm_id(entity.entity_id), "schema": schema, "properties": props},
                             ensure_ascii=False, sort_keys=True) + "\n")
        exported.add(entity.entity_id)
        counts["entities"] += 1
    for rel in relations:
        line = _link_line(rel, types, exported, include_weak)
        if line is None:
            counts[f"left out: {rel.type}"] += 1
            continue
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        counts["links"] += 1
    return dict(counts)


def _link_line(rel: Relation, types: dict[str, str], exported: set[str], include_weak: bool) -> dict[str, Any] | None:
    if rel.type in {"HAS_PHONE", "HAS_EMAIL", "HAS_ADDRESS"} or (rel.type == "CO_MENTIONED" and not include_weak):
        return None
    stype, ttype = types.get(rel.source), types.get(rel.target)
    props: dict[str, list[str]] = {}
    if rel.type == "CONTACTED" and "PHONE" in (stype, ttype):
        if stype != ttype:
            return None
        schema, src_prop, tgt_prop = "Call", "callerNumber", "receiverNumber"
        src, tgt = rel.source.split(":", 1)[1], rel.target.split(":", 1)[1]
    else:
        if rel.source not in exported or rel.target not in exported:
            return None
        schema, src_prop, tgt_prop = _EXPORT_LINKS.get(rel.type, ("UnknownLink", "subject", "object"))
        if rel.type == "ASSOCIATE_OF" and stype == ttype == "PERSON":
            schema, src_prop, tgt_prop = "Associate", "person", "associate"
        if schema == "Employment" and ttype not in _ORGS:
            schema, src_prop, tgt_prop = "UnknownLink", "subject", "object"
        if schema == "UnknownLink":
            props["role"] = [rel.type.lower().replace("_", " ")]
        src, tgt = _ftm_id(rel.source), _ftm_id(rel.target)
    props[src_prop], props[tgt_prop] = [src], [tgt]
    dates = sorted(e.date for e in rel.evidence if e.date)
    if dates:
        props["startDate"], props["endDate"] = [dates[0][:10]], [dates[-1][:10]]
    props["summary"] = [f"{len(rel.evidence)} piece(s) of evidence in Havengraph"]
    return {"id": _ftm_id(f"{rel.source}|{rel.type}|{rel.target}"), "schema": schema, "properties": props}
