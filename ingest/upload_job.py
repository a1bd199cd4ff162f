"""Read and extract one uploaded file in a child process, within a time and memory budget.

A server must not let one file take it down: a large or pathological upload can run the NLP for
many CPU-minutes and grow to gigabytes. The extraction therefore runs in a fresh child process
(``spawn``: nothing of the server's threads or locks is inherited) with resource limits; the
parent watches the clock and the child's resident memory and kills it when a budget is spent.
Resolution and the write stay in the caller's process, next to its store.

The CLI's ``havengraph ingest`` does not go through here: it runs in its own process already.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.errors import HavengraphError, InvalidInput, UnreadableDocument
from graph.model import Extraction, extraction_from_record, extraction_to_record

__all__ = ["Budget", "BudgetExceeded", "extract_in_child"]

_POLL_S = 0.1


class BudgetExceeded(InvalidInput):
    """An upload needed more time or memory than one upload may take."""


@dataclass(frozen=True)
class Budget:
    """What one upload may take: wall-clock seconds and resident memory of its extraction."""

    seconds: float = 300.0
    memory_mb: int = 1500


def extract_in_child(path: Path, name: str, *, lang: str = "auto", handling: str | None = None,
                     grading: str | None = None, budget: Budget = Budget(),
                     on_stage: Callable[[str, float], None] | None = None) -> Extraction:
    """Read ``path`` (shown to users as ``name``) and extract it in a child process.

    ``on_stage(stage, progress)`` is called as the child moves on (``reading``, ``extracting``).
    Raises ``BudgetExceeded`` when the child is stopped for time or memory, ``UnreadableDocument``
    when the file cannot be read; messages name the file, never a path on this server.
    """
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child_main, name=f"havengraph-upload-{name[:40]}", daemon=True,
                        args=(send, str(path), name, lang, handling, grading, budget))
    child.start()
    send.close()
    deadline = time.monotonic() + budget.seconds
    try:
        while True:
            if receive.poll(_POLL_S):
                try:
                    message = receive.recv()
                except EOFError:
                    raise _stopped(child, name, budget) from None
                kind = message[0]
                if kind == "stage" and on_stage is not None:
                    on_stage(message[1], message[2])
                elif kind == "done":
                    return extraction_from_record(message[1])
                elif kind == "error":
                    raise _ERRORS.get(message[1], UnreadableDocument)(message[2])
                continue
            if not child.is_alive() and not receive.poll(0):
                raise _stopped(child, name, budget)
            if time.monotonic() > deadline:
                raise BudgetExceeded(f"{name} took longer than the {budget.seconds:g} s one upload may take and "
                                     "was stopped; split it into smaller files, or ask an administrator to "
                                     "ingest it with `havengraph ingest` (no budget there)")
            rss = _resident_mb(child.pid)
            if rss is not None and rss > budget.memory_mb:
                raise BudgetExceeded(f"{name} needed more than the {budget.memory_mb} MB of memory one upload "
                                     "may take and was stopped; split it into smaller files, or ask an "
                                     "administrator to ingest it with `havengraph ingest`")
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()


def _stopped(child: Any, name: str, budget: Budget) -> HavengraphError:
    child.join(1)
    return BudgetExceeded(f"{name} could not be processed within one upload's budget ({budget.seconds:g} s, "
                          f"{budget.memory_mb} MB; the reader stopped with code {child.exitcode}); split it into "
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


def _child_main(send: Connection, path: str, name: str, lang: str, handling: str | None, grading: str | None,
                budget: Budget) -> None:
    """The child: read, extract, send the extraction back as a plain record."""
    try:
        _limit_child(budget)
        from ingest import read_file
        from nlp import Extractor

        send.send(("stage", "reading", 0.1))
        document = read_file(path, grading=grading, handling=handling)
        document.source = name
        document.title = document.title or name
        send.send(("stage", "extracting", 0.3))
        extraction = Extractor(lang).extract(document)
        send.send(("done", extraction_to_record(extraction)))
    except MemoryError:
        send.send(("error", "BudgetExceeded", f"{name} needed more than the {budget.memory_mb} MB of memory one "
                                              "upload may take; split it into smaller files"))
    except HavengraphError as exc:
        send.send(("error", type(exc).__name__, _scrub(str(exc), path, name)))
    except Exception as exc:  # noqa: BLE001 - any reader failure is this file's problem, told without paths
        send.send(("error", "UnreadableDocument", f"{name} could not be read: {_scrub(str(exc), path, name)}"))
    finally:
        send.close()
        os._exit(0)  # skip interpreter teardown: nothing else to flush, and it is slow with the models loaded


def _scrub(message: str, path: str, name: str) -> str:
    """``message`` without this server's paths: the temporary file is named as the user named it."""
    folder = str(Path(path).parent)
    return message.replace(path, name).replace(folder + os.sep, "").replace(folder, "")
