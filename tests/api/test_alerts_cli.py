"""``havengraph alerts``: add a rule, ingest, see the new hits with their evidence, mark them seen."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from api.cli import app as cli
from factories import doc_one
from graph.store import open_store

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_rule_then_ingest_then_new_hits(tmp_path):
    url = f"sqlite:///{tmp_path / 'case.db'}"
    store = open_store(url)
    store.write(doc_one())
    store.close()
    saved = json.loads(run("alerts", "add", "jan", "--watch", "Jan Peeters", "--store", url, "--json"))
    assert saved["rule"]["kind"] == "watchlist" and len(saved["hits"]) == 1
    run("alerts", "--mark-seen", "--store", url)
    calls = tmp_path / "calls.csv"
    calls.write_text("source,target,type,date\nJan Peeters,Kris Claes,CONTACTED,2024-02-03\n", encoding="utf-8")
    ingested = runner.invoke(cli, ["ingest", "--edges", str(calls), "--store", url])
    assert ingested.exit_code == 0, ingested.output
    assert "1 new alert hit(s)" in ingested.output
    new = json.loads(run("alerts", "--unseen", "--store", url, "--json"))
    assert [h["title"] for h in new] == ["Jan Peeters -[CONTACTED]- Kris Claes"]
    assert new[0]["evidence"][0]["date"] == "2024-02-03"
    colleague = json.loads(run("alerts", "--unseen", "--who", "kim", "--store", url, "--json"))
    assert len(colleague) == 2  # the first hit was marked seen by this user only
    assert not (tmp_path / "case.alerts.db").exists()  # rules and hits are in the store
    text = run("alerts", "--store", url)
    assert "NEW" in text and "[jan] Jan Peeters -[CONTACTED]- Kris Claes" in text
    assert "jan (watchlist)" in run("alerts", "rules", "--store", url)
    run("alerts", "remove", "jan", "--store", url)
    assert "no rules" in run("alerts", "rules", "--store", url)


def test_ingest_without_rules_makes_no_alert_file(tmp_path):
    calls = tmp_path / "calls.csv"
    calls.write_text("source,target\nA B,C D\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", "--edges", str(calls), "--store", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 0 and "alert" not in result.output
    assert not (tmp_path / "x.alerts.db").exists()
