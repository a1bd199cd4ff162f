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
    public_body_cues: tuple[str, ...] = ()
    insider_roles: tuple[str, ...] = ()
    handling_levels: tuple[str, ...] = ()
    grading: dict[str, Any] = field(default_factory=dict)
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

    @property
    def grading_pattern(self) -> str:
        """A regular expression for the gradings the table can weigh (or empty), e.g. for API forms."""
        def keys(style: str, part: str) -> str:
            return "".join(sorted(self.grading.get(style, {}).get(part, {})))
        forms = []
        if keys("letter_first", "source"):
            forms.append(f"[{keys('letter_first', 'source')}][{keys('letter_first', 'information')}]?")
        if keys("digit_first", "source"):
            forms.append(f"[{keys('digit_first', 'source')}]-?[{keys('digit_first', 'information')}](-?[A-Z])?")
        return "^(" + "|".join(forms) + ")?$" if forms else "^$"

    def grading_weight(self, grading: str | None) -> float:
        """Weight in ``[0, 1]`` of evidence from a document graded e.g. "B2" or "1-B-P"."""
        return grading_weight(grading, self.grading)

    def styles(self) -> dict[str, dict[str, str]]:
        """Node type -> pyvis ``color`` and ``shape``."""
        return {n.name: {"color": n.color, "shape": n.shape} for n in self.nodes.values()}


def grading_weight(grading: str | None, table: dict[str, Any]) -> float:
    """Source weight x information weight of ``grading`` in ``table`` (the schema's ``grading``).

    Letter first ("B2": source A-F, information 1-6) or digit first ("1-B-P": source 1-3,
    assessment A-E; the handling letter after them is ignored); anything else is ``ungraded``.
    """
    ungraded = float(table.get("ungraded", 1.0))
    text = "".join(ch for ch in str(grading or "").upper() if ch.isalnum())
    letters = [c for c in text if c.isalpha()]
    digits = [c for c in text if c.isdigit()]
    if not letters or not digits:
        return ungraded
    digit_first = text[0].isdigit()
    scheme = table.get("digit_first" if digit_first else "letter_first", {})
    src_key, info_key = (digits[0], letters[0]) if digit_first else (letters[0], digits[0])
    src = scheme.get("source", {}).get(src_key)
    info = scheme.get("information", {}).get(info_key)
    if src is None or info is None:
        return ungraded
    return round(float(src) * float(info), 6)


def _grading(raw: Any) -> dict[str, Any]:
    """The ``grading`` section, checked: weights in [0, 1] for each style's source and information."""
    raw = raw or {}
    unknown = set(raw) - {"ungraded", "letter_first", "digit_first"}
    if unknown:
        raise InvalidSchema(f"grading: unknown key(s) {', '.join(sorted(unknown))}; "
                            "use ungraded, letter_first and digit_first")
    table: dict[str, Any] = {"ungraded": float(raw.get("ungraded", 1.0))}
    for style in ("letter_first", "digit_first"):
        if style in raw:
            table[style] = {part: {str(g).upper(): float(w) for g, w in raw[style].get(part, {}).items()}
                            for part in ("source", "information")}
    weights = [table["ungraded"], *(w for s in ("letter_first", "digit_first") if s in table
                                    for part in table[s].values() for w in part.values())]
    if any(not 0.0 <= w <= 1.0 for w in weights):
        raise InvalidSchema("grading weights must lie between 0 and 1")
    return table


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
        public_body_cues=_tuple(raw.get("public_body_cues")),
        insider_roles=_tuple(raw.get("insider_roles")),
        handling_levels=tuple(str(h).upper() for h in raw.get("handling_levels", [])),
        grading=_grading(raw.get("grading")),
        _by_label=by_label,
    )


@cache
def load_schema(path: Path = SCHEMA_FILE) -> Schema:
    """Load and check the schema file (cached)."""
    with open(path, encoding="utf-8") as fh:
        return parse_schema(yaml.safe_load(fh))


SCHEMA = load_schema()
