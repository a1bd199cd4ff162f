"""Investigations, notes and analyst entries through the API, with need-to-know and the audit log.

The store is the small need-to-know case (``test_need_to_know.build``): Karel Secret is known only
from a SECRET document; Jan Peeters and Zeebrugge Logistics from a PUBLIC one too.
"""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient
from test_need_to_know import ANR, BACKENDS, JAN, KAREL, ZL, build

from api.app import create_app
from api.security.audit import AuditLog
from api.security.keys import KeyStore
from api.settings import Settings
from graph.store import open_store


@pytest.fixture(params=BACKENDS)
def app_keys(request, tmp_path):
    if request.param == "neo4j":
        url = os.environ["HAVENGRAPH_TEST_NEO4J_URL"]
        store = open_store(url)
        store.clear()
        store.close()
    else:
        url = f"sqlite:///{tmp_path / 'ws.db'}"
    build(url)
    keys_db = str(tmp_path / "keys.db")
    ks = KeyStore(keys_db)
    keys = {"public": ks.add_user("pat", "analyst", "PUBLIC"), "secret": ks.add_user("sam", "analyst", "SECRET"),
            "viewer": ks.add_user("vic", "viewer", "SECRET"), "admin": ks.add_user("ada", "admin", "SECRET")}
    ks.close()
    with TestClient(create_app(Settings(store=url, keys_db=keys_db, clearance_cache_s=0.0))) as client:
        yield client, {k: {"Authorization": f"Bearer {v}"} for k, v in keys.items()}, keys_db
    if request.param == "neo4j":
        store = open_store(url)
        store.clear()
        store.close()


# -- investigations ----------------------------------------------------------------------------------

def test_investigation_is_saved_and_reopened_with_its_picture(app_keys):
    client, h, _ = app_keys
    body = {"name": "Zeebrugge director", "pinned": [JAN.entity_id, ZL.entity_id],
            "positions": {JAN.entity_id: {"x": -120.5, "y": 40}, ZL.entity_id: {"x": 80, "y": -10}},
            "filters": {"include_weak": False, "types": ["PERSON", "COMPANY"]}, "notes": "start from the director"}
    made = client.post("/investigations", json=body, headers=h["public"])
    assert made.status_code == 201, made.text
    inv = made.json()["investigation_id"]
    assert [r["investigation_id"] for r in client.get("/investigations", headers=h["public"]).json()] == [inv]
    picture = client.get(f"/investigations/{inv}", headers=h["public"]).json()
    assert picture["filters"] == body["filters"] and picture["notes"] == body["notes"]
    assert {n["entity_id"]: n["position"] for n in picture["nodes"]} == {
        JAN.entity_id: {"x": -120.5, "y": 40.0}, ZL.entity_id: {"x": 80.0, "y": -10.0}}
    assert [(e["source"], e["type"], e["target"]) for e in picture["edges"]] == [
        (JAN.entity_id, "DIRECTOR_OF", ZL.entity_id)]
    assert picture["hidden"] == 0


def test_reopening_hides_what_the_reader_may_not_see(app_keys):
    client, h, _ = app_keys
    inv = client.post("/investigations", json={"name": "Karel", "pinned": [JAN.entity_id, KAREL.entity_id],
                                                 "shared_with": "analyst"}, headers=h["secret"]).json()
    mine = client.get(f"/investigations/{inv['investigation_id']}", headers=h["secret"]).json()
    assert {n["entity_id"] for n in mine["nodes"]} == {JAN.entity_id, KAREL.entity_id}
    shared = client.get(f"/investigations/{inv['investigation_id']}", headers=h["public"]).json()
    assert [n["entity_id"] for n in shared["nodes"]] == [JAN.entity_id] and shared["hidden"] == 1
    assert "karel" not in str(shared["nodes"]).lower() and shared["edges"] == []


