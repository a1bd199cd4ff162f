"""``havengraph analyze ...``: centrality, communities, brokers, paths, suspicious links, predictions, exports.

Each command opens the store, projects it, calls one function of :mod:`graph.analysis` and prints
the result (``--json`` for machine-readable output; ``--csv FILE`` writes a result table).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import JsonOption, StoreOption, emit, fail, open_existing_store
from graph.snippets import snippet

app = typer.Typer(name="analyze", help="Network analysis: who holds the network together, who bridges it, "
                  "which firms look infiltrated.", no_args_is_help=True)

TopOption = Annotated[int, typer.Option("--top", help="Number of rows.", min=1)]
CsvOption = Annotated[Path | None, typer.Option("--csv", help="Also write the result table to this CSV file.")]
WeakOption = Annotated[bool, typer.Option("--weak/--no-weak",
                                          help="Count weak co-mentions (CO_MENTIONED) as ties.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only ties seen on or after this date (ISO).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only ties seen on or before this date (ISO).")]
SeedOption = Annotated[int, typer.Option("--seed", help="Random seed (same seed, same result).")]


def _graph(store: Any, weak: bool = True, since: str | None = None, until: str | None = None,
           entities: bool = False) -> Any:
    from graph.analysis import project

    return project(store, include_weak=weak, since=since, until=until, entities=entities)


def _table(rows: list[dict[str, Any]], csv_path: Path | None) -> None:
    if csv_path is not None:
        from graph.analysis import write_table

        n = write_table(rows, csv_path)
        typer.echo(f"{n} rows written to {csv_path}", err=True)


def centrality(
    measure: Annotated[str, typer.Option("--measure", help="degree, betweenness, eigenvector, pagerank or closeness.")]
    = "degree",
    top: TopOption = 20,
    type: Annotated[list[str] | None, typer.Option("--type", help="Only this entity type (repeatable).")] = None,
    weighted: Annotated[bool | None, typer.Option("--weighted/--unweighted",
                                                  help="Use tie strength (default: PageRank only).")] = None,
    k: Annotated[int | None, typer.Option("--k", help="Betweenness from k sampled sources.", min=1)] = None,
    seed: SeedOption = 0,
    weak: WeakOption = True,
    since: SinceOption = None,
    until: UntilOption = None,
    store: StoreOption = None,
    csv: CsvOption = None,
    json_out: JsonOption = False,
) -> None:
    """Rank entities by centrality, best first (networkx definitions; see graph/analysis/centrality.py)."""
    from graph.analysis import centrality as run

    with open_existing_store(store) as s:
        rows = run(_graph(s, weak, since, until), measure, top=top, types=type, weighted=weighted, k=k, seed=seed)
    _table(rows, csv)
    emit(rows, json_out, _centrality_lines)


def _centrality_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield f"{row['score']:.6f}  {row['type']:<12} {row['name']}  ({row['entity_id']})"


def communities(
    method: Annotated[str, typer.Option("--method", help="louvain or leiden.")] = "louvain",
    resolution: Annotated[float, typer.Option("--resolution", help="Higher gives smaller groups.")] = 1.0,
    seed: SeedOption = 0,
    members: Annotated[bool, typer.Option("--members/--no-members", help="List every member.")] = False,
    weak: WeakOption = True,
    since: SinceOption = None,
    until: UntilOption = None,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Find communities (Louvain or Leiden) with modularity and a summary of each."""
    from graph.analysis import communities as run

    with open_existing_store(store) as s:
        result = run(_graph(s, weak, since, until), method, resolution=resolution, seed=seed)

    def lines(data: dict[str, Any]) -> Iterator[str]:
        yield f"{data['count']} communities, modularity {data['modularity']:.3f} ({method}, seed {seed})"
        for c in data["communities"]:
            keys = ", ".join(m["name"] for m in c["key_members"][:3])
            types = ", ".join(f"{t} {n}" for t, n in c["types"].items())
            yield f"  #{c['id']:<3} {c['size']:>5} members  [{types}]  key: {keys}"

    emit(result.to_dict(members=members), json_out, lines)


def brokers(
    top: TopOption = 20,
    k: Annotated[int | None, typer.Option("--k", help="Sampled sources on large graphs.", min=1)] = None,
    seed: SeedOption = 0,
    weak: WeakOption = True,
    store: StoreOption = None,
    csv: CsvOption = None,
    json_out: JsonOption = False,
) -> None:
    """Entities that bridge communities (inter-community betweenness, Burt's constraint and effective size)."""
    from graph.analysis import brokers as run

    with open_existing_store(store) as s:
        rows = run(_graph(s, weak), top=top, k=k, seed=seed)
    _table(rows, csv)
    emit(rows, json_out, _broker_lines)


def _broker_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        c = "-" if row["constraint"] is None else f"{row['constraint']:.3f}"
        yield (f"{row['bridging']:.4f}  constraint {c}  reaches {row['communities_reached']}  "
               f"{row['type']:<12} {row['name']}")


def paths(
    source: Annotated[str, typer.Argument(help="Entity id or exact name.")],
    target: Annotated[str, typer.Argument(help="Entity id or exact name.")],
    k: Annotated[int, typer.Option("--k", help="Number of shortest paths.", min=1, max=20)] = 1,
    include_weak: Annotated[bool, typer.Option("--include-weak", help="Allow weak co-mentions.")] = False,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=8)] = 6,
    time_ordered: Annotated[bool, typer.Option("--time-ordered", help="Each hop dated no earlier than the one "
                                               "before (i2's time-ordered path).")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    store: StoreOption = None,
    json_out: JsonOption = False,
) -> None:
    """Shortest paths between two entities, each hop with its evidence (documents and sentences)."""
    from graph.analysis import evidence_paths

    with open_existing_store(store) as s:
        if time_ordered or since or until:
            from api.cli.timeline import timed_paths

            found = timed_paths(s, source, target, max_hops, include_weak, since, until, time_ordered)
        else:
            found = evidence_paths(s, source, target, k=k, include_weak=include_weak, max_hops=max_hops)
    emit(found, json_out, _path_lines)


