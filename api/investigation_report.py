"""A printable investigation report: HTML with print CSS, and PDF through headless Chromium.

The report is built from the same evidence package a court would get (:mod:`api.security.evidence_package`):
every relation with its evidence sentences, each document's SHA-256 (and the hash of its stored
text), and the package manifest with the SHA-256 of every file and of the manifest itself, so a
reader can check the printed page against the package. It is read through the caller's cleared
view: nothing above their clearance is printed.
"""

from __future__ import annotations

import html
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from api.security.evidence_package import build_package, sha256
from graph.errors import ToolUnavailable
from graph.filters import GraphFilter
from graph.model import Subgraph
from graph.store.base import GraphStore

__all__ = ["gather", "html_to_pdf", "report_html"]

PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm; }
body { font: 10.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 60em; margin: 1.5em auto; }
h1 { font-size: 17pt; margin: 0 0 .2em; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; } th, td { border: 1px solid #bbb; padding: 2px 5px;
  text-align: left; vertical-align: top; } th { background: #eee; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
.meta { color: #444; } .analyst { font-style: italic; } .handling { font-weight: bold; letter-spacing: .05em; }
blockquote { margin: .2em 0 .2em 1em; padding-left: .6em; border-left: 3px solid #2e86ab; }
.relation { break-inside: avoid; margin-bottom: .8em; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr, .relation { break-inside: avoid; }
  a { color: inherit; text-decoration: none; } }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _package(view: GraphStore, sub: Subgraph, query: dict[str, Any], who: str) -> dict[str, Any]:
    data = build_package(view, sub, query, who)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest_bytes = zf.read("manifest.json")
        documents = json.loads(zf.read("documents.json"))
    return {"sha256": sha256(data), "manifest": json.loads(manifest_bytes), "manifest_sha256": sha256(manifest_bytes),
            "documents": documents}


def _store_label(url: str) -> str:
    """The store as the report names it: an embedded store by its file name only (no server paths)."""
    if url.startswith("sqlite:"):
        return "embedded store " + Path(url.split("sqlite://", 1)[1]).name
    return url  # already without a password


def report_html(view: GraphStore, sub: Subgraph, *, title: str, who: str, query: dict[str, Any],
                notes: list[dict[str, Any]] | None = None, summary: str = "") -> str:
    """The report as one self-contained HTML page (no external resources)."""
    package = _package(view, sub, query, who)
    names = {n.entity_id: n.name for n in sub.nodes}
    titles = {d["doc_sha256"]: d["title"] for d in package["documents"]}
    levels = sorted({d["handling"] or "unmarked" for d in package["documents"]})
    now = datetime.now(UTC).isoformat(timespec="seconds")
    out = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{_e(title)}</title>",
           f"<style>{PRINT_CSS}</style></head><body>",
           f"<h1>{_e(title)}</h1>",
           f"<p class='meta'>Prepared by {_e(who)} on {_e(now)} from {_e(_store_label(view.url))}. "
           f"Handling of the sources: <span class='handling'>{_e(', '.join(levels) or 'none')}</span>. "
           f"{len(sub.nodes)} entities, {len(sub.edges)} relations, {len(package['documents'])} documents.</p>"]
    shown = query.get("filter_text")
    if shown:
        out.append(f"<p class='meta filter'>Filter: {_e(shown)}.</p>")
    if summary:
        out.append(f"<h2>Summary</h2><p>{_e(summary)}</p>")
    out.append("<h2>Entities</h2><table><tr><th>Name</th><th>Type</th><th>Id</th><th>Identifiers</th></tr>")
    for n in sub.nodes:
        prov = n.properties.get("provenance")
        mark = f"<br><span class='analyst'>entered by hand — {_e(prov)}</span>" if prov else ""
        idents = ", ".join(f"{k} {v}" for k, v in sorted(n.identifiers.items()))
        out.append(f"<tr><td>{_e(n.name)}{mark}</td><td>{_e(n.type)}</td><td class='hash'>{_e(n.entity_id)}</td>"
                   f"<td>{_e(idents)}</td></tr>")
    out.append("</table><h2>Relations and their evidence</h2>")
    for rel in sub.edges:
        out.append(f"<div class='relation'><strong>{_e(names.get(rel.source, rel.source))} — {_e(rel.type)} → "
                   f"{_e(names.get(rel.target, rel.target))}</strong> ({len(rel.evidence)} "
                   f"piece{'' if len(rel.evidence) == 1 else 's'} of evidence)")
        for ev in rel.evidence:
            where = f"characters {ev.start}–{ev.end}" + (f", page {ev.page}" if ev.page else "")
            when = f", dated {_e(ev.date)}" if ev.date else ""
            out.append(f"<blockquote>{_e(ev.sentence)}<br><span class='meta'>{_e(titles.get(ev.doc_id, ''))} "
                       f"<span class='hash'>sha256 {_e(ev.doc_id)}</span>, {where}, {_e(ev.method)}{when}</span>"
                       "</blockquote>")
        out.append("</div>")
    if notes:
        out.append("<h2>Analysts' notes</h2><table><tr><th>On</th><th>Note</th><th>By, when</th><th>Handling</th></tr>")
        for n in notes:
            out.append(f"<tr><td class='hash'>{_e(n['target'])}</td><td>{_e(n['text'])}</td>"
                       f"<td>{_e(n['author'])}, {_e(n['at'])}</td><td>{_e(n['handling'])}</td></tr>")
        out.append("</table>")
    out.append("<h2>Documents</h2><table><tr><th>Title</th><th>Source, date</th><th>Grading</th><th>Handling</th>"
               "<th>Document SHA-256 / text SHA-256</th></tr>")
    for d in package["documents"]:
        out.append(f"<tr><td>{_e(d['title'])}</td><td>{_e(d['source'])} {_e(d['date'] or '')}</td>"
                   f"<td>{_e(d['grading'] or '')}</td><td>{_e(d['handling'] or '')}</td>"
                   f"<td class='hash'>{_e(d['doc_sha256'])}<br>{_e(d['text_sha256'])}</td></tr>")
    out.append("</table><h2>Evidence package manifest</h2>"
               f"<p class='meta'>Package SHA-256 <span class='hash'>{_e(package['sha256'])}</span>; manifest.json "
               f"SHA-256 <span class='hash'>{_e(package['manifest_sha256'])}</span> "
               "(the same package is made by POST /evidence-packages; `havengraph evidence verify` checks it).</p>"
               "<table><tr><th>File</th><th>SHA-256</th><th>Bytes</th></tr>")
    for name, spec in sorted(package["manifest"]["files"].items()):
        out.append(f"<tr><td>{_e(name)}</td><td class='hash'>{_e(spec['sha256'])}</td><td>{spec['bytes']}</td></tr>")
    out.append("</table></body></html>")
    return "\n".join(out)


def html_to_pdf(page: str, timeout: float = 90.0) -> bytes:
    """Print ``page`` to PDF with headless Chromium (Debian: ``apt-get install chromium``)."""
    binary = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
                  None)
    if binary is None:
        raise ToolUnavailable("PDF needs headless Chromium: install it (Debian: apt-get install chromium), "
                              "or print the HTML report from a browser")
    with tempfile.TemporaryDirectory(prefix="havengraph-report-") as tmp:
        source, target = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        source.write_text(page, encoding="utf-8")
        command = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   f"--user-data-dir={Path(tmp) / 'profile'}", "--no-pdf-header-footer",
                   f"--print-to-pdf={target}", source.as_uri()]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ToolUnavailable(f"Chromium did not print the report within {timeout:g} s") from None
        if not target.is_file() or target.stat().st_size == 0:
            raise ToolUnavailable("Chromium did not write the PDF; run it by hand to see why: "
                                  + " ".join(command[:-2]))
        return target.read_bytes()


