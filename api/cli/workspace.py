"""Workspace commands: saved ``investigations``, ``notes`` on entities and relations, ``analyst`` entries.

The command line works on the store as its owner (every handling code), under the name given with
``--who`` (default: the login name). Notes and analyst entries are still never kept below the
handling code their subject needs, and analyst entries are written to the audit log.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import closing
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, open_existing_store, store_url
from api.cli.filter_options import (
    FromOpt,
    GradingOpt,
    HandlingOpt,
    RelOpt,
    ToOpt,
    TypeOpt,
    UndatedOpt,
    WeakOpt,
    build_filter,
    panel_filters,
)
from api.security.audit import AuditLog
from api.security.clearance_floor import clearance_floor
from api.security.keys import keys_db_path
from api.security.roles import ROLES
from api.settings import Settings
from graph import investigations, notes
from graph.analyst_facts import FORMAT, AnalystEntry, NewEntity, NewLink, build_entry, entry_summary
from graph.errors import EntityNotFound, Forbidden, InvalidInput
from graph.model import Entity
from graph.schema import SCHEMA
from graph.store import GraphStore
from graph.store.view import NeedToKnow

investigations_app = typer.Typer(help="Saved investigations: pinned entities, positions, filters, notes.",
                                 no_args_is_help=True)
notes_app = typer.Typer(help="Notes on entities and relations.", no_args_is_help=True)
analyst_app = typer.Typer(help="Entities and links entered by an analyst, with a reason (audited).",
                          no_args_is_help=True)

WhoOption = Annotated[str | None, typer.Option("--who", help="Your name as recorded (default: login name).")]
HandlingOption = Annotated[str, typer.Option("--handling", help=f"Handling code: {', '.join(SCHEMA.handling_levels)} "
                                             "(default: the highest).")]
TOP = SCHEMA.handling_levels[-1]


def _who(who: str | None) -> str:
    if who:
        return who
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "unknown"


def _audit(store: str | None, who: str, command: str, params: dict[str, Any]) -> None:
    path = keys_db_path(store_url(store), Settings().keys_db)
    if path == ":memory:":
        return
    with closing(AuditLog(path)) as log:
        log.append(who=who, role="cli", method="CLI", endpoint=f"havengraph {command}", params=params, status=0,
                   result_bytes=0)


# -- investigations ------------------------------------------------------------------------------------

@investigations_app.command("list")
def investigations_list(who: WhoOption = None, store: StoreOption = None, json_out: JsonOption = False) -> None:
    """Investigations you may open, newest first."""
    with open_existing_store(store) as s:
        rows = investigations.list_for(s, _who(who), ROLES)
    emit(rows, json_out, lambda rows: [f"{r['investigation_id']}  {r['name']}  ({len(r['pinned'])} pinned, "
                                       f"by {r['owner']}, {r['updated_at']})" for r in rows] or ["no investigations"])


@investigations_app.command("save")
def investigations_save(
    name: Annotated[str, typer.Argument(help="Name of the investigation.")],
    pin: Annotated[list[str] | None, typer.Option("--pin", help="Entity id to pin (repeat).")] = None,
    notes_text: Annotated[str, typer.Option("--notes", help="Free-text notes.")] = "",
    share: Annotated[str | None, typer.Option("--share", help="Lowest role that may open it too.")] = None,
    investigation_id: Annotated[str | None, typer.Option("--id", help="Replace this saved investigation.")] = None,
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    weak: WeakOpt = True,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
    who: WhoOption = None, store: StoreOption = None, json_out: JsonOption = False,
) -> None:
    """Save a new investigation (or replace one with --id) holding the pinned entities and the
    filter options given (kept as the page's filter panel keeps them; its reports use the dates)."""
    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    fields: dict[str, Any] = {"name": name, "pinned": pin or [], "notes": notes_text, "shared_with": share,
                              "filters": panel_filters(flt)}
    with open_existing_store(store) as s:
        for eid in fields["pinned"]:
            s.get_entity(eid)
        row = investigations.save(s, _who(who), fields, roles=ROLES, investigation_id=investigation_id)
    emit(row, json_out, lambda r: [f"saved {r['investigation_id']}: {r['name']} ({len(r['pinned'])} pinned)"])


@investigations_app.command("show")
def investigations_show(investigation_id: str, who: WhoOption = None, store: StoreOption = None,
                        json_out: JsonOption = False) -> None:
    """Reopen an investigation: its entities, the relations among them, its notes."""
    with open_existing_store(store) as s:
        picture = investigations.reopen(s, investigations.get(s, investigation_id, _who(who), ROLES))
    emit(picture, json_out, _picture_lines)


def _picture_lines(p: dict[str, Any]) -> Iterator[str]:
    yield typer.style(f"{p['name']}  ({p['investigation_id']}, by {p['owner']})", bold=True)
    for n in p["nodes"]:
        yield f"  {n['entity_id']}  {n['name']}"
    for e in p["edges"]:
        yield f"  {e['source']} -{e['type']}-> {e['target']}  ({e['count']} evidence)"
    if p["notes"]:
        yield f"notes: {p['notes']}"


@investigations_app.command("delete")
def investigations_delete(investigation_id: str, who: WhoOption = None, store: StoreOption = None) -> None:
    """Delete one of your investigations."""
    with open_existing_store(store) as s:
        investigations.delete(s, investigation_id, _who(who), ROLES)
    typer.echo(f"deleted {investigation_id}")


# -- notes ------------------------------------------------------------------------------------------------

def _floor(s: GraphStore, entity_ids: list[str]) -> int:
    gate = NeedToKnow(s, ttl=0.0)
    return max(clearance_floor(gate, e) for e in entity_ids)


def _check_handling(s: GraphStore, handling: str, entity_ids: list[str]) -> str:
    level = handling.strip().upper()
    if level not in SCHEMA.handling_levels:
        raise InvalidInput(f"handling is one of {', '.join(SCHEMA.handling_levels)}")
    floor = _floor(s, entity_ids) if entity_ids else 0
    if floor > SCHEMA.handling_rank(level):
        raise Forbidden(f"what this is about is seen only at {SCHEMA.handling_levels[floor]} or above; "
                        f"use --handling {SCHEMA.handling_levels[floor]} (or higher)")
    return level


@notes_app.command("add")
def notes_add(
    target: Annotated[str, typer.Argument(help="Entity id, or a relation as SOURCE|TYPE|TARGET.")],
    text: Annotated[str, typer.Argument(help="The note.")],
    handling: HandlingOption = TOP, who: WhoOption = None, store: StoreOption = None, json_out: JsonOption = False,
) -> None:
    """Write a note on an entity or a relation."""
    with open_existing_store(store) as s:
        parts = target.split("|")
        ends = [s.get_entity(p).entity_id for p in (parts[::2] if len(parts) == 3 else parts)]
        subject = notes.relation_key(ends[0], parts[1], ends[1]) if len(parts) == 3 else ends[0]
        row = notes.add(s, _who(who), subject, text, _check_handling(s, handling, ends))
    emit(row, json_out, lambda r: [f"note {r['note_id']} on {r['target']} ({r['handling']})"])


@notes_app.command("list")
def notes_list(target: Annotated[str | None, typer.Argument(help="Entity id or SOURCE|TYPE|TARGET.")] = None,
               store: StoreOption = None, json_out: JsonOption = False) -> None:
    """Notes (on one entity or relation), oldest first."""
    with open_existing_store(store) as s:
        rows = notes.list_notes(s, target)
    emit(rows, json_out, lambda rows: [f"{r['at']}  {r['author']}  [{r['handling']}]  {r['target']}: {r['text']}"
                                       for r in rows] or ["no notes"])


# -- analyst entries --------------------------------------------------------------------------------------

def _enter(entry: AnalystEntry, store: str | None, command: str) -> dict[str, Any]:
    with open_existing_store(store) as s:
        def existing(entity_id: str) -> Entity | None:
            try:
                return s.get_entity(entity_id)
            except EntityNotFound:
                return None

        gate = NeedToKnow(s, ttl=0.0)
        extraction = build_entry(entry, existing, lambda eid: clearance_floor(gate, eid))
        status = s.write(extraction)
    summary = {**entry_summary(extraction), "status": status}
    _audit(store, entry.who, command, {"reason": entry.reason, "handling": entry.handling,
                                       "doc_id": summary["doc_id"], "entities": summary["entities"],
                                       "links": summary["links"]})
    return summary


def _entry_lines(r: dict[str, Any]) -> list[str]:
    return [f"{r['status']} analyst entry {r['doc_id'][:12]} ({r['handling']}): {r['provenance']}",
            *(f"  entity {e}" for e in r["entities"]),
            *(f"  link {x['source']} -{x['type']}-> {x['target']}" for x in r["links"])]


WhyOption = Annotated[str, typer.Option("--why", help="The reason, kept as provenance.")]


@analyst_app.command("entity")
def analyst_entity(
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="Entity type, e.g. PERSON.")],
    name: Annotated[str, typer.Argument(help="Name.")],
    why: WhyOption,
    link: Annotated[list[str] | None, typer.Option("--link", help="TYPE:ENTITY_ID, a link from the new entity "
                                                   "(repeat), e.g. ASSOCIATE_OF:person:jan-peeters.")] = None,
    handling: HandlingOption = TOP, who: WhoOption = None, store: StoreOption = None, json_out: JsonOption = False,
) -> None:
    """Enter an entity by hand (optionally linked to existing ones)."""
    from graph.ids import entity_id

    new_id = entity_id(SCHEMA.node_name(type_), name)
    links = [NewLink(new_id, spec.split(":", 1)[0], spec.split(":", 1)[1]) for spec in link or []]
    entry = AnalystEntry(who=_who(who), reason=why, handling=handling.upper(), entities=[NewEntity(type_, name)],
                         links=links)
    emit(_enter(entry, store, "analyst entity"), json_out, _entry_lines)


