"""CO_ACCUSED frames of real case text: joined by "with", apposed co-defendants, gapped clauses, captions, appeals."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    # "with" right after a charge verb, a kinsman or "a third man" before the name
    ("en", "Marco Delgado, 44, was arrested with Tyrone Baptiste, 37, after officers searched a lorry at the docks.",
     ("Marco Delgado", "Tyrone Baptiste")),
    ("en", "Marco Delgado was convicted with his cousin, Tyrone Baptiste, of importing 200 kilograms of cocaine.",
     ("Marco Delgado", "Tyrone Baptiste")),
    ("en", "Marco Delgado and Tyrone Baptiste were charged alongside a third man, Kevin Osei, of Dublin.",
     ("Marco Delgado", "Tyrone Baptiste", "Kevin Osei")),
    # a firm and its officers
    ("fr", "La société Transports Morel SARL et ses dirigeants Karim Benali et Youssef Amrani ont été renvoyés devant "
           "le tribunal.", ("Transports Morel SARL", "Karim Benali", "Youssef Amrani")),
    # a relative clause as an aside, an adverb before the participle, gapped clauses with "for", "de", a place
    ("en", "Hector Ruiz, who also worked at the terminal, was earlier sentenced to 10 years in prison; Javier Soto and "
           "Emilio Vargas received nine-year terms.", ("Hector Ruiz", "Javier Soto", "Emilio Vargas")),
    ("en", "Marco Delgado, 44, from Tilbury, was jailed for 18 years and Tyrone Baptiste, 37, from Grays, for 12 years.",
     ("Marco Delgado", "Tyrone Baptiste")),
    ("fr", "Karim Benali a écopé de dix ans ferme, Youssef Amrani de huit ans.", ("Karim Benali", "Youssef Amrani")),
    ("en", "Marco Delgado was arrested at Tilbury and Tyrone Baptiste in Grays.", ("Marco Delgado", "Tyrone Baptiste")),
    # ", ainsi que" / ", as well as" after members with their own asides
    ("fr", "Lucien Marchal, 36 ans, docker salarié de la société Quais du Nord SAS, Denis Poulain, 42 ans, gérant de la "
           "SARL Frigo Transit, ainsi que Rachid Ziani et Hugo Lemaire ont été mis en examen.",
     ("Lucien Marchal", "Denis Poulain", "Rachid Ziani", "Hugo Lemaire")),
    ("en", "Glen Ashby, 41, of Breda, as well as Piet Dekker, were arrested at the terminal.", ("Glen Ashby", "Piet Dekker")),
    # a co-defendant named as such in an apposition, in the next sentence
    ("en", "Marco Delgado was sentenced to 120 months in prison. Tyrone Baptiste, his co-defendant, was sentenced to "
           "96 months.", ("Marco Delgado", "Tyrone Baptiste")),
    # a caption, an appeal, a charging paper, a trial to come
    ("en", "In United States v. Marco Delgado and Tyrone Baptiste, the court affirmed both convictions.",
     ("Marco Delgado", "Tyrone Baptiste")),
    ("en", "Marco Delgado and Tyrone Baptiste appeal their convictions for conspiracy to import cocaine.",
     ("Marco Delgado", "Tyrone Baptiste")),
    ("en", "Marco Delgado (also known as \"Chino\"), Tyrone Baptiste and Kevin Osei were named in the complaint.",
     ("Marco Delgado", "Tyrone Baptiste", "Kevin Osei")),
    ("fr", "Karim Benali, Youssef Amrani et Lucas Morel devront répondre d'importation de stupéfiants.",
     ("Karim Benali", "Youssef Amrani", "Lucas Morel")),
    ("nl", "Ronald Verbeek en Dennis Kuipers moeten zich verantwoorden voor de invoer van 500 kilo cocaïne.",
     ("Ronald Verbeek", "Dennis Kuipers")),
])
def test_frames(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # "with" that joins no co-defendant: a victim, a charge
    ("en", "Marco Delgado was charged with assaulting Brian Cole, a customs officer at the port."),
    ("en", "Marco Delgado was charged with the murder of Tyrone Baptiste in Grays."),
    # a gapped place with nobody charged before it
    ("en", "Marco Delgado lives at Tilbury and Tyrone Baptiste in Grays."),
    # the co-defendant apposition of a man whom a witness names, with nobody charged before
    ("en", "Tyrone Baptiste, his neighbour, told the court he had seen the van."),
    # negated and acquitted
    ("en", "Marco Delgado was not charged, and Tyrone Baptiste was acquitted."),
])
def test_frames_do_not_fire(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
