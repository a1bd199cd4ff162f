"""The query API through FastAPI's TestClient, on a small hand-built store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from factories import ANR, JAN, RUDI, ZL, doc_one, doc_two
from graph.store import open_store


@pytest.fixture
def client(tmp_path):
    url = f"sqlite:///{tmp_path / 'api.db'}"
    store = open_store(url)
    store.write(doc_one())
    store.write(doc_two())
    store.close()
    with TestClient(create_app(Settings(store=url, auth=False))) as c:
        yield c


def test_health(client):
    assert client.get("/health").json()["status"] == "ok"


def test_search_and_detail(client):
    hits = client.get("/entities", params={"q": "peeters"}).json()
    assert hits[0]["entity_id"] == JAN.entity_id
    detail = client.get(f"/entities/{JAN.entity_id}").json()
    assert detail["name"] == "Jan Peeters"
    assert any(r["type"] == "DIRECTOR_OF" and r["evidence"][0]["sentence"] for r in detail["relations"])
    assert detail["mentions"]


def test_neighbors_and_bounds(client):
    body = client.get(f"/entities/{JAN.entity_id}/neighbors", params={"depth": 1}).json()
    assert {n["entity_id"] for n in body["nodes"]} == {JAN.entity_id, ZL.entity_id, RUDI.entity_id}
    assert client.get(f"/entities/{JAN.entity_id}/neighbors", params={"depth": 9}).status_code == 422
    missing = client.get("/entities/person:nobody/neighbors")
    assert missing.status_code == 404
    assert missing.json()["error"] == "EntityNotFound"


def test_paths_with_evidence(client):
    body = client.get("/paths", params={"source": RUDI.entity_id, "target": ANR.entity_id}).json()
    assert [n["entity_id"] for n in body["nodes"]][0] == RUDI.entity_id
    assert all(e["evidence"] for e in body["edges"])
    assert client.get("/paths", params={"source": RUDI.entity_id, "target": ANR.entity_id,
                                        "max_depth": 2}).status_code == 404


def test_subgraph_page_is_self_contained(client):
    page = client.get(f"/entities/{JAN.entity_id}/subgraph.html")
    assert page.status_code == 200
    assert "vis.Network" in page.text and "Jan Peeters" in page.text
    assert not re.search(r"https?://", page.text)


def test_openapi_is_served(client):
    assert "/entities/{entity_id}/neighbors" in client.get("/openapi.json").json()["paths"]
