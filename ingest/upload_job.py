"""Read and extract one uploaded file in a child process, within a time and memory budget.

A server must not let one file take it down: a large or pathological upload can run the NLP for
many CPU-minutes and grow to gigabytes. The extraction therefore runs in a fresh Python process
(``python -m ingest.upload_job``: nothing of the server's threads, locks or main module is
inherited) with resource limits; the job goes in as JSON on its stdin and the answer comes back as
JSON lines. The parent watches the clock and the child's resident memory and kills it when a
budget is spent.
Resolution and the write stay in the caller's process, next to its store.

The CLI's ``havengraph ingest`` does not go through here: it runs in its own process already.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from graph.errors import HavengraphError, InvalidInput, UnreadableDocument
from graph.model import Extraction, extraction_from_record, extraction_to_record
from ingest.ocr import IMAGE_MAGIC, image_pages, scanned_pdf_pages

__all__ = ["Budget", "BudgetExceeded", "extract_in_child"]

_POLL_S = 0.1


class BudgetExceeded(InvalidInput):
    """An upload needed more time or memory than one upload may take."""


@dataclass(frozen=True)
class Budget:
    """What one upload may take: wall-clock seconds and resident memory of its extraction."""

    seconds: float = 300.0
    memory_mb: int = 1500
    #: more seconds for each scanned page read by OCR (an image, a PDF page without a text layer)
    ocr_page_seconds: float = 120.0

    def allowed(self, ocr_pages: int) -> str:
        """The time budget in words, for a file with ``ocr_pages`` scanned pages."""
        if not ocr_pages:
            return f"the {self.seconds:g} s one upload may take"
        total = self.seconds + ocr_pages * self.ocr_page_seconds
        return (f"the {total:g} s this upload may take ({self.seconds:g} s, and {self.ocr_page_seconds:g} s of "
                f"OCR for each of its {ocr_pages} scanned page(s))")


def extract_in_child(path: Path, name: str, *, lang: str = "auto", handling: str | None = None,
                     grading: str | None = None, budget: Budget = Budget(),
                     on_stage: Callable[[str, float], None] | None = None) -> Extraction:
    """Read ``path`` (shown to users as ``name``) and extract it in a child process.

    ``on_stage(stage, progress)`` is called as the child moves on (``reading``, ``extracting``).
    Raises ``BudgetExceeded`` when the child is stopped for time or memory, ``UnreadableDocument``
    when the file cannot be read; messages name the file, never a path on this server.
    """
    # an image's pages are known here; a PDF's scanned pages are counted by the child (it parses the PDF)
    with open(path, "rb") as fh:
        ocr_pages = image_pages(fh.read())
    job = {"path": str(path), "name": name, "lang": lang, "handling": handling, "grading": grading,
           "seconds": budget.seconds + ocr_pages * budget.ocr_page_seconds, "memory_mb": budget.memory_mb}
    # ``python -m`` rather than multiprocessing: the child never imports the server's main module
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    child = subprocess.Popen([sys.executable, "-m", "ingest.upload_job"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, env=env)
    messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
    reader = threading.Thread(target=_read_messages, args=(child.stdout, messages), daemon=True)
    reader.start()
    assert child.stdin is not None
    child.stdin.write(json.dumps(job).encode())
    child.stdin.close()
    started = time.monotonic()
    deadline = started + budget.seconds + ocr_pages * budget.ocr_page_seconds
    try:
        while True:
            try:
                message = messages.get(timeout=_POLL_S)
            except queue.Empty:
                message = {}
            if message is None:  # the child closed its output: it ended, with or without an answer
                raise _stopped(child, name, budget)
            if "ocr_pages" in message and not ocr_pages:  # a PDF with scanned pages: OCR gets its time
                ocr_pages = int(message["ocr_pages"])
                deadline = started + budget.seconds + ocr_pages * budget.ocr_page_seconds
            elif "stage" in message and on_stage is not None:
                on_stage(message["stage"], message["progress"])
            elif "done" in message:
                return extraction_from_record(message["done"])
            elif "error" in message:
                kind, text = message["error"]
                raise _ERRORS.get(kind, UnreadableDocument)(text)
            if time.monotonic() > deadline:
                raise BudgetExceeded(f"{name} took longer than {budget.allowed(ocr_pages)} and was stopped; "
                                     "split it into smaller files, or ask an administrator to ingest it with "
                                     "`havengraph ingest` (no budget there)")
            rss = _resident_mb(child.pid)
            if rss is not None and rss > budget.memory_mb:
                raise BudgetExceeded(f"{name} needed more than the {budget.memory_mb} MB of memory one upload "
                                     "may take and was stopped; split it into smaller files, or ask an "
                                     "administrator to ingest it with `havengraph ingest`")
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(5)
        if child.stdout is not None:
            child.stdout.close()


def _read_messages(stream: IO[bytes] | None, messages: queue.Queue[dict[str, Any] | None]) -> None:
    """The child's JSON lines, one message each, then None when it closes its output."""
    try:
        for line in stream or ():
            try:
                messages.put(json.loads(line))
            except ValueError:
                continue
    finally:
        messages.put(None)


