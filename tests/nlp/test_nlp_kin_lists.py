"""FAMILY_OF for a list that a kin noun names as one family ("the brothers A and B", "A and B, a married couple")."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _family(ex) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "FAMILY_OF"}


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("en", "The brothers, Declan Furley and Martin Furley, were charged with possession.", ("Declan Furley", "Martin Furley")),
    ("en", "Father and son Declan Furley and Liam Furley were arrested at the port.", ("Declan Furley", "Liam Furley")),
    ("en", "Declan Furley and Mary Keane, a married couple from Cork, were arrested.", ("Declan Furley", "Mary Keane")),
    ("fr", "Les frères Karim Benhadi et Rachid Benhadi ont été interpellés.", ("Karim Benhadi", "Rachid Benhadi")),
])
def test_kin_noun_names_the_list_a_family(run, lang: str, text: str, pair: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert frozenset(pair) in _family(run(text, lang))


def test_list_without_a_kin_noun_is_no_family(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The dockers, Declan Furley and Martin Keane, were charged with possession.", "en")
    assert not _family(ex)


def test_kin_noun_of_someone_else_before_the_list(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Officers questioned the brothers of the victim, then arrested Declan Furley and Martin Keane.", "en")
    assert frozenset({"Declan Furley", "Martin Keane"}) not in _family(ex)


def test_capitalised_kin_plural_opening_a_name_is_no_part_of_it(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Brothers Declan Furley and Martin Furley appeared in court charged with possession.", "en")
    assert frozenset({"Declan Furley", "Martin Furley"}) in _family(ex)
    assert not any(name.startswith("Brothers") for pair in _family(ex) for name in pair)


def test_kin_of_the_person_before_the_apposition(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The indictment names Luis Arriola, 39, of Elizabeth. A cousin of Arriola's, Celia Navarra, was "
             "interviewed by agents and has not been charged.", "en")
    assert frozenset({"Luis Arriola", "Celia Navarra"}) in _family(ex)


def test_apposition_without_a_kin_noun_is_no_family(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("A lawyer for Derek Furley, Maria Keane, said her client would appeal.", "en")
    assert frozenset({"Derek Furley", "Maria Keane"}) not in _family(ex)
