"""Store administration: ``migrate`` between backends and analysts' read-only ``cypher``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, open_store_from
from graph.errors import InvalidInput, UnsupportedStore
from graph.store import open_store


def migrate(
    from_url: Annotated[str, typer.Option("--from", help="Source store URL (sqlite:///a.db or neo4j://...).")],
    to_url: Annotated[str, typer.Option("--to", help="Target store URL; must be empty unless --clear.")],
    clear: Annotated[bool, typer.Option("--clear", help="Empty the target store first.")] = False,
    batch_size: Annotated[int, typer.Option(help="Documents per write transaction.")] = 100,
    json_out: JsonOption = False,
) -> None:
    """Copy a whole graph between stores: documents, entities, mentions, relations with evidence, decisions."""
    from graph.store.migrate import migrate as copy_graph

    def progress(done: int, total: int) -> None:
        if not json_out:
            typer.echo(f"\r{done}/{total} documents", nl=False, err=True)

    with closing(open_store(from_url)) as source, closing(open_store(to_url)) as target:
        summary = copy_graph(source, target, batch_size=batch_size, clear=clear, progress=progress)
    if not json_out:
        typer.echo("", err=True)  # ends the progress line
    emit(summary, json_out, _migrate_lines)


def _migrate_lines(summary: dict[str, Any]) -> Iterator[str]:
    yield (f"copied {summary['documents']} documents, {summary['entities']} entities, "
           f"{summary['relations']} relations ({summary['evidence']} pieces of evidence) and "
           f"{summary['decisions']} decisions from {summary['source']} to {summary['target']} "
           f"in {summary['seconds']} s")
    if not summary["identical_counts"]:
        yield typer.style("warning: the two stores' counts differ; compare `havengraph stats` on both", fg="yellow")


def cypher(
    query: Annotated[str, typer.Argument(help='A read-only Cypher query, e.g. "MATCH (p:Person) RETURN p.name".')],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Query parameter name=JSON value "
                                                    "(repeatable), e.g. -p id='\"person:jan-peeters\"'.")] = None,
    limit: Annotated[int, typer.Option(help="Maximum number of rows.")] = 1000,
    timeout: Annotated[float, typer.Option(help="Seconds before the query is stopped.")] = 10.0,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Run read-only Cypher on a Neo4j store (writes are refused by the database)."""
    params = _params(param or [])
    with open_store_from(store) as s:
        run = getattr(s, "run_read_cypher", None)
        if run is None:
            raise UnsupportedStore(f"Cypher needs a Neo4j store; {s.url} is not one (use --store neo4j://...)")
        rows = run(query, params, limit=limit, timeout=timeout)
    emit(rows, json_out, _cypher_lines)
    if not json_out and getattr(rows, "truncated", False):
        typer.echo(f"({rows.reason}; narrow the query for the rest)", err=True)
    elif not json_out and len(rows) == limit and rows:
        typer.echo(f"(stopped at --limit {limit} rows)", err=True)


def _cypher_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    if not rows:
        yield "no rows"
        return
    keys = list(rows[0])
    yield "\t".join(keys)
    for row in rows:
        yield "\t".join(_cell(row.get(k)) for k in keys)


def _params(items: list[str]) -> dict[str, Any]:
    out = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name.strip():
            raise InvalidInput(f"--param needs name=value, not {item!r}")
        try:
            out[name.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            out[name.strip()] = raw  # a bare word is taken as a string
    return out


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


def register(app: typer.Typer) -> None:
    app.command("migrate")(migrate)
    app.command("cypher")(cypher)
