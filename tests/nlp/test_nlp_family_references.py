"""FAMILY_OF through a possessive ("his daughter, X"): whose kin it is."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _family(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "FAMILY_OF"}


def test_possessive_after_the_subject_pronoun_is_the_subject(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Stavros Makris, 52, is the sole director of Coastline Tiles Pty Ltd. Police will allege he called Jacob "
             "Tamasese several times, using a mobile phone registered to his daughter, Eleni Makris.", "en")
    assert frozenset({"Stavros Makris", "Eleni Makris"}) in _family(ex)
    assert frozenset({"Jacob Tamasese", "Eleni Makris"}) not in _family(ex)


def test_french_partner_of_the_man_named_before(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le gérant de la société Agrumes Verts, Paul Morand, a également été placé en garde à vue. Sa compagne, "
             "Sandrine Morand, a été remise en liberté sans poursuites.", "fr")
    assert frozenset({"Paul Morand", "Sandrine Morand"}) in _family(ex)


def test_french_kin_after_an_elided_article(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Sofia Marchal, l'épouse de Reda Karimi, a été interpellée.", "fr")
    assert frozenset({"Sofia Marchal", "Reda Karimi"}) in _family(ex)


def test_french_kin_of_a_third_person_is_not_the_subjects(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Sofia Marchal a rencontré Reda Karimi, l'oncle de Yanis Ferhat.", "fr")
    assert frozenset({"Sofia Marchal", "Reda Karimi"}) not in _family(ex)


def test_possessive_s_is_no_part_of_the_name(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Police also arrested Derek Shawcross's son-in-law, Aaron Pikett.", "en")
    names = {m.text for m in ex.mentions if m.type == "PERSON"}
    assert "Derek Shawcross" in names
    assert not any(n.endswith("'s") for n in names)
    assert frozenset({"Derek Shawcross", "Aaron Pikett"}) in _family(ex)


def test_whose_kin_and_possessive_after_the_verb(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Aaron Pikett, whose father Derek Pikett runs a haulage firm, was arrested. Liam Shawcross, 23, is "
             "Derek Shawcross's son.", "en")
    assert {frozenset({"Aaron Pikett", "Derek Pikett"}), frozenset({"Liam Shawcross", "Derek Shawcross"})} <= _family(ex)


def test_not_someones_son(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Liam Shawcross, 23, is not Derek Shawcross's son.", "en")
    assert frozenset({"Liam Shawcross", "Derek Shawcross"}) not in _family(ex)


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("en", "Declan Furley and Martin Furley are brothers.", ("Declan Furley", "Martin Furley")),
    ("fr", "Karim Benhadi et Rachid Benhadi sont frères.", ("Karim Benhadi", "Rachid Benhadi")),
    ("fr", "Karim Benhadi, dont le frère Rachid Benhadi travaille au port, a été interpellé.",
     ("Karim Benhadi", "Rachid Benhadi")),
    ("nl", "Jan de W. en Kees de W. zijn broers.", ("Jan de W.", "Kees de W.")),
    ("nl", "Kees T., wiens vader Jan T. een transportbedrijf heeft, werd aangehouden.", ("Kees T.", "Jan T.")),
])
def test_kin_stated_after_the_pair(run, lang: str, text: str, pair: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert frozenset(pair) in _family(run(text, lang))


def test_not_brothers(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Declan Furley and Martin Keane are not brothers, despite the rumours.", "en")
    assert frozenset({"Declan Furley", "Martin Keane"}) not in _family(ex)
