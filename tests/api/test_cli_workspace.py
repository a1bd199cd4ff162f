"""``havengraph investigations / notes / analyst`` on a temporary store (the need-to-know case)."""

from __future__ import annotations

import json

import pytest
from test_need_to_know import JAN, KAREL, ZL, build
from typer.testing import CliRunner

from api.cli import app
from api.security.audit import AuditLog
from graph.store import open_store

runner = CliRunner()


@pytest.fixture
def url(tmp_path, monkeypatch):
    monkeypatch.delenv("HAVENGRAPH_KEYS_DB", raising=False)
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    build(url)
    return url


def run(*args: str) -> dict | list:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_investigation_saved_listed_and_reopened(url):
    saved = run("investigations", "save", "Director", "--pin", JAN.entity_id, "--pin", ZL.entity_id,
                "--notes", "check the registry", "--who", "ana", "--store", url)
    assert [r["investigation_id"] for r in run("investigations", "list", "--who", "ana", "--store", url)] \
        == [saved["investigation_id"]]
    assert run("investigations", "list", "--who", "bob", "--store", url) == []  # private to its owner
    shown = run("investigations", "show", saved["investigation_id"], "--who", "ana", "--store", url)
    assert [(e["source"], e["type"], e["target"]) for e in shown["edges"]] == [
        (JAN.entity_id, "DIRECTOR_OF", ZL.entity_id)]
    assert shown["notes"] == "check the registry"


def test_note_on_relation_and_no_write_down(url):
    run("notes", "add", f"{JAN.entity_id}|DIRECTOR_OF|{ZL.entity_id}", "confirmed by registry",
        "--handling", "PUBLIC", "--who", "ana", "--store", url)
    (found,) = run("notes", "list", f"{JAN.entity_id}|DIRECTOR_OF|{ZL.entity_id}", "--store", url)
    assert found["text"] == "confirmed by registry" and found["author"] == "ana"
    refused = runner.invoke(app, ["notes", "add", KAREL.entity_id, "x", "--handling", "PUBLIC", "--store", url])
    assert refused.exit_code != 0 and "SECRET" in str(refused.exception)


def test_analyst_entity_with_link_is_stored_with_provenance_and_audited(url):
    made = run("analyst", "entity", "PERSON", "Dirk Vos", "--why", "surveillance log", "--handling", "PUBLIC",
               "--link", f"ASSOCIATE_OF:{JAN.entity_id}", "--who", "ana", "--store", url)
    assert made["entities"] == ["person:dirk-vos"] and made["provenance"].startswith("analyst: ana, ")
    store = open_store(url)
    try:
        (rel,) = [r for r in store.relations_between(["person:dirk-vos", JAN.entity_id])]
        assert rel.evidence[0].method == "analyst" and rel.evidence[0].sentence.endswith("surveillance log")
        assert store.get_document(made["doc_id"]).handling == "PUBLIC"
    finally:
        store.close()
    log = AuditLog(url.split("sqlite:///", 1)[1].replace("cli.db", "cli.keys.db"))
    try:
        (entry,) = log.entries(who="ana")
    finally:
        log.close()
    assert entry["endpoint"] == "havengraph analyst entity" and entry["params"]["doc_id"] == made["doc_id"]
    assert [r["doc_id"] for r in run("analyst", "list", "--store", url)] == [made["doc_id"]]
    result = runner.invoke(app, ["analyst", "retract", made["doc_id"], "--store", url])
    assert result.exit_code == 0, result.output
    assert run("analyst", "list", "--store", url) == []


def test_report_command_writes_chart_and_report(url, tmp_path):
    saved = run("investigations", "save", "Director", "--pin", JAN.entity_id, "--pin", ZL.entity_id,
                "--who", "ana", "--store", url)
    anx, page = tmp_path / "chart.anx", tmp_path / "report.html"
    for fmt, out in (("anx", anx), ("html", page)):
        result = runner.invoke(app, ["report", saved["investigation_id"], "--format", fmt, "--out", str(out),
                                     "--who", "ana", "--store", url])
        assert result.exit_code == 0, result.output
    assert f'EntityId="{JAN.entity_id}"' in anx.read_text() and 'Label="DIRECTOR_OF"' in anx.read_text()
    assert "Jan Peeters is the director of Zeebrugge Logistics BVBA" in page.read_text()
