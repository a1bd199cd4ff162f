"""A ship-type noun that qualifies a person ("the ship's cook", "a tugboat deckhand", "le commandant du
navire, X") names no ship; the ordinary type-noun cues still do."""

from __future__ import annotations


def vessels(ex) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.name for e in ex.entities if e.type == "VESSEL"}


def test_possessive_and_compound_type_nouns_name_no_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Three men pleaded guilty. Rafael Ortega Vidal, the ship's cook, hid the bags. His brother, "
             "Tomás Ortega Vidal, a tugboat deckhand, was interviewed and has not been charged.", lang="en")
    assert vessels(ex) == set()


def test_a_person_after_the_ship_noun_and_a_comma(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Le commandant du navire, Nikos Papadimas, entendu à bord, n'est pas mis en cause.", lang="fr")
    assert "Nikos Papadimas" not in vessels(ex)


def test_type_noun_cues_still_name_ships(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The bulk carrier Nordic Harrier arrived at Immingham on 4 May. Santa Lucia, a reefer vessel "
             "flagged in Panama, sailed from Guayaquil.", lang="en")
    assert {"Nordic Harrier", "Santa Lucia"} <= vessels(ex)


def test_the_name_in_apposition_after_a_ship_noun_and_its_relative_clause(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("Het schip dat de container aanvoerde, de Lago Turquesa, was vanuit Paita vertrokken en had in "
             "Cartagena aangemeerd.", lang="nl")
    assert "Lago Turquesa" in vessels(ex)
    ex = run("The ship that carried the container, the Lago Turquesa, had sailed from Paita.", lang="en")
    assert "Lago Turquesa" in vessels(ex)


def test_a_person_after_a_relative_clause_is_no_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The ship that the police searched, the court heard, belonged to a Greek firm.", lang="en")
    assert vessels(ex) == set()


def test_a_relative_clause_with_an_adverb_moves_the_ship(run) -> None:  # type: ignore[no-untyped-def]
    ex = run("The container was loaded at Paita, Peru, onto the Lago Turquesa, which had also called at "
             "Callao before berthing in Valparaíso.", lang="en")
    assert "Lago Turquesa" in vessels(ex)
    ex = run("Officers searched the Blue Lagoon, which also had rooms above the bar.", lang="en")
    assert "Blue Lagoon" not in vessels(ex)
