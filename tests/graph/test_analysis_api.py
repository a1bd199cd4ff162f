"""The analysis router and the ``havengraph analyze`` commands on the example port case."""

from __future__ import annotations

import json

import pytest
from analysis_fixtures import port_store

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402


@pytest.fixture
def store_url(tmp_path):
    port_store(tmp_path).close()
    return "sqlite:///" + str(tmp_path / "t.db")


@pytest.fixture
def client(tmp_path, store_url):
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("name,type,identifier\nJan Peeters,PERSON,\nMilan Vos,PERSON,\n", encoding="utf-8")
    settings = Settings(store=store_url, auth=False, keys_db=str(tmp_path / "keys.db"), watchlist=str(watchlist))
    with TestClient(create_app(settings)) as c:
        yield c


def test_centrality_endpoint(client):
    r = client.get("/analysis/centrality", params={"measure": "betweenness", "top": 2})
    assert r.status_code == 200, r.text
    rows = r.json()
    assert [row["name"] for row in rows] == ["Scheldt Forwarding NV", "Havenzicht Transport BVBA"]
    assert set(rows[0]) == {"entity_id", "name", "type", "score"}
    typed = client.get("/analysis/centrality", params={"measure": "pagerank", "type": "PERSON", "top": 1}).json()
    assert typed[0]["type"] == "PERSON"
    assert client.get("/analysis/centrality", params={"measure": "fame"}).status_code == 422


def test_communities_brokers_paths_predictions(client):
    comm = client.get("/analysis/communities", params={"seed": 1}).json()
    assert comm["count"] == 3 and comm["modularity"] > 0.3
    assert client.get("/analysis/brokers", params={"top": 1}).json()[0]["name"] == "Scheldt Forwarding NV"
    paths = client.get("/analysis/paths", params={"source": "Els Maes", "target": "Jan Peeters"}).json()
    assert paths[0]["edges"][0]["evidence"][0]["doc_id"]
    assert client.get("/analysis/paths", params={"source": "Nobody", "target": "Jan Peeters"}).status_code == 404
    preds = client.get("/analysis/predict-links", params={"top": 3}).json()
    assert preds and all(p["predicted"] for p in preds)


def test_suspicious_links_from_configured_listed_and_uploaded_watchlists(client):
    configured = client.get("/analysis/suspicious-links", params={"top": 1}).json()
    assert configured[0]["name"] == "Scheldt Forwarding NV"
    assert configured[0]["explanation"]["factors"] and configured[0]["explanation"]["paths"]
    listed = client.get("/analysis/suspicious-links", params=[("name", "Milan Vos"), ("kind", "insiders")]).json()
    assert listed[0]["name"] == "Els Maes" and listed[0]["within_insider_hops"] is True
    uploaded = client.post("/analysis/suspicious-links", params={"top": 2},
                           files={"file": ("w.csv", b"name\nJan Peeters\n", "text/csv")})
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()[0]["entity_id"] == "company:scheldt-forwarding-nv"
    bad = client.post("/analysis/suspicious-links", files={"file": ("w.csv", b"who\nJan\n", "text/csv")})
    assert bad.status_code == 422


def test_cli_commands(store_url, tmp_path):
    from api.cli import app

    runner = CliRunner()
    watchlist = tmp_path / "w.csv"
    watchlist.write_text("name,type,identifier\nJan Peeters,PERSON,\n", encoding="utf-8")
    out = runner.invoke(app, ["analyze", "centrality", "--measure", "degree", "--top", "3", "--json",
                              "--store", store_url])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert len(rows) == 3 and set(rows[0]) == {"entity_id", "name", "type", "score"}
    out = runner.invoke(app, ["analyze", "suspicious-links", "--watchlist", str(watchlist), "--top", "2", "--json",
                              "--store", store_url])
    assert out.exit_code == 0, out.output
    ranked = json.loads(out.stdout)
    assert ranked[0]["name"] == "Scheldt Forwarding NV" and "explanation" in ranked[0]
    out = runner.invoke(app, ["analyze", "paths", "Els Maes", "Jan Peeters", "--k", "2", "--json",
                              "--store", store_url])
    assert out.exit_code == 0 and len(json.loads(out.stdout)) == 2
    target = tmp_path / "g.graphml"
    out = runner.invoke(app, ["analyze", "export", "--format", "graphml", "-o", str(target), "--store", store_url])
    assert out.exit_code == 0 and target.read_text(encoding="utf-8").startswith("<?xml")
    for command in (["communities", "--json"], ["brokers", "--json"], ["predict-links", "--watchlist",
                                                                       str(watchlist), "--json"]):
        out = runner.invoke(app, ["analyze", *command, "--store", store_url])
        assert out.exit_code == 0, (command, out.output)
        json.loads(out.stdout)