def test_investigations_are_private_unless_shared_and_only_the_owner_edits(app_keys):
    client, h, _ = app_keys
    private = client.post("/investigations", json={"name": "mine"}, headers=h["secret"]).json()["investigation_id"]
    shared = client.post("/investigations", json={"name": "team", "shared_with": "analyst"},
                         headers=h["secret"]).json()["investigation_id"]
    assert client.get(f"/investigations/{private}", headers=h["public"]).status_code == 404
    assert [r["investigation_id"] for r in client.get("/investigations", headers=h["public"]).json()] == [shared]
    assert client.get("/investigations", headers=h["viewer"]).json() == []  # shared with analysts, not viewers
    refused = client.put(f"/investigations/{shared}", json={"name": "taken over"}, headers=h["public"])
    assert refused.status_code == 403
    assert client.delete(f"/investigations/{shared}", headers=h["public"]).status_code == 403
    renamed = client.put(f"/investigations/{shared}", json={"name": "team B"}, headers=h["secret"]).json()
    assert renamed["name"] == "team B" and renamed["shared_with"] == "analyst"  # unchanged fields stay
    assert client.delete(f"/investigations/{shared}", headers=h["admin"]).json()["deleted"] is True
    assert client.get(f"/investigations/{shared}", headers=h["secret"]).status_code == 404


# -- notes ---------------------------------------------------------------------------------------------

def test_notes_on_entities_and_relations_follow_clearance(app_keys):
    client, h, _ = app_keys
    on_jan = client.post("/notes", json={"entity_id": JAN.entity_id, "text": "Seen at the gate twice",
                                         "handling": "PUBLIC"}, headers=h["secret"])
    assert on_jan.status_code == 201, on_jan.text
    secret = client.post("/notes", json={"entity_id": JAN.entity_id, "text": "Informant says he pays off crews"},
                         headers=h["secret"]).json()
    assert secret["handling"] == "SECRET"  # the author's clearance by default
    rel = {"source": JAN.entity_id, "type": "DIRECTOR_OF", "target": ZL.entity_id}
    assert client.post("/notes", json={"relation": rel, "text": "Registry extract confirms",
                                       "handling": "PUBLIC"}, headers=h["public"]).status_code == 201
    seen_high = client.get("/notes", params={"entity_id": JAN.entity_id}, headers=h["secret"]).json()
    assert [n["text"] for n in seen_high] == ["Seen at the gate twice", "Informant says he pays off crews"]
    seen_low = client.get("/notes", params={"entity_id": JAN.entity_id}, headers=h["public"]).json()
    assert [n["text"] for n in seen_low] == ["Seen at the gate twice"]
    on_rel = client.get("/notes", params={"source": JAN.entity_id, "type": "DIRECTOR_OF", "target": ZL.entity_id},
                        headers=h["public"]).json()
    assert [(n["text"], n["author"]) for n in on_rel] == [("Registry extract confirms", "pat")]


def test_a_note_is_never_written_down_nor_about_what_one_cannot_see(app_keys):
    client, h, _ = app_keys
    down = client.post("/notes", json={"entity_id": KAREL.entity_id, "text": "x", "handling": "PUBLIC"},
                       headers=h["secret"])
    assert down.status_code == 403 and "SECRET" in down.json()["detail"]
    assert client.post("/notes", json={"entity_id": KAREL.entity_id, "text": "x"},
                       headers=h["public"]).status_code == 404
    assert client.post("/notes", json={"entity_id": JAN.entity_id, "text": "x", "handling": "SECRET"},
                       headers=h["public"]).status_code == 403
    assert client.post("/notes", json={"entity_id": JAN.entity_id, "text": "x"}, headers=h["viewer"]).status_code == 403


# -- analyst entries -------------------------------------------------------------------------------------

