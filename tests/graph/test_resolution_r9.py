"""Resolution precision, round 9: false merges found on the dev8 texts of the labelled set.

Each cause has two mentions that must stay apart and two that must still merge.
"""

from __future__ import annotations

import pytest

from graph.ids import entity_id
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from graph.resolution import Resolver
from graph.resolution.coref import within_document
from graph.resolution.features import TYPO_SCORE, Record, decide, person_name_score
from graph.resolution.normalize import person_name
from graph.store import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'r9.db'}")
    yield s
    s.close()


def extraction(text: str, entities: list[tuple[str, str]], links: list[tuple[str, str, str]] = (),
               lang: str = "en") -> Extraction:
    """A document naming ``entities`` ((type, name)); ``links`` are (name, relation, name)."""
    doc = Document(doc_id=Document.id_for_bytes(text.encode()), text=text, title="t", source="t.txt", lang=lang)
    ents: dict[str, Entity] = {}
    mentions = []
    for type_, name in entities:
        idents = {"PHONE": name} if type_ == "PHONE" else {}
        e = ents.setdefault(name, Entity(entity_id(type_, name, idents), type_, name, identifiers=idents))
        start = max(text.find(name), 0)
        mentions.append(Mention(e.entity_id, name, type_, start, start + len(name), doc.doc_id))
    evidence = [Evidence(doc.doc_id, 0, len(text), text, "rule")]
    relations = [Relation(ents[a].entity_id, ents[b].entity_id, rel, list(evidence)) for a, rel, b in links]
    return Extraction(document=doc, entities=list(ents.values()), mentions=mentions, relations=relations)


def resolve_all(store, *docs: Extraction) -> list[Extraction]:
    resolver = Resolver(store)
    out = []
    for ex in docs:
        resolved = resolver.resolve(ex)
        store.write(resolved)
        out.append(resolved)
    return out


def id_of(ex: Extraction, name: str) -> str:
    return next(m.entity_id for m in ex.mentions if m.text == name)


# -- a surname particle is part of the family name ------------------------------------------------
def test_particle_is_kept_apart_from_the_bare_surname():
    with_particle, without = person_name("Rachid el Haouari"), person_name("Rachid Haouari")
    assert with_particle.surname_key == without.surname_key  # same blocking key: they are compared...
    assert person_name_score(with_particle, without) == TYPO_SCORE  # ...but only reviewed
    assert person_name_score(person_name("Koen van den Broeck"), person_name("Koen van der Broeck")) == TYPO_SCORE


def test_particle_still_matches_its_own_spellings():
    assert person_name_score(person_name("Rachid el Haouari"), person_name("Rachid El Haouari")) == 1.0
    assert person_name_score(person_name("HAOUARI Rachid el"), person_name("rachid el haouari")) == 1.0
    assert person_name_score(person_name("Haouari, Rachid el"), person_name("Rachid el Haouari")) == 1.0
    assert person_name_score(person_name("Koen Vanden Broeck"), person_name("Koen van den Broeck")) == 1.0


def test_namesakes_in_two_cases_are_not_merged_on_a_particle(store):
    first = extraction("Rachid el Haouari, a planner, was charged in Rotterdam.", [("PERSON", "Rachid el Haouari")])
    second = extraction("Rachid Haouari was sentenced in Lille for the Le Havre shipments.",
                        [("PERSON", "Rachid Haouari")], lang="fr")
    a, b = resolve_all(store, first, second)
    assert id_of(a, "Rachid el Haouari") != id_of(b, "Rachid Haouari")
    assert store.list_decisions(kind="merge") == []
    assert [d["kind"] for d in store.list_decisions(kind="candidate")] == ["candidate"]  # an analyst may join them


def test_particle_and_bare_surname_merge_with_a_shared_phone(store):
    first = extraction("Rachid el Haouari uses +32 470 11 22 33.",
                       [("PERSON", "Rachid el Haouari"), ("PHONE", "+32470112233")],
                       [("Rachid el Haouari", "HAS_PHONE", "+32470112233")])
    second = extraction("Rachid Haouari called from +32 470 11 22 33.",
                        [("PERSON", "Rachid Haouari"), ("PHONE", "+32470112233")],
                        [("Rachid Haouari", "HAS_PHONE", "+32470112233")])
    a, b = resolve_all(store, first, second)
    assert id_of(a, "Rachid el Haouari") == id_of(b, "Rachid Haouari")


