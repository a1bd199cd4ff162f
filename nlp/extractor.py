"""The NLP entry point: :class:`Extractor` turns :class:`Document` objects into :class:`Extraction` objects.

>>> from graph.model import Document
>>> ex = Extractor(lang="nl")
>>> result = ex.extract(Document(doc_id="d1", text="Het schip Santa Brisa (IMO 9471381) meerde aan in Antwerpen."))
>>> sorted((m.type, m.text) for m in result.mentions)
[('PORT', 'Antwerpen'), ('VESSEL', 'Santa Brisa')]
>>> [e.entity_id for e in result.entities if e.type == "VESSEL"]
['vessel:imo:9471381']
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import pickle
from collections import defaultdict
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import cache
from typing import Any

from spacy.language import Language

from graph.model import Document, Extraction
from nlp.adapter import to_extraction
from nlp.chunking import DEFAULT_MAX_CHARS, Chunk, chunk_segments
from nlp.dates import assign_event_dates
from nlp.language import LANGUAGES, Segment, detect_language, detect_segments
from nlp.pipeline import build_pipeline


@cache
def _pipeline(lang: str, default_org_type: str) -> Language:
    return build_pipeline(lang, default_org_type=default_org_type)


class Extractor:
    """Entities, identifiers and relations of documents in English, French and Dutch.

    ``lang="auto"`` detects the language per document and per paragraph (a Dutch paragraph in
    an English report goes through the Dutch rules); ``"en"``, ``"fr"`` or ``"nl"`` forces one.
    Pipelines are loaded on first use, once per process.
    """

    def __init__(self, lang: str = "auto", max_chunk_chars: int = DEFAULT_MAX_CHARS,
                 default_org_type: str = "ORGANIZATION"):
        if lang not in ("auto", *LANGUAGES):
            from graph.errors import InvalidInput

            raise InvalidInput(f"unknown language {lang!r}; use auto, en, fr or nl")
        self.lang = lang
        self.max_chunk_chars = max_chunk_chars
        self.default_org_type = default_org_type

    def nlp(self, lang: str) -> Language:
        """The spaCy pipeline used for ``lang`` (built on first use)."""
        return _pipeline(lang, self.default_org_type)

    def plan(self, document: Document) -> list[Chunk]:
        """Language segments and chunks of ``document``; sets ``document.lang`` when it was unset."""
        text = document.text
        if self.lang != "auto":
            segments = [Segment(0, len(text), self.lang)]
            lang = self.lang
        else:
            lang = detect_language(text)
            segments = detect_segments(text, default=lang)
        if document.lang in ("", "auto", None):
            document.lang = lang
        return chunk_segments(text, segments, max_chars=self.max_chunk_chars)

    def extract(self, document: Document) -> Extraction:
        """The extraction of one document."""
        return next(self.pipe([document]))

    def _batch(self, documents: list[Document], batch_size: int,
               plans: list[list[Chunk]] | None = None) -> list[Extraction]:
        if plans is None:
            plans = [self.plan(d) for d in documents]
        by_lang: dict[str, list[tuple[int, int, Chunk]]] = defaultdict(list)
        for d, chunks in enumerate(plans):
            for c, chunk in enumerate(chunks):
                by_lang[chunk.lang].append((d, c, chunk))
        docs: dict[tuple[int, int], Any] = {}
        for lang, items in by_lang.items():
            nlp = self.nlp(lang)
            inputs = (_make_doc(nlp, documents[d].text[ch.start:ch.end]) for d, _c, ch in items)
            for (d, c, _ch), doc in zip(items, nlp.pipe(inputs, batch_size=batch_size), strict=True):
                docs[(d, c)] = doc
        return [assign_event_dates(to_extraction(doc, [(ch.start, docs[(d, c)]) for c, ch in enumerate(plans[d])]))
                for d, doc in enumerate(documents)]

    def _run_group(self, group: list[_Planned]) -> dict[int, Extraction | BaseException]:
        """Outcome of each planned document of ``group``; when the group fails, each document alone."""
        try:
            results = self._batch([d for _, d, _ in group], len(group), [c for _, _, c in group])
        except Exception as exc:
            if len(group) == 1:
                return {group[0][0]: exc}
            out: dict[int, Extraction | BaseException] = {}
            for item in group:
                out.update(self._run_group([item]))
            return out
        return {seq: r for (seq, _, _), r in zip(group, results, strict=True)}

    def pipe(self, documents: Iterable[Document], workers: int = 1, batch_size: int = 32) -> Iterator[Extraction]:
        """Extractions of ``documents``, in their order; ``workers > 1`` spreads the work over processes.

        Documents are read a few batches ahead and grouped by language, so that each spaCy call
        gets a batch in one language. When a document fails, every document before it is
        yielded, then its error is raised: the same with any number of workers.
        """
        if workers > 1:
            yield from _parallel(self, iter(documents), workers, batch_size)
            return
        outcomes: dict[int, Extraction | BaseException] = {}
        done = 0
        for group in _groups(self, iter(documents), batch_size, outcomes):
            outcomes.update(self._run_group(group))
            done = yield from _release(outcomes, done)
        yield from _release(outcomes, done)


#: (position in the input, document, its chunks)
_Planned = tuple[int, Document, list[Chunk]]
#: documents held back at most, in batches of ``size``, while a batch of their language fills
LOOKAHEAD_BATCHES = 4


def _main_language(chunks: list[Chunk]) -> str:
    size: dict[str, int] = defaultdict(int)
    for chunk in chunks:
        size[chunk.lang] += chunk.end - chunk.start + 1
    return max(size, key=size.__getitem__) if size else ""


def _groups(extractor: Extractor, documents: Iterator[Document], size: int,
            outcomes: dict[int, Extraction | BaseException], tail: int | None = None) -> Iterator[list[_Planned]]:
    """Planned documents in groups of one main language, at most ``size`` each, in about input order.

    No document waits while more than ``LOOKAHEAD_BATCHES * size`` others are read; a document whose
    planning fails gets its error in ``outcomes`` at once. When the input ends, what is left
    goes out in groups of ``tail`` (small last tasks keep every worker busy to the end).
    """
    buckets: dict[str, list[_Planned]] = {}
    for seq, document in enumerate(documents):
        try:
            chunks = extractor.plan(document)
        except Exception as exc:
            outcomes[seq] = exc
            continue
        lang = _main_language(chunks)
        bucket = buckets.setdefault(lang, [])
        bucket.append((seq, document, chunks))
        if len(bucket) >= size:
            yield buckets.pop(lang)
        while buckets:
            oldest = min(buckets, key=lambda lg: buckets[lg][0][0])
            if seq - buckets[oldest][0][0] < LOOKAHEAD_BATCHES * size:
                break
            yield buckets.pop(oldest)
    step = tail or size
    for bucket in sorted(buckets.values(), key=lambda b: b[0][0]):
        for i in range(0, len(bucket), step):
            yield bucket[i:i + step]


def _release(outcomes: dict[int, Extraction | BaseException], done: int) -> Generator[Extraction, None, int]:
    """Yield the outcomes from position ``done`` on while they are there (raising a failure); the next position."""
    while done in outcomes:
        outcome = outcomes.pop(done)
        done += 1
        if isinstance(outcome, BaseException):
            raise outcome
        yield outcome
    return done


def _make_doc(nlp: Language, text: str) -> Any:
    """Tokenise ``text`` and keep the string on the doc (spaCy rebuilds ``doc.text`` on every access)."""
    doc = nlp.make_doc(text)
    doc.user_data["hg_text"] = text
    return doc


# --- worker processes -------------------------------------------------------------------------
_WORKER: Extractor | None = None


def _init_worker(extractor: Extractor) -> None:
    global _WORKER
    _WORKER = extractor


def _portable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _work(group: list[_Planned]) -> list[tuple[int, Extraction | BaseException]]:
    assert _WORKER is not None
    out: list[tuple[int, Extraction | BaseException]] = []
    for seq, outcome in sorted(_WORKER._run_group(group).items()):
        if isinstance(outcome, Extraction):
            outcome.document = None  # type: ignore[assignment]  # the parent holds it already
        else:
            outcome = _portable(outcome)
        out.append((seq, outcome))
    return out


#: documents per task sent to a worker: small tasks keep both workers busy to the end
TASK_SIZE = 16


def _parallel(extractor: Extractor, documents: Iterator[Document], workers: int,
              batch_size: int) -> Iterator[Extraction]:
    task = max(1, min(batch_size, TASK_SIZE))
    outcomes: dict[int, Extraction | BaseException] = {}
    held: dict[int, Document] = {}
    groups = _groups(extractor, documents, task, outcomes, tail=max(1, task // 4))
    group = next(groups, None)
    done = 0
    if group is None:
        yield from _release(outcomes, done)
        return
    # load the pipelines before forking, so that the workers share them instead of loading their own
    for lang in LANGUAGES if extractor.lang == "auto" else (extractor.lang,):
        extractor.nlp(lang)
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(extractor,))
    running: set[Future[list[tuple[int, Extraction | BaseException]]]] = set()
    max_held = 2 * workers * task

    def submit(group: list[_Planned]) -> None:
        held.update((seq, doc) for seq, doc, _ in group)
        running.add(pool.submit(_work, group))

    try:
        # keep what the parent loaded out of the collector while forking (the first submit starts
        # every worker), so that collections in the workers do not copy the pages they share
        gc.freeze()
        try:
            submit(group)
        finally:
            gc.unfreeze()
        group = next(groups, None)
        while group is not None or running:
            # at most two tasks per worker in flight, and a bounded number of documents held: a
            # slow document at the head must not let the others read the whole input ahead of it
            # (when nothing runs, the next group goes anyway: it may carry the head document)
            while group is not None and len(running) < 2 * workers and (len(held) < max_held or not running):
                submit(group)
                group = next(groups, None)
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                for seq, outcome in future.result():
                    if isinstance(outcome, Extraction):
                        outcome.document = held[seq]
                    outcomes[seq] = outcome
            for extraction in _release(outcomes, done):
                del held[done]
                done += 1
                yield extraction
        yield from _release(outcomes, done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@cache
def _default_extractor(lang: str) -> Extractor:
    return Extractor(lang=lang)


def extract(document: Document, lang: str = "auto") -> Extraction:
    """Extraction of one document with a cached :class:`Extractor` for ``lang``."""
    return _default_extractor(lang).extract(document)
