"""Bulk first load of a Neo4j database with Neo4j's own importer (``neo4j-admin database import full``).

A graph built by the normal write path in a staging SQLite store (same documents, resolution and
evidence as ``havengraph ingest``) is written as CSV files in the importer's format, with the
nodes, relationships and properties the Neo4j backend writes (see :mod:`graph.store.cypher`):

* ``entities.csv`` — ``:Entity:<Label>`` nodes; ``documents.csv`` — ``:Document`` nodes;
* ``evidence.csv`` — ``:Evidence`` nodes; ``decisions.csv`` — resolution decisions;
* ``relations.csv`` — relations between entities; ``mentions.csv`` — ``MENTIONS``.

The importer writes store files directly, so it only runs into an empty database of a stopped
server. :class:`LocalServer` is the development server that ``scripts/neo4j`` manages (its state
folder and port): :func:`load_staged` stops it, imports, starts it, and then creates the schema's
constraints and indexes by opening the store. On a shared server the CSV files are written here
(``write_csvs``) and the import is run on the database host (``import_arguments``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from graph.errors import HavengraphError, StoreUnavailable
from graph.schema import SCHEMA
from graph.store import cypher
from graph.store.neo4j import Neo4jStore, parse_url

__all__ = ["BulkLoadRefused", "BulkLoadReport", "LocalServer", "import_arguments", "load_staged", "local_server",
           "write_csvs"]

#: between the elements of a list property (aliases): a control character no name contains
ARRAY_DELIMITER = "\x1f"
#: the names of the CSV files whose values hold line breaks, one a line
MULTILINE_LIST = "multiline.txt"
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "neo4j"

ENTITY_HEADER = ["entity_id:ID(Entity)", ":LABEL", "type", "name", "properties", "aliases:string[]",
                 "aliases_norm:string[]", "identifiers", "ident_values:string[]", "search_text"]
DOCUMENT_HEADER = ["doc_id:ID(Document)", ":LABEL", "title", "source", "lang", "format", "date", "grading",
                   "handling", "pages", "metadata", "text", "length:long", "ingested_at", "extraction"]
EVIDENCE_HEADER = [":LABEL", "rel_id", "type", "doc_id", "start:long", "end:long", "sentence", "method",
                   "extractor", "confidence:double", "weight:double", "date", "page:long"]
DECISION_HEADER = [":LABEL", "decision_id", "kind", "a", "b", "score:double", "reason", "features", "who", "at",
                   "status"]
RELATION_HEADER = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "rel_id", "properties", "weight:double",
                   "count:long", "first_seen", "last_seen"]
MENTION_HEADER = [":START_ID(Document)", ":END_ID(Entity)", ":TYPE", "start:long", "end:long", "text", "type"]


class BulkLoadRefused(HavengraphError):
    """The target of a bulk load is not an empty database of a server this machine manages."""

    status = 409


@dataclass
class BulkLoadReport:
    csv_dir: str
    counts: dict[str, int] = field(default_factory=dict)
    #: each step's own duration; the CSV files and the server's stop overlap, so they do not add up
    seconds: dict[str, float] = field(default_factory=dict)
    #: from the first CSV line to the schema online, wall clock
    wall_s: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"csv_dir": self.csv_dir, "counts": self.counts, "wall_s": round(self.wall_s, 3),
                "seconds": {k: round(v, 3) for k, v in self.seconds.items()}}

    def summary(self) -> str:
        counts = ", ".join(f"{k}: {v}" for k, v in self.counts.items())
        steps = ", ".join(f"{k} {v:.1f}" for k, v in self.seconds.items())
        return f"bulk load: {counts} in {self.wall_s:.1f} s ({steps} s; the CSV files are written while the server stops)"


# -- CSV files ------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    """A CSV field: strings always quoted (so that ``""`` stays an empty string), None empty (no property)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return _cell(ARRAY_DELIMITER.join(value)) if value else ""
    return repr(value) if isinstance(value, float) else str(value)


