"""Relation lists (``--edges``): names exactly as written, tie strengths, reciprocal rows, evidence spans."""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

import pytest

from graph.analysis.projection import project
from graph.ids import entity_id
from ingest import ingest_edges, ingest_paths

GANG = """source,target,weight
Bo-Gars,BMF,1
BMF,Bo-Gars,1
Blue_Devil.1,Blue_Devil.2,3
50 Niggaz,AYB.2,1
Mr.A,Mr A,2
1,2,52
2,1,29
"""


def test_names_exact_weights_summed_for_reciprocal_rows(store, write):
    from graph.analysis import project

    path = write("gang.edges.csv", GANG)
    report = ingest_edges(path, store)
    assert report.ok and report.ingested == 1
    g = store.projection()
    names = {data["name"] for _, data in g.nodes(data=True)}
    assert names == {"Bo-Gars", "BMF", "Blue_Devil.1", "Blue_Devil.2", "50 Niggaz", "AYB.2", "Mr.A", "Mr A", "1", "2"}
    assert all(data["type"] == "PERSON" for _, data in g.nodes(data=True))
    one, two = entity_id("PERSON", "1"), entity_id("PERSON", "2")
    # a contact keeps its direction: 1 -> 2 and 2 -> 1 are two relations ...
    assert g.get_edge_data(one, two)["CONTACTED"]["weight"] == 52.0
    assert g.get_edge_data(two, one)["CONTACTED"]["weight"] == 29.0
    assert g.number_of_edges() == 7
    # ... and one tie of summed strength for the analyses
    tie = project(store)
    assert tie[one][two]["weight"] == 81.0 and tie[one][two]["count"] == 2
    bo, bmf = entity_id("PERSON", "Bo-Gars"), entity_id("PERSON", "BMF")
    assert tie[bo][bmf]["weight"] == 2.0
    assert tie.number_of_edges() == 5


def test_call_records_in_edge_list_form_become_phones_with_direction(store, write, tmp_path):
    calls = ("source,target,type,weight,date\n"
             "+32470184492,+32468207135,CONTACTED,1,2023-10-02\n"
             "+32470184492,+32468207135,CONTACTED,1,2023-10-05\n"
             "+32468207135,+32470184492,CONTACTED,1,2023-10-06\n")
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "calls.csv").write_text(calls, encoding="utf-8")
    assert ingest_paths([folder], store, progress=False).ingested == 1
    types = {data["type"] for _, data in store.projection().nodes(data=True)}
    assert types == {"PHONE"}  # no person called "+3247..."
    a, b = "phone:+32470184492", "phone:+32468207135"
    forth = [r for r in store.relations_between([a, b]) if (r.source, r.target) == (a, b)]
    back = [r for r in store.relations_between([a, b]) if (r.source, r.target) == (b, a)]
    assert len(forth) == 1 and len(forth[0].evidence) == 2 and len(back) == 1
    assert sorted(e.date for e in forth[0].evidence) == ["2023-10-02", "2023-10-05"]
    # the same file given to --edges is the same document, already read the same way
    assert ingest_edges(folder / "calls.csv", store).skipped == 1


def test_values_that_fold_to_one_key_stay_two_entities(store, write):
    ingest_edges(write("e.csv", GANG), store)
    found = {e.name: e.entity_id for e in store.search("Mr")}
    assert found["Mr.A"] != found["Mr A"]
    assert {store.get_entity(i).name for i in found.values()} == {"Mr.A", "Mr A"}


def test_each_row_is_evidence_with_its_span(store, write):
    path = write("e.csv", GANG)
    ingest_edges(path, store)
    rels = store.relations_between([entity_id("PERSON", "1"), entity_id("PERSON", "2")])
    doc = store.get_document(rels[0].evidence[0].doc_id)
    assert doc.source == path.as_posix() and doc.metadata["kind"] == "edges"
    spans = sorted(doc.text[e.start:e.end] for rel in rels for e in rel.evidence)
    assert spans == ["1,2,52", "2,1,29"]
    assert {e.method for rel in rels for e in rel.evidence} == {"structured"}


def test_types_dates_and_endpoint_types(store, write):
    text = ("source,target,type,weight,date,source_type,target_type\n"
            "Jan Peeters,Blauwhoeve BVBA,DIRECTOR_OF,,2021-02-01,PERSON,COMPANY\n"
            "Jan Peeters,+32 470 12 34 56,HAS_PHONE,1,,,PHONE\n"
            "Jan Peeters,Milan Kasteleyn,,2,04/10/2023,,\n")
    report = ingest_edges(write("typed.csv", text), store)
    assert report.ok, report.failed
    firm = store.get_entity("company:blauwhoeve-bvba")
    director = store.relations_between(["person:jan-peeters", firm.entity_id])[0]
    assert director.type == "DIRECTOR_OF" and director.evidence[0].date == "2021-02-01"
    phone = store.get_entity("phone:+32470123456")
    assert phone.name == "+32 470 12 34 56" and phone.identifiers == {"PHONE": "+32470123456"}
    contact = store.relations_between(["person:jan-peeters", "person:milan-kasteleyn"])[0]
    assert contact.type == "CONTACTED" and contact.weight == 2.0 and contact.evidence[0].date == "2023-10-04"


