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

import multiprocessing as mp
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import Any

from spacy.language import Language

from graph.model import Document, Extraction
from nlp.adapter import to_extraction
from nlp.chunking import DEFAULT_MAX_CHARS, Chunk, chunk_segments
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

    def _batch(self, documents: list[Document], batch_size: int) -> list[Extraction]:
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
        return [to_extraction(doc, [(ch.start, docs[(d, c)]) for c, ch in enumerate(plans[d])])
                for d, doc in enumerate(documents)]

    def pipe(self, documents: Iterable[Document], workers: int = 1, batch_size: int = 32) -> Iterator[Extraction]:
        """Extractions of ``documents``, in their order; ``workers > 1`` spreads batches over processes."""
        iterator = iter(documents)
        if workers <= 1:
            while batch := list(islice(iterator, batch_size)):
                yield from self._batch(batch, batch_size)
            return
        yield from _parallel(self, iterator, workers, batch_size)


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


def _work(batch: list[Document]) -> list[tuple[str, Extraction]]:
    assert _WORKER is not None
    results = _WORKER._batch(batch, len(batch))
    out = []
    for r in results:  # the caller holds the texts already: do not send them back
        out.append((r.document.lang, r))
        r.document = None  # type: ignore[assignment]
    return out


#: documents per task sent to a worker: small tasks keep both workers busy to the end
TASK_SIZE = 8


def _parallel(extractor: Extractor, iterator: Iterator[Document], workers: int, batch_size: int) -> Iterator[Extraction]:
    task = max(1, min(batch_size, TASK_SIZE))
    first = list(islice(iterator, task))
    if not first:
        return
    # load the pipelines before forking, so that the workers share them instead of loading their own
    for lang in LANGUAGES if extractor.lang == "auto" else (extractor.lang,):
        extractor.nlp(lang)
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    pending: list[list[Document]] = []

    def batches() -> Iterator[list[Document]]:
        batch = first
        while batch:
            pending.append(batch)
            yield batch
            batch = list(islice(iterator, task))

    with ctx.Pool(workers, initializer=_init_worker, initargs=(extractor,)) as pool:
        for results in pool.imap(_work, batches(), chunksize=1):
            originals = pending.pop(0)
            for doc, (lang, result) in zip(originals, results, strict=True):
                if doc.lang in ("", "auto", None):
                    doc.lang = lang
                result.document = doc
                yield result


@cache
def _default_extractor(lang: str) -> Extractor:
    return Extractor(lang=lang)


def extract(document: Document, lang: str = "auto") -> Extraction:
    """Extraction of one document with a cached :class:`Extractor` for ``lang``."""
    return _default_extractor(lang).extract(document)
