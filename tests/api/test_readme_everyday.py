"""Every ``havengraph`` line of the README's "Everyday use" runs as written on the demo store."""

from __future__ import annotations

import json
import re
import shlex
import shutil

import uvicorn
from api_support import ROOT, SAMPLE_CASE
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app as cli
from graph.store import sqlite_path
from ingest import synthetic as make

CALLS = ("source,target,type,weight,date\n"
         "+32470184492,+32468207135,CONTACTED,1,2023-10-02\n"
         "+32468207135,+32470184492,CONTACTED,1,2023-10-03\n")


def everyday_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Everyday use", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the Everyday use section has a bash block"
    return [line.split("  #", 1)[0].strip() for line in block.group(1).splitlines()
            if line.startswith("havengraph ")]


def test_every_everyday_line_runs_on_the_demo_store(sample_store, tmp_path, monkeypatch):
    lines = everyday_lines()
    assert len(lines) >= 10
    # the files the examples name, in a working folder; the demo store copied into it
    shutil.copy(sqlite_path(sample_store), tmp_path / "demo.db")
    (tmp_path / "case-files").mkdir()
    for name in ("02_kbo-uittreksel-blauwhoeve.txt", "15_interview-van-aken.txt"):
        shutil.copy(SAMPLE_CASE / name, tmp_path / "case-files" / name)
    (tmp_path / "calls.csv").write_text(CALLS, encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(make.pdf_bytes(["Jordy Van Aken is director of Blauwhoeve Logistics BV."]))
    shutil.copy(SAMPLE_CASE / "watchlist.csv", tmp_path / "watchlist.csv")
    monkeypatch.chdir(tmp_path)
    served = []

    def serve_once(app, **options):  # what uvicorn would serve, asked once instead of forever
        with TestClient(app) as client:
            served.append((client.get("/health").status_code, client.get("/").status_code, options["port"]))

    monkeypatch.setattr(uvicorn, "run", serve_once)
    env = {"HAVENGRAPH_STORE": f"sqlite:///{tmp_path / 'demo.db'}"}
    for line in lines:
        result = CliRunner().invoke(cli, shlex.split(line)[1:], env=env)
        assert result.exit_code == 0, (line, result.output, result.exception)
        if "--json" in line:
            json.loads(result.stdout)
    assert served == [(200, 200, 8000)]
    assert (tmp_path / "firm.html").is_file() and (tmp_path / "case.db").is_file()
    assert (tmp_path / "out" / "suspicious_links.json").is_file()
