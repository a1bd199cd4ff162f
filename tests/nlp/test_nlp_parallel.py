"""Extractor.pipe with worker processes: same results in the same order as one process, a failing
document fails alone and after everything before it, bounded read-ahead, no processes left behind."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from typing import Any

import pytest

from graph.model import Document, Extraction
from nlp import Extractor
from nlp.extractor import LOOKAHEAD_BATCHES

TEXTS = [
    "Jan Peeters was employed by Scaldewerf Terminals NV in Antwerp.",
    "Le navire Trudy est arrivé à Dunkerque avec le conteneur CSQU 305438-3.",
    "Het schip Maas Pioneer (IMO 9471381) lag in Vlissingen.",
    "",
    "The reefer Santa Brisa called at Le Havre; Karim El Amrani phoned +32 470 12 34 56.",
    "De verdachte Jordy Van Aken werkte bij Blauwhoeve Logistics BV in de haven van Antwerpen.",
    "Milan Kasteleyn met Nordin Haddouchi aboard the MV Ocean Star in Rotterdam.",
    "La société Marée Noire SARL, dirigée par Paul Lefèvre, affrète des navires au Havre.",
]


class Exploding(Extractor):
    """The real extractor, except that a batch holding a text with ``EXPLODE`` fails in spaCy's stage."""

    def _batch(self, documents: list[Document], batch_size: int, plans: Any = None) -> list[Extraction]:
        if any("EXPLODE" in d.text for d in documents):
            raise ValueError("cannot parse this document")
        return super()._batch(documents, batch_size, plans)


@pytest.fixture(scope="module")
def exploding() -> Exploding:
    return Exploding(lang="auto")


def docs(texts: list[str]) -> list[Document]:
    return [Document(doc_id=f"d{i}", text=t, lang="") for i, t in enumerate(texts)]


def summary(ex: Extraction) -> tuple[Any, ...]:
    return (ex.document.doc_id, ex.document.lang, ex.entities, ex.mentions, ex.identifiers, ex.relations)


def run(extractor: Extractor, texts: list[str], workers: int) -> tuple[list[tuple[Any, ...]], BaseException | None]:
    """What ``pipe`` yields before it stops, and the error it stops with."""
    got: list[tuple[Any, ...]] = []
    try:
        for ex in extractor.pipe(docs(texts), workers=workers, batch_size=4):
            got.append(summary(ex))
    except Exception as exc:
        return got, exc
    return got, None


def test_two_workers_give_what_one_process_gives(exploding: Exploding) -> None:
    texts = TEXTS * 3
    one, err1 = run(exploding, texts, 1)
    two, err2 = run(exploding, texts, 2)
    assert err1 is None and err2 is None
    assert [s[0] for s in two] == [f"d{i}" for i in range(len(texts))]
    assert one == two
    assert [s[1] for s in two[:3]] == ["en", "fr", "nl"]
    # a document's result does not depend on the documents batched with it
    alone = [summary(exploding.extract(d)) for d in docs(texts[:8])]
    assert alone == one[:8]


def test_a_failing_document_fails_alone_after_everything_before_it(exploding: Exploding) -> None:
    # the failing text is English like most others, so that it shares a batch with documents before it
    texts = [*TEXTS, "Jan Peeters EXPLODE in Antwerp.", *TEXTS]
    one, err1 = run(exploding, texts, 1)
    two, err2 = run(exploding, texts, 2)
    assert isinstance(err1, ValueError) and isinstance(err2, ValueError)
    assert "cannot parse" in str(err1) and str(err1) == str(err2)
    assert [s[0] for s in one] == [f"d{i}" for i in range(len(TEXTS))]
    assert one == two


def test_a_document_that_cannot_be_planned_fails_in_order() -> None:
    broken = Document(doc_id="broken", text=None, lang="")  # type: ignore[arg-type]
    for workers in (1, 2):
        seen: list[str] = []
        with pytest.raises(TypeError):
            for ex in Extractor().pipe([*docs(TEXTS[:3]), broken, *docs(TEXTS[3:])], workers=workers,
                                       batch_size=2):
                seen.append(ex.document.doc_id)
        assert seen == ["d0", "d1", "d2"]


def test_read_ahead_is_bounded(exploding: Exploding) -> None:
    pulled = []

    def stream() -> Iterator[Document]:
        # one French document, then Dutch ones: the French one may not wait for a full batch
        yield Document(doc_id="fr", text=TEXTS[1], lang="")
        for i in range(200):
            pulled.append(i)
            yield Document(doc_id=f"nl{i}", text=TEXTS[2], lang="")

    for workers in (1, 2):
        pulled.clear()
        first = next(iter(exploding.pipe(stream(), workers=workers, batch_size=4)))
        assert first.document.doc_id == "fr"
        assert len(pulled) <= (LOOKAHEAD_BATCHES + 2) * 4 * 2


def test_no_worker_process_outlives_a_failing_consumer(exploding: Exploding) -> None:
    workers: list[multiprocessing.process.BaseProcess] = []
    with pytest.raises(KeyError):
        for _ex in exploding.pipe(docs(TEXTS * 4), workers=2, batch_size=2):
            workers = multiprocessing.active_children()
            raise KeyError("the consumer broke")
    assert len(workers) == 2
    assert multiprocessing.active_children() == []
    for proc in workers:
        assert not proc.is_alive()
        with pytest.raises(ProcessLookupError):
            os.kill(proc.pid, 0)  # type: ignore[arg-type]


def test_closing_the_pipe_early_ends_the_workers(exploding: Exploding) -> None:
    results = exploding.pipe(docs(TEXTS * 4), workers=2, batch_size=2)
    assert next(results).document.doc_id == "d0"
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []
