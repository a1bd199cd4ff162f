"""English and Irish given names the model reads as a body: a known given name before a capitalised
surname makes a person, so the pair the sentence states is kept."""

from __future__ import annotations

from nlp_support import mentions, relations


def test_convicted_pair_with_given_names_read_as_a_body(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("A jury convicted Gavin Price and Rory Nash after a two-week trial.", "en")
    assert {"Gavin Price", "Rory Nash"} <= mentions(ex, "PERSON")
    assert "Gavin Price" not in mentions(ex, "ORGANIZATION")
    assert ("CO_ACCUSED", "Gavin Price", "Rory Nash") in relations(ex) or \
        ("CO_ACCUSED", "Rory Nash", "Gavin Price") in relations(ex)


def test_brother_named_after_a_possessive(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Gavin Price's brother, Neil Price, was also arrested.", "en")
    pairs = {frozenset(r[1:]) for r in relations(ex) if r[0] == "FAMILY_OF"}
    assert frozenset(("Gavin Price", "Neil Price")) in pairs


def test_a_given_name_before_a_firm_word_stays_a_firm(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The containers were cleared by Gavin Logistics Ltd at the terminal.", "en")
    assert "Gavin Logistics Ltd" not in mentions(ex, "PERSON")


def test_bare_surname_with_an_age_listed_after_a_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Detectives arrested Sean Kelly in Cork.\nKelly, 44, and Murphy, 39, were remanded in custody.", "en")
    assert "Murphy" in mentions(ex, "PERSON")
    assert "Murphy" not in mentions(ex, "LOCATION")
    assert "Cork" not in mentions(ex, "PERSON")  # a home town without an age stays a place


def test_town_after_a_person_without_an_age_stays_a_place(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Sean Kelly and Liam Murphy, of Cork and Wexford, were remanded in custody.", "en")
    assert "Wexford" not in mentions(ex, "PERSON")
