"""Clause-by-clause co-accused whose predicate has an adverb inside the perfect ("has already been sentenced",
"is eerder veroordeeld", "a déjà été condamné") or speaks of a sentence to come ("is to be sentenced")."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Wayne Corrigan, who also worked on the docks, has already been sentenced to 10 years; Nathan Pryce and Colin "
           "Aspey received nine-year terms.", ("Wayne Corrigan", "Nathan Pryce", "Colin Aspey")),
    ("en", "Gordon Blakey was sentenced to eight years in prison and Ivor Mundy is to be sentenced next month.",
     ("Gordon Blakey", "Ivor Mundy")),
    ("en", "Ivor Mundy is due to be sentenced in May, while Gordon Blakey was jailed for six years.",
     ("Ivor Mundy", "Gordon Blakey")),
    ("nl", "Kenzo de Wit is eerder veroordeeld tot vijf jaar; Okke Brouwer kreeg vier jaar cel.",
     ("Kenzo de Wit", "Okke Brouwer")),
    ("fr", "Mathieu Ravel a déjà été condamné à dix ans ; Jérôme Tissier a écopé de huit ans.",
     ("Mathieu Ravel", "Jérôme Tissier")),
])
def test_perfect_forms(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # an official and a defendant, a witness to be heard: no pair
    ("en", "Judge Gordon Blakey has already sentenced Ivor Mundy to ten years."),
    ("en", "Wayne Corrigan is to be called as a witness, while Nathan Pryce was jailed for six years."),
    ("fr", "Mathieu Ravel a déjà été entendu comme témoin ; Jérôme Tissier a écopé de huit ans."),
])
def test_not_perfect_forms(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Wayne Corrigan was remanded in custody, while Nathan Pryce was granted bail.", ("Wayne Corrigan", "Nathan Pryce")),
    ("en", "Gordon Blakey was refused bail and Ivor Mundy was released on bail.", ("Gordon Blakey", "Ivor Mundy")),
    ("fr", "Mathieu Ravel a été placé en détention provisoire, tandis que Jérôme Tissier a été laissé libre sous contrôle "
           "judiciaire.", ("Mathieu Ravel", "Jérôme Tissier")),
])
def test_bail_clauses(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Wayne Corrigan was released without charge, while Nathan Pryce was granted bail."),
    ("en", "Gordon Blakey was interviewed as a witness, while Ivor Mundy was refused bail."),
])
def test_no_bail_clauses(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