def _write(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> int:
    """Write one CSV file; a file with a line break inside a value is listed in ``multiline.txt``
    (any listed file makes the importer read multi-line values, see :func:`import_arguments`)."""
    n, multiline = 0, False
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for row in rows:
            line = ",".join(_cell(v) for v in row)
            if not multiline and ("\n" in line or "\r" in line):
                multiline = True
            fh.write(line + "\n")
            n += 1
    if multiline:
        with open(path.parent / MULTILINE_LIST, "a", encoding="utf-8") as fh:
            fh.write(path.name + "\n")
    return n


def _by_entity(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """Rows ordered by entity id (their first column), one group per entity: (id, rest of each row)."""
    for eid, group in groupby(rows, key=itemgetter(0)):
        yield eid, [row[1:] for row in group]


def _entity_rows(db: sqlite3.Connection) -> Iterator[list[Any]]:
    """Entities as the Neo4j writer stores them (``EntityState.row``), names in the order they came.

    Entities, their names and their identifiers are read in entity-id order and joined as they
    stream (no table of every entity's names in memory: that grew with the corpus, about 0.6 KB an
    entity); SQLite's byte order of the ids is Python's order of the same strings.
    """
    aliases = _by_entity(db.execute("SELECT entity_id, alias, alias_norm FROM aliases ORDER BY entity_id, rowid"))
    idents = _by_entity(db.execute("SELECT entity_id, scheme, value FROM identifiers ORDER BY entity_id, rowid"))
    alias, ident = next(aliases, None), next(idents, None)
    for eid, type_, name, props in db.execute(
            "SELECT entity_id, type, name, properties FROM entities ORDER BY entity_id"):
        while alias is not None and alias[0] < eid:  # names of no entity (the store never has any)
            alias = next(aliases, None)
        while ident is not None and ident[0] < eid:
            ident = next(idents, None)
        names: list[tuple[Any, ...]] = []
        ids: dict[str, str] = {}
        if alias is not None and alias[0] == eid:
            names, alias = alias[1], next(aliases, None)
        if ident is not None and ident[0] == eid:
            ids, ident = dict(ident[1]), next(idents, None)
        norms = [n for _, n in names]
        values = [v.lower() for v in ids.values()]
        yield [eid, f"Entity{ARRAY_DELIMITER}{SCHEMA.node(type_).label}", type_, name, props,
               [a for a, _ in names], norms, _json_map(ids), values,
               "\x1f".join(norms) + "\x1e" + "\x1f".join(values)]


def _json_map(value: dict[str, str]) -> str:
    return json.dumps(value) if value else "{}"


def write_csvs(staging: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write the importer's CSV files for the graph held in the SQLite store file ``staging``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / MULTILINE_LIST).unlink(missing_ok=True)
    db = sqlite3.connect(f"file:{Path(staging)}?mode=ro", uri=True)
    try:
        counts = {"entities": _write(out / "entities.csv", ENTITY_HEADER, _entity_rows(db))}
        counts["documents"] = _write(out / "documents.csv", DOCUMENT_HEADER, (
            [r[0], "Document", *r[1:11], len(r[10]), *r[11:]] for r in db.execute(
                "SELECT doc_id, title, source, lang, format, date, grading, handling, pages, metadata, text, "
                "ingested_at, extraction FROM documents")))
        counts["mentions"] = _write(out / "mentions.csv", MENTION_HEADER, (
            [r[0], r[1], cypher.MENTIONS, *r[2:]] for r in db.execute(
                'SELECT doc_id, entity_id, start, "end", text, type FROM mentions')))
        counts["relations"] = _write(out / "relations.csv", RELATION_HEADER, (
            [r[0], r[1], SCHEMA.relation(r[2]).name, *r[3:]] for r in db.execute(
                "SELECT source, target, type, rel_id, properties, 0.0 + weight, count, first_seen, last_seen "
                "FROM relations")))
        counts["evidence"] = _write(out / "evidence.csv", EVIDENCE_HEADER, (
            ["Evidence", *r] for r in db.execute(
                'SELECT v.rel_id, r.type, v.doc_id, v.start, v."end", v.sentence, v.method, v.extractor, '
                "0.0 + v.confidence, 0.0 + v.weight, v.date, v.page "
                "FROM evidence v JOIN relations r ON r.rel_id = v.rel_id")))
        counts["decisions"] = _write(out / "decisions.csv", DECISION_HEADER, (
            ["Decision", *r] for r in db.execute(
                "SELECT decision_id, kind, a, b, score, reason, features, who, at, status FROM decisions")))
    finally:
        db.close()
    return counts


def import_arguments(csv_dir: str | Path, database: str = "neo4j") -> list[str]:
    """``neo4j-admin`` arguments that import the CSV files of ``csv_dir`` into ``database`` (replacing it).

    When a file has a line break inside a value, every file is read as multi-line (one reader
    thread). The newer per-file mode (``--multiline-fields=FILE --multiline-fields-format=v2``)
    splits files into chunks by guessing row starts, and fails on a text whose line opens with a
    quote, as every line of a CSV record file with a quoted first column does.
    """
    d = Path(csv_dir)
    listed = d / MULTILINE_LIST
    multiline = [str(d / name) for name in listed.read_text(encoding="utf-8").split()] if listed.is_file() else []
    return ["database", "import", "full", f"--nodes={d / 'entities.csv'}", f"--nodes={d / 'documents.csv'}",
            f"--nodes={d / 'evidence.csv'}", f"--nodes={d / 'decisions.csv'}",
            f"--relationships={d / 'relations.csv'}", f"--relationships={d / 'mentions.csv'}",
            "--array-delimiter=U+001F", f"--multiline-fields={'true' if multiline else 'false'}",
            "--id-type=string", "--strict=true",
            "--overwrite-destination=true", f"--report-file={d / 'import.report'}", database]


# -- the local server -----------------------------------------------------------------------------
@dataclass(frozen=True)
class LocalServer:
    """A Neo4j server run by ``scripts/neo4j`` from the state folder ``home`` on Bolt port ``port``."""

    home: Path
    port: int

    def run(self, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "HAVENGRAPH_NEO4J_HOME": str(self.home), "HAVENGRAPH_NEO4J_PORT": str(self.port)}
        return subprocess.run(["bash", str(_SCRIPT), *args], env=env, capture_output=True, text=True,
                              timeout=timeout, check=False)

    def must(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = self.run(*args)
        if done.returncode != 0:
            tail = "\n".join((done.stderr + done.stdout).strip().splitlines()[-15:])
            raise StoreUnavailable(f"`scripts/neo4j {' '.join(args[:4])}` failed for the server in {self.home}:\n"
                                   f"{tail}")
        return done


def local_server(url: str, home: str | Path | None = None) -> LocalServer:
    """The ``scripts/neo4j`` server behind ``url``; ``BulkLoadRefused`` when the URL points elsewhere.

    ``home`` defaults to ``HAVENGRAPH_NEO4J_HOME``, then the script's own default (``.cache/neo4j``).
    """
    target = parse_url(url)
    host, _, port = target.uri.split("://", 1)[1].rpartition(":")
    folder = Path(home or os.environ.get("HAVENGRAPH_NEO4J_HOME") or _SCRIPT.parents[1] / ".cache" / "neo4j")
    remote = ("the import writes the database files directly, so it runs on the database host: write the CSV "
              "files with `havengraph bulk-load DIR --to URL --csv-only OUT`, copy them there, stop the "
              "database and run the printed neo4j-admin command (see docs/scale.md, \"Bulk first load\")")
    if host.strip("[]") not in _LOCAL_HOSTS:
        raise BulkLoadRefused(f"{target.redacted} is not on this machine; {remote}")
    if (target.database or "neo4j") != "neo4j":
        raise BulkLoadRefused(f"{target.redacted}: the local server (Neo4j Community) serves one database, "
                              "`neo4j`; drop ?database= from the URL, or import on an Enterprise host and "
                              "CREATE DATABASE there (see docs/scale.md, \"Bulk first load\")")
    conf = folder / "conf" / "neo4j.conf"
    listen = re.search(r"^server\.bolt\.listen_address=.*:(\d+)$",
                       conf.read_text(encoding="utf-8") if conf.is_file() else "", re.M)
    if listen is None or listen.group(1) != port:
        raise BulkLoadRefused(
            f"{target.redacted} is not the server that scripts/neo4j runs from {folder} "
            f"({'no configuration there' if listen is None else 'that one listens on port ' + listen.group(1)}); "
            f"give its state folder with --neo4j-home (or HAVENGRAPH_NEO4J_HOME), or {remote}")
    return LocalServer(folder, int(port))


def check_empty(url: str) -> None:
    """``BulkLoadRefused`` unless the target database holds no node at all (the importer replaces it)."""
    with Neo4jStore(url) as store:
        found = store._read(cypher.NODES_BUT_LOCKS)[0]["n"]
    if found:
        raise BulkLoadRefused(f"{parse_url(url).redacted} is not empty ({found} nodes): a bulk load replaces the "
                              "whole database, so it only runs into an empty one. Use `havengraph ingest` to add "
                              "to it, or empty it first (`scripts/neo4j reset` for the local server)")


def load_staged(staging: str | Path, url: str, *, home: str | Path | None = None,
                csv_dir: str | Path | None = None) -> BulkLoadReport:
    """Import the graph of the SQLite store file ``staging`` into the empty local database at ``url``.

    Stops the server, runs the importer, starts it again and creates the constraints and indexes.
    The CSV files go to ``csv_dir`` (kept) or to a folder next to the staging file.
    """
    server = local_server(url, home)
    check_empty(url)
    database = parse_url(url).database or "neo4j"
    out = Path(csv_dir) if csv_dir else Path(staging).with_suffix(".csv.d")
    report = BulkLoadReport(str(out))
    report_started = time.perf_counter()
    # the server stops (a JVM shutting down, mostly waiting) while the CSV files are written
    with ThreadPoolExecutor(1, thread_name_prefix="neo4j-stop") as pool:
        mark = time.perf_counter()
        stopping = pool.submit(_timed, server.must, "stop")
        try:
            report.counts = write_csvs(staging, out)
        except BaseException:  # no import then: the server comes back as it was
            stopping.result()
            server.must("start")
            raise
        report.seconds["csv"] = time.perf_counter() - mark
        report.seconds["stop"] = stopping.result()
    mark = time.perf_counter()
    try:
        done = server.must("admin", *import_arguments(out, database))
        (out / "import.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    finally:  # the server comes back whether the import worked or not
        report.seconds["import"] = time.perf_counter() - mark
        mark = time.perf_counter()
        server.must("start")
        report.seconds["start"] = time.perf_counter() - mark
    mark = time.perf_counter()
    report.counts["schema_created"] = create_schema(url)
    report.seconds["schema"] = time.perf_counter() - mark
    report.wall_s = time.perf_counter() - report_started
    if not csv_dir:
        shutil.rmtree(out, ignore_errors=True)
    return report


def create_schema(url: str, *, timeout_s: int = 3600) -> int:
    """Create the schema's missing constraints and indexes in ONE transaction, wait until they are
    online, and fill the empty lists the importer leaves out; the number created.

    Created together, the indexes are populated by one scan of the store instead of one scan each
    (the server populates the indexes of a transaction as one job), which is what a freshly
    imported database needs. ``Neo4jStore`` then finds them all and creates nothing.
    """
    from neo4j import GraphDatabase

    statements = cypher.schema_statements(SCHEMA)
    target = parse_url(url)
    with GraphDatabase.driver(target.uri, auth=target.auth, notifications_min_severity="OFF") as driver, \
            driver.session(database=target.database) as session:
        present = {r["name"] for r in session.run(cypher.INDEX_NAMES)}
        missing = [s for name, s in statements.items() if name not in present]
        if not missing:
            return 0
        with session.begin_transaction() as tx:
            for statement in missing:
                tx.run(statement).consume()
            tx.commit()
        session.run(cypher.AWAIT_INDEXES, seconds=timeout_s).consume()
        if statements["hg_entity_id"] in missing:
            session.run(cypher.FILL_EMPTY_LISTS).consume()
    return len(missing)


def _timed(fn: Any, *args: Any) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def refuse_unless_importable(url: str, home: str | Path | None = None) -> LocalServer:
    """Checked before a long extraction: the target is the local server and its database is empty."""
    server = local_server(url, home)
    check_empty(url)
    return server
