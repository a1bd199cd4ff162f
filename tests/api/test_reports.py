"""Exports of an investigation: the i2 chart (ANX), the printable report (HTML, and PDF through Chromium)."""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
import zipfile

import pytest
from fastapi.testclient import TestClient
from test_need_to_know import JAN, KAREL, PUBLIC, SECRET, ZL, build

from api.app import create_app
from api.security.keys import KeyStore
from api.settings import Settings


@pytest.fixture
def client_keys(tmp_path):
    url = f"sqlite:///{tmp_path / 'rep.db'}"
    build(url)
    keys_db = str(tmp_path / "keys.db")
    ks = KeyStore(keys_db)
    keys = {"public": ks.add_user("pat", "analyst", "PUBLIC"), "secret": ks.add_user("sam", "analyst", "SECRET")}
    ks.close()
    with TestClient(create_app(Settings(store=url, keys_db=keys_db, clearance_cache_s=0.0))) as client:
        yield client, {k: {"Authorization": f"Bearer {v}"} for k, v in keys.items()}


def _investigation(client, h) -> str:
    entered = client.post("/analyst-facts", json={"reason": "surveillance log", "handling": "PUBLIC",
                                                  "links": [{"source": JAN.entity_id, "type": "EMPLOYED_BY",
                                                             "target": ZL.entity_id}]}, headers=h["secret"])
    assert entered.status_code == 201, entered.text
    client.post("/notes", json={"entity_id": JAN.entity_id, "text": "Seen at gate 4", "handling": "PUBLIC"},
                headers=h["secret"])
    client.post("/notes", json={"entity_id": JAN.entity_id, "text": "Informant reports cash", "handling": "SECRET"},
                headers=h["secret"])
    body = {"name": "Gate 4", "pinned": [JAN.entity_id, ZL.entity_id, KAREL.entity_id], "shared_with": "analyst",
            "positions": {JAN.entity_id: {"x": 300, "y": -40}}, "notes": "Who pays the crane drivers?"}
    return client.post("/investigations", json=body, headers=h["secret"]).json()["investigation_id"]


def test_anx_chart_holds_entities_links_positions_and_sources(client_keys):
    client, h = client_keys
    inv = _investigation(client, h)
    answer = client.get("/reports/anx", params={"investigation_id": inv}, headers=h["secret"])
    assert answer.status_code == 200, answer.text
    chart = ET.fromstring(answer.content)
    entities = {e.get("EntityId"): e for e in chart.iter("Entity")}
    assert set(entities) == {JAN.entity_id, ZL.entity_id, KAREL.entity_id}
    assert entities[JAN.entity_id].find("Icon/IconStyle").get("Type") == "Person"
    declared = {t.get("Name") for t in chart.iter("EntityType")}
    assert {"Person", "Company", "Vessel"} <= declared
    jan_item = next(i for i in chart.iter("ChartItem") if i.find("End/Entity") is not None
                    and i.find("End/Entity").get("EntityId") == JAN.entity_id)
    assert (jan_item.get("XPosition"), jan_item.find("End").get("Y")) == ("300", "-40")
    links = {(i.get("Label"), i.find("Link").get("End1Id"), i.find("Link").get("End2Id")): i
             for i in chart.iter("ChartItem") if i.find("Link") is not None}
    director = links[("DIRECTOR_OF", JAN.entity_id, ZL.entity_id)]
    attrs = {a.get("AttributeClass"): a.get("Value") for a in director.iter("Attribute")}
    assert attrs["Evidence count"] == "2" and PUBLIC.doc_id in attrs["Documents"] and SECRET.doc_id in attrs["Documents"]
    assert director.find("Link/LinkStyle").get("Strength") == "Confirmed"
    by_hand = links[("EMPLOYED_BY", JAN.entity_id, ZL.entity_id)]
    assert by_hand.find("Link/LinkStyle").get("Strength") == "Tentative"  # entered by an analyst
    # the same investigation, opened by a reader cleared PUBLIC: Karel and the SECRET document are not there
    low = client.get("/reports/anx", params={"investigation_id": inv}, headers=h["public"]).text
    assert KAREL.entity_id not in low and SECRET.doc_id not in low and JAN.entity_id in low


def test_html_report_prints_evidence_hashes_and_the_package_manifest(client_keys):
    client, h = client_keys
    inv = _investigation(client, h)
    page = client.get("/reports/html", params={"investigation_id": inv}, headers=h["public"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = page.text
    assert "@media print" in text and "@page" in text
    assert "Jan Peeters is the director of Zeebrugge Logistics BVBA" in text and PUBLIC.doc_id in text
    assert "analyst: sam, " in text and "Who pays the crane drivers?" in text
    assert "Seen at gate 4" in text and "Informant reports cash" not in text  # the SECRET note stays out
    assert "Karel" not in text and SECRET.doc_id not in text
    package = client.post("/evidence-packages", json={"entity_ids": [JAN.entity_id, ZL.entity_id]},
                          headers=h["public"])
    with zipfile.ZipFile(io.BytesIO(package.content)) as zf:
        import json

        manifest = json.loads(zf.read("manifest.json"))
    for name in ("nodes.json", "edges.json", "evidence.csv", "documents.json"):
        assert manifest["files"][name]["sha256"] in text, name


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_pdf_report_is_printed_by_chromium(client_keys):
    pypdf = pytest.importorskip("pypdf")
    client, h = client_keys
    inv = _investigation(client, h)
    answer = client.get("/reports/pdf", params={"investigation_id": inv}, headers=h["public"])
    assert answer.status_code == 200, answer.text
    assert answer.content.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(answer.content))
    words = " ".join(page.extract_text() for page in reader.pages)
    assert "Gate 4" in words and "Evidence package manifest" in words and PUBLIC.doc_id[:16] in words.replace("\n", "")


def test_a_report_needs_something_to_show(client_keys):
    client, h = client_keys
    assert client.get("/reports/html", headers=h["public"]).status_code == 422
    assert client.get("/reports/anx", params={"entity_id": KAREL.entity_id}, headers=h["public"]).status_code == 404


def test_report_names_an_embedded_store_by_file_name_only(client_keys):
    client, h = client_keys
    text = client.get("/reports/html", params={"entity_id": JAN.entity_id}, headers=h["public"]).text
    assert "embedded store rep.db" in text and "sqlite:" not in text