def test_analyst_entity_and_link_carry_provenance_and_are_audited(app_keys):
    client, h, keys_db = app_keys
    body = {"reason": "surveillance log 14 May", "handling": "PUBLIC",
            "entities": [{"type": "PERSON", "name": "Dirk Vos"}],
            "links": [{"source": "person:dirk-vos", "type": "ASSOCIATE_OF", "target": JAN.entity_id,
                       "date": "2024-05-14"}]}
    made = client.post("/analyst-facts", json=body, headers=h["public"])
    assert made.status_code == 201, made.text
    entry = made.json()
    assert entry["provenance"].startswith("analyst: pat, ") and entry["provenance"].endswith(", surveillance log 14 May")
    assert entry["entities"] == ["person:dirk-vos"]
    dirk = client.get("/entities/person:dirk-vos", headers=h["public"]).json()
    assert dirk["properties"]["provenance"] == entry["provenance"] and dirk["properties"]["analyst"] is True
    sub = client.get(f"/entities/{JAN.entity_id}/neighbors", headers=h["public"]).json()
    (link,) = [e for e in sub["edges"] if "person:dirk-vos" in (e["source"], e["target"])]
    (ev,) = link["evidence"]
    assert ev["method"] == "analyst" and ev["sentence"].endswith(entry["provenance"]) and ev["date"] == "2024-05-14"
    audit = AuditLog(keys_db)
    try:
        (logged,) = [a for a in audit.entries(who="pat") if a["endpoint"] == "/analyst-facts"]
    finally:
        audit.close()
    assert logged["params"]["reason"] == "surveillance log 14 May" and logged["params"]["doc_id"] == entry["doc_id"]
    assert [d["doc_id"] for d in client.get("/analyst-facts", headers=h["viewer"]).json()] == [entry["doc_id"]]


def test_analyst_entries_obey_need_to_know(app_keys):
    client, h, _ = app_keys
    secret_entry = {"reason": "informant", "entities": [{"type": "PERSON", "name": "Mila Storm"}],
                    "links": [{"source": "person:mila-storm", "type": "ASSOCIATE_OF", "target": JAN.entity_id}]}
    assert client.post("/analyst-facts", json=secret_entry, headers=h["secret"]).json()["handling"] == "SECRET"
    assert client.get("/entities/person:mila-storm", headers=h["secret"]).status_code == 200
    assert client.get("/entities/person:mila-storm", headers=h["public"]).status_code == 404
    assert client.get("/analyst-facts", headers=h["public"]).json() == []
    # linking to Karel (known only at SECRET) in a PUBLIC entry would reveal him: refused
    down = {"reason": "x", "handling": "PUBLIC",
            "links": [{"source": KAREL.entity_id, "type": "WORKS_AT", "target": ANR.entity_id}]}
    assert client.post("/analyst-facts", json=down, headers=h["secret"]).status_code == 403
    assert client.post("/analyst-facts", json={**down, "handling": None}, headers=h["public"]).status_code == 422
    assert client.get(f"/entities/{KAREL.entity_id}", headers=h["public"]).status_code == 404


def test_an_analyst_entry_is_retracted_by_its_author_with_its_facts(app_keys):
    client, h, _ = app_keys
    entry = client.post("/analyst-facts", json={"reason": "typo test", "handling": "PUBLIC",
                                                "entities": [{"type": "COMPANY", "name": "Vos Trading"}]},
                        headers=h["public"]).json()
    assert client.delete(f"/analyst-facts/{entry['doc_id']}", headers=h["secret"]).status_code == 403
    assert client.delete(f"/analyst-facts/{entry['doc_id']}", headers=h["public"]).json()["deleted"] is True
    assert client.get("/entities/company:vos-trading", headers=h["public"]).status_code == 404


def test_analyst_facts_are_drawn_apart_on_the_graph(app_keys):
    client, h, _ = app_keys
    client.post("/analyst-facts", json={"reason": "tip", "handling": "PUBLIC",
                                        "entities": [{"type": "PERSON", "name": "Dirk Vos"}],
                                        "links": [{"source": "person:dirk-vos", "type": "ASSOCIATE_OF",
                                                   "target": JAN.entity_id}]}, headers=h["public"])
    graph = client.get(f"/entities/{JAN.entity_id}/graph", headers=h["public"]).json()
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["person:dirk-vos"].get("analyst") is True and nodes["person:dirk-vos"]["shapeProperties"]
    assert not nodes[JAN.entity_id].get("analyst")
    by_hand = [e for e in graph["edges"] if e.get("analyst")]
    assert [e["relation"] for e in by_hand] == ["ASSOCIATE_OF"] and by_hand[0]["dashes"]
    assert all(not e.get("analyst") for e in graph["edges"] if e["relation"] == "DIRECTOR_OF")
