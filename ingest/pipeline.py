"""Files and folders in, documents extracted and written to the store, a report out.

Documents are written whole, in reading order, a few dozen per transaction
(:mod:`ingest.writer`), a container (zip, mailbox, e-mail with attachments, large text in parts)
after everything in it. A run killed at any moment leaves whole documents only; the next run
skips what is there (same SHA-256) and finishes the rest.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any, Protocol

from tqdm import tqdm

from graph.errors import HavengraphError, StoreUnavailable
from graph.model import Document, Extraction
from graph.store import GraphStore, own_files
from ingest.chat_layouts import is_chat_layout, load_layout
from ingest.context import ReadContext
from ingest.ocr import lower_confidence
from ingest.records import Mapping, load_mapping
from ingest.registry import Problem, apply_sidecar, open_source, walk
from ingest.report import IngestReport, peak_rss_mb
from ingest.sidecar import check_code, is_sidecar
from ingest.source import Limits, ReadResult
from ingest.writer import BatchWriter

_IGNORED_NAMES = {"thumbs.db", "desktop.ini"}
_READ_WHOLE = 64 << 20  # files up to this size are read once, hashed and parsed from memory


class ExtractorLike(Protocol):
    def pipe(self, documents: Iterable[Document], workers: int = 1) -> Iterator[Extraction]: ...

    def extract(self, document: Document) -> Extraction: ...


@dataclass
class _Item:
    name: str
    result: ReadResult
    top: bool
    ancestors: tuple[str, ...]

    @property
    def doc_id(self) -> str:
        return self.result.document.doc_id


def with_mapping(ctx: ReadContext, mapping: str | Path | Mapping | None) -> ReadContext:
    """``ctx`` with the ``--mapping`` given: a records mapping (CSV/XLSX facts) or a chat layout."""
    if mapping is None or isinstance(mapping, Mapping):
        return replace(ctx, mapping=mapping)
    if is_chat_layout(mapping):
        return replace(ctx, chat_layout=load_layout(mapping))
    return replace(ctx, mapping=load_mapping(mapping))


def collect_files(paths: Iterable[str | Path], report: IngestReport,
                  store_files: frozenset[Path] = frozenset()) -> list[Path]:
    """Files under ``paths`` in a stable order (each folder sorted), hidden files and sidecars left out.

    ``store_files`` (:func:`graph.store.own_files`) are the store's own database and side files: an
    ingest of the folder that holds the store leaves them out (listed in ``report.ignored``).
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: list[Path] = []

            def onerror(exc: OSError) -> None:
                report.fail(str(exc.filename), f"{exc.filename}: cannot list this folder ({exc.strerror})")

            for root, dirs, files in os.walk(path, onerror=onerror):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(root) / f for f in files if _wanted(f)]
            candidates = sorted(found, key=lambda p: p.as_posix())
        elif path.exists():
            candidates = [path]
        else:
            report.fail(path.as_posix(), f"{path.as_posix()}: no such file or folder")
            continue
        for candidate in candidates:
            key = candidate.resolve()
            if key in store_files:
                report.ignored.append((candidate.as_posix(), "the store's own file, not a case file"))
                continue
            if key not in seen:
                seen.add(key)
                out.append(candidate)
    return out


def _wanted(name: str) -> bool:
    low = name.lower()
    return not (name.startswith((".", "~$")) or low in _IGNORED_NAMES or is_sidecar(Path(name)))


