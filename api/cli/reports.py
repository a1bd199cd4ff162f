"""``havengraph report``: an investigation (or a list of entities) as an i2 chart or a printable report."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated, Literal

import typer

from api.cli.common import StoreOption, open_existing_store
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
from api.investigation_report import effective_filter, gather, html_to_pdf, report_html
from api.security.roles import ROLES
from graph import investigations, notes
from graph.i2_anx import to_anx


def report(
    investigation_id: Annotated[str | None, typer.Argument(help="A saved investigation (havengraph investigations "
                                                           "list).")] = None,
    entity: Annotated[list[str] | None, typer.Option("--entity", help="Or: entity ids to report on (repeat).")] = None,
    fmt: Annotated[Literal["html", "pdf", "anx"], typer.Option("--format", help="html (print CSS), pdf (headless "
                                                               "Chromium) or anx (i2 Analyst's Notebook).")] = "html",
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: INVESTIGATION.FORMAT).")] = None,
    type: TypeOpt = None,
    relation_type: RelOpt = None,
    weak: WeakOpt = False,
    min_grading: GradingOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    max_handling: HandlingOpt = None,
    undated: UndatedOpt = "include",
    who: Annotated[str | None, typer.Option("--who", help="Name printed as the author.")] = None,
    store: StoreOption = None,
) -> None:
    """Write an investigation as an i2 chart (ANX) or a report with evidence, hashes and manifest
    (the relations among its entities that pass the filter options; without any, the filters
    saved with the investigation)."""
    flt = build_filter(type, relation_type, weak, min_grading, date_from, date_to, max_handling, undated)
    name = who or getpass.getuser()
    with open_existing_store(store) as s:
        found = investigations.get(s, investigation_id, name, ROLES) if investigation_id else None
        flt = effective_filter(found, flt)
        sub, positions, title, summary = gather(s, found, entity, flt)
        target = out or Path(f"{investigation_id or 'havengraph-report'}.{fmt}")
        if fmt == "anx":
            target.write_bytes(to_anx(sub, positions))
        else:
            subjects = {n.entity_id for n in sub.nodes} | {notes.relation_key(r.source, r.type, r.target)
                                                           for r in sub.edges}
            page = report_html(s, sub, title=title, who=name, summary=summary,
                               notes=[n for n in notes.list_notes(s) if n["target"] in subjects],
                               query={"investigation_id": investigation_id, "entity_ids": entity,
                                      "filter": flt.to_dict(), "filter_text": flt.describe()})
            if fmt == "html":
                target.write_text(page, encoding="utf-8")
            else:
                target.write_bytes(html_to_pdf(page))
    shown = flt.describe()
    typer.echo(f"wrote {target} ({len(sub.nodes)} entities, {len(sub.edges)} relations"
               + (f"; {shown})" if shown else ")"))


def register(app: typer.Typer) -> None:
    app.command()(report)