def _stopped(child: subprocess.Popen[bytes], name: str, budget: Budget) -> HavengraphError:
    try:
        code = child.wait(1)
    except subprocess.TimeoutExpired:
        code = None
    return BudgetExceeded(f"{name} could not be processed within one upload's budget ({budget.seconds:g} s, "
                          f"{budget.memory_mb} MB; the reader stopped with code {code}); split it into "
                          "smaller files, or ask an administrator to ingest it with `havengraph ingest`")


_ERRORS: dict[str, type[HavengraphError]] = {"InvalidInput": InvalidInput, "UnreadableDocument": UnreadableDocument,
                                             "BudgetExceeded": BudgetExceeded}


def _resident_mb(pid: int | None) -> float | None:
    """The resident memory of process ``pid`` in MB (Linux ``/proc``; None where it cannot be read)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def _limit_child(budget: Budget) -> None:
    """Backstops in the child itself: CPU seconds and address space (the parent watches resident memory)."""
    try:
        import resource
    except ImportError:  # not on this platform: the parent's watch still applies
        return
    cpu = int(budget.seconds) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    space = (budget.memory_mb + 1024) * 1024 * 1024  # the models map more than they keep resident
    resource.setrlimit(resource.RLIMIT_AS, (space, space))


def _child_main() -> None:
    """The child: the job as JSON on stdin; read, extract, answer as JSON lines on the original stdout."""
    answer = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the answer
    job = json.loads(sys.stdin.read())
    path, name = job["path"], job["name"]
    budget = Budget(seconds=job["seconds"], memory_mb=job["memory_mb"])

    def send(**message: Any) -> None:
        answer.write(json.dumps(message, ensure_ascii=False, default=str) + "\n")
        answer.flush()

    try:
        _limit_child(budget)
        from ingest import read_file
        from nlp import Extractor

        send(stage="reading", progress=0.1)
        with open(path, "rb") as fh:
            head = fh.read(1024)
        if head.startswith(b"%PDF") or b"%PDF-" in head:
            scanned = scanned_pdf_pages(Path(path).read_bytes())
            if scanned:
                send(ocr_pages=scanned)
                send(stage="ocr", progress=0.15)
        elif head.startswith(IMAGE_MAGIC):
            send(stage="ocr", progress=0.15)
        document = read_file(path, grading=job["grading"], handling=job["handling"])
        document.source = name
        document.title = document.title or name
        send(stage="extracting", progress=0.3)
        extraction = Extractor(job["lang"]).extract(document)
        send(done=extraction_to_record(extraction))
    except MemoryError:
        send(error=["BudgetExceeded", f"{name} needed more than the {budget.memory_mb} MB of memory one upload "
                                      "may take; split it into smaller files"])
    except HavengraphError as exc:
        send(error=[type(exc).__name__, _scrub(str(exc), path, name)])
    except Exception as exc:  # noqa: BLE001 - any reader failure is this file's problem, told without paths
        send(error=["UnreadableDocument", f"{name} could not be read: {_scrub(str(exc), path, name)}"])
    finally:
        answer.close()
        os._exit(0)  # skip interpreter teardown: nothing else to flush, and it is slow with the models loaded


def _scrub(message: str, path: str, name: str) -> str:
    """``message`` without this server's paths: the temporary file is named as the user named it."""
    folder = str(Path(path).parent)
    return message.replace(path, name).replace(folder + os.sep, "").replace(folder, "")


if __name__ == "__main__":
    _child_main()