def ingest_paths(paths: Iterable[str | Path], store: GraphStore, *, lang: str = "auto", workers: int = 1,
                 replace: bool = False, progress: bool = True, grading: str | None = None,
                 handling: str | None = None, report_file: str | Path | None = None,
                 mapping: str | Path | Mapping | None = None, extractor: ExtractorLike | None = None,
                 limits: Limits | None = None, resolve: bool = True, cluster: Any = None,
                 window: int | None = None) -> IngestReport:
    """Ingest files and folders into ``store``; bad files are reported by name with the reason.

    ``extractor`` defaults to ``nlp.Extractor(lang)``, created only when a document needs NLP.
    With ``resolve`` (the default) each document's entities are resolved against the store
    (``graph.resolution.Resolver``) before it is written; edge lists keep their names as given.

    ``cluster`` (``"local:N"``, a scheduler address or a ``distributed.Client``) sends the
    extraction to Dask workers instead of ``workers`` local processes (:mod:`ingest.cluster`);
    ``window`` bounds the documents between reading and writing there.
    Either way documents stream from reading to writing: memory is bounded by the batch and
    window sizes, not by the corpus; ``report.peak_rss_mb`` has the peaks.
    """
    started = time.perf_counter()
    grading, handling = check_code(grading, "grading"), check_code(handling, "handling")
    report = IngestReport()
    if isinstance(paths, str | Path):
        paths = [paths]
    files = collect_files(paths, report, own_files(getattr(store, "url", "") or ""))
    report.files = len(files)
    ctx = with_mapping(ReadContext(limits=limits or Limits()), mapping)
    bar = tqdm(total=len(files), unit="file", desc="ingest", file=sys.stderr, disable=not progress,
               dynamic_ncols=True)
    run = _Run(store, ctx, report, bar, lang=lang, replace=replace, grading=grading, handling=handling,
               resolve=resolve)
    try:
        if cluster is not None:
            from ingest.cluster import write_on_cluster

            write_on_cluster(run, run.items(files), cluster, extractor=extractor, lang=lang, window=window)
        else:
            run.write_all(_extracted(run.items(files), extractor, lang, workers))
            if workers > 1:  # the largest worker process that has ended (the pool is shut down by now)
                children = resource.getrusage(resource.RUSAGE_CHILDREN)
                report.peak_rss_mb["workers"] = round(children.ru_maxrss / 1024, 1)
    finally:
        report.peak_rss_mb["coordinator"] = peak_rss_mb()
        bar.close()
        report.seconds = time.perf_counter() - started
        if report_file:
            report.write(report_file)
    return report


class _Run:
    def __init__(self, store: GraphStore, ctx: ReadContext, report: IngestReport, bar: Any, *, lang: str,
                 replace: bool, grading: str | None, handling: str | None, resolve: bool = True) -> None:
        self.store, self.ctx, self.report, self.bar = store, ctx, report, bar
        self.lang, self.replace, self.grading, self.handling = lang, replace, grading, handling
        self.blocked: set[str] = set()
        self.resolve = resolve
        self._resolver: Any = None

    def resolved(self, extraction: Extraction) -> Extraction:
        """The extraction with its entities resolved against the store (edge lists are left as given)."""
        if not self.resolve or extraction.document.metadata.get("kind") == "edges":
            return extraction
        if self._resolver is None:
            from graph.resolution.resolver import Resolver, index_for

            self._resolver = Resolver(self.store, index=index_for(self.report.files))
        return self._resolver.resolve(extraction)

    # -- reading ------------------------------------------------------------------------------
    def items(self, files: list[Path]) -> Iterator[_Item]:
        for path in files:
            try:
                yield from self._file(path)
            except Exception as exc:  # never let one file stop the batch
                self.report.fail(path.as_posix(), f"{path.as_posix()}: unexpected error ({type(exc).__name__}: {exc})")
                self.bar.update(1)

    def _file(self, path: Path) -> Iterator[_Item]:
        name = path.as_posix()
        try:
            source, meta = open_source(path, grading=self.grading, handling=self.handling, lang=self.lang)
            if meta.get("skip"):
                self.report.ignored.append((name, "its sidecar says skip"))
                self.bar.update(1)
                return
            if source.size <= _READ_WHOLE:
                source.data = source.read_bytes(self.ctx.limits)
            if not self.replace and self.store.has_document(source.sha256()):
                self.report.skipped += 1
                self.bar.update(1)
                return
            ctx = self.ctx
            if meta.get("mapping"):
                ctx = with_mapping(replace(self.ctx, mapping=None, chat_layout=None), str(meta["mapping"]))
        except HavengraphError as exc:
            self.report.fail(name, str(exc))
            self.bar.update(1)
            return
        yielded_top = False
        for found in walk(source, ctx):
            if isinstance(found, Problem):
                (self.report.ignored if found.ignored else self.report.failed).append((found.name, found.reason))
                continue
            if found.top:
                apply_sidecar(found.result.document, meta)
            self.report.warnings += [(found.name, w) for w in found.result.warnings]
            for item in self._emit(found.name, found.result, found.top, found.ancestors):
                yielded_top = yielded_top or item.top
                yield item
        if not yielded_top:
            self.bar.update(1)

    def _emit(self, name: str, result: ReadResult, top: bool, ancestors: tuple[str, ...]) -> Iterator[_Item]:
        if not self.replace and self.store.has_document(result.document.doc_id):
            self.report.skipped += 1
            return
        if self.lang != "auto" and not result.document.lang:
            result.document.lang = self.lang
        yield _Item(name, result, top, ancestors)

    # -- writing ------------------------------------------------------------------------------
    def write_all(self, stream: Iterator[tuple[_Item, Extraction | BaseException]]) -> None:
        writer = BatchWriter(self.store, replace=self.replace, stored=self._stored,
                             failed=lambda item, reason: self._failed(item, f"{item.name}: {reason}"),
                             refresh=self._again, version=self._version)
        try:
            self._write_each(stream, writer)
            writer.flush()
        except StoreUnavailable as exc:  # each later document would wait for the server: stop here
            self.report.fail(getattr(self.store, "url", "store"), f"{exc}; the ingest stopped there, "
                             "and running it again reads the files not stored yet")

    def _write_each(self, stream: Iterator[tuple[_Item, Extraction | BaseException]], writer: BatchWriter) -> None:
        for item, outcome in stream:
            writer.before(item)  # a container is decided after its parts are written
            if isinstance(outcome, BaseException):
                self._failed(item, f"{item.name}: extraction failed ({type(outcome).__name__}: {outcome})")
            elif item.doc_id in self.blocked:
                self._failed(item, f"{item.name}: some of its content failed above; not recorded as done, "
                             "so that a new run retries it")
            else:
                try:
                    resolved = self.resolved(outcome)
                except StoreUnavailable:
                    raise
                except Exception as exc:
                    self._failed(item, f"{item.name}: could not be resolved ({type(exc).__name__}: {exc})")
                    continue
                writer.add(item, resolved)

    def _stored(self, item: _Item, status: str) -> None:
        if status == "skipped":
            self.report.skipped += 1
        else:
            self.report.stored(item.name)
        if item.top:
            self.bar.update(1)

    def _again(self, extraction: Extraction) -> Extraction:
        return self._resolver.again(extraction) if self._resolver is not None else extraction

    def _version(self) -> int:
        return self._resolver.version if self._resolver is not None else 0

    def _failed(self, item: _Item, reason: str) -> None:
        self.report.fail(item.name, reason)
        self.blocked.update(item.ancestors)
        if item.top:
            self.bar.update(1)


