"""Core commands: extract, search, stats, show, viz, serve, demo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, fail, open_existing_store, store_url
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
from graph.errors import NoPath
from graph.model import Entity, Subgraph
from graph.snippets import snippet


def extract(
    file: Annotated[Path, typer.Argument(help="A case file (txt, pdf, docx, html, eml...).")],
    lang: Annotated[str, typer.Option(help="auto, en, fr or nl")] = "auto",
    json_out: JsonOption = False,
) -> None:
    """Extract entities, identifiers and relations from one file (nothing is stored)."""
    from ingest import read_file
    from nlp import Extractor

    if lang not in {"auto", "en", "fr", "nl"}:
        fail(f"--lang must be auto, en, fr or nl, not {lang!r}")
    document = read_file(file)
    extraction = Extractor(lang).extract(document)

    def lines(data: dict[str, Any]) -> Iterator[str]:
        yield f"{file}  language={extraction.document.lang}"
        for ent in data["entities"]:
            yield f"  {ent['type']:<13} {ent['text']!r:<40} {ent['entity_id']}"
        for ident in data["identifiers"]:
            flag = "valid" if ident["valid"] else "INVALID"
            yield f"  {ident['type']:<13} {ident['text']!r:<40} {ident['value']} ({flag})"
        for rel in data["relations"]:
            yield f"  {rel['source']} -[{rel['type']}]-> {rel['target']}"

    emit(extraction.to_json(), json_out, lines)


def search(
    text: Annotated[str, typer.Argument(help="Name, alias or identifier to look for.")],
    type: Annotated[str | None, typer.Option("--type", help="Entity type, e.g. PERSON or COMPANY.")] = None,
    limit: Annotated[int, typer.Option(help="Maximum number of results.")] = 20,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Find entities by name, alias or identifier (case- and accent-insensitive), best match first."""
    with open_existing_store(store) as s:
        found = s.search(text, type=type, limit=limit)
    rows = [{"entity_id": e.entity_id, "name": e.name, "type": e.type, "aliases": e.aliases,
             "identifiers": e.identifiers} for e in found]
    emit(rows, json_out, _search_lines)


def _search_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    if not rows:
        yield "no match"
    for row in rows:
        yield f"{row['entity_id']:<45} {row['type']:<12} {row['name']}"


def stats(store: StoreOption = None, json_out: JsonOption = False) -> None:
    """Counts of documents, entities and relations in the store."""
    with open_existing_store(store) as s:
        data = s.stats()
    emit(data, json_out, _stats_lines)


def _stats_lines(data: dict[str, Any]) -> Iterator[str]:
    for key in ("documents", "entities", "relations", "evidence", "mentions"):
        yield f"{key:<10} {data.get(key, 0)}"
    for type_, n in data.get("entities_by_type", {}).items():
        yield f"  {type_:<14} {n}"


