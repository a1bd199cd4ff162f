"""FAMILY_OF for kin apposed to the second of two ("A and B, his nephew"), a kin pair after ages ("A, 54, and B, 29,
father and son"), Dutch kin groups (read without a parser), and general or step/in-law kin nouns ("a relative of",
"de stiefzoon van", "le beau-fils de")."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _family(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "FAMILY_OF"}


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("en", "Wayne Corrigan and Nathan Pryce, his nephew, were arrested at the docks.", ("Wayne Corrigan", "Nathan Pryce")),
    ("fr", "Mathieu Ravel et Jérôme Tissier, son gendre, ont été condamnés.", ("Mathieu Ravel", "Jérôme Tissier")),
    ("nl", "Kenzo de Wit en Okke Brouwer, zijn zwager, werden aangehouden.", ("Kenzo de Wit", "Okke Brouwer")),
    ("en", "Wayne Corrigan, 54, and Nathan Corrigan, 29, father and son, were charged.",
     ("Wayne Corrigan", "Nathan Corrigan")),
    ("fr", "Mathieu Ravel, 54 ans, et Hugo Ravel, 29 ans, père et fils, ont été écroués.", ("Mathieu Ravel", "Hugo Ravel")),
    ("nl", "Kenzo de Wit (54) en Okke de Wit (29), vader en zoon, werden aangehouden.", ("Kenzo de Wit", "Okke de Wit")),
    ("nl", "De broers Kenzo de Wit en Rick de Wit werden opgepakt.", ("Kenzo de Wit", "Rick de Wit")),
    ("en", "Nathan Pryce, a distant relative of Wayne Corrigan, was charged.", ("Wayne Corrigan", "Nathan Pryce")),
    ("nl", "Okke Brouwer, de stiefzoon van Kenzo de Wit, werd aangehouden.", ("Kenzo de Wit", "Okke Brouwer")),
    ("nl", "Kenzo de Wit en zijn schoonzoon Okke Brouwer werden veroordeeld.", ("Kenzo de Wit", "Okke Brouwer")),
    ("fr", "Jérôme Tissier, le beau-fils de Mathieu Ravel, a été interpellé.", ("Mathieu Ravel", "Jérôme Tissier")),
])
def test_family(run, lang: str, text: str, pair: tuple[str, str]) -> None:
    assert _family(run(text, lang=lang)) == {frozenset(pair)}


@pytest.mark.parametrize(("lang", "text"), [
    # counsel, not kin
    ("nl", "Kenzo de Wit en Okke Brouwer, zijn advocaat, werden gehoord."),
    ("en", "Nathan Pryce, the lawyer of Wayne Corrigan, spoke to reporters."),
    # of three, whose nephew the last one is is not said
    ("en", "Wayne Corrigan, Colin Aspey and Nathan Pryce, his nephew, were arrested."),
    # two ages, no kin
    ("en", "Wayne Corrigan, 54, and Nathan Pryce, 29, both dockers, were charged."),
])
def test_no_family(run, lang: str, text: str) -> None:
    assert not _family(run(text, lang=lang))


@pytest.mark.parametrize(("lang", "text", "pair"), [
    # an age or no possessive before the kin noun
    ("en", "Wayne Corrigan, 54, and his 24-year-old son Lewis Corrigan were arrested.", ("Wayne Corrigan", "Lewis Corrigan")),
    ("en", "Gordon Blakey and son Ivor Blakey were arrested at the port.", ("Gordon Blakey", "Ivor Blakey")),
    ("fr", "Mathieu Ravel et son fils de 24 ans, Hugo Ravel, ont été interpellés.", ("Mathieu Ravel", "Hugo Ravel")),
    ("nl", "Kenzo de Wit (54) en zijn 24-jarige zoon Okke de Wit zijn aangehouden.", ("Kenzo de Wit", "Okke de Wit")),
    # the kin noun after the second name
    ("en", "Leanne Hughes, Wayne Corrigan's wife, was charged with money laundering.", ("Leanne Hughes", "Wayne Corrigan")),
])
def test_family_aged_or_after(run, lang: str, text: str, pair: tuple[str, str]) -> None:
    assert _family(run(text, lang=lang)) == {frozenset(pair)}


def test_possessor_is_no_co_defendant(run) -> None:
    # "B, A's wife, was charged": only B is charged
    rels = relations(run("Leanne Hughes, Wayne Corrigan's wife, was charged with money laundering.", lang="en"))
    assert not any(r[0] == "CO_ACCUSED" for r in rels)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Wayne Corrigan and his 24-year-old lawyer Lewis Grant left the court."),
    ("en", "Leanne Hughes, Wayne Corrigan's solicitor, spoke outside court."),
])
def test_no_family_aged(run, lang: str, text: str) -> None:
    assert not _family(run(text, lang=lang))
