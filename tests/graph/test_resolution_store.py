"""Entity resolution against a real SQLite store: hard keys, conflicts, namesakes, ambiguity, bridging,
the review list, and decisions that survive re-ingest."""

from __future__ import annotations

import pytest

from factories import named_doc as doc
from graph.model import Extraction
from graph.resolution import Resolver, merge, merges, pin_distinct, reapply, review_candidates
from graph.store import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'res.db'}")
    yield s
    s.close()


def ingest(store, resolver: Resolver, ex: Extraction) -> dict[str, str]:
    """Resolve and write; the resolved id of each name."""
    resolved = resolver.resolve(ex)
    store.write(resolved)
    return {m.text: m.entity_id for m in resolved.mentions}


def people(store) -> int:
    return store.stats()["entities_by_type"].get("PERSON", 0)


# -- hard keys and conflicts ----------------------------------------------------------------------
def test_hard_keys_merge_whatever_the_name(store):
    r = Resolver(store)
    ingest(store, r, doc("a", ("COMPANY", "Blauwhoeve Logistics BV", {"VAT": "BE0798437187"})))
    ids = ingest(store, r, doc("b", ("COMPANY", "Kantoor Berchem", {"VAT": "BE0798437187"})))
    ingest(store, r, doc("c", ("VESSEL", "Santa Brisa", {"IMO": "9471381"})))
    ingest(store, r, doc("d", ("VESSEL", "MV Santa Briza", {"IMO": "9471381"})))
    assert ids["Kantoor Berchem"] == "company:vat:BE0798437187"
    assert store.stats()["entities_by_type"] == {"COMPANY": 1, "VESSEL": 1}


def test_a_conflicting_identifier_is_not_merged(store):
    r = Resolver(store)
    ingest(store, r, doc("a", ("VESSEL", "Santa Lucia", {"IMO": "9074729"})))
    ingest(store, r, doc("b", ("VESSEL", "Santa Lucia", {"IMO": "9471381"})))  # another ship, same name
    ingest(store, r, doc("c", ("COMPANY", "Kaai Logistics NV"), ("COMPANY", "Kaai Logistics BV")))
    ingest(store, r, doc("d", ("COMPANY", "Kaai Logistics BV")))
    assert store.stats()["entities_by_type"] == {"COMPANY": 2, "VESSEL": 2}
    assert merges(store) == []


def test_namesakes_are_told_apart_by_birth_date_and_each_finds_their_own(store):
    r = Resolver(store)
    first = ingest(store, r, doc("a", ("PERSON", "Iván Quiñones", {}, {"birth_date": "1967-10-18"})))
    second = ingest(store, r, doc("b", ("PERSON", "Iván Quiñones", {}, {"birth_date": "1999"})))
    again = ingest(store, r, doc("c", ("PERSON", "QUIÑONES Iván", {}, {"birth_date": "1999-06-28"})))
    older = ingest(store, r, doc("d", ("PERSON", "Ivan Quinones", {}, {"birth_date": "1967"})))
    assert second["Iván Quiñones"] != first["Iván Quiñones"]
    assert second["Iván Quiñones"].startswith("person:ivan-quinones~")
    assert again["QUIÑONES Iván"] == second["Iván Quiñones"]
    assert older["Ivan Quinones"] == first["Iván Quiñones"]
    assert people(store) == 2
    (distinct,) = store.list_decisions(kind="distinct")
    assert "conflicting_properties" in distinct["reason"] and distinct["who"] == "havengraph-resolver"


# -- weak names, ambiguity, bridging ------------------------------------------------------------------
def test_weak_names_stay_in_their_document(store):
    r = Resolver(store)
    for key in ("a", "b"):
        ingest(store, r, doc(key, ("PERSON", "J. Peeters"), ("PERSON", "Mohamed B."), ("ORGANIZATION", "Douane")))
    assert store.stats()["entities_by_type"] == {"ORGANIZATION": 2, "PERSON": 4}
    assert merges(store) == []
    assert {c["reason"] for c in review_candidates(store)} == {"similar name, not enough evidence to merge"}


def test_an_initial_that_fits_two_people_goes_to_review(store):
    r = Resolver(store)
    home = ("ADDRESS", "Kerkstraat 5, 2000 Antwerpen")
    ingest(store, r, doc("a", ("PERSON", "Jan Peeters", {}, {}, [home])))
    ingest(store, r, doc("b", ("PERSON", "Joris Peeters", {}, {}, [home])))  # his son, same address
    ids = ingest(store, r, doc("c", ("PERSON", "J. Peeters", {}, {}, [home])))
    assert merges(store) == []
    reviewed = {c["a"] for c in review_candidates(store) if c["b"] == ids["J. Peeters"]}
    assert reviewed == {"person:jan-peeters", "person:joris-peeters"}
    assert all(c["reason"].startswith("fits several entities") for c in review_candidates(store)
               if c["b"] == ids["J. Peeters"])


