"""Remove outputs and execution counts from notebooks before they are committed.

    python notebooks/strip_outputs.py              # every notebook in this folder
    python notebooks/strip_outputs.py A.ipynb ...  # the named notebooks
    python notebooks/strip_outputs.py --check      # list notebooks that carry outputs; exit 1 if any
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import nbformat

HERE = Path(__file__).resolve().parent
#: per-notebook metadata written by a run that has no place in the repository
RUN_METADATA = ("widgets", "execution")


def has_outputs(nb: Any) -> bool:
    """True when any code cell carries outputs or an execution count, or a cell carries run metadata."""
    for cell in nb.cells:
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            return True
        if any(key in cell.get("metadata", {}) for key in RUN_METADATA):
            return True
    return any(key in nb.metadata for key in RUN_METADATA)


def strip(nb: Any) -> Any:
    """Clear outputs, execution counts and run metadata in place; returns ``nb``."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in RUN_METADATA:
            cell.get("metadata", {}).pop(key, None)
    for key in RUN_METADATA:
        nb.metadata.pop(key, None)
    return nb


def strip_file(path: Path) -> bool:
    """Strip one notebook file; returns whether it changed."""
    nb = nbformat.read(path, as_version=4)
    if not has_outputs(nb):
        return False
    nbformat.write(strip(nb), path)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks (default: all in this folder)")
    parser.add_argument("--check", action="store_true", help="only report notebooks that carry outputs")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(HERE.glob("*.ipynb"))
    dirty = [p for p in paths if has_outputs(nbformat.read(p, as_version=4))]
    if args.check:
        for path in dirty:
            print(f"{path}: has outputs (run python notebooks/strip_outputs.py)")
        return 1 if dirty else 0
    for path in dirty:
        strip_file(path)
        print(f"stripped {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
