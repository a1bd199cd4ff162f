"""Entity resolution, rule by rule: name normalisation, the features and their vetoes, coreference."""

from __future__ import annotations

import doctest
import importlib

import pytest

from graph.model import Document, Entity, Extraction
from graph.resolution.coref import within_document
from graph.resolution.features import VETO, Record, decide, f_generic_name, person_name_score
from graph.resolution.normalize import (
    company_name,
    for_matching,
    name_fold,
    org_core,
    person_name,
    vessel_name,
    weak_org,
)


# -- persons --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "first", "initials", "surname"), [
    ("de heer Soufiane El Khattabi", ("soufiane",), (), ("el", "khattabi")),   # two-word title
    ("Chief Inspector Els Vanhoutte", ("els",), (), ("vanhoutte",)),
    ("H. Gómez Ibáñez", (), ("h",), ("gomez", "ibanez")),                     # after an initial: the surname
    ("Mehmet YILMAZ", ("mehmet",), (), ("yilmaz",)),
    ("Mehmet Yılmaz", ("mehmet",), (), ("yilmaz",)),                           # dotless i
    ("LAÍNEZ MONTERO Esteban", ("esteban", "lainez"), (), ("montero",)),       # registry order, accents
    ("M. Peeters", (), ("m",), ("peeters",)),                                  # M. kept as an initial...
])
def test_person_name_parts(raw, first, initials, surname):
    p = person_name(raw)
    assert (p.first, p.initials, p.surname) == (first, initials, surname)


def test_monsieur_in_french_documents():
    p = person_name(for_matching("M. Peeters", "PERSON", "fr"))  # ...but in French it is Monsieur
    assert p.surname_only and p.weak
    assert for_matching("M. Peeters", "PERSON", "en") == "M. Peeters"


def test_generation_and_abbreviated_surnames():
    assert person_name("Christopher Kinahan Junior").generation == "jr"
    assert person_name("Christy Kinahan Snr").generation == "sr"
    for abbreviated in ("Mohamed B.", "Stijn V.H.", "Alex El K.", "R.K."):
        assert person_name(abbreviated).abbreviated and person_name(abbreviated).weak, abbreviated
    assert person_name("J. Peeters").weak is False and person_name("J. Peeters").full is False
    assert person_name("Jan Peeters").full


def test_ocr_zero_and_transliteration():
    assert name_fold("SEAP0RT POLICE R0TTERDAM") == "seaport police rotterdam"
    assert name_fold("Kade 7 Holding 2000") == "kade 7 holding 2000"  # real digits stay
    assert name_fold("Østergaard Straße") == "ostergaard strasse"


# -- firms, vessels, organisations ------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "core", "form"), [
    ("Zeewering Shipping Sociedad Anónima", "zeewering shipping", "sa"),
    ("Dijkwacht Handel S.à r.l.", "dijkwacht handel", "sarl"),
    ("Polder Logistiek besloten vennootschap", "polder logistics", "bv"),
    ("Atlantis Log. N.V.", "atlantis logistics", "nv"),
    ("Smit & Zonen", "smit and zonen", None),
])
def test_company_legal_forms_and_abbreviations(raw, core, form):
    c = company_name(raw)
    assert (c.core, c.legal_form) == (core, form)


def test_legal_form_classes():
    assert company_name("X SA").form_class == company_name("X NV").form_class  # one Belgian form, two languages
    assert company_name("X BVBA").form_class == company_name("X BV").form_class  # renamed in 2019
    assert company_name("X BV").form_class != company_name("X NV").form_class


def test_vessel_prefixes():
    assert vessel_name("M/V Santa Brisa") == vessel_name("MT SANTA BRISA") == vessel_name("the Santa Brisa")
    assert vessel_name("MSC Gayane") == "msc gayane"  # MSC is part of the name


def test_organisation_names():
    assert org_core("groupe Zeeslang") == org_core("Zeeslang-groep") == org_core("the Zeeslang group") == "zeeslang"
    assert org_core("Parket van Antwerpen") == org_core("Parket Antwerpen")
    assert weak_org("de douane") and weak_org("the Court") and not weak_org("Douane Nederland")


# -- features -----------------------------------------------------------------------------------------
def person(*names: str, **props: str) -> Record:
    return Record("person:x", "PERSON", list(names), properties=dict(props))


@pytest.mark.parametrize(("a", "b", "score"), [
    ("Jan Peeters", "Mr PEETERS Jan", 1.0),
    ("Hamza Benhaddou", "Hamza Benhdadou", 0.92),    # two letters swapped: a slip
    ("Julien Maréchal", "Julien Marchal", 0.8),      # one letter off: maybe another family, review
    ("Jan Peeters", "J. Peeters", 0.75),
    ("Héctor Gómez Ibáñez", "H. Gómez Ibáñez", 0.75),
    ("Jan Peeters", "Peeters", 0.5),
    ("Mohamed Benali", "Mohamed B.", 0.0),
    ("Jan Peeters", "Joris Peeters", VETO),
    ("Inés Gómez Ibáñez", "Martín Gómez Ibáñez", VETO),
    ("Christy Kinahan Jnr", "Christy Kinahan Snr", VETO),
])
def test_person_name_score(a, b, score):
    assert person_name_score(person_name(a), person_name(b)) == pytest.approx(score)


def test_abbreviated_names_never_merge_on_name_or_context_alone():
    a = Record("person:a", "PERSON", ["Mohamed B."], neighbours={"phone:+32470000001"})
    b = Record("person:b", "PERSON", ["Mohamed B."], neighbours={"phone:+32470000001"})
    assert decide(a, b).verdict == "review"