def show(
    entity_id: Annotated[str, typer.Argument(help="Entity id, e.g. person:jan-peeters")],
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
    """An entity with its aliases, identifiers, its own relations and the evidence behind each
    (`havengraph viz` draws the neighbourhood). An id merged away shows the entity it went into."""
    from graph.analysis.filtered import filtered_own_relations

    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    with open_existing_store(store) as s:
        sub = filtered_own_relations(s, entity_id, flt, limit=200)
        entity = sub.nodes[0]
        mentions = s.mentions(entity.entity_id, limit=50)
    data = {**entity.to_dict(), "requested_id": entity_id, "relations": [r.to_dict() for r in sub.edges],
            "mentions": [m.__dict__ for m in mentions]}
    emit(data, json_out, lambda _: _entity_lines(entity, sub, entity_id))


def _entity_lines(entity: Entity, sub: Subgraph, asked: str) -> Iterator[str]:
    names = {n.entity_id: n.name for n in sub.nodes}
    written = {n.entity_id: [n.name, *n.aliases] for n in sub.nodes}
    yield typer.style(f"{entity.name}  [{entity.type}]  {entity.entity_id}", bold=True)
    if asked != entity.entity_id:
        yield f"  ({asked} was merged into {entity.entity_id})"
    if entity.aliases:
        yield "  aliases: " + "; ".join(entity.aliases)
    for scheme, value in entity.identifiers.items():
        yield f"  {scheme}: {value}"
    for rel in sub.edges:
        yield (f"  {names.get(rel.source, rel.source)} -[{rel.type} x{len(rel.evidence)}]{_arrow(rel)} "
               f"{names.get(rel.target, rel.target)}")
        for ev in rel.evidence[:3]:
            ends = [*written.get(rel.source, ()), *written.get(rel.target, ())]
            yield f"      doc {ev.doc_id[:12]} [{ev.start}:{ev.end}] {snippet(ev.sentence, ends)!r}"


def viz(
    entity_id: Annotated[str, typer.Argument(help="Entity id at the centre of the picture.")],
    depth: Annotated[int, typer.Option(help="Hops around the entity (1-3).")] = 2,
    limit: Annotated[int, typer.Option(help="Maximum number of nodes.")] = 150,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("subgraph.html"),
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    weak: WeakOpt = True,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
    store: StoreOption = None,
) -> None:
    """Write a self-contained interactive HTML picture of an entity's neighbourhood (through the
    relations that pass the filter options)."""
    from graph.analysis.filtered import filtered_neighbors
    from graph.visualize import subgraph_html

    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    with open_existing_store(store) as s:
        sub = filtered_neighbors(s, entity_id, flt, depth=depth, limit=limit)
    focus = sub.nodes[0].entity_id  # an id merged away: the entity it went into
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(subgraph_html(sub, focus=focus, title=f"Neighbourhood of {focus}"), encoding="utf-8")
    typer.echo(str(output))


def path(
    source: Annotated[str, typer.Argument(help="Entity id")],
    target: Annotated[str, typer.Argument(help="Entity id")],
    max_depth: Annotated[int, typer.Option(help="Longest path searched.")] = 6,
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    weak: WeakOpt = False,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Shortest path between two entities through relations that pass the filter options, with the
    evidence for every hop (`analyze paths --time-ordered` keeps the hops in date order)."""
    from graph.analysis.filtered import filtered_path_subgraph

    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    with open_existing_store(store) as s:
        try:
            sub = filtered_path_subgraph(s, source, target, flt, max_depth=max_depth)
        except NoPath as exc:
            fail(str(exc))
    emit(sub.to_dict(), json_out, lambda _: _path_lines(sub))


def _arrow(rel: Any) -> str:
    """``->`` for a directed relation, ``-`` for one without direction (CO_MENTIONED, FAMILY_OF...)."""
    from graph.schema import SCHEMA

    return "-" if SCHEMA.relations[rel.type].symmetric else "->"


def _path_lines(sub: Subgraph) -> Iterator[str]:
    """The path, then one line per hop in path order, each relation in its own direction."""
    yield " -> ".join(f"{n.name} [{n.type}]" for n in sub.nodes)
    written = {n.entity_id: [n.name, *n.aliases] for n in sub.nodes}
    for rel in sub.edges:
        ev = rel.evidence[0] if rel.evidence else None
        shown = snippet(ev.sentence, [*written.get(rel.source, ()), *written.get(rel.target, ())], 120) if ev else ""
        yield f"  {rel.source} -[{rel.type}]{_arrow(rel)} {rel.target}: {shown!r}"


def serve(
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    store: StoreOption = None,
    watchlist: Annotated[Path | None, typer.Option(help="Watchlist CSV for 'path to watchlist' and the "
                                                   "suspicious-firms table.")] = None,
) -> None:
    """Serve the query API and web page (OpenAPI at /docs); clients send `Authorization: Bearer KEY`."""
    import uvicorn

    from api.app import create_app
    from api.settings import Settings

    overrides = {"watchlist": str(watchlist)} if watchlist else {}
    settings = Settings(store=store_url(store), host=host, port=port, **overrides)
    if settings.auth:
        for line in key_help(settings.store):
            typer.echo(line, err=True)
    empty = empty_store_help(settings.store)
    if empty:
        typer.echo(empty, err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


def empty_store_help(url: str) -> str:
    """What to do when the store to serve holds no document yet (a mistyped path opens a new, empty one:
    ``sqlite:///case.db`` is relative to the working folder, ``sqlite:////abs/case.db`` absolute)."""
    from contextlib import closing

    from graph.store import open_store

    with closing(open_store(url)) as store:
        if store.stats().get("documents", 0):
            return ""
    return (f"The store {url} holds no documents yet: ingest case files with `havengraph ingest DIR --store {url}`, "
            "or upload them on the page. (Three slashes after sqlite: make a path relative to this folder.)")


def key_help(url: str) -> list[str]:
    """How to get a key for the page and the API (printed by ``serve`` and ``demo``)."""
    from graph.schema import SCHEMA

    store = f" --store {url}" if url != store_url(None) else ""
    return ["The page and the API ask for a key. Make one (it is printed once) with:",
            f"    havengraph users add NAME --role analyst --clearance {SCHEMA.handling_levels[-1]}{store}",
            "(--role viewer|analyst|admin; --clearance is the highest handling code the user may read, "
            f"{SCHEMA.handling_levels[0]} if not given)"]


def demo(
    serve_api: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the API at the end.")] = True,
    store: StoreOption = None,
    out: Annotated[Path, typer.Option(help="Folder for the pictures and tables.")] = Path("out"),
    port: Annotated[int, typer.Option(help="Port for the API.")] = 8000,
) -> None:
    """Ingest the bundled sample case, rank the key players, draw the most central logistics firm, serve."""
    from api.demo import SAMPLE_CASE, demo_key, run_demo

    url = store_url(store) if store else f"sqlite:///{out / 'demo.db'}"
    run_demo(url, out)
    if not serve_api:
        typer.echo(f"to serve it: havengraph serve --store {url} --watchlist {SAMPLE_CASE / 'watchlist.csv'}")
        for line in key_help(url):
            typer.echo(line)
    if serve_api:
        key = demo_key(url)
        typer.secho(f"serving on http://127.0.0.1:{port}/ (API docs at /docs); Ctrl-C to stop", bold=True)
        typer.echo(f"    API key of the demo analyst (paste it in the page): {key}")
        serve(host="127.0.0.1", port=port, store=url, watchlist=SAMPLE_CASE / "watchlist.csv")


def register(app: typer.Typer) -> None:
    for command in (extract, search, stats, show, viz, path, serve, demo):
        app.command()(command)
