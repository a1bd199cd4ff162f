"""``havengraph bulk-load``: a first load of a Neo4j database through Neo4j's own importer."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import emit, fail

LANGS = ("auto", "en", "fr", "nl")


def bulk_load(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to load (folders recursively).",
                                                show_default=False)],
    to: Annotated[str | None, typer.Option("--to", help="The empty Neo4j database: neo4j://user:password@host:7687 "
                                           "(the local server that scripts/neo4j runs).")] = None,
    lang: Annotated[str, typer.Option(help="Language of the documents: auto, en, fr or nl.")] = "auto",
    workers: Annotated[int, typer.Option(min=1, help="Processes for NLP.")] = 1,
    grading: Annotated[str | None, typer.Option(help="Source grading of these files, e.g. B2.")] = None,
    handling: Annotated[str | None, typer.Option(help="Handling code of these files.")] = None,
    mapping: Annotated[Path | None, typer.Option(help="YAML mapping for CSV/XLSX records.")] = None,
    resolve: Annotated[bool, typer.Option("--resolve/--no-resolve", help="Resolve entities as ingest does.")] = True,
    csv_dir: Annotated[Path | None, typer.Option("--csv-dir", help="Keep the importer's CSV files here.")] = None,
    csv_only: Annotated[Path | None, typer.Option(
        "--csv-only", help="Only write the CSV files here and print the neo4j-admin command to run on the "
                           "database host (for a server that is not on this machine).")] = None,
    neo4j_home: Annotated[Path | None, typer.Option(
        "--neo4j-home", help="State folder of the local server (default: HAVENGRAPH_NEO4J_HOME or .cache/neo4j).")]
    = None,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Extract case files as `ingest` does and load them into an EMPTY Neo4j database with neo4j-admin import.

    The local server is stopped for the import and started again; the schema's constraints and
    indexes are created afterwards. The result is the graph `havengraph ingest` would build.
    """
    from graph.store import neo4j_bulk
    from graph.store.sqlite import SQLiteStore
    from ingest import ingest_paths

    if lang not in LANGS:
        fail(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if not to and not csv_only:
        fail("give the target with --to neo4j://user:password@host:7687 (or --csv-only DIR)")
    if to and not csv_only:  # before the extraction, which can take hours: refuse what cannot be loaded
        neo4j_bulk.refuse_unless_importable(to, neo4j_home)
    with tempfile.TemporaryDirectory(prefix="havengraph-bulk-") as tmp:
        staging = Path(tmp) / "staging.db"
        stage = SQLiteStore(f"sqlite:///{staging}")
        try:
            ingested = ingest_paths(paths, stage, lang=lang, workers=workers, progress=not no_progress,
                                    grading=grading, handling=handling, mapping=str(mapping) if mapping else None,
                                    resolve=resolve)
        finally:
            stage.close()
        typer.echo(ingested.summary(), err=True)
        if csv_only:
            counts = neo4j_bulk.write_csvs(staging, csv_only)
            command = "neo4j-admin " + " ".join(neo4j_bulk.import_arguments(csv_only))
            emit({"counts": counts, "csv_dir": str(csv_only), "command": command}, json_out,
                 lambda d: [", ".join(f"{k}: {v}" for k, v in d["counts"].items()),
                            f"with the database stopped, run on its host: {d['command']}"])
            return
        assert to is not None
        loaded = neo4j_bulk.load_staged(staging, to, home=neo4j_home, csv_dir=csv_dir)
    emit({"ingest": ingested.to_dict(), **loaded.to_dict()}, json_out, lambda _: [loaded.summary()])
    if not ingested.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("bulk-load")(bulk_load)
