"""GET /timeline, GET /expand and time-ordered /paths over the small dated network, with need-to-know."""

from __future__ import annotations

import pytest
from api_support import Keys, add_keys
from dated_network import ANNA, BERT, CAS, DIRK, EVA, FRITZ, PHONE, dated_network
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import open_store

H = Keys.header


@pytest.fixture
def dated(tmp_path):
    url = f"sqlite:///{tmp_path / 'dated.db'}"
    store = open_store(url)
    store.write_many(dated_network())
    store.close()
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    with TestClient(create_app(Settings(store=url, keys_db=keys_db, clearance_cache_s=0.0))) as client:
        yield client, keys


def test_timeline_in_order_with_sentences_and_filters(dated):
    client, keys = dated
    body = client.get("/timeline", params={"entity": CAS}, headers=H(keys.viewer)).json()
    assert [e["date"] for e in body["events"]] == ["2023-04-01", "2023-05-10", "2023-05-20"]
    assert body["events"][2]["sentence"] == "On 20 May 2023 Cas Wouters called Dirk Jacobs again."
    may = client.get("/timeline", params={"entity": CAS, "date_from": "2023-05", "date_to": "2023-05-15"},
                     headers=H(keys.viewer)).json()
    assert [e["date"] for e in may["events"]] == ["2023-05-10"]
    graded = client.get("/timeline", params={"entity": DIRK, "min_grading": "B2"}, headers=H(keys.viewer)).json()
    assert [e["source"] for e in graded["events"]] == [EVA]


def test_timeline_obeys_need_to_know_and_explains_bad_input(dated):
    client, keys = dated
    assert client.get("/timeline", params={"entity": CAS}, headers=H(keys.low_viewer)).status_code == 404
    low = client.get("/timeline", params={"entity": DIRK}, headers=H(keys.low_viewer)).json()
    assert [e["date"] for e in low["events"]] == ["2023-01-01"]
    bad = client.get("/timeline", params={"entity": CAS, "date_from": "2023-13"}, headers=H(keys.viewer))
    assert bad.status_code == 422 and "date_from" in bad.text
    assert client.get("/timeline", params={"entity": CAS, "min_grading": "Q7"},
                      headers=H(keys.viewer)).status_code == 422
    assert client.get("/timeline", params={"entity": CAS, "from": "2023"}, headers=H(keys.viewer)).status_code == 422


def test_expand_caps_and_shows_more(dated):
    client, keys = dated
    first = client.get("/expand", params={"entity": ANNA, "cap": 3}, headers=H(keys.viewer)).json()
    assert first["total"] == 4 and first["shown"] == 3 and first["next_offset"] == 3
    more = client.get("/expand", params={"entity": ANNA, "cap": 3, "offset": 3}, headers=H(keys.viewer)).json()
    assert [n["entity_id"] for n in more["nodes"]] == [ANNA, FRITZ] and more["next_offset"] is None
    people = client.get("/expand", params={"entity": ANNA, "type": "PERSON", "include_weak": "false"},
                        headers=H(keys.viewer)).json()
    assert {n["entity_id"] for n in people["nodes"]} == {ANNA, BERT, EVA}
    typed = client.get("/expand", params=[("entity", ANNA), ("relation_type", "HAS_PHONE"),
                                          ("relation_type", "CONTACTED")], headers=H(keys.viewer)).json()
    assert {n["entity_id"] for n in typed["nodes"]} == {ANNA, BERT, PHONE}


def test_paths_time_ordered_option(dated):
    client, keys = dated
    plain = client.get("/paths", params={"source": ANNA, "target": DIRK}, headers=H(keys.viewer)).json()
    assert [n["entity_id"] for n in plain["nodes"]] == [ANNA, EVA, DIRK]
    timed = client.get("/paths", params={"source": ANNA, "target": DIRK, "time_ordered": "true"},
                       headers=H(keys.viewer)).json()
    assert [n["entity_id"] for n in timed["nodes"]] == [ANNA, BERT, CAS, DIRK]
    assert timed["hop_dates"] == ["2023-05-02", "2023-05-10", "2023-05-20"] and timed["hops"] == 3
    none = client.get("/paths", params={"source": ANNA, "target": DIRK, "time_ordered": "true",
                                        "date_to": "2023-05-15"}, headers=H(keys.viewer))
    assert none.status_code == 404


def test_expand_graph_is_styled_for_the_page_with_relation_colours(dated):
    client, keys = dated
    body = client.get("/expand/graph", params={"entity": ANNA, "cap": 2, "include_weak": "false"},
                      headers=H(keys.viewer)).json()
    assert body["focus"] == ANNA and body["total"] == 3 and body["next_offset"] == 2
    assert len(body["nodes"]) == 3 and all("color" in n and "shape" in n for n in body["nodes"])
    styles = client.get("/schema", headers=H(keys.viewer)).json()["relation_styles"]
    for edge in body["edges"]:
        assert edge["color"] == styles[edge["relation"]]["color"]
    assert styles["CONTACTED"]["family"] == "contact"


def test_analyses_take_the_date_range(dated):
    client, keys = dated
    def degree(**window):
        rows = client.get("/analysis/centrality", params={"measure": "degree", "top": 20, "include_weak": "false",
                                                          **window}, headers=H(keys.viewer)).json()
        return {r["entity_id"]: r["score"] for r in rows if r["score"] > 0}
    everything = degree()
    may = degree(date_from="2023-05", date_to="2023-05")  # the three May hops, and the undated phone tie
    assert set(everything) > set(may) and EVA not in may and {ANNA, BERT, CAS, DIRK, PHONE} <= set(may)
