"""Entities and links entered by an analyst, kept as an *analyst entry*: a document of their own.

An entry is written like any case file, so everything that holds for documents holds for it:
its handling code decides who may see what it adds (need-to-know), deleting it removes exactly
its facts, and evidence packages cite it by hash. The entry's text states who entered what,
when and why; each link's evidence is its own line of that text, ending in the provenance
``analyst: NAME, DATE, REASON``, with method ``analyst``. New entities carry the same provenance
in ``properties["provenance"]`` (and ``properties["analyst"] = True``), so pages can draw them
differently (:func:`is_analyst_relation`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.errors import Forbidden, InvalidInput
from graph.ids import entity_id as make_entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.schema import SCHEMA

__all__ = ["AnalystEntry", "NewEntity", "NewLink", "build_entry", "entry_summary", "is_analyst_entity", "is_analyst_relation",
           "provenance"]

FORMAT = "analyst"


@dataclass(frozen=True)
class NewEntity:
    type: str
    name: str
    identifiers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class NewLink:
    """A link between two entity ids (existing ones, or ids of entities entered alongside)."""

    source: str
    type: str
    target: str
    date: str | None = None


@dataclass
class AnalystEntry:
    who: str
    reason: str
    handling: str
    entities: list[NewEntity] = field(default_factory=list)
    links: list[NewLink] = field(default_factory=list)
    grading: str | None = None
    day: str = field(default_factory=lambda: datetime.now(UTC).date().isoformat())


def provenance(who: str, day: str, reason: str) -> str:
    """``analyst: NAME, DATE, REASON``: the line every analyst fact carries."""
    return f"analyst: {who}, {day}, {reason}"


def is_analyst_entity(entity: Entity) -> bool:
    return bool(entity.properties.get("analyst"))


def is_analyst_relation(rel: Relation) -> bool:
    """True when every piece of a relation's evidence was entered by an analyst."""
    return bool(rel.evidence) and all(e.method == "analyst" for e in rel.evidence)


def _check(entry: AnalystEntry) -> None:
    if not entry.who.strip() or not entry.reason.strip():
        raise InvalidInput("an analyst entry needs who entered it and a reason")
    if len(entry.reason) > 500 or "\n" in entry.reason:
        raise InvalidInput("the reason is one line of at most 500 characters")
    if SCHEMA.handling_rank(entry.handling) >= len(SCHEMA.handling_levels):
        raise InvalidInput(f"handling is one of {', '.join(SCHEMA.handling_levels)}")
    if not entry.entities and not entry.links:
        raise InvalidInput("an analyst entry adds at least one entity or link")
    for ent in entry.entities:
        if not ent.name.strip() or "\n" in ent.name:
            raise InvalidInput("an entity needs a one-line name")


def build_entry(entry: AnalystEntry, existing: Callable[[str], Entity | None],
                visible_from: Callable[[str], int] | None = None) -> Extraction:
    """The extraction of an analyst entry, ready for ``store.write``.

    ``existing(entity_id)`` returns an entity the analyst may see (following merges), else ``None``;
    a link to any other id is refused. ``visible_from(entity_id)`` gives the lowest handling rank
    at which an existing entity can be seen: an entry kept lower than that would reveal the entity
    to readers who may not see it, and is refused (need-to-know is never written down).
    """
    _check(entry)
    handling = entry.handling.strip().upper()
    stamp = provenance(entry.who, entry.day, entry.reason)
    new: dict[str, Entity] = {}
    for ent in entry.entities:
        type_ = SCHEMA.node_name(ent.type)
        eid = make_entity_id(type_, ent.name, ent.identifiers)
        new[eid] = Entity(entity_id=eid, type=type_, name=ent.name.strip(), identifiers=dict(ent.identifiers),
                          properties={"analyst": True, "provenance": stamp})
    known: dict[str, Entity] = {}

    def resolve(eid: str) -> Entity:
        if eid in new:
            return new[eid]
        found = existing(eid)
        if found is None:
            raise InvalidInput(f"no entity {eid!r} that you may see; enter it in the same entry "
                               "(entities) or look its id up with search")
        if visible_from is not None and visible_from(found.entity_id) > SCHEMA.handling_rank(handling):
            raise Forbidden(f"{found.entity_id} is known only from documents above {handling}; keep this entry "
                            f"at a handling code of at least {SCHEMA.handling_levels[visible_from(found.entity_id)]}")
        known[found.entity_id] = Entity(entity_id=found.entity_id, type=found.type, name=found.name)
        return found

    links = [(resolve(link.source), link, resolve(link.target)) for link in entry.links]
    for src, link, tgt in links:
        rel = SCHEMA.relation(link.type)
        if not rel.allows(src.type, tgt.type):
            raise InvalidInput(f"{rel.name} does not link {src.type} to {tgt.type}")

    lines = ["Analyst entry", f"Entered by: {entry.who}", f"Date: {entry.day}", f"Reason: {entry.reason}",
             f"Handling: {handling}", ""]
    text, mentions, relations = "\n".join(lines) + "\n", [], []
    for ent in new.values():
        line = f"Entity: {ent.type} {ent.name} ({ent.entity_id}). {stamp}"
        start = len(text) + len(f"Entity: {ent.type} ")
        mentions.append(Mention(ent.entity_id, ent.name, ent.type, start, start + len(ent.name)))
        text += line + "\n"
    for src, link, tgt in links:
        type_ = SCHEMA.relation(link.type).name
        when = f" on {link.date}" if link.date else ""
        line = f"Link: {src.name} {type_} {tgt.name}{when}. {stamp}"
        begin = len(text)
        s1 = begin + len("Link: ")
        s2 = s1 + len(src.name) + len(type_) + 2
        mentions += [Mention(src.entity_id, src.name, src.type, s1, s1 + len(src.name)),
                     Mention(tgt.entity_id, tgt.name, tgt.type, s2, s2 + len(tgt.name))]
        relations.append(Relation(src.entity_id, tgt.entity_id, type_, evidence=[Evidence(
            doc_id="", start=begin, end=begin + len(line), sentence=line, method="analyst",
            extractor=f"analyst:{entry.who}", confidence=1.0, weight=1.0, date=link.date)]))
        text += line + "\n"
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    relations = [Relation(r.source, r.target, r.type, evidence=[Evidence(**{**e.to_dict(), "doc_id": doc_id})
                                                                 for e in r.evidence]) for r in relations]
    document = Document(doc_id=doc_id, text=text, title=f"Analyst entry: {entry.reason[:80]}", source=stamp,
                        lang="en", format=FORMAT, date=entry.day, grading=entry.grading, handling=handling,
                        metadata={"analyst": entry.who, "reason": entry.reason})
    mentions = [Mention(m.entity_id, m.text, m.type, m.start, m.end, doc_id) for m in mentions]
    return Extraction(document=document, entities=[*new.values(), *known.values()], mentions=mentions,
                      relations=relations)


def entry_summary(extraction: Extraction) -> dict[str, Any]:
    """What an entry added, as the API and CLI report it."""
    doc = extraction.document
    return {"doc_id": doc.doc_id, "provenance": doc.source, "handling": doc.handling,
            "entities": [e.entity_id for e in extraction.entities if is_analyst_entity(e)],
            "links": [{"source": r.source, "type": r.type, "target": r.target} for r in extraction.relations]}