def test_particle_and_bare_surname_are_one_man_inside_one_document():
    people = [Entity("person:rachid-el-haouari", "PERSON", "Rachid el Haouari"),
              Entity("person:rachid-haouari", "PERSON", "Rachid Haouari")]
    ex = Extraction(Document("d", ""), people)
    assert within_document(ex) == {"person:rachid-haouari": "person:rachid-el-haouari"}


# -- an agency's acronym is not its field office ----------------------------------------------------
def org(*names: str) -> Record:
    return Record("org:" + names[0].lower().replace(" ", "-"), "ORGANIZATION", list(names))


def test_field_office_short_form_does_not_match_the_agency():
    office = org("FBI Newark", "FBI")  # "FBI" pooled as a short form of the field office
    agency = org("Federal Bureau of Investigation", "FBI")
    assert decide(office, agency).verdict != "merge"


def test_agency_and_its_acronym_still_merge():
    assert decide(org("Federal Bureau of Investigation", "FBI"), org("FBI")).verdict == "merge"
    assert decide(org("Federal Bureau of Investigation", "FBI"),
                  org("Federal Bureau of Investigation")).verdict == "merge"
    assert decide(org("FBI Newark", "FBI"), org("FBI Newark")).verdict == "merge"


def test_acronym_beside_a_field_office_in_one_document_stays_apart():
    orgs = [Entity("org:fbi", "ORGANIZATION", "FBI"), Entity("org:fbi-newark", "ORGANIZATION", "FBI Newark")]
    assert within_document(Extraction(Document("d", ""), orgs)) == {}


def test_acronym_beside_its_expansion_in_one_document_still_joins():
    orgs = [Entity("org:fbi", "ORGANIZATION", "FBI"),
            Entity("org:federal-bureau-of-investigation", "ORGANIZATION", "Federal Bureau of Investigation")]
    assert within_document(Extraction(Document("d", ""), orgs)) == {"org:fbi": "org:federal-bureau-of-investigation"}
    words = [Entity("org:douane", "ORGANIZATION", "Douane"),
             Entity("org:douane-zeebrugge", "ORGANIZATION", "Douane Zeebrugge")]
    assert within_document(Extraction(Document("d", ""), words)) == {"org:douane": "org:douane-zeebrugge"}


def test_field_office_and_agency_across_documents(store):
    office = extraction("Agents of FBI Newark said the FBI had watched the terminal.",
                        [("ORGANIZATION", "FBI Newark"), ("ORGANIZATION", "FBI")])
    agency = extraction("The Federal Bureau of Investigation (FBI) led the case.",
                        [("ORGANIZATION", "Federal Bureau of Investigation"), ("ORGANIZATION", "FBI")])
    later = extraction("The FBI announced the arrests.", [("ORGANIZATION", "FBI")])
    a, b, c = resolve_all(store, office, agency, later)
    assert id_of(a, "FBI Newark") != id_of(b, "Federal Bureau of Investigation")
    assert id_of(c, "FBI") == id_of(b, "Federal Bureau of Investigation")


# -- the bench's error listing ------------------------------------------------------------------------
def test_error_listing_names_mentions_documents_and_suspect_labels():
    from graph.resolution.evaluation import errors

    rows = [{"mention_id": "a#0", "doc": "a", "type": "PERSON", "text": "Rachid el Haouari", "cluster": "p1"},
            {"mention_id": "b#0", "doc": "b", "type": "PERSON", "text": "Rachid Haouari", "cluster": "p2"},
            {"mention_id": "c#0", "doc": "c", "type": "ORGANIZATION", "text": "FBI", "cluster": "FBI"},
            {"mention_id": "d#0", "doc": "d", "type": "ORGANIZATION", "text": "FBI", "cluster": "Federal Bureau"},
            {"mention_id": "e#0", "doc": "e", "type": "PERSON", "text": "Rachid Haouari", "cluster": "p2"}]
    predicted = {"a#0": "x", "b#0": "x", "c#0": "y", "d#0": "y", "e#0": "z"}
    listed = errors(rows, predicted, limit=None)
    merges = "\n".join(listed["false_merges"])
    assert "x: 1 wrong pairs\n" in merges + "\n" and "Rachid el Haouari @ a" in merges
    assert "y: 1 wrong pairs [same text under two labels]" in merges
    assert listed["missed_merges"][0] == "p2: 1 missed pairs"
    assert "Rachid Haouari @ e" in listed["missed_merges"][2]
    only_d = errors(rows, predicted, limit=None, docs="d")
    assert only_d["false_merges"][0].startswith("y:") and len(only_d["false_merges"]) == 3
    assert only_d["missed_merges"] == []
