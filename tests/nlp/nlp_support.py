"""Helpers for the NLP tests (imported by name; fixtures stay in conftest.py)."""

from __future__ import annotations

from graph.model import Extraction


def mentions(extraction: Extraction, type_: str | None = None) -> set[tuple[str, str]] | set[str]:
    """Mention texts (of one type) or (type, text) pairs."""
    if type_ is None:
        return {(m.type, m.text) for m in extraction.mentions}
    return {m.text for m in extraction.mentions if m.type == type_}


def relations(extraction: Extraction, typed_only: bool = True) -> set[tuple[str, str, str]]:
    """(type, source name, target name) of the extraction's relations."""
    names = {e.entity_id: e.name for e in extraction.entities}
    return {(r.type, names[r.source], names[r.target]) for r in extraction.relations
            if not typed_only or r.type != "CO_MENTIONED"}
