"""Every top-level CLI command is shown in the README (the way sqlite-utils keeps its docs honest)."""

from __future__ import annotations

from pathlib import Path

from api.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    import typer.main

    group = typer.main.get_command(app)
    missing = [name for name in group.commands if f"havengraph {name}" not in README]
    assert not missing, f"document these commands in README.md: {missing}"
