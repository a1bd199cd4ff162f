"""One filter everywhere: neighbourhoods, graphs, pages, paths, evidence packages and reports take
the date range (and ``undated``) of /timeline and /expand, in the API and on the command line."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from api_support import Keys, add_keys
from dated_network import ANNA, BERT, CAS, DIRK, EVA, FRITZ, PHONE, dated_network
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from api.settings import Settings
from graph.store import open_store

H = Keys.header
MAY = {"date_from": "2023-05", "date_to": "2023-05"}


@pytest.fixture
def dated(tmp_path):
    url = f"sqlite:///{tmp_path / 'dated.db'}"
    store = open_store(url)
    store.write_many(dated_network())
    store.close()
    keys_db = str(tmp_path / "keys.db")
    keys = add_keys(keys_db)
    with TestClient(create_app(Settings(store=url, keys_db=keys_db, clearance_cache_s=0.0))) as client:
        yield client, keys, url


def ids(body) -> set[str]:
    return {n.get("entity_id", n.get("id")) for n in body["nodes"]}


def test_neighbourhood_graph_and_page_take_the_date_range(dated):
    client, keys, _ = dated
    url = f"/entities/{ANNA}/neighbors"
    assert {EVA, FRITZ, DIRK} <= ids(client.get(url, params={"depth": 2}, headers=H(keys.viewer)).json())
    may = client.get(url, params={"depth": 2, **MAY}, headers=H(keys.viewer)).json()
    assert ids(may) == {ANNA, BERT, CAS, PHONE}  # June, July and January ties go; the undated phone stays
    strict = client.get(url, params={"depth": 2, **MAY, "undated": "exclude"}, headers=H(keys.viewer)).json()
    assert ids(strict) == {ANNA, BERT, CAS}
    graph = client.get(f"/entities/{ANNA}/graph", params={"depth": 2, **MAY}, headers=H(keys.viewer)).json()
    assert ids(graph) == {ANNA, BERT, CAS, PHONE}
    page = client.get(f"/entities/{ANNA}/subgraph.html", params={"date_from": "2023-06"}, headers=H(keys.viewer))
    assert "Eva Smet" in page.text and "Bert Goossens" not in page.text
    detail = client.get(f"/entities/{CAS}", params=MAY, headers=H(keys.viewer)).json()
    call = next(r for r in detail["relations"] if DIRK in (r["source"], r["target"]))
    assert [e["date"] for e in call["evidence"]] == ["2023-05-20"]
    bad = client.get(url, params={"undated": "maybe"}, headers=H(keys.viewer))
    assert bad.status_code == 422 and "undated" in bad.text


def test_shortest_path_takes_the_date_range(dated):
    client, keys, _ = dated
    plain = client.get("/paths", params={"source": ANNA, "target": DIRK}, headers=H(keys.viewer)).json()
    assert [n["entity_id"] for n in plain["nodes"]] == [ANNA, EVA, DIRK]
    may = client.get("/paths", params={"source": ANNA, "target": DIRK, "date_from": "2023-05"},
                     headers=H(keys.viewer)).json()
    assert [n["entity_id"] for n in may["nodes"]] == [ANNA, BERT, CAS, DIRK] and may["hops"] == 3
    graded = client.get("/paths", params={"source": ANNA, "target": DIRK, "min_grading": "B2"},
                        headers=H(keys.viewer)).json()
    assert [n["entity_id"] for n in graded["nodes"]] == [ANNA, EVA, DIRK]


def test_evidence_package_and_report_take_the_date_range(dated):
    client, keys, _ = dated
    spec = {"entity_id": ANNA, "depth": 2, "include_weak": True, **MAY}
    zipped = client.post("/evidence-packages", json=spec, headers=H(keys.analyst))
    assert zipped.status_code == 200, zipped.text
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as z:
        names = [n for n in z.namelist() if n.endswith(".json")]
        text = "".join(z.read(n).decode() for n in names)
    assert "Bert Goossens" in text and "Eva Smet" not in text and "Fritz Lenaerts" not in text
    report = client.get("/reports/html", params={"entity_id": [ANNA, BERT, EVA], "date_to": "2023-05"},
                        headers=H(keys.analyst))
    assert report.status_code == 200
    assert "On 2 May 2023 Anna Claes called Bert Goossens." in report.text
    assert "met Eva Smet on 1 June 2023" not in report.text
    assert "Filter: relations dated to 2023-05; relations without a date kept." in report.text
    assert "(1 piece of evidence)" in report.text and "1 pieces" not in report.text


def test_cli_show_path_viz_report_and_evidence_take_the_date_options(dated, tmp_path):
    _, _, url = dated
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, [*args, "--store", url])
        assert result.exit_code == 0, result.output
        return result.output

    shown = json.loads(run("show", ANNA, "--from", "2023-06", "--undated", "exclude", "--json"))
    assert {r["target"] for r in shown["relations"]} == {EVA, FRITZ}
    path = json.loads(run("path", ANNA, DIRK, "--from", "2023-05", "--json"))
    assert [n["entity_id"] for n in path["nodes"]] == [ANNA, BERT, CAS, DIRK]
    page = tmp_path / "may.html"
    run("viz", ANNA, "--from", "2023-05", "--to", "2023-05", "-o", str(page))
    assert "Bert Goossens" in page.read_text() and "Eva Smet" not in page.read_text()
    report = tmp_path / "r.html"
    run("report", "--entity", ANNA, "--entity", EVA, "--entity", BERT, "--to", "2023-05", "--out", str(report))
    assert "Anna Claes called Bert Goossens" in report.read_text() and "1 June 2023" not in report.read_text()
    package = tmp_path / "p.zip"
    run("evidence", "export", ANNA, "--from", "2023-06", "--weak", "-o", str(package))
    with zipfile.ZipFile(package) as z:
        text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".json"))
    assert "Eva Smet" in text and "Bert Goossens" not in text
    import networkx as nx

    graphml = tmp_path / "june.graphml"
    run("analyze", "export", "--since", "2023-06", "--no-scores", "-o", str(graphml))
    ties = {frozenset(e) for e in nx.read_graphml(graphml).edges()}
    assert ties == {frozenset((ANNA, EVA)), frozenset((ANNA, FRITZ)), frozenset((ANNA, PHONE))}
    bad = runner.invoke(cli, ["show", ANNA, "--from", "2023-07", "--to", "2023-06", "--store", url])
    assert bad.exit_code != 0 and "after --to" in str(bad.exception)


def test_an_investigation_keeps_its_dates_and_its_report_uses_them(dated, tmp_path):
    client, keys, url = dated
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, [*args, "--store", url])
        assert result.exit_code == 0, result.output
        return result.output

    saved = json.loads(run("investigations", "save", "may", "--pin", ANNA, "--pin", BERT, "--pin", EVA,
                           "--from", "2023-05", "--to", "2023-05", "--who", "anna", "--json"))
    assert saved["filters"]["date_from"] == "2023-05-01" and saved["filters"]["date_to"] == "2023-05-31"
    report = tmp_path / "may.html"
    out = run("report", saved["investigation_id"], "--who", "anna", "--out", str(report))
    assert "relations dated from 2023-05-01 to 2023-05-31" in out
    assert "called Bert Goossens" in report.read_text() and "1 June 2023" not in report.read_text()
    june = tmp_path / "june.html"
    run("report", saved["investigation_id"], "--who", "anna", "--from", "2023-06", "--out", str(june))
    assert "1 June 2023" in june.read_text() and "called Bert Goossens" not in june.read_text()
    # over HTTP: the saved dates apply when the request names none
    body = client.get("/reports/html", params={"investigation_id": saved["investigation_id"]},
                      headers=H(keys.analyst)).text
    assert "called Bert Goossens" in body and "1 June 2023" not in body


def test_a_report_of_a_page_investigation_shows_what_its_reopened_picture_shows(dated):
    client, keys, _ = dated
    panel = {"types": [], "relation_types": ["ASSOCIATE_OF"], "include_weak": True, "date_from": "2023-05-01",
             "date_to": "", "min_grading": "", "max_handling": "", "undated": "include", "cap": 25}
    made = client.post("/investigations", json={"name": "meetings", "pinned": [ANNA, BERT, EVA], "filters": panel},
                       headers=H(keys.analyst)).json()
    picture = client.get(f"/investigations/{made['investigation_id']}", headers=H(keys.analyst)).json()
    assert {(e["source"], e["target"], e["type"]) for e in picture["edges"]} == {(ANNA, EVA, "ASSOCIATE_OF")}
    report = client.get("/reports/html", params={"investigation_id": made["investigation_id"]},
                        headers=H(keys.analyst)).text
    assert "Anna Claes met Eva Smet on 1 June 2023." in report and "called Bert Goossens" not in report
    assert "relation types ASSOCIATE_OF" in report


def test_graph_exports_take_the_date_range(dated):
    client, keys, _ = dated
    import csv

    def pairs(params: dict) -> set[tuple[str, str]]:
        answer = client.get("/exports/csv", params=params, headers=H(keys.analyst))
        assert answer.status_code == 200, answer.text
        return {(r["source"], r["target"]) for r in csv.DictReader(io.StringIO(answer.text))}

    assert len(pairs({})) == 7
    assert pairs({"date_from": "2023-06"}) == {(ANNA, EVA), (ANNA, FRITZ), (ANNA, PHONE)}
    assert pairs({"date_from": "2023-06", "undated": "exclude", "include_weak": "false"}) == {(ANNA, EVA)}
    around = pairs({"entity_id": CAS, "depth": 1, "date_to": "2023-04"})
    assert around == {(CAS, DIRK)}
