"""What an analyst asks to see: entity and relation types, weak links, grading, dates, handling.

A :class:`GraphFilter` is applied to evidence first (a relation keeps the evidence that passes,
and goes when none is left), then to entities (a neighbour of a type not asked for goes, with its
relations). The same filter serves the timeline, paths, neighbourhoods, the capped expansion,
evidence packages and reports, in the API and on the command line.

Dates work per relation: a relation is inside a date range when one of its evidence dates is (it
keeps the evidence dated inside); a relation without any dated evidence cannot be placed, and is
kept unless ``undated="exclude"``.

>>> f = GraphFilter.build(date_from="2023-06", date_to="2023-06-30")
>>> f.date_ok("2023-06-19T10:00:00"), f.date_ok("2023-07-01"), f.undated
(True, False, 'include')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph.errors import DocumentNotFound, InvalidInput
from graph.model import Evidence, Relation, Subgraph
from graph.schema import SCHEMA

__all__ = ["GraphFilter", "document_facts", "DATE_PATTERN", "UNDATED_CHOICES"]

#: YYYY, YYYY-MM or YYYY-MM-DD (also the API's pattern for date parameters)
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
_DATE = re.compile(DATE_PATTERN)
#: what becomes of relations that carry no date at all
UNDATED_CHOICES = ("include", "exclude")


def _date(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise InvalidInput(f"{name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


@dataclass(frozen=True)
class GraphFilter:
    """Entity types, relation types, weak links, minimum grading, date range and highest handling."""

    entity_types: frozenset[str] | None = None
    relation_types: frozenset[str] | None = None
    include_weak: bool = True
    min_grading: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    max_handling: str | None = None
    undated: str = "include"

    @classmethod
    def build(cls, entity_types: Iterable[str] | None = None, relation_types: Iterable[str] | None = None,
              include_weak: bool = True, min_grading: str | None = None, date_from: str | None = None,
              date_to: str | None = None, max_handling: str | None = None,
              undated: str | None = None) -> GraphFilter:
        """A checked filter: schema names for types, readable grading and dates; bad values raise ``InvalidInput``."""
        ents = frozenset(SCHEMA.node_name(t) for t in entity_types) if entity_types else None
        rels = frozenset(SCHEMA.relation(t).name for t in relation_types) if relation_types else None
        grading = (min_grading or "").strip().upper() or None
        if grading and not re.fullmatch(SCHEMA.grading_pattern, grading):
            raise InvalidInput(f"min_grading {min_grading!r} is not a grading the schema can weigh "
                               "(e.g. B2 or 1-B-P)")
        handling = (max_handling or "").strip().upper() or None
        if handling and handling not in SCHEMA.handling_levels:
            raise InvalidInput(f"max_handling must be one of {', '.join(SCHEMA.handling_levels)}")
        start, end = _date(date_from, "date_from"), _date(date_to, "date_to")
        undated = (undated or "include").strip().lower()
        if undated not in UNDATED_CHOICES:
            raise InvalidInput(f"undated must be one of {', '.join(UNDATED_CHOICES)}, not {undated!r}")
        return cls(ents, rels, include_weak, grading, start, end, handling, undated)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> GraphFilter:
        """The filter :meth:`to_dict` wrote, or a saved investigation's (the page's filter panel,
        which names entity types ``types``), checked again."""
        data = data or {}
        return cls.build(data.get("entity_types") or data.get("types") or None, data.get("relation_types") or None,
                         bool(data.get("include_weak", True)), data.get("min_grading"), data.get("date_from"),
                         data.get("date_to"), data.get("max_handling"), data.get("undated"))

    # -- evidence
    @property
    def dated(self) -> bool:
        return bool(self.date_from or self.date_to)

    @property
    def active(self) -> bool:
        """Whether the filter narrows anything beyond weak links and types the stores filter themselves."""
        return bool(self.dated or self.needs_documents or self.undated != "include" or self.entity_types
                    or self.relation_types)

    @property
    def needs_documents(self) -> bool:
        return bool(self.min_grading or self.max_handling)

    def date_ok(self, when: str) -> bool:
        """Whether a date (``YYYY[-MM[-DD...]]``) is inside the range."""
        if self.date_from and when[: len(self.date_from)] < self.date_from:
            return False
        return not (self.date_to and when[: len(self.date_to)] > self.date_to)

    def evidence_ok(self, ev: Evidence, documents: dict[str, tuple[str | None, str | None]]) -> bool:
        """Whether a piece of evidence passes grading and handling (dates are judged per relation)."""
        if self.needs_documents:
            grading, handling = documents.get(ev.doc_id, (None, None))
            if self.min_grading and SCHEMA.grading_weight(grading) < SCHEMA.grading_weight(self.min_grading):
                return False
            if self.max_handling and SCHEMA.handling_rank(handling) > SCHEMA.handling_rank(self.max_handling):
                return False
        return True

    # -- relations and entities
    def relation_ok(self, rel: Relation) -> bool:
        if self.relation_types is not None and rel.type not in self.relation_types:
            return False
        return self.include_weak or not SCHEMA.relations[rel.type].weak

    def relations(self, relations: Iterable[Relation], store: Any) -> list[Relation]:
        """The relations that pass, each with only the evidence that passes.

        Among the evidence that passes grading and handling: a relation with dated evidence keeps
        the pieces dated inside the range (and goes when none is); one without any date keeps all
        of it, unless ``undated`` is ``"exclude"``.
        """
        kept = [r for r in relations if self.relation_ok(r)]
        documents = document_facts(store, {e.doc_id for r in kept for e in r.evidence}) if self.needs_documents else {}
        out = []
        for rel in kept:
            evidence = [e for e in rel.evidence if self.evidence_ok(e, documents)]
            if any(e.date for e in evidence):
                if self.dated:
                    evidence = [e for e in evidence if e.date and self.date_ok(e.date)]
            elif self.undated == "exclude":
                evidence = []
            if evidence:
                out.append(Relation(rel.source, rel.target, rel.type, evidence, dict(rel.properties)))
        return out

    def apply(self, sub: Subgraph, store: Any, focus: Iterable[str] = ()) -> Subgraph:
        """``sub`` narrowed: entities of other types go, then entities left without a relation
        (those in ``focus`` always stay)."""
        keep_always = set(focus)
        allowed = {n.entity_id for n in sub.nodes
                   if n.entity_id in keep_always or self.entity_types is None or n.type in self.entity_types}
        edges = [r for r in self.relations(sub.edges, store) if r.source in allowed and r.target in allowed]
        linked = keep_always | {r.source for r in edges} | {r.target for r in edges}
        return Subgraph(nodes=[n for n in sub.nodes if n.entity_id in allowed and n.entity_id in linked], edges=edges)

    def describe(self) -> str:
        """The filter in words, for reports and command output ("" when it narrows nothing)."""
        parts = []
        if self.dated:
            parts.append(f"relations dated {'from ' + self.date_from if self.date_from else ''}"
                         f"{' ' if self.date_from and self.date_to else ''}"
                         f"{'to ' + self.date_to if self.date_to else ''}")
        if self.dated or self.undated != "include":
            parts.append("relations without a date " + ("kept" if self.undated == "include" else "left out"))
        if self.entity_types:
            parts.append("entity types " + ", ".join(sorted(self.entity_types)))
        if self.relation_types:
            parts.append("relation types " + ", ".join(sorted(self.relation_types)))
        if self.min_grading:
            parts.append(f"sources graded {self.min_grading} or better")
        if self.max_handling:
            parts.append(f"handling up to {self.max_handling}")
        if parts and self.include_weak:
            parts.append("weak co-mentions shown")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"entity_types": sorted(self.entity_types or ()), "relation_types": sorted(self.relation_types or ()),
                "include_weak": self.include_weak, "min_grading": self.min_grading, "date_from": self.date_from,
                "date_to": self.date_to, "max_handling": self.max_handling, "undated": self.undated}


def document_facts(store: Any, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
    """``doc_id -> (grading, handling)`` for these documents (documents gone meanwhile are left out)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for doc_id in doc_ids:
        try:
            doc = store.get_document(doc_id)
        except DocumentNotFound:
            continue
        out[doc_id] = (doc.grading, doc.handling)
    return out
