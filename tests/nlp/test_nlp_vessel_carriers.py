"""Ships named after the words that brought cargo on them, after more type nouns, and after "named"."""

from __future__ import annotations

from nlp_support import mentions


def test_carried_by_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Cocaine was found in a container carried by the Cap Morello from Santos to Antwerp.", lang="en")
    assert mentions(ex, "VESSEL") == {"Cap Morello"}
    ex = run("The bananas were shipped on the Santa Ilaria to Rotterdam.", lang="en")
    assert mentions(ex, "VESSEL") == {"Santa Ilaria"}
    fr = run("Le conteneur, transporté par le Rio Verano depuis Santos, a été ouvert au Havre.", lang="fr")
    assert mentions(fr, "VESSEL") == {"Rio Verano"}
    nl = run("De container was verscheept met de Zeevalk uit Paramaribo.", lang="nl")
    assert mentions(nl, "VESSEL") == {"Zeevalk"}


def test_no_ship_for_a_body_a_day_or_a_person(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The goods were transported by the Port Authority to a bonded warehouse.", lang="en")
    assert mentions(ex, "VESSEL") == set()
    ex = run("The samples were carried by the Customs Service to the laboratory.", lang="en")
    assert mentions(ex, "VESSEL") == set()
    ex = run("The money was carried by the Peter Brennan, his lawyer said.", lang="en")
    assert mentions(ex, "VESSEL") == set()


def test_more_type_nouns_and_named(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The LNG carrier Arctic Dawn arrived in Milford Haven.", lang="en")
    assert mentions(ex, "VESSEL") == {"Arctic Dawn"}
    ex = run("The ship, named Ocean Starling, arrived in Felixstowe.", lang="en")
    assert mentions(ex, "VESSEL") == {"Ocean Starling"}
    nl = run("Het zeeschip Noordster meerde aan in Vlissingen.", lang="nl")
    assert mentions(nl, "VESSEL") == {"Noordster"}
