"""CO_ACCUSED lists named beside the sentence that charges them; owning up; Dutch separable verbs; "et de"."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Three longshoremen were arrested on Tuesday. They are Marco Delgado, 44, of Elizabeth; Tyrone Baptiste, 37, "
           "of Newark; and Kevin Osei, 29, of Linden.", ("Marco Delgado", "Tyrone Baptiste", "Kevin Osei")),
    ("en", "Police have named the men as Marco Delgado, 44, Tyrone Baptiste, 37, and Kevin Osei, 29. They have been "
           "charged with importing cocaine.", ("Marco Delgado", "Tyrone Baptiste", "Kevin Osei")),
    ("nl", "Het gaat om Ronald Verbeek (34) en Dennis Kuipers (41), beiden werkzaam bij een terminal op de Maasvlakte. "
           "Ze werden dinsdag aangehouden.", ("Ronald Verbeek", "Dennis Kuipers")),
    ("fr", "Il s'agit de Karim Benali, 34 ans, et de Youssef Amrani, 29 ans, tous deux dockers au Havre. Ils ont été "
           "mis en examen.", ("Karim Benali", "Youssef Amrani")),
    # owning up, and a Dutch verb split around the list
    ("en", "Two Newark Longshoremen, Marco Delgado and Tyrone Baptiste, Admit Role in Cocaine Plot",
     ("Marco Delgado", "Tyrone Baptiste")),
    ("fr", "Les deux dockers, Karim Benali et Youssef Amrani, ont reconnu les faits.", ("Karim Benali", "Youssef Amrani")),
    ("nl", "De politie hield dinsdag Ronald Verbeek en Dennis Kuipers aan op de Maasvlakte.",
     ("Ronald Verbeek", "Dennis Kuipers")),
    # the sentence before charges people of its own: the witnesses named after them are no co-accused
    ("en", "Marco Delgado and Tyrone Baptiste were arrested on Tuesday. The witnesses are Anna Ruiz and Peter Walsh.",
     ("Marco Delgado", "Tyrone Baptiste")),
])
def test_named_lists(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # named, but nothing charges them
    ("en", "Two crane drivers gave evidence. They are Anna Ruiz and Peter Walsh."),
    ("nl", "Het gaat om Ronald Verbeek en Dennis Kuipers. Ze werken al tien jaar in de haven."),
    # a "both" sentence after a pair is not read as a list of its own
    ("en", "Travis Kemble and Nadia Salloum used their passes to find the container. Both were arrested at home."),
    # "hield ... in de gaten" (watched): no arrest
    ("nl", "De politie hield Ronald Verbeek en Dennis Kuipers maandenlang in de gaten."),
])
def test_named_lists_do_not_fire(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
