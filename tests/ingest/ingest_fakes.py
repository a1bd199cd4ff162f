"""A tiny deterministic extractor with the ``nlp.Extractor`` interface, for ingest tests.

It finds capitalised two-word names (``Jan Peeters``) as PERSON mentions and links names on the
same line with CO_MENTIONED; a document containing ``EXPLODE`` makes it raise, and ``delay``
slows it down (for the interrupted-ingest test).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator

from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation

NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


class FakeExtractor:
    def __init__(self, lang: str = "auto", delay: float = 0.0, fail_on: str | None = "EXPLODE") -> None:
        self.lang = lang
        self.delay = delay
        self.fail_on = fail_on
        self.seen: list[str] = []

    def extract(self, document: Document) -> Extraction:
        if self.fail_on and self.fail_on in document.text:
            raise RuntimeError("the extractor choked on this document")
        if self.delay:
            time.sleep(self.delay)
        self.seen.append(document.doc_id)
        if not document.lang:
            document.lang = "en" if self.lang == "auto" else self.lang
        entities: dict[str, Entity] = {}
        mentions, relations = [], []
        pos = 0
        for line in document.text.split("\n"):
            found = []
            for m in NAME.finditer(line):
                eid = entity_id("PERSON", m.group())
                entities.setdefault(eid, Entity(eid, "PERSON", m.group()))
                mentions.append(Mention(eid, m.group(), "PERSON", pos + m.start(), pos + m.end(), document.doc_id))
                found.append(eid)
            for a, b in zip(found, found[1:], strict=False):
                if a != b:
                    relations.append(Relation(a, b, "CO_MENTIONED", [Evidence(
                        document.doc_id, pos, pos + len(line), line, "cooccurrence", "fake")]))
            pos += len(line) + 1
        return Extraction(document=document, entities=list(entities.values()), mentions=mentions,
                          relations=relations)

    def pipe(self, documents: Iterable[Document], workers: int = 1) -> Iterator[Extraction]:
        for document in documents:
            yield self.extract(document)
