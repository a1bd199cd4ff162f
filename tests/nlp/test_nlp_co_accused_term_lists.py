"""CO_ACCUSED for lines that each give a defendant's term under a line about sentences or demands, for a term
before each name ("acht jaar tegen A, zes jaar tegen B"), for warrants over a list ("parmi lesquelles :"), and
given names joined by a hyphen ("Peter-Jan", "Gert-Jan")."""

from __future__ import annotations

import pytest
from nlp_support import mentions, relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "The judge imposed the following sentences:\n\nWayne Corrigan, 41, of Savannah - 120 months\n"
           "Nathan Pryce, 36, of Macon - 84 months\n", ("Wayne Corrigan", "Nathan Pryce")),
    ("nl", "De strafeisen op een rij:\n- Kenzo de Wit: 8 jaar cel\n- Okke Brouwer: 6 jaar cel\n"
           "- Rick Stoop: 3 jaar, waarvan 1 voorwaardelijk\n", ("Kenzo de Wit", "Okke Brouwer", "Rick Stoop")),
    ("fr", "Le tribunal a prononcé les peines suivantes :\n- Mathieu Ravel : huit ans d'emprisonnement ;\n"
           "- Jérôme Tissier : six ans dont deux avec sursis.\n", ("Mathieu Ravel", "Jérôme Tissier")),
    # no line over the list: each line names a prison term
    ("en", "Wayne Corrigan: 10 years in prison\nNathan Pryce: 6 years in prison\n", ("Wayne Corrigan", "Nathan Pryce")),
    ("fr", "Le juge d'instruction a décerné un mandat d'arrêt à l'encontre de trois personnes, parmi lesquelles :\n"
           "- Karim B. (42 ans), grutier ;\n- Julien F. (35 ans), planificateur.\n", ("Karim B.", "Julien F.")),
    ("nl", "Het parket vorderde acht jaar tegen Kevin V., zes jaar tegen Ilias B., vijf jaar tegen Ruben D. en vier jaar "
           "tegen Gert-Jan M.", ("Kevin V.", "Ilias B.", "Ruben D.", "Gert-Jan M.")),
    ("fr", "Le parquet a requis huit ans contre Mathieu Ravel, six ans contre Jérôme Tissier et quatre ans contre Hugo "
           "Lenoir.", ("Mathieu Ravel", "Jérôme Tissier", "Hugo Lenoir")),
    ("en", "Prosecutors sought 12 years for Wayne Corrigan, 9 years for Nathan Pryce and 6 years for Colin Aspey.",
     ("Wayne Corrigan", "Nathan Pryce", "Colin Aspey")),
    ("nl", "Peter-Jan de W. (55) uit Barendrecht en Klaas-Jan Bosma (48) werden aangehouden.",
     ("Peter-Jan de W.", "Klaas-Jan Bosma")),
])
def test_term_lists(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # years of service, not terms
    ("nl", "Deze medewerkers zijn het langst in dienst:\n- Jan Peeters: 32 jaar\n- Kees Bakker: 28 jaar\n"),
    ("en", "Our longest-serving pilots:\n- Wayne Corrigan: 30 years\n- Nathan Pryce: 25 years\n"),
    # a witness against someone, with a number of days
    ("nl", "Kevin V. getuigde tegen Ilias B., zes dagen na zijn arrestatie."),
])
def test_no_term_list(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))


def test_hyphened_names_need_two_given_names(run) -> None:
    people = mentions(run("De politie in Rotterdam-Zuid hield Gert-Jan Mulder aan bij Saint-Nazaire Shipping.",
                          lang="nl"), "PERSON")
    assert "Gert-Jan Mulder" in people
    assert not any("Rotterdam" in p or "Saint" in p for p in people)


@pytest.mark.parametrize(("lang", "text", "names"), [
    # a table under a header that names the penalty column ("Straf", "Peine", "Sentence")
    ("nl", "Overzicht van de uitspraken:\n\n| Naam | Leeftijd | Straf |\n|---|---|---|\n| Kenzo de Wit | 34 | 6 jaar cel |\n"
           "| Okke Brouwer | 29 | 4 jaar cel |\n| Rick Stoop | 41 | 240 uur taakstraf |\n",
     ("Kenzo de Wit", "Okke Brouwer", "Rick Stoop")),
    # the term before the name on each line
    ("fr", "Les peines prononcées :\n- 10 ans pour Mathieu Ravel ;\n- 8 ans pour Jérôme Tissier.\n",
     ("Mathieu Ravel", "Jérôme Tissier")),
    ("en", "The sentences handed down:\n- 12 years for Wayne Corrigan\n- 9 years for Nathan Pryce\n",
     ("Wayne Corrigan", "Nathan Pryce")),
])
def test_term_tables(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


def test_no_term_table_of_service(run) -> None:
    text = ("Staff of the terminal:\n\n| Name | Job | Service |\n|---|---|---|\n| Wayne Corrigan | crane driver | "
            "12 years |\n| Nathan Pryce | planner | 9 years |\n")
    assert not _pairs(run(text, lang="en"))
