"""A counted naming sentence ("Il s'agit de A ..., de B ... et de C, frère de B") whose last member is named as
someone's kin: the name after the kin noun is no extra person, so the count still fits."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("fr", "Quatre personnes ont été placées sous mandat d'arrêt par le juge d'instruction.\n\nIl s'agit de Karim Daoudi "
           "(37 ans), employé de la société Quai Nord Services SA, qui exploite le quai 12 ; de Marc Bertin (45 ans), gérant "
           "de Escaut Agence SPRL ; de Yann Arnaud (26 ans), sans profession ; et de Rémi Bertin (51 ans), frère de Marc "
           "Bertin, qui travaillait comme chauffeur.", ("Karim Daoudi", "Marc Bertin", "Yann Arnaud", "Rémi Bertin")),
    ("nl", "De politie hield drie verdachten aan. Het gaat om Kenzo de Wit (34), werkzaam bij Maaskade Stuwadoors BV, die de "
           "containers verplaatste; Okke Brouwer (29), zonder werk; en Rick Brouwer (41), de broer van Okke Brouwer, die "
           "als chauffeur werkte.", ("Kenzo de Wit", "Okke Brouwer", "Rick Brouwer")),
    ("en", "Police arrested three men on Tuesday. They are Wayne Corrigan, 34, a crane driver at Humber Stevedores Ltd, "
           "who moved the boxes; Nathan Pryce, 29, unemployed; and Colin Pryce, 41, the brother of Nathan Pryce, who "
           "drove the van.", ("Wayne Corrigan", "Nathan Pryce", "Colin Pryce")),
])
def test_counted_naming_with_kin(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # the count does not fit the people named: nothing is paired
    ("fr", "Cinq personnes ont été placées sous mandat d'arrêt par le juge d'instruction.\n\nIl s'agit de Karim Daoudi "
           "(37 ans), employé de la société Quai Nord Services SA, qui exploite le quai 12 ; de Marc Bertin (45 ans), "
           "sans profession ; et de Rémi Bertin (51 ans), frère de Marc Bertin, qui travaillait comme chauffeur."),
    ("nl", "De politie hield vier verdachten aan. Het gaat om Kenzo de Wit (34), werkzaam bij Maaskade Stuwadoors BV, die "
           "de containers verplaatste; Okke Brouwer (29), zonder werk; en Rick Brouwer (41), de broer van Okke Brouwer, "
           "die als chauffeur werkte."),
])
def test_counted_naming_count_must_fit(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))


@pytest.mark.parametrize(("lang", "text", "names"), [
    # "mensen" / "jeunes gens" as the counted noun, a role noun after "het gaat om"
    ("nl", "Bij huiszoekingen in Antwerpen zijn donderdag drie mensen opgepakt. Het gaat om de havenarbeiders Bart Claes "
           "(41) en Kees Wuyts (35) en om Dirk Peeters (58), zaakvoerder van het expeditiebedrijf Scheldt Cargo BVBA.",
     ("Bart Claes", "Kees Wuyts", "Dirk Peeters")),
    ("nl", "De politie heeft twee jongemannen aangehouden. Het gaat om de uithalers Rick Stoop (19), die op de kade werd "
           "betrapt, en Okke Brouwer (20), die in de bestelbus zat.", ("Rick Stoop", "Okke Brouwer")),
])
def test_counted_naming_nouns(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


def test_named_witnesses_are_no_co_accused(run) -> None:
    text = ("Bij het onderzoek in Antwerpen zijn donderdag twee mensen als getuige gehoord. Het gaat om de havenarbeiders Bart Claes "
            "(41), die de container verplaatste, en Dirk Peeters (58), zaakvoerder van het expeditiebedrijf Scheldt Cargo "
            "BVBA.")
    assert not _pairs(run(text, lang="nl"))


def test_naming_with_counted_role_fr(run) -> None:
    text = ("Trois hommes ont été interpellés mardi au Havre. Il s'agit de deux dockers, Mathieu Ravel et Jérôme Tissier, "
            "et d'un chauffeur, Hugo Lenoir.")
    assert _pairs(run(text, lang="fr")) == _all("Mathieu Ravel", "Jérôme Tissier", "Hugo Lenoir")


def test_naming_with_counted_role_witnesses_fr(run) -> None:
    text = "Deux personnes ont été entendues comme témoins. Il s'agit de deux dockers, Mathieu Ravel et Jérôme Tissier."
    assert not _pairs(run(text, lang="fr"))
