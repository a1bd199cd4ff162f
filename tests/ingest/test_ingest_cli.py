"""``havengraph ingest`` and ``havengraph export-ftm`` end to end (files that need no NLP, to stay quick)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from graph.store.sqlite import SQLiteStore

runner = CliRunner()
CALLS = "vessel,imo,port,locode,arrival\nMSC Gayane,9074729,Antwerp,BEANR,2023-10-04\n"


def test_ingest_reports_failures_and_exits_1_after_ingesting_the_rest(tmp_path, write):
    folder = write("case/calls.csv", CALLS).parent
    write("case/empty.txt", b"")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["ingest", str(folder), "--store", url, "--mapping", "port_calls",
                                 "--report", str(report), "--no-progress", "--grading", "b2", "--handling", "H1"])
    assert result.exit_code == 1
    assert "1 ingested, 0 unchanged (skipped), 1 failed" in result.output
    assert "empty.txt: empty file" in result.output
    data = json.loads(report.read_text())
    assert data["ingested"] == 1 and data["failed"][0]["path"].endswith("empty.txt")
    with SQLiteStore(url) as db:
        doc = db.list_documents()[0]
        assert (doc["grading"], doc["handling"]) == ("B2", "H1")
        assert db.get_entity("vessel:imo:9074729").name == "MSC Gayane"


def test_ingest_edges_twice_is_idempotent(tmp_path, write):
    edges = write("net.csv", "source,target,weight\nA,B,2\nB,A,1\nB,C,1\n")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first = runner.invoke(app, ["ingest", "--edges", str(edges), "--store", url, "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["ingested"] == 1
    second = runner.invoke(app, ["ingest", "--edges", str(edges), "--store", url, "--json"])
    assert json.loads(second.output)["skipped"] == 1
    stats = runner.invoke(app, ["stats", "--store", url, "--json"])
    counts = json.loads(stats.output)
    # A -> B and B -> A are two contacts (CONTACTED keeps its direction), B -> C a third
    assert (counts["documents"], counts["entities"], counts["relations"]) == (1, 3, 3)


def test_ingest_needs_something_to_do(tmp_path):
    result = runner.invoke(app, ["ingest", "--store", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 1 and "give files or folders" in result.output


def test_bad_options_are_one_line_errors(tmp_path, write):
    path = write("a.csv", CALLS)
    cmd = [sys.executable, "-c", "from api.cli import main; main()", "ingest", str(path), "--store",
           f"sqlite:///{tmp_path / 'x.db'}", "--grading", "not a grade at all!!"]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert done.returncode == 1
    assert "error: grading 'not a grade at all!!' does not look like a code" in done.stderr
    bad_lang = runner.invoke(app, ["ingest", str(path), "--lang", "de", "--store", f"sqlite:///{tmp_path / 'x.db'}"])
    assert bad_lang.exit_code == 1 and "--lang must be one of" in bad_lang.output


def test_export_ftm(tmp_path, write):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner.invoke(app, ["ingest", str(write("calls.csv", CALLS)), "--store", url, "--mapping", "port_calls",
                        "--no-progress"])
    out = tmp_path / "graph.ftm.json"
    result = runner.invoke(app, ["export-ftm", str(out), "--store", url])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    vessel = next(line for line in lines if line["schema"] == "Vessel")
    assert vessel["properties"]["imoNumber"] == ["9074729"]
    assert any(line["schema"] == "UnknownLink" and line["properties"]["role"] == ["called at"] for line in lines)


def test_export_ftm_takes_the_filter_options(tmp_path, write):
    url = f"sqlite:///{tmp_path / 'calls.db'}"
    calls = write("calls.csv", "phone_a,phone_b,start_time\n+32470111111,+32470222222,2024-02-10T10:00\n"
                               "+32470333333,+32470444444,2024-03-05T11:00\n")
    assert runner.invoke(app, ["ingest", str(calls), "--store", url, "--mapping", "call_records",
                               "--no-progress"]).exit_code == 0

    def callers(*options: str) -> list[str]:
        out = tmp_path / "out.ftm.json"
        result = runner.invoke(app, ["export-ftm", str(out), "--store", url, *options])
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in out.read_text().splitlines()]
        return sorted(n for line in lines if line["schema"] == "Call" for n in line["properties"]["callerNumber"])

    assert callers() == ["+32470111111", "+32470333333"]
    assert callers("--from", "2024-03", "--to", "2024-03") == ["+32470333333"]
    assert callers("--relation-type", "OWNS") == []
    bad = runner.invoke(app, ["export-ftm", str(tmp_path / "x.json"), "--store", url, "--from", "2024-04",
                              "--to", "2024-03"])
    assert bad.exit_code == 1 and "is after" in str(bad.exception)
