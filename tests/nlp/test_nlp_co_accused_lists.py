"""CO_ACCUSED lists of one sentence in the forms of sentencing releases, indictments and court reports."""

from __future__ import annotations

import pytest
from nlp_support import relations


def _pairs(ex) -> set[frozenset[str]]:
    return {frozenset(r[1:]) for r in relations(ex) if r[0] == "CO_ACCUSED"}


def _all(*names: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for x, a in enumerate(names) for b in names[x + 1:]}


@pytest.mark.parametrize(("lang", "text", "names"), [
    # "age 36" and a group word ("two Ecuadorians,") between members
    ("en", "Judge Barry Cole sentenced two Colombians, Jhon Ruiz Alvarez, age 36, and Ariel Calvo Henao, age 52, and "
           "two Ecuadorians, Hector Gomez Limones, age 38, and Vicente Lopez Mero, age 61, for conspiring to import "
           "cocaine.", ("Jhon Ruiz Alvarez", "Ariel Calvo Henao", "Hector Gomez Limones", "Vicente Lopez Mero")),
    ("en", "The NCA arrested the pair, Luis Carmona and Pedro Ibarra, at Felixstowe.", ("Luis Carmona", "Pedro Ibarra")),
    ("en", "After a six-day trial, a federal jury found Andres Quinones and Rafael Medina guilty of conspiracy.",
     ("Andres Quinones", "Rafael Medina")),
    # what the prosecution sought, each with his own term
    ("fr", "Le parquet a requis dix ans contre Karim Benali et huit ans contre Youssef Amrani.",
     ("Karim Benali", "Youssef Amrani")),
    ("nl", "De officier van justitie eiste tegen Ronald V. tien jaar en tegen Dennis K. zes jaar.",
     ("Ronald V.", "Dennis K.")),
    ("fr", "Parmi les personnes interpellées figurent Karim Benali, docker, et Youssef Amrani, chauffeur routier.",
     ("Karim Benali", "Youssef Amrani")),
    # a firm named with its trade before it
    ("nl", "Ronald V., Dennis K. en het transportbedrijf Kok Logistiek BV zijn gedagvaard.",
     ("Ronald V.", "Dennis K.", "Kok Logistiek BV")),
    ("en", "Darren Holt and his company, Holt Logistics Ltd, were fined and convicted.",
     ("Darren Holt", "Holt Logistics Ltd")),
    ("nl", "Onder de verdachten bevinden zich Ronald V., een havenarbeider, en Dennis K.", ("Ronald V.", "Dennis K.")),
    # a kinsman who shares the verb: "and his brother B to eight"
    ("en", "Darren Holt was sentenced to ten years and his brother Michael Holt to eight.",
     ("Darren Holt", "Michael Holt")),
    ("en", "In 2019, a grand jury indicted Wilson Mora, Jaime Ortega and a third crew member, Luis Peña.",
     ("Wilson Mora", "Jaime Ortega", "Luis Peña")),
    # held or accused without a charge verb, and "the case against"
    ("en", "Both Ronald Vance and Dennis Kerr remain in custody.", ("Ronald Vance", "Dennis Kerr")),
    ("nl", "Ronald V. en Dennis K. zitten in voorarrest.", ("Ronald V.", "Dennis K.")),
    ("nl", "In de zaak tegen Ronald V. en Dennis K. doet de rechtbank op 5 juni uitspraak.", ("Ronald V.", "Dennis K.")),
])
def test_lists_of_one_sentence(run, lang: str, text: str, names: tuple[str, ...]) -> None:
    assert _pairs(run(text, lang=lang)) == _all(*names)


@pytest.mark.parametrize(("lang", "text"), [
    # the French verb "a" after a name is no apposition that would join the next name to a list
    ("fr", "Mickaël Hébert, 38 ans, docker au port, a témoigné ; Youssef Amrani a été mis en examen."),
    # a witness list and a judge beside one defendant
    ("en", "Witnesses Jane Doyle and Mark Quinn told the court they saw the container."),
    ("en", "U.S. District Judge John Smith sentenced Ivan Petrov, 45, of Miami, to 150 months in prison."),
])
def test_no_list_of_co_accused(run, lang: str, text: str) -> None:
    assert not _pairs(run(text, lang=lang))
