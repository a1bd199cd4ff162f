"""FollowTheMoney: import entity streams, export the graph, watchlists from CSV or FtM."""

from __future__ import annotations

import io
import json

import pytest
from ingest_fakes import FakeExtractor

from graph.errors import InvalidInput
from graph.store.sqlite import SQLiteStore
from ingest import ingest_paths
from ingest.ftm import export_ftm
from ingest.watchlist import read_watchlist

LINES = [
    {"id": "p1", "schema": "Person", "target": True,
     "properties": {"name": ["Ruben Kasteleyn"], "alias": ["De Slang"], "nationality": ["be"],
                    "phone": ["+32 468 20 71 35"], "email": ["ruben@example.org"]}},
    {"id": "c1", "schema": "Company", "properties": {"name": ["Blauwhoeve BVBA"], "vatCode": ["BE0403170701"],
                                                      "jurisdiction": ["be"]}},
    {"id": "v1", "schema": "Vessel", "properties": {"name": ["MSC Gayane"], "imoNumber": ["IMO 9074729"],
                                                     "flag": ["lr"]}},
    {"id": "d1", "schema": "Directorship", "properties": {"director": ["p1"], "organization": ["c1"],
                                                           "startDate": ["2019-05-14"]}},
    {"id": "o1", "schema": "Ownership", "properties": {"owner": ["c1"], "asset": ["v1"]}},
    {"id": "s1", "schema": "Sanction", "properties": {"entity": ["p1"], "program": ["Test programme"]}},
    {"id": "x1", "schema": "Passport", "properties": {"number": ["X1"]}},
    {"id": "cl1", "schema": "Call", "properties": {"callerNumber": ["+32468207135"],
                                                    "receiverNumber": ["+31641507736"], "date": ["2023-10-04"]}},
]


def ftm_text(lines=LINES) -> str:
    return "\n".join(json.dumps(line) for line in lines) + "\n"


def test_import_entities_links_and_folded_properties(store, write):
    report = ingest_paths([write("opensanctions.ftm.json", ftm_text())], store, progress=False)
    assert report.ok, report.failed
    person = store.get_entity("person:ruben-kasteleyn")
    assert person.aliases == ["De Slang"] and person.properties["nationality"] == "be"
    assert person.properties["sanctioned"] == "Test programme" and person.properties["ftm_id"] == "p1"
    assert store.get_entity("vessel:imo:9074729").properties["flag"] == "lr"
    company = store.get_entity("company:vat:BE0403170701")
    rels = {(r.source, r.type, r.target) for r in store.relations_between(
        ["person:ruben-kasteleyn", company.entity_id, "vessel:imo:9074729", "phone:+32468207135",
         "email:ruben@example.org", "phone:+31641507736"])}
    assert ("person:ruben-kasteleyn", "DIRECTOR_OF", company.entity_id) in rels
    assert (company.entity_id, "OWNS", "vessel:imo:9074729") in rels
    assert ("person:ruben-kasteleyn", "HAS_PHONE", "phone:+32468207135") in rels
    assert ("person:ruben-kasteleyn", "HAS_EMAIL", "email:ruben@example.org") in rels
    assert ("phone:+32468207135", "CONTACTED", "phone:+31641507736") in rels  # caller -> receiver
    director = store.relations_between(["person:ruben-kasteleyn", company.entity_id])[0]
    doc = store.get_document(director.evidence[0].doc_id)
    ev = director.evidence[0]
    assert json.loads(doc.text[ev.start:ev.end])["id"] == "d1" and ev.date == "2019-05-14"
    assert any("Passport" in w for _, w in report.warnings)


def test_not_ftm_is_reported(store, write):
    report = ingest_paths([write("broken.ftm.json", '{"id": "a", "schema": "Person"\n')], store, progress=False)
    assert "not a FollowTheMoney stream" in report.failed[0][1]


def test_export_then_import_round_trip(store, write, tmp_path):
    write("in/case.txt", "Jan Peeters met Milan Kasteleyn.")
    ingest_paths([write("in/s.ftm.json", ftm_text()).parent], store, extractor=FakeExtractor(), progress=False)
    out = io.StringIO()
    counts = export_ftm(store, out, include_weak=True)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    schemata = {line["schema"] for line in lines}
    assert {"Person", "Company", "Vessel", "Directorship", "Ownership", "Call", "UnknownLink"} <= schemata
    person = next(line for line in lines if line["properties"].get("name") == ["Ruben Kasteleyn"])
    assert person["properties"]["phone"] == ["+32468207135"] and person["properties"]["email"] == ["ruben@example.org"]
    assert counts["entities"] == len([line for line in lines if "name" in line["properties"]])
    ids = {line["id"] for line in lines}
    for line in lines:
        for prop in ("director", "organization", "owner", "asset", "subject", "object"):
            for ref in line["properties"].get(prop, []):
                assert ref in ids  # no dangling reference
    again = tmp_path / "again.ftm.json"
    again.write_text(out.getvalue())
    with SQLiteStore(f"sqlite:///{tmp_path / 'copy.db'}") as copy:
        assert ingest_paths([again], copy, progress=False).ok
        assert copy.get_entity("vessel:imo:9074729").name == "MSC Gayane"
        assert copy.get_entity("company:vat:BE0403170701").name == "Blauwhoeve BVBA"
        names = {e.name for e in copy.iter_entities() if e.type == "PERSON"}
        assert {"Ruben Kasteleyn", "Jan Peeters", "Milan Kasteleyn"} <= names


def test_watchlist_from_csv(write):
    path = write("watch.csv", "name,type,identifier\nZeeslang group,ORGANIZATION,\n"
                              "Ruben Kasteleyn,PERSON,+32468207135\nMSC Gayane,VESSEL,IMO 9074729\n")
    entries = read_watchlist(path)
    assert [e.entity_id for e in entries] == ["org:zeeslang-group", "person:ruben-kasteleyn", "vessel:imo:9074729"]
    assert entries[1].identifiers == {"PHONE": "+32468207135"}


def test_watchlist_from_ftm_keeps_targets(write):
    lines = [*LINES, {"id": "p2", "schema": "Person", "target": False, "properties": {"name": ["Not Listed"]}}]
    entries = read_watchlist(write("targets.ftm.json", ftm_text(lines)))
    assert [e.name for e in entries] == ["Ruben Kasteleyn"]
    assert entries[0].aliases == ["De Slang"] and entries[0].identifiers["PHONE"] == "+32468207135"


def test_watchlist_needs_a_name_column(write):
    with pytest.raises(InvalidInput, match="needs a 'name' column"):
        read_watchlist(write("w.csv", "who,what\na,b\n"))