@analyst_app.command("link")
def analyst_link(
    source: Annotated[str, typer.Argument(help="Entity id.")],
    relation: Annotated[str, typer.Argument(help="Relation type, e.g. ASSOCIATE_OF.")],
    target: Annotated[str, typer.Argument(help="Entity id.")],
    why: WhyOption,
    date: Annotated[str | None, typer.Option("--date", help="When it happened (YYYY-MM-DD), if known.")] = None,
    handling: HandlingOption = TOP, who: WhoOption = None, store: StoreOption = None, json_out: JsonOption = False,
) -> None:
    """Enter a link between two existing entities by hand."""
    entry = AnalystEntry(who=_who(who), reason=why, handling=handling.upper(),
                         links=[NewLink(source, relation, target, date)])
    emit(_enter(entry, store, "analyst link"), json_out, _entry_lines)


@analyst_app.command("list")
def analyst_list(store: StoreOption = None, json_out: JsonOption = False) -> None:
    """Analyst entries in the store."""
    with open_existing_store(store) as s:
        rows = [r for r in s.list_documents(limit=100_000) if r.get("format") == FORMAT]
    emit(rows, json_out, lambda rows: [f"{r['doc_id'][:12]}  {r['handling']}  {r['source']}" for r in rows]
         or ["no analyst entries"])


@analyst_app.command("retract")
def analyst_retract(doc_id: str, who: WhoOption = None, store: StoreOption = None) -> None:
    """Retract an analyst entry and the facts it added."""
    with open_existing_store(store) as s:
        if s.get_document(doc_id).format != FORMAT:
            raise Forbidden("this is a case file, not an analyst entry; case files are removed with DELETE /documents/ID (admin)")
        s.delete_document(doc_id)
    _audit(store, _who(who), "analyst retract", {"doc_id": doc_id})
    typer.echo(f"retracted {doc_id}")


def register(app: typer.Typer) -> None:
    app.add_typer(investigations_app, name="investigations")
    app.add_typer(notes_app, name="notes")
    app.add_typer(analyst_app, name="analyst")
