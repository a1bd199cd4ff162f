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
