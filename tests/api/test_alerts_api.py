"""/alerts over HTTP: analysts save rules, hits come with evidence after an ingest, clearance applies."""

from __future__ import annotations

import pytest
from api_support import Keys, add_keys
from dated_network import CAS, EVA, dated_network
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import open_store

H = Keys.header


@pytest.fixture
def served(tmp_path):
    url = f"sqlite:///{tmp_path / 'case.db'}"
    store = open_store(url)
    store.write(dated_network()[0])  # the well-graded public report only, for now
    store.close()
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    with TestClient(create_app(Settings(store=url, keys_db=keys_db, clearance_cache_s=0.0))) as client:
        yield client, keys, url


def test_rules_hits_after_an_ingest_and_seen(served):
    client, keys, url = served
    rule = {"name": "dirk", "kind": "watchlist", "params": {"entries": [{"name": "Dirk Jacobs"}]}}
    assert client.post("/alerts/rules", json=rule, headers=H(keys.viewer)).status_code == 403
    made = client.post("/alerts/rules", json=rule, headers=H(keys.analyst))
    assert made.status_code == 201 and made.json()["owner"] == "anna"
    assert [r["name"] for r in client.get("/alerts/rules", headers=H(keys.viewer)).json()] == ["dirk"]
    first = client.get("/alerts", params={"unseen": "true"}, headers=H(keys.viewer)).json()
    assert [h["entity_id"] for h in first] == [EVA]
    assert first[0]["evidence"][0]["sentence"] == "Eva Smet phoned Dirk Jacobs on 1 January 2023."
    assert client.post("/alerts/seen", headers=H(keys.analyst)).json() == {"marked": 1}
    # seen marks are per user: the analyst has read it, the viewer has not
    assert client.get("/alerts", params={"unseen": "true"}, headers=H(keys.analyst)).json() == []
    assert [h["entity_id"] for h in client.get("/alerts", params={"unseen": "true"},
                                               headers=H(keys.viewer)).json()] == [EVA]

    store = open_store(url)  # another process ingests the confidential report
    store.write(dated_network()[1])
    store.close()
    new = client.get("/alerts", params={"unseen": "true"}, headers=H(keys.analyst)).json()
    assert {h["entity_id"] for h in new} == {CAS}
    assert {e["date"] for e in new[0]["evidence"]} == {"2023-04-01", "2023-05-20"}
    # a viewer cleared for PUBLIC does not learn of the confidential calls
    low = client.get("/alerts", params={"unseen": "true"}, headers=H(keys.low_viewer)).json()
    assert [h["entity_id"] for h in low] == [EVA]
    assert client.delete("/alerts/rules/dirk", headers=H(keys.analyst)).status_code == 204
    assert client.get("/alerts", headers=H(keys.viewer)).json() == []


def test_bad_rules_say_what_is_expected(served):
    client, keys, _ = served
    bad = client.post("/alerts/rules", json={"name": "q", "kind": "query", "params": {}}, headers=H(keys.analyst))
    assert bad.status_code == 422 and "text" in bad.text
    rule = {"name": "q", "kind": "query", "params": {"text": "Eva"}}
    assert client.post("/alerts/rules", json=rule, headers=H(keys.analyst)).status_code == 201
    again = client.post("/alerts/rules", json=rule, headers=H(keys.analyst))
    assert again.status_code == 409 and "already" in again.json()["detail"]
    assert client.delete("/alerts/rules/nope", headers=H(keys.analyst)).status_code == 404
