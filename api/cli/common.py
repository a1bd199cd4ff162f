"""Shared pieces of the CLI: the ``--store`` option, opening a store, JSON-or-text output, one-line errors.

A command is three steps, each a line or two::

    with open_store_from(store) as s:          # opened from --store / HAVENGRAPH_STORE, always closed
        rows = library_function(s, ...)
    emit(rows, json_out, _lines)               # JSON with --json, else the lines of _lines(rows)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from api.settings import Settings
from graph.store import GraphStore, open_store

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store URL: sqlite:///path.db (default) or neo4j://user:password@host:7687. "
                 "Env: HAVENGRAPH_STORE."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]

T = TypeVar("T")


def store_url(url: str | None) -> str:
    """The ``--store`` value, else ``HAVENGRAPH_STORE``, else the embedded default."""
    return url or Settings().store


@contextmanager
def open_store_from(url: str | None) -> Iterator[GraphStore]:
    """``with open_store_from(url) as store:`` opens the store named by ``--store`` (see
    :func:`store_url`) and closes it when the block ends, also on an error."""
    with closing(open_store(store_url(url))) as store:
        yield store


@contextmanager
def open_existing_store(url: str | None) -> Iterator[GraphStore]:
    """Like :func:`open_store_from`, for commands that only read: a store that does not exist is
    an error that says how to make one, not a new empty store."""
    with closing(open_store(store_url(url), create=False)) as store:
        yield store


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def emit(data: T, as_json: bool, lines: Callable[[T], Iterable[str]]) -> None:
    """Print ``data`` as JSON when ``as_json``, else each line that ``lines(data)`` yields.

    A line may carry a style (``typer.style(text, bold=True)``); styles are dropped when the
    output is not a terminal, as ``typer.secho`` does.
    """
    if as_json:
        print_json(data)
        return
    for line in lines(data):
        typer.echo(line)


def fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)
