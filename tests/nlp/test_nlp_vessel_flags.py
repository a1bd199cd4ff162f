"""A flag adjective next to the ship-type noun is no part of the ship's name and no ship of its own."""

from __future__ import annotations

from nlp_support import mentions


def test_french_flag_after_the_type_noun(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Le vraquier panaméen Orion Bay a quitté Dakar à destination de Rouen.", lang="fr")
    assert mentions(fr, "VESSEL") == {"Orion Bay"}
    fr = run("La cocaïne a été découverte à bord du porte-conteneurs battant pavillon libérien Stella Nova au Havre.",
             lang="fr")
    assert mentions(fr, "VESSEL") == {"Stella Nova"}
    fr = run("Les gendarmes ont intercepté le chalutier espagnol Virgen Marina au large de Brest.", lang="fr")
    assert mentions(fr, "VESSEL") == {"Virgen Marina"}


def test_flag_adjective_after_aboard(run) -> None:  # type: ignore[no-untyped-def]
    nl = run("Aan boord van de Liberiaanse bulkcarrier Sea Lion werd cocaïne gevonden.", lang="nl")
    assert mentions(nl, "VESSEL") == {"Sea Lion"}
    ex = run("Drugs were found aboard the Panamanian bulk carrier Sea Lion in Antwerp.", lang="en")
    assert mentions(ex, "VESSEL") == {"Sea Lion"}


def test_no_ship_for_a_person_after_an_adjective(run) -> None:  # type: ignore[no-untyped-def]
    fr = run("Le capitaine du bateau voisin Pierre Martin a témoigné devant le tribunal.", lang="fr")
    assert "Pierre Martin" not in mentions(fr, "VESSEL")