def _merge(found: Extraction, facts: Extraction | None) -> Extraction:
    found = lower_confidence(found)  # evidence read by OCR is as sure as the words under it
    if facts is None:
        return found
    return Extraction(document=found.document, entities=found.entities + facts.entities,
                      mentions=found.mentions + facts.mentions, identifiers=found.identifiers + facts.identifiers,
                      relations=found.relations + facts.relations)


def _extracted(items: Iterator[_Item], extractor: ExtractorLike | None, lang: str,
               workers: int) -> Iterator[tuple[_Item, Extraction | BaseException]]:
    """Each item with its extraction, in order. Documents needing NLP go through one ``pipe`` call.

    When the pipe breaks, the first document in flight is retried alone. If it fails again, the
    pipe stopped on it (``pipe`` yields everything before a failing document): a new pipe takes
    the documents read after it. Otherwise the pipe itself broke: those are retried one by one.
    """
    holder: list[ExtractorLike] = [extractor] if extractor is not None else []

    def get_extractor() -> ExtractorLike:
        if not holder:
            from nlp import Extractor

            holder.append(Extractor(lang))
        return holder[0]

    def single(item: _Item) -> Extraction | BaseException:
        try:
            return _merge(get_extractor().extract(item.result.document), item.result.facts)
        except Exception as exc:
            return exc

    while True:
        item = next(items, None)
        if item is None:
            return
        if not item.result.nlp:
            yield item, item.result.extraction()
            continue
        inflight: deque[_Item] = deque([item])

        def feed(first: _Item = item, inflight: deque[_Item] = inflight,
                 rest: Iterator[_Item] = items) -> Iterator[Document]:
            yield first.result.document
            for nxt in rest:
                inflight.append(nxt)
                if nxt.result.nlp:
                    yield nxt.result.document

        try:
            for extraction in get_extractor().pipe(feed(), workers=workers):
                while inflight and not inflight[0].result.nlp:
                    done = inflight.popleft()
                    yield done, done.result.extraction()
                if not inflight or extraction.document.doc_id != inflight[0].doc_id:
                    raise RuntimeError("the extractor's results are out of step with its input")
                head = inflight.popleft()
                yield head, _merge(extraction, head.result.facts)
            while inflight:
                done = inflight.popleft()
                yield done, done.result.extraction() if not done.result.nlp else single(done)
            return
        except Exception:
            pending = list(inflight)
            inflight.clear()
            while pending and not pending[0].result.nlp:
                done = pending.pop(0)
                yield done, done.result.extraction()
            if not pending:
                continue
            head = pending.pop(0)
            outcome = single(head)
            yield head, outcome
            if isinstance(outcome, BaseException):
                items = chain(pending, items)
                continue
            for done in pending:
                yield done, single(done) if done.result.nlp else done.result.extraction()
