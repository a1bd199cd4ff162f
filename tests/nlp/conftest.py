"""Shared fixtures: pipelines are built once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.model import Document, Extraction
from nlp import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The full extractor (statistical models for EN and FR), loaded once."""
    return Extractor(lang="auto")


@pytest.fixture(scope="session")
def run(extractor: Extractor) -> Callable[..., Extraction]:
    """Extract one text: ``run("...", lang="en")``."""

    def _run(text: str, lang: str = "auto") -> Extraction:
        ex = extractor if lang == "auto" else Extractor(lang=lang)
        return ex.extract(Document(doc_id="test", text=text, lang=""))

    return _run


def mentions(extraction: Extraction, type_: str | None = None) -> set[tuple[str, str]] | set[str]:
    """Mention texts (of one type) or (type, text) pairs."""
    if type_ is None:
        return {(m.type, m.text) for m in extraction.mentions}
    return {m.text for m in extraction.mentions if m.type == type_}


def relations(extraction: Extraction, typed_only: bool = True) -> set[tuple[str, str, str]]:
    """(type, source name, target name) of the extraction's relations."""
    names = {e.entity_id: e.name for e in extraction.entities}
    return {(r.type, names[r.source], names[r.target]) for r in extraction.relations
            if not typed_only or r.type != "CO_MENTIONED"}
