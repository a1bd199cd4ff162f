"""The data model, loaded from ``schema.yaml`` and checked on load.

Everything that needs to know the node and relation types asks this module:

>>> from graph.schema import SCHEMA
>>> SCHEMA.node("VESSEL").label
'Vessel'
>>> SCHEMA.relation("CALLED_AT").allows("VESSEL", "PORT")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidInput, InvalidSchema

SCHEMA_FILE = Path(__file__).with_name("schema.yaml")
ANY = "*"


@dataclass(frozen=True)
class IdentifierType:
    name: str
    node: str
    property: str
    description: str = ""


@dataclass(frozen=True)
class NodeType:
    name: str
    label: str
    id_prefix: str
    identifiers: tuple[str, ...] = ()
    ftm: str = "Thing"
    spacy: tuple[str, ...] = ()
    extract: bool = False
    color: str = "#999999"
    shape: str = "dot"


@dataclass(frozen=True)
class RelationType:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    symmetric: bool = False
    weak: bool = False
    ftm: str = "UnknownLink"

    def allows(self, source_type: str, target_type: str) -> bool:
        ok_source = ANY in self.sources or source_type in self.sources
        ok_target = ANY in self.targets or target_type in self.targets
        return ok_source and ok_target


@dataclass(frozen=True)
class Schema:
    version: int
    nodes: dict[str, NodeType]
    relations: dict[str, RelationType]
    identifiers: dict[str, IdentifierType]
    logistics_cues: tuple[str, ...] = ()
    insider_roles: tuple[str, ...] = ()
    handling_levels: tuple[str, ...] = ()
    grading: dict[str, dict[str, float]] = field(default_factory=dict)
    _by_label: dict[str, str] = field(default_factory=dict, repr=False)

    def node(self, name: str) -> NodeType:
        """The node type called ``name`` (``PERSON``, ``person`` or ``Person``)."""
        key = self.node_name(name)
        return self.nodes[key]

    def node_name(self, name: str) -> str:
        """Canonical UPPER name of a node type; raises ``InvalidInput`` if unknown."""
        upper = name.strip().upper().replace(" ", "_")
        if upper in self.nodes:
            return upper
        if name in self._by_label:
            return self._by_label[name]
        known = ", ".join(self.nodes)
        raise InvalidInput(f"unknown entity type {name!r}; use one of: {known}")

    def relation(self, name: str) -> RelationType:
        key = name.strip().upper()
        if key not in self.relations:
            known = ", ".join(self.relations)
            raise InvalidInput(f"unknown relation type {name!r}; use one of: {known}")
        return self.relations[key]

    def identifier(self, name: str) -> IdentifierType:
        key = name.strip().upper()
        if key not in self.identifiers:
            raise InvalidInput(f"unknown identifier type {name!r}; use one of: {', '.join(self.identifiers)}")
        return self.identifiers[key]

    @property
    def extract_types(self) -> list[str]:
        """Entity types that ``havengraph extract`` reports."""
        return [n.name for n in self.nodes.values() if n.extract]

    @property
    def entity_types(self) -> list[str]:
        """Types of entities stored as graph nodes (every type but DOCUMENT)."""
        return [n for n in self.nodes if n != "DOCUMENT"]

    def spacy_label_map(self) -> dict[str, str]:
        """spaCy NER label -> node type, derived from the ``spacy`` lists."""
        out: dict[str, str] = {}
        for node in self.nodes.values():
            for label in node.spacy:
                out[label] = node.name
        return out

    def handling_rank(self, code: str | None) -> int:
        """Rank of a handling code (0 = lowest); unknown codes rank highest, to fail closed."""
        if not code:
            return 0
        upper = code.strip().upper()
        if upper in self.handling_levels:
            return self.handling_levels.index(upper)
        return len(self.handling_levels)

    def grading_weight(self, grading: str | None) -> float:
        """Weight of evidence from a document graded e.g. "B2" (1.0 when ungraded)."""
        if not grading:
            return 1.0
        code = grading.strip().upper()
        weight = self.grading.get("source", {}).get(code[:1], 1.0)
        if len(code) > 1:
            weight *= self.grading.get("information", {}).get(code[1:2], 1.0)
        return weight

    def styles(self) -> dict[str, dict[str, str]]:
        """Node type -> pyvis ``color`` and ``shape``."""
        return {n.name: {"color": n.color, "shape": n.shape} for n in self.nodes.values()}


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def parse_schema(raw: dict[str, Any]) -> Schema:
    """Build and check a :class:`Schema` from its YAML mapping."""
    try:
        node_defs = raw["nodes"]
        rel_defs = raw["relations"]
        ident_defs = raw.get("identifiers", {})
    except (KeyError, TypeError) as exc:
        raise InvalidSchema(f"schema lacks a section: {exc}") from exc

    nodes: dict[str, NodeType] = {}
    for name, spec in node_defs.items():
        if name != name.upper():
            raise InvalidSchema(f"node type {name!r} must be UPPER_SNAKE")
        style = spec.get("style", {})
        nodes[name] = NodeType(
            name=name,
            label=spec["label"],
            id_prefix=spec["id_prefix"],
            identifiers=_tuple(spec.get("identifiers")),
            ftm=spec.get("ftm", "Thing"),
            spacy=_tuple(spec.get("spacy")),
            extract=bool(spec.get("extract", False)),
            color=style.get("color", "#999999"),
            shape=style.get("shape", "dot"),
        )
    prefixes = [n.id_prefix for n in nodes.values()]
    if len(set(prefixes)) != len(prefixes):
        raise InvalidSchema("two node types share an id_prefix")

    identifiers: dict[str, IdentifierType] = {}
    for name, spec in ident_defs.items():
        if spec["node"] not in nodes:
            raise InvalidSchema(f"identifier {name} points at unknown node type {spec['node']}")
        identifiers[name] = IdentifierType(name, spec["node"], spec["property"], spec.get("description", ""))
    for node in nodes.values():
        for ident in node.identifiers:
            if ident not in identifiers:
                raise InvalidSchema(f"node type {node.name} lists unknown identifier {ident}")

    relations: dict[str, RelationType] = {}
    for name, spec in rel_defs.items():
        if name != name.upper():
            raise InvalidSchema(f"relation type {name!r} must be UPPER_SNAKE")
        sources, targets = _tuple(spec.get("from")), _tuple(spec.get("to"))
        for end in sources + targets:
            if end != ANY and end not in nodes:
                raise InvalidSchema(f"relation {name} names unknown node type {end}")
        relations[name] = RelationType(
            name=name,
            sources=sources,
            targets=targets,
            symmetric=bool(spec.get("symmetric", False)),
            weak=bool(spec.get("weak", False)),
            ftm=spec.get("ftm", "UnknownLink"),
        )

    by_label = {n.label: n.name for n in nodes.values()}
    return Schema(
        version=int(raw.get("version", 1)),
        nodes=nodes,
        relations=relations,
        identifiers=identifiers,
        logistics_cues=_tuple(raw.get("logistics_cues")),
        insider_roles=_tuple(raw.get("insider_roles")),
        handling_levels=tuple(str(h).upper() for h in raw.get("handling_levels", [])),
        grading={k: {str(g): float(w) for g, w in v.items()} for k, v in raw.get("grading", {}).items()},
        _by_label=by_label,
    )


@cache
def load_schema(path: Path = SCHEMA_FILE) -> Schema:
    """Load and check the schema file (cached)."""
    with open(path, encoding="utf-8") as fh:
        return parse_schema(yaml.safe_load(fh))


SCHEMA = load_schema()
