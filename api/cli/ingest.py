"""``havengraph ingest``: files, folders, relation lists, structured records, a watched folder;
``havengraph export-ftm``: the graph as FollowTheMoney JSON lines."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import StoreOption, emit, fail, open_existing_store, open_store_from
from api.cli.filter_options import (
    FromOpt,
    GradingOpt,
    HandlingOpt,
    RelOpt,
    ToOpt,
    TypeOpt,
    UndatedOpt,
    build_filter,
)

LANGS = ("auto", "en", "fr", "nl")


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files and folders to ingest (folders recursively).",
                                                       show_default=False)] = None,
    store: StoreOption = None,
    edges: Annotated[list[Path] | None, typer.Option(
        "--edges", help="A CSV of relations (source,target[,type,weight,date]); repeatable.")] = None,
    edge_type: Annotated[str, typer.Option("--edge-type", help="Relation type for --edges rows without one.")]
    = "CONTACTED",
    lang: Annotated[str, typer.Option(help="Language of the documents: auto, en, fr or nl.")] = "auto",
    workers: Annotated[int, typer.Option(min=1, help="Processes for NLP.")] = 1,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786) or local:N "
        "(N worker processes here). Resolution and writes stay in this process.")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Re-extract documents already in the store.")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="Write the ingest report as JSON here.")] = None,
    grading: Annotated[str | None, typer.Option(help="Source grading of these files, e.g. B2 "
                                                "(a <file>.meta.yaml sidecar wins).")] = None,
    handling: Annotated[str | None, typer.Option(help="Handling code of these files (a sidecar wins).")] = None,
    mapping: Annotated[Path | None, typer.Option(help="YAML mapping for CSV/XLSX records, or a bundled "
                                                 "mapping's name (port_calls, bills_of_lading...); or a chat "
                                                 "layout (a *.layout.yaml file, or generic_csv, generic_json, "
                                                 "whatsapp_text, phone_report_csv) for chat exports.")] = None,
    watch_dir: Annotated[Path | None, typer.Option("--watch", help="Then keep ingesting what appears in this "
                                                   "folder (Ctrl-C stops).")] = None,
    interval: Annotated[float, typer.Option(help="Seconds between two looks at the --watch folder.")] = 2.0,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar.")] = False,
    resolve: Annotated[bool, typer.Option("--resolve/--no-resolve",
                                          help="Resolve entities against the store (merges are recorded and "
                                               "reversible; see `havengraph review`).")] = True,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Ingest case files (txt, md, pdf incl. scanned, png/jpg/tiff scans, docx, html, eml, mbox, zip, csv, xlsx,
    chat exports, FtM JSON) into the store.

    Files already in the store (same bytes) are skipped; the exit code is 1 when any file failed,
    after the others were ingested.
    """
    from ingest import IngestReport, ingest_edges, ingest_paths
    from ingest.watch import watch

    if lang not in LANGS:
        fail(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if not paths and not edges and not watch_dir:
        fail("give files or folders to ingest, --edges FILE or --watch DIR")
    if watch_dir is not None and not watch_dir.is_dir():
        fail(f"--watch {watch_dir}: not a folder")
    options = {"lang": lang, "workers": workers, "replace": replace, "grading": grading, "handling": handling,
               "mapping": str(mapping) if mapping else None, "resolve": resolve}
    total = IngestReport()
    with open_store_from(store) as db, _cluster(cluster) as client:
        if client is not None:
            options["cluster"] = client
        try:
            for edge_file in edges or []:
                total.merge(ingest_edges(edge_file, db, default_type=edge_type, replace=replace, grading=grading,
                                         handling=handling))
            if paths:
                total.merge(ingest_paths(paths, db, progress=not no_progress, **options))
            if watch_dir is not None:
                typer.echo(f"watching {watch_dir} every {interval:g} s (Ctrl-C to stop)", err=True)
                total.merge(watch(watch_dir, db, interval=interval, progress=False,
                                  on_report=lambda r: typer.echo(r.summary(), err=True), **options))
            from api.cli.alerts import run_after_ingest

            new_hits = run_after_ingest(db, store)
            if new_hits:
                typer.echo(f"{new_hits} new alert hit(s): see `havengraph alerts --unseen`", err=True)
        finally:
            if report:  # also when interrupted: what was done so far
                total.write(report)
    emit(total.to_dict(), json_out, lambda _: [total.summary()])
    if not total.ok:
        raise typer.Exit(1)


def _cluster(spec: str | None) -> AbstractContextManager[Any]:
    """The Dask client for ``--cluster`` (Dask is imported only then), or nothing."""
    if not spec:
        return nullcontext(None)
    from ingest.cluster import open_cluster

    return open_cluster(spec)


def export_ftm(
    output: Annotated[Path, typer.Argument(help="File to write (JSON lines); - for standard output.")],
    store: StoreOption = None,
    weak: Annotated[bool, typer.Option("--weak/--no-weak", help="Also export co-mention links.")] = False,
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
) -> None:
    """Export the graph as FollowTheMoney entities (JSON lines) for Aleph, OpenSanctions tools, ftm.

    The filter options narrow it as they narrow a picture (e.g. --from 2023-01 --to 2023-06 exports the
    relations dated in that half-year and the entities they link)."""
    import sys

    from ingest.ftm import export_ftm as run_export

    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    with open_existing_store(store) as db:
        if str(output) == "-":
            counts = run_export(db, sys.stdout, flt=flt)
        else:
            with open(output, "w", encoding="utf-8") as fh:
                counts = run_export(db, fh, flt=flt)
    typer.echo(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())), err=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("export-ftm")(export_ftm)
