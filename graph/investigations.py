"""Saved investigations: a named picture an analyst can close and reopen.

An investigation holds the pinned entities, where each node sat on the screen, the filters in
force and free-text notes. It belongs to the analyst who saved it; ``shared_with`` names the
lowest role that may open it too (``None``: the owner alone). Only the owner, or someone holding
``admin_role``, may change or delete it. Records live in the store's workspace
(:mod:`graph.store.workspace`), so both backends keep them.

Reopening (:func:`reopen`) reads the pinned entities through whatever store it is given: through
a cleared view, entities the reader may not see are left out and only counted.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from graph.analysis.filtered import filtered_subgraph
from graph.errors import EntityNotFound, Forbidden, InvalidInput, RecordNotFound
from graph.filters import GraphFilter

__all__ = ["delete", "get", "list_for", "reopen", "save"]

KIND = "investigation"
MAX_PINNED = 500
_FIELDS = ("name", "pinned", "positions", "filters", "notes", "shared_with")


def _clean(fields: dict[str, Any], roles: Collection[str]) -> dict[str, Any]:
    name = str(fields.get("name") or "").strip()
    if not name or len(name) > 200:
        raise InvalidInput("an investigation needs a name of 1 to 200 characters")
    pinned = list(dict.fromkeys(str(p) for p in fields.get("pinned") or []))
    if len(pinned) > MAX_PINNED:
        raise InvalidInput(f"an investigation pins at most {MAX_PINNED} entities")
    positions = {}
    for eid, pos in (fields.get("positions") or {}).items():
        try:
            positions[str(eid)] = {"x": float(pos["x"]), "y": float(pos["y"])}
        except (KeyError, TypeError, ValueError):
            raise InvalidInput(f"the position of {eid!r} needs numbers x and y") from None
    shared = fields.get("shared_with")
    if shared is not None and shared not in roles:
        raise InvalidInput(f"shared_with is one of {', '.join(roles)} (or empty: only you)")
    filters = fields.get("filters") or {}
    if not isinstance(filters, dict):
        raise InvalidInput("filters is an object (name -> value)")
    return {"name": name, "pinned": pinned, "positions": positions, "filters": filters,
            "notes": str(fields.get("notes") or ""), "shared_with": shared}


def _out(record: dict[str, Any]) -> dict[str, Any]:
    return {"investigation_id": record["record_id"], "owner": record["owner"], "updated_at": record["updated_at"],
            **record["data"]}


def save(store: Any, who: str, fields: dict[str, Any], *, roles: Collection[str],
         investigation_id: str | None = None, is_admin: bool = False) -> dict[str, Any]:
    """Create (no id) or replace an investigation; ``fields`` may leave out what does not change."""
    data = dict(fields)
    owner = who
    if investigation_id is not None:
        old = store.get_record(KIND, investigation_id)
        if old is None:
            raise RecordNotFound(f"no investigation {investigation_id!r}; list them with GET /investigations")
        if old["owner"] != who and not is_admin:
            raise Forbidden(f"investigation {investigation_id} belongs to {old['owner']}; save a copy under "
                            "a new name instead")
        data = {**old["data"], **{k: v for k, v in fields.items() if k in _FIELDS}}
        data["created_at"] = old["data"].get("created_at") or old["updated_at"]
        owner = old["owner"]
    record_id = investigation_id or "inv-" + secrets.token_hex(6)
    clean = _clean(data, roles)
    created = data.get("created_at") or datetime.now(UTC).isoformat(timespec="seconds")
    return _out(store.save_record(KIND, record_id, owner, {**clean, "created_at": created}))


def _may_read(record: dict[str, Any], who: str, held: Collection[str]) -> bool:
    shared = record["data"].get("shared_with")
    return record["owner"] == who or (shared is not None and shared in held)


def list_for(store: Any, who: str, held: Collection[str]) -> list[dict[str, Any]]:
    """Investigations ``who`` may open (own ones and those shared with a role in ``held``), newest first."""
    rows = [_out(r) for r in store.list_records(KIND) if _may_read(r, who, held)]
    return sorted(rows, key=lambda r: r["updated_at"], reverse=True)


def get(store: Any, investigation_id: str, who: str, held: Collection[str]) -> dict[str, Any]:
    record = store.get_record(KIND, investigation_id)
    if record is None or not _may_read(record, who, held):  # not found and not shared look alike
        raise RecordNotFound(f"no investigation {investigation_id!r} that you may open; "
                             "list yours with GET /investigations or `havengraph investigations list`")
    return _out(record)


def delete(store: Any, investigation_id: str, who: str, held: Collection[str], is_admin: bool = False) -> bool:
    found = get(store, investigation_id, who, held)
    if found["owner"] != who and not is_admin:
        raise Forbidden(f"investigation {investigation_id} belongs to {found['owner']}; only they may delete it")
    return bool(store.delete_record(KIND, investigation_id))


def reopen(view: Any, investigation: dict[str, Any]) -> dict[str, Any]:
    """The investigation with its picture: the pinned entities the reader may see, the relations among
    them that pass its saved filters (dates, weak links, grading...), each node at its saved
    position. Pinned entities now out of sight are counted in ``hidden``."""
    visible: list[str] = []
    hidden = 0
    for eid in investigation["pinned"]:
        try:
            visible.append(view.get_entity(eid).entity_id)  # follows merges
        except EntityNotFound:
            hidden += 1
    try:  # the relations drawn are those its saved filter panel let through
        flt, ignored = GraphFilter.from_dict(investigation.get("filters")), None
    except InvalidInput as exc:
        flt, ignored = GraphFilter(), str(exc)
    sub = filtered_subgraph(view, visible, flt) if visible else None
    positions = investigation["positions"]
    nodes = [] if sub is None else [
        {**n.to_dict(), "position": positions.get(n.entity_id)} for n in sub.nodes]
    edges = [] if sub is None else [r.to_dict() for r in sub.edges]
    out = {**investigation, "nodes": nodes, "edges": edges, "hidden": hidden}
    if ignored:
        out["filter_ignored"] = f"the saved filters were not applied: {ignored}"
    return out
