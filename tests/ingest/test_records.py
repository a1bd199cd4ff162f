"""Structured records: CSV/XLSX plus a YAML mapping give entities and relations, no NLP."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInput
from ingest import ingest_paths, load_mapping
from ingest import synthetic as make
from ingest.records import parse_date, parse_mapping

PORT_CALLS = """vessel,imo,mmsi,flag,port,locode,arrival,departure
MSC Gayane,9074729,,LR,Antwerp,BEANR,04/10/2023 06:15,05/10/2023
MSC Gayane,9074729,,LR,Le Havre,FRLEH,2023-10-09,2023-10-10
Santa Brisa,IMO 9074729,,PA,Antwerp,BEANR,2023-11-02,
Marlin Horizon,1234568,,PA,Rotterdam,NLRTM,2023-11-03,
"""

BILLS = """bl_number,container,shipper,consignee,notify_party,forwarder,vessel,imo,port_of_loading,pol_locode,port_of_discharge,pod_locode,shipped_on,goods
MEDUGY123456,CSQU3054383,Frutas del Sur SA,Blauwhoeve BVBA,,Zeebrugge Logistics BVBA,MSC Gayane,9074729,Guayaquil,ECGYE,Antwerp,BEANR,2023-09-12,bananas
MEDUGY123456,MSCU1234565,Frutas del Sur SA,Blauwhoeve BVBA,,Zeebrugge Logistics BVBA,MSC Gayane,9074729,Guayaquil,ECGYE,Antwerp,BEANR,2023-09-12,bananas
"""


def test_port_calls(store, write):
    report = ingest_paths([write("calls.csv", PORT_CALLS)], store, mapping="port_calls", progress=False)
    assert report.ok and report.ingested == 1
    vessel = store.get_entity("vessel:imo:9074729")
    assert vessel.name == "MSC Gayane" and "Santa Brisa" in vessel.aliases
    assert vessel.identifiers == {"IMO": "9074729"} and vessel.properties["flag"] == "LR"
    assert store.get_entity("port:BEANR").identifiers == {"LOCODE": "BEANR"}
    rels = store.relations_between(["vessel:imo:9074729", "port:BEANR", "port:FRLEH"])
    by_target = {r.target: r for r in rels}
    assert by_target["port:BEANR"].type == "CALLED_AT"
    assert sorted(e.date for e in by_target["port:BEANR"].evidence) == ["2023-10-04T06:15:00", "2023-11-02"]
    doc = store.get_document(by_target["port:BEANR"].evidence[0].doc_id)
    ev = by_target["port:BEANR"].evidence[0]
    assert doc.text[ev.start:ev.end].startswith("MSC Gayane,9074729") and ev.method == "structured"
    assert doc.metadata["mapping"] == "port_calls"
    # the invalid IMO of the Marlin Horizon is kept, not used as a key
    marlin = store.search("Marlin Horizon")[0]
    assert marlin.entity_id == "vessel:marlin-horizon" and marlin.properties["imo_unverified"] == "1234568"
    assert any("invalid IMO" in w for _, w in report.warnings)


def test_bills_of_lading(store, write):
    report = ingest_paths([write("bl.csv", BILLS)], store, mapping="bills_of_lading", progress=False)
    assert report.ok
    stats = store.stats()
    assert stats["entities_by_type"]["CONTAINER"] == 2 and stats["entities_by_type"]["SHIPMENT"] == 1
    shipment = "shipment:medugy123456"
    rels = {(r.source, r.type, r.target) for r in store.relations_between(
        [shipment, "company:blauwhoeve-bvba", "company:zeebrugge-logistics-bvba", "container:CSQU3054383",
         "port:ECGYE", "vessel:imo:9074729", "company:frutas-del-sur-sa"])}
    assert ("company:zeebrugge-logistics-bvba", "FORWARDER_OF", shipment) in rels
    assert ("company:blauwhoeve-bvba", "CONSIGNEE_OF", shipment) in rels
    assert (shipment, "SHIPPED_IN", "container:CSQU3054383") in rels
    assert (shipment, "LOCATED_AT", "port:ECGYE") in rels
    assert ("vessel:imo:9074729", "CALLED_AT", "port:ECGYE") in rels


def test_badges_call_records_subscribers_registry(store, write):
    write("badges.csv", "badge_id;first_name;last_name;employer;terminal;role;valid_from\n"
                        "B-0042;Jan;Peeters;Noordzee Stevedoring NV;MPET Deurganck;crane operator;01/02/2022\n")
    write("cdr.csv", "phone_a,phone_b,start_time,duration_s\n"
                     "0470 12 34 56,+31 6 41507736,2023-10-04 21:14:00,35\n"
                     "+31641507736,0470123456,2023-10-04 22:01:00,12\n"
                     "0470123456,+31641507736,2023-10-05 07:40:00,60\n")
    write("subs.csv", "phone,subscriber,since\n+32470123456,Jan Peeters,2021-03-01\n")
    folder = write("kbo.csv", "company_name,enterprise_number,legal_form,address,founded,director,director_role\n"
                              "Blauwhoeve BVBA,0403.170.701,BVBA,Kaai 12 2030 Antwerpen,2019-05-14,Stijn Dewolfs,"
                              "zaakvoerder\n").parent
    report = ingest_paths([folder], store, progress=False)
    assert report.ok, report.failed
    assert report.ingested == 4  # each file's mapping found from its columns
    jan = store.get_entity("person:jan-peeters")
    assert jan.properties["role"] == "crane operator" and jan.properties["badge"] == "B-0042"
    works = store.relations_between(["person:jan-peeters", "location:mpet-deurganck"])
    assert works[0].type == "WORKS_AT" and works[0].properties["role"] == "crane operator"
    assert works[0].evidence[0].date == "2022-02-01"
    calls = {(r.source, r.target): r for r in store.relations_between(["phone:+32470123456", "phone:+31641507736"])}
    assert {r.type for r in calls.values()} == {"CONTACTED"}  # caller -> callee, each way on its own
    assert calls[("phone:+32470123456", "phone:+31641507736")].weight == 2.0
    assert calls[("phone:+31641507736", "phone:+32470123456")].weight == 1.0
    assert store.relations_between(["person:jan-peeters", "phone:+32470123456"])[0].type == "HAS_PHONE"
    firm = store.get_entity("company:vat:BE0403170701")
    assert firm.name == "Blauwhoeve BVBA" and firm.properties["legal_form"] == "BVBA"
    director = store.relations_between(["person:stijn-dewolfs", firm.entity_id])[0]
    assert director.type == "DIRECTOR_OF" and director.properties == {"role": "zaakvoerder"}


def test_xlsx_records(store, write):
    data = make.xlsx_bytes({"Notes": [["free text"]],
                            "Calls": [["vessel", "imo", "port", "locode", "arrival"],
                                      ["MSC Gayane", 9074729, "Antwerp", "BEANR", "2023-10-04"]]})
    mapping = write("calls.yaml", "name: xl_calls\nsheet: Calls\ndate: arrival\nentities:\n"
                                  "  v: {type: VESSEL, name: vessel, identifiers: {IMO: imo}}\n"
                                  "  p: {type: PORT, name: port, identifiers: {LOCODE: locode}}\n"
                                  "relations:\n  - {type: CALLED_AT, source: v, target: p}\n")
    report = ingest_paths([write("calls.xlsx", data)], store, mapping=mapping, progress=False)
    assert report.ok, report.failed
    rel = store.relations_between(["vessel:imo:9074729", "port:BEANR"])[0]
    doc = store.get_document(rel.evidence[0].doc_id)
    assert doc.text[rel.evidence[0].start:rel.evidence[0].end] == "MSC Gayane\t9074729\tAntwerp\tBEANR\t2023-10-04"


def test_mapping_naming_a_missing_column_is_a_clear_error(store, write, fake):
    write("calls.csv", "vessel,port\nMSC Gayane,Antwerp\n")
    ok = write("other.txt", "Jan Peeters met Milan Kasteleyn.")
    report = ingest_paths([ok.parent], store, mapping="port_calls", extractor=fake, progress=False)
    assert report.ingested == 1 and not report.ok
    (path, reason), = report.failed
    assert path.endswith("calls.csv")
    assert "mapping 'port_calls' names column(s) 'arrival', 'imo', 'locode'" in reason
    assert "its columns: vessel, port" in reason and "fix the mapping" in reason
    assert store.stats()["documents"] == 1


def test_optional_columns_may_be_missing(store, write):
    report = ingest_paths([write("calls.csv", "vessel,imo,port,locode,arrival\nMSC Gayane,9074729,Antwerp,BEANR,"
                                              "2023-10-04\n")], store, mapping="port_calls", progress=False)
    assert report.ok


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("entities: {}", "at least one entity"),
    ("entites: {a: {type: PERSON, name: n}}", "unknown key"),
    ("entities: {a: {type: SPACESHIP, name: n}}", "unknown entity type 'SPACESHIP'"),
    ("entities: {a: {type: PERSON, name: n, identifiers: {PHONE: p}}}", "PERSON has no identifier PHONE"),
    ("entities: {a: {type: PERSON, name: n}}\nrelations: [{type: CALLED_AT, source: a, target: a}]",
     "CALLED_AT cannot go from PERSON to PERSON"),
    ("entities: {a: {type: PERSON, name: n}}\nrelations: [{type: KNOWS, source: a, target: a}]",
     "unknown relation type 'KNOWS'"),
    ("entities: {a: {type: PERSON, name: n}}\nrelations: [{type: FAMILY_OF, source: a, target: b}]",
     "names entity 'b'"),
])
def test_bad_mappings_are_refused_with_the_reason(yaml_text, message):
    import yaml

    with pytest.raises(InvalidInput, match=message):
        parse_mapping(yaml.safe_load(yaml_text), "bad")


def test_unknown_mapping_name_lists_the_bundled_ones():
    with pytest.raises(InvalidInput, match="port_calls"):
        load_mapping("no_such_mapping")


@pytest.mark.parametrize(("raw", "iso"), [
    ("2023-10-04", "2023-10-04"), ("04/10/2023", "2023-10-04"), ("04.10.2023 21:14", "2023-10-04T21:14:00"),
    ("2023-10-04T21:14:00Z", "2023-10-04T21:14:00+00:00"), ("20231004", "2023-10-04"), ("sometime", None),
])
def test_dates(raw, iso):
    assert parse_date(raw) == iso


def test_table_without_mapping_becomes_sentences_for_nlp(store, write, fake):
    report = ingest_paths([write("people.csv", "person,employer\nJan Peeters,Blauwhoeve\nMilan Kasteleyn,None\n")],
                          store, extractor=fake, progress=False)
    assert report.ok
    doc = store.list_documents()[0]
    assert store.get_document(doc["doc_id"]).text == "person: Jan Peeters; employer: Blauwhoeve.\n\n" \
                                                     "person: Milan Kasteleyn; employer: None."


def test_a_table_close_to_a_bundled_mapping_says_which_columns_it_lacks(store, write, fake):
    near = write("registry.csv", "company_name,company_number,role,person_name,address\n"
                 "Zeeland Forwarding BV,12345678,director,Sanne de Graaf,Vlissingen\n")
    unrelated = write("people.csv", "person,employer\nJan Peeters,Blauwhoeve\n")
    report = ingest_paths([near, unrelated], store, extractor=fake, progress=False)
    assert report.ok and report.ingested == 2
    said = {name: text for name, text in report.warnings}
    # company_number is one of the names of enterprise_number: only the director is lacking
    assert "'company_registry'" in said[str(near)] and "column(s) director:" in said[str(near)]
    assert "--mapping" in said[str(near)] and str(unrelated) not in said


def test_watchlist_csv_is_left_out_with_a_reason(store, write, fake):
    report = ingest_paths([write("watchlist.csv", "name,type,identifier\nJan Peeters,PERSON,\n")], store,
                          extractor=fake, progress=False)
    assert report.ok and report.ingested == 0
    assert "watchlist" in report.ignored[0][1]
