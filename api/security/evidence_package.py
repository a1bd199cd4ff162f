"""Evidence packages: a subgraph as a self-checking bundle for a prosecutor or a court.

A package is a zip file holding

* ``query.json``      what was asked, by whom, when, against which store;
* ``nodes.json``      the entities (ids, types, names, aliases, identifiers);
* ``edges.json``      the relations with their aggregates;
* ``evidence.csv``    one row per piece of evidence: relation, document SHA-256 (the document id
  is the hash of the original file's bytes), page, character span, the exact snippet at that
  span, the sentence, how it was extracted, with what confidence;
* ``documents.json``  each cited document: hash, title, source, date, grading, handling code,
  and the SHA-256 of the stored text the spans point into;
* ``manifest.json``   the SHA-256 and size of every file above;
* ``manifest.sha256`` the SHA-256 of ``manifest.json``.

:func:`verify_package` recomputes every hash; given the store, it also checks that each snippet
still sits at its span in its document.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime
from typing import Any

from graph.errors import DocumentNotFound, InvalidInput
from graph.model import Subgraph
from graph.store.base import GraphStore

FORMAT = "havengraph-evidence-package"
VERSION = 1
CONTENT = ("query.json", "nodes.json", "edges.json", "evidence.csv", "documents.json")
EVIDENCE_COLUMNS = ("relation_source", "relation_type", "relation_target", "doc_sha256", "page", "start", "end",
                    "snippet", "sentence", "method", "extractor", "confidence", "weight", "date")
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
MAX_PACKAGE_BYTES = 200 * 1024 * 1024


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n").encode("utf-8")


def build_package(store: GraphStore, sub: Subgraph, query: dict[str, Any], who: str) -> bytes:
    """The zip bytes of an evidence package for ``sub`` (read through ``store``, e.g. a cleared view)."""
    if not sub.nodes:
        raise InvalidInput("the subgraph is empty: nothing to package")
    doc_ids = sorted({ev.doc_id for rel in sub.edges for ev in rel.evidence})
    documents, texts = [], {}
    for doc_id in doc_ids:
        doc = store.get_document(doc_id)
        texts[doc_id] = doc.text
        documents.append({"doc_sha256": doc.doc_id, "title": doc.title, "source": doc.source, "date": doc.date,
                          "lang": doc.lang, "format": doc.format, "grading": doc.grading, "handling": doc.handling,
                          "pages": len(doc.pages) or None, "text_sha256": sha256(doc.text.encode("utf-8"))})
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(EVIDENCE_COLUMNS)
    for rel in sub.edges:
        for ev in rel.evidence:
            text = texts.get(ev.doc_id, "")
            writer.writerow((rel.source, rel.type, rel.target, ev.doc_id, ev.page or "", ev.start, ev.end,
                             text[ev.start:ev.end], ev.sentence, ev.method, ev.extractor, ev.confidence,
                             ev.weight, ev.date or ""))
    files = {
        "query.json": _json({**query, "requested_by": who, "store": store.url,
                             "created_at": datetime.now(UTC).isoformat(timespec="seconds")}),
        "nodes.json": _json([n.to_dict() for n in sub.nodes]),
        "edges.json": _json([{k: v for k, v in r.to_dict().items() if k != "evidence"} for r in sub.edges]),
        "evidence.csv": rows.getvalue().encode("utf-8"),
        "documents.json": _json(documents),
    }
    manifest = _json({"format": FORMAT, "version": VERSION, "algorithm": "sha256",
                      "files": {name: {"sha256": sha256(data), "bytes": len(data)} for name, data in files.items()},
                      "counts": {"nodes": len(sub.nodes), "edges": len(sub.edges), "documents": len(documents),
                                 "evidence": sum(len(r.evidence) for r in sub.edges)}})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in [*files.items(), ("manifest.json", manifest),
                           ("manifest.sha256", f"{sha256(manifest)}  manifest.json\n".encode())]:
            zf.writestr(zipfile.ZipInfo(name, date_time=_ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def verify_package(data: bytes, store: GraphStore | None = None) -> dict[str, Any]:
    """Check a package: ``{"valid", "problems", "counts", "package_sha256"}``.

    Without a store, the files are checked against the manifest and the manifest against its hash.
    With a store, every snippet must also still be found at its span in the stored document text.
    """
    problems: list[str] = []
    counts: dict[str, Any] = {}
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        if len(data) > MAX_PACKAGE_BYTES or sum(i.file_size for i in zf.infolist()) > MAX_PACKAGE_BYTES:
            raise InvalidInput("the package is too large")
        contents = {name: zf.read(name) for name in names}
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return {"valid": False, "problems": [f"not a zip file: {exc}"], "counts": counts,
                "package_sha256": sha256(data)}
    manifest_bytes = contents.get("manifest.json")
    if manifest_bytes is None:
        return {"valid": False, "problems": ["manifest.json is missing"], "counts": counts,
                "package_sha256": sha256(data)}
    recorded = contents.get("manifest.sha256", b"").decode("utf-8", "replace").split()
    if not recorded or recorded[0] != sha256(manifest_bytes):
        problems.append("manifest.json does not match manifest.sha256")
    try:
        manifest = json.loads(manifest_bytes)
        listed = manifest["files"]
        counts = manifest.get("counts", {})
        if manifest.get("format") != FORMAT:
            problems.append(f"unknown package format {manifest.get('format')!r}")
    except (ValueError, KeyError, TypeError):
        return {"valid": False, "problems": [*problems, "manifest.json is not a package manifest"],
                "counts": counts, "package_sha256": sha256(data)}
    for name, spec in sorted(listed.items()):
        if name not in contents:
            problems.append(f"{name} is missing")
        elif sha256(contents[name]) != spec.get("sha256"):
            problems.append(f"{name} was altered (SHA-256 differs from the manifest)")
    for name in sorted(names - set(listed) - {"manifest.json", "manifest.sha256"}):
        problems.append(f"{name} is not listed in the manifest")
    if store is not None and not problems:
        problems.extend(_check_spans(contents, store))
    return {"valid": not problems, "problems": problems, "counts": counts, "package_sha256": sha256(data)}


def _check_spans(contents: dict[str, bytes], store: GraphStore) -> list[str]:
    problems: list[str] = []
    texts: dict[str, str | None] = {}
    reader = csv.DictReader(io.StringIO(contents["evidence.csv"].decode("utf-8")))
    for i, row in enumerate(reader, start=2):
        doc_id = row["doc_sha256"]
        if doc_id not in texts:
            try:
                texts[doc_id] = store.get_document(doc_id).text
            except DocumentNotFound:
                texts[doc_id] = None
                problems.append(f"document {doc_id[:12]}... is not in the store")
        text = texts[doc_id]
        if text is not None and text[int(row["start"]):int(row["end"])] != row["snippet"]:
            problems.append(f"evidence.csv line {i}: the snippet is no longer at {row['start']}-{row['end']}")
    return problems
