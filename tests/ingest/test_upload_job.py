"""One upload's reader runs in its own Python process: it works from any caller, even a script
without a main guard (which a multiprocessing ``spawn`` child would import and run again)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("nlp")

SCRIPT = """
import sys
from pathlib import Path
from ingest.upload_job import Budget, extract_in_child
extraction = extract_in_child(Path(sys.argv[1]), "note.txt", budget=Budget(seconds=120))
print("entities", len(extraction.entities), extraction.document.title)
"""


def test_the_reader_process_does_not_run_the_callers_script_again(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Els Maes is the director of Scheldt Forwarding NV in Antwerp.", encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(note)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("entities ") and lines[0].endswith(" note.txt"), done.stdout
    assert int(lines[0].split()[1]) >= 2
