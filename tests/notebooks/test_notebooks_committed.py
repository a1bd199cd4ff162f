"""The committed notebooks are clean (no outputs), short, valid, and use the library's public names."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
STRIP = ROOT / "notebooks" / "strip_outputs.py"
FIRST_PARTY = {"api", "graph", "ingest", "nlp"}


def load_strip():
    spec = importlib.util.spec_from_file_location("strip_outputs", STRIP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_five_notebooks_are_there() -> None:
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_", "04_", "05_"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_has_no_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    carrying = [i for i, c in enumerate(nb.cells)
                if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert not carrying, f"{path.name}: cells {carrying} carry outputs; run python notebooks/strip_outputs.py"
    assert not load_strip().has_outputs(nb)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_short_and_explained(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    assert len(nb.cells) < 25
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= 4


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_imports_only_public_names(path: Path) -> None:
    """First-party imports name a package's ``__all__`` (or a module constant such as the sample case)."""
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    code = "\n".join(line for line in code.splitlines() if not line.startswith("%"))
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ImportFrom) and node.module.split(".")[0] in FIRST_PARTY:
            module = importlib.import_module(node.module)
            public = getattr(module, "__all__", None)
            for alias in node.names:
                assert not alias.name.startswith("_"), f"{path.name}: private name {alias.name}"
                if public is not None:
                    assert alias.name in public, f"{path.name}: {node.module}.{alias.name} is not in __all__"


def test_strip_script_removes_outputs(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# t"), nbformat.v4.new_code_cell("print(1)")]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    nb.cells[1].execution_count = 3
    nb.metadata["widgets"] = {"state": {}}
    path = tmp_path / "dirty.ipynb"
    nbformat.write(nb, path)
    check = [sys.executable, str(STRIP), "--check", str(path)]
    assert subprocess.run(check, capture_output=True, text=True).returncode == 1
    done = subprocess.run([sys.executable, str(STRIP), str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and "stripped" in done.stdout
    clean = nbformat.read(path, as_version=4)
    assert clean.cells[1].outputs == [] and clean.cells[1].execution_count is None
    assert "widgets" not in clean.metadata and clean.cells[1].source == "print(1)"
    assert subprocess.run(check, capture_output=True, text=True).returncode == 0
