"""Shared pieces of the CLI: the ``--store`` option, JSON output, one-line errors."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any, NoReturn

import typer

from api.settings import Settings
from graph.store import GraphStore, open_store

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store URL: sqlite:///path.db (default) or neo4j://user:password@host:7687. "
                 "Env: HAVENGRAPH_STORE."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def store_url(url: str | None) -> str:
    """The ``--store`` value, else ``HAVENGRAPH_STORE``, else the embedded default."""
    return url or Settings().store


def open_store_from(url: str | None) -> GraphStore:
    return open_store(store_url(url))


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)
