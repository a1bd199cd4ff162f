"""What the API shows about the sample case must agree with its evidence (issue 14)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from api_support import SAMPLE_CASE, Keys, add_keys
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

H = Keys.header


@pytest.fixture(scope="module")
def case(sample_store, tmp_path_factory):
    keys_db = str(tmp_path_factory.mktemp("keys") / "keys.db")
    keys = add_keys(keys_db)
    settings = Settings(store=sample_store, keys_db=keys_db, watchlist=str(SAMPLE_CASE / "watchlist.csv"),
                        clearance_cache_s=0.0)
    with TestClient(create_app(settings)) as client:
        yield client, keys


def test_watchlist_rows_name_the_people_they_list(case):
    client, keys = case
    rows = {r["name"]: r for r in client.get("/watchlist", headers=H(keys.viewer)).json()}
    assert rows["Stijn Dewolfs"]["entity_id"] == "person:stijn-dewolfs"
    assert rows["Esteban Laínez Montero"]["entity_id"] == "person:esteban-lainez-montero"
    assert rows["Nordin Haddouchi"]["entity_id"] == "person:nordin-haddouchi"
    listed = {eid for r in rows.values() for eid in r["entity_ids"]}
    assert "person:jordy-van-aken" not in listed  # the straw director is not on the watchlist


def test_path_to_watchlist_from_the_firm_ends_at_a_listed_member(case):
    client, keys = case
    firm = client.get("/entities", params={"q": "Blauwhoeve Logistics BV", "type": "COMPANY"},
                      headers=H(keys.viewer)).json()[0]["entity_id"]
    path = client.get("/paths/watchlist", params={"source": firm}, headers=H(keys.viewer)).json()
    listed = {eid for r in client.get("/watchlist", headers=H(keys.viewer)).json() for eid in r["entity_ids"]}
    assert path["target"] in listed and path["target"] != "person:jordy-van-aken"
    assert path["target_entry"] in {"Milan Kasteleyn", "Stijn Dewolfs", "Ruben Kasteleyn", "Nordin Haddouchi",
                                    "Jeroen Bakkenes", "Esteban Laínez Montero", "Zeeslang group"}


def test_entity_detail_lists_only_its_own_relations(case):
    client, keys = case
    body = client.get("/entities/person:nordin-haddouchi", headers=H(keys.viewer)).json()
    assert body["relations"], "Nordin Haddouchi has relations in the sample case"
    assert all("person:nordin-haddouchi" in (r["source"], r["target"]) for r in body["relations"])
    assert body["neighbourhood"] == "/entities/person%3Anordin-haddouchi/neighbors"


def test_an_id_merged_away_still_opens_its_entity(case):
    client, keys = case
    # the firm's name key was merged into its VAT-keyed node when the registry extract was read
    body = client.get("/entities/company:blauwhoeve-logistics-bv", headers=H(keys.viewer))
    assert body.status_code == 200
    assert body.json()["entity_id"] == "company:vat:BE0798437187"
    assert body.json()["requested_id"] == "company:blauwhoeve-logistics-bv"
    graph = client.get("/entities/company:blauwhoeve-logistics-bv/graph", headers=H(keys.viewer)).json()
    assert graph["focus"] == "company:vat:BE0798437187"


def test_every_highlighted_name_in_every_document_opens_its_entity(case):
    client, keys = case
    missing = []
    for doc in client.get("/documents", params={"limit": 100}, headers=H(keys.viewer)).json():
        body = client.get(f"/documents/{doc['doc_id']}", headers=H(keys.viewer)).json()
        for eid in sorted({m["entity_id"] for m in body["mentions"]}):
            if client.get(f"/entities/{quote(eid, safe='')}", headers=H(keys.viewer)).status_code != 200:
                missing.append((doc["title"], eid))
    assert not missing


def test_suspicious_firms_are_firms_with_a_tie_and_the_rest_is_counted(case):
    client, keys = case
    resp = client.get("/analysis/suspicious-links", params={"top": 50}, headers=H(keys.viewer))
    rows = resp.json()
    assert rows and all(r["score"] > 0 for r in rows)
    assert "Container Control Team" not in {r["name"] for r in rows}  # a customs unit, not a firm
    assert int(resp.headers["X-Untied"]) >= 1
