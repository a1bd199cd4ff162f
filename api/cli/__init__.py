"""``havengraph``: a thin command line over the library.

Each area adds its commands in its own module (``register(app)``); every command opens the
store, calls one library function and prints the result. Library errors become one-line
messages with exit code 1.
"""

from __future__ import annotations

import importlib
import sys

import typer

from graph.errors import HavengraphError

app = typer.Typer(
    name="havengraph",
    help="Knowledge graph of criminal network infiltration in seaports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# modules that add commands; a module that is not there yet is skipped
COMMAND_MODULES = ("core", "ingest", "analyze", "store_admin", "users", "resolution", "workspace", "reports",
                   "timeline", "alerts", "bulk_load")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"api.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"api.cli.{name}":
                continue
            raise
        module.register(app)


_register_all()


def main() -> None:
    try:
        app()
    except HavengraphError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(1)