def effective_filter(investigation: dict[str, Any] | None, flt: GraphFilter) -> GraphFilter:
    """The filter a report uses: the one asked for, or, when the request narrows nothing, the filters
    saved with the investigation, so that the report shows what its reopened picture shows."""
    from graph.errors import InvalidInput

    saved = (investigation or {}).get("filters") or {}
    if flt.active or not saved:
        return flt
    try:
        return GraphFilter.from_dict(saved)
    except InvalidInput:  # a filter saved by an older page: report as asked
        return flt


def gather(view: GraphStore, investigation: dict[str, Any] | None, entity_ids: list[str] | None,
           flt: GraphFilter | None = None) -> tuple[Subgraph, dict[str, Any], str, str]:
    """What a report or chart shows: the subgraph, node positions, a title and a summary.

    From a saved investigation (its pinned entities you may see, where they sat, its notes as the
    summary), or from a list of entity ids; the relations among them are those that pass ``flt``
    (by default: no weak co-mentions).
    """
    from graph.analysis.filtered import filtered_subgraph
    from graph.errors import EntityNotFound, InvalidInput

    if investigation is not None:
        ids, positions = investigation["pinned"], investigation["positions"]
        title, summary = investigation["name"], investigation.get("notes", "")
    elif entity_ids:
        ids, positions, title, summary = entity_ids, {}, "Havengraph investigation report", ""
    else:
        raise InvalidInput("name an investigation_id or at least one entity_id")
    visible = []
    for eid in ids:
        try:
            visible.append(view.get_entity(eid).entity_id)
        except EntityNotFound:
            if investigation is None:
                raise
    if not visible:
        raise InvalidInput("none of these entities is visible to you: nothing to report")
    flt = flt or GraphFilter(include_weak=False)
    return filtered_subgraph(view, list(dict.fromkeys(visible)), flt), positions, title, summary