def test_a_later_document_bridges_two_known_entities_and_rewrites_the_older_one(store):
    r = Resolver(store)
    phone = ("PHONE", "+32470123456")
    ingest(store, r, doc("a", ("PERSON", "Jan Peeters")))
    initial = ingest(store, r, doc("b", ("PERSON", "J. Peeters", {}, {}, [phone])))["J. Peeters"]
    assert people(store) == 2
    ingest(store, r, doc("c", ("PERSON", "Jan Peeters", {}, {}, [phone])))  # now Jan has that phone
    assert people(store) == 1
    assert "J. Peeters" in store.get_entity("person:jan-peeters").aliases
    bridge = [d for d in merges(store) if d["b"] == initial]
    assert bridge and bridge[0]["reason"].startswith("both fit")


def test_french_documents_read_m_as_monsieur(store):
    r = Resolver(store)
    phone = ("PHONE", "+33612345678")
    ingest(store, r, doc("a", ("PERSON", "Mathieu Dubois", {}, {}, [phone])))
    fr = ingest(store, r, doc("b", ("PERSON", "M. Dubois", {}, {}, [phone]), lang="fr"))
    assert fr["M. Dubois"] != "person:mathieu-dubois"  # Monsieur Dubois: a surname alone is never merged
    en = ingest(store, r, doc("c", ("PERSON", "M. Dubois", {}, {}, [phone])))
    assert en["M. Dubois"] == "person:mathieu-dubois"  # in English, M. is an initial: with his phone, him


# -- the review list and decisions over re-ingest -------------------------------------------------------
def test_review_list_is_not_repeated_and_a_pin_rejects_it(store):
    r = Resolver(store)
    ingest(store, r, doc("a", ("COMPANY", "Zeebrugge Logistics BVBA")))
    ex = doc("b", ("COMPANY", "ZL bvba"))
    ingest(store, r, ex)
    (cand,) = review_candidates(store)
    assert cand["a_name"] == "Zeebrugge Logistics BVBA" and cand["b_name"] == "ZL bvba" and cand["type"] == "COMPANY"
    store.delete_document(ex.document.doc_id)
    ingest(store, Resolver(store), ex)  # re-ingest: the same pair is not proposed twice
    assert len(review_candidates(store)) == 1
    pin_distinct(store, cand["a"], cand["b"], who="analyst:kim", reason="different firms")
    assert review_candidates(store) == []
    store.delete_document(ex.document.doc_id)
    ingest(store, Resolver(store), ex)
    assert review_candidates(store) == []


def test_automatic_merges_hold_after_the_document_is_ingested_again(store):
    r = Resolver(store)
    ingest(store, r, doc("a", ("PERSON", "Jan Peeters")))
    ex = doc("b", ("PERSON", "PEETERS Jan"))
    ingest(store, r, ex)
    store.delete_document(ex.document.doc_id)
    assert ingest(store, Resolver(store), ex)["PEETERS Jan"] == "person:jan-peeters"
    assert reapply(store, ["person:jan-peeters"]) == 2
    assert people(store) == 1 and len(merges(store)) == 1


def test_an_analyst_merge_is_kept_even_against_a_conflicting_birth_date(store):
    r = Resolver(store)
    ingest(store, r, doc("a", ("PERSON", "Jan Peeters", {}, {"birth_date": "1980"})))
    other = ingest(store, r, doc("b", ("PERSON", "Jan Peters", {}, {"birth_date": "1981"})))["Jan Peters"]
    merge(store, "person:jan-peeters", other, who="analyst:kim", reason="typo in the birth year, checked")
    ex = doc("c", ("PERSON", "Jan Peters", {}, {"birth_date": "1981"}))
    assert ingest(store, Resolver(store), ex)["Jan Peters"] == "person:jan-peeters"


def test_a_documents_decisions_are_stored_together_before_resolve_returns(store):
    """One transaction per document for its decisions, not one per decision."""
    calls = []
    real = store.save_decisions

    def counting(decisions):
        calls.append([d["kind"] for d in decisions])
        return real(decisions)

    store.save_decisions = counting
    r = Resolver(store)
    ingest(store, r, doc("a", ("PERSON", "Iván Quiñones", {}, {"birth_date": "1967-10-18"}),
                         ("PERSON", "Marc Dubois", {}, {"birth_date": "1970-01-01"})))
    assert calls == []  # nothing to decide about the first document
    ingest(store, r, doc("b", ("PERSON", "Iván Quiñones", {}, {"birth_date": "1999"}),
                         ("PERSON", "Marc Dubois", {}, {"birth_date": "1985-05-05"})))
    assert calls == [["distinct", "distinct"]]
    assert len(store.list_decisions(kind="distinct")) == 2 == len(r.new_decisions)


def test_merging_an_id_already_merged_away_is_refused(store):
    from factories import JAN, ZL, _doc, _ent, _mentions, _rel, doc_one
    from graph.errors import InvalidInput

    store.write(doc_one())
    text = _doc("Johan Peters directs Zeebrugge Logistics BVBA.", "alias.txt")
    johan = _ent("PERSON", "Johan Peters")
    store.write(Extraction(document=text, entities=[johan, ZL], mentions=_mentions(text, johan, ZL),
                           relations=[_rel(text, johan, ZL, "DIRECTOR_OF", "Johan Peters directs Zeebrugge")]))
    merge(store, JAN.entity_id, johan.entity_id, who="analyst:kim", reason="same man")
    with pytest.raises(InvalidInput, match="already one entity"):
        merge(store, JAN.entity_id, johan.entity_id, who="analyst:kim", reason="again")
    assert len(merges(store)) == 1
