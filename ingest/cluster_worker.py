"""What runs on a Dask worker: the extractor plugin (pipelines built once per worker) and the task.

Imported only when a cluster is used (it imports ``distributed``); workers on other machines
need the same Havengraph package and spaCy models installed.
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin, get_worker

from graph.model import Document, Extraction
from ingest.cluster import PLUGIN_NAME


class ExtractorPlugin(WorkerPlugin):
    """Holds one extractor per worker; its spaCy pipelines are built when the worker starts
    (and when a lost worker is replaced), never per task."""

    name = PLUGIN_NAME

    def __init__(self, extractor: Any, langs: tuple[str, ...]) -> None:
        self.extractor = extractor
        self.langs = langs

    def setup(self, worker: Any) -> None:
        build = getattr(self.extractor, "nlp", None)
        if build is not None:
            for lang in self.langs:
                build(lang)


def _worker_extractor() -> Any:
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise RuntimeError("the Havengraph extractor plugin is not registered on this worker")
    return plugin.extractor  # type: ignore[attr-defined]


def extract_task(document: Document) -> tuple[str, Extraction | BaseException]:
    """The document's language (detected here when unset) and its extraction without the document
    (the coordinator holds it already), or the error, made safe to send back."""
    from nlp.extractor import _portable

    try:
        extraction = _worker_extractor().extract(document)
    except Exception as exc:
        return document.lang or "", _portable(exc)
    extraction.document = None  # type: ignore[assignment]
    return document.lang or "", extraction
