"""Every endpoint through TestClient, as the role that may use it."""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
import pytest
from api_support import Keys, add_keys, wait_for_job
from fastapi.testclient import TestClient

from api.app import create_app
from api.security.evidence_package import verify_package
from api.settings import Settings
from factories import ANR, ELBA, JAN, PHONE, RUDI, ZL, doc_one
from graph.store import open_store

H = Keys.header


@pytest.fixture
def full(tmp_path, small_store):
    """Auth on, a watchlist naming Rüdiger Maës."""
    watchlist = tmp_path / "watchlist.csv"
    watchlist.write_text("name,type,identifier\nRüdiger Maës,PERSON,+32 470 12 34 56\nNobody Known,PERSON,\n",
                         encoding="utf-8")
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    settings = Settings(store=small_store, keys_db=keys_db, watchlist=str(watchlist), clearance_cache_s=0.0)
    with TestClient(create_app(settings)) as client:
        yield client, keys


def test_search_paginates_and_filters_by_type(full):
    client, keys = full
    first = client.get("/entities", params={"q": "e", "limit": 2}, headers=H(keys.viewer))
    assert len(first.json()) == 2 and first.headers["x-next-offset"] == "2"
    second = client.get("/entities", params={"q": "e", "limit": 2, "offset": 2}, headers=H(keys.viewer))
    assert not {e["entity_id"] for e in first.json()} & {e["entity_id"] for e in second.json()}
    people = client.get("/entities", params={"q": "e", "type": "PERSON"}, headers=H(keys.viewer)).json()
    assert people and {e["type"] for e in people} == {"PERSON"}
    assert client.get("/entities", params={"q": "9074729"}, headers=H(keys.viewer)).json()[0]["entity_id"] \
        == ELBA.entity_id


def test_entity_detail_has_identifiers_documents_and_evidence(full):
    client, keys = full
    body = client.get(f"/entities/{ELBA.entity_id}", headers=H(keys.viewer)).json()
    assert body["identifiers"] == {"IMO": "9074729"}
    assert [d["title"] for d in body["documents"]] == ["one.txt"]
    called = [r for r in body["relations"] if r["type"] == "CALLED_AT"][0]
    assert called["evidence"][0]["sentence"] == "The Maersk Elba called at Antwerp"


def test_neighbours_filters_and_limits(full):
    client, keys = full
    url = f"/entities/{JAN.entity_id}/neighbors"
    two = client.get(url, params={"depth": 2}, headers=H(keys.viewer)).json()
    assert {n["entity_id"] for n in two["nodes"]} == {JAN.entity_id, ZL.entity_id, RUDI.entity_id,
                                                      ELBA.entity_id, PHONE.entity_id}
    only = client.get(url, params={"depth": 2, "type": "VESSEL"}, headers=H(keys.viewer)).json()
    assert {n["entity_id"] for n in only["nodes"]} == {JAN.entity_id, ELBA.entity_id}
    strong = client.get(url, params={"relation_type": "DIRECTOR_OF"}, headers=H(keys.viewer)).json()
    assert {e["type"] for e in strong["edges"]} == {"DIRECTOR_OF"}
    assert len(client.get(url, params={"depth": 2, "limit": 1}, headers=H(keys.viewer)).json()["nodes"]) <= 2
    assert client.get(url, params={"limit": 501}, headers=H(keys.viewer)).status_code == 422


def test_graph_view_is_styled_from_the_schema(full):
    client, keys = full
    body = client.get(f"/entities/{JAN.entity_id}/graph", headers=H(keys.viewer)).json()
    assert body["focus"] == JAN.entity_id
    company = [n for n in body["nodes"] if n["id"] == ZL.entity_id][0]
    assert company["color"] == "#2e86ab" and company["shape"] == "square" and company["value"] > 0
    assert any("director of" in e["title"] for e in body["edges"])


def test_path_and_path_to_watchlist(full):
    client, keys = full
    path = client.get("/paths", params={"source": RUDI.entity_id, "target": ANR.entity_id}, headers=H(keys.viewer))
    assert path.json()["hops"] == 4 and all(e["evidence"] for e in path.json()["edges"])
    watch = client.get("/watchlist", headers=H(keys.viewer)).json()
    assert [w["entity_id"] for w in watch] == [RUDI.entity_id, None]
    hit = client.get("/paths/watchlist", params={"source": ELBA.entity_id}, headers=H(keys.viewer)).json()
    assert hit["target"] == RUDI.entity_id and hit["hops"] == 3
    assert [n["entity_id"] for n in hit["nodes"]] == [ELBA.entity_id, ZL.entity_id, JAN.entity_id, RUDI.entity_id]
    short = client.get("/paths/watchlist", params={"source": ELBA.entity_id, "max_depth": 2}, headers=H(keys.viewer))
    assert short.status_code == 404 and short.json()["error"] == "NoPath"


