"""Record files whose header line uses the exporter's own words: a KBO extract in Dutch, an RCS-like
list in French, a port-call export in English with spaces and capitals. The bundled mappings know
the other names their columns go by and say which columns they read under another name."""

from __future__ import annotations

import pytest

from graph.errors import InvalidInput
from ingest import ingest_paths
from ingest.records import load_mapping, parse_mapping
from ingest.tables import Table, header_key

KBO_NL = ("Naam;Ondernemingsnummer;Rechtsvorm;Maatschappelijke zetel;Oprichtingsdatum;Bestuurder;Functie\n"
          "Scheldezicht Expeditie BV;0712.345.630;BV;Noorderlaan 40 2030 Antwerpen;2020-02-03;Ilse Verbruggen;"
          "zaakvoerder\n")
RCS_FR = ("Dénomination,Numéro BCE,Siège social,Gérant,Qualité\n"
          "Transports Meuse-Escaut SRL,0598.765.459,Quai de Rome 3 4000 Liège,Olivier Lambotte,gérant\n")
CALLS_EN = ("Ship Name;IMO Number;Port of Call;UN/LOCODE;ETA\n"
            "Ostrava Bay;9074729;Antwerp;BEANR;2024-03-11\n")


def test_header_key_ignores_case_accents_spaces_and_punctuation():
    assert header_key(" Company Name ") == header_key("company_name") == header_key("COMPANY-NAME")
    assert header_key("Dénomination") == "denomination" and header_key("UN/LOCODE") == "un_locode"
    table = Table("t.csv", ["Numéro BCE", "Siège social"])
    assert table.column("numero_bce") == "Numéro BCE" and table.column("siege social") == "Siège social"


def test_a_dutch_registry_export_is_read_as_records_with_its_directors(store, write):
    report = ingest_paths([write("kbo-uittreksel.csv", KBO_NL)], store, progress=False)
    assert report.ok and report.ingested == 1, report.failed
    firm = store.get_entity("company:vat:BE0712345630")
    assert firm.name == "Scheldezicht Expeditie BV" and firm.properties["legal_form"] == "BV"
    (director,) = store.relations_between(["person:ilse-verbruggen", firm.entity_id])
    assert director.type == "DIRECTOR_OF" and director.properties == {"role": "zaakvoerder"}
    assert director.evidence[0].method == "structured"
    doc = store.get_document(director.evidence[0].doc_id)
    assert doc.metadata["mapping"] == "company_registry"
    said = " ".join(text for _, text in report.warnings)
    assert "'Naam' as company_name" in said and "'Ondernemingsnummer' as enterprise_number" in said
    assert "'Bestuurder' as director" in said


def test_a_french_list_and_an_english_port_call_export(store, write):
    report = ingest_paths([write("registre.csv", RCS_FR), write("calls.csv", CALLS_EN)], store, progress=False)
    assert report.ok and report.ingested == 2, report.failed
    (gerant,) = store.relations_between(["person:olivier-lambotte", "company:vat:BE0598765459"])
    assert gerant.type == "DIRECTOR_OF" and gerant.properties == {"role": "gérant"}
    (call,) = store.relations_between(["vessel:imo:9074729", "port:BEANR"])
    assert call.type == "CALLED_AT" and call.evidence[0].date == "2024-03-11"


def test_the_mapping_s_own_column_name_wins_over_another_name(store, write):
    both = ("company_name,naam,enterprise_number,address,director\n"
            "Kaaiwerk Logistics NV,Kaaiwerk,0404.040.434,Kaai 1 Antwerpen,Tom Segers\n")
    report = ingest_paths([write("both.csv", both)], store, progress=False)
    assert report.ok
    assert store.get_entity("company:vat:BE0404040434").name == "Kaaiwerk Logistics NV"
    assert not any("other names" in text for _, text in report.warnings)


def test_a_table_about_something_else_still_goes_to_the_text_reader(store, write, fake):
    report = ingest_paths([write("notes.csv", "Naam,Opmerking\nJan Peeters,gezien aan de kade\n")], store,
                          extractor=fake, progress=False)
    assert report.ok
    doc = store.get_document(store.list_documents()[0]["doc_id"])
    assert doc.metadata["kind"] == "table-as-text"


def test_other_names_for_a_column_the_mapping_does_not_read_are_refused():
    raw = {"name": "m", "entities": {"v": {"type": "VESSEL", "name": "vessel"}},
           "column_names": {"vessel": ["ship"], "port": ["haven"]}}
    with pytest.raises(InvalidInput, match=r"other names for \['port'\]"):
        parse_mapping(raw)
    with pytest.raises(InvalidInput, match="list of other names"):
        parse_mapping({**raw, "column_names": {"vessel": "ship"}})
    assert load_mapping("port_calls").column_names["vessel"][0] == "vessel name"
