"""Analysts' notes on an entity or a relation, each with an author, a time and a handling code.

A note's target is an entity id, or a relation key ``source|TYPE|target`` (:func:`relation_key`).
A reader sees a note when the note's handling code is within their clearance and its target is
visible to them (:func:`visible`). Notes live in the store's workspace, on both backends.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from graph.errors import Forbidden, InvalidInput, RecordNotFound
from graph.schema import SCHEMA

__all__ = ["add", "delete", "list_notes", "relation_key", "visible"]

KIND = "note"
MAX_TEXT = 10_000


def relation_key(source: str, type_: str, target: str) -> str:
    """The target of a note about a relation; symmetric types read the same either way round."""
    rel = SCHEMA.relation(type_)
    if rel.symmetric and target < source:
        source, target = target, source
    return f"{source}|{rel.name}|{target}"


def _ends(target: str) -> list[str]:
    parts = target.split("|")
    if len(parts) == 3:
        return [parts[0], parts[2]]
    if len(parts) == 1 and ":" in target:
        return [target]
    raise InvalidInput(f"a note is about an entity id (person:jan-peeters) or a relation "
                       f"(source|TYPE|target), not {target!r}")


def _out(record: dict[str, Any]) -> dict[str, Any]:
    return {"note_id": record["record_id"], "target": record["target"], "author": record["owner"],
            "at": record["updated_at"], **record["data"]}


def add(store: Any, who: str, target: str, text: str, handling: str) -> dict[str, Any]:
    """Save a note by ``who`` about ``target`` (entity id or relation key), kept at ``handling``."""
    text = text.strip()
    if not text or len(text) > MAX_TEXT:
        raise InvalidInput(f"a note is 1 to {MAX_TEXT} characters")
    if SCHEMA.handling_rank(handling) >= len(SCHEMA.handling_levels):
        raise InvalidInput(f"handling is one of {', '.join(SCHEMA.handling_levels)}")
    ends = _ends(target)
    if len(ends) == 2:
        source, type_, tgt = target.split("|")
        target = relation_key(source, type_, tgt)
    record = store.save_record(KIND, "note-" + secrets.token_hex(6), who,
                               {"text": text, "handling": handling.strip().upper(), "about": ends}, target=target)
    return _out(record)


def list_notes(store: Any, target: str | None = None) -> list[dict[str, Any]]:
    """Notes about ``target`` (all notes when ``None``), oldest first."""
    if target is not None and "|" in target:
        source, type_, tgt = target.split("|")
        target = relation_key(source, type_, tgt)
    return [_out(r) for r in store.list_records(KIND, target=target)]


def visible(notes: list[dict[str, Any]], clearance_rank: int,
            entity_visible: Callable[[str], bool]) -> list[dict[str, Any]]:
    """The notes a reader of ``clearance_rank`` may see (their targets visible to them too)."""
    return [n for n in notes if SCHEMA.handling_rank(n["handling"]) <= clearance_rank
            and all(entity_visible(e) for e in n["about"])]


def delete(store: Any, note_id: str, who: str, is_admin: bool = False) -> bool:
    record = store.get_record(KIND, note_id)
    if record is None:
        raise RecordNotFound(f"no note {note_id!r}")
    if record["owner"] != who and not is_admin:
        raise Forbidden(f"note {note_id} was written by {record['owner']}; only they (or an admin) may delete it")
    return bool(store.delete_record(KIND, note_id))
