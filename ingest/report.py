"""What an ingest did: counts, failures with reasons, timing; printable and writable as JSON."""

from __future__ import annotations

import json
import resource
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: names of written documents a report keeps (the first ones); the rest are counted. A list of
#: every name grew with the corpus (about 150 bytes a document) and nothing reads it but people.
DOCUMENTS_LISTED = 1_000


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB: ``VmHWM`` where ``/proc`` has it (the
    process's own peak; ``ru_maxrss`` keeps the peak of the parent it was forked from)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@dataclass
class IngestReport:
    """``ingested`` and ``skipped`` count documents (a zip member or an attachment is one);
    ``failed`` lists ``(path, reason)``; ``ok`` is False when anything failed."""

    ingested: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    files: int = 0
    #: sources of the first ``DOCUMENTS_LISTED`` documents written, in order (``stored`` adds)
    documents: list[str] = field(default_factory=list)
    #: documents written beyond those listed
    documents_unlisted: int = 0
    #: files left out on purpose (a watchlist, a sidecar told so), with why
    ignored: list[tuple[str, str]] = field(default_factory=list)
    #: read, but with a caveat worth knowing (pages without text, replaced characters...)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    #: peak resident memory in MB: ``coordinator`` (this process, over its life so far) and
    #: ``workers`` (the largest extraction worker), when known
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    #: extraction tasks sent to a Dask cluster (``--cluster``)
    cluster_tasks: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def fail(self, path: str, reason: str) -> None:
        self.failed.append((path, reason))

    def stored(self, name: str) -> None:
        """Count a written document; its name is listed while fewer than ``DOCUMENTS_LISTED`` are."""
        self.ingested += 1
        if len(self.documents) < DOCUMENTS_LISTED:
            self.documents.append(name)
        else:
            self.documents_unlisted += 1

    def merge(self, other: IngestReport) -> IngestReport:
        self.ingested += other.ingested
        self.skipped += other.skipped
        self.failed += other.failed
        self.seconds += other.seconds
        self.files += other.files
        room = max(0, DOCUMENTS_LISTED - len(self.documents))
        self.documents += other.documents[:room]
        self.documents_unlisted += other.documents_unlisted + len(other.documents[room:])
        self.ignored += other.ignored
        self.warnings += other.warnings
        for who, mb in other.peak_rss_mb.items():
            self.peak_rss_mb[who] = max(self.peak_rss_mb.get(who, 0.0), mb)
        self.cluster_tasks += other.cluster_tasks
        return self

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "files": self.files,
            "ingested": self.ingested,
            "skipped": self.skipped,
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "ignored": [{"path": p, "reason": r} for p, r in self.ignored],
            "warnings": [{"path": p, "warning": w} for p, w in self.warnings],
            "seconds": round(self.seconds, 3),
            "documents_per_s": round(self.ingested / self.seconds, 2) if self.seconds > 0 else None,
            "peak_rss_mb": self.peak_rss_mb,
            "cluster_tasks": self.cluster_tasks,
            "documents": self.documents,
            "documents_unlisted": self.documents_unlisted,
        }

    def write(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def summary(self) -> str:
        """A few lines for people: counts, then each failure with its reason."""
        lines = [f"{self.ingested} ingested, {self.skipped} unchanged (skipped), {len(self.failed)} failed"
                 f" in {self.seconds:.1f} s"]
        lines += [f"  failed  {reason if reason.startswith(path) else f'{path}: {reason}'}"
                  for path, reason in self.failed]
        lines += [f"  ignored {path}: {reason}" for path, reason in self.ignored]
        lines += [f"  warning {path}: {warning}" for path, warning in self.warnings]
        return "\n".join(lines)
