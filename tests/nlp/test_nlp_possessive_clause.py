"""A possessive kin noun after ";" stands for the subject of its own clause, not for the first person of the sentence:
"A ... à douze ans ; B ... à huit ans, et son frère C" makes C the brother of B."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _family(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "FAMILY_OF"}


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("fr", "Ont été condamnés Mathieu Ravel, 38 ans, à douze ans ; Hugo Lenoir, 33 ans, grutier, à huit ans, et son frère "
           "Théo Lenoir, 29 ans, à six ans.", ("Hugo Lenoir", "Théo Lenoir")),
    ("en", "Wayne Corrigan was jailed for twelve years; Nathan Pryce, a crane driver, got eight years, and his brother "
           "Lewis Pryce six years.", ("Nathan Pryce", "Lewis Pryce")),
    ("nl", "Kenzo de Wit kreeg acht jaar; Okke Brouwer, sjorder, kreeg zes jaar en zijn broer Rick Brouwer vier jaar.",
     ("Okke Brouwer", "Rick Brouwer")),
])
def test_possessive_in_its_clause(run, lang: str, text: str, pair: tuple[str, str]) -> None:
    family = _family(run(text, lang=lang))
    assert frozenset(pair) in family
    assert not any(len(p) == 2 and pair[1] in p and pair[0] not in p for p in family)


def test_possessive_without_semicolon_keeps_the_subject(run) -> None:
    # no ";": "son frère" is the subject's brother, the person in between is only a contact
    family = _family(run("Mathieu Ravel, qui appelait souvent Jérôme Tissier, a été condamné avec son frère Théo Ravel.",
                         lang="fr"))
    assert frozenset(("Mathieu Ravel", "Théo Ravel")) in family
    assert frozenset(("Jérôme Tissier", "Théo Ravel")) not in family