def test_documents_list_show_and_highlight(full):
    client, keys = full
    docs = client.get("/documents", headers=H(keys.viewer)).json()
    assert [d["title"] for d in docs] == ["one.txt", "two.txt"]
    one = client.get(f"/documents/{docs[0]['doc_id']}", headers=H(keys.viewer)).json()
    assert one["text"].startswith("Jan Peeters is the director")
    assert f'<mark class="t-PERSON" data-entity="{JAN.entity_id}">Jan Peeters</mark>' in one["html"]
    assert client.get("/documents/" + "0" * 64, headers=H(keys.viewer)).status_code == 404


def test_upload_checks_type_and_ingests(full):
    client, keys = full
    bad = [("a.exe", b"MZ\x90\x00", 422), ("junk.txt", b"\x00\x01\x02binary", 422),
           ("fake.pdf", b"hello, not a pdf", 422), ("empty.txt", b"", 422)]
    for name, data, status in bad:
        resp = client.post("/documents", files={"file": (name, data)}, headers=H(keys.analyst))
        assert resp.status_code == status, (name, resp.text)
    pytest.importorskip("nlp")
    text = (b"FICTIONAL. Report of 2 March 2024: Piet Janssens is the director of Scheldt Forwarding NV in Antwerp. "
            b"The vessel MSC Aurora (IMO 9074729) called at the port of Antwerp.")
    resp = client.post("/documents", files={"file": ("report.txt", text, "text/plain")},
                       data={"handling": "RESTRICTED", "grading": "B2"}, headers=H(keys.analyst))
    assert resp.status_code == 202, resp.text
    job = wait_for_job(client, resp.json()["job_id"], keys.analyst)
    assert job["status"] == "done", job
    body = job["result"]
    assert body["status"] == "written" and body["handling"] == "RESTRICTED" and body["entities"] > 0
    again = client.post("/documents", files={"file": ("report.txt", text)}, headers=H(keys.analyst))
    assert wait_for_job(client, again.json()["job_id"], keys.analyst)["result"]["status"] == "skipped"
    doc = client.get(f"/documents/{body['doc_id']}", headers=H(keys.admin)).json()
    assert doc["source"] == "report.txt" and doc["grading"] == "B2" and "<mark" in doc["html"]
    # a viewer cleared for SECRET sees it, one cleared for PUBLIC does not
    assert client.get(f"/documents/{body['doc_id']}", headers=H(keys.viewer)).status_code == 200
    assert client.get(f"/documents/{body['doc_id']}", headers=H(keys.low_viewer)).status_code == 404
    assert client.get("/entities", params={"q": "Janssens"}, headers=H(keys.viewer)).json()
    assert client.get("/entities", params={"q": "Janssens"}, headers=H(keys.low_viewer)).json() == []


def test_delete_document_removes_its_evidence(full):
    client, keys = full
    doc_id = doc_one().document.doc_id
    resp = client.delete(f"/documents/{doc_id}", headers=H(keys.admin))
    assert resp.json() == {"doc_id": doc_id, "deleted": True}
    assert client.get(f"/entities/{ELBA.entity_id}", headers=H(keys.admin)).status_code == 404
    assert client.delete(f"/documents/{doc_id}", headers=H(keys.admin)).status_code == 404


def test_exports_parse(full):
    client, keys = full
    graphml = client.get("/exports/graphml", headers=H(keys.analyst))
    assert graphml.headers["content-disposition"].endswith('havengraph.graphml"')
    graph = nx.read_graphml(io.BytesIO(graphml.content))
    assert graph.number_of_nodes() == 6 and graph.nodes[JAN.entity_id]["name"] == "Jan Peeters"
    gexf = nx.read_gexf(io.BytesIO(client.get("/exports/gexf", headers=H(keys.analyst)).content))
    assert gexf.number_of_nodes() == 6
    edges = list(csv.DictReader(io.StringIO(client.get("/exports/csv", headers=H(keys.analyst)).text)))
    assert {e["type"] for e in edges} >= {"DIRECTOR_OF", "CALLED_AT", "CONTACTED"}
    nodes = client.get("/exports/nodes.csv", params={"entity_id": ELBA.entity_id, "depth": 1},
                       headers=H(keys.analyst)).text
    assert nodes.splitlines()[0] == "entity_id,name,type" and len(nodes.splitlines()) == 4
    assert client.get("/exports/xlsx", headers=H(keys.analyst)).status_code == 422