def test_birth_dates_compare_by_precision():
    assert decide(person("Jan Peeters", birth_date="1980"), person("Jan Peeters", birth_date="1980-01-02")).verdict \
        == "merge"
    judgement = decide(person("Jan Peeters", birth_date="1980-01-02"), person("Jan Peeters", birth_date="1980-03-02"))
    assert judgement.verdict == "distinct" and "conflicting_properties" in judgement.reason


def test_evidence_lifts_an_initial_to_a_merge():
    jan = Record("person:jan", "PERSON", ["Jan Peeters"], neighbours={"phone:+32470123456", "company:zl"})
    by_phone = Record("person:j", "PERSON", ["J. Peeters"], neighbours={"phone:+32470123456"})
    by_employer = Record("person:j", "PERSON", ["J. Peeters"], neighbours={"company:zl"})
    by_associate = Record("person:j", "PERSON", ["J. Peeters"], neighbours={"person:karim"})
    jan.neighbours.add("person:karim")
    assert decide(jan, by_phone).verdict == "merge" and decide(jan, by_phone).features["shared_context"] == 1.0
    assert decide(jan, by_employer).verdict == "merge"
    assert decide(jan, by_associate).verdict == "review"  # one shared contact is not enough


def test_identifiers_conflict_unless_a_permanent_one_agrees():
    a = Record("vessel:a", "VESSEL", ["Marlin Horizon"], {"IMO": "9526071", "MMSI": "244690118"})
    reflagged = Record("vessel:b", "VESSEL", ["Marlin Horizon"], {"IMO": "9526071", "MMSI": "636019999"})
    sister = Record("vessel:c", "VESSEL", ["Marlin Horizon"], {"IMO": "9074729"})
    assert decide(a, reflagged).verdict == "merge"
    assert decide(a, sister).verdict == "distinct"


def test_company_rules():
    def firm(*names: str) -> Record:
        return Record("company:x", "COMPANY", list(names))
    assert decide(firm("Zeebrugge Logistics BVBA"), firm("Zeebrugge Logistics")).verdict == "merge"
    assert decide(firm("Zeebrugge Logistics BVBA"), firm("ZEEBRUGGE LOGISTICS B.V.")).verdict == "merge"
    assert decide(firm("Zeebrugge Logistics NV"), firm("Zeebrugge Logistics BV")).verdict == "distinct"
    assert decide(firm("Zeebrugge Logistics BVBA"), firm("ZL bvba")).verdict == "review"
    assert decide(firm("Blauwhoeve Logistics BV"), firm("Blauwhoeve")).verdict == "review"
    # a short form pooled from another document does not match on its own
    assert decide(firm("Blauwhoeve Logistics BV", "Blauwhoeve"), firm("Blauwhoeve Transport NV", "Blauwhoeve")) \
        .verdict != "merge"


def test_organisation_acronyms():
    def org(*names: str) -> Record:
        return Record("org:x", "ORGANIZATION", list(names))
    assert f_generic_name(org("PJF Anvers"), org("police judiciaire fédérale d'Anvers")) == 0.9
    assert f_generic_name(org("NCA"), org("National Crime Agency")) == 0.75  # review: acronyms are shared
    assert f_generic_name(org("Douane"), org("Douane")) == 0.5  # a generic word identifies no agency


# -- within a document -----------------------------------------------------------------------------
def doc_of(*entities: Entity, lang: str = "en") -> Extraction:
    return Extraction(Document("d", "", lang=lang), list(entities))


def test_short_forms_join_the_one_full_name_they_fit():
    local = within_document(doc_of(
        Entity("person:jan-peeters", "PERSON", "Jan Peeters"), Entity("person:peeters", "PERSON", "Peeters"),
        Entity("person:j-peeters", "PERSON", "J. Peeters"), Entity("person:jan", "PERSON", "Jan"),
        Entity("person:peeters-jan", "PERSON", "PEETERS Jan"),
        Entity("person:hamza-benhaddou", "PERSON", "Hamza Benhaddou"),
        Entity("person:hamza-benhadou", "PERSON", "Hamza Benhadou")))  # one letter off: in one document, a slip
    assert local == {"person:peeters": "person:jan-peeters", "person:j-peeters": "person:jan-peeters",
                     "person:jan": "person:jan-peeters", "person:peeters-jan": "person:jan-peeters",
                     "person:hamza-benhadou": "person:hamza-benhaddou"}


def test_an_ambiguous_short_form_joins_nobody():
    local = within_document(doc_of(
        Entity("person:jan-peeters", "PERSON", "Jan Peeters"), Entity("person:joris-peeters", "PERSON", "Joris Peeters"),
        Entity("person:peeters", "PERSON", "Peeters"), Entity("person:j-peeters", "PERSON", "J. Peeters")))
    assert local == {}


def test_compound_surnames_and_organisation_acronyms():
    local = within_document(doc_of(
        Entity("person:ines", "PERSON", "Inés Gómez Ibáñez"), Entity("person:gi", "PERSON", "Gómez Ibáñez"),
        Entity("org:nca", "ORGANIZATION", "NCA"), Entity("org:national", "ORGANIZATION", "National Crime Agency"),
        Entity("company:bw", "COMPANY", "Blauwhoeve"), Entity("company:bwl", "COMPANY", "Blauwhoeve Logistics BV"),
        Entity("company:nv", "COMPANY", "Kaai NV"), Entity("company:bv", "COMPANY", "Kaai BV")))
    assert local == {"person:gi": "person:ines", "org:nca": "org:national", "company:bw": "company:bwl"}


@pytest.mark.parametrize("module", ["normalize", "features", "coref", "index", "evaluation"])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(f"graph.resolution.{module}"))
    assert result.attempted > 0 and result.failed == 0
