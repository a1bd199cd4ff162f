"""``havengraph timeline`` and ``havengraph expand``: time and filters on the command line.

Both take the filter options of the API (``--type``, ``--relation-type``, ``--weak/--no-weak``,
``--min-grading``, ``--from``, ``--to``, ``--max-handling``, ``--undated``: see
:mod:`api.cli.filter_options`) and call one library function.
``analyze paths --time-ordered`` goes through :func:`timed_paths` here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, open_existing_store
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
)
from graph.errors import EntityNotFound, InvalidInput
from graph.filters import GraphFilter
from graph.ids import fold
from graph.snippets import snippet

EntityArg = Annotated[str, typer.Argument(help="Entity id or exact name.")]

def resolve(store: Any, ref: str) -> str:
    """The entity id ``ref`` names: an id (or one merged away), else a unique exact name or alias."""
    try:
        return str(store.get_entity(ref).entity_id)
    except EntityNotFound:
        key = fold(ref)
        hits = [e.entity_id for e in store.search(ref, limit=10)
                if fold(e.name) == key or any(fold(a) == key for a in e.aliases)]
        if len(hits) == 1:
            return str(hits[0])
        if hits:
            raise InvalidInput(f"{ref!r} names {len(hits)} entities ({', '.join(hits[:5])}); give an entity id") \
                from None
        raise


def timeline(
    entity: EntityArg,
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    weak: WeakOpt = True,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
    limit: Annotated[int, typer.Option("--limit", help="Most events.", min=1, max=5000)] = 500,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """An entity's dated events, oldest first, each with its sentence and document."""
    from graph.analysis.timeline import timeline as build

    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    with open_existing_store(store) as s:
        out = build(s, resolve(s, entity), flt, limit=limit)
    emit(out, json_out, _timeline_lines)


def _timeline_lines(out: dict[str, Any]) -> Iterator[str]:
    yield f"{out['entity']['name']} ({out['entity']['entity_id']}): {len(out['events'])} dated events"
    for e in out["events"]:
        yield f"{e['date'][:10]}  {e['source_name']} -[{e['type']}]- {e['target_name']}"
        yield f"            {snippet(e['sentence'], (e['source_name'], e['target_name']))!r} ({e['doc_id'][:12]}{', ' + e['grading'] if e['grading'] else ''})"
    if out["undated"]:
        yield f"({out['undated']} pieces of evidence carry no date)"


def expand(
    entity: EntityArg,
    cap: Annotated[int, typer.Option("--cap", help="Most neighbours shown.", min=1, max=200)] = 25,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many (show more).", min=0)] = 0,
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    weak: WeakOpt = True,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """An entity's neighbours under a filter, strongest ties first, a page at a time."""
    from graph.analysis.expand import expand as build

    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    with open_existing_store(store) as s:
        out = build(s, resolve(s, entity), flt, cap=cap, offset=offset)
    emit(out, json_out, _expand_lines)


def _expand_lines(out: dict[str, Any]) -> Iterator[str]:
    names = {n["entity_id"]: n["name"] for n in out["nodes"]}
    yield f"{names[out['focus']]}: {out['shown']} of {out['total']} neighbours"
    for node in out["nodes"][1:]:
        types = sorted({e["type"] for e in out["edges"] if out["focus"] in (e["source"], e["target"])
                        and node["entity_id"] in (e["source"], e["target"])})
        yield f"  {node['name']} ({node['type']}) {'/'.join(types)}"
    if out["next_offset"] is not None:
        yield f"more: --offset {out['next_offset']}"


def timed_paths(store: Any, source: str, target: str, max_hops: int, include_weak: bool,
                date_from: str | None, date_to: str | None, ordered: bool) -> list[dict[str, Any]]:
    """A time-ordered path, or the shortest path within dates (a relation is inside them when one of
    its dates is; undated relations count, as everywhere), in the shape of ``analyze paths`` output,
    plus ``hop_dates`` (``None`` for an undated hop)."""
    from graph.analysis.filtered import filtered_path

    flt = GraphFilter.build(include_weak=include_weak, date_from=date_from, date_to=date_to)
    out = filtered_path(store, resolve(store, source), resolve(store, target), flt, max_depth=max_hops,
                        time_ordered=ordered)
    edges = [{"source": e["source"], "target": e["target"], "types": [e["type"]], "evidence": e["evidence"]}
             for e in out["edges"]]
    dates = out.get("hop_dates") or [min((ev["date"] for ev in e["evidence"] if ev.get("date")), default=None)
                                     for e in out["edges"]]
    return [{"length": out["hops"], "nodes": out["nodes"], "edges": edges, "hop_dates": dates}]


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(expand)