def test_default_type(store, write):
    ingest_edges(write("e.csv", "source,target\na,b\n"), store, default_type="ASSOCIATE_OF")
    assert store.relations_between([entity_id("PERSON", "a"), entity_id("PERSON", "b")])[0].type == "ASSOCIATE_OF"


@pytest.mark.parametrize(("text", "message"), [
    ("source,target,weight\na,b,heavy\n", "line 2: weight 'heavy' is not a number"),
    ("source,target,weight\na,b,-1\n", "line 2: weight '-1' must be a number of 0 or more"),
    ("source,target\na,b\n,c\n", "line 3: empty source or target"),
    ("source,target,type\na,b,LOVES\n", "line 2: unknown relation type 'LOVES'"),
    ("source,target,type,target_type\na,b,CALLED_AT,PORT\n", "line 2: CALLED_AT cannot go from PERSON to PORT"),
    ("from,to\na,b\n", "needs 'source' and 'target' columns"),
])
def test_bad_edge_files_fail_whole_with_the_line(store, write, text, message):
    report = ingest_edges(write("bad.csv", text), store)
    assert not report.ok and message in report.failed[0][1]
    assert store.stats()["documents"] == 0 and store.stats()["relations"] == 0


def test_reingest_is_skipped(store, write):
    path = write("e.csv", GANG)
    ingest_edges(path, store)
    before = store.stats()
    again = ingest_edges(path, store)
    assert again.skipped == 1 and again.ingested == 0 and store.stats() == before


def test_edge_lists_in_a_folder_are_recognised(store, write, fake):
    write("case/gang.csv", GANG)
    report = ingest_paths([write("case/note.txt", "Jan Peeters").parent], store, extractor=fake, progress=False)
    assert report.ok and report.ingested == 2
    assert store.get_entity(entity_id("PERSON", "BMF")).name == "BMF"


NETWORKS = os.environ.get("HAVENGRAPH_EVAL_NETWORKS")


@pytest.mark.skipif(not NETWORKS, reason="set HAVENGRAPH_EVAL_NETWORKS to a folder of *.edges.csv files")
def test_every_published_network_loads_exactly(tmp_path):
    from graph.store.sqlite import SQLiteStore

    files = sorted(Path(NETWORKS).glob("*.csv"))
    assert files
    for path in files:
        with SQLiteStore(f"sqlite:///{tmp_path / (path.stem + '.db')}") as db:
            assert ingest_edges(path, db).ok
            rows = list(csv.DictReader(path.open(encoding="utf-8")))
            directed: Counter[tuple[str, str]] = Counter()
            for row in rows:
                directed[(row["source"], row["target"])] += float(row.get("weight") or 1)
            undirected: Counter[frozenset[str]] = Counter()
            for (a, b), weight in directed.items():
                undirected[frozenset((a, b))] += weight
            g = db.projection()
            assert {d["name"] for _, d in g.nodes(data=True)} == {r["source"] for r in rows} | {r["target"] for r in rows}
            # contacts keep their direction: one stored edge per (caller, callee) with the summed weight
            assert g.number_of_edges() == len(directed), path.name
            for (a, b), weight in directed.items():
                assert g.get_edge_data(entity_id("PERSON", a), entity_id("PERSON", b))["CONTACTED"]["weight"] == weight, \
                    (path.name, a, b)
            # the analysis view has one tie per pair, both directions summed
            view = project(db)
            assert view.number_of_edges() == len(undirected), path.name
            for pair, weight in undirected.items():
                a, b = (sorted(pair) * 2)[:2]
                assert view[entity_id("PERSON", a)][entity_id("PERSON", b)]["weight"] == weight, (path.name, pair)


def test_a_call_list_without_mapping_has_its_phone_columns_detected(store, tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "lines.csv").write_text(
        "calling number,called number,call date,seconds\n"
        "0470 18 44 92,+32 468 20 71 35,2023-10-02 21:14,35\n"
        "+32468207135,0470184492,2023-10-04 08:01,12\n", encoding="utf-8")
    assert ingest_paths([folder], store, progress=False).ingested == 1
    assert {data["type"] for _, data in store.projection().nodes(data=True)} == {"PHONE"}
    a, b = "phone:+32470184492", "phone:+32468207135"
    calls = {(r.source, r.target): r for r in store.relations_between([a, b])}
    assert set(calls) == {(a, b), (b, a)} and {r.type for r in calls.values()} == {"CONTACTED"}
    assert calls[(a, b)].evidence[0].date.startswith("2023-10-02")


def test_a_contact_list_with_two_numbers_per_person_makes_no_calls(store, tmp_path):
    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "contacts.csv").write_text("name,mobile,landline\nJan Peeters,0470 18 44 92,03 123 45 67\n",
                                         encoding="utf-8")
    ingest_paths([folder], store, progress=False)
    assert not [r for r in store.iter_relations() if r.type == "CONTACTED"]