def test_evidence_package_round_trip_and_tampering(full):
    client, keys = full
    resp = client.post("/evidence-packages", json={"source": RUDI.entity_id, "target": ANR.entity_id},
                       headers=H(keys.analyst))
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/zip"
    data = resp.content
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert names == {"query.json", "nodes.json", "edges.json", "evidence.csv", "documents.json", "manifest.json",
                     "manifest.sha256"}
    rows = list(csv.DictReader(io.StringIO(zipfile.ZipFile(io.BytesIO(data)).read("evidence.csv").decode())))
    assert len(rows) == 4 and all(len(r["doc_sha256"]) == 64 and r["snippet"] for r in rows)
    check = client.post("/evidence-packages/verify", files={"file": ("p.zip", data)}, headers=H(keys.viewer)).json()
    assert check["valid"] is True and check["counts"]["edges"] == 4

    tampered = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            dst.writestr(name, body.replace(b"Jan Peeters", b"Jon Peeters") if name == "nodes.json" else body)
    bad = client.post("/evidence-packages/verify", files={"file": ("p.zip", tampered.getvalue())},
                      headers=H(keys.viewer)).json()
    assert bad["valid"] is False and "nodes.json was altered" in bad["problems"][0]
    assert verify_package(b"not a zip")["valid"] is False
    assert client.post("/evidence-packages", json={}, headers=H(keys.analyst)).status_code == 422


def test_package_spans_checked_against_the_store(full, small_store):
    client, keys = full
    data = client.post("/evidence-packages", json={"entity_id": ELBA.entity_id}, headers=H(keys.analyst)).content
    store = open_store(small_store)
    try:
        assert verify_package(data, store)["valid"] is True
        store.delete_document(doc_one().document.doc_id)
        result = verify_package(data, store)
    finally:
        store.close()
    assert result["valid"] is False and "is not in the store" in result["problems"][0]


def test_resolution_review_merge_split_pin(full):
    client, keys = full
    h = H(keys.analyst)
    assert client.get("/resolution/candidates", headers=h).json() == []
    merged = client.post("/resolution/merge", json={"keep": JAN.entity_id, "drop": RUDI.entity_id,
                                                    "reason": "same phone"}, headers=h)
    assert merged.status_code == 200, merged.text
    decision = merged.json()
    assert decision["kind"] == "merge" and decision["who"] == "anna"
    gone = client.get(f"/entities/{RUDI.entity_id}", headers=h).json()  # the old id leads to the merged entity
    assert gone["entity_id"] == JAN.entity_id and gone["requested_id"] == RUDI.entity_id
    assert client.get("/resolution/decisions", params={"kind": "merge"}, headers=h).json()[0]["reason"] == "same phone"
    split = client.post(f"/resolution/split/{decision['decision_id']}", headers=h)
    assert split.status_code == 200 and split.json()["kind"] == "distinct"
    assert client.get(f"/entities/{RUDI.entity_id}", headers=h).json()["entity_id"] == RUDI.entity_id
    pin = client.post("/resolution/pin", json={"a": ZL.entity_id, "b": ANR.entity_id}, headers=h)
    assert pin.status_code == 200 and pin.json()["kind"] == "distinct"
    assert client.post("/resolution/merge", json={"keep": JAN.entity_id, "drop": ZL.entity_id},
                       headers=h).status_code == 422  # a person and a company
    assert client.post("/resolution/split/nope", headers=h).status_code == 404


def test_cypher_needs_neo4j(full):
    client, keys = full
    resp = client.post("/cypher", json={"query": "MATCH (n) RETURN count(n)"}, headers=H(keys.analyst))
    assert resp.status_code == 400 and resp.json()["detail"] == "Cypher needs a Neo4j store"


def test_account_schema_stats_users(full):
    client, keys = full
    assert client.get("/me", headers=H(keys.low_viewer)).json() == {"name": "lou", "role": "viewer",
                                                                     "clearance": "PUBLIC"}
    schema = client.get("/schema", headers=H(keys.viewer)).json()
    assert schema["styles"]["VESSEL"] == {"color": "#0b7a75", "shape": "triangle"}
    assert schema["handling_levels"][0] == "PUBLIC"
    assert client.get("/stats", headers=H(keys.viewer)).json()["entities"] == 6
    users = client.get("/users", headers=H(keys.admin)).json()
    assert {u["name"]: u["role"] for u in users} == {"adam": "admin", "anna": "analyst", "lou": "viewer",
                                                     "vera": "viewer"}
    assert all(len(u["key_id"]) == 8 for u in users)


def test_openapi_models_come_from_the_schema(full):
    client, _ = full
    spec = client.get("/openapi.json").json()
    types = spec["components"]["schemas"]["EntityOut"]["properties"]["type"]
    assert set(types["enum"]) == {"PERSON", "COMPANY", "ORGANIZATION", "VESSEL", "PORT", "LOCATION", "ADDRESS",
                                  "CONTAINER", "PHONE", "HANDLE", "EMAIL", "BANK_ACCOUNT", "SHIPMENT"}
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    neighbours = spec["paths"]["/entities/{entity_id}/neighbors"]["get"]["responses"]
    assert neighbours["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