def _path_lines(found: list[dict[str, Any]]) -> Iterator[str]:
    for i, p in enumerate(found, 1):
        yield f"path {i}: {p['length']} hops: " + " - ".join(n["name"] for n in p["nodes"])
        names = {n["entity_id"]: n["name"] for n in p["nodes"]}
        for j, e in enumerate(p["edges"]):
            when = f"  {p['hop_dates'][j] or 'undated'}" if p.get("hop_dates") else ""
            yield f"  {e['source']} -[{'/'.join(e['types'])}]- {e['target']}{when}"
            for ev in e["evidence"]:
                ends = [names.get(e["source"], e["source"]), names.get(e["target"], e["target"])]
                yield f"      {ev['doc_id'][:12]} {snippet(ev['sentence'], ends)!r}"


def _watchlist_entries(watchlist: Path | None) -> list[Any]:
    from api.settings import Settings
    from graph.analysis import read_watchlist

    path = watchlist or (Path(Settings().watchlist) if Settings().watchlist else None)
    return read_watchlist(path) if path else []


def suspicious_links(
    watchlist: Annotated[Path | None, typer.Option("--watchlist", help="CSV with a name column (optional type, "
                                                   "identifier). Default: HAVENGRAPH_WATCHLIST; entities tagged "
                                                   "watchlist: true always count.")] = None,
    top: TopOption = 20,
    kind: Annotated[str, typer.Option("--kind", help="firms, insiders or all.")] = "firms",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date for recency (ISO).")] = None,
    store: StoreOption = None,
    csv: CsvOption = None,
    json_out: JsonOption = False,
) -> None:
    """Rank logistics firms (or port insiders) by an explained score against a watchlist."""
    from graph.analysis import match_watchlist
    from graph.analysis import suspicious_links as run

    entries = _watchlist_entries(watchlist)
    with open_existing_store(store) as s:
        G = _graph(s, entities=True)
        match = match_watchlist(G, entries)
        for entry in match.unmatched:
            typer.echo(f"warning: watchlist entry {entry.name or entry.identifier!r} matches no entity", err=True)
        ranked = run(G, match, top=top, kind=kind, as_of=as_of, store=s)
    rows = [r.to_dict() for r in ranked]
    _table(rows, csv)
    emit(rows, json_out, _suspicious_lines)
    untied = getattr(ranked, "untied", 0)
    if untied:
        what = "firm" if kind == "firms" else "candidate"
        typer.echo(f"{untied} {what}{'s' if untied > 1 else ''} with no tie to the watchlist "
                   f"{'are' if untied > 1 else 'is'} not listed", err=True)


def _suspicious_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for r in rows:
        yield f"{r['rank']:>3}. {r['score']:.3f}  {r['name']}  ({r['entity_id']})"
        yield f"       {r['explanation']['summary']}"


def predict_links(
    watchlist: Annotated[Path | None, typer.Option("--watchlist", help="Predict links from these entities.")]
    = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Entity id to predict from (repeatable).")]
    = None,
    method: Annotated[str, typer.Option("--method", help="adamic_adar, resource_allocation, common_neighbors, "
                                        "jaccard.")] = "adamic_adar",
    top: TopOption = 20,
    store: StoreOption = None,
    csv: CsvOption = None,
    json_out: JsonOption = False,
) -> None:
    """Likely hidden links from watchlisted entities (predictions: shown, never stored)."""
    from graph.analysis import match_watchlist
    from graph.analysis import predict_links as run

    with open_existing_store(store) as s:
        G = _graph(s, weak=False, entities=True)
        sources = list(source or []) or match_watchlist(G, _watchlist_entries(watchlist)).entity_ids
        if not sources:
            fail("no source entity: give --source ID, --watchlist FILE or set HAVENGRAPH_WATCHLIST")
        rows = run(G, sources, method=method, top=top)
    _table(rows, csv)
    emit(rows, json_out, _prediction_lines)


def _prediction_lines(rows: list[dict[str, Any]]) -> Iterator[str]:
    for r in rows:
        via = ", ".join(c["name"] for c in r["common_neighbors"][:3])
        yield f"{r['score']:.3f}  {r['source']['name']} ~ {r['target']['name']}  (via {via}) [predicted]"


def export(
    fmt: Annotated[str, typer.Option("--format", help="graphml or gexf.")] = "graphml",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path("havengraph.graphml"),
    with_scores: Annotated[bool, typer.Option("--scores/--no-scores",
                                              help="Add degree, PageRank and betweenness columns.")] = True,
    weak: WeakOption = True,
    since: SinceOption = None,
    until: UntilOption = None,
    store: StoreOption = None,
) -> None:
    """Write the projection for Gephi or Cytoscape (GraphML or GEXF); --since/--until keep the ties
    seen in that window (undated ties kept), as the other analyses do."""
    from graph.analysis import centrality_scores, write_graph

    with open_existing_store(store) as s:
        G = _graph(s, weak, since, until, entities=True)
    scores = {m: centrality_scores(G, m) for m in ("degree", "pagerank", "betweenness")} if with_scores else None
    written = write_graph(G, output, fmt, scores=scores)
    typer.echo(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges written to {output} ({written})")


def register(root: typer.Typer) -> None:
    for command in (centrality, communities, brokers, paths, export):
        app.command()(command)
    app.command("suspicious-links")(suspicious_links)
    app.command("predict-links")(predict_links)
    root.add_typer(app, name="analyze")
