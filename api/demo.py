"""The demo: bundled sample case in, ranked players and a picture out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from graph.schema import SCHEMA
from graph.store import open_store
from ingest.sample import SAMPLE_CASE, sample_case_files, sample_watchlist


def demo_key(store_url: str, name: str = "demo") -> str:
    """A fresh analyst key for the demo user (any previous demo key is revoked)."""
    from api.security.keys import KeyStore, keys_db_path
    from api.settings import Settings

    keys = KeyStore(keys_db_path(store_url, Settings().keys_db))
    try:
        keys.revoke(name)
        return keys.add_user(name, "analyst", clearance=SCHEMA.handling_levels[-1])
    finally:
        keys.close()


def run_demo(store_url: str, out: Path, sample: Path = SAMPLE_CASE) -> dict[str, Any]:
    """Ingest ``sample``, rank by centrality, score firms against the watchlist, draw; returns what went where."""
    from graph.analysis import centrality, suspicious_links
    from graph.analysis.suspicious import is_logistics
    from graph.visualize import subgraph_html
    from ingest import ingest_paths

    out.mkdir(parents=True, exist_ok=True)
    store = open_store(store_url)
    try:
        typer.secho(f"1/4 ingesting the sample case from {sample}", bold=True)
        report = ingest_paths(sample_case_files(sample), store, progress=True)
        typer.echo(f"    {report.ingested} ingested, {report.skipped} unchanged, {len(report.failed)} failed")
        counts = store.stats()
        typer.echo(f"    store: {counts['documents']} documents, {counts['entities']} entities, "
                   f"{counts['relations']} relations")

        typer.secho("2/4 key players: people, firms and groups by betweenness (typed links only)", bold=True)
        graph = store.projection(include_weak=False)
        top = centrality(graph, measure="betweenness", top=10, types=["PERSON", "COMPANY", "ORGANIZATION"])
        for row in top:
            typer.echo(f"    {row['score']:.3f}  {row['type']:<12} {row['name']}")
        (out / "centrality.json").write_text(json.dumps(top, indent=2, ensure_ascii=False), encoding="utf-8")

        typer.secho("3/4 logistics firms ranked against the watchlist", bold=True)
        watchlist = sample_watchlist(sample)
        ranked = suspicious_links(graph, watchlist, top=10, store=store)
        rows = [r if isinstance(r, dict) else r.to_dict() for r in ranked]
        for row in rows[:5]:
            typer.echo(f"    {row['score']:.3f}  {row['name']}")
        if getattr(ranked, "untied", 0):
            typer.echo(f"    ({ranked.untied} more with no tie to the watchlist, not listed)")
        (out / "suspicious_links.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False, default=str),
                                                   encoding="utf-8")

        typer.secho("4/4 picture of the most central logistics firm", bold=True)
        firms = [r for r in centrality(graph, measure="degree", types=["COMPANY"])
                 if is_logistics(graph.nodes[r["entity_id"]])]
        focus = rows[0]["entity_id"] if rows else (firms[0]["entity_id"] if firms else top[0]["entity_id"])
        sub = store.neighbors(focus, depth=2, limit=150)
        sizes = {r["entity_id"]: r["score"] for r in centrality(graph, measure="pagerank")}
        page = out / "subgraph.html"
        page.write_text(subgraph_html(sub, focus=focus, title=f"Havengraph demo: around {focus}", sizes=sizes),
                        encoding="utf-8")
    finally:
        store.close()
    where = {"store": store_url, "centrality": str(out / "centrality.json"),
             "suspicious_links": str(out / "suspicious_links.json"), "subgraph": str(page)}
    typer.secho("done:", bold=True)
    for key, value in where.items():
        typer.echo(f"    {key:<17} {value}")
    return where
